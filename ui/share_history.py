"""A child's sharing history: every decision about the child (and the family as a whole), newest
first, with how it was shared, the receipt once delivered and the front door's decisions; and
"Record information shared…" for a disclosure made outside the app."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from app.services.sharing_views import ShareRecord, SharingDecisionView
from ui import sync_operations
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.share_dialog import SharingDecisionDialog, SharingRequest
from ui.sync_models import ShareHistoryModel
from ui.widgets import RecordTable


class ShareHistoryDialog(QDialog):
    message = Signal(str)

    def __init__(self, background: Background, family_id: str, child_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sharing history"))
        self._background = background
        self.family_id = family_id
        self.child_id = child_id
        self.form: SharingDecisionDialog | None = None
        self.model = ShareHistoryModel(self)
        self.table = RecordTable(self.tr("Information shared about this child"))
        self.table.setModel(self.model)
        self.record_button = QPushButton(self.tr("&Record information shared…"))
        self.record_button.setToolTip(self.tr("A call to the front door, a meeting, a letter: "
                                              "anything shared outside the app"))
        self.record_button.clicked.connect(self.record_disclosure)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def reload(self) -> None:
        def show(records: tuple[ShareRecord, ...]) -> None:
            self.model.set_rows(records)

        self._background.run(sync_operations.history(self.family_id, self.child_id), success=show,
                             failure=lambda error: self.message.emit(describe_failure(error)))

    def record_disclosure(self) -> None:
        self.form = SharingDecisionDialog(recipient=None, parent=self)
        self.form.submitted.connect(self._record)
        self.form.open()

    def _record(self, request: SharingRequest) -> None:
        assert request.occurred_at is not None

        def done(_decision: SharingDecisionView) -> None:
            self.message.emit(self.tr("The information shared is recorded."))
            self.reload()

        job = sync_operations.record_disclosure(
            self.family_id, self.child_id, request.basis, recipient=request.recipient,
            shared=request.shared, channel=request.channel, occurred_at=request.occurred_at)
        self._background.run(job, success=done, changes=family_changed(self.family_id, caseload=False),
                             failure=lambda error: self.message.emit(describe_failure(error)))
