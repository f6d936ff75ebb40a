"""The recurring-theme engine: calendar-month windows and every default rule at its edges."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest

from assessments.recurring_theme_rules import RuleKind, default_rules, rules_from_config
from assessments.recurring_themes import (
    Prompt,
    ThemedEvent,
    add_months,
    find_prompts,
    prompt_key,
    within_months,
)
from assessments.themes import catalogue_from_config, default_catalogue

DA, MH, SU = "domestic_abuse", "parental_mental_health", "parental_substance_use"
HOME, SCHOOL = "home_conditions", "school_attendance"


def ev(
    event_id: str,
    day: str,
    source: str = "Health visiting",
    themes: tuple[str, ...] = (HOME,),
    child: str | None = None,
) -> ThemedEvent:
    return ThemedEvent(
        event_id, date.fromisoformat(day), child, source, frozenset(themes), "chronology"
    )


def cited(prompts: tuple[Prompt, ...], rule_id: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(themes, cited ids) of each prompt a rule raised, in output order."""
    return [(p.themes, p.event_ids) for p in prompts if p.rule_id == rule_id]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2023-12-15", 1, "2024-01-15"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2020-02-29", 48, "2024-02-29"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2019-03-14", 60, "2024-03-14"),
    ],
)
def test_add_months_keeps_the_day_or_falls_back_to_the_months_last(
    start: str, months: int, expected: str
) -> None:
    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("earlier", "later", "inside"),
    [
        ("2023-05-10", "2024-05-10", True),  # exactly 12 months apart: inside (inclusive)
        ("2023-05-10", "2024-05-11", False),  # 12 months and a day: outside
        ("2023-03-01", "2024-03-01", True),  # 366 days, but 12 calendar months
        ("2024-02-29", "2025-02-28", True),
        ("2024-02-29", "2025-03-01", False),
        ("2023-02-28", "2024-02-28", True),
        ("2023-02-28", "2024-02-29", False),
        ("2024-05-10", "2023-05-10", False),  # windows run forwards
    ],
)
def test_twelve_month_window_edges(earlier: str, later: str, inside: bool) -> None:
    assert within_months(date.fromisoformat(earlier), date.fromisoformat(later), 12) is inside


SOURCES_RULE = "same_theme_multiple_sources"


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param([ev("a", "2024-01-05"), ev("b", "2024-02-05")], [], id="one source twice"),
        pytest.param(
            [ev("a", "2024-01-05"), ev("b", "2024-01-05", "Police")],
            [((HOME,), ("a", "b"))],
            id="two sources same day",
        ),
        pytest.param(
            [ev("a", "2023-05-10"), ev("b", "2024-05-10", "Police")],
            [((HOME,), ("a", "b"))],
            id="exactly 12 months apart: in",
        ),
        pytest.param(
            [ev("a", "2023-05-10"), ev("b", "2024-05-11", "Police")],
            [],
            id="12 months and a day: out",
        ),
        pytest.param(
            [ev("a", "2024-02-29"), ev("b", "2025-02-28", "Police")],
            [((HOME,), ("a", "b"))],
            id="from a leap day to 28 February: in",
        ),
        pytest.param(
            [ev("a", "2024-02-29"), ev("b", "2025-03-01", "Police")], [], id="leap day + 1: out"
        ),
        pytest.param(
            [ev("a", "2023-02-28"), ev("b", "2024-02-29", "Police")],
            [],
            id="28 February to the next leap day: out",
        ),
        pytest.param(
            [ev("a", "2024-01-05", "Police"), ev("b", "2024-03-05", " police "),
             ev("c", "2024-04-05", "POLICE")],
            [],
            id="one agency spelt three ways is one source",
        ),
        pytest.param(
            [ev("a", "2024-01-05"), ev("b", "2024-01-05"), ev("c", "2024-01-05")],
            [],
            id="duplicates from one source count once",
        ),
        pytest.param(
            [ev("a", "2024-01-05"), ev("b", "2024-01-05"), ev("c", "2024-06-01", "Police")],
            [((HOME,), ("a", "b", "c"))],
            id="duplicates count once but are all cited",
        ),
        pytest.param(
            [ev("a", "2024-01-05", themes=(HOME,)), ev("b", "2024-02-05", "Police", (DA,))],
            [],
            id="two sources but different themes",
        ),
        pytest.param(
            [ev("a", "2024-01-05", themes=(HOME, DA)), ev("b", "2024-02-05", "Police", (DA,))],
            [((DA,), ("a", "b"))],
            id="only the shared theme prompts",
        ),
        pytest.param(
            [ev("a", "2020-01-05"), ev("b", "2020-03-05", "Police"),
             ev("c", "2023-01-05"), ev("d", "2023-02-05", "School")],
            [((HOME,), ("a", "b")), ((HOME,), ("c", "d"))],
            id="separate episodes give separate prompts",
        ),
    ],
)
def test_same_theme_multiple_sources(
    events: list[ThemedEvent], expected: list[tuple[tuple[str, ...], tuple[str, ...]]]
) -> None:
    assert cited(find_prompts(events), SOURCES_RULE) == expected


