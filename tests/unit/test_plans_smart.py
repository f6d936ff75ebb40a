"""The SMART check on plan actions, plan timescales and the overdue rule for actions, as
parameter tables: which actions are flagged, on which question, and which pass."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assessments.plans import (
    ActionStatus,
    PlanTimescales,
    SmartAction,
    action_working_days_overdue,
    plan_timescales_from_config,
    problems_by_field,
    sharing_due_on,
    smart_problems,
)
from assessments.theme_config_checks import ThemeConfigError
from assessments.working_days import england_and_wales

CAL = england_and_wales()
D = date.fromisoformat

GOOD = SmartAction(
    change_for_child="Jayden eats breakfast before nursery every day",
    who="Kerry (mother)",
    does_what="Buys cereal and milk with the food bank voucher and sits with Jayden at 8am",
    by_when=date(2027, 1, 15),
    measure="Nursery records Jayden arriving fed on at least 4 of 5 days",
)


def test_a_smart_action_has_no_problems() -> None:
    assert smart_problems(GOOD) == ()


@pytest.mark.parametrize(("changes", "fields"), [
    ({"who": ""}, ["who"]),
    ({"who": "   "}, ["who"]),
    ({"who": "Everyone"}, ["who"]),
    ({"who": "all professionals."}, ["who"]),
    ({"who": "TBC"}, ["who"]),
    ({"by_when": None}, ["by_when"]),
    ({"measure": ""}, ["measure"]),
    ({"measure": "Things improve"}, ["measure"]),
    ({"measure": "Kerry engages with support"}, ["measure"]),
    ({"measure": "Better home conditions"}, ["measure"]),
    ({"measure": "Ongoing monitoring as required"}, ["measure"]),
    ({"change_for_child": ""}, ["change_for_child"]),
    ({"does_what": " "}, ["does_what"]),
    # Several problems are all listed, in the order of the questions.
    ({"who": "", "by_when": None, "measure": "improve"}, ["who", "by_when", "measure"]),
    ({"change_for_child": "", "who": "", "does_what": "", "by_when": None, "measure": ""},
     ["change_for_child", "who", "does_what", "by_when", "measure"]),
])
def test_unsmart_actions_are_flagged_on_the_right_question(
    changes: dict[str, object], fields: list[str]
) -> None:
    problems = smart_problems(replace(GOOD, **changes))  # type: ignore[arg-type]
    assert [p.field for p in problems] == fields
    assert all(p.reason.endswith(".") and len(p.reason) < 200 for p in problems)


@pytest.mark.parametrize("measure", [
    "Weight on or above the 9th centile at the January clinic",  # a number
    "Home is clean and tidy at unannounced visits",
    "Mia sleeps in her own cot every night",
    "Jayden attends nursery every morning",
    "Kerry tells the health visitor how the new routine went",
    "Smoke alarm fitted and tested",
])
def test_checkable_measures_pass(measure: str) -> None:
    assert smart_problems(replace(GOOD, measure=measure)) == ()


@pytest.mark.parametrize("who", ["Dean", "Health visitor (Priya Shah)", "Kerry and Dean",
                                 "Family Connect duty team"])
def test_named_owners_pass(who: str) -> None:
    assert smart_problems(replace(GOOD, who=who)) == ()


def test_a_vague_owner_is_quoted_in_the_reason() -> None:
    (problem,) = smart_problems(replace(GOOD, who="Everyone"))
    assert "'Everyone'" in problem.reason


def test_problems_group_by_field_for_a_form() -> None:
    problems = smart_problems(replace(GOOD, who="", measure="improve"))
    grouped = problems_by_field(problems)
    assert set(grouped) == {"who", "measure"} and len(grouped["who"]) == 1


@pytest.mark.parametrize(("by_when", "status", "today", "overdue"), [
    ("2026-11-27", ActionStatus.OPEN, "2026-11-27", 0),   # due today
    ("2026-11-27", ActionStatus.OPEN, "2026-11-30", 1),   # Friday -> Monday
    ("2026-11-27", ActionStatus.OPEN, "2026-12-02", 3),
    ("2026-11-27", ActionStatus.DONE, "2026-12-02", 0),   # done is never overdue
    ("2026-11-27", ActionStatus.NOT_DONE, "2026-12-02", 0),  # reviewed: a fact, not overdue
    (None, ActionStatus.OPEN, "2026-12-02", 0),           # no date: a SMART problem instead
    ("2026-12-24", ActionStatus.OPEN, "2027-01-04", 4),   # 29, 30, 31 Dec and 4 Jan
])
def test_action_overdue_in_working_days(
    by_when: str | None, status: str, today: str, overdue: int
) -> None:
    due = D(by_when) if by_when else None
    assert action_working_days_overdue(due, status, D(today), CAL) == overdue


@pytest.mark.parametrize(("made_on", "within", "due"), [
    ("2026-11-20", 10, "2026-12-04"),
    ("2026-12-18", 10, "2027-01-06"),  # Christmas, Boxing Day substitute, New Year
    ("2026-11-20", 1, "2026-11-23"),
])
def test_a_plan_is_due_to_be_shared_within_the_timescale(made_on: str, within: int, due: str) -> None:
    assert sharing_due_on(D(made_on), PlanTimescales(within, 3), CAL) == D(due)


@pytest.mark.parametrize(("config", "expected"), [
    ({}, PlanTimescales(10, 3)),
    ({"share_within_working_days": 5}, PlanTimescales(5, 3)),
    ({"first_review_after_months": 6}, PlanTimescales(10, 6)),
])
def test_plan_timescales_from_config(config: dict[str, object], expected: PlanTimescales) -> None:
    assert plan_timescales_from_config(config) == expected


@pytest.mark.parametrize(("config", "path"), [
    ({"share_within_working_days": 0}, "$.plans.share_within_working_days"),
    ({"share_within_working_days": True}, "$.plans.share_within_working_days"),
    ({"first_review_after_months": 13}, "$.plans.first_review_after_months"),
    ({"share_in": 3}, "$.plans.share_in"),
    ([], "$.plans"),
])
def test_bad_plan_timescales_name_the_path(config: object, path: str) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        plan_timescales_from_config(config)
    assert caught.value.path == path
