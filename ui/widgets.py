"""Small accessible widgets shared by the pages: the read-only record table (Enter opens the
current row), and combo boxes and text fields that carry their accessible name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QTableView,
)


class RecordTable(QTableView):
    """A read-only table; Enter activates the current row."""

    entered = Signal(QModelIndex)

    def __init__(self, accessible: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        # A narrow column's title ends in "…" rather than being cut at both ends.
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        # Sized to the contents once per load (`fit_columns`), not on every layout pass as
        # ResizeToContents would: that re-measures every cell each time the window shows.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(False)  # one line per record; the full text is in the tooltip

    def share_width(self) -> None:
        """Columns share the width equally: no measuring, no sideways scrolling."""
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def fit_columns(self, samples: list[str]) -> None:
        """Columns as wide as the sample texts (one per column but the last, which
        stretches): measuring every cell of a long visit list would cost the GUI thread."""
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        for column, sample in enumerate(samples[: header.count() - 1]):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + padding)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def named_combo(name: str) -> QComboBox:
    """A combo box with an accessible name, also given as its list's header (read out by
    screen readers when the list opens)."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        model.setHorizontalHeaderLabels([name])
    return combo


def named_text(name: str) -> QPlainTextEdit:
    """A plain-text field with an accessible name, where Tab moves on instead of typing."""
    field = QPlainTextEdit()
    field.setAccessibleName(name)
    field.setTabChangesFocus(True)
    return field
