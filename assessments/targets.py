"""Targeted items after the grading: when a target's review is open, how the target is going,
and recording the grade at review (the summary sheet's "grade after review" column).

A target is reviewed once its review-by date arrives, or earlier when the child is re-graded
(the re-grade is the review). On a completed assessment the grade at review is the one change
besides addenda that the record takes, and it always comes with an addendum saying what was
recorded, by whom and when (`lifecycle.check_change` refuses it otherwise), so the record
still shows every change beside it. Pure functions over `record.Assessment`.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Literal

from assessments import gcp2
from assessments.errors import LifecycleError
from assessments.record import Addendum, Assessment, Target
from assessments.scale import is_grade

Progress = Literal["awaiting_review", "due", "overdue", "met", "better", "same", "worse"]
REVIEW_REASON = "Grade at review"


def review_is_open(target: Target, today: date, *, regraded: bool = False) -> bool:
    """Whether the grade at review may be recorded: the review-by date has come, or the child
    has been re-graded since (the re-grade is the review)."""
    return regraded or (target.review_by is not None and today >= target.review_by)


def progress(target: Target, today: date) -> Progress:
    """Where a target stands: reviewed (met, better but not met, same, worse than when it was
    set) or not yet (awaiting review, due today, overdue)."""
    grade = target.review_grade
    if grade is None:
        if target.review_by is None or today < target.review_by:
            return "awaiting_review"
        return "due" if today == target.review_by else "overdue"
    if grade <= target.target:  # lower is better
        return "met"
    if grade < target.current:
        return "better"
    return "same" if grade == target.current else "worse"


def overdue_reviews(assessment: Assessment, today: date) -> int:
    """How many of the assessment's targets are past their review-by date with no grade."""
    return sum(1 for t in assessment.targets if progress(t, today) == "overdue")


def record_review_grade(
    assessment: Assessment,
    position: int,
    grade: int,
    *,
    at: datetime,
    author: str,
    regraded: bool = False,
) -> Assessment:
    """The assessment with the grade at review of `targets[position]` recorded.

    Refused (LifecycleError) before the review is open (see `review_is_open`). On a completed
    assessment an addendum by `author` at `at` records it; a draft is simply changed.
    """
    if at.utcoffset() is None:
        raise LifecycleError("the review time must include its UTC offset")
    if not 0 <= position < len(assessment.targets):
        raise LifecycleError(f"there is no targeted item {position + 1} on this assessment")
    if not is_grade(grade):
        raise LifecycleError("a grade at review is a whole number from 1 to 5")
    target = assessment.targets[position]
    name = gcp2.sub_area(target.sub_area).name if gcp2.is_sub_area(target.sub_area) else "?"
    if not review_is_open(target, at.date(), regraded=regraded):
        raise LifecycleError(
            f"the review of {name} is not due until {target.review_by}; record the grade at "
            "review then, or when re-grading"
        )
    if target.review_grade == grade:
        return assessment
    targets = list(assessment.targets)
    targets[position] = dataclasses.replace(target, review_grade=grade)
    changed = dataclasses.replace(assessment, targets=tuple(targets))
    if assessment.status != "complete":
        return changed
    if not author.strip():
        raise LifecycleError("a grade at review needs its author")
    was = "" if target.review_grade is None else f" (was {target.review_grade})"
    text = (f"{name}: grade {target.current} when the target was set, target {target.target}, "
            f"grade at review {grade}{was}.")
    added = Addendum(at=at, author=author, reason=REVIEW_REASON, text=text)
    if assessment.completed_at is not None and at < assessment.completed_at:
        raise LifecycleError("a review cannot be dated before the assessment was completed")
    return dataclasses.replace(changed, addenda=(*assessment.addenda, added))


def only_review_grades_differ(before: tuple[Target, ...], after: tuple[Target, ...]) -> bool:
    """True when `after` is `before` with, at most, grades at review recorded or changed (never
    removed): the only target change a completed assessment takes."""
    if len(before) != len(after):
        return False
    for old, new in zip(before, after, strict=True):
        if dataclasses.replace(old, review_grade=new.review_grade) != new:
            return False
        if old.review_grade is not None and new.review_grade is None:
            return False
    return True
