"""Recurring-theme rules as configuration: defaults, tuning, switching off, adding, refusing."""

from __future__ import annotations

import pytest

from assessments.recurring_theme_rules import (
    Rule,
    RuleKind,
    default_rules,
    rules_from_config,
    themes_and_rules_from_config,
)
from assessments.themes import ThemeConfigError, default_catalogue

FACTORS = frozenset({"domestic_abuse", "parental_mental_health", "parental_substance_use"})


def test_the_defaults() -> None:
    assert default_rules() == (
        Rule("same_theme_multiple_sources", RuleKind.SAME_THEME_MULTIPLE_SOURCES, 2, 12,
             "Consider a strategy meeting"),
        Rule("theme_frequency", RuleKind.THEME_FREQUENCY, 3, 6,
             "Consider a GCP2 re-grade or escalation"),
        Rule("cumulative_harm_factors", RuleKind.CUMULATIVE_HARM_FACTORS, 2, 12,
             "Consider a strategy meeting", FACTORS),
        # The review's lesson: a theme recurring over years, not months (2019, 2021, 2024).
        Rule("long_running_theme", RuleKind.THEME_FREQUENCY, 3, 60,
             "Consider a strategy meeting"),
    )


@pytest.mark.parametrize("config", [{}, {"rules": []}])
def test_no_rules_configured_gives_the_defaults(config: dict[str, object]) -> None:
    assert rules_from_config(config, default_catalogue()) == default_rules()


def test_a_default_is_tuned_by_its_id_and_keeps_its_place() -> None:
    rules = rules_from_config(
        {"rules": [{"id": "theme_frequency", "kind": "theme_frequency", "min_events": 4,
                    "window_months": 3, "suggestion": "Talk to your safeguarding lead",
                    "themes": ["home_conditions"]}]},
        default_catalogue(),
    )
    assert [r.id for r in rules] == [r.id for r in default_rules()]
    assert rules[1] == Rule("theme_frequency", RuleKind.THEME_FREQUENCY, 4, 3,
                            "Talk to your safeguarding lead", frozenset({"home_conditions"}))
    untouched = [r for r in default_rules() if r.id != "theme_frequency"]
    assert [r for r in rules if r.id != "theme_frequency"] == untouched


def test_the_long_running_default_is_tuned_without_restating_its_kind() -> None:
    rules = rules_from_config(
        {"rules": [{"id": "long_running_theme", "min_events": 4, "window_months": 36}]},
        default_catalogue(),
    )
    assert rules[3] == Rule("long_running_theme", RuleKind.THEME_FREQUENCY, 4, 36,
                            "Consider a strategy meeting")
    assert rules[:3] == default_rules()[:3]


DEFAULT_IDS = [r.id for r in default_rules()]


@pytest.mark.parametrize("rule_id", DEFAULT_IDS)
def test_a_default_is_switched_off_only_explicitly(rule_id: str) -> None:
    rules = rules_from_config(
        {"rules": [{"id": rule_id, "enabled": False}]}, default_catalogue()
    )
    assert [r.id for r in rules] == [i for i in DEFAULT_IDS if i != rule_id]


def test_new_rules_follow_the_defaults_with_the_kinds_default_settings() -> None:
    rules = rules_from_config(
        {"rules": [
            {"id": "frequent_in_a_year", "kind": "theme_frequency", "window_months": 12},
            {"id": "harm_in_a_quarter", "kind": "cumulative_harm_factors", "min_factors": 3,
             "window_months": 3},
        ]},
        default_catalogue(),
    )
    assert [r.id for r in rules] == DEFAULT_IDS + ["frequent_in_a_year", "harm_in_a_quarter"]
    # Two defaults are of kind theme_frequency; a new one starts from the first of them.
    assert rules[4] == Rule("frequent_in_a_year", RuleKind.THEME_FREQUENCY, 3, 12,
                            "Consider a GCP2 re-grade or escalation")
    assert rules[5].themes == FACTORS and rules[5].at_least == 3


def test_themes_and_rules_together_let_a_rule_name_a_new_theme() -> None:
    settings = themes_and_rules_from_config({
        "themes": [
            {"id": "housing_insecurity", "name": "Housing insecurity"},
            {"id": "parental_learning_disability", "name": "Parental learning disability",
             "cumulative_harm_factor": True},
        ],
        "rules": [{"id": "housing", "kind": "same_theme_multiple_sources",
                   "themes": ["housing_insecurity"]}],
    })
    assert "housing_insecurity" in settings.catalogue
    by_id = {r.id: r for r in settings.rules}
    assert by_id["housing"].themes == {"housing_insecurity"}
    assert by_id["cumulative_harm_factors"].themes == FACTORS | {"parental_learning_disability"}


