"""The life of an assessment: start (behind the training gate), complete, addenda, re-grading
links, and the baseline-versus-now comparison for the profile chart.

Owns the rules, not the storage: each function takes and returns frozen `Assessment` values, and
the app's services call `check_change` before saving anything, so a completed record is never
edited in place whichever screen or import produced the change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from assessments import gcp2
from assessments.errors import LifecycleError
from assessments.grading import Problem, completion_problems
from assessments.pack_model import ContentPack
from assessments.record import Addendum, Assessment
from assessments.targets import only_review_grades_differ


def _refuse_if_naive(name: str, value: datetime) -> None:
    if value.utcoffset() is None:
        raise LifecycleError(f"the {name} time must include its UTC offset")


def start_assessment(
    assessment_id: str,
    child: str,
    started_at: datetime,
    *,
    trained_on: date | None,
    previous: Assessment | None = None,
) -> Assessment:
    """A new draft GCP2 for a child. Only a practitioner with a recorded GCP2 training date (on
    or before today) may start one in the app; imports of existing records are not gated and do
    not come through here. With `previous`, the draft re-grades that earlier assessment."""
    _refuse_if_naive("start", started_at)
    if trained_on is None:
        raise LifecycleError("record your GCP2 training date on your profile before starting "
                             "a Graded Care Profile 2")
    if trained_on > started_at.date():
        raise LifecycleError("your recorded GCP2 training date is after the start of this "
                             "assessment")
    draft = Assessment(id=assessment_id, child=child, started_at=started_at,
                       previous=None if previous is None else previous.id)
    if previous is not None:
        problems = previous_problems(draft, {previous.id: previous})
        if problems:
            raise LifecycleError(problems[0].message)
    return draft


def complete(assessment: Assessment, *, at: datetime,
             pack: ContentPack | None = None) -> Assessment:
    """The assessment marked complete at `at`; LifecycleError with the first problem (and how
    many there are) when it is not ready."""
    _refuse_if_naive("completion", at)
    if assessment.status != "draft":
        raise LifecycleError("this assessment is already complete; add an addendum instead")
    problems = completion_problems(assessment, pack)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise LifecycleError(f"cannot complete yet: {problems[0].message}{more}")
    if at < assessment.started_at:
        raise LifecycleError("an assessment cannot be completed before it was started")
    return dataclasses.replace(assessment, status="complete", completed_at=at)


def add_addendum(assessment: Assessment, *, at: datetime, author: str, reason: str,
                 text: str) -> Assessment:
    """A completed assessment with one more addendum: the only way it ever changes."""
    _refuse_if_naive("addendum", at)
    if assessment.status != "complete" or assessment.completed_at is None:
        raise LifecycleError("a draft is edited directly; addenda are for completed assessments")
    for name, value in (("author", author), ("reason", reason), ("text", text)):
        if not value.strip():
            raise LifecycleError(f"an addendum needs its {name}")
    if at < assessment.completed_at:
        raise LifecycleError("an addendum cannot be dated before the assessment was completed")
    added = Addendum(at=at, author=author, reason=reason, text=text)
    return dataclasses.replace(assessment, addenda=(*assessment.addenda, added))


def check_change(before: Assessment, after: Assessment,
                 pack: ContentPack | None = None) -> None:
    """Refuse (LifecycleError) a save that the lifecycle forbids: a different record or child,
    any edit of a completed assessment other than appending addenda (and recording grades at
    review of its targets, with an addendum: see `targets.record_review_grade`), or a
    completion that does not meet the completion rules."""
    if after.id != before.id or after.child != before.child:
        raise LifecycleError("an assessment keeps its id and its child")
    if before.status == "complete":
        kept = before.addenda == after.addenda[: len(before.addenda)]
        reviewed = only_review_grades_differ(before.targets, after.targets)
        rest = dataclasses.replace(after, addenda=before.addenda, targets=before.targets)
        if not kept or not reviewed or rest != before:
            raise LifecycleError("a completed assessment is never edited; add an addendum "
                                 "with the reason for the change")
        if after.targets != before.targets and len(after.addenda) == len(before.addenda):
            # The one change besides addenda, and it is shown with the record as one too.
            raise LifecycleError("a grade at review on a completed assessment is recorded "
                                 "with an addendum")
        return
    if after.status == "complete":
        problems = completion_problems(after, pack)
        if problems:
            raise LifecycleError(f"cannot complete yet: {problems[0].message}")


def previous_problems(assessment: Assessment,
                      known: Mapping[str, Assessment]) -> list[Problem]:
    """Whether `assessment.previous` names an earlier assessment of the same child in `known`
    (the case file's and the profile's assessments by id), with no cycle in the chain."""
    if assessment.previous is None:
        return []
    earlier = known.get(assessment.previous)
    if earlier is None:
        return [Problem("invalid_previous", "previous",
                        f"there is no assessment {assessment.previous!r} to re-grade")]
    found: list[Problem] = []
    if earlier.child != assessment.child:
        found.append(Problem("invalid_previous", "previous",
                             "a re-grade links only to an assessment of the same child"))
    if not earlier.started_at < assessment.started_at:
        found.append(Problem("invalid_previous", "previous",
                             "a re-grade links only to an assessment started before it"))
    chain = {**known, assessment.id: assessment}  # the new record may close a loop
    seen = {assessment.id}
    step: Assessment | None = earlier
    while step is not None:
        if step.id in seen:
            found.append(Problem("invalid_previous", "previous",
                                 "the chain of re-grades loops back on itself"))
            break
        seen.add(step.id)
        step = chain.get(step.previous) if step.previous is not None else None
    return found


Change = Literal["improved", "same", "worse", "not_comparable"]


@dataclass(frozen=True)
class SubAreaChange:
    sub_area: str
    baseline: int | None
    now: int | None
    change: Change  # "not_comparable" where either side has no grade


def compare(baseline: Assessment, now: Assessment) -> list[SubAreaChange]:
    """Baseline versus now for each of the 13 sub-areas in chart order (lower is better)."""
    if baseline.child != now.child:
        raise LifecycleError("only assessments of the same child can be compared")
    changes: list[SubAreaChange] = []
    for sub_id in gcp2.SUB_AREA_IDS:
        before, after = baseline.sub_area_grade(sub_id), now.sub_area_grade(sub_id)
        change: Change
        if before is None or after is None:
            change = "not_comparable"
        elif after < before:
            change = "improved"
        elif after > before:
            change = "worse"
        else:
            change = "same"
        changes.append(SubAreaChange(sub_id, before, after, change))
    return changes