FREQUENCY_RULE = "theme_frequency"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(["2024-01-15", "2024-03-01"], [], id="2 events: no"),
        pytest.param(["2024-01-15", "2024-03-01", "2024-05-01"], [("e0", "e1", "e2")], id="3: yes"),
        pytest.param(
            ["2024-01-15", "2024-03-01", "2024-07-15"], [("e0", "e1", "e2")], id="exactly 6 months"
        ),
        pytest.param(["2024-01-15", "2024-03-01", "2024-07-16"], [], id="6 months and a day"),
        pytest.param(
            ["2023-08-31", "2023-12-01", "2024-02-29"], [("e0", "e1", "e2")], id="to a leap day"
        ),
        pytest.param(["2023-08-31", "2023-12-01", "2024-03-01"], [], id="leap day + 1"),
        pytest.param(
            ["2024-01-01", "2024-01-01", "2024-01-01"], [("e0", "e1", "e2")], id="same day"
        ),
        pytest.param(
            [f"2022-{m:02d}-10" for m in range(1, 13)],
            [tuple(f"e{i}" for i in range(12))],
            id="a year of monthly events is one episode",
        ),
        pytest.param(
            ["2022-01-10", "2022-02-10", "2022-03-10", "2024-01-10", "2024-02-10", "2024-03-10"],
            [("e0", "e1", "e2"), ("e3", "e4", "e5")],
            id="two clusters: two prompts",
        ),
        pytest.param(
            ["2019-03-14", "2021-06-02", "2024-02-06"], [], id="years apart: no (6-month window)"
        ),
    ],
)
def test_theme_frequency(days: list[str], expected: list[tuple[str, ...]]) -> None:
    # All from one source: frequency counts events, whoever recorded them.
    events = [ev(f"e{i}", day) for i, day in enumerate(days)]
    prompts = find_prompts(events)
    assert cited(prompts, FREQUENCY_RULE) == [((HOME,), ids) for ids in expected]
    assert all(
        p.suggestion == "Consider a GCP2 re-grade or escalation"
        for p in prompts
        if p.rule_id == FREQUENCY_RULE
    )


LONG_RULE = "long_running_theme"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(["2019-03-14", "2024-03-14"], [], id="2 events 5 years apart: no"),
        pytest.param(
            ["2019-03-14", "2021-06-02", "2024-02-06"], [("e0", "e1", "e2")],
            id="the review's 2019, 2021, 2024",
        ),
        pytest.param(
            ["2019-03-14", "2021-06-02", "2024-03-14"], [("e0", "e1", "e2")],
            id="exactly 60 months: in",
        ),
        pytest.param(["2019-03-14", "2021-06-02", "2024-03-15"], [], id="60 months and a day"),
        pytest.param(
            ["2020-02-29", "2022-01-01", "2025-02-28"], [("e0", "e1", "e2")],
            id="from a leap day to 28 February",
        ),
        pytest.param(["2020-02-29", "2022-01-01", "2025-03-01"], [], id="leap day + 1"),
        pytest.param(
            ["2024-01-15", "2024-03-01", "2024-05-01"], [("e0", "e1", "e2")],
            id="a burst is also a long-running pattern",
        ),
        pytest.param(
            [f"{y}-01-01" for y in range(2014, 2025, 2)],
            [tuple(f"e{i}" for i in range(6))],
            id="every two years for ten years: one episode",
        ),
        pytest.param(
            ["2010-01-10", "2010-02-10", "2010-03-10", "2016-01-10", "2017-02-10", "2018-03-10"],
            [("e0", "e1", "e2"), ("e3", "e4", "e5")],
            id="two runs more than 5 years apart: two prompts",
        ),
    ],
)
def test_long_running_theme(days: list[str], expected: list[tuple[str, ...]]) -> None:
    events = [ev(f"e{i}", day) for i, day in enumerate(days)]
    prompts = [p for p in find_prompts(events) if p.rule_id == LONG_RULE]
    assert [(p.themes, p.event_ids) for p in prompts] == [((HOME,), ids) for ids in expected]
    assert all(
        (p.suggestion, p.at_least, p.window_months) == ("Consider a strategy meeting", 3, 60)
        for p in prompts
    )


