"""The caseload as a table model (one row per family) and the search-as-you-type filter.

Tested without a window (tests/ui/test_caseload_model.py). Rows are the services' frozen
`CaseloadRow`s; the model never asks for data itself — the caseload page loads rows on the
database worker and hands them over with `set_rows`, then the open concerns (undismissed
recurring-theme prompts) in a second pass with `set_concerns` and what is overdue on plans and
escalations (`set_overdue`) in a third: until then those columns are blank and the rest of the
caseload is already usable. A booked visit whose time has passed shows as overdue ("now" is
taken when the rows arrive). Overdue counts are bold and say what is late in their tooltip and
accessible text, so nothing rests on colour.

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

from app.services.plans_overdue_counts import OverdueCount
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
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


Cells = tuple[str, ...]  # one text per column


def overdue_summary(count: OverdueCount) -> str:
    """What is late, kind by kind, in words (the tooltip and what a screen reader says).
    Labels with counts ("plan actions: 2") read the same at any count and in any language."""
    labels = (
        (QCoreApplication.translate("CaseloadModel", "plan actions: %1"), count.plan_actions),
        (QCoreApplication.translate("CaseloadModel", "plan reviews: %1"), count.plan_reviews),
        (QCoreApplication.translate("CaseloadModel", "plans not yet shared with the family: %1"),
         count.plan_sharing),
        (QCoreApplication.translate("CaseloadModel", "escalation responses: %1"),
         count.escalation_stages),
    )
    parts = [label.replace("%1", str(number)) for label, number in labels if number]
    if not parts:
        return QCoreApplication.translate("CaseloadModel",
                                          "Nothing overdue on plans or escalations")
    return QCoreApplication.translate("CaseloadModel", "Overdue: %1").replace(
        "%1", "; ".join(parts))


class CaseloadModel(QAbstractTableModel):
    FAMILY, CHILDREN, NEXT_VISIT, LAST_VISIT, CONCERNS, OVERDUE, VISITS = range(7)
    COLUMN_COUNT = 7
    _NUMBERS = (CONCERNS, OVERDUE, VISITS)  # right-aligned

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._texts: list[Cells | None] = []
        self._search: list[str] = []
        self._concerns: dict[str, int] | None = None  # None: not counted yet
        self._overdue: dict[str, OverdueCount] | None = None  # None: not counted yet
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
        self._column_counted(self.CONCERNS)

    def set_overdue(self, counts: dict[str, OverdueCount]) -> None:
        """What is overdue per family id (families left out have nothing overdue)."""
        self._overdue = dict(counts)
        self._column_counted(self.OVERDUE)

    def _column_counted(self, column: int) -> None:
        if self._sort_column == column:
            self.sort(self._sort_column, self._sort_order)
        # Only that cell of rows already shown changes: no other text is made again.
        for number, cells in enumerate(self._texts):
            if cells is not None:
                fresh = list(cells)
                fresh[column] = self._count_text(self._rows[number].family_id, column)
                self._texts[number] = tuple(fresh)
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def concerns_of(self, family_id: str) -> int | None:
        """The family's open concerns, or None while they are being counted."""
        return None if self._concerns is None else self._concerns.get(family_id, 0)

    def overdue_of(self, family_id: str) -> OverdueCount | None:
        """What is overdue for the family, or None while it is being counted."""
        return None if self._overdue is None else self._overdue.get(family_id, OverdueCount())

    def _count_text(self, family_id: str, column: int) -> str:
        if column == self.CONCERNS:
            concerns = self.concerns_of(family_id)
            return "" if concerns is None else str(concerns)
        overdue = self.overdue_of(family_id)
        return "" if overdue is None else str(overdue.total)

    def clear(self) -> None:
        """Forget every row (on lock): nothing of the caseload stays in memory."""
        self._concerns = None
        self._overdue = None
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
        if column == self.OVERDUE:
            overdue = self.overdue_of(item.family_id)
            return -1 if overdue is None else overdue.total
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
            cells = (
                item.family_name,
                ", ".join(item.child_names),
                self._next_visit_text(item),
                last,
                self._count_text(item.family_id, self.CONCERNS),
                self._count_text(item.family_id, self.OVERDUE),
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

    def is_late_on_plans(self, row: int) -> bool:
        """Something on the family's plans or escalations is overdue (counted and above 0)."""
        overdue = self.overdue_of(self._rows[row].family_id)
        return overdue is not None and overdue.total > 0

    def _accessible(self, row: int, column: int) -> str:
        text = self._cells(row)[column]
        family_id = self._rows[row].family_id
        counting = (column == self.CONCERNS and self.concerns_of(family_id) is None) or (
            column == self.OVERDUE and self.overdue_of(family_id) is None)
        if counting:
            # A blank cell would be read out as nothing at all.
            return QCoreApplication.translate("CaseloadModel", "Still being counted")
        if column == self.OVERDUE:
            return self._overdue_tooltip(row) or text
        return text

    def _overdue_tooltip(self, row: int) -> str | None:
        overdue = self.overdue_of(self._rows[row].family_id)
        return None if overdue is None else overdue_summary(overdue)

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
            self.OVERDUE: QCoreApplication.translate("CaseloadModel", "Overdue"),
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
        if role == _BOLD and index.column() == self.OVERDUE and self.is_late_on_plans(index.row()):
            return self._bold()
        if role == _TOOLTIP and index.column() == self.OVERDUE:
            return self._overdue_tooltip(index.row())
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
