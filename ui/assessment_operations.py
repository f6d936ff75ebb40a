"""The GCP2 use cases the GUI runs, each bound as a job for the database worker.

Like `ui.operations`, every function returns a `Job` and runs nothing itself. Each job that
touches one assessment hands back an `AssessmentScreen`: the assessment, the pack's suggestions
(per area from sub-area grades, per sub-area from item grades; only where the pack has a rule),
the pack's licensed wording for the editor's screen (never written anywhere), whether the child
was re-graded since, and the baseline comparison when it is a re-grade. Saving a sub-area
discards its evidence draft in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.errors import UsageError
from app.profile import OpenProfile
from app.services import assessments, drafts, practitioners
from app.services.content_packs import current_content_pack
from app.services.unit_of_work import UnitOfWork
from app.services.views import PractitionerView
from app.services.views_gcp2 import (
    AssessmentSummary,
    AssessmentView,
    PackText,
    ProfileComparison,
)
from assessments import gcp2
from assessments.grading import suggest_area_grade, suggest_sub_area_grade
from assessments.record import Target
from ui.operations import Job


class TrainingDateNeeded(UsageError):
    """Starting a GCP2 was refused because the profile has no GCP2 training date yet."""


@dataclass(frozen=True)
class AssessmentScreen:
    """What the editor shows of one assessment. `pack_text` is licensed: on screen only."""

    view: AssessmentView
    suggestions: Mapping[str, int | None] = field(default_factory=dict)  # area id -> grade
    comparison: ProfileComparison | None = None
    pack_text: PackText | None = None
    item_suggestions: Mapping[str, int | None] = field(default_factory=dict)  # sub-area id ->
    regraded_by: str | None = None  # a later assessment re-grading this one: reviews are open

    @property
    def has_pack(self) -> bool:
        return self.pack_text is not None


def evidence_draft_key(assessment_id: str, sub_area_id: str) -> str:
    return f"gcp2:{assessment_id}:{sub_area_id}:evidence"


def _screen(uow: UnitOfWork, view: AssessmentView) -> AssessmentScreen:
    pack = current_content_pack(uow)
    a = view.assessment
    grades = {s: a.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}
    suggestions = {area: suggest_area_grade(pack, area, grades) for area in gcp2.AREA_IDS}
    text = assessments.pack_text_for(uow, view.id) if pack is not None else None
    by_items: dict[str, int | None] = {}
    for sub in gcp2.SUB_AREA_IDS:
        entry = a.sub_areas.get(sub)
        shown = [i.id for i in text.items_of(sub)] if text is not None else []
        by_items[sub] = suggest_sub_area_grade(pack, sub, entry.items if entry else {}, shown)
    return AssessmentScreen(
        view,
        suggestions,
        assessments.compare_with_previous(uow, view.id),
        text,
        by_items,
        assessments.regrade_of(uow, view.id),
    )


def _changing(fn: Callable[[UnitOfWork, str], AssessmentView]) -> Job[AssessmentScreen]:
    def job(profile: OpenProfile) -> AssessmentScreen:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            screen = _screen(uow, fn(uow, actor))
            uow.commit()
        return screen

    return job


def start_gcp2(child_id: str, *, previous_id: str | None = None) -> Job[AssessmentScreen]:
    """Start a GCP2; `TrainingDateNeeded` when the profile has no training date, so the editor
    can offer to record it rather than only refuse."""

    def start(uow: UnitOfWork, actor: str) -> AssessmentView:
        me = practitioners.current_practitioner(uow)
        if me is not None and me.gcp2_trained_on is None:
            raise TrainingDateNeeded(
                "record your GCP2 training date on your profile before starting a Graded Care "
                "Profile 2"
            )
        return assessments.start_assessment(uow, actor, child_id, previous_id=previous_id)

    return _changing(start)


def record_training_date(trained_on: date) -> Job[PractitionerView]:
    def job(profile: OpenProfile) -> PractitionerView:
        with profile.unit_of_work() as uow:
            me = practitioners.update_practitioner(uow, profile.actor, gcp2_trained_on=trained_on)
            uow.commit()
        return me

    return job


def open_assessment(assessment_id: str) -> Job[AssessmentScreen]:
    # Opening is audited as a "view", so it commits.
    return _changing(lambda uow, actor: assessments.get_assessment(uow, assessment_id, actor=actor))


def save_sub_area(
    assessment_id: str, sub_area_id: str, *, grade: int | None, evidence: str
) -> Job[AssessmentScreen]:
    def change(uow: UnitOfWork, actor: str) -> AssessmentView:
        view = assessments.save_sub_area(
            uow, actor, assessment_id, sub_area_id, grade=grade, evidence=evidence
        )
        drafts.discard_draft(uow, evidence_draft_key(assessment_id, sub_area_id))
        return view

    return _changing(change)


def confirm_area(
    assessment_id: str, area_id: str, *, grade: int, rationale: str
) -> Job[AssessmentScreen]:
    return _changing(
        lambda uow, actor: assessments.confirm_area(
            uow, actor, assessment_id, area_id, grade=grade, rationale=rationale
        )
    )


def update_views(
    assessment_id: str, fields: Mapping[str, str | bool | None]
) -> Job[AssessmentScreen]:
    return _changing(
        lambda uow, actor: assessments.update_views(uow, actor, assessment_id, **dict(fields))
    )


def set_targets(assessment_id: str, targets: Sequence[Target]) -> Job[AssessmentScreen]:
    return _changing(
        lambda uow, actor: assessments.set_targets(uow, actor, assessment_id, tuple(targets))
    )


def complete(assessment_id: str) -> Job[AssessmentScreen]:
    return _changing(lambda uow, actor: assessments.complete_assessment(uow, actor, assessment_id))


def add_addendum(assessment_id: str, *, reason: str, text: str) -> Job[AssessmentScreen]:
    return _changing(
        lambda uow, actor: assessments.add_addendum(
            uow, actor, assessment_id, reason=reason, text=text
        )
    )


def grade_item(
    assessment_id: str, sub_area_id: str, item_id: str, grade: int | None
) -> Job[AssessmentScreen]:
    return _changing(
        lambda uow, actor: assessments.grade_item(
            uow, actor, assessment_id, sub_area_id, item_id, grade=grade
        )
    )


def record_review_grade(
    assessment_id: str, position: int, grade: int, *, shown_id: str
) -> Job[AssessmentScreen]:
    """Record a target's grade at review on `assessment_id` (this one, or the baseline of the
    re-grade shown); hands back the screen of the assessment shown, `shown_id`."""

    def change(uow: UnitOfWork, actor: str) -> AssessmentView:
        view = assessments.record_review_grade(uow, actor, assessment_id, position, grade=grade)
        if shown_id == assessment_id:
            return view
        return assessments.get_assessment(uow, shown_id, actor=actor)

    return _changing(change)


def assessments_of_children(
    child_ids: Sequence[str],
) -> Job[dict[str, tuple[AssessmentSummary, ...]]]:
    def job(profile: OpenProfile) -> dict[str, tuple[AssessmentSummary, ...]]:
        with profile.unit_of_work() as uow:
            return {c: assessments.assessments_of_child(uow, c) for c in child_ids}

    return job
