"""Family Connect in the desktop app: the sync control the main window owns, and its panel.

`SyncControl` owns the sync worker (`ui.sync_worker`), starts it when the profile unlocks and
stops it before the profile locks, shows its state in the status bar, and wakes it when a
summary is shared or the network comes back. `SyncPanel` (Profile › Family Connect…) shows this
laptop's enrolment with the gateway key fingerprints to compare, "Enrol…", and every summary
shared from this laptop with its state; "Send now" and "Try again" for one that needs action.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.sharing_views import EnrolmentView, OutboxRowView
from app.storage.database import Database
from ui import sync_operations
from ui.background import Background, describe_failure
from ui.connectivity import ConnectivityLabel, SyncStateLabel
from ui.enrol_dialog import EnrolDialog, fingerprint_text
from ui.share_actions import sharing_events
from ui.sync_models import OutboxModel
from ui.sync_worker import SyncStatus, SyncWorker
from ui.widgets import RecordTable


class SyncPanel(QDialog):
    def __init__(self, background: Background, worker: SyncWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Family Connect"))
        self._background = background
        self._worker = worker
        self.enrol_dialog: EnrolDialog | None = None
        self.enrolment = QLabel()
        self.enrolment.setAccessibleName(self.tr("Enrolment"))
        self.enrolment.setWordWrap(True)
        self.model = OutboxModel(self)
        self.table = RecordTable(self.tr("Summaries shared from this laptop"))
        self.table.setModel(self.model)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        enrol = QPushButton(self.tr("&Enrol…"))
        enrol.clicked.connect(self.enrol)
        send = QPushButton(self.tr("&Send now"))
        send.clicked.connect(lambda: worker.wake(send_now=True))
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setToolTip(self.tr("Send the selected summary again after fixing what "
                                             "its problem says"))
        self.retry_button.clicked.connect(self.try_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (enrol, send, self.retry_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enrolment)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        worker.pass_finished.connect(lambda _report: self.reload())
        self.resize(960, 480)

    def reload(self) -> None:
        def show_enrolment(view: EnrolmentView | None) -> None:
            self.enrolment.setText(
                self.tr("This laptop is not enrolled yet. Ask your administrator for a code.")
                if view is None else self.tr("Enrolled as %1 with ").replace("%1", view.device_id)
                + fingerprint_text(view))

        failed = self._show_problem
        self._background.run(sync_operations.current_enrolment(), success=show_enrolment, failure=failed)
        self._background.run(sync_operations.outbox_rows(), success=self.model.set_rows, failure=failed)

    def _show_problem(self, error: Exception) -> None:
        self.problem.setText(describe_failure(error))

    def enrol(self) -> None:
        self.enrol_dialog = EnrolDialog(self._background, self)
        self.enrol_dialog.enrolled.connect(self._enrolled)
        self.enrol_dialog.open()

    def _enrolled(self, _view: EnrolmentView) -> None:
        self.reload()
        self._worker.wake(send_now=True)  # a paused queue starts again

    def try_again(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.problem.setText(self.tr("Select a summary first."))
            return
        row: OutboxRowView = self.model.row_at(index.row())

        def queued(_row: OutboxRowView) -> None:
            self.reload()
            self._worker.wake(send_now=True)

        self._background.run(sync_operations.send_again(row.submission_id), success=queued,
                             failure=self._show_problem)


class SyncControl(QObject):
    """What the main window needs for sync: a few calls, so its own module stays small."""

    def __init__(self, window: QMainWindow, background: Background, label: SyncStateLabel,
                 connectivity: ConnectivityLabel) -> None:
        super().__init__(window)
        self._window = window
        self._background = background
        self.worker = SyncWorker(background, self)
        self.worker.status.connect(self._show)
        self.label = label
        self.panel: SyncPanel | None = None
        connectivity.online.connect(lambda: self.worker.wake(send_now=True))
        sharing_events().shared.connect(lambda: self.worker.wake())
        self.panel_action = QAction(self.tr("Family &Connect…"), window)
        self.panel_action.triggered.connect(self.show_panel)

    def _show(self, status: SyncStatus) -> None:
        if self._background.unlocked:
            self.label.show_status(status)

    def start(self) -> None:
        """After unlocking: hand the profile's database to the sync thread."""
        def begin(db: Database) -> None:
            if self._background.unlocked:
                self.worker.start(db)

        self._background.run(sync_operations.database(), success=begin, quiet=True)

    def stop(self) -> None:
        """Before locking (never blocks): the thread ends, and the status shows nothing."""
        self.worker.stop()
        self.label.show_status(None)
        if self.panel is not None:
            self.panel.close()

    def show_panel(self) -> None:
        if self.panel is None:
            self.panel = SyncPanel(self._background, self.worker, self._window)
        self.panel.show()
        self.panel.raise_()
        self.panel.reload()
