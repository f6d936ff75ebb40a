"""Graded Care Profile 2 assessments: start (behind the training gate), grade sub-areas and the
pack's items, confirm areas, complete, add addenda, record grades at review of targets, list a
child's assessments, compare a re-grade with its baseline, and hand the editor the pack's text.

Every change follows one path: load the stored record, build the changed record, let
`assessments.lifecycle.check_change` and `assessments.grading` judge it, then save and audit.
So a completed assessment is refused every edit except an addendum, whichever use case asks.
Only the problems a change *introduces* refuse it (a pack replaced since an item was graded does
not lock a draft). Audit details hold ids and field names, never grades, text or pack wording.
`pack_text_for` is the one function that returns licensed pack text: for the editor's screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app.audit import record_event
from app.errors import InvalidInput, UnknownRecord, UsageError
from app.services import assessment_store as store
from app.services.content_packs import current_content_pack
from app.services.practitioners import current_practitioner
from app.services.registry import next_seq, register
from app.services.unit_of_work import UnitOfWork
from app.services.views_gcp2 import (
    AssessmentSummary,
    AssessmentView,
    PackItemText,
    PackText,
    ProfileComparison,
)
from app.storage.models import Child
from app.storage.models_gcp2 import Gcp2Assessment
from assessments import gcp2, lifecycle
from assessments import targets as target_rules
from assessments.errors import LifecycleError
from assessments.grading import completion_problems, record_problems
from assessments.pack_model import ContentPack
from assessments.record import AreaGrade, Assessment, SubAreaGrade, Target
from assessments.scale import GRADES

VIEW_FIELDS = ("strengths", "carer_views", "child_views", "parent_agrees", "parent_comments",
               "practitioner_only")
_COMPLETED = ("this assessment is complete and is never edited; add an addendum with the reason "
              "for the change")


def _now() -> datetime:
    return datetime.now().astimezone()


def _require(uow: UnitOfWork, assessment_id: str) -> Gcp2Assessment:
    row = uow.session.get(Gcp2Assessment, assessment_id)
    if row is None:
        raise UnknownRecord(f"no assessment with id '{assessment_id}'")
    return row


def _view(row: Gcp2Assessment, record: Assessment) -> AssessmentView:
    return AssessmentView(row.family_id, record, row.pack_id, row.pack_version)


def _aware(moment: datetime, what: str) -> datetime:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise UsageError(f"the {what} must be a date and time with its UTC offset")
    return moment


def start_assessment(
    uow: UnitOfWork,
    actor: str,
    child_id: str,
    *,
    started_at: datetime | None = None,
    previous_id: str | None = None,
) -> AssessmentView:
    """A new draft GCP2 for a child; with `previous_id`, a re-grade of that earlier assessment.

    Training gate: the profile's practitioner must have a recorded GCP2 training date.
    """
    session = uow.session
    child = session.get(Child, child_id)
    if child is None:
        raise UnknownRecord(f"no child with id '{child_id}'")
    practitioner = current_practitioner(uow)
    trained_on = None if practitioner is None else practitioner.gcp2_trained_on
    started = _aware(started_at or _now(), "start time")
    previous = None
    if previous_id is not None:
        previous = store.record_of(session, _require(uow, previous_id))
    assessment_id = register(session, "assessment")
    try:
        record = lifecycle.start_assessment(
            assessment_id, child_id, started, trained_on=trained_on, previous=previous
        )
    except LifecycleError as error:
        raise UsageError(error.reason) from None
    pack = current_content_pack(uow)
    row = Gcp2Assessment(
        id=assessment_id, family_id=child.family_id, seq=next_seq(session, Gcp2Assessment),
        pack_id=None if pack is None else pack.id,
        pack_version=None if pack is None else pack.version,
        **store.assessment_values(record),
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind="assessment", record_id=row.id,
        detail={"family_id": row.family_id, "child_id": child_id, "previous": previous_id},
    )
    return _view(row, record)


def get_assessment(uow: UnitOfWork, assessment_id: str, *, actor: str) -> AssessmentView:
    """The whole assessment for the editor or summary. Audited as a view."""
    row = _require(uow, assessment_id)
    view = _view(row, store.record_of(uow.session, row))
    record_event(uow.session, actor=actor, action="view", record_kind="assessment",
                 record_id=assessment_id)
    return view


def _change(uow: UnitOfWork, actor: str, assessment_id: str, fields: list[str],
            make: Any, *, detail: dict[str, Any] | None = None,
            pack: ContentPack | None = None, on_complete: bool = False) -> AssessmentView:
    """Apply `make(before) -> after` to a stored assessment under the lifecycle's rules
    (`on_complete`: a change a completed assessment may take, which check_change then judges)."""
    row = _require(uow, assessment_id)
    before = store.record_of(uow.session, row)
    if before.status == "complete" and not on_complete:
        raise UsageError(_COMPLETED)
    after: Assessment = make(before)
    try:
        lifecycle.check_change(before, after, pack)
    except LifecycleError as error:
        raise UsageError(error.reason) from None
    old = {(p.code, p.path) for p in record_problems(before, pack)}
    for problem in record_problems(after, pack):
        if (problem.code, problem.path) not in old:
            raise InvalidInput(problem.path, problem.message)
    if after != before:
        store.save(uow.session, row, after)
        record_event(
            uow.session, actor=actor, action="update", record_kind="assessment",
            record_id=assessment_id, detail={"fields": fields, **(detail or {})},
        )
    return _view(row, after)


def save_sub_area(
    uow: UnitOfWork,
    actor: str,
    assessment_id: str,
    sub_area_id: str,
    *,
    grade: int | None,
    evidence: str,
    items: dict[str, int] | None = None,
) -> AssessmentView:
    """Grade a sub-area of a draft and keep its evidence; `items=None` keeps the item grades
    already recorded (only item ids the loaded pack defines for the sub-area are accepted)."""
    if not gcp2.is_sub_area(sub_area_id):
        raise UsageError(f"'{sub_area_id}' is not a GCP2 sub-area")
    if not isinstance(evidence, str):
        raise UsageError("the evidence must be text")

    def make(before: Assessment) -> Assessment:
        kept = before.sub_areas.get(sub_area_id)
        chosen = dict(items) if items is not None else dict(kept.items) if kept else {}
        subs = dict(before.sub_areas)
        subs[sub_area_id] = SubAreaGrade(grade, evidence, chosen)
        return dataclasses.replace(before, sub_areas=subs)

    return _change(uow, actor, assessment_id, ["sub_areas"], make,
                   detail={"sub_area": sub_area_id}, pack=current_content_pack(uow))


def confirm_area(
    uow: UnitOfWork, actor: str, assessment_id: str, area_id: str, *, grade: int, rationale: str
) -> AssessmentView:
    """Record the area grade the practitioner confirms (never computed), with the reasoning.

    A grade outside the range of the area's sub-area grades needs a rationale before the
    assessment can complete (`grading.area_grade_needs_rationale`); the draft may hold it.
    """
    if not gcp2.is_area(area_id):
        raise UsageError(f"'{area_id}' is not a GCP2 area")
    if grade is None:
        raise UsageError("an area is confirmed with a grade from 1 to 5")
    if not isinstance(rationale, str):
        raise UsageError("the rationale must be text")

    def make(before: Assessment) -> Assessment:
        return dataclasses.replace(
            before, areas={**before.areas, area_id: AreaGrade(grade, rationale)}
        )

    return _change(uow, actor, assessment_id, ["areas"], make, detail={"area": area_id})


def update_views(uow: UnitOfWork, actor: str, assessment_id: str, **fields: Any) -> AssessmentView:
    """Change any of strengths, carer_views, child_views, parent_agrees (True, False or None:
    not asked yet), parent_comments, practitioner_only."""
    unknown = sorted(set(fields) - set(VIEW_FIELDS))
    if unknown:
        raise UsageError(f"an assessment has no field '{unknown[0]}' to change here")
    for name, value in fields.items():
        if name == "parent_agrees":
            if value is not None and not isinstance(value, bool):
                raise UsageError("whether the parent agrees must be yes, no or not asked yet")
        elif not isinstance(value, str):
            raise UsageError(f"the {name.replace('_', ' ')} must be text")
    changed = sorted(fields)
    return _change(uow, actor, assessment_id, changed,
                   lambda before: dataclasses.replace(before, **fields))


def set_targets(
    uow: UnitOfWork, actor: str, assessment_id: str, targets: Sequence[Target]
) -> AssessmentView:
    """Replace the draft's targeted items (sub-area, current, target, review-by, review grade)."""
    if not all(isinstance(t, Target) for t in targets):
        raise UsageError("targets must be targeted items")
    return _change(uow, actor, assessment_id, ["targets"],
                   lambda before: dataclasses.replace(before, targets=tuple(targets)))


