"""The family's information-sharing decisions as a Qt table: one row per decision, whether the
information went through the app (Family Connect sync) or outside it (a phone call, a meeting,
a letter), with every field the DfE advice asks to be recorded.

Filled with the service's frozen `SharingDecisionView`s by the sharing tab; sorting is one
Python sort here by each column's value (times by instant, not by their text). Cell texts are
made once; the full text of a long cell is its tooltip. Tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QObject,
    Qt,
)

from app.services.sharing_views import CHANNEL_NAMES, SharingDecisionView
from ui.formatting import local_datetime_text
from ui.rows_model import Index, RowsModel
from ui.sync_models import CONSENT_NAMES, LAWFUL_BASIS_NAMES, tr_name

DECISION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TEXT_ROLES = (_DISPLAY, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)


class SharingDecisionsModel(RowsModel[SharingDecisionView]):
    (WHEN, HOW, RECIPIENT, ABOUT, PURPOSE, SHARED, LAWFUL_BASIS, CONDITION, CONSENT, WITHHELD,
     ADVICE, MADE_BY) = range(12)
    COLUMN_COUNT = 12

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: dict[str, str] = {}
        self._recorded: dict[str, int] = {}  # decision id -> its place in the recorded order
        self._cells: dict[tuple[int, int], str] = {}
        self._sort_column = self.WHEN
        self._sort_order = Qt.SortOrder.DescendingOrder  # the latest first

    def set_decisions(
        self, decisions: Sequence[SharingDecisionView], children: dict[str, str]
    ) -> None:
        """The family's decisions; `children` names the family's children by id."""
        self.beginResetModel()
        self._rows = list(decisions)
        self._recorded = {d.id: n for n, d in enumerate(self._rows)}
        self._children = dict(children)
        self._cells = {}
        self._sort_rows()
        self.endResetModel()

    def clear(self) -> None:
        self.set_decisions([], {})

    def row_at(self, row: int) -> SharingDecisionView:
        return self._rows[row]

    def row_of(self, decision_id: str) -> int:
        return next((n for n, d in enumerate(self._rows) if d.id == decision_id), -1)

    def headers(self) -> list[str]:
        return [
            self.tr("When"), self.tr("How"), self.tr("Shared with"), self.tr("About"),
            self.tr("Purpose"), self.tr("What was shared"), self.tr("Lawful basis"),
            self.tr("Special category condition"), self.tr("Consent"),
            self.tr("Identities withheld"), self.tr("Advice taken"), self.tr("Recorded by"),
        ]

    def how_shared(self, d: SharingDecisionView) -> str:
        """Through the app (and so the Family Connect sync) or outside it, and how."""
        if d.channel == "app":
            return self.tr("Through HomeVisit (Family Connect sync)")
        channel = tr_name(CHANNEL_NAMES[d.channel]).lower()
        return self.tr("Outside the app: %1").replace("%1", channel)

    def consent_text(self, d: SharingDecisionView) -> str:
        consent = tr_name(CONSENT_NAMES[d.consent])
        if d.consent_reason:
            return self.tr("%1: %2").replace("%1", consent).replace("%2", d.consent_reason)
        return consent

    def text(self, d: SharingDecisionView, column: int) -> str:
        if column == self.WHEN:
            return local_datetime_text(d.occurred_at)
        if column == self.HOW:
            return self.how_shared(d)
        if column == self.RECIPIENT:
            return d.recipient
        if column == self.ABOUT:
            if d.child_id is None:
                return self.tr("The whole family")
            return self._children.get(d.child_id, d.child_id)
        if column == self.PURPOSE:
            return d.purpose
        if column == self.SHARED:
            return d.shared
        if column == self.LAWFUL_BASIS:
            return tr_name(LAWFUL_BASIS_NAMES[d.lawful_basis])
        if column == self.CONDITION:
            return d.special_category_condition
        if column == self.CONSENT:
            return self.consent_text(d)
        if column == self.WITHHELD:
            return d.identities_withheld or self.tr("None")
        if column == self.ADVICE:
            return d.advice_taken or self.tr("None recorded")
        return (self.tr("%1, recorded %2").replace("%1", d.practitioner)
                .replace("%2", local_datetime_text(d.recorded_at)))

    def sort_key(self, d: SharingDecisionView, column: int) -> str | float:
        if column == self.WHEN:
            return d.occurred_at.timestamp()
        if column == self.MADE_BY:
            return d.practitioner.casefold()
        return self.text(d, column).casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in old]
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        moved = [self.index(self.row_of(i), index.column())
                 for i, index in zip(ids, old, strict=True)]
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        # Ties keep the order the decisions were recorded in.
        self._rows.sort(key=lambda d: self._recorded[d.id])
        self._rows.sort(key=lambda d: self.sort_key(d, self._sort_column),
                        reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._cells = {}

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in _TEXT_ROLES:
            key = (index.row(), index.column())
            if key not in self._cells:
                self._cells[key] = self.text(self._rows[index.row()], index.column())
            return self._cells[key]
        if role == DECISION_ID_ROLE:
            return self._rows[index.row()].id
        return None

