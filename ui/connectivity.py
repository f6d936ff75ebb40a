"""The status bar's connectivity and sync state: online, offline or unknown; nothing queued.

Reachability comes from QNetworkInformation where the platform has a backend (NetworkManager,
Windows, macOS); otherwise the state is shown as unknown rather than guessed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QWidget

Reachability = QNetworkInformation.Reachability


def describe_reachability(reachability: Reachability | None) -> str:
    if reachability == Reachability.Online:
        return QCoreApplication.translate("Connectivity", "Online")
    if reachability in (Reachability.Disconnected, Reachability.Local, Reachability.Site):
        return QCoreApplication.translate("Connectivity", "Offline")
    return QCoreApplication.translate("Connectivity", "Connection unknown")


def _network_information() -> QNetworkInformation | None:
    info = QNetworkInformation.instance()
    if info is None and QNetworkInformation.loadBackendByFeatures(
        QNetworkInformation.Feature.Reachability
    ):
        info = QNetworkInformation.instance()
    return info


class ConnectivityLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Connection"))
        info = _network_information()
        if info is not None:
            info.reachabilityChanged.connect(self.show_reachability)
            self.show_reachability(info.reachability())
        else:
            self.show_reachability(None)

    def show_reachability(self, reachability: Reachability | None) -> None:
        self.setText(describe_reachability(reachability))


class SyncStateLabel(QLabel):
    """What waits to be sent to Family Connect; nothing until the sync feature lands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sync state"))
        self.setText(self.tr("Nothing waiting to send"))