def complete_assessment(
    uow: UnitOfWork, actor: str, assessment_id: str, *, at: datetime | None = None
) -> AssessmentView:
    """Mark a draft complete: all 13 sub-areas graded with evidence, all 4 areas confirmed, a
    rationale for any area grade outside its range. Refused with the first problem."""
    row = _require(uow, assessment_id)
    before = store.record_of(uow.session, row)
    if before.status == "complete":
        raise UsageError("this assessment is already complete; add an addendum instead")
    pack = current_content_pack(uow)
    problems = completion_problems(before, pack)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidInput(problems[0].path, f"cannot complete yet: {problems[0].message}{more}")
    try:
        after = lifecycle.complete(before, at=_aware(at or _now(), "completion time"), pack=pack)
    except LifecycleError as error:
        raise UsageError(error.reason) from None
    store.save(uow.session, row, after)
    record_event(
        uow.session, actor=actor, action="update", record_kind="assessment",
        record_id=assessment_id, detail={"fields": ["status", "completed_at"],
                                         "status": "complete"},
    )
    return _view(row, after)


def add_addendum(
    uow: UnitOfWork, actor: str, assessment_id: str, *, reason: str, text: str,
    at: datetime | None = None,
) -> AssessmentView:
    """Append an addendum (author: the actor) to a completed assessment: the only change a
    completed assessment ever takes."""
    moment = _aware(at or _now(), "addendum time")

    def make(before: Assessment) -> Assessment:
        try:
            return lifecycle.add_addendum(before, at=moment, author=actor, reason=reason,
                                          text=text)
        except LifecycleError as error:
            raise UsageError(error.reason) from None

    return _change(uow, actor, assessment_id, ["addenda"], make, on_complete=True)


