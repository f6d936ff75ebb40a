"""Levels of need from configuration and the suggested-level table, as parameter tables: which
level the table suggests for which grades and factors, and the reasons it gives."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.levels import (
    LevelInputs,
    default_levels,
    levels_from_config,
    suggest_level,
)
from assessments.theme_config_checks import ThemeConfigError

PHYS, SAFE, EMO, DEV = "physical_care", "safety", "emotional_care", "developmental_care"
NUTRITION = "physical_care.nutrition"
HOUSING = "physical_care.housing"

# An organisation's table (illustrative, like the example configuration).
TABLE: dict[str, Any] = {
    "threshold_document": "Levels of Need, v2 (2025)",
    "suggestions": [
        {"level": "specialist", "area_grade_at_least": 4, "areas": 2},
        {"level": "specialist", "area_grade_at_least": 4, "harm_factors_at_least": 2,
         "because": "See section 4.2 of the threshold document."},
        {"level": "targeted", "area_grade_at_least": 4},
        {"level": "targeted", "harm_factors_at_least": 2},
        {"level": "early_help", "sub_area_grade_at_least": 3, "sub_areas": 2},
        {"level": "early_help", "area_grade_at_least": 3},
    ],
}
LEVELS = levels_from_config(TABLE)
DA, MH = "Domestic abuse", "Parental mental health"


def areas(**grades: int) -> dict[str, int]:
    return dict(grades)


@pytest.mark.parametrize(("area_grades", "sub_area_grades", "factors", "level", "rows"), [
    ({}, {}, (), None, ()),                                            # nothing known
    (areas(physical_care=2, safety=2, emotional_care=1, developmental_care=2), {}, (), None, ()),
    (areas(physical_care=3), {}, (), "early_help", (5,)),
    ({}, {NUTRITION: 3, HOUSING: 3}, (), "early_help", (4,)),
    ({}, {NUTRITION: 3}, (), None, ()),                                # one sub-area is not two
    (areas(safety=4), {}, (), "targeted", (2, 5)),                     # 4 is also "3 or worse"
    ({}, {}, (DA, MH), "targeted", (3,)),                              # factors alone
    ({}, {}, (DA, DA), None, ()),                                      # one factor, counted once
    (areas(safety=4), {}, (DA, MH), "specialist", (1, 2, 3, 5)),       # grade and factors
    (areas(safety=4, emotional_care=5), {}, (), "specialist", (0, 2, 5)),
    (areas(safety=5, physical_care=4), {NUTRITION: 4, HOUSING: 4}, (DA,), "specialist",
     (0, 2, 4, 5)),
])
def test_the_table_suggests_the_highest_matching_level(
    area_grades: dict[str, int], sub_area_grades: dict[str, int], factors: tuple[str, ...],
    level: str | None, rows: tuple[int, ...],
) -> None:
    suggestion = suggest_level(LEVELS, LevelInputs(area_grades, sub_area_grades, factors))
    assert (suggestion.level.id if suggestion.level else None) == level
    assert suggestion.rows == rows


def test_the_explanation_names_the_areas_factors_and_row() -> None:
    suggestion = suggest_level(LEVELS, LevelInputs(areas(safety=4), {}, (DA, MH)))
    assert suggestion.explanation == (
        "Suggested level 4 Specialist because Safety is graded 4 or worse (the table asks for "
        "1 area) and 2 cumulative harm factors are recorded (Domestic abuse, Parental mental "
        "health; the table asks for 2) (row 2 of the table). See section 4.2 of the threshold "
        "document."
    )


def test_two_areas_are_named_together() -> None:
    suggestion = suggest_level(LEVELS, LevelInputs(areas(safety=4, emotional_care=5), {}))
    assert "Safety and Emotional care are graded 4 or worse" in suggestion.explanation
    assert "(row 1 of the table)" in suggestion.explanation


def test_no_match_and_no_table_say_to_decide_from_the_document() -> None:
    none = suggest_level(LEVELS, LevelInputs(areas(safety=2), {}))
    assert none.level is None and "worst area grade 2" in none.explanation
    assert "decide from the threshold document" in none.explanation
    empty = suggest_level(default_levels(), LevelInputs(areas(safety=5), {}, (DA, MH)))
    assert empty.level is None and "no table" in empty.explanation


def test_defaults_are_the_usual_four_levels_with_no_table() -> None:
    levels = default_levels()
    assert [(lv.number, lv.id, lv.name) for lv in levels.levels] == [
        (1, "universal", "Universal"), (2, "early_help", "Early help"),
        (3, "targeted", "Targeted"), (4, "specialist", "Specialist")]
    assert levels.suggestions == () and levels.harm_factor_window_months == 12
    assert levels_from_config({}) == levels


def test_an_organisation_names_its_own_levels() -> None:
    levels = levels_from_config({
        "threshold_document": "Families First levels (2026)",
        "levels": [
            {"id": "early_support", "name": "Early support"},
            {"id": "family_help", "name": "Family help", "response": "Lead practitioner"},
            {"id": "child_protection", "name": "Family help - immediate support"},
        ],
        "suggestions": [{"level": "child_protection", "area_grade_at_least": 5}],
    })
    assert [lv.label for lv in levels.levels] == [
        "1 Early support", "2 Family help", "3 Family help - immediate support"]
    assert levels.get("family_help").response == "Lead practitioner"
    assert suggest_level(levels, LevelInputs(areas(safety=5), {})).level == levels.get(
        "child_protection")


@pytest.mark.parametrize(("config", "path"), [
    ({"levels": [{"id": "one", "name": "One"}]}, "$.levels.levels"),
    ({"levels": [{"id": "one", "name": "One"}, {"id": "one", "name": "Two"}]},
     "$.levels.levels[1].id"),
    ({"levels": [{"id": "one", "name": "One"}, {"id": "two", "name": "one"}]},
     "$.levels.levels[1].name"),
    ({"levels": [{"id": "One", "name": "One"}, {"id": "two", "name": "Two"}]},
     "$.levels.levels[0].id"),
    ({"levels": [{"id": "one"}, {"id": "two", "name": "Two"}]}, "$.levels.levels[0].name"),
    ({"suggestions": [{"level": "nowhere", "area_grade_at_least": 4}]},
     "$.levels.suggestions[0].level"),
    ({"suggestions": [{"level": "targeted"}]}, "$.levels.suggestions[0]"),
    ({"suggestions": [{"level": "targeted", "areas": 2, "harm_factors_at_least": 1}]},
     "$.levels.suggestions[0].areas"),
    ({"suggestions": [{"level": "targeted", "area_grade_at_least": 6}]},
     "$.levels.suggestions[0].area_grade_at_least"),
    ({"suggestions": [{"level": "targeted", "area_grade_at_least": 4, "areas": 5}]},
     "$.levels.suggestions[0].areas"),
    ({"suggestions": [{"level": "targeted", "sub_area_grade_at_least": 3, "sub_areas": 14}]},
     "$.levels.suggestions[0].sub_areas"),
    ({"suggestions": [{"level": "targeted", "harm_factors_at_least": "2"}]},
     "$.levels.suggestions[0].harm_factors_at_least"),
    ({"suggestions": [{"level": "targeted", "area_grade": 4}]},
     "$.levels.suggestions[0].area_grade"),
    ({"harm_factor_window_months": 0}, "$.levels.harm_factor_window_months"),
    ({"threshold": "x"}, "$.levels.threshold"),
])
def test_configuration_mistakes_name_the_json_path(config: dict[str, Any], path: str) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        levels_from_config(config)
    assert caught.value.path == path
