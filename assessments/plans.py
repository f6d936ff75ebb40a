"""Plans for a child: the SMART check on each action, the plan timescales, and what is overdue.

Owns what makes an action shareable. A plan shared with a family must say, for each action,
what will change for the child, who does what, by when, and how we will know; an action with no
owner, no date or no checkable measure is flagged with a plain reason, and the app refuses to
mark the plan shared until none is left (the learning review: plans were late, not SMART and not
shared). The measure check is deliberately simple and explainable: a measure with no number and
fewer than three words once the vague ones ("improve", "better", "engage", "support",
"monitor" ...) are set aside cannot be checked by anyone, so it is flagged.

Also owns the plan timescales an organisation can set (how soon a plan is shared, when it is
first reviewed) and the overdue rules for actions, reviews and sharing, in working days (see
`working_days`). Pure: no storage, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from assessments.theme_config_checks import (
    check_keys,
    optional_int,
    required_mapping,
)
from assessments.working_days import WorkingCalendar

__all__ = [
    "ActionStatus",
    "PlanTimescales",
    "SmartAction",
    "SmartProblem",
    "action_working_days_overdue",
    "is_vague_owner",
    "plan_timescales_from_config",
    "sharing_due_on",
    "smart_problems",
]


class ActionStatus(StrEnum):
    """Where an action stands. Only open actions can be overdue. Contract values."""

    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"  # reviewed and not achieved: a fact for the review, not an overdue


@dataclass(frozen=True)
class SmartAction:
    """The four SMART questions of one action, as the practitioner wrote them."""

    change_for_child: str  # what will change for the child
    who: str  # who will do it (a named person or role)
    does_what: str  # what they will do
    by_when: date | None  # by when
    measure: str  # how we will know


@dataclass(frozen=True)
class SmartProblem:
    """Why an action is not yet SMART. `field` names the SMART question it is about."""

    field: str
    reason: str


# Owners that name nobody in particular: "everyone" means no one checks it happened.
_VAGUE_OWNERS = frozenset({
    "all", "everyone", "everybody", "all professionals", "professionals", "all agencies",
    "agencies", "team", "the team", "multi-agency", "various", "someone", "anyone", "tbc",
    "tba", "tbd", "n/a", "na", "unknown", "?", "-",
})

# Words that sound like a measure but that nobody can check.
_VAGUE_WORDS = frozenset({
    "improve", "improves", "improved", "improvement", "improvements", "improving", "better",
    "good", "well", "engage", "engages", "engaged", "engagement", "engaging", "support",
    "supports", "supported", "monitor", "monitors", "monitored", "monitoring", "continue",
    "continues", "continued", "continuing", "ongoing", "appropriate", "appropriately",
    "needed", "required", "necessary", "progress", "progressing", "change", "changes",
    "things", "see", "above", "tbc", "n/a", "positive", "positively", "work", "working",
    "cooperate", "cooperates", "cooperation", "comply", "complies", "compliance", "ok",
})
_SMALL_WORDS = frozenset({
    "a", "an", "the", "to", "be", "is", "are", "was", "will", "of", "and", "or", "in", "on",
    "with", "for", "it", "this", "that", "there", "has", "have", "been", "more", "less", "as",
    "at", "by", "their", "his", "her", "they", "he", "she", "we", "us", "our", "all", "any",
})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[0-9]+")
_MIN_MEASURE_WORDS = 3


def is_vague_owner(who: str) -> bool:
    return " ".join(who.casefold().split()).strip(" .") in _VAGUE_OWNERS


def _checkable_words(measure: str) -> list[str]:
    words = [w.casefold() for w in _WORD.findall(measure)]
    return [w for w in words if w not in _VAGUE_WORDS and w not in _SMALL_WORDS]


def _vague_measure(measure: str) -> bool:
    if any(char.isdigit() for char in measure):
        return False  # a number, a date, a centile: something can be counted
    return len(_checkable_words(measure)) < _MIN_MEASURE_WORDS


def smart_problems(action: SmartAction) -> tuple[SmartProblem, ...]:
    """Every reason the action is not yet SMART, in the order of the questions; () if none."""
    problems: list[SmartProblem] = []
    if not action.change_for_child.strip():
        problems.append(SmartProblem(
            "change_for_child", "Say what will change for the child: the plan is for the child."))
    if not action.who.strip():
        problems.append(SmartProblem(
            "who", "Say who will do this: an action nobody owns does not happen."))
    elif is_vague_owner(action.who):
        problems.append(SmartProblem(
            "who", f"Name one person or role: '{action.who.strip()}' leaves nobody responsible."))
    if not action.does_what.strip():
        problems.append(SmartProblem("does_what", "Say what they will do."))
    if action.by_when is None:
        problems.append(SmartProblem("by_when", "Give the date by which it will be done."))
    if not action.measure.strip():
        problems.append(SmartProblem(
            "measure", "Say how we will know it has happened: what will be seen, heard or counted."))
    elif _vague_measure(action.measure):
        problems.append(SmartProblem(
            "measure",
            "This measure cannot be checked: say what will be seen, heard or counted, and how "
            "often (words like 'improve' or 'engage' do not say what we will see).",
        ))
    return tuple(problems)


@dataclass(frozen=True)
class PlanTimescales:
    """How soon a plan is shared with the family after it is made (working days), and when it
    is first reviewed (calendar months). Defaults: 10 working days; 3 months, the statutory
    anchor for a first child-protection review. Early-help and child-in-need timescales are
    set locally, hence configuration."""

    share_within_working_days: int = 10
    first_review_after_months: int = 3


def plan_timescales_from_config(config: object, path: str = "$.plans") -> PlanTimescales:
    """`{"share_within_working_days": 10, "first_review_after_months": 3}`; both optional."""
    section = required_mapping(config, path)
    check_keys(section, path, allowed={"share_within_working_days", "first_review_after_months"})
    default = PlanTimescales()
    return PlanTimescales(
        share_within_working_days=optional_int(
            section, "share_within_working_days", path, default.share_within_working_days, 1, 60),
        first_review_after_months=optional_int(
            section, "first_review_after_months", path, default.first_review_after_months, 1, 12),
    )


def action_working_days_overdue(
    by_when: date | None, status: str, today: date, calendar: WorkingCalendar
) -> int:
    """How many working days an open action is past its date (0: not overdue, done, or no date;
    an action without a date is a SMART problem, not an overdue one)."""
    if status != ActionStatus.OPEN or by_when is None:
        return 0
    return calendar.working_days_overdue(by_when, today)


def sharing_due_on(made_on: date, timescales: PlanTimescales, calendar: WorkingCalendar) -> date:
    """The last day to share a plan made on `made_on` within the organisation's timescale."""
    return calendar.add_working_days(made_on, timescales.share_within_working_days)


def problems_by_field(problems: tuple[SmartProblem, ...]) -> Mapping[str, tuple[str, ...]]:
    """The reasons grouped by SMART question, for a form that marks each field."""
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem.reason)
    return {k: tuple(v) for k, v in grouped.items()}
