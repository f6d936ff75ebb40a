"""Where things go on the timeline picture: one lane per theme, a mark per themed event placed
by its date, and the month/year ticks of the axis; plus the picture's text alternative.

Pure layout (fractions of the width, lane numbers), so it is tested without a window and the
painting widget (`ui.timeline_view`) only scales and draws. A mark's shape says what kind of
record it is, so nothing depends on colour (greyscale-safe). Cumulative harm factor lanes come
first, under their own label; then the other themes, in the catalogue's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from app.services.chronology_views import ChronologyRow
from assessments.themes import ThemeCatalogue
from ui.formatting import date_text
from ui.lived_wording import kind_name, row_event, theme_name, tr

CIRCLE, DIAMOND, SQUARE = "circle", "diamond", "square"
SHAPE_OF_KIND = {"lived_experience": CIRCLE, "chronology_entry": DIAMOND}
MIN_SPAN_MONTHS = 12  # a single event still sits on a year, not across the whole width
YEARLY_TICKS_FROM_MONTHS = 36


@dataclass(frozen=True)
class Lane:
    theme_id: str
    name: str
    cumulative_harm_factor: bool
    count: int


class Mark(NamedTuple):
    """A tuple, not a dataclass: a family's chronology can put thousands on the picture, and
    they are made again at every change of filter."""

    event_id: str
    lane: int
    day: date
    position: float  # 0 (left edge of the axis) to 1 (right edge)
    shape: str
    row: ChronologyRow
    lane_name: str

    @property
    def text(self) -> str:
        """What the tooltip says and a screen reader reads: made when asked, not for every
        one of thousands of marks at each load."""
        return mark_text(self.row, self.lane_name)


@dataclass(frozen=True)
class Tick:
    day: date
    position: float
    major: bool  # the first of January: labelled with the year


@dataclass(frozen=True)
class TimelineLayout:
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]  # by date, then lane
    ticks: tuple[Tick, ...]
    start: date | None
    end: date | None

    @property
    def empty(self) -> bool:
        return not self.marks


EMPTY = TimelineLayout((), (), (), None, None)


def _month_start(day: date, months_later: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def lanes_for(rows: Sequence[ChronologyRow], catalogue: ThemeCatalogue) -> tuple[Lane, ...]:
    counts: dict[str, int] = {}
    for row in rows:
        for theme in row.themes:
            counts[theme] = counts.get(theme, 0) + 1
    factors = catalogue.cumulative_harm_factor_ids()
    known = [t for t in catalogue.ids() if t in counts]
    unknown = [t for t in counts if t not in catalogue]
    ordered = [t for t in known if t in factors] + [t for t in known if t not in factors]
    return tuple(
        Lane(t, theme_name(catalogue, t), t in factors, counts[t]) for t in ordered + unknown
    )


def layout_timeline(rows: Sequence[ChronologyRow], catalogue: ThemeCatalogue) -> TimelineLayout:
    """Lanes and marks for the rows that carry a theme (a row with two themes is a mark in
    each of their lanes); the axis runs from the first event's month to the end of the last
    event's month, at least a year."""
    themed = [(r, r.date) for r in rows if r.themes]
    if not themed:
        return EMPTY
    lanes = lanes_for([r for r, _ in themed], catalogue)
    lane_of = {lane.theme_id: n for n, lane in enumerate(lanes)}
    start = _month_start(min(day for _, day in themed))
    end = _month_start(max(day for _, day in themed), 1)
    if _months_between(start, end) < MIN_SPAN_MONTHS:
        end = _month_start(start, MIN_SPAN_MONTHS)
    days = (end - start).days

    def at(day: date) -> float:
        return (day - start).days / days

    first_day, names = start.toordinal(), [lane.name for lane in lanes]
    marks = []
    for row, day in themed:
        position = (day.toordinal() - first_day) / days
        shape, event_id = SHAPE_OF_KIND.get(row.kind, SQUARE), row.event_id
        for theme in row.themes:
            lane = lane_of[theme]
            marks.append(Mark(event_id, lane, day, position, shape, row, names[lane]))
    marks.sort(key=lambda m: (m.day, m.lane))
    return TimelineLayout(tuple(lanes), tuple(marks), _ticks(start, end, at), start, end)


def _ticks(start: date, end: date, at: Callable[[date], float]) -> tuple[Tick, ...]:
    yearly = _months_between(start, end) > YEARLY_TICKS_FROM_MONTHS
    ticks = []
    for n in range(_months_between(start, end) + 1):
        day = _month_start(start, n)
        if yearly and day.month != 1:
            continue
        ticks.append(Tick(day, at(day), day.month == 1))
    return tuple(ticks)


def mark_text(row: ChronologyRow, lane_name: str) -> str:
    source = row.source if row.kind != "lived_experience" else kind_name(row.kind)
    return (
        tr("%1, %2: %3 (%4). %5")
        .replace("%1", date_text(row.date))
        .replace("%2", lane_name)
        .replace("%3", row_event(row))
        .replace("%4", source)
        .replace("%5", kind_name(row.kind))
    )


def legend() -> list[tuple[str, str]]:
    """(shape, what it marks), as drawn beside the picture."""
    return [
        (CIRCLE, kind_name("lived_experience")),
        (DIAMOND, kind_name("chronology_entry")),
        (SQUARE, tr("Other records")),
    ]


def describe(layout: TimelineLayout) -> str:
    """The picture in words, lane by lane: its text alternative."""
    if layout.empty:
        return tr("No records with a theme yet.")
    lines = []
    for n, lane in enumerate(layout.lanes):
        days = [m.day for m in layout.marks if m.lane == n]
        label = lane.name
        if lane.cumulative_harm_factor:
            label = tr("%1 (a cumulative harm factor)").replace("%1", lane.name)
        lines.append(
            QCoreApplication.translate(
                "LivedWording", "%1: %n record(s), %2 to %3.", None, len(days)
            )
            .replace("%1", label)
            .replace("%2", date_text(min(days)))
            .replace("%3", date_text(max(days)))
        )
    return "\n".join(lines)
