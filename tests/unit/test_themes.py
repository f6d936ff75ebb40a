"""The theme catalogue, its extension by configuration, and the contract values."""

from __future__ import annotations

import inspect

import pytest

from assessments import themes
from assessments.errors import AssessmentsError
from assessments.themes import (
    CUMULATIVE_HARM_FACTORS_LABEL,
    LIVED_EXPERIENCE_SOURCE_NAMES,
    PART_OF_DAY,
    PART_OF_DAY_NAMES,
    SOURCE,
    Theme,
    ThemeConfigError,
    catalogue_from_config,
    default_catalogue,
)

CONTRACT_THEME_IDS = (
    "domestic_abuse",
    "parental_mental_health",
    "parental_substance_use",
    "home_conditions",
    "missed_health_appointments",
    "school_attendance",
)


def test_default_catalogue_has_the_contract_ids_in_order() -> None:
    assert default_catalogue().ids() == CONTRACT_THEME_IDS


def test_only_the_three_parental_factors_are_cumulative_harm_factors() -> None:
    assert default_catalogue().cumulative_harm_factor_ids() == {
        "domestic_abuse",
        "parental_mental_health",
        "parental_substance_use",
    }


@pytest.mark.parametrize(
    ("theme_id", "name"),
    [
        ("domestic_abuse", "Domestic abuse"),
        ("parental_mental_health", "Parental mental health"),
        ("parental_substance_use", "Parental substance use"),
        ("home_conditions", "Home conditions"),
        ("missed_health_appointments", "Missed health appointments"),
        ("school_attendance", "School attendance"),
    ],
)
def test_default_themes_have_plain_english_names(theme_id: str, name: str) -> None:
    theme = default_catalogue().get(theme_id)
    assert theme.name == name
    assert theme.description.endswith(".")


def test_the_label_is_cumulative_harm_factors_and_toxic_trio_appears_nowhere() -> None:
    assert CUMULATIVE_HARM_FACTORS_LABEL == "Cumulative harm factors"
    shown = [CUMULATIVE_HARM_FACTORS_LABEL] + [
        text for t in default_catalogue().themes for text in (t.name, t.description)
    ]
    assert all("toxic" not in text.lower() for text in shown)
    # The module's own text (names, comments) may explain the choice, but not use it as a label.
    source = inspect.getsource(themes)
    assert '"toxic trio"' in source  # only inside the docstring explaining why it is not used
    assert source.lower().count("toxic") == 1


def test_contract_values_for_part_of_day_and_source() -> None:
    assert PART_OF_DAY == (
        "early_morning", "morning", "afternoon", "evening", "night", "weekend", "holiday",
    )
    assert SOURCE == ("observed", "child", "carer", "other_agency")
    assert [p.value for p in PART_OF_DAY_NAMES] == list(PART_OF_DAY)
    assert [s.value for s in LIVED_EXPERIENCE_SOURCE_NAMES] == list(SOURCE)
    assert all(name and "_" not in name for name in PART_OF_DAY_NAMES.values())
    assert all(name and "_" not in name for name in LIVED_EXPERIENCE_SOURCE_NAMES.values())


def test_an_organisation_adds_its_own_themes_after_the_defaults() -> None:
    catalogue = catalogue_from_config(
        {
            "themes": [
                {"id": "housing_insecurity", "name": " Housing insecurity "},
                {
                    "id": "parental_learning_disability",
                    "name": "Parental learning disability",
                    "cumulative_harm_factor": True,
                    "description": "A carer's learning disability affecting care.",
                },
            ]
        }
    )
    assert catalogue.ids() == CONTRACT_THEME_IDS + (
        "housing_insecurity",
        "parental_learning_disability",
    )
    assert catalogue.get("housing_insecurity") == Theme("housing_insecurity", "Housing insecurity")
    assert "parental_learning_disability" in catalogue.cumulative_harm_factor_ids()
    assert "housing_insecurity" not in catalogue.cumulative_harm_factor_ids()


@pytest.mark.parametrize("config", [{}, {"themes": []}])
def test_empty_configuration_gives_the_defaults(config: dict[str, object]) -> None:
    assert catalogue_from_config(config) == default_catalogue()