def test_three_events_of_different_themes_are_not_a_frequency() -> None:
    events = [ev("a", "2024-01-01", themes=(HOME,)), ev("b", "2024-01-02", themes=(SCHOOL,)),
              ev("c", "2024-01-03", themes=("missed_health_appointments",))]
    prompts = find_prompts(events)
    assert cited(prompts, FREQUENCY_RULE) == cited(prompts, LONG_RULE) == []


HARM_RULE = "cumulative_harm_factors"


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            [ev(f"e{i}", f"2024-0{i + 1}-01", "Police", (DA,)) for i in range(3)],
            [],
            id="one factor repeated",
        ),
        pytest.param(
            [ev("a", "2023-05-10", "Police", (DA,)), ev("b", "2024-05-10", "GP", (MH,))],
            [((DA, MH), ("a", "b"))],
            id="two factors exactly 12 months apart",
        ),
        pytest.param(
            [ev("a", "2023-05-10", "Police", (DA,)), ev("b", "2024-05-11", "GP", (MH,))],
            [],
            id="12 months and a day",
        ),
        pytest.param(
            [ev("a", "2024-05-10", "Police", (DA, SU))],
            [((DA, SU), ("a",))],
            id="one record naming two factors",
        ),
        pytest.param(
            [ev("a", "2024-05-10", "Police", (DA,)), ev("b", "2024-05-11", "Police", (SU,))],
            [((DA, SU), ("a", "b"))],
            id="one source is enough",
        ),
        pytest.param(
            [ev("a", "2024-01-10", themes=(HOME,)), ev("b", "2024-01-11", themes=(SCHOOL,))],
            [],
            id="other themes are not factors",
        ),
        pytest.param(
            [ev("a", "2024-01-10", themes=(HOME, DA)), ev("b", "2024-01-11", themes=(SCHOOL,))],
            [],
            id="one factor among other themes",
        ),
    ],
)
def test_cumulative_harm_factors(
    events: list[ThemedEvent], expected: list[tuple[tuple[str, ...], tuple[str, ...]]]
) -> None:
    assert cited(find_prompts(events), HARM_RULE) == expected


def test_an_organisation_theme_flagged_as_a_factor_counts() -> None:
    catalogue = catalogue_from_config(
        {"themes": [{"id": "parental_learning_disability", "name": "Parental learning disability",
                     "cumulative_harm_factor": True}]}
    )
    events = [ev("a", "2024-01-10", "Police", (DA,)),
              ev("b", "2024-03-10", "GP", ("parental_learning_disability",))]
    assert cited(find_prompts(events), HARM_RULE) == []
    prompts = find_prompts(events, default_rules(catalogue))
    assert cited(prompts, HARM_RULE) == [((DA, "parental_learning_disability"), ("a", "b"))]


def test_a_stricter_configured_rule_needs_three_sources() -> None:
    rules = rules_from_config(
        {"rules": [{"id": SOURCES_RULE, "min_sources": 3}]}, default_catalogue()
    )
    two = [ev("a", "2024-01-05"), ev("b", "2024-02-05", "Police")]
    assert cited(find_prompts(two, rules), SOURCES_RULE) == []
    three = two + [ev("c", "2024-03-05", "School")]
    assert cited(find_prompts(three, rules), SOURCES_RULE) == [((HOME,), ("a", "b", "c"))]


def test_a_prompt_carries_its_dates_sources_and_rule_settings() -> None:
    events = [ev("b", "2024-05-10", "GP", (MH,)), ev("a", "2023-05-10", " West  Mercia Police", (DA,))]
    (prompt,) = find_prompts(events)
    assert prompt.kind is RuleKind.CUMULATIVE_HARM_FACTORS
    assert prompt.suggestion == "Consider a strategy meeting"
    assert (prompt.first_on, prompt.last_on) == (date(2023, 5, 10), date(2024, 5, 10))
    assert prompt.sources == ("West  Mercia Police", "GP")
    assert (prompt.at_least, prompt.window_months, prompt.child_id) == (2, 12, None)
    assert prompt.key == prompt_key(HARM_RULE, (DA, MH), ("a", "b"))


