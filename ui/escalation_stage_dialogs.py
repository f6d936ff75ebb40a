"""The dialogs that take an escalation on: to the next stage of the organisation's procedure
(saying who that stage goes to and how long they have to respond), and its outcome, which
closes it. Raising one is `ui.escalation_dialog`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services.plans_views import EscalationView
from assessments.escalation import EscalationStage
from ui.form_dialog import FormDialog
from ui.formatting import date_text
from ui.plan_tab_operations import NextStage
from ui.widgets import named_text


def _note(text: str, accessible: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    return label


class NextStageDialog(FormDialog):
    """Move an escalation with no resolution to the next stage."""

    def __init__(self, escalation: EscalationView, stage: EscalationStage,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move the escalation on a stage"), parent)
        self.form.addRow(_note(
            self.tr("About: %1. With: %2.").replace("%1", escalation.about)
            .replace("%2", escalation.with_whom), self.tr("The escalation")))
        self.stage_text = _note(
            self.tr("Stage %1: %2. At this stage: %3. A response is due %n working day(s) "
                    "after it opens.", "", stage.working_days)
            .replace("%1", str(stage.number)).replace("%2", stage.name)
            .replace("%3", stage.who),
            self.tr("What the next stage asks"))
        self.form.addRow(self.stage_text)
        self.contact = self.line(self.tr("C&ontacted"),
                                 self.tr("Who you contacted at this stage"))
        self.note = named_text(self.tr("Note on the stage"))
        self.note.setPlaceholderText(self.tr("what you asked for, and why it is not resolved"))
        self.form.addRow(self.tr("&Note"), self.note)
        self.contact.setFocus()

    def values(self) -> NextStage:
        return NextStage(self.contact.text().strip(), self.note.toPlainText().strip())


class OutcomeDialog(FormDialog):
    """Record what was decided; the escalation closes."""

    def __init__(self, escalation: EscalationView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record the outcome of the escalation"), parent)
        current = escalation.current
        self.form.addRow(_note(
            self.tr("About: %1. With: %2. Raised %3; now at stage %4.")
            .replace("%1", escalation.about).replace("%2", escalation.with_whom)
            .replace("%3", date_text(escalation.raised_at.date()))
            .replace("%4", str(current.stage)), self.tr("The escalation")))
        self.outcome = named_text(self.tr("Outcome of the escalation"))
        self.outcome.setPlaceholderText(self.tr("what was agreed, and by whom"))
        self.form.addRow(self.tr("&Outcome"), self.outcome)
        self.form.addRow(_note(self.tr("Recording the outcome closes the escalation."),
                               self.tr("About closing")))
        self.outcome.setFocus()

    def _try_accept(self) -> None:
        if not self.outcome.toPlainText().strip():
            self.problem.setText(self.tr("Say what the outcome was."))
            self.outcome.setFocus()
            return
        super()._try_accept()

    def values(self) -> str:
        return self.outcome.toPlainText().strip()