def test_unknown_lists_ids_outside_the_catalogue_once_in_order() -> None:
    catalogue = default_catalogue()
    assert catalogue.unknown(["home_conditions", "gambling", "x1", "gambling"]) == (
        "gambling",
        "x1",
    )
    assert catalogue.unknown(CONTRACT_THEME_IDS) == ()
    assert "gambling" not in catalogue
    with pytest.raises(KeyError):
        catalogue.get("gambling")


def _theme(**fields: object) -> dict[str, object]:
    return {"id": "housing_insecurity", "name": "Housing insecurity"} | fields


@pytest.mark.parametrize(
    ("config", "path", "reason"),
    [
        ([], "$", "must be an object"),
        ({"colour": "red"}, "$.colour", "is not a known setting"),
        ({"themes": "housing"}, "$.themes", "must be a list"),
        ({"themes": {"id": "x"}}, "$.themes", "must be a list"),
        ({"themes": ["housing"]}, "$.themes[0]", "must be an object"),
        ({"themes": [{"name": "Housing"}]}, "$.themes[0].id", "is required"),
        ({"themes": [{"id": "housing"}]}, "$.themes[0].name", "is required"),
        ({"themes": [_theme(colour="red")]}, "$.themes[0].colour", "is not a known setting"),
        ({"themes": [_theme(id="h")]}, "$.themes[0].id", "2 to 49 characters"),
        ({"themes": [_theme(id="h" * 50)]}, "$.themes[0].id", "2 to 49 characters"),
        ({"themes": [_theme(id="Housing")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="9lives")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="_housing")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="housing-need")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="housing need")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="housing\n")]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id=7)]}, "$.themes[0].id", "lower-case"),
        ({"themes": [_theme(id="domestic_abuse")]}, "$.themes[0].id", "a default theme"),
        (
            {"themes": [_theme(), _theme(name="Other")]},
            "$.themes[1].id",
            "already used by $.themes[0]",
        ),
        ({"themes": [_theme(name="DOMESTIC abuse")]}, "$.themes[0].name", "a default theme"),
        (
            {"themes": [_theme(), _theme(id="other", name="housing insecurity")]},
            "$.themes[1].name",
            "already used by $.themes[0]",
        ),
        ({"themes": [_theme(name="")]}, "$.themes[0].name", "non-empty"),
        ({"themes": [_theme(name="   ")]}, "$.themes[0].name", "non-empty"),
        ({"themes": [_theme(name=3)]}, "$.themes[0].name", "non-empty"),
        ({"themes": [_theme(name="x" * 61)]}, "$.themes[0].name", "at most 60"),
        (
            {"themes": [_theme(cumulative_harm_factor="yes")]},
            "$.themes[0].cumulative_harm_factor",
            "true or false",
        ),
        (
            {"themes": [_theme(cumulative_harm_factor=1)]},
            "$.themes[0].cumulative_harm_factor",
            "true or false",
        ),
        ({"themes": [_theme(description=5)]}, "$.themes[0].description", "must be a text"),
        ({"themes": [_theme(description="x" * 301)]}, "$.themes[0].description", "at most 300"),
    ],
)
def test_configuration_errors_name_the_path(config: object, path: str, reason: str) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        catalogue_from_config(config)
    assert caught.value.path == path
    assert reason in caught.value.reason
    assert str(caught.value) == f"{path}: {caught.value.reason}"


@pytest.mark.parametrize("theme_id", ["ab", "a" * 49, "home_conditions_2", "a_1"])
def test_ids_at_the_edges_of_the_pattern_are_accepted(theme_id: str) -> None:
    assert theme_id in catalogue_from_config({"themes": [_theme(id=theme_id)]})


def test_error_paths_start_where_the_section_sits_in_a_larger_file() -> None:
    with pytest.raises(ThemeConfigError) as caught:
        catalogue_from_config({"themes": [_theme(id="Bad")]}, path="$.organisation")
    assert caught.value.path == "$.organisation.themes[0].id"


def test_config_errors_belong_to_the_assessments_family_for_the_app_to_map() -> None:
    assert issubclass(ThemeConfigError, AssessmentsError)
