"""Table models for sharing: the outbox (every summary this laptop shared and where it stands)
and a child's sharing history (decisions with their receipts and the front door's outcomes).

Plain `QAbstractTableModel`s over frozen service views, with column constants, testable without
a window. Times show in the laptop's local time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, cast

from PySide6 import QtCore
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
# Typed as what it returns (the text itself); the stubs say `object`.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
# QT_TRANSLATE_NOOP marks a text for the catalogue (pyside6-lupdate cannot follow a name
# through a dictionary to `translate`); `tr_name` translates it where it is shown.
LAWFUL_BASIS_NAMES = {
    "public_task": QT_TRANSLATE_NOOP("SyncModels", "Public task"),
    "legal_obligation": QT_TRANSLATE_NOOP("SyncModels", "Legal obligation"),
    "vital_interests": QT_TRANSLATE_NOOP("SyncModels", "Vital interests"),
    "consent": QT_TRANSLATE_NOOP("SyncModels", "Consent"),
}
CONSENT_NAMES = {
    "given": QT_TRANSLATE_NOOP("SyncModels", "Given"),
    "refused": QT_TRANSLATE_NOOP("SyncModels", "Refused"),
    "not_sought": QT_TRANSLATE_NOOP("SyncModels", "Not sought"),
}
# The names the core gives states, channels and front-door decisions (it has no Qt), marked
# here for the catalogue; tests/ui/test_translations.py checks none is missing.
CORE_NAMES = (
    QT_TRANSLATE_NOOP("SyncModels", "Waiting to send"),
    QT_TRANSLATE_NOOP("SyncModels", "Sending"),
    QT_TRANSLATE_NOOP("SyncModels", "Delivered"),
    QT_TRANSLATE_NOOP("SyncModels", "Paused"),
    QT_TRANSLATE_NOOP("SyncModels", "Needs action"),
    QT_TRANSLATE_NOOP("SyncModels", "Sent through HomeVisit"),
    QT_TRANSLATE_NOOP("SyncModels", "Phone call"),
    QT_TRANSLATE_NOOP("SyncModels", "Meeting"),
    QT_TRANSLATE_NOOP("SyncModels", "Email"),
    QT_TRANSLATE_NOOP("SyncModels", "Letter"),
    QT_TRANSLATE_NOOP("SyncModels", "Other"),
    QT_TRANSLATE_NOOP("SyncModels", "No further action"),
    QT_TRANSLATE_NOOP("SyncModels", "Early help"),
    QT_TRANSLATE_NOOP("SyncModels", "Assessment by children's social care"),
    QT_TRANSLATE_NOOP("SyncModels", "Strategy discussion"),
)


def tr_name(text: str) -> str:
    """A name marked above (or a text marked with the "SyncModels" context), translated."""
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
            return tr_name(self.HEADERS[section])
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
    HEADERS = (
        QT_TRANSLATE_NOOP("SyncModels", "Shared"), QT_TRANSLATE_NOOP("SyncModels", "Family"),
        QT_TRANSLATE_NOOP("SyncModels", "Assessment"), QT_TRANSLATE_NOOP("SyncModels", "State"),
        QT_TRANSLATE_NOOP("SyncModels", "Attempts"),
        QT_TRANSLATE_NOOP("SyncModels", "Receipt or problem"),
    )

    def text(self, item: OutboxRowView, column: int) -> str:
        if column == self.QUEUED:
            return when(item.queued_at)
        if column == self.FAMILY:
            return item.family_id
        if column == self.ASSESSMENT:
            return item.assessment_id
        if column == self.STATE:
            return tr_name(STATE_NAMES[item.state])
        if column == self.ATTEMPTS:
            return str(item.attempts)
        if item.state == "delivered":
            return QCoreApplication.translate("SyncModels", "Receipt %1, %2").replace("%1", item.receipt_reference or "").replace(
                "%2", when(item.delivered_at))
        if item.next_attempt_at is not None and item.state == "queued":
            return QCoreApplication.translate("SyncModels", "%1 (next try %2)").replace("%1", item.last_error).replace(
                "%2", when(item.next_attempt_at))
        return item.last_error


class ShareHistoryModel(_Table):
    WHEN, CHANNEL, RECIPIENT, BASIS, CONSENT, DELIVERY, OUTCOME = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("SyncModels", "When"), QT_TRANSLATE_NOOP("SyncModels", "How"),
        QT_TRANSLATE_NOOP("SyncModels", "With"), QT_TRANSLATE_NOOP("SyncModels", "Lawful basis"),
        QT_TRANSLATE_NOOP("SyncModels", "Consent"), QT_TRANSLATE_NOOP("SyncModels", "Delivery"),
        QT_TRANSLATE_NOOP("SyncModels", "Front door decision"),
    )

    def text(self, item: ShareRecord, column: int) -> str:
        d = item.decision
        if column == self.WHEN:
            return when(d.occurred_at) + (QCoreApplication.translate("SyncModels", " (shared again)") if d.repeats else "")
        if column == self.CHANNEL:
            return tr_name(CHANNEL_NAMES[d.channel])
        if column == self.RECIPIENT:
            return d.recipient
        if column == self.BASIS:
            return tr_name(LAWFUL_BASIS_NAMES[d.lawful_basis])
        if column == self.CONSENT:
            consent = tr_name(CONSENT_NAMES[d.consent])
            return f"{consent}: {d.consent_reason}" if d.consent_reason else consent
        if column == self.DELIVERY:
            if item.delivery is None:
                return ""
            if item.delivery.state == "delivered":
                return QCoreApplication.translate("SyncModels", "Delivered, receipt %1").replace("%1", item.delivery.receipt_reference or "")
            return tr_name(STATE_NAMES[item.delivery.state])
        return "; ".join(f"{tr_name(DECISION_NAMES[o.decision])} ({when(o.decided_at)})"
                         + (f": {o.note}" if o.note else "") for o in item.outcomes)