def grade_item(
    uow: UnitOfWork, actor: str, assessment_id: str, sub_area_id: str, item_id: str, *,
    grade: int | None,
) -> AssessmentView:
    """Grade one of the pack's items of a sub-area on a draft (None: clear it), keeping the
    sub-area's own grade and evidence as stored: an item grade never sets the sub-area grade.
    Only item ids the loaded pack defines for the sub-area are accepted."""
    if not gcp2.is_sub_area(sub_area_id):
        raise UsageError(f"'{sub_area_id}' is not a GCP2 sub-area")
    if grade is not None and grade not in GRADES:
        raise UsageError("an item grade is a whole number from 1 to 5")

    def make(before: Assessment) -> Assessment:
        kept = before.sub_areas.get(sub_area_id) or SubAreaGrade(None)
        items = {k: v for k, v in kept.items.items() if k != item_id}
        if grade is not None:
            items[item_id] = grade
        subs = {**before.sub_areas, sub_area_id: dataclasses.replace(kept, items=items)}
        return dataclasses.replace(before, sub_areas=subs)

    return _change(uow, actor, assessment_id, ["sub_areas"], make,
                   detail={"sub_area": sub_area_id, "item": item_id},
                   pack=current_content_pack(uow))


def regrade_of(uow: UnitOfWork, assessment_id: str) -> str | None:
    """The id of the earliest assessment that re-grades this one, if the child was re-graded."""
    return uow.session.scalar(
        select(Gcp2Assessment.id).where(Gcp2Assessment.previous_id == assessment_id)
        .order_by(Gcp2Assessment.seq).limit(1)
    )


