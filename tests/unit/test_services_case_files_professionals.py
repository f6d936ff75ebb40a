"""Professionals travel through the case file: import, export and re-import lose nothing."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.casefile.professionals import PROFESSIONALS, ProfessionalRecord
from app.casefile.records import CaseFile, FamilyRecord
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.families import create_family
from app.services.professionals import add_professional, professionals_of_family
from app.services.unit_of_work import UnitOfWork
from app.services.views import ImportSummary
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent, Professional, RecordId
from tests.unit.test_services_case_files import sample_case

ACTOR = "Priya Shah"


def team(prefix: str, lead_at: int | None) -> tuple[ProfessionalRecord, ...]:
    """Ids deliberately unsorted; text with edges the app's own form would trim."""
    people = (
        ProfessionalRecord(f"{prefix}P-z", "Dr Anan Okafor ", "Wellington Road Surgery", "GP",
                           "01952 000 111", False),
        ProfessionalRecord(f"{prefix}P-a", "Sam Reid", "", "", "", False),
        ProfessionalRecord(f"{prefix}P-m", "Ruth Ellis", "Telford & Wrekin CSC",
                           "social worker ✓", " secure email only", False),
    )
    return tuple(replace(p, lead=i == lead_at) for i, p in enumerate(people))


def case_with_professionals(prefix: str = "") -> CaseFile:
    """Three families: the first with a lead, the second with none at all, the third no lead."""
    families = sample_case(families=3, visits=2, prefix=prefix).families
    return CaseFile((
        PROFESSIONALS.with_value(families[0], team(prefix + "a", lead_at=2)),
        families[1],
        PROFESSIONALS.with_value(families[2], team(prefix + "c", lead_at=None)[:2]),
    ))


def as_bytes(case: CaseFile) -> bytes:
    return dump_case_file(case_file_to_json(case, exported=None))


def _open(path: Path) -> Database:
    return open_database(path, secrets.token_bytes(32))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _open(tmp_path / "homevisit.db")
    yield database
    database.close()


def _import(db: Database, case: CaseFile) -> ImportSummary:
    with UnitOfWork(db) as uow:
        summary = import_case_file(uow, case, actor=ACTOR)
        uow.commit()
    return summary


def _export(db: Database) -> CaseFile:
    with UnitOfWork(db) as uow:
        case = export_case_file(uow, actor=ACTOR, app_version="0.1.0")
        uow.commit()
    return case


def test_import_export_import_into_a_fresh_profile_export_is_identical(
    db: Database, tmp_path: Path
) -> None:
    case = case_with_professionals()
    summary = _import(db, case)
    assert summary.professionals == 5
    assert str(summary) == "3 families, 6 carers, 6 children, 6 visits, 5 professionals"
    first = _export(db)
    assert first == case
    second_db = _open(tmp_path / "second.db")
    try:
        _import(second_db, parse_case_file(as_bytes(first)))
        second = _export(second_db)
    finally:
        second_db.close()
    assert as_bytes(second) == as_bytes(first) == as_bytes(case)
    written = json.loads(as_bytes(second))["families"]
    assert [p["id"] for p in written[0]["professionals"]] == ["aP-z", "aP-a", "aP-m"]
    assert [p["lead"] for p in written[0]["professionals"]] == [False, False, True]
    assert written[0]["professionals"][0]["name"] == "Dr Anan Okafor "  # kept, not trimmed


def test_a_family_without_professionals_exports_without_the_key(db: Database) -> None:
    _import(db, case_with_professionals())
    written = case_file_to_json(_export(db), exported=None)["families"]
    assert ["professionals" in family for family in written] == [True, False, True]
    assert list(written[0])[-1] == "professionals"


def test_a_file_without_professionals_keeps_its_summary_line_and_exports_unchanged(
    db: Database,
) -> None:
    case = sample_case(families=2, visits=1)
    summary = _import(db, case)
    assert str(summary) == "2 families, 4 carers, 4 children, 2 visits"
    assert as_bytes(_export(db)) == as_bytes(case)


