"""The GCP2 use cases the GUI runs, each bound as a job for the database worker.

Like `ui.operations`, every function returns a `Job` and runs nothing itself. Each job that
touches one assessment hands back an `AssessmentScreen`: the assessment, the pack's suggestion
per area (worked out here, so licensed pack text never reaches a widget), and the baseline
comparison when it is a re-grade. Saving a sub-area discards its evidence draft in the same
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from app.profile import OpenProfile
from app.services import assessments, drafts
from app.services.content_packs import current_content_pack
from app.services.unit_of_work import UnitOfWork
from app.services.views_gcp2 import AssessmentSummary, AssessmentView, ProfileComparison
from assessments import gcp2
from assessments.grading import suggest_area_grade
from assessments.record import Target
from ui.operations import Job


@dataclass(frozen=True)
class AssessmentScreen:
    """What the editor shows of one assessment; no content-pack wording."""

    view: AssessmentView
    suggestions: Mapping[str, int | None] = field(default_factory=dict)  # area id -> grade
    has_pack: bool = False
    comparison: ProfileComparison | None = None


def evidence_draft_key(assessment_id: str, sub_area_id: str) -> str:
    return f"gcp2:{assessment_id}:{sub_area_id}:evidence"


def _screen(uow: UnitOfWork, view: AssessmentView) -> AssessmentScreen:
    pack = current_content_pack(uow)
    grades = {s: view.assessment.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}
    suggestions = {a: suggest_area_grade(pack, a, grades) for a in gcp2.AREA_IDS}
    return AssessmentScreen(
        view, suggestions, pack is not None, assessments.compare_with_previous(uow, view.id)
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
    return _changing(
        lambda uow, actor: assessments.start_assessment(
            uow, actor, child_id, previous_id=previous_id
        )
    )


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


def assessments_of_children(
    child_ids: Sequence[str],
) -> Job[dict[str, tuple[AssessmentSummary, ...]]]:
    def job(profile: OpenProfile) -> dict[str, tuple[AssessmentSummary, ...]]:
        with profile.unit_of_work() as uow:
            return {c: assessments.assessments_of_child(uow, c) for c in child_ids}

    return job
