"""Grading rules: suggestions from a pack's rule, when an area grade needs a rationale, and what
is wrong with an assessment record for its status.

The way item grades combine into sub-area and area grades is not public, so nothing here ever
decides a grade: `suggest_area_grade` only offers what an organisation's pack says, and the
practitioner confirms every area grade. Pure functions over `record.Assessment`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from assessments import gcp2
from assessments.pack_model import ContentPack, SuggestionKind
from assessments.record import Assessment
from assessments.scale import is_better, is_grade

ProblemCode = Literal[
    "invalid",  # a value of the wrong kind or out of range, an unknown id
    "missing_grade",
    "missing_evidence",
    "area_not_confirmed",
    "missing_rationale",
    "unknown_item",
    "invalid_target",
    "invalid_previous",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an assessment. `path` is relative to the assessment object, in the
    case file's JSON-path style (e.g. `sub_areas['safety.in_presence'].grade`); prefix it with
    the assessment's own path to report a case-file error."""

    code: ProblemCode
    path: str
    message: str


def suggest_area_grade(
    pack: ContentPack | None, area: str, sub_area_grades: Mapping[str, int | None]
) -> int | None:
    """The grade the pack's rule suggests for `area`, or None: no pack, no rule for the area,
    or a sub-area of the area not graded yet. Only ever shown as a suggestion."""
    if pack is None:
        return None
    kind = pack.suggestion_kind(area)
    if kind == "none":
        return None
    grades: list[int] = []
    for sub_id in gcp2.area(area).sub_area_ids:
        grade = sub_area_grades.get(sub_id)
        if grade is None:
            return None
        if not is_grade(grade):
            raise ValueError(f"{sub_id}: {grade!r} is not a grade from 1 to 5")
        grades.append(grade)
    return _combine(kind, grades)


def suggest_sub_area_grade(
    pack: ContentPack | None,
    sub_area: str,
    item_grades: Mapping[str, int],
    item_ids: Iterable[str],
) -> int | None:
    """What the pack's rule for the sub-area's area suggests from the sub-area's item grades,
    or None: no pack, no rule for the area, no items, or one of `item_ids` (the items shown
    for this child) not graded yet. Only ever shown as a suggestion; it never sets a grade."""
    if pack is None:
        return None
    kind = pack.suggestion_kind(gcp2.area_of(sub_area).id)
    wanted = list(item_ids)
    if kind == "none" or not wanted:
        return None
    grades: list[int] = []
    for item_id in wanted:
        grade = item_grades.get(item_id)
        if grade is None:
            return None
        if not is_grade(grade):
            raise ValueError(f"{item_id}: {grade!r} is not a grade from 1 to 5")
        grades.append(grade)
    return _combine(kind, grades)