def test_imported_professionals_are_the_app_s_records_with_their_lead(db: Database) -> None:
    _import(db, case_with_professionals())
    with UnitOfWork(db) as uow:
        views = professionals_of_family(uow, "F2")
        kinds = set(uow.session.scalars(
            select(RecordId.kind).where(RecordId.id.in_([v.id for v in views]))
        ))
    assert [(v.id, v.lead) for v in views] == [("aP-z", False), ("aP-a", False), ("aP-m", True)]
    assert kinds == {"professional"}


def test_professionals_added_in_the_app_export_after_imported_ones(db: Database) -> None:
    _import(db, case_with_professionals())
    with UnitOfWork(db) as uow:
        made = create_family(uow, ACTOR, name="Made here", address="1 Elm Row")
        added = add_professional(uow, ACTOR, "F0", name="Jo Hart", agency="Midwifery",
                                 role="midwife", contact="", lead=True)
        add_professional(uow, ACTOR, made.id, name="Kim Lee", agency="", role="GP", contact="",
                         lead=False)
        uow.commit()
    exported = _export(db)
    f0 = next(f for f in exported.families if f.id == "F0")
    assert [(p.id, p.lead) for p in PROFESSIONALS.of(f0)] == [
        ("cP-z", False), ("cP-a", False), (added.id, True)
    ]
    assert PROFESSIONALS.of(exported.families[-1])[0].name == "Kim Lee"


def test_an_id_clash_with_an_existing_professional_names_its_path_and_nothing_lands(
    db: Database,
) -> None:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Made here", address="1 Elm Row")
        existing = add_professional(uow, ACTOR, family.id, name="Jo Hart", agency="", role="",
                                    contact="", lead=True)
        uow.commit()
    before = as_bytes(_export(db))
    case = case_with_professionals(prefix="n")
    clashing = team("na", lead_at=2)
    first = PROFESSIONALS.with_value(
        case.families[0], (clashing[0], replace(clashing[1], id=existing.id), clashing[2])
    )
    with UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as raised:
            import_case_file(uow, CaseFile((first, *case.families[1:])), actor=ACTOR)
        uow.commit()  # a commit after the refusal must still find nothing half-written
    assert raised.value.path == "$.families[0].professionals[1].id"
    assert raised.value.problem == f"id '{existing.id}' already exists in this profile"
    assert as_bytes(_export(db)) == before


def _with_team(team_: tuple[ProfessionalRecord, ...]) -> FamilyRecord:
    return PROFESSIONALS.with_value(sample_case(families=1).families[0], team_)


@pytest.mark.parametrize(
    ("family", "path", "problem"),
    [
        (_with_team(tuple(replace(p, lead=True) for p in team("x", None))),
         "$.families[0].professionals[1].lead",
         "only one professional may lead; the lead is $.families[0].professionals[0]"),
        (_with_team((*team("x", None), replace(team("x", None)[0], name="again"))),
         "$.families[0].professionals[3].id", "id 'xP-z' is used twice in this file"),
        (_with_team((replace(team("x", None)[0], id="C0z"),)),
         "$.families[0].professionals[0].id", "id 'C0z' is used twice in this file"),
    ],
    ids=["two leads", "duplicate professional id", "professional id of a carer"],
)
def test_unvalidated_professionals_are_refused_before_anything_is_written(
    db: Database, family: FamilyRecord, path: str, problem: str
) -> None:
    with UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as raised:
            import_case_file(uow, CaseFile((family,)), actor=ACTOR)
        assert uow.session.scalar(select(func.count()).select_from(RecordId)) == 0
        assert uow.session.scalar(select(func.count()).select_from(Professional)) == 0
    assert (raised.value.path, raised.value.problem) == (path, problem)


def test_the_import_audit_counts_professionals_without_their_details(db: Database) -> None:
    _import(db, case_with_professionals())
    with UnitOfWork(db) as uow:
        detail = uow.session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "import"))
    assert detail is not None
    assert json.loads(detail)["professionals"] == 5
    assert not any(word in detail for word in ("Okafor", "Surgery", "01952", "aP-z"))
