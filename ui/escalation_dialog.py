"""The escalation dialog, opened from a recurring-theme prompt's "escalate" button: what the
disagreement is about (prefilled from the prompt, to be put in the practitioner's own words),
with whom, which child (or the whole family), and who was contacted at the first stage.

The escalation is saved as raised from the prompt, so the record shows which pattern led to it;
it opens at the organisation's first stage with the response due that stage's working days on.
Without a prompt (the family page's plans tab) about what starts empty and nothing is cited.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services.chronology_views import PromptView
from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue
from ui.form_dialog import FormDialog
from ui.lived_wording import prompt_summary
from ui.plan_operations import NewEscalation
from ui.widgets import named_combo, named_text


class EscalationDialog(FormDialog):
    """Raise an escalation of a professional disagreement from a prompt."""

    def __init__(
        self,
        detail: FamilyDetail,
        prompt: PromptView | None,
        catalogue: ThemeCatalogue,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Raise an escalation"), parent)
        self.prompt_key = prompt.key if prompt is not None else None
        intro = QLabel(self.tr(
            "Escalate when you disagree with another professional's decision or response and "
            "the child's needs are not being met. It starts at your organisation's first stage."
        ))
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About escalation"))
        self.form.addRow(intro)
        self.about = named_text(self.tr("What the escalation is about"))
        if prompt is not None:
            self.about.setPlainText(prompt_summary(prompt, catalogue))
        self.form.addRow(self.tr("&About what"), self.about)
        self.with_whom = self.line(
            self.tr("&With whom"), self.tr("With whom (agency or professional)"), required=True
        )
        self.with_whom.setPlaceholderText(self.tr("for example, Family Connect duty team"))
        self.child = named_combo(self.tr("Child the escalation is about"))
        self.child.addItem(self.tr("The whole family"), None)
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        about = prompt.child_id if prompt is not None else None
        if about is not None and self.child.findData(about) >= 0:
            self.child.setCurrentIndex(self.child.findData(about))
        self.form.addRow(self.tr("&Child"), self.child)
        self.contact = self.line(
            self.tr("C&ontacted at stage 1"), self.tr("Who you contacted at the first stage")
        )
        self.with_whom.setFocus()

    def _try_accept(self) -> None:
        if not self.about.toPlainText().strip():
            self.problem.setText(self.tr("Say what the escalation is about."))
            self.about.setFocus()
            return
        super()._try_accept()

    def values(self) -> NewEscalation:
        child = self.child.currentData()
        return NewEscalation(
            prompt_key=self.prompt_key,
            about=self.about.toPlainText().strip(),
            with_whom=self.with_whom.text().strip(),
            child_id=None if child is None else str(child),
            contact=self.contact.text().strip(),
        )
