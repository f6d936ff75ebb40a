"""Case files in and out of a profile: `homevisit.case/1` records to rows and back, in file order.

Import takes a CaseFile the case-file parser has already validated and writes it in the caller's
one transaction with bulk inserts (10,000 visits well under a second). The `record_ids` registry
refuses an id the profile already holds; that refusal is reported with the JSON path of the
first such id in file order. Family sections are stored only where this profile has tables for
them (`professionals`, `assessments`); any other section is refused rather than dropped. Export rebuilds the CaseFile in stored (`seq`) order, so
import → export → import into a new profile → export gives the same records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import record_event
from app.casefile.assessments import ASSESSMENTS
from app.casefile.professionals import PROFESSIONALS, ProfessionalRecord
from app.casefile.records import (
    CarerRecord,
    CaseFile,
    ChildRecord,
    FamilyRecord,
    VisitRecord,
)
from app.errors import InvalidInput
from app.services import (
    assessment_store,
    case_file_assessments,
    case_file_lived,
    case_file_planned,
    plans_case_file,
    sharing_case_file,
)
from app.services.registry import next_seq, utc_key
from app.services.unit_of_work import UnitOfWork
from app.services.views import ImportSummary
from app.services.visits import presence_rows
from app.storage.models import (
    ID_LENGTH,
    Carer,
    Child,
    Family,
    Professional,
    RecordId,
    Visit,
    VisitPresence,
)
from app.storage.models_gcp2 import Gcp2Assessment

_CHUNK = 500  # ids per `IN (...)` when looking for the clashing one
_STORED_SECTIONS = frozenset({PROFESSIONALS.key, ASSESSMENTS.key}) | case_file_lived.SECTION_KEYS | plans_case_file.SECTION_KEYS | sharing_case_file.SECTION_KEYS  # family sections this profile has tables for
_STORED_SECTIONS |= case_file_planned.SECTION_KEYS


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(id, kind, JSON path) for every record, in document order."""
    for f, family in enumerate(case.families):
        yield family.id, "family", f"$.families[{f}].id"
        for i, carer in enumerate(family.carers):
            yield carer.id, "carer", f"$.families[{f}].carers[{i}].id"
        for i, child in enumerate(family.children):
            yield child.id, "child", f"$.families[{f}].children[{i}].id"
        for i, visit in enumerate(family.visits):
            yield visit.id, "visit", f"$.families[{f}].visits[{i}].id"
        for i, professional in enumerate(PROFESSIONALS.of(family)):
            yield professional.id, "professional", f"$.families[{f}].professionals[{i}].id"
    yield from case_file_assessments.assessment_ids_with_paths(case)
    yield from case_file_lived.ids_with_paths(case)
    yield from case_file_planned.ids_with_paths(case)
    yield from plans_case_file.ids_with_paths(case)
    yield from sharing_case_file.ids_with_paths(case)


def _check_file(case: CaseFile, ids: list[tuple[str, str, str]]) -> None:
    """What the database would refuse less helpfully; the parser normally caught it already."""
    seen: set[str] = set()
    for record_id, _kind, path in ids:
        if not 1 <= len(record_id) <= ID_LENGTH:
            raise InvalidInput(path, f"an id must be 1 to {ID_LENGTH} characters")
        if record_id in seen:
            raise InvalidInput(path, f"id '{record_id}' is used twice in this file")
        seen.add(record_id)
    for f, family in enumerate(case.families):
        for key in family.sections.keys():
            if key in _STORED_SECTIONS:
                continue
            # Storage for later features' sections arrives with their own tables; until then
            # refusing is better than dropping a practitioner's records without a word.
            raise InvalidInput(f"$.families[{f}].{key}", "this profile cannot store this yet")
        leads = [i for i, p in enumerate(PROFESSIONALS.of(family)) if p.lead]
        if len(leads) > 1:
            # The database's one-lead index would refuse it with no path at all.
            raise InvalidInput(
                f"$.families[{f}].professionals[{leads[1]}].lead",
                f"only one professional may lead; the lead is $.families[{f}].professionals[{leads[0]}]",
            )
        people = {c.id for c in family.carers} | {c.id for c in family.children}
        for v, visit in enumerate(family.visits):
            for p, person in enumerate(visit.present):
                if person not in people or visit.present.index(person) != p:
                    raise InvalidInput(
                        f"$.families[{f}].visits[{v}].present[{p}]",
                        f"'{person}' is not a carer or child of this family listed once",
                    )