def record_review_grade(
    uow: UnitOfWork, actor: str, assessment_id: str, position: int, *, grade: int,
    at: datetime | None = None,
) -> AssessmentView:
    """Record the grade at review of `targets[position]` once its review-by date has come or
    the child has been re-graded. On a completed assessment an addendum (author: the actor)
    records it with the record; see `assessments.targets.record_review_grade`."""
    moment = _aware(at or _now(), "review time")
    regraded = regrade_of(uow, assessment_id) is not None

    def make(before: Assessment) -> Assessment:
        try:
            return target_rules.record_review_grade(before, position, grade, at=moment,
                                               author=actor, regraded=regraded)
        except LifecycleError as error:
            raise UsageError(error.reason) from None

    return _change(uow, actor, assessment_id, ["targets", "addenda"], make,
                   detail={"target": position}, on_complete=True)


def _age_in_months(born: date, on: date) -> int:
    return (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)


def pack_text_for(uow: UnitOfWork, assessment_id: str) -> PackText | None:
    """LICENSED: the loaded pack's items and descriptors for this assessment's editor (None
    without a pack). Items are those for the child's age when the assessment started, plus
    any already graded. On screen only: callers never write it anywhere. Not audited, as it
    holds no case data."""
    pack = current_content_pack(uow)
    if pack is None:
        return None
    row = _require(uow, assessment_id)
    record = store.record_of(uow.session, row)
    child = uow.session.get(Child, row.child_id)
    age = None if child is None else max(
        _age_in_months(child.date_of_birth, record.started_at.date()), 0)
    items: dict[str, tuple[PackItemText, ...]] = {}
    descriptors: dict[str, dict[int, str]] = {}
    for sub in gcp2.SUB_AREA_IDS:
        graded = record.sub_areas.get(sub)
        shown = {i.id for i in pack.items_for(sub, age)} | set(graded.items if graded else ())
        items[sub] = tuple(
            PackItemText(i.id, i.text, {g: d for g in GRADES
                                        if (d := pack.descriptor(sub, g, i.id)) is not None})
            for i in pack.items_for(sub) if i.id in shown
        )
        descriptors[sub] = {g: d for g in GRADES
                            if (d := pack.descriptor(sub, g)) is not None}
    return PackText(pack.id, pack.version, age, items, descriptors)


def assessments_of_child(
    uow: UnitOfWork, child_id: str, *, today: date | None = None
) -> tuple[AssessmentSummary, ...]:
    """The child's assessments, earliest started first (by the instant, whatever the offset),
    each with how many of its target reviews are overdue on `today` (default: today)."""
    on = today or _now().date()
    if uow.session.get(Child, child_id) is None:
        raise UnknownRecord(f"no child with id '{child_id}'")
    rows = list(uow.session.scalars(
        select(Gcp2Assessment).where(Gcp2Assessment.child_id == child_id)
        .order_by(Gcp2Assessment.seq)
    ))
    records = store.records_of(uow.session, rows)
    records.sort(key=lambda r: r.started_at)  # stable: equal instants keep entry order
    return tuple(
        AssessmentSummary(
            id=r.id, child_id=r.child, status=r.status, started_at=r.started_at,
            completed_at=r.completed_at, previous=r.previous,
            graded_sub_areas=sum(1 for s in r.sub_areas.values() if s.grade is not None),
            reviews_overdue=target_rules.overdue_reviews(r, on),
        )
        for r in records
    )


def compare_with_previous(uow: UnitOfWork, assessment_id: str) -> ProfileComparison | None:
    """Baseline (the assessment this one re-grades) versus now, per sub-area, for the profile
    chart; None when the assessment is not a re-grade."""
    now = store.record_of(uow.session, _require(uow, assessment_id))
    if now.previous is None:
        return None
    baseline = store.record_of(uow.session, _require(uow, now.previous))
    try:
        changes = lifecycle.compare(baseline, now)
    except LifecycleError as error:
        raise UsageError(error.reason) from None
    return ProfileComparison(baseline.id, now.id, tuple(changes), baseline.targets)
