"""Targeted items in the GCP2 editor's Summary tab: the table (sub-area, grade when set, target,
review by, grade at review, progress) and recording the grade at review once the review-by date
has come or the child has been re-graded. Overdue reviews are marked with a sign and bold text,
not by colour alone, and counted above the table.

`TargetsBox` is used twice: for the assessment's own targets, and on a re-grade for the targets
set at the baseline (the re-grade is their review; its grade for the sub-area is offered, never
recorded without the practitioner's say-so). The rules are `assessments.targets`'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from assessments import scale
from assessments.record import Target
from assessments.targets import Progress, progress, review_is_open
from ui.assessment_models import name_of
from ui.formatting import date_text
from ui.rows_model import Index, RowsModel
from ui.widgets import RecordTable, named_combo


def tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentTargets", text)


def progress_text(state: Progress) -> str:
    return {
        "awaiting_review": tr("Awaiting review"),
        "due": tr("Review due today"),
        "overdue": tr("⚠ Review overdue"),
        "met": tr("Target met"),
        "better": tr("Better, target not met yet"),
        "same": tr("No change"),
        "worse": tr("Worse"),
    }[state]


class TargetsModel(RowsModel[Target]):
    """Targeted items: sub-area, grade when set, target, review by, grade at review, progress."""

    SUB_AREA, CURRENT, TARGET, REVIEW_BY, REVIEW_GRADE, PROGRESS = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_targets(self, targets: Sequence[Target], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(targets)
        self.today = today or date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_targets([])

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(self._rows)

    def progress_at(self, row: int) -> Progress:
        return progress(self._rows[row], self.today)

    @property
    def overdue(self) -> int:
        return sum(1 for row in range(len(self._rows)) if self.progress_at(row) == "overdue")

    def headers(self) -> list[str]:
        return [tr("Sub-area"), tr("Current"), tr("Target"), tr("Review by"), tr("At review"),
                 tr("Progress")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        state = self.progress_at(index.row())
        if role == Qt.ItemDataRole.FontRole and state == "overdue":
            bold = QFont()
            bold.setBold(True)
            return bold
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        t = self._rows[index.row()]
        review = "" if t.review_grade is None else str(t.review_grade)
        return [name_of(t.sub_area), str(t.current), str(t.target), date_text(t.review_by),
                review, progress_text(state)][index.column()]


class TargetsBox(QGroupBox):
    """A targets table with "record grade at review" for the selected target."""

    review = Signal(int, int)  # position, grade at review

    def __init__(self, title: str, record_text: str) -> None:
        """`record_text`: the button's text, with its own accelerator (two boxes may show)."""
        super().__init__(title)
        self.model = TargetsModel(self)
        self.table = RecordTable(title)
        self.table.setModel(self.model)
        self.table.share_width()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.overdue = QLabel()
        self.overdue.setAccessibleName(tr("Overdue reviews"))
        self.review_grade = named_combo(tr("Grade at review"))
        for g in scale.GRADES:
            self.review_grade.addItem(str(g), g)
        self.review_button = QPushButton(record_text)
        self.review_button.clicked.connect(self._record)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._regraded = False
        self._now: Mapping[str, int | None] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Grade at review:")))
        for widget in (self.review_grade, self.review_button):
            row.addWidget(widget)
        row.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_targets(
        self,
        targets: Sequence[Target],
        *,
        regraded: bool,
        today: date | None = None,
        now: Mapping[str, int | None] | None = None,
    ) -> None:
        """`regraded`: reviews are open whatever the date; `now`: the re-grade's sub-area grades,
        offered as each baseline target's grade at review."""
        row = self.table.currentIndex().row()
        self._regraded, self._now = regraded, dict(now or {})
        self.model.set_targets(targets, today)
        overdue = self.model.overdue
        self.overdue.setVisible(overdue > 0)
        self.overdue.setText(tr("⚠ Reviews overdue: %1").replace("%1", str(overdue)))
        if targets:
            self.table.setCurrentIndex(self.model.index(max(0, min(row, len(targets) - 1)), 0))
        self._selected()

    def _selected(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.review_button.setEnabled(False)
            self.hint.clear()
            return
        target = self.model.targets[row]
        is_open = review_is_open(target, self.model.today, regraded=self._regraded)
        self.review_button.setEnabled(is_open)
        suggested = self._now.get(target.sub_area)
        chosen = target.review_grade or suggested
        if chosen is not None:
            self.review_grade.setCurrentIndex(self.review_grade.findData(chosen))
        if not is_open:
            self.hint.setText(tr("The review is open from %1, or when re-grading.")
                              .replace("%1", date_text(target.review_by)))
        elif suggested is not None:
            self.hint.setText(tr("This re-grade gives %1 a grade of %2.")
                              .replace("%1", name_of(target.sub_area))
                              .replace("%2", str(suggested)))
        else:
            self.hint.clear()

    def _record(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.review.emit(row, self.review_grade.currentData())

    def forget(self) -> None:
        self.model.clear()
        self._now = {}
        self.hint.clear()
