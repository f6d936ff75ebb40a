"""The chronology table model and its filter (child, theme, source), without any window."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.chronology_views import ChronologyRow
from assessments.themes import default_catalogue
from ui.chronology_model import EVENT_ID_ROLE, RECORD_ID_ROLE, ChronologyFilter, ChronologyModel

BST = timezone(timedelta(hours=1))
DA, MH, SU, HOME = (
    "domestic_abuse",
    "parental_mental_health",
    "parental_substance_use",
    "home_conditions",
)


def row(
    kind: str,
    record_id: str,
    day: str,
    *,
    child_id: str | None = None,
    child: str = "",
    event: str = "",
    source: str = "Home visit",
    impact: str = "",
    outcome: str = "",
    themes: tuple[str, ...] = (),
) -> ChronologyRow:
    return ChronologyRow(
        kind, record_id, datetime.fromisoformat(day).replace(tzinfo=BST), child_id, child,
        event, source, impact, outcome, themes,
    )  # fmt: skip


ROWS = (
    row("visit", "V-1", "2024-01-10T09:40", event="Home visit (announced)"),
    row(
        "lived_experience", "L-1", "2024-02-03T08:00", child_id="K-1", child="Jayden",
        event='Hid behind the sofa (in the child\'s words: "Dad shouts")', source="child",
        impact="Frightened at bedtime", themes=(DA,),
    ),
    row(
        "chronology_entry", "H-1", "2024-03-01T00:00", event="Domestic incident",
        source="West Mercia Police", outcome="Referral to Family Connect", themes=(DA, SU),
    ),
    row(
        "chronology_entry", "H-2", "2024-04-01T00:00", child_id="K-2", child="Mia",
        event="Missed 6-8 week check", source="west mercia  POLICE", themes=(MH,),
    ),
    row("assessment_completed", "A-1", "2024-05-01T12:00", child_id="K-1", child="Jayden",
        event="GCP2 completed"),
)  # fmt: skip


@pytest.fixture
def model(qtbot: QtBot) -> ChronologyModel:
    made = ChronologyModel()
    made.set_chronology(ROWS, default_catalogue())
    return made


@pytest.mark.parametrize(
    ("n", "cells"),
    [
        (0, ["10 Jan 2024", "Whole family", "Home visit: Home visit (announced)", "Home visit",
             "", "", ""]),
        (1, ["3 Feb 2024", "Jayden",
             'Day in the life: Hid behind the sofa (in the child\'s words: "Dad shouts")',
             "Told by the child", "Frightened at bedtime", "", "Domestic abuse"]),
        (2, ["1 Mar 2024", "Whole family", "Other agency: Domestic incident", "West Mercia Police",
             "", "Referral to Family Connect", "Domestic abuse, Parental substance use"]),
        (4, ["1 May 2024", "Jayden", "GCP2: GCP2 completed", "Home visit", "", "", ""]),
    ],
)  # fmt: skip
def test_cells(model: ChronologyModel, n: int, cells: list[str]) -> None:
    assert model.columnCount() == 7 and model.rowCount() == len(ROWS)
    assert [model.data(model.index(n, c)) for c in range(7)] == cells
    assert model.data(model.index(n, 0), RECORD_ID_ROLE) == ROWS[n].record_id
    assert model.data(model.index(n, 0), EVENT_ID_ROLE) == ROWS[n].event_id
    for column in range(7):  # a screen reader hears what is shown
        index = model.index(n, column)
        assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == model.data(index)


def test_headers_and_long_text_in_one_line_with_the_whole_in_the_tooltip(
    qtbot: QtBot,
) -> None:
    model = ChronologyModel()
    long = "Line one.\nLine two. " + "word " * 100
    model.set_chronology([row("chronology_entry", "H-9", "2024-01-01T00:00", event=long)],
                         default_catalogue())  # fmt: skip
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Date", "Child", "Event", "Source", "Impact on the child",
                       "Action / outcome", "Themes"]  # fmt: skip
    shown = str(model.data(model.index(0, ChronologyModel.EVENT)))
    assert "\n" not in shown and len(shown) <= 200
    tip = str(model.data(model.index(0, ChronologyModel.EVENT), Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("Other agency: Line one.\nLine two.") and len(tip) > 400


def test_sources_are_listed_once_ignoring_case_and_spacing(model: ChronologyModel) -> None:
    assert model.sources() == ["Home visit", "Told by the child", "West Mercia Police"]


@pytest.mark.parametrize(
    ("child", "theme", "source", "expected"),
    [
        (None, None, None, ["V-1", "L-1", "H-1", "H-2", "A-1"]),
        ("K-1", None, None, ["V-1", "L-1", "H-1", "A-1"]),  # Jayden's and the family's own
        ("K-2", None, None, ["V-1", "H-1", "H-2"]),
        (None, DA, None, ["L-1", "H-1"]),
        (None, SU, None, ["H-1"]),
        (None, HOME, None, []),
        (None, None, "West Mercia Police", ["H-1", "H-2"]),  # "west mercia  POLICE" too
        (None, None, "Told by the child", ["L-1"]),
        ("K-2", DA, None, ["H-1"]),
        ("K-1", MH, "west mercia police", []),
    ],
)
def test_filters(
    model: ChronologyModel,
    child: str | None,
    theme: str | None,
    source: str | None,
    expected: list[str],
) -> None:
    proxy = ChronologyFilter()
    proxy.setSourceModel(model)
    proxy.set_child(child)
    proxy.set_theme(theme)
    proxy.set_source(source)
    shown = [proxy.data(proxy.index(n, 0), RECORD_ID_ROLE) for n in range(proxy.rowCount())]
    assert shown == expected
    assert [r.record_id for r in proxy.visible_rows()] == expected
    proxy.set_child(None)
    proxy.set_theme(None)
    proxy.set_source(None)
    assert proxy.rowCount() == len(ROWS)


def test_finding_rows_and_clearing(model: ChronologyModel) -> None:
    assert model.row_of("chronology_entry:H-2") == 3
    assert model.row_of_record("A-1") == 4
    assert model.row_of_record("nothing") == -1
    model.clear()
    assert model.rowCount() == 0 and model.sources() == []
