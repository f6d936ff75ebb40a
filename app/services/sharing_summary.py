"""Gathering a `SummaryInput` from the profile: what one share of a completed GCP2 holds.

Reads the completed assessment, the child and household, the carers, the practitioner, the
cumulative harm factors seen in the child's lived experience and the family's agency entries,
and the open actions of the child's (and the family's) plans. Copies only the fields the
summary may carry into the frozen input; `practitioner_only`, evidence text and item grades are
never read into it (see `app/sharing/summary_input.py`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.config.locate import organisation_config
from app.services import assessment_store
from app.services.practitioners import current_practitioner
from app.services.unit_of_work import UnitOfWork
from app.sharing.summary_input import (
    AddendumDetails,
    CarerDetails,
    ChildDetails,
    Grade,
    PlanAction,
    SharingBasis,
    SummaryInput,
    TargetDetails,
)
from app.storage.models import Carer, Child, Family
from app.storage.models_gcp2 import Gcp2Assessment
from app.storage.models_lived import ChronologyEntry, LivedExperienceEntry
from assessments import gcp2
from assessments.record import Assessment


def harm_factor_names(uow: UnitOfWork, family_id: str, child_id: str) -> tuple[str, ...]:
    """Cumulative harm factors tagged on the child's entries or the family's agency entries,
    in the catalogue's order (names, not ids: the front door reads them)."""
    catalogue = organisation_config(uow).themes.catalogue
    seen: set[str] = set()
    for themes in uow.session.scalars(
        select(LivedExperienceEntry.themes).where(LivedExperienceEntry.child_id == child_id)
    ):
        seen.update(themes)
    for themes in uow.session.scalars(
        select(ChronologyEntry.themes).where(
            ChronologyEntry.family_id == family_id,
            (ChronologyEntry.child_id == child_id) | ChronologyEntry.child_id.is_(None),
        )
    ):
        seen.update(themes)
    factors = catalogue.cumulative_harm_factor_ids()
    return tuple(t.name for t in catalogue.themes if t.id in seen and t.id in factors)


def plan_actions(uow: UnitOfWork, family_id: str, child_id: str) -> tuple[PlanAction, ...]:
    """Open actions of the plans for this child and for the whole family."""
    from app.services.plans import plans_of_family  # the plans feature, loaded only when sharing

    actions: list[PlanAction] = []
    for plan in plans_of_family(uow, family_id):
        if plan.child_id not in (None, child_id):
            continue
        for a in plan.actions:
            if a.status != "open":
                continue
            what = f"{a.does_what} (so that: {a.change_for_child})" if a.change_for_child else a.does_what
            actions.append(PlanAction(what=what, who=a.who, by_when=a.by_when, measure=a.measure))
    return tuple(actions)


def _grades(record: Assessment) -> tuple[tuple[Grade, ...], tuple[Grade, ...]]:
    area_grades = {a: record.areas[a].grade for a in gcp2.AREA_IDS if a in record.areas}
    sub_grades = {s: record.sub_areas[s].grade for s in gcp2.SUB_AREA_IDS if s in record.sub_areas}
    return (tuple(Grade(a, g) for a, g in area_grades.items() if g is not None),
            tuple(Grade(s, g) for s, g in sub_grades.items() if g is not None))


def summary_input(
    uow: UnitOfWork,
    row: Gcp2Assessment,
    *,
    submission_id: str,
    shared_at: datetime,
    basis: SharingBasis,
    repeats_submission: str | None,
) -> SummaryInput:
    """The frozen input for sharing the completed assessment `row`."""
    session = uow.session
    record = assessment_store.record_of(session, row)
    assert record.completed_at is not None  # the caller refuses drafts
    child = session.get(Child, row.child_id)
    family = session.get(Family, row.family_id)
    assert child is not None and family is not None  # the schema's keys guarantee both
    carers = session.scalars(select(Carer).where(Carer.family_id == family.id).order_by(Carer.seq))
    practitioner = current_practitioner(uow)
    areas, subs = _grades(record)
    return SummaryInput(
        submission_id=submission_id,
        shared_at=shared_at,
        assessment_id=record.id,
        started_at=record.started_at,
        completed_at=record.completed_at,
        child=ChildDetails(child.id, child.name, child.date_of_birth, child.nhs_number, family.address),
        carers=tuple(CarerDetails(c.id, c.name, c.relationship, c.parental_responsibility) for c in carers),
        practitioner=practitioner.name if practitioner else "Not recorded",
        organisation=(practitioner.organisation if practitioner else None) or "Not recorded",
        area_grades=areas,
        sub_area_grades=subs,
        strengths=record.strengths,
        harm_factors=harm_factor_names(uow, family.id, child.id),
        targets=tuple(TargetDetails(t.sub_area, t.current, t.target, t.review_by, t.review_grade)
                      for t in record.targets),
        plan=plan_actions(uow, family.id, child.id),
        child_voice=record.child_views,
        parent_agrees=record.parent_agrees,
        parent_comments=record.parent_comments,
        addenda=tuple(AddendumDetails(a.at, a.author, a.reason, a.text) for a in record.addenda),
        basis=basis,
        repeats_submission=repeats_submission,
    )
