"""The timeline picture: lanes, marks and ticks laid out without a window, then the widget's
keyboard, tooltips, text alternative and greyscale-safe drawing."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from app.services.chronology_views import ChronologyRow
from assessments.themes import Theme, ThemeCatalogue, default_catalogue
from ui.timeline_layout import CIRCLE, DIAMOND, SQUARE, describe, layout_timeline
from ui.timeline_view import TimelineView

UTC = timezone.utc
DA, MH, SU = "domestic_abuse", "parental_mental_health", "parental_substance_use"
HOME, SCHOOL = "home_conditions", "school_attendance"


def agency(
    record_id: str, day: str, themes: tuple[str, ...], source: str = "Police"
) -> ChronologyRow:
    moment = datetime.fromisoformat(day).replace(tzinfo=UTC)
    return ChronologyRow("chronology_entry", record_id, moment, None, "", f"Event {record_id}",
                         source, "", "", themes)  # fmt: skip


# SCENARIOS.md 7: five agencies over five years.
REVIEW_CASE = (
    agency("hv-2019", "2019-03-14", (HOME,), "Health visiting"),
    agency("hv-2021", "2021-06-02", (HOME,), "Health visiting"),
    agency("police-2022", "2022-09-20", (DA,), "West Mercia Police"),
    agency("gp-2023", "2023-07-11", (MH,), "GP surgery"),
    agency("hv-2024", "2024-02-06", (HOME,), "Health visiting"),
    agency("school-2024", "2024-05-15", (SU, SCHOOL), "Primary school"),
)


def test_the_review_case_shows_the_themes_as_lanes_across_five_years() -> None:
    layout = layout_timeline(REVIEW_CASE, default_catalogue())
    # Cumulative harm factors first, then the other themes, in the catalogue's order.
    assert [lane.theme_id for lane in layout.lanes] == [DA, MH, SU, HOME, SCHOOL]
    assert [lane.cumulative_harm_factor for lane in layout.lanes] == [True] * 3 + [False] * 2
    home = [m.day.year for m in layout.marks if layout.lanes[m.lane].theme_id == HOME]
    assert home == [2019, 2021, 2024]
    assert len(layout.marks) == 7  # the school's report sits in two lanes
    assert layout.start == date(2019, 3, 1) and layout.end == date(2024, 6, 1)
    # Over three years: one tick a year, each on 1 January, labelled with the year.
    assert [t.day for t in layout.ticks] == [date(y, 1, 1) for y in range(2020, 2025)]
    assert all(t.major for t in layout.ticks)
    positions = [m.position for m in layout.marks]
    assert positions == sorted(positions) and 0 <= positions[0] < positions[-1] <= 1


def test_text_alternative_reads_lane_by_lane() -> None:
    text = describe(layout_timeline(REVIEW_CASE, default_catalogue()))
    assert text.splitlines() == [
        "Domestic abuse (a cumulative harm factor): 1 record(s), 20 Sep 2022 to 20 Sep 2022.",
        "Parental mental health (a cumulative harm factor): 1 record(s), 11 Jul 2023 to "
        "11 Jul 2023.",
        "Parental substance use (a cumulative harm factor): 1 record(s), 15 May 2024 to "
        "15 May 2024.",
        "Home conditions: 3 record(s), 14 Mar 2019 to 6 Feb 2024.",
        "School attendance: 1 record(s), 15 May 2024 to 15 May 2024.",
    ]


@pytest.mark.parametrize(
    ("days", "start", "end", "ticks"),
    [
        # One event still sits on a year; a short span has a tick every month.
        (["2024-05-15"], date(2024, 5, 1), date(2025, 5, 1), 13),
        (["2024-01-31", "2025-12-01"], date(2024, 1, 1), date(2026, 1, 1), 25),
        (["2024-01-31", "2027-01-01"], date(2024, 1, 1), date(2027, 2, 1), 4),  # yearly
    ],
)
def test_axis(days: list[str], start: date, end: date, ticks: int) -> None:
    rows = [agency(f"H-{n}", day, (DA,)) for n, day in enumerate(days)]
    layout = layout_timeline(rows, default_catalogue())
    assert (layout.start, layout.end, len(layout.ticks)) == (start, end, ticks)
    assert layout.ticks[0].position >= 0 and layout.ticks[-1].position <= 1


def test_shapes_say_the_kind_of_record_and_untagged_rows_are_left_out() -> None:
    moment = datetime(2024, 3, 1, tzinfo=UTC)
    rows = [
        ChronologyRow("lived_experience", "L-1", moment, "K-1", "Mia", "e", "child", "", "", (DA,)),
        ChronologyRow("chronology_entry", "H-1", moment, None, "", "e", "GP", "", "", (DA,)),
        ChronologyRow("plan", "P-1", moment, None, "", "e", "Home visit", "", "", (DA,)),
        ChronologyRow("visit", "V-1", moment, None, "", "e", "Home visit", "", "", ()),
    ]
    layout = layout_timeline(rows, default_catalogue())
    assert [m.shape for m in layout.marks] == [CIRCLE, DIAMOND, SQUARE]
    assert layout_timeline(rows[3:], default_catalogue()).empty
    assert describe(layout_timeline([], default_catalogue())) == "No records with a theme yet."


def test_organisation_and_retired_themes_get_lanes_after_the_defaults() -> None:
    catalogue = ThemeCatalogue(default_catalogue().themes + (Theme("housing", "Housing"),))
    rows = [agency("H-1", "2024-01-01", ("retired_theme",)), agency("H-2", "2024-02-01",
            ("housing", DA))]  # fmt: skip
    lanes = layout_timeline(rows, catalogue).lanes
    assert [(lane.theme_id, lane.name) for lane in lanes] == [
        (DA, "Domestic abuse"), ("housing", "Housing"), ("retired_theme", "retired_theme"),
    ]  # fmt: skip


@pytest.fixture
def view(qtbot: QtBot) -> TimelineView:
    made = TimelineView()
    qtbot.addWidget(made)
    made.resize(900, 320)
    made.set_rows(REVIEW_CASE, default_catalogue())
    made.show()
    made.activateWindow()
    qtbot.waitActive(made)
    return made


def test_keyboard_steps_through_the_marks_in_date_order(qtbot: QtBot, view: TimelineView) -> None:
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus and view.accessibleName()
    seen: list[str] = []
    view.current_changed.connect(seen.append)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    latest = view.current_mark()  # focus marks the latest event: what is happening now
    assert latest is not None and latest.event_id == "chronology_entry:school-2024"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert seen[-2:] == ["chronology_entry:hv-2019", "chronology_entry:hv-2021"]
    assert view.accessibleDescription().startswith("2 Jun 2021, Home conditions: Event hv-2021")
    qtbot.keyClick(view, Qt.Key.Key_Up)  # the lane above: substance use, nearest in time
    assert seen[-1] == "chronology_entry:school-2024"
    with qtbot.waitSignal(view.activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == ["chronology_entry:school-2024"]


def test_marks_are_found_where_they_are_drawn(view: TimelineView) -> None:
    for n in range(len(view.layout_.marks)):
        assert view.mark_at(view.mark_centre(n)) == n
    assert view.mark_at(QPointF(1, 1)) == -1
    view.select_event("chronology_entry:gp-2023")
    mark = view.current_mark()
    assert mark is not None and mark.day == date(2023, 7, 11)


def test_drawn_in_the_palettes_colours_only(qtbot: QtBot, view: TimelineView) -> None:
    """Greyscale-safe: with a black-and-white palette the picture has only greys in it."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.AlternateBase, "#eeeeee"),
        (QPalette.ColorRole.Text, "#000000"), (QPalette.ColorRole.Highlight, "#444444"),
        (QPalette.ColorRole.Mid, "#888888"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    view.setPalette(palette)
    view.select_event("chronology_entry:gp-2023")
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}  # fmt: skip
    assert all(r == g == b for r, g, b in colours)
    assert len(colours) > 3  # lanes, text and marks were drawn
