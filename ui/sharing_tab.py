"""The family page's "Information sharing" tab: every information-sharing decision about the
family — summaries shared through the app (and so the Family Connect sync) and disclosures
made outside it (phone calls, meetings, letters) — with all the fields the DfE advice asks
to be recorded, and "Record a disclosure…" for one made outside the app.

Opening a family must stay fast, so the decisions are read (one job on the DB worker) only
while the tab is shown: when it is first shown for a family, or when the family is reloaded
while it is shown (after a save). Until then the tab only remembers which family it is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import sharing
from app.services.sharing_views import SharingDecisionView
from app.services.views import FamilyDetail
from ui import sync_operations
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.disclosure_dialog import DisclosureDialog, NewDisclosure
from ui.operations import Job, reading
from ui.sharing_models import SharingDecisionsModel
from ui.when_shown import ReadWhenShown
from ui.widgets import RecordTable


@dataclass(frozen=True)
class FamilyDecisions:
    family_id: str
    decisions: tuple[SharingDecisionView, ...]


def load_decisions(family_id: str) -> Job[FamilyDecisions]:
    return reading(lambda uow: FamilyDecisions(
        family_id, sharing.decisions_of_family(uow, family_id)))


class SharingTab(QWidget):
    message = Signal(str)
    loaded = Signal(object)  # FamilyDecisions

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.detail: FamilyDetail | None = None
        self._reader = ReadWhenShown(self, self._load_now)
        self.dialog: DisclosureDialog | None = None
        intro = QLabel(self.tr(
            "What was shared about this family, with whom and why: through HomeVisit (Family "
            "Connect sync) and outside the app. Record every disclosure: when, with whom, why, "
            "what, the lawful basis, consent, and any advice taken."))
        intro.setWordWrap(True)
        self.model = SharingDecisionsModel(self)
        self.table = RecordTable(self.tr("Information-sharing decisions"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SharingDecisionsModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setStretchLastSection(False)
        em = self.fontMetrics().horizontalAdvance("M")
        for column in range(SharingDecisionsModel.COLUMN_COUNT):
            self.table.horizontalHeader().resizeSection(column, 11 * em)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Decisions shown"))
        self.record_button = QPushButton(self.tr("Record a disclos&ure…"))
        self.record_button.setToolTip(self.tr(
            "Information shared outside the app: a call to the front door, a meeting, a letter"))
        self.record_button.clicked.connect(self.record_disclosure)
        self.record_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # -- loading only while shown ------------------------------------------------------------

    def load(self, detail: FamilyDetail) -> None:
        """The family was (re)loaded: read its decisions now if the tab is shown, else later."""
        if self.detail is None or self.detail.id != detail.id:
            self.model.clear()  # never another family's decisions under this one's name
            self.count.clear()
        self.detail = detail
        self.record_button.setEnabled(True)
        self._reader.request()

    def _load_now(self) -> None:
        if self.detail is None:
            return
        self._background.run(load_decisions(self.detail.id), success=self._show,
                             failure=lambda error: self.message.emit(describe_failure(error)))

    def _show(self, found: FamilyDecisions) -> None:
        if not self._background.unlocked or self.detail is None:
            return
        if found.family_id != self.detail.id:
            return  # another family was opened meanwhile
        children = {c.id: c.name for c in self.detail.children}
        self.model.set_decisions(found.decisions, children)
        self.count.setText(self.tr("Decisions recorded: %1").replace(
            "%1", str(len(found.decisions))))
        self.loaded.emit(found)

    def clear(self) -> None:
        """Forget the family (on lock)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.detail = None
        self._reader.cancel()
        self.model.clear()
        self.count.clear()
        self.record_button.setEnabled(False)

    # -- recording a disclosure ----------------------------------------------------------------

    def record_disclosure(self) -> None:
        if self.detail is None or self.dialog is not None:
            return
        family_id = self.detail.id
        dialog = DisclosureDialog(self.detail, self)
        self.dialog = dialog
        dialog.submitted.connect(lambda new: self._save(family_id, dialog, new))
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    def _dialog_finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back
        self.record_button.setFocus()

    def _save(self, family_id: str, dialog: DisclosureDialog, new: NewDisclosure) -> None:
        request = new.request
        assert request.occurred_at is not None

        def saved(_decision: SharingDecisionView) -> None:
            dialog.saved()
            self.message.emit(self.tr("Disclosure recorded with %1.").replace(
                "%1", request.recipient))

        def refused(error: Exception) -> None:
            if self.dialog is dialog:
                dialog.refused(describe_failure(error))
            else:  # the dialog was closed (the laptop locked) while saving
                self.message.emit(describe_failure(error))

        self._background.run(
            sync_operations.record_disclosure(
                family_id, new.child_id, request.basis, recipient=request.recipient,
                shared=request.shared, channel=request.channel, occurred_at=request.occurred_at),
            success=saved, failure=refused,
            changes=family_changed(family_id, caseload=False),
        )
