"""Targeted items after grading (when a review is open, progress, the grade at review and the
addendum that records it on a completed assessment) and the pack's suggestion for a sub-area
from its item grades."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from assessments.errors import LifecycleError
from assessments.grading import suggest_sub_area_grade
from assessments.lifecycle import add_addendum, check_change, complete
from assessments.record import Assessment, Target
from assessments.targets import (
    REVIEW_REASON,
    only_review_grades_differ,
    overdue_reviews,
    progress,
    record_review_grade,
    review_is_open,
)
from tests.unit.test_assessments_grading import STARTED, ready, sample_pack

DONE = STARTED + timedelta(days=21)
REVIEW_BY = date(2027, 1, 15)
ON_THE_DAY = DONE.replace(year=2027, month=1, day=15)
NUTRITION = Target("physical_care.nutrition", 4, 2, REVIEW_BY)


def with_targets(*targets: Target, done: bool = True) -> Assessment:
    draft = ready(targets=targets)
    return complete(draft, at=DONE) if done else draft


# --- when a review is open, and progress ------------------------------------------------------

@pytest.mark.parametrize(("today", "regraded", "is_open"), [
    (date(2027, 1, 14), False, False),
    (date(2027, 1, 14), True, True),  # the re-grade is the review
    (date(2027, 1, 15), False, True),
    (date(2027, 3, 1), False, True),
])
def test_review_opens_on_its_date_or_at_a_regrade(today: date, regraded: bool,
                                                  is_open: bool) -> None:
    assert review_is_open(NUTRITION, today, regraded=regraded) is is_open


@pytest.mark.parametrize(("review_grade", "today", "expected"), [
    (None, date(2027, 1, 14), "awaiting_review"),
    (None, date(2027, 1, 15), "due"),
    (None, date(2027, 1, 16), "overdue"),
    (2, date(2027, 1, 16), "met"),  # current 4, target 2
    (1, date(2027, 1, 16), "met"),  # better than the target is met too
    (3, date(2027, 1, 16), "better"),
    (4, date(2027, 1, 16), "same"),
    (5, date(2027, 1, 16), "worse"),
    (3, date(2026, 12, 1), "better"),  # reviewed early, at a re-grade
])
def test_progress_of_a_target(review_grade: int | None, today: date, expected: str) -> None:
    target = dataclasses.replace(NUTRITION, review_grade=review_grade)
    assert progress(target, today) == expected


def test_overdue_reviews_counts_only_unreviewed_targets_past_their_date() -> None:
    a = with_targets(
        NUTRITION,
        Target("safety.in_absence", 5, 3, date(2027, 1, 1), review_grade=3),
        Target("physical_care.hygiene", 3, 2, date(2027, 6, 1)),
    )
    assert overdue_reviews(a, date(2027, 2, 1)) == 1
    assert overdue_reviews(a, date(2027, 7, 1)) == 2
    assert overdue_reviews(a, date(2026, 12, 1)) == 0


# --- recording the grade at review ------------------------------------------------------------

def test_on_a_completed_assessment_an_addendum_records_the_review() -> None:
    a = with_targets(NUTRITION)
    reviewed = record_review_grade(a, 0, 3, at=ON_THE_DAY, author="Priya Shah")
    assert reviewed.targets[0].review_grade == 3
    (added,) = reviewed.addenda
    assert (added.at, added.author, added.reason) == (ON_THE_DAY, "Priya Shah", REVIEW_REASON)
    assert added.text == ("Nutrition: grade 4 when the target was set, target 2, grade at "
                          "review 3.")
    check_change(a, reviewed)  # the lifecycle accepts it
    again = record_review_grade(reviewed, 0, 2, at=ON_THE_DAY, author="Priya Shah")
    assert again.addenda[-1].text.endswith("grade at review 2 (was 3).")
    assert record_review_grade(again, 0, 2, at=ON_THE_DAY, author="Priya Shah") == again


def test_on_a_draft_the_review_grade_is_just_recorded() -> None:
    a = with_targets(NUTRITION, done=False)
    reviewed = record_review_grade(a, 0, 2, at=ON_THE_DAY, author="Priya Shah")
    assert reviewed.targets[0].review_grade == 2 and reviewed.addenda == ()
    check_change(a, reviewed)


@pytest.mark.parametrize(("position", "grade", "at", "regraded", "reason"), [
    (0, 3, ON_THE_DAY - timedelta(days=1), False, "not due until 2027-01-15"),
    (1, 3, ON_THE_DAY, False, "no targeted item 2"),
    (0, 0, ON_THE_DAY, False, "whole number from 1 to 5"),
    (0, 6, ON_THE_DAY, False, "whole number from 1 to 5"),
    (0, 3, ON_THE_DAY.replace(tzinfo=None), False, "UTC offset"),
    (0, 3, DONE - timedelta(days=1), True, "before the assessment was completed"),
])
def test_a_review_grade_is_refused(position: int, grade: int, at: object, regraded: bool,
                                   reason: str) -> None:
    with pytest.raises(LifecycleError, match=reason):
        record_review_grade(with_targets(NUTRITION), position, grade, at=at,  # type: ignore[arg-type]
                            author="Priya Shah", regraded=regraded)


def test_a_regrade_opens_the_review_before_its_date() -> None:
    early = DONE + timedelta(days=7)
    reviewed = record_review_grade(with_targets(NUTRITION), 0, 2, at=early, author="Priya Shah",
                                   regraded=True)
    assert reviewed.targets[0].review_grade == 2


# --- what a completed assessment still takes --------------------------------------------------

def _reviewed(a: Assessment, grade: int | None) -> Assessment:
    return dataclasses.replace(
        a, targets=(dataclasses.replace(a.targets[0], review_grade=grade), *a.targets[1:]))


@pytest.mark.parametrize(("change", "reason"), [
    (lambda a: _reviewed(a, 3), "recorded with an addendum"),  # no addendum
    (lambda a: dataclasses.replace(  # the target itself changed
        add_addendum(a, at=ON_THE_DAY, author="P", reason="r", text="t"),
        targets=(dataclasses.replace(a.targets[0], target=1),)), "never edited"),
    (lambda a: dataclasses.replace(  # a target added
        add_addendum(a, at=ON_THE_DAY, author="P", reason="r", text="t"),
        targets=(*a.targets, NUTRITION)), "never edited"),
])
def test_a_completed_assessment_refuses_other_target_changes(change: object,
                                                             reason: str) -> None:
    a = with_targets(NUTRITION)
    with pytest.raises(LifecycleError, match=reason):
        check_change(a, change(a))  # type: ignore[operator]


def test_a_recorded_review_grade_is_never_removed() -> None:
    a = record_review_grade(with_targets(NUTRITION), 0, 3, at=ON_THE_DAY, author="P")
    cleared = add_addendum(_reviewed(a, None), at=ON_THE_DAY, author="P", reason="r", text="t")
    with pytest.raises(LifecycleError, match="never edited"):
        check_change(a, cleared)
    assert not only_review_grades_differ(a.targets, cleared.targets)


# --- the pack's suggestion for a sub-area from its item grades --------------------------------

HOUSING = ["zephyr.housing.1", "zephyr.housing.2"]


@pytest.mark.parametrize(("sub_area", "items", "shown", "expected"), [
    ("physical_care.housing", {"zephyr.housing.1": 2, "zephyr.housing.2": 4}, HOUSING, 4),
    ("physical_care.housing", {"zephyr.housing.1": 2}, HOUSING, None),  # one not graded yet
    ("physical_care.housing", {"zephyr.housing.1": 2}, HOUSING[:1], 2),  # only those shown
    ("safety.in_presence", {"zephyr.in_presence.1": 1, "zephyr.in_presence.2": 5},
     ["zephyr.in_presence.1", "zephyr.in_presence.2"], 5),  # mode_then_max: tie to the worse
    ("emotional_care.carer", {"zephyr.carer.1": 1, "zephyr.carer.2": 3},
     ["zephyr.carer.1", "zephyr.carer.2"], 3),  # median: the worse middle
    ("developmental_care.approval", {"zephyr.approval.1": 2, "zephyr.approval.2": 2},
     ["zephyr.approval.1", "zephyr.approval.2"], None),  # the pack has no rule for the area
    ("physical_care.housing", {}, [], None),  # no items
])
def test_item_suggestion_follows_the_rule_of_the_sub_areas_area(
    sub_area: str, items: dict[str, int], shown: list[str], expected: int | None
) -> None:
    assert suggest_sub_area_grade(sample_pack(), sub_area, items, shown) == expected


def test_no_pack_no_item_suggestion() -> None:
    assert suggest_sub_area_grade(None, "physical_care.housing", {"zephyr.housing.1": 2},
                                  HOUSING[:1]) is None


def test_item_suggestion_refuses_a_non_grade() -> None:
    with pytest.raises(ValueError, match="not a grade"):
        suggest_sub_area_grade(sample_pack(), "physical_care.housing",
                               {"zephyr.housing.1": 7}, HOUSING[:1])
