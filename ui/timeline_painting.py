"""Drawing the timeline picture: where lanes and the axis sit for a width and font, the marks as
one path per shape, and the painting itself, in the palette's colours only (the system's dark
or high-contrast theme applies; shapes, not colour, tell kinds of record apart).

Thousands of marks are drawn as one filled path per shape, built once per layout and size (a
Qt call per mark per paint would hold the GUI thread for hundreds of milliseconds). Marks of
one kind closer than half a mark in one lane are drawn once: they would cover each other. Past
`SMOOTH_UP_TO` shapes the edges are not smoothed, which costs ten times less to fill.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from ui.lived_wording import cumulative_harm_factors, tr
from ui.timeline_layout import CIRCLE, DIAMOND, Mark, TimelineLayout, legend

MARK_SIZE = 10  # logical pixels: scaled by Qt at 200 %
SMOOTH_UP_TO = 400
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class TimelineGeometry:
    width: int
    lane_height: int
    top: int  # below the legend's row
    lane_tops: tuple[int, ...]
    axis_left: float
    axis_width: float

    @property
    def bottom(self) -> int:
        return self.lane_tops[-1] + self.lane_height if self.lane_tops else self.top

    def centre(self, mark: Mark) -> QPointF:
        x = self.axis_left + mark.position * self.axis_width
        return QPointF(x, self.lane_tops[mark.lane] + self.lane_height / 2)


def geometry_for(layout: TimelineLayout, width: int, metrics: QFontMetrics) -> TimelineGeometry:
    lane_height = max(metrics.height() + 8, 2 * MARK_SIZE)
    top = metrics.height() + 8
    names = [lane.name for lane in layout.lanes] + [cumulative_harm_factors()]
    left = max(metrics.horizontalAdvance(name) for name in names) + 16
    # The factor lanes sit under a heading row, the other themes under another.
    tops, row, previous = [], 0, None
    for lane in layout.lanes:
        row += lane.cumulative_harm_factor != previous
        previous = lane.cumulative_harm_factor
        tops.append(top + row * lane_height)
        row += 1
    axis_width = max(1.0, width - left - MARK_SIZE)
    return TimelineGeometry(width, lane_height, top, tuple(tops), float(left), axis_width)


def add_shape(path: QPainterPath, shape: str, centre: QPointF) -> None:
    half, x, y = MARK_SIZE / 2, centre.x(), centre.y()
    if shape == CIRCLE:
        path.addEllipse(centre, half, half)
    elif shape == DIAMOND:
        corners = [QPointF(x, y - half - 1), QPointF(x + half + 1, y),
                   QPointF(x, y + half + 1), QPointF(x - half - 1, y)]  # fmt: skip
        path.addPolygon(QPolygonF(corners))
        path.closeSubpath()
    else:
        path.addRect(QRectF(x - half, y - half, 2 * half, 2 * half))


def mark_paths(
    layout: TimelineLayout, geometry: TimelineGeometry
) -> tuple[dict[str, QPainterPath], int]:
    """One path per shape (overlapping shapes fill as one: winding, not even-odd), and how
    many shapes they hold."""
    paths: dict[str, QPainterPath] = {}
    drawn: set[tuple[str, int, int]] = set()
    for mark in layout.marks:
        centre = geometry.centre(mark)
        key = (mark.shape, mark.lane, round(centre.x() / (MARK_SIZE / 2)))
        if key not in drawn:
            drawn.add(key)
            if mark.shape not in paths:
                paths[mark.shape] = QPainterPath()
                paths[mark.shape].setFillRule(Qt.FillRule.WindingFill)
            add_shape(paths[mark.shape], mark.shape, centre)
    return paths, len(drawn)


@dataclass(frozen=True)
class Picture:
    """Everything one paint needs."""

    layout: TimelineLayout
    geometry: TimelineGeometry
    paths: dict[str, QPainterPath]
    shapes: int
    current: Mark | None
    palette: QPalette
    font: QFont
    locale: QLocale


def paint(painter: QPainter, picture: Picture) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = picture.palette.color(QPalette.ColorRole.Text)
    painter.setPen(text)
    _legend(painter, picture)
    _lanes(painter, picture)
    _axis(painter, picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, picture.shapes <= SMOOTH_UP_TO)
    for path in picture.paths.values():
        painter.fillPath(path, text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if picture.current is not None:
        centre = picture.geometry.centre(picture.current)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(picture.palette.color(QPalette.ColorRole.Highlight), 3))
        painter.drawEllipse(centre, MARK_SIZE, MARK_SIZE)


def _legend(painter: QPainter, picture: Picture) -> None:
    metrics = QFontMetrics(picture.font)
    x, y = picture.geometry.axis_left, picture.geometry.top / 2
    for shape, words in legend():
        path = QPainterPath()
        add_shape(path, shape, QPointF(x + MARK_SIZE / 2, y))
        painter.fillPath(path, picture.palette.color(QPalette.ColorRole.Text))
        x += MARK_SIZE + 4
        painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), words)
        x += metrics.horizontalAdvance(words) + 16


def _lanes(painter: QPainter, picture: Picture) -> None:
    geometry, palette = picture.geometry, picture.palette
    height, width = geometry.lane_height, geometry.width
    bold = QFont(picture.font)
    bold.setBold(True)
    previous: bool | None = None
    for n, lane in enumerate(picture.layout.lanes):
        top = geometry.lane_tops[n]
        if lane.cumulative_harm_factor != previous:
            heading = (
                cumulative_harm_factors() if lane.cumulative_harm_factor else tr("Other themes")
            )
            painter.setFont(bold)
            painter.drawText(QRectF(4, top - height, width - 8, height), _LEFT_MIDDLE, heading)
            painter.setFont(picture.font)
            previous = lane.cumulative_harm_factor
        if n % 2 == 0:
            band = QRectF(0, top, width, height)
            painter.fillRect(band, palette.color(QPalette.ColorRole.AlternateBase))
        label = QRectF(12, top, geometry.axis_left - 12, height)
        painter.drawText(label, _LEFT_MIDDLE, lane.name)


def _axis(painter: QPainter, picture: Picture) -> None:
    geometry, palette, locale = picture.geometry, picture.palette, picture.locale
    bottom, left, width = geometry.bottom, geometry.axis_left, geometry.axis_width
    metrics = QFontMetrics(picture.font)
    text = palette.color(QPalette.ColorRole.Text)
    grid = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine)
    painter.drawLine(QPointF(left, bottom), QPointF(left + width, bottom))
    label_end = -1.0
    for tick in picture.layout.ticks:
        x = left + tick.position * width
        painter.setPen(grid)
        painter.drawLine(QPointF(x, geometry.top), QPointF(x, bottom))
        short = QLocale.FormatType.ShortFormat
        label = str(tick.day.year) if tick.major else locale.monthName(tick.day.month, short)
        if x > label_end + 4:  # labels never overlap; the ticks still show every month
            painter.setPen(text)
            painter.drawText(QPointF(x + 2, bottom + metrics.ascent() + 2), label)
            label_end = x + 2 + metrics.horizontalAdvance(label)
    painter.setPen(text)
