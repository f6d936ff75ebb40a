"""The family page's "Plans and escalation" tab: the family's plans (for a child or the whole
family; shared with the family when and how, or not yet; next review), the SMART actions of the
plan selected, and the family's escalations, with what is overdue highlighted in words, sign,
bold and colour.

It reads nothing while hidden: `load(detail)` only remembers the family, and the one read job
(`ui.plan_tab_operations.load_family_plans`) runs when the tab is shown or, while it is shown,
when the family is reloaded, so opening a family costs no more than before. Every change goes
through its dialog and the DB worker with `family_changed` changes, which reload the family
page, and with it the chronology and this tab. `today` is the clock overdue is judged by.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.plans_views import EscalationView, PlanActionView, PlanView
from app.services.views import FamilyDetail
from assessments.recurring_themes import add_months
from ui import plan_tab_operations as jobs
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.escalation_dialog import EscalationDialog
from ui.escalation_stage_dialogs import NextStageDialog, OutcomeDialog
from ui.form_dialog import FormDialog
from ui.plan_dialogs import (
    ActionDialog,
    ActionStatusDialog,
    NewPlanDialog,
    ReviewDialog,
    ShareDialog,
)
from ui.plan_operations import NewEscalation, raise_escalation
from ui.plan_tab_operations import FamilyPlans
from ui.plans_models import WARNING, ActionsModel, EscalationsModel, PlansModel, overdue_summary
from ui.when_shown import ReadWhenShown
from ui.widgets import RecordTable


class PlansTab(QWidget):
    message = Signal(str)
    loaded = Signal(object)  # FamilyPlans
    threshold_requested = Signal()  # "Threshold decision…": the page's prompt actions record it

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.today: Callable[[], date] = date.today
        self.detail: FamilyDetail | None = None
        self.shown: FamilyPlans | None = None
        self._reader = ReadWhenShown(self, self._load_now)
        self.dialog: FormDialog | None = None
        self._follow: dict[str, str] = {}  # "plan"/"action"/"escalation" id to select next
        self.plans_model = PlansModel(self)
        self.actions_model = ActionsModel(self)
        self.escalations_model = EscalationsModel(self)
        self.plans_table = self._table(self.plans_model, self.tr("Plans of the family"))
        self.actions_table = self._table(self.actions_model,
                                         self.tr("SMART actions of the plan selected"))
        self.actions_table.horizontalHeader().setSectionResizeMode(  # all in sight; No. small
            ActionsModel.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        self.escalations_table = self._table(self.escalations_model,
                                             self.tr("Escalations of the family"))
        self.plans_table.selectionModel().selectionChanged.connect(self._plan_selected)
        self.actions_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.escalations_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.actions_table.entered.connect(lambda _index: self.edit_action())
        self.actions_table.doubleClicked.connect(lambda _index: self.edit_action())
        # No mnemonic: every letter of "New plan" is taken on the family page (Alt+A by the
        # information-sharing tab); it is the first button after the plans table.
        self.new_plan_button = self._button(self.tr("New plan…"), self.new_plan)
        self.share_button = self._button(self.tr("Share with famil&y…"), self.share_plan)
        self.review_button = self._button(self.tr("Record t&he review…"), self.record_review)
        self.threshold_button = self._button(self.tr("Threshold dec&ision…"),
                                             self.threshold_requested.emit)
        self.add_action_button = self._button(self.tr("Add acti&on…"), self.add_action)
        self.edit_action_button = self._button(self.tr("Edit action…"), self.edit_action)
        self.edit_action_button.setToolTip(self.tr("Edit the action selected (Enter)"))
        self.status_button = self._button(self.tr("Mar&k done / not done…"), self.set_status)
        self.raise_button = self._button(self.tr("Rai&se escalation…"), self.raise_escalation)
        self.next_stage_button = self._button(self.tr("Next sta&ge…"), self.next_stage)
        self.outcome_button = self._button(self.tr("Record o&utcome…"), self.record_outcome)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setAccessibleName(self.tr("What is overdue"))
        self.notice = QLabel()  # the last refusal, kept in sight (the status bar moves on)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Problem"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        for title, table, buttons in (
            (self.tr("Plans"), self.plans_table,
             (self.new_plan_button, self.share_button, self.review_button,
              self.threshold_button)),
            (self.tr("Actions of the plan selected"), self.actions_table,
             (self.add_action_button, self.edit_action_button, self.status_button)),
            (self.tr("Escalations"), self.escalations_table,
             (self.raise_button, self.next_stage_button, self.outcome_button)),
        ):
            splitter.addWidget(self._group(title, table, buttons))
        scroll = QScrollArea()  # three tables need more height than a laptop screen spares
        scroll.setWidget(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        self._update_buttons()

    def _table(self, model: Any, accessible: str) -> RecordTable:
        table = RecordTable(accessible)
        table.setModel(model)
        table.share_width()
        return table

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _group(self, title: str, table: RecordTable, buttons: tuple[QPushButton, ...]) -> QWidget:
        box = QGroupBox(title)
        row = QHBoxLayout()
        row.addStretch()
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return box

    # -- loading ---------------------------------------------------------------------------

    def load(self, detail: FamilyDetail) -> None:
        """The family (re)loaded: read its plans now if the tab is in sight, else when shown."""
        if self.detail is None or self.detail.id != detail.id:
            self._forget()
        self.detail = detail
        self._reader.request()

    def _load_now(self) -> None:
        if self.detail is None:
            return
        self._background.run(
            jobs.load_family_plans(self.detail.id, self.today()),
            success=self._show,
            failure=self._failed,
        )

    def _show(self, data: FamilyPlans) -> None:
        if not self._background.unlocked or self.detail is None:
            return
        if data.family_id != self.detail.id:
            return  # another family was opened meanwhile
        # Keep what was selected, or select what was just saved.
        follow, self._follow = self._follow, {}
        plan, action, escalation = (
            follow.get(kind, getattr(current, "id", ""))
            for kind, current in (("plan", self.current_plan()),
                                  ("action", self.current_action()),
                                  ("escalation", self.current_escalation())))
        self.shown = data
        names = {c.id: c.name for c in self.detail.children}
        self.plans_model.set_plans(data.plans, data.overdue, dict(data.sharing_due), names)
        self.escalations_model.set_escalations(data.escalations, data.overdue)
        self._select(self.plans_table, self.plans_model.row_of(plan), 0)
        self._fill_actions()
        self._select(self.actions_table, self.actions_model.row_of(action), 0)
        self._select(self.escalations_table, self.escalations_model.row_of(escalation), 0)
        self.overdue.setText(overdue_summary(data.overdue, data.today))
        self._update_buttons()
        self.loaded.emit(data)

    def _select(self, table: RecordTable, row: int, fallback: int) -> None:
        chosen = row if row >= 0 else fallback
        if 0 <= chosen < table.model().rowCount():
            table.selectRow(chosen)

    def _forget(self) -> None:
        self.shown = None
        self.plans_model.clear()
        self.actions_model.clear()
        self.escalations_model.clear()
        self.overdue.clear()
        self.notice.clear()
        self._update_buttons()

    def clear(self) -> None:
        """Forget the family (on lock)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.detail = None
        self._reader.cancel()
        self._follow = {}
        self._forget()

    # -- selection -------------------------------------------------------------------------

    def current_plan(self) -> PlanView | None:
        index = self.plans_table.currentIndex()
        return self.plans_model.plan_at(index.row()) if index.isValid() else None

    def current_action(self) -> PlanActionView | None:
        index = self.actions_table.currentIndex()
        return self.actions_model.action_at(index.row()) if index.isValid() else None

    def current_escalation(self) -> EscalationView | None:
        index = self.escalations_table.currentIndex()
        return self.escalations_model.escalation_at(index.row()) if index.isValid() else None

    def _plan_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._fill_actions()
        self._select(self.actions_table, -1, 0)
        self._update_buttons()

    def _fill_actions(self) -> None:
        plan = self.current_plan()
        if plan is None or self.shown is None:
            self.actions_model.clear()
            return
        self.actions_model.set_actions(plan.actions, self.shown.overdue, self.shown.catalogue)

    def _update_buttons(self) -> None:
        ready = self.shown is not None
        plan, action = self.current_plan(), self.current_action()
        escalation = self.current_escalation()
        for button in (self.new_plan_button, self.raise_button, self.threshold_button):
            button.setEnabled(ready)
        for button in (self.share_button, self.review_button, self.add_action_button):
            button.setEnabled(ready and plan is not None)
        for button in (self.edit_action_button, self.status_button):
            button.setEnabled(ready and action is not None)
        self.outcome_button.setEnabled(escalation is not None and not escalation.closed)
        following = (self.shown.next_stage(escalation)
                     if self.shown is not None and escalation is not None else None)
        self.next_stage_button.setEnabled(following is not None)
        tip = ""
        if following is not None:
            tip = self.tr("Next: stage %1, %2").replace("%1", str(following.number)).replace(
                "%2", following.name)
        elif escalation is not None and not escalation.closed:
            tip = self.tr("This is the last stage: record the outcome")
        self.next_stage_button.setToolTip(tip)

    # -- changes ---------------------------------------------------------------------------

    def _open(self, dialog: FormDialog, save: Callable[[Any], None]) -> None:
        self.dialog = dialog
        dialog.submitted.connect(save)
        dialog.finished.connect(self._finished)
        dialog.open()

    def _finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back

    def _failed(self, error: Exception) -> None:
        text = describe_failure(error)
        self.notice.setText(f"{WARNING} {text}")
        self.message.emit(text)

    def _run(self, job: Any, done: Callable[[Any], str], *, newest_action: bool = False) -> None:
        if self.detail is None:
            return
        self.notice.clear()

        def saved(view: object) -> None:
            if isinstance(view, PlanView):
                self._follow["plan"] = view.id
                if newest_action and view.actions:
                    self._follow["action"] = view.actions[-1].id
            elif isinstance(view, EscalationView):
                self._follow["escalation"] = view.id
            self.message.emit(done(view))

        self._background.run(
            job,
            success=saved,
            failure=self._failed,
            changes=family_changed(self.detail.id),  # the caseload counts what is overdue
        )

    def _names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.detail.children} if self.detail else {}

    def new_plan(self) -> None:
        if self.dialog is not None or self.detail is None or self.shown is None:
            return
        first = add_months(self.today(), self.shown.timescales.first_review_after_months)
        family_id = self.detail.id
        self._open(NewPlanDialog(self.detail, first, self),
                   lambda new: self._run(jobs.create_plan(family_id, new),
                                         lambda _v: self.tr("Plan made; now add its actions.")))

    def _action_dialog(self, action: PlanActionView | None) -> None:
        plan = self.current_plan()
        if self.dialog is not None or plan is None or self.shown is None:
            return
        dialog = ActionDialog(plan, action, self.shown.targets, self.shown.catalogue,
                              self._names(), self.today(), self)
        if action is None:
            self._open(dialog, lambda fields: self._run(
                jobs.add_action(plan.id, fields), self._action_saved, newest_action=True))
        else:
            self._open(dialog, lambda fields: self._run(
                jobs.update_action(action.id, fields), self._action_saved))

    def _action_saved(self, plan: PlanView) -> str:
        if plan.flagged:
            return self.tr("Action saved; %n action(s) not yet SMART.", "", len(plan.flagged))
        return self.tr("Action saved.")

    def add_action(self) -> None:
        self._action_dialog(None)

    def edit_action(self) -> None:
        action = self.current_action()
        if action is not None:
            self._action_dialog(action)

    def set_status(self) -> None:
        action = self.current_action()
        if self.dialog is not None or action is None:
            return
        self._open(ActionStatusDialog(action, self.today(), self),
                   lambda change: self._run(jobs.set_action_status(action.id, change),
                                            lambda _v: self.tr("Action status saved.")))

    def share_plan(self) -> None:
        plan = self.current_plan()
        if self.dialog is not None or plan is None:
            return
        self._open(ShareDialog(plan, self.today(), self),
                   lambda sharing: self._run(jobs.share_plan(plan.id, sharing),
                                             lambda _v: self.tr("Plan shared with the family.")))

    def record_review(self) -> None:
        plan = self.current_plan()
        if self.dialog is not None or plan is None or self.shown is None:
            return
        following = add_months(self.today(), self.shown.timescales.first_review_after_months)
        self._open(ReviewDialog(plan, following, self),
                   lambda review: self._run(jobs.record_review(plan.id, review),
                                            lambda _v: self.tr("Review recorded.")))

    def raise_escalation(self) -> None:
        if self.dialog is not None or self.detail is None or self.shown is None:
            return
        family_id = self.detail.id
        self._open(EscalationDialog(self.detail, None, self.shown.catalogue, self),
                   lambda new: self._raise(family_id, new))

    def _raise(self, family_id: str, new: NewEscalation) -> None:
        self._run(raise_escalation(family_id, new),
                  lambda view: self.tr("Escalation raised with %1.").replace("%1", view.with_whom))

    def next_stage(self) -> None:
        escalation = self.current_escalation()
        if self.dialog is not None or escalation is None or self.shown is None:
            return
        stage = self.shown.next_stage(escalation)
        if stage is None:
            return
        self._open(NextStageDialog(escalation, stage, self),
                   lambda step: self._run(jobs.advance_stage(escalation.id, step),
                                          lambda view: self.tr("Escalation moved to stage %1.")
                                          .replace("%1", str(view.current.stage))))

    def record_outcome(self) -> None:
        escalation = self.current_escalation()
        if self.dialog is not None or escalation is None or escalation.closed:
            return
        self._open(OutcomeDialog(escalation, self),
                   lambda outcome: self._run(jobs.record_outcome(escalation.id, outcome),
                                             lambda _v: self.tr("Escalation closed.")))
