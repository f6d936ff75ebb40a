"""Grading rules: suggestions, the rationale rule, and what a record needs for its status."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import given
from hypothesis import strategies as st

from assessments import gcp2
from assessments.content_pack import ContentPack, load_content_pack
from assessments.grading import (
    area_grade_needs_rationale,
    assessment_problems,
    completion_problems,
    record_problems,
    suggest_area_grade,
)
from assessments.pack_model import SuggestionKind
from assessments.record import Addendum, AreaGrade, Assessment, SubAreaGrade, Target

PACKS = Path(__file__).resolve().parents[2] / "tests" / "data" / "packs"
UK = timezone(timedelta(hours=0))
STARTED = datetime(2026, 11, 2, 10, 0, tzinfo=UK)


def sample_pack() -> ContentPack:
    key = serialization.load_pem_public_key((PACKS / "zephyr-test-signing-key.pub.pem").read_bytes())
    assert isinstance(key, Ed25519PublicKey)
    return load_content_pack((PACKS / "zephyr-sample.pack.json").read_bytes(), trusted_keys=[key])


def graded(grade: int = 3, **overrides: int) -> dict[str, SubAreaGrade]:
    """All 13 sub-areas graded `grade` with evidence; `overrides` by sub-area key (e.g.
    `in_presence=5`)."""
    grades: dict[str, SubAreaGrade] = {}
    for sub in gcp2.SUB_AREAS:
        g = overrides.get(sub.id.split(".")[1], grade)
        grades[sub.id] = SubAreaGrade(g, evidence=f"Seen on visit 2: {sub.name.lower()}.")
    return grades


def ready(**changes: Any) -> Assessment:
    """A draft that satisfies every completion rule, changed by `changes`."""
    base = Assessment(
        id="A1", child="K1", started_at=STARTED, sub_areas=graded(),
        areas={a: AreaGrade(3) for a in gcp2.AREA_IDS},
        targets=(Target("physical_care.nutrition", 3, 2, date(2027, 1, 15)),),
    )
    return dataclasses.replace(base, **changes)


# --- suggestions ------------------------------------------------------------------------------

SUGGESTIONS = [
    # area, sub-area grades of that area in definition order, expected suggestion
    ("physical_care", [1, 2, 2, 4, 3], 4),  # max
    ("physical_care", [5, 5, 5, 5, 5], 5),
    ("safety", [2, 2], 2),  # mode_then_max
    ("safety", [1, 4], 4),  # tie between modes: the worse
    ("emotional_care", [1, 4], 4),  # median of two: the worse middle
    ("emotional_care", [3, 3], 3),
    ("developmental_care", [1, 1, 1, 1], None),  # the pack's rule is "none"
]


@pytest.mark.parametrize(("area", "grades", "expected"), SUGGESTIONS)
def test_suggestion_follows_the_packs_rule(area: str, grades: list[int],
                                           expected: int | None) -> None:
    sub_grades: dict[str, int | None] = dict(zip(gcp2.area(area).sub_area_ids, grades, strict=True))
    assert suggest_area_grade(sample_pack(), area, sub_grades) == expected


@pytest.mark.parametrize(("kind", "grades", "expected"), [
    ("max", [1, 1, 2, 1], 2),
    ("median", [1, 2, 4, 5], 4),  # even count: the worse middle grade
    ("median", [1, 1, 2, 5], 2),
    ("mode_then_max", [2, 2, 5, 1], 2),
    ("mode_then_max", [1, 1, 4, 4], 4),
    ("mode_then_max", [1, 2, 3, 4], 4),
    ("none", [1, 2, 3, 4], None),
])
def test_each_rule_kind_on_four_sub_areas(kind: SuggestionKind, grades: list[int],
                                          expected: int | None) -> None:
    pack = dataclasses.replace(sample_pack(), suggestion_rules={"developmental_care": kind})
    sub_grades: dict[str, int | None] = dict(
        zip(gcp2.area("developmental_care").sub_area_ids, grades, strict=True))
    assert suggest_area_grade(pack, "developmental_care", sub_grades) == expected


_PACK = sample_pack()


@given(kind=st.sampled_from(["max", "median", "mode_then_max"]),
       grades=st.lists(st.integers(1, 5), min_size=4, max_size=4))
def test_a_suggestion_never_needs_a_rationale(kind: SuggestionKind, grades: list[int]) -> None:
    """Every rule picks one of the sub-area grades, so accepting it never leaves the range."""
    pack = dataclasses.replace(_PACK, suggestion_rules={"developmental_care": kind})
    subs = gcp2.area("developmental_care").sub_area_ids
    suggestion = suggest_area_grade(pack, "developmental_care", dict(zip(subs, grades, strict=True)))
    assert suggestion in grades
    assert not area_grade_needs_rationale(suggestion, grades)


def test_no_pack_no_suggestion() -> None:
    grades: dict[str, int | None] = {s: 2 for s in gcp2.SUB_AREA_IDS}
    assert all(suggest_area_grade(None, a, grades) is None for a in gcp2.AREA_IDS)


def test_no_suggestion_until_the_area_is_fully_graded() -> None:
    grades: dict[str, int | None] = {"safety.in_presence": 4, "safety.in_absence": None}
    assert suggest_area_grade(sample_pack(), "safety", grades) is None
    assert suggest_area_grade(sample_pack(), "safety", {"safety.in_presence": 4}) is None


def test_suggestion_ignores_other_areas() -> None:
    grades: dict[str, int | None] = {s: 5 for s in gcp2.SUB_AREA_IDS}
    grades.update({"safety.in_presence": 1, "safety.in_absence": 1})
    assert suggest_area_grade(sample_pack(), "safety", grades) == 1


def test_suggestion_refuses_a_non_grade() -> None:
    with pytest.raises(ValueError, match="safety.in_absence"):
        suggest_area_grade(sample_pack(), "safety",
                           {"safety.in_presence": 1, "safety.in_absence": 7})


# --- the rationale rule -----------------------------------------------------------------------

@pytest.mark.parametrize(("area_grade", "sub_grades", "needs"), [
    (3, [2, 3, 4], False),
    (2, [2, 3, 4], False),  # the range's ends are inside it
    (4, [2, 3, 4], False),
    (1, [2, 3, 4], True),
    (5, [2, 3, 4], True),
    (3, [3, 3], False),
    (2, [3, 3], True),
    (4, [3, 3], True),
    (1, [1, None], False),  # ungraded sub-areas do not widen or narrow the range
    (2, [1, None], True),
    (5, [None, None], False),  # nothing graded: no range to be outside of
    (5, [], False),
])
def test_rationale_needed_only_outside_the_range(area_grade: int, sub_grades: list[int | None],
                                                 needs: bool) -> None:
    assert area_grade_needs_rationale(area_grade, sub_grades) is needs


# --- completion problems ----------------------------------------------------------------------

def test_a_ready_draft_has_no_problems() -> None:
    assert completion_problems(ready()) == []
    assert completion_problems(ready(), sample_pack()) == []


def _without(sub_id: str) -> dict[str, SubAreaGrade]:
    return {k: v for k, v in graded().items() if k != sub_id}


def _with(sub_id: str, entry: SubAreaGrade) -> dict[str, SubAreaGrade]:
    return {**graded(), sub_id: entry}


def _areas(**changes: AreaGrade | None) -> dict[str, AreaGrade]:
    areas = {a: AreaGrade(3) for a in gcp2.AREA_IDS}
    for key, value in changes.items():
        if value is None:
            del areas[key]
        else:
            areas[key] = value
    return areas


PRES = "safety.in_presence"

COMPLETION = [
    # (name, changes to a ready draft, expected (code, path) pairs)
    ("sub-area missing", {"sub_areas": _without(PRES)},
     [("missing_grade", f"sub_areas['{PRES}'].grade")]),
    ("sub-area ungraded", {"sub_areas": _with(PRES, SubAreaGrade(None, "seen"))},
     [("missing_grade", f"sub_areas['{PRES}'].grade")]),
    ("no evidence", {"sub_areas": _with(PRES, SubAreaGrade(2, "  \n"))},
     [("missing_evidence", f"sub_areas['{PRES}'].evidence")]),
    ("grade 0", {"sub_areas": _with(PRES, SubAreaGrade(0, "seen"))},
     [("invalid", f"sub_areas['{PRES}'].grade")]),
    ("grade 6", {"sub_areas": _with(PRES, SubAreaGrade(6, "seen"))},
     [("invalid", f"sub_areas['{PRES}'].grade")]),
    ("grade not whole", {"sub_areas": _with(PRES, SubAreaGrade(2.5, "seen"))},  # type: ignore[arg-type]
     [("invalid", f"sub_areas['{PRES}'].grade")]),
    ("unknown sub-area", {"sub_areas": {**graded(), "safety.online": SubAreaGrade(2, "x")}},
     [("invalid", "sub_areas['safety.online']")]),
    ("area not confirmed", {"areas": _areas(safety=None)},
     [("area_not_confirmed", "areas['safety'].grade")]),
    ("area grade empty", {"areas": _areas(safety=AreaGrade(None, "thinking"))},
     [("area_not_confirmed", "areas['safety'].grade")]),
    ("unknown area", {"areas": {**_areas(), "love": AreaGrade(2)}},
     [("invalid", "areas['love']")]),
    ("area grade out of scale", {"areas": _areas(safety=AreaGrade(9, "why"))},
     [("invalid", "areas['safety'].grade")]),
    ("outside range, no rationale", {"areas": _areas(safety=AreaGrade(4))},
     [("missing_rationale", "areas['safety'].rationale")]),
    ("outside range, blank rationale", {"areas": _areas(safety=AreaGrade(1, "   "))},
     [("missing_rationale", "areas['safety'].rationale")]),
    ("outside range, with rationale",
     {"areas": _areas(safety=AreaGrade(4, "Unsafe sleeping seen on two visits."))}, []),
    ("target of unknown sub-area",
     {"targets": (Target("safety.online", 3, 2, date(2027, 1, 1)),)},
     [("invalid_target", "targets[0].sub_area")]),
    ("target not better", {"targets": (Target(PRES, 3, 3, date(2027, 1, 1)),)},
     [("invalid_target", "targets[0].target")]),
    ("target worse", {"targets": (Target(PRES, 2, 4, date(2027, 1, 1)),)},
     [("invalid_target", "targets[0].target")]),
    ("target grade 0", {"targets": (Target(PRES, 3, 0, date(2027, 1, 1)),)},
     [("invalid_target", "targets[0].target")]),
    ("current grade 6", {"targets": (Target(PRES, 6, 2, date(2027, 1, 1)),)},
     [("invalid_target", "targets[0].current")]),
    ("no review date", {"targets": (Target(PRES, 3, 2, None),)},
     [("invalid_target", "targets[0].review_by")]),
    ("review date is a time", {"targets": (Target(PRES, 3, 2, STARTED),)},
     [("invalid_target", "targets[0].review_by")]),
    ("review grade 7", {"targets": (Target(PRES, 3, 2, date(2027, 1, 1), 7),)},
     [("invalid_target", "targets[0].review_grade")]),
    ("second target bad", {"targets": (Target(PRES, 3, 2, date(2027, 1, 1)),
                                       Target(PRES, 1, 2, date(2027, 1, 1)))},
     [("invalid_target", "targets[1].target")]),
    ("item grade without a pack", {"sub_areas": _with(
        PRES, SubAreaGrade(2, "seen", {"zephyr.in_presence.1": 2}))},
     [("unknown_item", f"sub_areas['{PRES}'].items['zephyr.in_presence.1']")]),
    ("wrong tool", {"tool": "gcp2-a"}, [("invalid", "tool")]),
    ("naive start time", {"started_at": datetime(2026, 11, 2, 10, 0)},
     [("invalid", "started_at")]),
    ("re-grades itself", {"previous": "A1"}, [("invalid_previous", "previous")]),
    ("draft with a completion time", {"completed_at": STARTED}, [("invalid", "completed_at")]),
    ("draft with an addendum", {"addenda": (Addendum(STARTED, "P", "r", "t"),)},
     [("invalid", "addenda")]),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in COMPLETION],
                         ids=[c[0] for c in COMPLETION])
def test_completion_problems(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    found = completion_problems(ready(**changes))
    assert [(p.code, p.path) for p in found] == expected
    assert all(p.message for p in found)


def test_an_empty_draft_lists_every_missing_grade() -> None:
    found = completion_problems(Assessment(id="A1", child="K1", started_at=STARTED))
    assert [p.code for p in found] == ["missing_grade"] * 13 + ["area_not_confirmed"] * 4
    assert found[5].message == "In presence of carer is not graded"
    assert found[13].message == "the Physical care grade is not confirmed"


def test_no_rationale_is_asked_for_where_sub_area_grades_are_missing() -> None:
    no_safety = {k: v for k, v in graded().items() if not k.startswith("safety.")}
    draft = ready(sub_areas=no_safety, areas=_areas(safety=AreaGrade(5)))
    assert {p.code for p in completion_problems(draft)} == {"missing_grade"}


@pytest.mark.parametrize(("items", "expected"), [
    ({"zephyr.in_presence.1": 2, "zephyr.in_presence.2": 3}, []),
    ({"zephyr.in_absence.1": 2}, ["unknown_item"]),  # another sub-area's item
    ({"nspcc.item.1": 2}, ["unknown_item"]),
    ({"zephyr.in_presence.1": 0}, ["invalid"]),
    ({"zephyr.in_presence.1": True}, ["invalid"]),
])
def test_item_grades_only_for_the_packs_items(items: dict[str, int], expected: list[str]) -> None:
    draft = ready(sub_areas=_with(PRES, SubAreaGrade(2, "seen", items)))
    assert [p.code for p in record_problems(draft, sample_pack())] == expected


def test_a_draft_may_be_partial_but_not_wrong() -> None:
    partial = Assessment(id="A1", child="K1", started_at=STARTED,
                         sub_areas={PRES: SubAreaGrade(2, "")})
    assert assessment_problems(partial) == []
    wrong = dataclasses.replace(partial, sub_areas={PRES: SubAreaGrade(8, "")})
    assert [p.path for p in assessment_problems(wrong)] == [f"sub_areas['{PRES}'].grade"]


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, []),
    ({"completed_at": None}, [("invalid", "completed_at")]),
    ({"completed_at": STARTED - timedelta(days=1)}, [("invalid", "completed_at")]),
    ({"completed_at": datetime(2026, 11, 20, 9, 0)}, [("invalid", "completed_at")]),
    ({"areas": _areas(safety=None)}, [("area_not_confirmed", "areas['safety'].grade")]),
    ({"addenda": (Addendum(STARTED + timedelta(days=30), "P. Shah", " ", "Corrected."),)},
     [("invalid", "addenda[0].reason")]),
    ({"addenda": (Addendum(STARTED + timedelta(days=2), "P. Shah", "Late", "Corrected."),)},
     [("invalid", "addenda[0].at")]),
    ({"addenda": (Addendum(STARTED + timedelta(days=30), "P. Shah", "Late", "Corrected."),)},
     []),
])
def test_a_complete_record_must_pass_every_rule(changes: dict[str, Any],
                                                expected: list[tuple[str, str]]) -> None:
    record = ready(**{"status": "complete", "completed_at": STARTED + timedelta(days=20),
                      **changes})
    assert [(p.code, p.path) for p in assessment_problems(record)] == expected
