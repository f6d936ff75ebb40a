"""The "Record a disclosure…" form of the family's information-sharing tab: information shared
outside the app (a call to the front door, a strategy meeting, a letter), with the same fields
as a share through the app — with whom, how, when, what, why, the lawful basis and special
category condition, consent given / refused / not sought and why, identities withheld, advice
taken — and which child it was about (or the whole family).

Built on the sharing-decision form (`ui.share_dialog`), so both ask the same questions. Unlike
the other record forms it stays open while the disclosure is saved: the tab calls `saved()` to
close it or `refused(sentence)` to show the service's one-sentence reason where the
practitioner is still looking, with everything they typed kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.errors import UsageError
from app.services.sharing import check_basis
from app.services.views import FamilyDetail
from ui.background import describe_failure
from ui.share_dialog import SharingDecisionDialog, SharingRequest
from ui.widgets import named_combo

# A clock a little ahead of the laptop's (a phone's, a meeting room's) is not "the future".
_CLOCK_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class NewDisclosure:
    request: SharingRequest  # recipient, what, how, when and the decision's basis
    child_id: str | None  # None: about the whole family


class DisclosureDialog(SharingDecisionDialog):
    def __init__(self, detail: FamilyDetail, parent: QWidget | None = None) -> None:
        super().__init__(recipient=None, parent=parent)
        self.setWindowTitle(self.tr("Record a disclosure made outside the app"))
        assert self.recipient is not None and self.shared is not None
        assert self.occurred is not None
        # "&How" and "W&hat was shared" of the shared form would both answer Alt+H.
        label = self.form.labelForField(self.shared)
        if isinstance(label, QLabel):
            label.setText(self.tr("What was &shared"))
            label.setBuddy(self.shared)
        self.child = named_combo(self.tr("Who the disclosure was about"))
        self.child.addItem(self.tr("The whole family"), None)
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        row = self._row_of(self.occurred)
        self.form.insertRow(row + 1, self.tr("A&bout"), self.child)
        self._required: tuple[QLineEdit, ...] = (
            self.recipient, self.shared, self.purpose, self.condition)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = ok
        self.recipient.setFocus()

    def _row_of(self, field: QWidget) -> int:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is field:
                return row
        return self.form.rowCount() - 1

    def disclosure(self) -> NewDisclosure:
        """What `submitted` carries: the shared form's values and who it was about."""
        child = self.child.currentData()
        return NewDisclosure(self.values(), None if child is None else str(child))

    def _problem(self) -> tuple[str, QWidget] | None:
        """The first thing that stops the disclosure being recorded, and where to fix it."""
        for field in self._required:
            if not field.text().strip():
                return (QCoreApplication.translate("FormDialog", "Please fill in: %1")
                        .replace("%1", field.accessibleName()), field)
        assert self.occurred is not None
        moment = self.occurred.dateTime().toPython()
        assert isinstance(moment, datetime)
        if moment.astimezone() > datetime.now().astimezone() + _CLOCK_SLACK:
            return self.tr("The time it was shared cannot be in the future."), self.occurred
        basis = self.basis()
        try:
            check_basis(basis)
        except UsageError as error:
            where: QWidget = self.reason
            if basis.lawful_basis == "consent" and basis.consent != "given":
                where = self.lawful_basis
            return describe_failure(error), where
        return None

    def _try_accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            text, field = problem
            self.problem.setText(text)
            field.setFocus()
            return
        self.ok_button.setEnabled(False)  # one save at a time
        self.problem.setText(self.tr("Saving…"))
        self.submitted.emit(self.disclosure())

    def saved(self) -> None:
        if self.isVisible():  # not already cancelled while the save ran
            self.accept()

    def refused(self, sentence: str) -> None:
        """The service refused the disclosure: say why and let the practitioner put it right."""
        self.problem.setText(sentence)
        self.ok_button.setEnabled(True)
        self.ok_button.setFocus()
