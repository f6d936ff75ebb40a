"""The family page's sharing buttons: "Share…" on the selected completed assessment, and the
child's "Sharing history…" (with "Record information shared…" for disclosures outside the app).

Every step runs on the database worker (`ui.sync_operations`); nothing here touches the network.
After a share the summary waits in the outbox and `sharing_events().shared` is emitted, so the
sync worker tries to send it at once (or as soon as the laptop is online).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.sharing_views import ShareResult
from ui import sync_operations
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.share_dialog import SharingDecisionDialog, SharingRequest
from ui.share_history import ShareHistoryDialog
from ui.sync_operations import ShareContext


class SharingEvents(QObject):
    shared = Signal()  # a summary was queued: worth a sync pass now


_EVENTS: SharingEvents | None = None


def sharing_events() -> SharingEvents:
    global _EVENTS
    if _EVENTS is None:
        _EVENTS = SharingEvents()
    return _EVENTS


class ShareActions(QObject):
    message = Signal(str)

    def __init__(self, background: Background, selected: Callable[[], str | None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._background = background
        self._selected = selected
        self._parent = parent
        self.dialog: SharingDecisionDialog | None = None
        self.history: ShareHistoryDialog | None = None
        self.share_button = QPushButton(self.tr("S&hare…"))
        self.share_button.setToolTip(self.tr("Share the selected completed assessment with Family "
                                             "Connect, recording the information-sharing decision"))
        self.share_button.clicked.connect(self.share_selected)
        self.history_button = QPushButton(self.tr("Sharing histor&y…"))
        self.history_button.setToolTip(self.tr("What was shared about this child, with whom, "
                                               "the receipts and the front door's decisions"))
        self.history_button.clicked.connect(self.show_history)

    def _with_context(self, then: Callable[[ShareContext], None]) -> None:
        assessment_id = self._selected()
        if assessment_id is None:
            self.message.emit(self.tr("Select an assessment first."))
            return
        self._background.run(sync_operations.share_context(assessment_id), success=then,
                             failure=lambda error: self.message.emit(describe_failure(error)))

    def share_selected(self) -> None:
        self._with_context(self._open_share)

    def _open_share(self, context: ShareContext) -> None:
        if not context.complete:
            self.message.emit(self.tr("Only a completed assessment can be shared; complete it first."))
            return
        if context.enrolment is None:
            self.message.emit(self.tr("Enrol this laptop first: Profile › Family Connect…"))
            return
        recipient = f"{context.enrolment.organisation_name} ({context.enrolment.organisation})"
        self.dialog = SharingDecisionDialog(recipient=recipient, earlier=context.earlier,
                                            parent=self._parent)
        self.dialog.submitted.connect(lambda request: self._share(context, request))
        self.dialog.open()

    def _share(self, context: ShareContext, request: SharingRequest) -> None:
        def done(result: ShareResult) -> None:
            again = self.tr(" (a second share)") if result.repeat else ""
            self.message.emit(self.tr("Shared%1: it will be sent to Family Connect when the laptop "
                                      "is online.").replace("%1", again))
            sharing_events().shared.emit()

        self._background.run(sync_operations.share(context.assessment_id, request.basis),
                             success=done, changes=family_changed(context.family_id, caseload=False),
                             failure=lambda error: self.message.emit(describe_failure(error)))

    def show_history(self) -> None:
        self._with_context(self._open_history)

    def _open_history(self, context: ShareContext) -> None:
        self.history = ShareHistoryDialog(self._background, context.family_id, context.child_id,
                                          self._parent)
        self.history.message.connect(self.message)
        self.history.open()
        self.history.reload()
