"""GCP2 reports: gathering the frozen report data inside a unit of work, rendering the PDF in
memory, and auditing every preview, print, save and export (ids, kind, fingerprint, where).

The parent report's data is built field by field from the record: practitioner-only notes,
item grades and anything of the content pack are simply never read into it, and only this
child's record is touched. The PDF exists as bytes in memory; the one way it reaches a disk is
`save_report`/`export_report`, to a file a person named, audited as an export.

Extension point for plans: a feature registers a `PlanActionSource` with
`add_plan_action_source` (from a module `app.services.plans_report`, imported here when it
exists); its SMART actions get their own "Our plan together" page in the parent report.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, cast

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.reports import (
    ChronologyLine,
    Contact,
    LivedExperienceLine,
    PageMarking,
    ParentArea,
    ParentReport,
    ParentSubArea,
    PlanAction,
    PractitionerReport,
    RenderedReport,
    audit_line,
    record_fingerprint,
    render_parent_report,
    render_practitioner_report,
    short_fingerprint,
    wording,
)
from app.services import assessment_store as store
from app.services.chronology import family_chronology
from app.services.lived_experience import entries_of_child
from app.services.practitioners import current_practitioner
from app.services.professionals import professionals_of_family
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child, Family
from app.storage.models_gcp2 import Gcp2Assessment
from assessments import gcp2
from assessments.record import Assessment
from assessments.themes import LIVED_EXPERIENCE_SOURCE_NAMES, PART_OF_DAY_NAMES, default_catalogue

ReportKind = Literal["parent", "practitioner"]
KINDS: tuple[ReportKind, ...] = ("parent", "practitioner")
PlanActionSource = Callable[[UnitOfWork, Assessment], Sequence[PlanAction]]
"""SMART plan actions for an assessment's parent report (the plans feature supplies them)."""

_PLAN_SOURCES: list[PlanActionSource] = []
_FEATURE_MODULES = ("app.services.plans_report",)
Writer = Callable[[Path, bytes], None]
_PART_OF_DAY = {str(k): v for k, v in PART_OF_DAY_NAMES.items()}
_SOURCES = {str(k): v for k, v in LIVED_EXPERIENCE_SOURCE_NAMES.items()}


@dataclass(frozen=True)
class GeneratedReport:
    """A rendered report held in memory, with what is needed to audit what is done with it."""

    assessment_id: str
    kind: ReportKind
    child_name: str  # for the preview window's title; never written to the audit log
    fingerprint: str
    pdf: bytes
    pages: int

    @property
    def short_fingerprint(self) -> str:
        return short_fingerprint(self.fingerprint)


def add_plan_action_source(source: PlanActionSource) -> PlanActionSource:
    """Let the plans feature put an assessment's SMART actions in the parent report."""
    if source not in _PLAN_SOURCES:
        _PLAN_SOURCES.append(source)
    return source


def report_kind(kind: str) -> ReportKind:
    if kind not in KINDS:
        raise UsageError("the report kind is 'parent' or 'practitioner'")
    return cast(ReportKind, kind)


def _load(uow: UnitOfWork, assessment_id: str) -> tuple[Gcp2Assessment, Assessment, Child]:
    row = uow.session.get(Gcp2Assessment, assessment_id)
    if row is None:
        raise UnknownRecord(f"no assessment with id '{assessment_id}'")
    record = store.record_of(uow.session, row)
    child = uow.session.get(Child, record.child)
    assert child is not None  # the schema's (child_id, family_id) key guarantees it
    return row, record, child


def _marking(child: Child, record: Assessment, line: str = "") -> PageMarking:
    return PageMarking(child.name, child.date_of_birth, record_fingerprint(record), line)


def _plan(uow: UnitOfWork, record: Assessment) -> tuple[PlanAction, ...]:
    for module in _FEATURE_MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    return tuple(action for source in _PLAN_SOURCES for action in source(uow, record))


def _contacts(uow: UnitOfWork, family_id: str) -> tuple[Contact, ...]:
    me = current_practitioner(uow)
    found: list[Contact] = []
    if me is not None:
        found.append(Contact(me.name, me.role or "", me.organisation or me.agency or ""))
    for p in professionals_of_family(uow, family_id):
        if p.lead and (me is None or p.name != me.name):
            found.append(Contact(p.name, f"{p.role} (lead professional)", p.agency, p.contact))
    return tuple(found)


def parent_report_data(uow: UnitOfWork, assessment_id: str) -> ParentReport:
    """The parent report's data: this child's grades, evidence, views and targets in words."""
    row, record, child = _load(uow, assessment_id)
    me = current_practitioner(uow)
    me_name = "" if me is None else me.name
    areas = tuple(
        ParentArea(
            area.id, area.letter, area.name, _area_grade(record, area.id),
            tuple(ParentSubArea(sub.name, record.sub_area_grade(sub.id),
                                _evidence(record, sub.id)) for sub in area.sub_areas),
        )
        for area in gcp2.AREAS
    )
    changes = tuple(
        PlanAction(wording.change_what(gcp2.sub_area(t.sub_area).name, t.current, t.target),
                   wording.change_who(me_name), t.review_by)
        for t in record.targets
    )
    pending = [t.review_by for t in record.targets
               if t.review_by is not None and t.review_grade is None]
    return ParentReport(
        marking=_marking(child, record), assessed_by=me_name,
        finished_on=None if record.completed_at is None else record.completed_at.date(),
        strengths=record.strengths, carer_views=record.carer_views,
        child_views=record.child_views, parent_agrees=record.parent_agrees,
        parent_comments=record.parent_comments, areas=areas, changes=changes,
        next_review=min(pending, default=None), contacts=_contacts(uow, row.family_id),
        plan=_plan(uow, record),
    )


