"""The threshold-decision dialog, opened from a recurring-theme prompt: what the organisation's
table suggests for the child and why, the organisation's levels to choose from, and the
practitioner's reasoning (required).

The tool suggests; the practitioner decides. The suggested level is preselected only as a
starting point, and the suggestion is kept with the decision whatever is chosen. The history
considered is the chronology and prompts in view when the decision is saved (the service takes
them at that moment), which the dialog says so nobody has to list them by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services.chronology_views import PromptView
from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue
from ui.form_dialog import FormDialog
from ui.lived_wording import prompt_summary
from ui.plan_operations import NewThresholdDecision, ThresholdChoices
from ui.widgets import named_combo, named_text


def _label(text: str, accessible: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    return label


class ThresholdDialog(FormDialog):
    """Record the level of need chosen for a child, with the suggestion shown and the reasoning."""

    def __init__(
        self,
        detail: FamilyDetail,
        prompt: PromptView | None,
        choices: ThresholdChoices,
        catalogue: ThemeCatalogue,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record a threshold decision"), parent)
        self._choices = choices
        self.prompt_key = prompt.key if prompt is not None else None
        if prompt is not None:
            self.form.addRow(_label(prompt_summary(prompt, catalogue), self.tr("The prompt")))
        self.child = named_combo(self.tr("Child"))
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        about = (None if prompt is None else
                 prompt.child_id or next((r.child_id for r in prompt.cited if r.child_id), None))
        if about is not None and self.child.findData(about) >= 0:
            self.child.setCurrentIndex(self.child.findData(about))
        self.form.addRow(self.tr("&Child"), self.child)
        self.suggestion = _label("", self.tr("Suggested level and why"))
        self.form.addRow(self.tr("Suggested"), self.suggestion)
        self.level = named_combo(self.tr("Level of need chosen"))
        for level in choices.levels:
            self.level.addItem(level.label, level.id)
            self.level.setItemData(
                self.level.count() - 1, level.description, Qt.ItemDataRole.ToolTipRole
            )
        self.form.addRow(self.tr("&Level of need"), self.level)
        self.level_text = _label("", self.tr("What this level means"))
        self.form.addRow(self.level_text)
        self.reasoning = named_text(self.tr("Reasoning for the level chosen"))
        self.reasoning.setPlaceholderText(
            self.tr("why this level: the history and patterns you weighed, and what you agreed")
        )
        self.form.addRow(self.tr("&Reasoning"), self.reasoning)
        document = choices.threshold_document or self.tr("the organisation's levels of need")
        self.form.addRow(_label(
            self.tr("Decided against %1. The chronology entries and prompts in view for the "
                    "child now are kept with the decision as the history considered.")
            .replace("%1", document),
            self.tr("History considered"),
        ))
        self.child.currentIndexChanged.connect(self._show_suggestion)
        self.level.currentIndexChanged.connect(self._show_level)
        self._show_suggestion()
        self._show_level()
        self.level.setFocus()

    def _show_suggestion(self) -> None:
        suggestion = self._choices.suggestion_for(str(self.child.currentData()))
        if suggestion is None:
            self.suggestion.setText(self.tr("No suggestion for this child."))
            return
        if suggestion.level_id is None:
            text = self.tr("No level suggested. %1").replace("%1", suggestion.explanation)
        else:
            text = (self.tr("%1 — %2").replace("%1", suggestion.level_label)
                    .replace("%2", suggestion.explanation))
            found = self.level.findData(suggestion.level_id)
            if found >= 0:
                self.level.setCurrentIndex(found)
        self.suggestion.setText(text)

    def _show_level(self) -> None:
        level = next((lv for lv in self._choices.levels if lv.id == self.level.currentData()),
                     None)
        if level is None:
            self.level_text.clear()
            return
        self.level_text.setText(
            self.tr("%1 Suggested response: %2").replace("%1", level.description)
            .replace("%2", level.response or self.tr("see the threshold document"))
        )

    def _try_accept(self) -> None:
        if self.child.currentData() is None:
            self.problem.setText(self.tr("Add the child to the family first."))
            return
        if not self.reasoning.toPlainText().strip():
            self.problem.setText(self.tr("Say why this level was chosen."))
            self.reasoning.setFocus()
            return
        super()._try_accept()

    def values(self) -> NewThresholdDecision:
        return NewThresholdDecision(
            child_id=str(self.child.currentData()),
            level=str(self.level.currentData()),
            reasoning=self.reasoning.toPlainText().strip(),
        )