def test_family_level_events_count_for_every_child() -> None:
    events = [
        ev("k1", "2024-01-10", "Police", (DA,), child="K1"),
        ev("fam", "2024-02-10", "School", (DA,), child=None),
        ev("k2", "2024-03-10", "GP", (DA,), child="K2"),
    ]
    for child, ids in [("K1", ("k1", "fam")), ("K2", ("fam", "k2")), (None, ("k1", "fam", "k2"))]:
        prompts = find_prompts(events, child_id=child)
        assert cited(prompts, SOURCES_RULE) == [((DA,), ids)]
        assert {p.child_id for p in prompts} == {child}
    assert find_prompts(events, child_id="K3") == ()  # a child with only family events: one source


def test_the_key_depends_on_the_evidence_not_the_view() -> None:
    events = [ev("k1", "2024-01-10", "Police", (DA,), "K1"), ev("f", "2024-02-10", "GP", (DA, MH))]
    family = find_prompts(events)
    child = find_prompts(events, child_id="K1")
    assert [p.key for p in family] == [p.key for p in child]
    assert len({p.key for p in family}) == len(family) == 2  # sources rule and harm rule differ
    grown = find_prompts(events + [ev("x", "2024-03-10", "School", (DA,))])
    assert not {p.key for p in grown} & {p.key for p in family}  # new evidence: ask again


@pytest.mark.parametrize(
    ("rule_id", "themes", "ids"),
    [
        ("other_rule", (DA,), ("a", "b")),
        (SOURCES_RULE, (MH,), ("a", "b")),
        (SOURCES_RULE, (DA,), ("a", "c")),
        (SOURCES_RULE, (DA,), ("b", "a")),
    ],
)
def test_the_key_changes_with_rule_theme_or_cited_events(
    rule_id: str, themes: tuple[str, ...], ids: tuple[str, ...]
) -> None:
    base = prompt_key(SOURCES_RULE, (DA,), ("a", "b"))
    assert len(base) == 32 and int(base, 16) >= 0
    assert prompt_key(rule_id, themes, ids) != base


def test_output_does_not_depend_on_input_order() -> None:
    events = [
        ev("a", "2022-09-20", "Police", (DA,)),
        ev("b", "2023-07-11", "GP", (MH, HOME)),
        ev("c", "2023-07-11", "School", (HOME, SCHOOL)),
        ev("d", "2023-08-01", "Police", (HOME, SU)),
        ev("e", "2023-09-01", "Health visiting", (HOME,)),
    ]
    expected = find_prompts(events)
    assert expected  # the case is not empty
    shuffled = list(events)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert find_prompts(shuffled) == expected
    assert [p.rule_id for p in expected] == sorted(
        (p.rule_id for p in expected),
        key=[r.id for r in default_rules()].index,
    )


def test_dates_and_times_mix_and_order_by_the_recorded_time() -> None:
    utc = timezone.utc
    events = [
        ThemedEvent("late", datetime(2024, 1, 10, 18, 0, tzinfo=utc), None, "Police",
                    frozenset({DA}), "chronology"),
        ThemedEvent("early", datetime(2024, 1, 10, 9, 0, tzinfo=utc), None, "GP",
                    frozenset({DA}), "visit"),
        ThemedEvent("dated", date(2024, 1, 10), None, "School", frozenset({DA}), "chronology"),
        ThemedEvent("naive", datetime(2025, 1, 10, 23, 59), None, "School", frozenset({DA}),
                    "lived_experience"),
    ]
    (sources,) = find_prompts(events, default_rules()[:1])
    assert sources.event_ids == ("dated", "early", "late", "naive")
    assert sources.last_on == date(2025, 1, 10)  # exactly 12 months after: still inside


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([ev("a", "2024-01-01"), ev("a", "2024-02-01")], "given twice"),
        ([ev("a", "2024-01-01", source="  ")], "has no source"),
    ],
)
def test_events_that_would_count_twice_are_refused(
    events: list[ThemedEvent], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        find_prompts(events)


def test_no_events_no_prompts_and_no_rules_no_prompts() -> None:
    assert find_prompts([]) == ()
    many = [ev(f"e{i}", (date(2024, 1, 1) + timedelta(days=i)).isoformat(), f"S{i}",
               (DA, MH, SU, HOME)) for i in range(5)]
    assert find_prompts(many, rules=()) == ()
    # 4 themes × 3 per-theme rules (sources, frequency, long-running) + 1 harm prompt.
    assert len(find_prompts(many)) == 4 * 3 + 1
