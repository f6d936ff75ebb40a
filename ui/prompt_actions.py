"""What the buttons of a recurring-theme prompt do on a family page: a table from action to
handler, so that the plans and escalation screens can take over their entries.

`PromptActions` is a dict `action -> handler(FamilyDetail, PromptView)` listening to the page's
prompt banner. By default a GCP2 re-grade opens the GCP2 of the child the prompt's records are
about, and a strategy meeting or an escalation only says how to go on; replace an entry
(`family_page.prompt_actions[ESCALATION] = raise_escalation`) to record the decision instead.
The plans feature does so (`ui.plan_prompt_actions`): a strategy meeting records a threshold
decision, an escalation raises one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.services.chronology_views import PromptView
from app.services.views import FamilyDetail
from ui.plan_prompt_actions import PlanPromptActions
from ui.prompt_banner import ESCALATION, GCP2_REGRADE, STRATEGY_MEETING

if TYPE_CHECKING:
    from ui.family_page import FamilyPage

Handler = Callable[[FamilyDetail, PromptView], None]


class PromptActions(dict[str, Handler]):
    def __init__(self, page: FamilyPage) -> None:
        super().__init__(
            {
                GCP2_REGRADE: self._regrade,
                STRATEGY_MEETING: self._consider,
                ESCALATION: self._consider,
            }
        )
        self._page = page
        page.prompts.action_chosen.connect(self.choose)
        # The plans feature records threshold decisions and escalations from a prompt.
        self.plans = PlanPromptActions(page, page._background)
        self.plans.install(self)

    def choose(self, key: str, action: str) -> None:
        """Run the handler of `action` for the prompt `key` of the family shown."""
        prompt = self._page.prompts.prompt(key)
        handler = self.get(action)
        if self._page.detail is not None and prompt is not None and handler is not None:
            handler(self._page.detail, prompt)

    def _regrade(self, detail: FamilyDetail, prompt: PromptView) -> None:
        """The GCP2 of the child the prompt is about (or whose records it cites); with several
        children and no single one in the records, of the child selected on the page."""
        children = {r.child_id for r in prompt.cited} | {prompt.child_id}
        rows = [n for n, c in enumerate(detail.children) if c.id in children]
        if len(rows) == 1:
            self._page.children_table.selectRow(rows[0])
        self._page.assessments.gcp2_for_current_child()

    def _consider(self, _detail: FamilyDetail, _prompt: PromptView) -> None:
        self._page.message.emit(
            QCoreApplication.translate(
                "PromptActions",
                "Arrange it as your procedures say and record it; then dismiss the prompt "
                "with your decision as the reason.",
            )
        )
