"""Lived-experience pieces without a window: the prompt and cited-record models, the words
shown for contract values, the day-in-the-life hints, and the quick-capture draft."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.chronology_views import ChronologyRow, PromptView
from assessments.day_in_the_life import AgeBand
from assessments.themes import default_catalogue
from ui.lived_wording import (
    band_for,
    day_prompts_html,
    part_of_day_for,
    prompt_summary,
    row_source,
    source_name,
    theme_name,
)
from ui.prompt_models import KEY_ROLE, CitedModel, PromptsModel
from ui.quick_capture_draft import CaptureForm, capture_draft_key, family_of_capture_key

UTC = timezone.utc


def cited(record_id: str, day: str, source: str, themes: tuple[str, ...]) -> ChronologyRow:
    moment = datetime.fromisoformat(day).replace(tzinfo=UTC)
    kind = "lived_experience" if source in ("observed", "carer") else "chronology_entry"
    return ChronologyRow(kind, record_id, moment, None, "", f"Event {record_id}", source, "",
                         "", themes)  # fmt: skip


PROMPT = PromptView(
    key="k-1",
    rule_id="same_theme_multiple_sources",
    suggestion="Consider a strategy meeting",
    themes=("domestic_abuse",),
    first_on=date(2026, 3, 2),
    last_on=date(2026, 11, 20),
    sources=("observed", "West Mercia Police"),
    child_id=None,
    cited=(
        cited("L-1", "2026-03-02", "observed", ("domestic_abuse",)),
        cited(
            "H-1", "2026-11-20", "West Mercia Police", ("domestic_abuse", "parental_substance_use")
        ),
    ),
)
FACTORS = PromptView(
    "k-2", "cumulative_harm_factors", "Consider a strategy meeting",
    ("domestic_abuse", "parental_mental_health"), date(2022, 9, 20), date(2023, 7, 11),
    ("GP surgery", "Police"), None, (),
)  # fmt: skip


def test_prompts_model_one_line_each_with_its_key(qtbot: QtBot) -> None:
    model = PromptsModel()
    model.set_prompts([PROMPT, FACTORS], default_catalogue())
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == (
        "Consider a strategy meeting — Recorded by more than one source: Domestic abuse; "
        "2 records from 2 source(s), 2 Mar 2026 to 20 Nov 2026"
    )
    assert model.data(model.index(1, 0)).startswith(
        "Consider a strategy meeting — More than one cumulative harm factor: Domestic abuse, "
        "Parental mental health;"
    )
    assert model.data(model.index(1, 0), KEY_ROLE) == "k-2"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole) == model.data(
        model.index(0, 0)
    )
    assert model.row_of("k-2") == 1 and model.row_of("gone") == -1
    model.clear()
    assert model.rowCount() == 0


def test_cited_model_lists_the_evidence_in_date_order(qtbot: QtBot) -> None:
    model = CitedModel()
    model.set_prompt(PROMPT, default_catalogue())
    assert [model.data(model.index(n, 0)) for n in range(2)] == [
        "2 Mar 2026 · Day in the life: Seen by me · Event L-1 [Domestic abuse]",
        "20 Nov 2026 · West Mercia Police · Event H-1 [Domestic abuse, Parental substance use]",
    ]
    assert model.data(model.index(1, 0), KEY_ROLE) == "chronology_entry:H-1"
    model.set_prompt(None, default_catalogue())
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    ("hour", "part"),
    [(4, "night"), (5, "early_morning"), (7, "early_morning"), (8, "morning"),
     (11, "morning"), (12, "afternoon"), (16, "afternoon"), (17, "evening"),
     (21, "evening"), (22, "night"), (0, "night")],
)  # fmt: skip
def test_part_of_day_for_an_entry_made_now(hour: int, part: str) -> None:
    assert part_of_day_for(hour).value == part


@pytest.mark.parametrize(
    ("value", "shown"),
    [("observed", "Seen by me"), ("child", "Told by the child"), ("carer", "Told by a carer"),
     ("other_agency", "From another agency"), ("West Mercia Police", "West Mercia Police")],
)  # fmt: skip
def test_source_names(value: str, shown: str) -> None:
    assert source_name(value) == shown


def test_row_source_and_theme_names() -> None:
    lived = PROMPT.cited[0]
    assert row_source(lived) == "Seen by me"
    assert theme_name(default_catalogue(), "home_conditions") == "Home conditions"
    assert theme_name(default_catalogue(), "retired") == "retired"  # still shown, by its id


@pytest.mark.parametrize(
    ("born", "on", "disabilities", "band"),
    [
        (date(2026, 11, 17), date(2026, 11, 29), False, AgeBand.BABY),
        (date(2023, 5, 2), date(2026, 11, 29), False, AgeBand.PRE_SCHOOL),
        (date(2013, 5, 2), date(2026, 11, 29), False, AgeBand.ADOLESCENT),
        (date(2013, 5, 2), date(2026, 11, 29), True, AgeBand.CHILD_WITH_DISABILITIES),
        (date(2026, 12, 1), date(2026, 11, 29), False, None),  # not born yet on that day
        (date(2000, 1, 1), date(2026, 11, 29), False, None),
    ],
)
def test_band_for_the_hints(born: date, on: date, disabilities: bool, band: AgeBand | None) -> None:
    assert band_for(born, on, disabilities) == band


def test_hints_are_the_templates_questions_escaped_as_html() -> None:
    hints = day_prompts_html(AgeBand.BABY, "night")
    assert hints.startswith("<b>Baby (under 1 year) · Night</b>")
    assert hints.count("<p>") == 5  # sees and hears, feels, does, who is caring, impact
    assert "What the child sees and hears" in hints and "Impact on the child&#x27;s day" in hints
    assert day_prompts_html(AgeBand.BABY, "no_such_part").count("<p>") == 0


def test_capture_form_round_trips_through_its_draft_text() -> None:
    form = CaptureForm(
        child_id="C-1", visit_id="V-1", occurred_at="2026-11-29T09:40:00+00:00",
        part_of_day="morning", text="Hid behind the sofa", child_voice="He shouts “loud”",
        caring="Kerry (mother)", impact="Scared", source="child",
        themes=("domestic_abuse",), disabilities=True,
    )  # fmt: skip
    again = CaptureForm.from_json(form.to_json())
    assert again == form and not form.blank
    assert again is not None and again.occurred() == datetime(2026, 11, 29, 9, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not json", None),
        ("[1, 2]", None),
        ('{"text": "kept", "themes": ["domestic_abuse", 3], "visit_id": 5, "child_id": 7}',
         CaptureForm(text="kept", themes=("domestic_abuse",))),
        ("{}", CaptureForm()),
    ],
)  # fmt: skip
def test_a_damaged_or_older_draft_restores_what_it_can(
    text: str, expected: CaptureForm | None
) -> None:
    assert CaptureForm.from_json(text) == expected


def test_blank_form_and_draft_keys() -> None:
    assert CaptureForm(child_id="C-1", occurred_at="x").blank
    assert CaptureForm(occurred_at="2026-11-29T09:40:00").occurred() is None  # no offset
    assert not CaptureForm(themes=("home_conditions",)).blank
    key = capture_draft_key("F-1")
    assert key == "lived-capture:F-1" and family_of_capture_key(key) == "F-1"
    for other in ("new-visit:F-1:notes", "lived-capture:", "visit:F-1:V-1:notes"):
        assert family_of_capture_key(other) is None


def test_summary_of_an_organisations_own_rule_names_it_by_id() -> None:
    own = PromptView("k", "frequent_in_a_year", "Talk to your safeguarding lead", ("home_conditions",),
                     date(2026, 1, 1), date(2026, 2, 1), ("observed",), None, ())  # fmt: skip
    assert prompt_summary(own, default_catalogue()).startswith(
        "Talk to your safeguarding lead — frequent_in_a_year: Home conditions; 0 records"
    )


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({}, "Hid behind the sofa"),
        ({"caring": " Kerry (mother) "}, "Hid behind the sofa\nWho was caring: Kerry (mother)"),
        ({"child_id": ""}, None),  # an entry is about one child
        ({"text": "  \n "}, None),  # nothing about the child's day yet
        ({"occurred_at": "2026-11-29T09:40:00"}, None),  # a time without its offset
    ],
)
def test_the_entry_a_form_saves(changes: dict[str, str], text: str | None) -> None:
    form = CaptureForm(
        child_id="C-1", occurred_at="2026-11-29T09:40:00+00:00", part_of_day="morning",
        text=" Hid behind the sofa ", child_voice=" He shouts ", impact=" Scared ",
        themes=("domestic_abuse",),
    )  # fmt: skip
    entry = replace(form, **changes).entry("Who was caring: %1")
    if text is None:
        assert entry is None
        return
    assert entry is not None and entry.text == text
    assert (entry.child_voice, entry.impact, entry.source) == ("He shouts", "Scared", "observed")
    assert entry.themes == ("domestic_abuse",) and entry.occurred_at.tzinfo is not None
