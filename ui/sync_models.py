"""Table models for sharing: the outbox (every summary this laptop shared and where it stands)
and a child's sharing history (decisions with their receipts and the front door's outcomes).

Plain `QAbstractTableModel`s over frozen service views, with column constants, testable without
a window. Times show in the laptop's local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.sharing_chronology import DECISION_NAMES
from app.services.sharing_views import CHANNEL_NAMES, STATE_NAMES, OutboxRowView, ShareRecord

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
LAWFUL_BASIS_NAMES = {
    "public_task": "Public task",
    "legal_obligation": "Legal obligation",
    "vital_interests": "Vital interests",
    "consent": "Consent",
}
CONSENT_NAMES = {"given": "Given", "refused": "Refused", "not_sought": "Not sought"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncModels", text)


def when(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%d %b %Y %H:%M")


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def text(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self._rows[index.row()], index.column())
        return None


class OutboxModel(_Table):
    QUEUED, FAMILY, ASSESSMENT, STATE, ATTEMPTS, DETAIL = range(6)
    HEADERS = ("Shared", "Family", "Assessment", "State", "Attempts", "Receipt or problem")

    def text(self, item: OutboxRowView, column: int) -> str:
        if column == self.QUEUED:
            return when(item.queued_at)
        if column == self.FAMILY:
            return item.family_id
        if column == self.ASSESSMENT:
            return item.assessment_id
        if column == self.STATE:
            return _tr(STATE_NAMES[item.state])
        if column == self.ATTEMPTS:
            return str(item.attempts)
        if item.state == "delivered":
            return _tr("Receipt %1, %2").replace("%1", item.receipt_reference or "").replace(
                "%2", when(item.delivered_at))
        if item.next_attempt_at is not None and item.state == "queued":
            return _tr("%1 (next try %2)").replace("%1", item.last_error).replace(
                "%2", when(item.next_attempt_at))
        return item.last_error


class ShareHistoryModel(_Table):
    WHEN, CHANNEL, RECIPIENT, BASIS, CONSENT, DELIVERY, OUTCOME = range(7)
    HEADERS = ("When", "How", "With", "Lawful basis", "Consent", "Delivery", "Front door decision")

    def text(self, item: ShareRecord, column: int) -> str:
        d = item.decision
        if column == self.WHEN:
            return when(d.occurred_at) + (_tr(" (shared again)") if d.repeats else "")
        if column == self.CHANNEL:
            return _tr(CHANNEL_NAMES[d.channel])
        if column == self.RECIPIENT:
            return d.recipient
        if column == self.BASIS:
            return _tr(LAWFUL_BASIS_NAMES[d.lawful_basis])
        if column == self.CONSENT:
            consent = _tr(CONSENT_NAMES[d.consent])
            return f"{consent}: {d.consent_reason}" if d.consent_reason else consent
        if column == self.DELIVERY:
            if item.delivery is None:
                return ""
            if item.delivery.state == "delivered":
                return _tr("Delivered, receipt %1").replace("%1", item.delivery.receipt_reference or "")
            return _tr(STATE_NAMES[item.delivery.state])
        return "; ".join(f"{_tr(DECISION_NAMES[o.decision])} ({when(o.decided_at)})"
                         + (f": {o.note}" if o.note else "") for o in item.outcomes)