def _rule(**fields: object) -> dict[str, object]:
    return {"rules": [fields]}


@pytest.mark.parametrize(
    ("config", "path", "reason"),
    [
        ("rules", "$", "must be an object"),
        ({"rulez": []}, "$.rulez", "is not a known setting"),
        ({"rules": {"id": "x"}}, "$.rules", "must be a list"),
        ({"rules": ["theme_frequency"]}, "$.rules[0]", "must be an object"),
        (_rule(kind="theme_frequency"), "$.rules[0].id", "is required"),
        (_rule(id="Frequency"), "$.rules[0].id", "lower-case"),
        (_rule(id="my_rule"), "$.rules[0].kind", "is required for a rule that is not a default"),
        (_rule(id="my_rule", kind="weekly"), "$.rules[0].kind", "must be one of"),
        (_rule(id="my_rule", kind=3), "$.rules[0].kind", "must be one of"),
        (_rule(id="theme_frequency", kind="cumulative_harm_factors"), "$.rules[0].kind",
         "is of kind 'theme_frequency'"),
        (_rule(id="long_running_theme", kind="same_theme_multiple_sources"), "$.rules[0].kind",
         "is of kind 'theme_frequency'"),
        (_rule(id="theme_frequency", min_sources=2), "$.rules[0].min_sources",
         "is not a known setting"),
        (_rule(id="theme_frequency", window=6), "$.rules[0].window", "is not a known setting"),
        (_rule(id="theme_frequency", min_events=1), "$.rules[0].min_events", "from 2 to 50"),
        (_rule(id="theme_frequency", min_events=51), "$.rules[0].min_events", "from 2 to 50"),
        (_rule(id="theme_frequency", min_events=True), "$.rules[0].min_events", "whole number"),
        (_rule(id="theme_frequency", min_events="3"), "$.rules[0].min_events", "whole number"),
        (_rule(id="theme_frequency", min_events=3.0), "$.rules[0].min_events", "whole number"),
        (_rule(id="same_theme_multiple_sources", window_months=0),
         "$.rules[0].window_months", "from 1 to 120"),
        (_rule(id="same_theme_multiple_sources", window_months=121),
         "$.rules[0].window_months", "from 1 to 120"),
        (_rule(id="theme_frequency", suggestion=""), "$.rules[0].suggestion", "non-empty"),
        (_rule(id="theme_frequency", suggestion="  "), "$.rules[0].suggestion", "non-empty"),
        (_rule(id="theme_frequency", suggestion=["x"]), "$.rules[0].suggestion", "must be a text"),
        (_rule(id="theme_frequency", suggestion="x" * 201), "$.rules[0].suggestion", "at most 200"),
        (_rule(id="cumulative_harm_factors", themes=["domestic_abuse"]),
         "$.rules[0].themes", "is not a known setting"),
        (_rule(id="theme_frequency", themes="home_conditions"), "$.rules[0].themes",
         "must be a list"),
        (_rule(id="theme_frequency", themes=[]), "$.rules[0].themes", "at least one theme"),
        (_rule(id="theme_frequency", themes=["home_conditions", "gambling"]),
         "$.rules[0].themes[1]", "is not a theme in the catalogue"),
        (_rule(id="theme_frequency", enabled="no"), "$.rules[0].enabled", "true or false"),
        ({"rules": [{"id": "theme_frequency"}, {"id": "theme_frequency"}]}, "$.rules[1].id",
         "configured twice"),
    ],
)
def test_rule_configuration_errors_name_the_path(config: object, path: str, reason: str) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        rules_from_config(config, default_catalogue())
    assert caught.value.path == path
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("config", "path"),
    [
        ({"themes": [{"id": "x", "name": "X"}]}, "$.recurring.themes[0].id"),
        ({"rules": [{"id": "theme_frequency", "min_events": 0}]},
         "$.recurring.rules[0].min_events"),
        ({"rules": [{"id": "r1", "kind": "theme_frequency", "themes": ["housing"]}]},
         "$.recurring.rules[0].themes[0]"),
        ({"levels": []}, "$.recurring.levels"),
    ],
)
def test_combined_configuration_errors_point_into_the_larger_file(
    config: dict[str, object], path: str
) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        themes_and_rules_from_config(config, path="$.recurring")
    assert caught.value.path == path
