"""The caseload as a table model (one row per family) and the search-as-you-type filter.

Tested without a window (tests/ui/test_caseload_model.py). Rows are the services' frozen
`CaseloadRow`s; the model never asks for data itself — the caseload page loads rows on the
database worker and hands them over with `set_rows`, then the open concerns (undismissed
recurring-theme prompts) in a second pass with `set_concerns`: until then that column is blank
and the rest of the caseload is already usable. A booked visit whose time has passed shows as
overdue ("now" is taken when the rows arrive).

Built for 500+ families without stalling the GUI thread: cell texts are made when a row is
first shown, sorting is one Python `list.sort` here (a sorting proxy would call back into Python
for every comparison), and the filter reads the search text straight from the model.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from app.services.views import CaseloadRow
from ui.formatting import local_datetime_text

Index = QModelIndex | QPersistentModelIndex

FAMILY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_BOLD = Qt.ItemDataRole.FontRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


Cells = tuple[str, str, str, str, str, str]


class CaseloadModel(QAbstractTableModel):
    FAMILY, CHILDREN, NEXT_VISIT, LAST_VISIT, CONCERNS, VISITS = range(6)
    COLUMN_COUNT = 6
    _NUMBERS = (CONCERNS, VISITS)  # right-aligned

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._texts: list[Cells | None] = []
        self._search: list[str] = []
        self._concerns: dict[str, int] | None = None  # None: not counted yet
        self._now = datetime.now().astimezone()
        self._sort_column = self.FAMILY
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[CaseloadRow]) -> None:
        """New rows. Counts of concerns already shown stay until the page's second pass
        brings fresh ones (a reload after each save would otherwise blank the column)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._now = datetime.now().astimezone()
        self._sort_rows()
        self.endResetModel()

    def set_concerns(self, counts: dict[str, int]) -> None:
        """Open concerns per family id (families left out have none)."""
        self._concerns = dict(counts)
        if self._sort_column == self.CONCERNS:
            self.sort(self._sort_column, self._sort_order)
        # Only the concerns cell of rows already shown changes: no other text is made again.
        for number, cells in enumerate(self._texts):
            if cells is not None:
                count = str(self._concerns.get(self._rows[number].family_id, 0))
                family, children, next_visit, last, _old, visits = cells
                self._texts[number] = (family, children, next_visit, last, count, visits)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.CONCERNS), self.index(len(self._rows) - 1, self.CONCERNS)
            )

    def concerns_of(self, family_id: str) -> int | None:
        """The family's open concerns, or None while they are being counted."""
        return None if self._concerns is None else self._concerns.get(family_id, 0)

    def clear(self) -> None:
        """Forget every row (on lock): nothing of the caseload stays in memory."""
        self._concerns = None
        self.set_rows([])

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

    def row_of_family_named(self, name: str) -> int:
        return next((n for n, item in enumerate(self._rows) if item.family_name == name), -1)

    def row_of_family(self, family_id: str) -> int:
        for number, item in enumerate(self._rows):
            if item.family_id == family_id:
                return number
        return -1

    def sort_key(self, item: CaseloadRow, column: int) -> str | float | int:
        if column == self.CHILDREN:
            return ", ".join(item.child_names).casefold()
        if column == self.LAST_VISIT:
            return item.last_visit_at.timestamp() if item.last_visit_at else 0.0
        if column == self.NEXT_VISIT:
            # Soonest first when ascending; families with nothing booked after every date.
            return item.next_visit_at.timestamp() if item.next_visit_at else float("inf")
        if column == self.CONCERNS:
            concerns = self.concerns_of(item.family_id)
            return -1 if concerns is None else concerns
        if column == self.VISITS:
            return item.visit_count
        return item.family_name.casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in place, keeping selections and other persistent indexes on their family."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[index.row()].family_id for index in old]
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        position = {item.family_id: number for number, item in enumerate(self._rows)}
        moved = [self.index(position[i], index.column()) for i, index in zip(ids, old, strict=True)]
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column = self._sort_column
        # Ties keep the family name order, so equal counts or dates do not shuffle.
        self._rows.sort(key=lambda item: item.family_name.casefold())
        self._rows.sort(
            key=lambda item: self.sort_key(item, column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        self._texts = [None] * len(self._rows)  # made when first shown: few rows are visible
        self._search = [" ".join((i.family_name, *i.child_names)).casefold() for i in self._rows]

    def _cells(self, row: int) -> Cells:
        cells = self._texts[row]
        if cells is None:
            item = self._rows[row]
            last = (
                local_datetime_text(item.last_visit_at)
                if item.last_visit_at
                else QCoreApplication.translate("CaseloadModel", "No visits yet")
            )
            concerns = self.concerns_of(item.family_id)
            cells = (
                item.family_name,
                ", ".join(item.child_names),
                self._next_visit_text(item),
                last,
                "" if concerns is None else str(concerns),
                str(item.visit_count),
            )
            self._texts[row] = cells
        return cells

    def _next_visit_text(self, item: CaseloadRow) -> str:
        if item.next_visit_at is None:
            return QCoreApplication.translate("CaseloadModel", "None booked")
        when = local_datetime_text(item.next_visit_at)
        if item.next_visit_at < self._now:
            return QCoreApplication.translate("CaseloadModel", "%1 (overdue)").replace("%1", when)
        return when

    def is_overdue(self, row: int) -> bool:
        """The family's next booked visit is past its time (nobody recorded or cancelled it)."""
        when = self._rows[row].next_visit_at
        return when is not None and when < self._now

    def _accessible(self, row: int, column: int) -> str:
        text = self._cells(row)[column]
        if column == self.CONCERNS and self.concerns_of(self._rows[row].family_id) is None:
            # A blank cell would be read out as nothing at all.
            return QCoreApplication.translate("CaseloadModel", "Still being counted")
        return text

    def _bold(self) -> QFont:
        font = QFont()
        font.setBold(True)
        return font

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        titles = {
            self.FAMILY: QCoreApplication.translate("CaseloadModel", "Family"),
            self.CHILDREN: QCoreApplication.translate("CaseloadModel", "Children"),
            self.NEXT_VISIT: QCoreApplication.translate("CaseloadModel", "Next visit"),
            self.LAST_VISIT: QCoreApplication.translate("CaseloadModel", "Last visit"),
            self.CONCERNS: QCoreApplication.translate("CaseloadModel", "Open concerns"),
            self.VISITS: QCoreApplication.translate("CaseloadModel", "Visits"),
        }
        return titles.get(section)

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        # Called many times per paint: the common roles are answered first and cheaply.
        if role == _DISPLAY:
            return self._cells(index.row())[index.column()] if index.isValid() else None
        if role == _ALIGN:
            return _RIGHT if index.column() in self._NUMBERS else None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == _ACCESSIBLE:
            return self._accessible(index.row(), index.column())
        if role == _BOLD and index.column() == self.NEXT_VISIT and self.is_overdue(index.row()):
            return self._bold()
        if role == FAMILY_ID_ROLE:
            return self._rows[index.row()].family_id
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == SORT_ROLE:
            return self.sort_key(self._rows[index.row()], index.column())
        return None


class CaseloadFilter(QSortFilterProxyModel):
    """Search as you type: every word must appear in the family's or a child's name.

    Only filters; sorting is forwarded to the caseload model (see its docstring).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._caseload: CaseloadModel | None = None

    def setSourceModel(self, model: CaseloadModel) -> None:  # type: ignore[override]  # noqa: N802
        self._caseload = model
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._caseload is not None and column >= 0:
            self._caseload.sort(column, order)

    def set_search(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._words or self._caseload is None:
            return True
        haystack = self._caseload.search_text(source_row)
        return all(word in haystack for word in self._words)
