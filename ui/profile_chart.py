"""The GCP2 profile chart: 13 sub-areas grouped by area, one bar per sub-area, baseline beside
now for a re-grade.

Grades are told apart by a colour-blind-safe scale (Okabe-Ito blue to vermillion, never red
against green) AND by the grade number printed on every bar, so neither colour vision nor a
black-and-white print is needed to read it. Painted from `ProfileChartModel`; its text
alternative (the grades, one sub-area per line) is the widget's accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from assessments import gcp2
from ui.assessment_models import ProfileChartModel, area_name, name_of

# Grade 1 (best) to 5 (worst): Okabe-Ito blue, sky blue, yellow, orange, vermillion.
GRADE_COLOURS = ("#0072B2", "#56B4E9", "#F0E442", "#E69F00", "#D55E00")
DARK_TEXT_GRADES = (2, 3, 4)  # light fills: the number is printed in black, else white


class ProfileChart(QWidget):
    def __init__(self, model: ProfileChartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAccessibleName(self.tr("Profile chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can reach the text
        model.modelReset.connect(self._model_reset)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 300)

    def _model_reset(self) -> None:
        self.setAccessibleDescription(self.model.accessible_text())
        self.setToolTip(self.model.accessible_text())
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        bars = self.model.bars
        if not bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(self.foregroundRole())
        metrics = self.fontMetrics()
        line = metrics.height()
        top, bottom = line * 2, self.height() - line * 3
        plot_height = max(bottom - top, 10)
        slot = self.width() / (len(bars) + len(gcp2.AREAS) - 1)
        painter.setPen(text_colour)
        legend = (
            self.tr("Grades 1 (best) to 5; left bar: baseline, right bar: now")
            if self.model.has_baseline
            else self.tr("Grades 1 (best) to 5")
        )
        painter.drawText(QRectF(0, 0, self.width(), line * 1.5), Qt.AlignmentFlag.AlignLeft, legend)
        x = 0.0
        for area in gcp2.AREAS:
            start = x
            for bar in (b for b in bars if b.area == area.id):
                pairs = (
                    [(bar.baseline, True), (bar.now, False)]
                    if self.model.has_baseline
                    else [(bar.now, False)]
                )
                width = slot * 0.8 / len(pairs)
                for n, (grade, is_baseline) in enumerate(pairs):
                    left = x + slot * 0.1 + n * width
                    self._bar(painter, QRectF(left, top, width, plot_height), grade, is_baseline)
                painter.setPen(text_colour)
                label = metrics.elidedText(
                    name_of(bar.sub_area), Qt.TextElideMode.ElideRight, int(slot)
                )
                painter.drawText(
                    QRectF(x, bottom + 2, slot, line), Qt.AlignmentFlag.AlignHCenter, label
                )
                x += slot
            painter.drawText(
                QRectF(start, bottom + line + 4, x - start, line),
                Qt.AlignmentFlag.AlignHCenter,
                metrics.elidedText(area_name(area.id), Qt.TextElideMode.ElideRight, int(x - start)),
            )
            x += slot  # a gap between areas
        painter.end()

    def _bar(self, painter: QPainter, space: QRectF, grade: int | None, is_baseline: bool) -> None:
        if grade is None:
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(
                space.adjusted(0, space.height() - 20, 0, 0), Qt.AlignmentFlag.AlignHCenter, "–"
            )
            return
        height = space.height() * grade / 5
        rect = QRectF(space.left(), space.bottom() - height, space.width(), height)
        colour = QColor(GRADE_COLOURS[grade - 1])
        painter.setPen(QPen(self.palette().color(self.foregroundRole()), 1))
        painter.setBrush(QBrush(colour))
        painter.drawRect(rect)
        if is_baseline:  # hatched, so baseline and now differ without colour too
            painter.setBrush(QBrush(QColor("#000000"), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        painter.setPen(QColor("#000000") if grade in DARK_TEXT_GRADES else QColor("#FFFFFF"))
        painter.drawText(
            rect.adjusted(0, 2, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            str(grade),
        )
