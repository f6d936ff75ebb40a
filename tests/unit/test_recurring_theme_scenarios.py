"""The recurring-theme prompts in SCENARIOS.md 2 (a new-birth visit) and 7 (the review's case)."""

from __future__ import annotations

from datetime import date

import pytest

from assessments.recurring_theme_rules import rules_from_config
from assessments.recurring_themes import ThemedEvent, find_prompts
from assessments.themes import default_catalogue

DA, MH, SU = "domestic_abuse", "parental_mental_health", "parental_substance_use"
HOME, SCHOOL = "home_conditions", "school_attendance"


def event(
    event_id: str, day: str, source: str, themes: set[str], kind: str, child: str | None = None
) -> ThemedEvent:
    return ThemedEvent(event_id, date.fromisoformat(day), child, source, frozenset(themes), kind)


# Scenario 7: a family known to services for years. Two children: Ava at primary school (the
# school's report is about her) and her younger brother Leo. Everything else is about the
# household. Each agency recorded one thing; none acted jointly.
REVIEW_CASE = [
    event("hv-2019", "2019-03-14", "Health visiting", {HOME}, "visit"),
    event("hv-2021", "2021-06-02", "Health visiting", {HOME}, "visit"),
    event("police-2022", "2022-09-20", "West Mercia Police", {DA}, "chronology"),
    event("gp-2023", "2023-07-11", "GP surgery", {MH}, "chronology"),
    event("hv-2024", "2024-02-06", "Health visiting", {HOME}, "visit"),
    event("school-2024", "2024-05-15", "Primary school", {SU, SCHOOL}, "chronology", "AVA"),
]


HARM_PROMPT = ("cumulative_harm_factors", (DA, MH, SU), ("police-2022", "gp-2023", "school-2024"))
HOME_PROMPT = ("long_running_theme", (HOME,), ("hv-2019", "hv-2021", "hv-2024"))


def test_review_case_raises_cumulative_harm_and_long_running_home_conditions_prompts() -> None:
    prompts = find_prompts(REVIEW_CASE)
    assert [(p.rule_id, p.themes, p.event_ids) for p in prompts] == [HARM_PROMPT, HOME_PROMPT]
    harm, home = prompts
    # Police 2022 and GP 2023 are within 12 months; GP 2023 and school 2024 are too: one
    # episode of cumulative harm factors across three agencies.
    assert harm.suggestion == "Consider a strategy meeting"
    assert (harm.first_on, harm.last_on) == (date(2022, 9, 20), date(2024, 5, 15))
    assert harm.sources == ("West Mercia Police", "GP surgery", "Primary school")
    # The pattern the review found nobody had put together: one agency, three visits, five
    # years (14 March 2019 + 60 months = 14 March 2024, so 6 February 2024 is inside).
    assert home.suggestion == "Consider a strategy meeting"
    assert (home.first_on, home.last_on) == (date(2019, 3, 14), date(2024, 2, 6))
    assert home.sources == ("Health visiting",)
    assert (home.at_least, home.window_months) == (3, 60)


def test_review_case_default_rules_that_stay_silent_and_why() -> None:
    fired = {p.rule_id for p in find_prompts(REVIEW_CASE)}
    # Each theme came from one agency only, so "2 or more sources" never fires; home conditions
    # recurred three times, but over five years, never 3 within 6 months. Only the five-year
    # rule sees it.
    assert "same_theme_multiple_sources" not in fired
    assert "theme_frequency" not in fired


def test_review_case_per_child() -> None:
    ava = find_prompts(REVIEW_CASE, child_id="AVA")
    leo = find_prompts(REVIEW_CASE, child_id="LEO")
    assert [(p.rule_id, p.themes, p.event_ids, p.child_id) for p in ava] == [
        (*HARM_PROMPT, "AVA"), (*HOME_PROMPT, "AVA"),
    ]
    # Leo's view has the household's records (home conditions among them) but not the
    # school's report about Ava.
    assert [(p.rule_id, p.themes, p.event_ids, p.child_id) for p in leo] == [
        ("cumulative_harm_factors", (DA, MH), ("police-2022", "gp-2023"), "LEO"),
        (*HOME_PROMPT, "LEO"),
    ]


@pytest.mark.parametrize(
    ("setting", "home_prompt"),
    [
        pytest.param({"enabled": False}, None, id="switched off"),
        pytest.param({"min_events": 4}, None, id="needs four records"),
        # 48 months from March 2019 hold the 2019 and 2021 visits; from June 2021, 2021 and 2024.
        pytest.param({"window_months": 48}, None, id="four-year window"),
        pytest.param({"themes": [DA, MH]}, None, id="limited to other themes"),
        pytest.param(
            {"suggestion": "Consider the history: a GCP2 re-grade"},
            ("Consider the history: a GCP2 re-grade", ("hv-2019", "hv-2021", "hv-2024")),
            id="own wording",
        ),
    ],
)
def test_review_case_an_organisation_can_tune_or_switch_off_the_long_running_rule(
    setting: dict[str, object], home_prompt: tuple[str, tuple[str, ...]] | None
) -> None:
    rules = rules_from_config(
        {"rules": [{"id": "long_running_theme", **setting}]}, default_catalogue()
    )
    prompts = find_prompts(REVIEW_CASE, rules)
    assert [(p.rule_id, p.themes, p.event_ids) for p in prompts][:1] == [HARM_PROMPT]
    assert [(p.suggestion, p.event_ids) for p in prompts[1:]] == (
        [home_prompt] if home_prompt else []
    )


# Scenario 2: Kerry and Dean, Jayden (3) and Mia (born 8 November 2026). Two police
# notifications of domestic incidents this year, then at the new-birth visit on 20 November
# Priya quick-captures Jayden hiding behind the sofa when Dean came in, drinking.
JAYDEN, MIA = "JAYDEN", "MIA"
EARLIER = [
    event("police-mar", "2026-03-24", "West Mercia Police", {DA}, "chronology"),
    event("police-jul", "2026-07-02", "West Mercia Police", {DA}, "chronology"),
]
SOFA = event("le-sofa", "2026-11-20", "observed", {DA, SU}, "lived_experience", JAYDEN)


def test_before_the_visit_one_agency_alone_raises_nothing() -> None:
    assert find_prompts(EARLIER) == ()
    assert find_prompts(EARLIER, child_id=JAYDEN) == ()


def test_the_third_entry_from_a_second_source_suggests_a_strategy_discussion() -> None:
    for scope in (JAYDEN, None):
        prompts = find_prompts(EARLIER + [SOFA], child_id=scope)
        assert [(p.rule_id, p.themes, p.event_ids) for p in prompts] == [
            ("same_theme_multiple_sources", (DA,), ("police-mar", "police-jul", "le-sofa")),
            ("cumulative_harm_factors", (DA, SU), ("police-mar", "police-jul", "le-sofa")),
            # Three domestic-abuse records are also 3 within five years.
            ("long_running_theme", (DA,), ("police-mar", "police-jul", "le-sofa")),
        ]
        assert all("strategy meeting" in p.suggestion for p in prompts)
        sources = prompts[0]
        assert sources.sources == ("West Mercia Police", "observed")
        # Three entries in eight months: inside 12, but not 3 within 6 (no re-grade prompt).
        assert (sources.first_on, sources.last_on) == (date(2026, 3, 24), date(2026, 11, 20))


def test_the_babys_own_view_does_not_see_her_brothers_entry() -> None:
    # Per-child evaluation counts only the child's own and family-level records; the family
    # view (above, scope None) is the one that brings siblings' records together.
    assert find_prompts(EARLIER + [SOFA], child_id=MIA) == ()