def _combine(kind: SuggestionKind, grades: list[int]) -> int:
    if kind == "max":
        return max(grades)
    if kind == "median":
        # With an even count, the worse (higher) of the two middle grades: a suggestion should
        # not make care look better than half of what was seen.
        return sorted(grades)[len(grades) // 2]
    counts = Counter(grades)  # mode_then_max: the most frequent grade, ties to the worse one
    return max(grades, key=lambda g: (counts[g], g))


def area_grade_needs_rationale(area_grade: int, sub_area_grades: Iterable[int | None]) -> bool:
    """True when the confirmed area grade lies outside the range of its sub-area grades."""
    graded = [g for g in sub_area_grades if g is not None]
    if not graded:
        return False
    return area_grade < min(graded) or area_grade > max(graded)


def _aware(value: datetime | None) -> bool:
    return value is None or (isinstance(value, datetime) and value.utcoffset() is not None)


def _blank(text: str) -> bool:
    return not isinstance(text, str) or not text.strip()


def _sub_area_problems(a: Assessment, pack: ContentPack | None) -> list[Problem]:
    found: list[Problem] = []
    for sub_id, entry in a.sub_areas.items():
        here = f"sub_areas['{sub_id}']"
        if not gcp2.is_sub_area(sub_id):
            found.append(Problem("invalid", here, f"{sub_id!r} is not a GCP2 sub-area"))
            continue
        if entry.grade is not None and not is_grade(entry.grade):
            found.append(Problem("invalid", f"{here}.grade", "a grade is a whole number 1-5"))
        allowed = pack.item_ids(sub_id) if pack is not None else frozenset()
        for item_id, grade in entry.items.items():
            at = f"{here}.items['{item_id}']"
            if pack is None:
                found.append(Problem("unknown_item", at, "item grades need the content pack "
                                     "that defines the items, and none is loaded"))
            elif item_id not in allowed:
                found.append(Problem("unknown_item", at, f"the pack {pack.id} has no item "
                                     f"{item_id!r} in {gcp2.sub_area(sub_id).name}"))
            if not is_grade(grade):
                found.append(Problem("invalid", at, "an item grade is a whole number 1-5"))
    return found


def _target_problems(a: Assessment) -> list[Problem]:
    found: list[Problem] = []
    for n, t in enumerate(a.targets):
        here = f"targets[{n}]"
        if not gcp2.is_sub_area(t.sub_area):
            found.append(Problem("invalid_target", f"{here}.sub_area",
                                 f"{t.sub_area!r} is not a GCP2 sub-area"))
        for name in ("current", "target"):
            if not is_grade(getattr(t, name)):
                found.append(Problem("invalid_target", f"{here}.{name}",
                                     "a grade is a whole number 1-5"))
        if is_grade(t.current) and is_grade(t.target) and not is_better(t.target, t.current):
            found.append(Problem("invalid_target", f"{here}.target", "the target grade must be "
                                 "better (lower) than the current grade"))
        if not isinstance(t.review_by, date) or isinstance(t.review_by, datetime):
            found.append(Problem("invalid_target", f"{here}.review_by", "a review-by date is "
                                 "required"))
        if t.review_grade is not None and not is_grade(t.review_grade):
            found.append(Problem("invalid_target", f"{here}.review_grade",
                                 "a grade is a whole number 1-5"))
    return found


def record_problems(a: Assessment, pack: ContentPack | None = None) -> list[Problem]:
    """What no assessment may have, draft or complete: unknown ids, grades that are not 1-5,
    item grades the pack does not define, invalid targets, a status its dates contradict."""
    found: list[Problem] = []
    if a.tool != "gcp2":
        found.append(Problem("invalid", "tool", f"unknown tool {a.tool!r}; expected 'gcp2'"))
    if a.status not in ("draft", "complete"):
        found.append(Problem("invalid", "status", "status is 'draft' or 'complete'"))
    for name in ("started_at", "completed_at"):
        if not _aware(getattr(a, name)):
            found.append(Problem("invalid", name, "a time must include its UTC offset"))
    if a.status == "complete" and a.completed_at is None:
        found.append(Problem("invalid", "completed_at", "a complete assessment has a "
                             "completion time"))
    if a.status == "draft" and a.completed_at is not None:
        found.append(Problem("invalid", "completed_at", "a draft has no completion time"))
    if (a.completed_at is not None and _aware(a.completed_at) and _aware(a.started_at)
            and a.completed_at < a.started_at):
        found.append(Problem("invalid", "completed_at", "completed before it was started"))
    if a.previous is not None and a.previous == a.id:
        found.append(Problem("invalid_previous", "previous", "an assessment cannot re-grade "
                             "itself"))
    found.extend(_sub_area_problems(a, pack))
    for area_id, entry in a.areas.items():
        if not gcp2.is_area(area_id):
            found.append(Problem("invalid", f"areas['{area_id}']",
                                 f"{area_id!r} is not a GCP2 area"))
        elif entry.grade is not None and not is_grade(entry.grade):
            found.append(Problem("invalid", f"areas['{area_id}'].grade",
                                 "a grade is a whole number 1-5"))
    found.extend(_target_problems(a))
    if a.addenda and a.status != "complete":
        found.append(Problem("invalid", "addenda", "only a complete assessment has addenda; "
                             "a draft is edited directly"))
    for n, add in enumerate(a.addenda):
        for name in ("author", "reason", "text"):
            if _blank(getattr(add, name)):
                found.append(Problem("invalid", f"addenda[{n}].{name}", f"an addendum needs "
                                     f"its {name}"))
        if not _aware(add.at):
            found.append(Problem("invalid", f"addenda[{n}].at", "a time must include its UTC "
                                 "offset"))
        elif (a.completed_at is not None and _aware(a.completed_at)
              and add.at < a.completed_at):
            found.append(Problem("invalid", f"addenda[{n}].at", "an addendum cannot be dated "
                                 "before the assessment was completed"))
    return found


def completion_problems(a: Assessment, pack: ContentPack | None = None) -> list[Problem]:
    """Everything that stops this assessment from being complete (empty: it may complete)."""
    found = record_problems(a, pack)
    for sub in gcp2.SUB_AREAS:
        here = f"sub_areas['{sub.id}']"
        entry = a.sub_areas.get(sub.id)
        if entry is None or entry.grade is None:
            found.append(Problem("missing_grade", f"{here}.grade", f"{sub.name} is not graded"))
        elif _blank(entry.evidence):
            found.append(Problem("missing_evidence", f"{here}.evidence",
                                 f"{sub.name} has a grade but no evidence"))
    for area in gcp2.AREAS:
        here = f"areas['{area.id}']"
        confirmed = a.areas.get(area.id)
        if confirmed is None or confirmed.grade is None:
            found.append(Problem("area_not_confirmed", f"{here}.grade",
                                 f"the {area.name} grade is not confirmed"))
            continue
        subs = [a.sub_area_grade(s) for s in area.sub_area_ids]
        valid = [g for g in subs if is_grade(g)]
        if (is_grade(confirmed.grade) and area_grade_needs_rationale(confirmed.grade, valid)
                and _blank(confirmed.rationale)):
            found.append(Problem("missing_rationale", f"{here}.rationale",
                                 f"the {area.name} grade is outside the range of its sub-area "
                                 "grades, so it needs a rationale"))
    return found


def assessment_problems(a: Assessment, pack: ContentPack | None = None) -> list[Problem]:
    """The problems that matter for the record's status: a draft may be partial; a complete
    record must pass every completion rule. What a case-file import checks."""
    return completion_problems(a, pack) if a.status == "complete" else record_problems(a, pack)