def _first_clash(session: Session, ids: list[tuple[str, str, str]]) -> tuple[str, str] | None:
    existing: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = [i for i, _k, _p in ids[start : start + _CHUNK]]
        existing.update(session.scalars(select(RecordId.id).where(RecordId.id.in_(chunk))))
    return next(((i, p) for i, _k, p in ids if i in existing), None)


def _claim_ids(session: Session, ids: list[tuple[str, str, str]]) -> None:
    try:
        with session.begin_nested():
            session.execute(
                insert(_table(RecordId)), [{"id": i, "kind": k} for i, k, _p in ids]
            )
    except IntegrityError:
        clash = _first_clash(session, ids)
        if clash is None:  # refused for another reason: still nothing was written
            raise InvalidInput("$", "the records could not be stored; nothing was imported") from None
        record_id, path = clash
        raise InvalidInput(path, f"id '{record_id}' already exists in this profile") from None


def import_case_file(uow: UnitOfWork, case: CaseFile, *, actor: str) -> ImportSummary:
    """Add every record of the file to the profile, all or nothing (the caller commits)."""
    session = uow.session
    ids = list(_ids_with_paths(case))
    _check_file(case, ids)
    case_file_assessments.check_against_profile(uow, case)
    plans_case_file.check_against_profile(uow, case)
    sharing_case_file.check_file(session, case)
    if ids:
        _claim_ids(session, ids)
    seq = {
        model: next_seq(session, model) for model in (Family, Carer, Child, Visit, Professional)
    }
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for family in case.families:
        rows[Family].append(
            {"id": family.id, "seq": seq[Family], "name": family.name, "address": family.address}
        )
        seq[Family] += 1
        for carer in family.carers:
            rows[Carer].append({
                "id": carer.id, "family_id": family.id, "seq": seq[Carer], "name": carer.name,
                "relationship": carer.relationship,
                "parental_responsibility": carer.parental_responsibility,
            })
            seq[Carer] += 1
        for child in family.children:
            rows[Child].append({
                "id": child.id, "family_id": family.id, "seq": seq[Child], "name": child.name,
                "date_of_birth": child.date_of_birth, "nhs_number": child.nhs_number,
            })
            seq[Child] += 1
        carer_ids = {c.id for c in family.carers}
        for visit in family.visits:
            rows[Visit].append({
                "id": visit.id, "family_id": family.id, "seq": seq[Visit],
                "occurred_at": visit.occurred_at, "recorded_at": visit.recorded_at,
                "occurred_utc": utc_key(visit.occurred_at), "kind": visit.kind,
                "notes": visit.notes,
            })
            seq[Visit] += 1
            rows[VisitPresence].extend(
                presence_rows(visit.id, family.id, visit.present, carer_ids)
            )
        for professional in PROFESSIONALS.of(family):
            # Text kept exactly as the file gave it (the add service trims; import must not).
            rows[Professional].append({
                "id": professional.id, "family_id": family.id, "seq": seq[Professional],
                "name": professional.name, "agency": professional.agency,
                "role": professional.role, "contact": professional.contact,
                "lead": professional.lead,
            })
            seq[Professional] += 1
    # Parents before children, so each foreign key finds its row. Core table inserts are one
    # executemany each; the ORM bulk path would run one statement per row here.
    for model in (Family, Carer, Child, Visit, VisitPresence, Professional):
        if rows[model]:
            session.execute(insert(_table(model)), rows[model])
    assessments = case_file_assessments.insert_assessments(
        session, case, next_seq(session, Gcp2Assessment)
    )
    case_file_lived.insert_entries(session, case)
    case_file_planned.insert_records(session, case)  # after the visits that held them
    plans_case_file.insert_records(session, case)
    sharing_case_file.insert_decisions(session, case)
    summary = ImportSummary(
        families=len(rows[Family]), carers=len(rows[Carer]),
        children=len(rows[Child]), visits=len(rows[Visit]),
        professionals=len(rows[Professional]), assessments=assessments,
    )
    record_event(
        session, actor=actor, action="import", record_kind="case_file", record_id="*",
        detail={
            "families": summary.families, "carers": summary.carers,
            "children": summary.children, "visits": summary.visits,
            "professionals": summary.professionals, "assessments": summary.assessments,
            "family_ids": [f.id for f in case.families],
        },
    )
    return summary