def _area_grade(record: Assessment, area_id: str) -> int | None:
    confirmed = record.areas.get(area_id)
    return None if confirmed is None else confirmed.grade


def _evidence(record: Assessment, sub_area_id: str) -> str:
    entry = record.sub_areas.get(sub_area_id)
    return "" if entry is None else entry.evidence


def _theme_names(ids: Sequence[str]) -> tuple[str, ...]:
    catalogue = default_catalogue()
    return tuple(catalogue.get(t).name if t in catalogue else t for t in ids)


def practitioner_report_data(
    uow: UnitOfWork, assessment_id: str, *, generated_by: str, generated_at: datetime
) -> PractitionerReport:
    """Everything in the assessment, its baseline, the child's lived experience and the
    chronology rows of this child and of the whole family."""
    row, record, child = _load(uow, assessment_id)
    baseline = None
    if record.previous is not None:
        earlier = uow.session.get(Gcp2Assessment, record.previous)
        baseline = None if earlier is None else store.record_of(uow.session, earlier)
    family = uow.session.get(Family, row.family_id)
    me = current_practitioner(uow)
    who = "" if me is None else ", ".join(
        v for v in (me.name, me.role, me.organisation or me.agency) if v)
    lived = tuple(
        LivedExperienceLine(
            e.occurred_at, _PART_OF_DAY.get(e.part_of_day, e.part_of_day), e.text,
            e.child_voice, e.impact, _SOURCES.get(e.source, e.source), _theme_names(e.themes))
        for e in entries_of_child(uow, child.id)
    )
    chronology = tuple(
        ChronologyLine(c.occurred_at, c.child, c.event, _SOURCES.get(c.source, c.source),
                       c.impact, c.outcome, _theme_names(c.themes))
        for c in family_chronology(uow, row.family_id, child_id=child.id)
    )
    people = tuple(Contact(p.name, p.role + (" (lead)" if p.lead else ""), p.agency, p.contact)
                   for p in professionals_of_family(uow, row.family_id))
    return PractitionerReport(
        marking=_marking(child, record, audit_line(generated_by, generated_at, record.id)),
        assessment=record, baseline=baseline, nhs_number=child.nhs_number,
        family_name="" if family is None else family.name, practitioner=who,
        pack="" if row.pack_id is None else f"{row.pack_id} version {row.pack_version}",
        professionals=people, lived_experience=lived, chronology=chronology,
        generated_by=generated_by, generated_at=generated_at,
    )


def render_report(
    uow: UnitOfWork, assessment_id: str, kind: str, *, actor: str, at: datetime | None = None
) -> GeneratedReport:
    """The report as PDF bytes. Not audited by itself: the callers below audit what is done
    with it (use them; this is public for measuring)."""
    chosen = report_kind(kind)
    rendered: RenderedReport
    if chosen == "parent":
        data = parent_report_data(uow, assessment_id)
        marking, rendered = data.marking, render_parent_report(data)
    else:
        full = practitioner_report_data(uow, assessment_id, generated_by=actor,
                                        generated_at=at or datetime.now().astimezone())
        marking, rendered = full.marking, render_practitioner_report(full)
    return GeneratedReport(assessment_id, chosen, marking.child_name, marking.fingerprint,
                           rendered.pdf, rendered.pages)


def _detail(report: GeneratedReport) -> dict[str, str | int]:
    return {"what": "report", "report": report.kind, "fingerprint": report.fingerprint,
            "pages": report.pages}


def preview_report(
    uow: UnitOfWork, actor: str, assessment_id: str, kind: str, *, at: datetime | None = None
) -> GeneratedReport:
    """Render for the on-screen preview (held in memory only); audited as a view."""
    report = render_report(uow, assessment_id, kind, actor=actor, at=at)
    record_event(uow.session, actor=actor, action="view", record_kind="assessment",
                 record_id=assessment_id, detail=_detail(report))
    return report


def record_printed(uow: UnitOfWork, actor: str, report: GeneratedReport, *, printer: str,
                   pages: int, where: str | None = None) -> None:
    """Audit that a previewed report went to a printer (its name) and how many pages; `where`
    is the file when the print system wrote one (a PDF printer)."""
    detail = {**_detail(report), "printer": printer, "pages": pages, "where": where}
    record_event(uow.session, actor=actor, action="print", record_kind="assessment",
                 record_id=report.assessment_id, detail=detail)


def save_report(uow: UnitOfWork, actor: str, report: GeneratedReport, where: Path, *,
                write: Writer, via: str = "save as PDF") -> None:
    """Write the report to the file a person named (plaintext: they were warned) and audit it
    as an export with where it went. The audit event is written only if the file was."""
    target = where.expanduser().absolute()
    write(target, report.pdf)
    record_event(uow.session, actor=actor, action="export", record_kind="assessment",
                 record_id=report.assessment_id,
                 detail={**_detail(report), "where": str(target), "via": via})


def export_report(
    uow: UnitOfWork, actor: str, assessment_id: str, kind: str, where: Path, *, write: Writer,
    at: datetime | None = None,
) -> GeneratedReport:
    """`homevisit report`: render and write to the named file, audited as an export."""
    report = render_report(uow, assessment_id, kind, actor=actor, at=at)
    save_report(uow, actor, report, where, write=write, via="command line")
    return report
