"""The pack's items of one sub-area in the GCP2 editor's Grades tab: each item with its grade,
keys 1-5 to grade the current item and move to the next (Delete or 0 clears it), the current
item's grade descriptors, and the pack's suggestion for the sub-area from the item grades.

Item text and descriptors are the organisation's LICENSED pack text: shown here on the device
and nowhere else (never logged, exported or printed). Only shown when a pack is loaded and it
has items for the sub-area. The suggestion is only shown, never applied: the practitioner
grades the sub-area with the big buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from app.services.views_gcp2 import PackItemText
from ui.assessment_models import GRADE_ROLE, grade_text, name_of
from ui.rows_model import Index, RowsModel
from ui.widgets import RecordTable

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 3
ITEM_KEYS = {
    Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5,
    Qt.Key.Key_0: None, Qt.Key.Key_Delete: None, Qt.Key.Key_Backspace: None,
}


def tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentItems", text)


class ItemsModel(RowsModel[PackItemText]):
    """One sub-area's pack items: grade (first, so it is never cut off) and the item's text."""

    GRADE, ITEM = range(2)
    COLUMN_COUNT = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grades: dict[str, int] = {}

    def set_items(self, items: Sequence[PackItemText], grades: Mapping[str, int]) -> None:
        self.beginResetModel()
        self._rows, self._grades = list(items), dict(grades)
        self.endResetModel()

    def set_grade(self, row: int, grade: int | None) -> None:
        """Show a grade at once, before the save comes back."""
        item_id = self._rows[row].id
        if grade is None:
            self._grades.pop(item_id, None)
        else:
            self._grades[item_id] = grade
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.ITEM))

    def clear(self) -> None:
        self.set_items((), {})

    def item_at(self, row: int) -> PackItemText:
        return self._rows[row]

    def grade_at(self, row: int) -> int | None:
        return self._grades.get(self._rows[row].id)

    @property
    def graded(self) -> int:
        return sum(1 for i in self._rows if i.id in self._grades)

    def headers(self) -> list[str]:
        return [tr("Grade"), tr("Item")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, grade = self._rows[index.row()], self.grade_at(index.row())
        if role == ITEM_ID_ROLE:
            return item.id
        if role == GRADE_ROLE:
            return grade
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("%1, grade %2").replace("%1", item.text).replace("%2", grade_text(grade))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ITEM:
            return item.text
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text if index.column() == self.ITEM else ("–" if grade is None else
                                                                  str(grade))
        return None


class ItemTable(RecordTable):
    """Keys 1-5 grade the current item and move to the next; Delete or 0 clears its grade."""

    grade_key = Signal(int, object)  # row, grade (None: clear)
    grading = True  # False on a completed assessment: still readable and navigable

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        row = self.currentIndex().row()
        if self.grading and key in ITEM_KEYS and row >= 0 and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            grade = ITEM_KEYS[key]
            self.grade_key.emit(row, grade)
            if grade is not None and row + 1 < self.model().rowCount():
                self.setCurrentIndex(self.model().index(row + 1, 0))
            return
        super().keyPressEvent(event)


class ItemsPanel(QWidget):
    """The items box: hidden without a pack or without items for the sub-area."""

    def __init__(self, grade_item: Callable[[str, int | None], None]) -> None:
        super().__init__()
        self._grade_item = grade_item
        self.model = ItemsModel(self)
        self.table = ItemTable(tr("Items from the content pack"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ItemsModel.GRADE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemsModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.grade_key.connect(self._graded)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.model.dataChanged.connect(lambda *_: self._describe())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setBuddy(self.table)
        self.descriptors = QLabel()
        self.descriptors.setWordWrap(True)
        self.descriptors.setAccessibleName(tr("What the grades mean for this item"))
        self.descriptors.setProperty("record_text", True)  # the pack's text: data, not interface
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setAccessibleName(tr("The pack's suggestion"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.table, self.descriptors, self.suggestion):
            layout.addWidget(widget)

    def show_items(
        self,
        sub_area_id: str,
        items: Sequence[PackItemText],
        grades: Mapping[str, int],
        suggestion: int | None,
        *,
        moved: bool,
    ) -> None:
        """Show a sub-area's items; `moved`: a different sub-area, so start at its first item."""
        row = self.table.currentIndex().row()
        self.model.set_items(items, grades)
        self.setVisible(bool(items))
        self.heading.setText(
            tr("&Items (keys 1-5 grade the selected item; %1 of %2 graded):")
            .replace("%1", str(self.model.graded))
            .replace("%2", str(len(items)))
        )
        if items:
            keep = 0 if moved or not 0 <= row < len(items) else row
            self.table.setCurrentIndex(self.model.index(keep, 0))
        self.suggestion.setVisible(suggestion is not None)
        self.suggestion.setText(
            tr("The pack's rule suggests grade %1 for %2 from these item grades. It is only a "
               "suggestion: you decide the grade.")
            .replace("%1", str(suggestion))
            .replace("%2", name_of(sub_area_id))
        )
        self._describe()

    def _describe(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.descriptors.clear()
            return
        item, chosen = self.model.item_at(row), self.model.grade_at(row)
        lines = [item.text]
        for grade, text in sorted(item.descriptors.items()):
            mark = tr(" (chosen)") if grade == chosen else ""
            lines.append(tr("Grade %1%2: %3").replace("%1", str(grade)).replace("%2", mark)
                         .replace("%3", text))
        self.descriptors.setText("\n".join(lines))

    def _graded(self, row: int, grade: int | None) -> None:
        self.model.set_grade(row, grade)
        self._grade_item(self.model.item_at(row).id, grade)

    def set_editable(self, editable: bool) -> None:
        self.table.grading = editable

    def forget(self) -> None:
        self.model.clear()
        for label in (self.heading, self.descriptors, self.suggestion):
            label.clear()