def export_case_file(uow: UnitOfWork, *, actor: str, app_version: str) -> CaseFile:
    """Every family of the profile as a CaseFile, records in the order they were stored."""
    session = uow.session
    carers: dict[str, list[CarerRecord]] = defaultdict(list)
    for carer in session.scalars(select(Carer).order_by(Carer.seq)):
        carers[carer.family_id].append(
            CarerRecord(carer.id, carer.name, carer.relationship, carer.parental_responsibility)
        )
    children: dict[str, list[ChildRecord]] = defaultdict(list)
    for child in session.scalars(select(Child).order_by(Child.seq)):
        children[child.family_id].append(
            ChildRecord(child.id, child.name, child.date_of_birth, child.nhs_number)
        )
    present: dict[str, list[str]] = defaultdict(list)
    for visit_id, carer_id, child_id in session.execute(
        select(VisitPresence.visit_id, VisitPresence.carer_id, VisitPresence.child_id)
        .order_by(VisitPresence.visit_id, VisitPresence.position)
    ):
        present[visit_id].append(carer_id if carer_id is not None else str(child_id))
    visits: dict[str, list[VisitRecord]] = defaultdict(list)
    for visit in session.scalars(select(Visit).order_by(Visit.seq)):
        visits[visit.family_id].append(
            VisitRecord(
                id=visit.id,
                occurred_at=visit.occurred_at,
                recorded_at=visit.recorded_at,
                kind="unannounced" if visit.kind == "unannounced" else "announced",
                present=tuple(present.get(visit.id, ())),
                notes=visit.notes,
            )
        )
    professionals: dict[str, list[ProfessionalRecord]] = defaultdict(list)
    for row in session.scalars(select(Professional).order_by(Professional.seq)):
        professionals[row.family_id].append(
            ProfessionalRecord(row.id, row.name, row.agency, row.role, row.contact, row.lead)
        )
    assessments = assessment_store.by_family(session)
    lived, agency = case_file_lived.stored_entries(session)
    families = tuple(
        case_file_lived.with_entries(ASSESSMENTS.with_value(PROFESSIONALS.with_value(
            FamilyRecord(
                id=family.id,
                name=family.name,
                address=family.address,
                carers=tuple(carers.get(family.id, ())),
                children=tuple(children.get(family.id, ())),
                visits=tuple(visits.get(family.id, ())),
            ),
            tuple(professionals.get(family.id, ())),
        ), assessments.get(family.id, ())), lived, agency)
        for family in session.scalars(select(Family).order_by(Family.seq))
    )
    planned = case_file_planned.stored_records(session)
    families = tuple(case_file_planned.with_records(f, planned) for f in families)
    plans_stored = plans_case_file.stored_records(session)
    families = tuple(plans_case_file.with_records(f, plans_stored) for f in families)
    decisions = sharing_case_file.stored_decisions(session)
    families = tuple(sharing_case_file.with_decisions(f, decisions) for f in families)
    record_event(
        session, actor=actor, action="export", record_kind="case_file", record_id="*",
        detail={"families": len(families), "app_version": app_version},
    )
    return CaseFile(families=families)
