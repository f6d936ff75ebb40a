"""The timeline picture: themes as lanes, months and years along the bottom, a mark per event,
so a pattern over years is seen at a glance.

Shows a `ui.timeline_layout.TimelineLayout`, drawn by `ui.timeline_painting` in the palette's
colours with shapes for kinds of record, never colour alone. Keyboard: it takes focus;
Left/Right (Home/End) step through the marks in date order, Up/Down move to the nearest mark in
the lane above or below, Enter opens the record's row in the table. Every mark has a tooltip,
and the picture's text alternative is its accessible description; the table beside it is the
full accessible equivalent.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from app.services.chronology_views import ChronologyRow
from assessments.themes import ThemeCatalogue
from ui.lived_wording import tr
from ui.timeline_layout import EMPTY, Mark, TimelineLayout, describe, layout_timeline
from ui.timeline_painting import (
    MARK_SIZE,
    Picture,
    TimelineGeometry,
    geometry_for,
    mark_paths,
    paint,
)


class TimelineView(QWidget):
    current_changed = Signal(str)  # event id of the mark with focus
    activated = Signal(str)  # event id: Enter or a double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Timeline of themes"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.layout_: TimelineLayout = EMPTY
        self.current = -1  # index into layout_.marks
        # Worked out once per layout, width and font: every mark's position needs them.
        self._geometry: TimelineGeometry | None = None
        self._paths: dict[str, QPainterPath] = {}
        self._shapes = 0

    # -- data --------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ChronologyRow], catalogue: ThemeCatalogue) -> None:
        self.layout_ = layout_timeline(rows, catalogue)
        self.current = -1
        self._geometry = None
        self.setAccessibleDescription(describe(self.layout_))
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.layout_ = EMPTY
        self.current = -1
        self._geometry, self._paths = None, {}
        self.setAccessibleDescription("")
        self.update()

    def select_event(self, event_id: str) -> None:
        """Make the first mark of this event current (when its table row is selected)."""
        found = next((n for n, m in enumerate(self.layout_.marks) if m.event_id == event_id), -1)
        if found != self.current:
            self.current = found
            self.update()

    def current_mark(self) -> Mark | None:
        marks = self.layout_.marks
        return marks[self.current] if 0 <= self.current < len(marks) else None

    # -- geometry and painting ---------------------------------------------------------------

    def geometry_(self) -> TimelineGeometry:
        geometry = self._geometry
        if geometry is None or geometry.width != self.width():
            geometry = geometry_for(self.layout_, self.width(), self.fontMetrics())
            self._paths, self._shapes = mark_paths(self.layout_, geometry)
            self._geometry = geometry
        return geometry

    def mark_centre(self, index: int) -> QPointF:
        return self.geometry_().centre(self.layout_.marks[index])

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self.geometry_().bottom + 2 * self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 4 * self.fontMetrics().height())

    def mark_at(self, point: QPointF) -> int:
        """The mark nearest `point` within a mark's size, else -1; only the lane under the
        point is searched."""
        geometry = self.geometry_()
        lanes = {n for n, top in enumerate(geometry.lane_tops)
                 if 0 <= point.y() - top < geometry.lane_height}  # fmt: skip
        best, best_distance = -1, float(MARK_SIZE)
        for n, mark in enumerate(self.layout_.marks):
            if mark.lane in lanes:
                centre = geometry.centre(mark)
                distance = max(abs(centre.x() - point.x()), abs(centre.y() - point.y()))
                if distance <= best_distance:
                    best, best_distance = n, distance
        return best

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._geometry = None
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self.layout_.empty:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, describe(self.layout_))
        else:
            geometry = self.geometry_()
            current = self.current_mark()
            picture = Picture(self.layout_, geometry, self._paths, self._shapes, current,
                              palette, self.font(), self.locale())  # fmt: skip
            paint(painter, picture)
        if self.hasFocus() and self.current < 0:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    # -- interaction ----------------------------------------------------------------------------

    def _set_current(self, index: int) -> None:
        if not 0 <= index < len(self.layout_.marks):
            return
        self.current = index
        mark = self.layout_.marks[index]
        self.setAccessibleDescription(mark.text)
        self.update()
        self.current_changed.emit(mark.event_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        marks, key = self.layout_.marks, event.key()
        if not marks:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Right:
            self._set_current(min(self.current + 1, len(marks) - 1))
        elif key == Qt.Key.Key_Left:
            self._set_current(max(self.current - 1, 0))
        elif key == Qt.Key.Key_Home:
            self._set_current(0)
        elif key == Qt.Key.Key_End:
            self._set_current(len(marks) - 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._set_current(self._nearest_in_lane(-1 if key == Qt.Key.Key_Up else 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_mark() is not None:
            self.activated.emit(marks[self.current].event_id)
        else:
            super().keyPressEvent(event)

    def _nearest_in_lane(self, step: int) -> int:
        here = self.current_mark() or self.layout_.marks[0]
        lane = here.lane + step
        candidates = [n for n, m in enumerate(self.layout_.marks) if m.lane == lane]
        if not candidates:
            return self.current
        return min(candidates, key=lambda n: abs(self.layout_.marks[n].position - here.position))

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self.current < 0 and self.layout_.marks:
            self._set_current(len(self.layout_.marks) - 1)  # the latest: what is happening now
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._set_current(self.mark_at(event.position()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.mark_at(event.position())
        if found >= 0:
            self.activated.emit(self.layout_.marks[found].event_id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.mark_at(QPointF(event.pos()))
            if found >= 0:
                QToolTip.showText(event.globalPos(), self.layout_.marks[found].text, self)
            else:
                QToolTip.showText(event.globalPos(), describe(self.layout_), self)
            return True
        return super().event(event)
