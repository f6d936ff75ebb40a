"""The plans tab's dialogs: a new plan, a SMART action (added or changed), an action's status,
sharing a plan with the family, and a plan review.

The action dialog runs the SMART check (`assessments.plans.smart_problems`, pure) as the
practitioner types and says, under the form, what is not yet SMART: an unfinished action can
still be saved (nothing typed is lost), but the plan cannot be marked shared until it is fixed.
Dates are `OptionalDate` fields, where "no date" is a state of its own rather than a made-up day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.services.plans_views import PlanActionView, PlanView
from app.services.views import FamilyDetail
from assessments.plans import ActionStatus, SmartAction, smart_problems
from assessments.themes import ThemeCatalogue
from ui.assessment_models import name_of
from ui.form_dialog import FormDialog
from ui.formatting import DATE_FORMAT, date_text
from ui.lived_wording import theme_name
from ui.plan_tab_operations import (
    ActionFields,
    ActionStatusChange,
    NewPlan,
    PlanReviewNotes,
    PlanSharing,
    TargetChoice,
)
from ui.plans_models import WARNING, status_text
from ui.widgets import named_combo, named_text

_NO_DATE = QDate(2000, 1, 1)


class OptionalDate(QDateEdit):
    """A date, or none (shown as `none_text`; Ctrl+Delete clears it). Stepping from none starts
    at `start`, not at the year 2000."""

    def __init__(self, accessible: str, value: date | None, start: date,
                 none_text: str | None = None) -> None:
        super().__init__()
        self.setAccessibleName(accessible)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self._start = start
        self._optional = none_text is not None
        if none_text is not None:
            self.setMinimumDate(_NO_DATE)
            self.setSpecialValueText(none_text)
            self.setToolTip(QCoreApplication.translate(
                "OptionalDate", "Up or Down picks a date; Ctrl+Delete: %1").replace("%1", none_text))
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        if value is None and self._optional:
            self.setDate(_NO_DATE)
        else:
            day = value or self._start
            self.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> date | None:
        if self._optional and self.date() == _NO_DATE:
            return None
        day: date = self.date().toPython()  # type: ignore[assignment]
        return day

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self.value() is None:
            self.set_value(self._start)
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._optional and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.set_value(None)
            return
        super().keyPressEvent(event)


def target_label(choice: TargetChoice, child_names: Mapping[str, str]) -> str:
    """"Nutrition to grade 2 by 15 Jan 2027 (Mia's GCP2 of 3 Nov 2026)"."""
    return (QCoreApplication.translate("ActionDialog", "%1 to grade %2 by %3 (%4's GCP2 of %5)")
            .replace("%1", name_of(choice.item.sub_area_id))
            .replace("%2", str(choice.target_grade))
            .replace("%3", date_text(choice.review_by))
            .replace("%4", child_names.get(choice.child_id, ""))
            .replace("%5", date_text(choice.started_at.date())))


def _note(text: str, accessible: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    return label


class _RequiredText(FormDialog):
    """A form whose multi-line fields (`required`) must not be left blank."""

    required: Sequence[tuple[QPlainTextEdit, str]] = ()

    def _try_accept(self) -> None:
        for field, problem in self.required:
            if not field.toPlainText().strip():
                self.problem.setText(problem)
                field.setFocus()
                return
        super()._try_accept()


class NewPlanDialog(FormDialog):
    """A plan for one child or the whole family: its aim and its first review date."""

    def __init__(self, detail: FamilyDetail, first_review: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New plan"), parent)
        self.child = named_combo(self.tr("Who the plan is for"))
        self.child.addItem(self.tr("The whole family"), None)
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        self.form.addRow(self.tr("&For"), self.child)
        self.title = self.line(self.tr("&Aim of the plan"), self.tr("Aim of the plan"),
                               required=True)
        self.title.setPlaceholderText(self.tr("for example, Mia safe and settled at home"))
        self.review = OptionalDate(self.tr("First review by"), first_review, first_review,
                                   self.tr("No review planned"))
        self.form.addRow(self.tr("First &review by"), self.review)
        self.form.addRow(_note(
            self.tr("The first review date follows your organisation's timescale. Next, add "
                    "the plan's SMART actions, then share it with the family."),
            self.tr("What happens next")))
        self.title.setFocus()

    def values(self) -> NewPlan:
        child = self.child.currentData()
        return NewPlan(None if child is None else str(child), self.title.text().strip(),
                       self.review.value())


class ActionDialog(FormDialog):
    """Add or change one SMART action; what is not yet SMART is shown before saving."""

    def __init__(
        self,
        plan: PlanView,
        action: PlanActionView | None,
        targets: Sequence[TargetChoice],
        catalogue: ThemeCatalogue,
        child_names: Mapping[str, str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Add an action") if action is None else self.tr("Change action %1")
        super().__init__(title.replace("%1", str(action.number) if action else ""), parent)
        self.change = named_text(self.tr("What will change for the child"))
        self.form.addRow(self.tr("What will &change for the child"), self.change)
        self.who = self.line(self.tr("&Who"), self.tr("Who will do it (a named person or role)"))
        self.does_what = self.line(self.tr("&Does what"), self.tr("What they will do"))
        self.by_when = OptionalDate(self.tr("By when"), None, plan.review_due or today,
                                    self.tr("No date yet"))
        self.form.addRow(self.tr("&By when"), self.by_when)
        self.measure = named_text(self.tr("How we will know"))
        self.measure.setPlaceholderText(self.tr("what will be seen, heard or counted, how often"))
        self.form.addRow(self.tr("&How we will know"), self.measure)
        self.target = named_combo(self.tr("GCP2 targeted item"))
        self.target.addItem(self.tr("Not linked"), None)
        for choice in targets:
            if plan.child_id is not None and choice.child_id != plan.child_id:
                continue  # the service accepts only the plan's child's targets
            self.target.addItem(target_label(choice, child_names), choice.item)
        self.form.addRow(self.tr("&Targeted item"), self.target)
        self.themes = QListWidget()
        self.themes.setAccessibleName(self.tr("Themes of the action"))
        for theme_id in catalogue.ids():
            item = QListWidgetItem(theme_name(catalogue, theme_id))
            item.setData(Qt.ItemDataRole.UserRole, theme_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.themes.setMaximumHeight(self.themes.sizeHintForRow(0) * 4 + 8)
        self.form.addRow(self.tr("Th&emes"), self.themes)
        for text in (self.change, self.measure):  # a few lines each; the form stays on screen
            text.setMaximumHeight(text.fontMetrics().lineSpacing() * 4 + 12)
        self.smart = _note("", self.tr("SMART check"))
        self.form.addRow(self.smart)
        if action is not None:
            self._fill(action)
        for text in (self.change, self.measure):
            text.textChanged.connect(self.check)
        for line in (self.who, self.does_what):
            line.textChanged.connect(self.check)
        self.by_when.dateChanged.connect(self.check)
        self.check()
        self.change.setFocus()

    def _fill(self, action: PlanActionView) -> None:
        self.change.setPlainText(action.change_for_child)
        self.who.setText(action.who)
        self.does_what.setText(action.does_what)
        self.by_when.set_value(action.by_when)
        self.measure.setPlainText(action.measure)
        if action.targeted_item is not None:
            found = self.target.findData(action.targeted_item)
            self.target.setCurrentIndex(max(found, 0))
        for row in range(self.themes.count()):
            item = self.themes.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in action.themes:
                item.setCheckState(Qt.CheckState.Checked)

    def check(self) -> None:
        """Say what is not yet SMART (the same check the plan uses before it is shared)."""
        values = self.values()
        problems = smart_problems(SmartAction(values.change_for_child, values.who,
                                              values.does_what, values.by_when, values.measure))
        if problems:
            self.smart.setText(
                self.tr("%1 Not yet SMART: it can be saved, but the plan cannot be shared with "
                        "the family until this is fixed.\n%2")
                .replace("%1", WARNING)
                .replace("%2", "\n".join(f"• {p.reason}" for p in problems)))
        else:
            self.smart.setText(self.tr("✓ SMART: ready to share with the family."))

    def values(self) -> ActionFields:
        target = self.target.currentData()
        themes = tuple(
            str(self.themes.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.themes.count())
            if self.themes.item(row).checkState() == Qt.CheckState.Checked)
        return ActionFields(
            change_for_child=self.change.toPlainText().strip(),
            who=self.who.text().strip(),
            does_what=self.does_what.text().strip(),
            by_when=self.by_when.value(),
            measure=self.measure.toPlainText().strip(),
            targeted_item=target,
            themes=themes,
        )


class ActionStatusDialog(FormDialog):
    """Mark an action done or not done on a day, or open it again."""

    def __init__(self, action: PlanActionView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Action %1: done or not done").replace("%1", str(action.number)),
                         parent)
        self.form.addRow(_note(
            self.tr("%1 (now: %2)").replace("%1", action.change_for_child)
            .replace("%2", status_text(action)), self.tr("The action")))
        self.status = named_combo(self.tr("Status of the action"))
        for text, value in ((self.tr("Done"), ActionStatus.DONE),
                            (self.tr("Not done"), ActionStatus.NOT_DONE),
                            (self.tr("Open again"), ActionStatus.OPEN)):
            self.status.addItem(text, value.value)
        self.form.addRow(self.tr("&Status"), self.status)
        self.on = OptionalDate(self.tr("On"), action.status_on or today, today)
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.form.addRow(self.tr("&On"), self.on)
        self.status.currentIndexChanged.connect(
            lambda: self.on.setEnabled(self.status.currentData() != ActionStatus.OPEN))
        self.status.setFocus()

    def values(self) -> ActionStatusChange:
        status = str(self.status.currentData())
        return ActionStatusChange(status, None if status == ActionStatus.OPEN else self.on.value())


class ShareDialog(_RequiredText):
    """Record that the plan was shared with the family: on what day, and how."""

    def __init__(self, plan: PlanView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Share the plan with the family"), parent)
        self.form.addRow(_note(
            self.tr("%1. Record when and how the family was given the plan, for example "
                    "\"read through with Kerry; copy left\".").replace("%1", plan.title),
            self.tr("About sharing the plan")))
        self.shared_on = OptionalDate(self.tr("Shared on"), today, today)
        self.shared_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.form.addRow(self.tr("&Shared on"), self.shared_on)
        self.how = named_text(self.tr("How the plan was shared"))
        self.form.addRow(self.tr("&How"), self.how)
        self.required = ((self.how, self.tr("Say how the plan was shared with the family.")),)
        self.how.setFocus()

    def values(self) -> PlanSharing:
        return PlanSharing(self.shared_on.value() or date.today(), self.how.toPlainText().strip())


class ReviewDialog(_RequiredText):
    """Record a review of the plan (was the change sufficient and sustained?) and the next."""

    def __init__(self, plan: PlanView, next_review: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review the plan"), parent)
        self.form.addRow(_note(plan.title, self.tr("The plan")))
        self.notes = named_text(self.tr("What the review found"))
        self.notes.setPlaceholderText(
            self.tr("has the change for the child happened, and is it sustained?"))
        self.form.addRow(self.tr("&What the review found"), self.notes)
        self.next_review = OptionalDate(self.tr("Next review by"), next_review, next_review,
                                        self.tr("No further review planned"))
        self.form.addRow(self.tr("&Next review by"), self.next_review)
        self.required = ((self.notes, self.tr("Say what the review found.")),)
        self.notes.setFocus()

    def values(self) -> PlanReviewNotes:
        return PlanReviewNotes(self.notes.toPlainText().strip(), self.next_review.value())
