"""The caseload tab: every family, searchable as you type, opened with Enter or a double click.

The rows come first (one quick job: unlocking waits for it); each family's open concerns follow
from a second job on the worker and fill their column when counted, so a long caseload never
waits for the recurring-theme rules to run over every chronology. A third job counts what is
overdue on plans and escalations (a handful of queries for the whole caseload).
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.plans_overdue_counts import OverdueCount
from app.services.views import CaseloadRow
from ui import operations
from ui.background import Background
from ui.caseload_model import FAMILY_ID_ROLE, CaseloadFilter, CaseloadModel
from ui.changes import Changes
from ui.formatting import local_datetime_text
from ui.visit_operations import load_open_concerns, load_overdue


class CaseloadTable(QTableView):
    """Enter opens the selected family (QTableView would otherwise start editing or do nothing)."""

    activated_family = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_family.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CaseloadPage(QWidget):
    open_family = Signal(str)
    new_family = Signal()
    loaded = Signal()
    concerns_counted = Signal()
    overdue_counted = Signal()

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._generation = 0  # which load a concerns count belongs to
        self.model = CaseloadModel(self)
        self.filter = CaseloadFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search families and children (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the caseload"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_search)
        self.search.returnPressed.connect(self._open_first_match)
        self.table = CaseloadTable()
        self.table.setModel(self.filter)
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseloadModel.FAMILY, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Widths from the font, not from the rows: measuring 500 rows' contents on every
        # reload would stall the GUI thread.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseloadModel.CHILDREN, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        header.resizeSection(CaseloadModel.FAMILY, 16 * em)
        sample = local_datetime_text(datetime(2026, 9, 30, 23, 59, tzinfo=timezone.utc))
        widest_date = self.fontMetrics().horizontalAdvance(sample) + 2 * em
        header.resizeSection(CaseloadModel.LAST_VISIT, max(12 * em, widest_date))
        next_sample = QCoreApplication.translate("CaseloadModel", "%1 (overdue)").replace(
            "%1", sample
        )
        header.resizeSection(
            CaseloadModel.NEXT_VISIT,
            max(12 * em, self.fontMetrics().horizontalAdvance(next_sample) + 2 * em),
        )
        for column in (CaseloadModel.CONCERNS, CaseloadModel.OVERDUE, CaseloadModel.VISITS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(
                column, max(6 * em, self.fontMetrics().horizontalAdvance(title) + 3 * em)
            )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_family.connect(self._open_index)
        add = QPushButton(self.tr("&New family…"))
        add.setAccessibleName(self.tr("New family"))
        add.clicked.connect(self.new_family)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.filter.rowsInserted.connect(self._show_count)
        self.filter.rowsRemoved.connect(self._show_count)
        self.filter.modelReset.connect(self._show_count)
        self.filter.layoutChanged.connect(self._show_count)

    def reload(self) -> None:
        self._generation += 1
        self._background.run(operations.load_caseload(), success=self._show)

    def on_changes(self, changes: Changes) -> None:
        if changes.caseload:
            self.reload()

    def _show(self, rows: list[CaseloadRow]) -> None:
        if not self._background.unlocked:
            return  # locked while loading: show nothing
        selected = self.selected_family_id()
        self.model.set_rows(rows)
        if selected is not None:
            self.select_family(selected)
        elif self.filter.rowCount() > 0:
            self.table.setCurrentIndex(self.filter.index(0, 0))
        self.loaded.emit()
        generation = self._generation
        self._background.run(
            load_open_concerns(),
            success=lambda counts: self._show_concerns(generation, counts),
            failure=lambda _error: None,  # the column stays blank; the caseload still works
            quiet=True,
        )
        self._background.run(
            load_overdue(),
            success=lambda counts: self._show_overdue(generation, counts),
            failure=lambda _error: None,  # as for the concerns
            quiet=True,
        )

    def _show_concerns(self, generation: int, counts: dict[str, int]) -> None:
        if not self._background.unlocked or generation != self._generation:
            return  # locked, or the rows were reloaded meanwhile (their own count follows)
        self.model.set_concerns(counts)
        self.concerns_counted.emit()

    def _show_overdue(self, generation: int, counts: dict[str, OverdueCount]) -> None:
        if not self._background.unlocked or generation != self._generation:
            return
        self.model.set_overdue(counts)
        self.overdue_counted.emit()

    def clear(self) -> None:
        self._generation += 1
        self.search.clear()
        self.model.clear()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_family_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(FAMILY_ID_ROLE)) if index.isValid() else None

    def select_family(self, family_id: str) -> None:
        row = self.model.row_of_family(family_id)
        if row >= 0:
            index = self.filter.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.setCurrentIndex(index)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_family.emit(str(index.data(FAMILY_ID_ROLE)))

    def _open_first_match(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.filter.rowCount() > 0:
            index = self.filter.index(0, 0)
        self._open_index(index)

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 families")
            .replace("%1", str(self.filter.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down from the search box moves into the list, so search-then-choose needs no mouse.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            return
        super().keyPressEvent(event)
