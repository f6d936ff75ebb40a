"""The information-sharing decision form: for sharing a completed GCP2 through the app, and for
recording a disclosure made outside it (a call to the front door, a meeting, a letter).

The same fields either way, as the DfE advice asks them to be recorded: with whom, why, the
lawful basis and special category condition, consent given / refused / not sought and why,
whose identity was withheld, what advice was taken. The decision's rules are the service's
(`app.services.sharing.check_basis`), checked here before the dialog closes so the practitioner
sees the one sentence at once. An assessment shared before says so: sharing again is allowed,
and recorded as a second share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QWidget

from app.errors import UsageError
from app.services.sharing import DEFAULT_CONDITION, DEFAULT_PURPOSE, DecisionBasis, check_basis
from app.services.sharing_views import CHANNEL_NAMES, SharingDecisionView
from ui.form_dialog import FormDialog
from ui.sync_models import CONSENT_NAMES, LAWFUL_BASIS_NAMES, tr_name, when

OUTSIDE_CHANNELS = tuple(c for c in CHANNEL_NAMES if c != "app")


@dataclass(frozen=True)
class SharingRequest:
    basis: DecisionBasis
    recipient: str = ""  # outside the app only
    shared: str = ""
    channel: str = "app"
    occurred_at: datetime | None = None


class SharingDecisionDialog(FormDialog):
    def __init__(self, *, recipient: str | None, earlier: list[SharingDecisionView] | None = None,
                 parent: QWidget | None = None) -> None:
        """`recipient` set: a share through the app to that organisation; None: a disclosure
        outside the app, whose recipient, channel, time and content are asked for."""
        through_app = recipient is not None
        super().__init__(self.tr("Share with Family Connect") if through_app
                         else self.tr("Record information shared"), parent)
        self.through_app = through_app
        if through_app:
            self.form.addRow(self.tr("Shared with"), QLabel(recipient))
            self.recipient = None
            self.shared = None
            self.channel = None
            self.occurred = None
        else:
            self.recipient = self.line(self.tr("Shared &with"), self.tr("Shared with"), required=True)
            self.channel = QComboBox()
            self.channel.setAccessibleName(self.tr("How it was shared"))
            for code in OUTSIDE_CHANNELS:
                self.channel.addItem(tr_name(CHANNEL_NAMES[code]), code)
            self.form.addRow(self.tr("&How"), self.channel)
            self.occurred = QDateTimeEdit(QDateTime.currentDateTime())
            self.occurred.setAccessibleName(self.tr("When it was shared"))
            self.occurred.setCalendarPopup(True)
            self.form.addRow(self.tr("Wh&en"), self.occurred)
            self.shared = self.line(self.tr("W&hat was shared"), self.tr("What was shared"), required=True)
        self.purpose = self.line(self.tr("&Purpose"), self.tr("Purpose"), required=True)
        self.purpose.setText(DEFAULT_PURPOSE if through_app else "")
        self.lawful_basis = self._choice(self.tr("&Lawful basis"), self.tr("Lawful basis"), LAWFUL_BASIS_NAMES)
        self.condition = self.line(self.tr("Special &category condition"),
                                   self.tr("Special category condition"), required=True)
        self.condition.setText(DEFAULT_CONDITION)
        self.consent = self._choice(self.tr("C&onsent"), self.tr("Consent"), CONSENT_NAMES)
        self.reason = self.line(self.tr("&Reason about consent"), self.tr("Reason about consent"))
        self.reason.setPlaceholderText(self.tr("Why consent was not sought or sharing went ahead"))
        self.withheld = self.line(self.tr("&Identities withheld"), self.tr("Identities withheld"))
        self.advice = self.line(self.tr("&Advice taken"), self.tr("Advice taken"))
        if earlier:
            note = QLabel(self.tr("Shared before on %1. Sharing again sends a new copy, recorded "
                                  "as a second share.").replace("%1", when(earlier[-1].occurred_at)))
            note.setWordWrap(True)
            note.setAccessibleName(self.tr("Shared before"))
            self.form.addRow(note)
            self.shared_before = note

    def _choice(self, label: str, accessible: str, names: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(accessible)
        for code, name in names.items():
            box.addItem(tr_name(name), code)
        self.form.addRow(label, box)
        return box

    def basis(self) -> DecisionBasis:
        return DecisionBasis(
            lawful_basis=str(self.lawful_basis.currentData()), consent=str(self.consent.currentData()),
            consent_reason=self.reason.text().strip(), purpose=self.purpose.text().strip(),
            special_category_condition=self.condition.text().strip(),
            identities_withheld=self.withheld.text().strip(), advice_taken=self.advice.text().strip(),
        )

    def values(self) -> SharingRequest:
        if self.through_app:
            return SharingRequest(self.basis())
        assert self.recipient is not None and self.shared is not None
        assert self.channel is not None and self.occurred is not None
        moment = self.occurred.dateTime().toPython()
        assert isinstance(moment, datetime)
        return SharingRequest(self.basis(), self.recipient.text().strip(), self.shared.text().strip(),
                              str(self.channel.currentData()), moment.astimezone())

    def _try_accept(self) -> None:
        try:
            check_basis(self.basis())
        except UsageError as error:
            text = error.message
            self.problem.setText(text[:1].upper() + text[1:] + ".")
            self.reason.setFocus()
            return
        super()._try_accept()
