"""The status bar's connectivity and sync state: online, offline or unknown; and what is waiting
to be sent to Family Connect, being sent, delivered, or needs the practitioner's action.

Reachability comes from QNetworkInformation where the platform has a backend (NetworkManager,
Windows, macOS); otherwise the state is shown as unknown rather than guessed. Coming back online
is announced (`online`), so the sync worker can try at once instead of waiting for its schedule.
The sync state is drawn from `ui.sync_worker.SyncStatus` values; this module never reads the
database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from ui.sync_worker import SyncStatus

Reachability = QNetworkInformation.Reachability


def _tr(text: str) -> str:
    return QCoreApplication.translate("Connectivity", text)


def describe_reachability(reachability: Reachability | None) -> str:
    if reachability == Reachability.Online:
        return _tr("Online")
    if reachability in (Reachability.Disconnected, Reachability.Local, Reachability.Site):
        return _tr("Offline")
    return _tr("Connection unknown")


def describe_sync(status: SyncStatus | None) -> str:
    """One short line: what waits, what is being sent, what was delivered, what needs action."""
    if status is None:
        return _tr("Nothing waiting to send")
    if not status.enrolled:
        return _tr("Not enrolled with Family Connect")
    counts = status.counts
    parts = []
    waiting = counts.queued + (0 if status.sending_now else counts.sending)
    sending = counts.sending if status.sending_now else 0
    if waiting:
        parts.append(_tr("%n waiting").replace("%n", str(waiting)))
    if sending:
        parts.append(_tr("%n sending").replace("%n", str(sending)))
    if counts.paused:
        parts.append(_tr("%n paused").replace("%n", str(counts.paused)))
    if counts.needs_action:
        parts.append(_tr("%n need action").replace("%n", str(counts.needs_action)))
    if counts.delivered:
        parts.append(_tr("%n delivered").replace("%n", str(counts.delivered)))
    if not parts:
        return _tr("Nothing waiting to send")
    return _tr("Family Connect: ") + " · ".join(parts)


def _network_information() -> QNetworkInformation | None:
    info = QNetworkInformation.instance()
    if info is None and QNetworkInformation.loadBackendByFeatures(
        QNetworkInformation.Feature.Reachability
    ):
        info = QNetworkInformation.instance()
    return info


class ConnectivityLabel(QLabel):
    online = Signal()  # the network came back: worth trying to send now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Connection"))
        self._last: Reachability | None = None
        info = _network_information()
        if info is not None:
            info.reachabilityChanged.connect(self.show_reachability)
            self.show_reachability(info.reachability())
        else:
            self.show_reachability(None)

    def show_reachability(self, reachability: Reachability | None) -> None:
        self.setText(describe_reachability(reachability))
        if reachability == Reachability.Online and self._last not in (None, Reachability.Online):
            self.online.emit()
        self._last = reachability


class SyncStateLabel(QLabel):
    """What waits to be sent to Family Connect, being sent, delivered, or needs action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sync state"))
        self.show_status(None)

    def show_status(self, status: SyncStatus | None) -> None:
        self.setText(describe_sync(status))
        needs = status is not None and (status.counts.needs_action or status.counts.paused)
        tip = self.tr("Open Profile › Family Connect… to see each summary and what to do.")
        if status is not None and status.paused:
            tip = status.paused[:1].upper() + status.paused[1:] + ". " + tip
        self.setToolTip(tip if needs or status is None or status.enrolled else
                        self.tr("Enrol this laptop in Profile › Family Connect…"))
        font = self.font()
        font.setBold(bool(needs))
        self.setFont(font)
