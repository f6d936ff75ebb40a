"""What a recurring-theme prompt's "strategy meeting" and "escalate" buttons do once the plans
feature is in: record a threshold decision, and raise an escalation, from the prompt.

`PlanPromptActions.install(actions)` replaces those two entries of the family page's
`PromptActions` table. Each handler first fetches what its dialog needs on the DB worker (the
levels and the suggestions), opens the dialog, and saves on the worker; the typed `Changes` of
the save reload the family, so the chronology shows the new decision or escalation. The GUI
thread never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject

from app.services.chronology_views import PromptView
from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue, default_catalogue
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.escalation_dialog import EscalationDialog
from ui.form_dialog import FormDialog
from ui.formatting import date_text
from ui.lived_wording import tr  # bare tr(): lupdate files these under the empty context
from ui.plan_operations import (
    NewEscalation,
    NewThresholdDecision,
    ThresholdChoices,
    raise_escalation,
    record_threshold_decision,
    threshold_choices,
)
from ui.prompt_banner import ESCALATION, STRATEGY_MEETING
from ui.threshold_dialog import ThresholdDialog

if TYPE_CHECKING:
    from ui.family_page import FamilyPage
    from ui.prompt_actions import PromptActions


class PlanPromptActions(QObject):
    """The threshold-decision and escalation handlers of one family page."""

    def __init__(self, page: FamilyPage, background: Background) -> None:
        super().__init__(page)
        self._page = page
        self._background = background
        self.dialog: FormDialog | None = None
        # The banner is hidden when the page forgets the family (on lock) or its prompts are
        # gone: a dialog quoting the prompt must not outlive it on screen. (Minimising is a
        # spontaneous hide and keeps the dialog.)
        page.prompts.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Hide and not event.spontaneous()
                and self.dialog is not None):
            self.dialog.close()
        return super().eventFilter(watched, event)

    def install(self, actions: PromptActions) -> None:
        actions[STRATEGY_MEETING] = self.threshold_decision
        actions[ESCALATION] = self.escalation

    def _catalogue(self) -> ThemeCatalogue:
        shown = self._page.chronology.chronology
        return shown.catalogue if shown is not None else default_catalogue()

    def _open(self, dialog: FormDialog, save: Callable[[Any], None]) -> None:
        self.dialog = dialog
        dialog.submitted.connect(save)
        dialog.finished.connect(self._finished)
        dialog.open()

    def _finished(self) -> None:
        self.dialog = None
        self._page.window().activateWindow()  # not every platform hands activation back

    def _failed(self, error: Exception) -> None:
        self._page.message.emit(describe_failure(error))

    # -- threshold decision ------------------------------------------------------------------

    def threshold_decision_now(self) -> None:
        """A threshold decision for the family shown, with no prompt behind it (its plans tab)."""
        if self._page.detail is not None:
            self.threshold_decision(self._page.detail, None)

    def threshold_decision(self, detail: FamilyDetail, prompt: PromptView | None) -> None:
        if self.dialog is not None:
            return
        if not detail.children:
            self._page.message.emit(tr("Add the child first: a threshold decision is for a child."))
            return
        self._background.run(
            threshold_choices([c.id for c in detail.children]),
            success=lambda choices: self._choose_level(detail, prompt, choices),
            failure=self._failed,
        )

    def _choose_level(
        self, detail: FamilyDetail, prompt: PromptView | None, choices: ThresholdChoices
    ) -> None:
        if self.dialog is not None or self._page.family_id != detail.id:
            return  # another dialog opened, or the page moved on, while the levels loaded
        dialog = ThresholdDialog(detail, prompt, choices, self._catalogue(), self._page)
        self._open(dialog, lambda new: self._save_decision(detail.id, new))

    def _save_decision(self, family_id: str, new: NewThresholdDecision) -> None:
        self._background.run(
            record_threshold_decision(new),
            success=lambda view: self._page.message.emit(
                tr("Threshold decision recorded: %1.").replace("%1", view.level_label)
            ),
            failure=self._failed,
            changes=family_changed(family_id, caseload=False),
        )

    # -- escalation --------------------------------------------------------------------------

    def escalation(self, detail: FamilyDetail, prompt: PromptView) -> None:
        if self.dialog is not None:
            return
        dialog = EscalationDialog(detail, prompt, self._catalogue(), self._page)
        self._open(dialog, lambda new: self._save_escalation(detail.id, new))

    def _save_escalation(self, family_id: str, new: NewEscalation) -> None:
        self._background.run(
            raise_escalation(family_id, new),
            success=lambda view: self._page.message.emit(
                tr("Escalation raised with %1; response due %2.")
                .replace("%1", view.with_whom)
                .replace("%2", date_text(view.current.response_due))
            ),
            failure=self._failed,
            changes=family_changed(family_id, caseload=True),
        )

