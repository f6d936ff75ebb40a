"""Table models of the family page's plans tab: the family's plans, the SMART actions of the plan
selected, and the family's escalations. Filled with the services' frozen views and the overdue
items of the same read (`ui.plan_tab_operations.FamilyPlans`); tested without a window.

Anything overdue or not yet SMART is said in words with a warning sign ("⚠ … overdue by 3
working days"), in bold, and only then in colour, so it reads the same to a screen reader, in
greyscale print-outs and to someone who cannot tell red from green. `OVERDUE_ROLE` gives the
working days overdue of a row's highlighted cell (0 when none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from app.services.plans_views import (
    EscalationView,
    OverdueItem,
    PlanActionView,
    PlanView,
)
from assessments.plans import ActionStatus
from assessments.themes import ThemeCatalogue, default_catalogue
from ui.assessment_models import name_of
from ui.family_models import _RecordsModel
from ui.formatting import date_text
from ui.lived_wording import theme_names, tr  # bare tr(): lupdate's empty context

OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 4  # True on an action that is not yet SMART
WARNING = "⚠"


def overdue_text(days: int) -> str:
    return tr("overdue by %n working day(s)", None, days)


def overdue_summary(items: Sequence[OverdueItem], today: date, most: int = 4) -> str:
    """The lines above the tab's tables: how many things are overdue, then the `most` most
    overdue (the rows say the rest), or that nothing is."""
    if not items:
        return tr("Nothing overdue on %1.").replace("%1", date_text(today))
    head = WARNING + " " + QCoreApplication.translate(
        "PlansModels", "%n thing(s) overdue:", "", len(items))
    lines = [head, *(tr("%1 (%n working day(s) late)", None, i.working_days_overdue)
                     .replace("%1", i.what) for i in items[:most])]
    if len(items) > most:
        lines.append(QCoreApplication.translate(
            "PlansModels", "and %n more, marked in the tables below", "", len(items) - most))
    return "\n".join(lines)


def warning_colour() -> QColor:
    """A red that stays readable on the palette in use: dark on a light base, light on a dark."""
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    return QColor("#ff8a80") if base.lightness() < 128 else QColor("#b3261e")


def _warning_role(role: int) -> object:
    if role == Qt.ItemDataRole.ForegroundRole:
        return warning_colour()
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def status_text(action: PlanActionView) -> str:
    if action.status == ActionStatus.DONE:
        return tr("Done (%1)").replace("%1", date_text(action.status_on))
    if action.status == ActionStatus.NOT_DONE:
        return tr("Not done (%1)").replace("%1", date_text(action.status_on))
    return tr("Open")


def smart_flag(action: PlanActionView) -> str:
    if not action.problems:
        return ""
    return tr("%1 Not yet SMART: %2").replace("%1", WARNING).replace(
        "%2", " ".join(p.reason for p in action.problems))


class _OverdueAware(_RecordsModel[object]):
    """Rows whose cells may be overdue: `overdue` maps (kind, record id) to the item."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._overdue: dict[tuple[str, str], OverdueItem] = {}

    def set_overdue(self, items: Sequence[OverdueItem]) -> None:
        self._overdue = {(i.kind, i.record_id): i for i in items}

    def late(self, kind: str, record_id: str) -> int:
        item = self._overdue.get((kind, record_id))
        return item.working_days_overdue if item is not None else 0

    def late_in(self, record: object, column: int) -> int:
        """Working days overdue of the cell (0: not highlighted)."""
        return 0

    def flagged_in(self, record: object, column: int) -> bool:
        return False

    def role_data(self, record: object, column: int, role: int) -> object:
        if role == OVERDUE_ROLE:
            return self.late_in(record, column)
        if role == FLAGGED_ROLE:
            return self.flagged_in(record, column)
        if self.late_in(record, column) or self.flagged_in(record, column):
            return _warning_role(role)
        return None


class PlansModel(_OverdueAware):
    """A family's plans: who for, the aim, shared with the family, next review, actions."""

    FOR, PLAN, SHARED, REVIEW, ACTIONS = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._sharing_due: dict[str, date] = {}

    def set_plans(
        self,
        plans: Sequence[PlanView],
        overdue: Sequence[OverdueItem],
        sharing_due: Mapping[str, date],
        child_names: Mapping[str, str],
    ) -> None:
        self.set_overdue(overdue)
        self._names = dict(child_names)
        self._sharing_due = dict(sharing_due)
        self.set_rows(plans)

    def plan_at(self, row: int) -> PlanView:
        record = self.row_at(row)
        assert isinstance(record, PlanView)
        return record

    def row_of(self, plan_id: str) -> int:
        return next((n for n in range(self.rowCount()) if self.plan_at(n).id == plan_id), -1)

    def headers(self) -> list[str]:
        return [tr("For"), tr("Plan"), tr("Shared with the family"), tr("Next review"),
                tr("Actions")]

    def late_in(self, record: object, column: int) -> int:
        assert isinstance(record, PlanView)
        if column == self.SHARED:
            return self.late("plan_sharing", record.id)
        if column == self.REVIEW:
            return self.late("plan_review", record.id)
        if column == self.ACTIONS:
            return max((self.late("plan_action", a.id) for a in record.actions), default=0)
        return 0

    def flagged_in(self, record: object, column: int) -> bool:
        assert isinstance(record, PlanView)
        return column == self.ACTIONS and bool(record.flagged)

    def cell(self, record: object, column: int) -> str:
        assert isinstance(record, PlanView)
        if column == self.FOR:
            if record.child_id is None:
                return tr("Whole family")
            return self._names.get(record.child_id, record.child_id)
        if column == self.PLAN:
            return record.title
        if column == self.SHARED:
            return self._shared(record)
        if column == self.REVIEW:
            return self._review(record)
        return self._actions(record)

    def _shared(self, plan: PlanView) -> str:
        shared = plan.last_shared
        if shared is not None:
            return tr("%1: %2").replace("%1", date_text(shared.shared_at.date())).replace(
                "%2", shared.how)
        due = date_text(self._sharing_due.get(plan.id))
        late = self.late("plan_sharing", plan.id)
        if late:
            return (tr("%1 Not yet shared: %2 (due %3)").replace("%1", WARNING)
                    .replace("%2", overdue_text(late)).replace("%3", due))
        return tr("Not yet shared (due by %1)").replace("%1", due) if due else tr(
            "Not yet shared")

    def _review(self, plan: PlanView) -> str:
        if plan.review_due is None:
            return tr("No review planned")
        late = self.late("plan_review", plan.id)
        if late:
            return (tr("%1 %2: %3").replace("%1", WARNING)
                    .replace("%2", date_text(plan.review_due)).replace("%3", overdue_text(late)))
        return date_text(plan.review_due)

    def _actions(self, plan: PlanView) -> str:
        if not plan.actions:
            return tr("No actions yet")
        parts = [tr("%n action(s)", None, len(plan.actions))]
        if plan.flagged:
            parts.append(tr("%1 not yet SMART").replace("%1", str(len(plan.flagged))))
        late = sum(1 for a in plan.actions if self.late("plan_action", a.id))
        if late:
            parts.append(tr("%1 overdue").replace("%1", str(late)))
        text = ", ".join(parts)
        return f"{WARNING} {text}" if plan.flagged or late else text


class ActionsModel(_OverdueAware):
    """The SMART actions of one plan, with their status, links and what is not yet SMART."""

    NUMBER, CHANGE, WHO, BY_WHEN, MEASURE, STATUS, LINKED, FLAG = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = default_catalogue()

    def set_actions(
        self,
        actions: Sequence[PlanActionView],
        overdue: Sequence[OverdueItem],
        catalogue: ThemeCatalogue,
    ) -> None:
        self.set_overdue(overdue)
        self._catalogue = catalogue
        self.set_rows(actions)

    def action_at(self, row: int) -> PlanActionView:
        record = self.row_at(row)
        assert isinstance(record, PlanActionView)
        return record

    def row_of(self, action_id: str) -> int:
        return next((n for n in range(self.rowCount()) if self.action_at(n).id == action_id), -1)

    def headers(self) -> list[str]:
        return [tr("No."), tr("What will change for the child"), tr("Who does what"),
                tr("By when"), tr("How we will know"), tr("Status"), tr("Linked to"),
                tr("SMART check")]

    def late_in(self, record: object, column: int) -> int:
        assert isinstance(record, PlanActionView)
        return self.late("plan_action", record.id) if column == self.BY_WHEN else 0

    def flagged_in(self, record: object, column: int) -> bool:
        assert isinstance(record, PlanActionView)
        return column == self.FLAG and bool(record.problems)

    def cell(self, record: object, column: int) -> str:
        assert isinstance(record, PlanActionView)
        if column == self.NUMBER:
            return str(record.number)
        if column == self.CHANGE:
            return record.change_for_child
        if column == self.WHO:
            if record.who and record.does_what:
                return tr("%1: %2").replace("%1", record.who).replace("%2", record.does_what)
            return record.who or record.does_what
        if column == self.BY_WHEN:
            late = self.late("plan_action", record.id)
            if record.by_when is None:
                return tr("No date yet")
            if late:
                return (tr("%1 %2: %3").replace("%1", WARNING)
                        .replace("%2", date_text(record.by_when))
                        .replace("%3", overdue_text(late)))
            return date_text(record.by_when)
        if column == self.MEASURE:
            return record.measure
        if column == self.STATUS:
            return status_text(record)
        if column == self.LINKED:
            return self._linked(record)
        return smart_flag(record)

    def _linked(self, action: PlanActionView) -> str:
        parts = []
        if action.targeted_item is not None:
            try:
                name = name_of(action.targeted_item.sub_area_id)
            except KeyError:
                name = action.targeted_item.sub_area_id
            parts.append(tr("Targeted item: %1").replace("%1", name))
        if action.themes:
            parts.append(tr("Themes: %1").replace(
                "%1", theme_names(self._catalogue, action.themes)))
        return "; ".join(parts)


class EscalationsModel(_OverdueAware):
    """A family's escalations: about what, with whom, stage, raised, response due, outcome."""

    ABOUT, WITH_WHOM, STAGE, RAISED, RESPONSE_DUE, OUTCOME = range(6)
    COLUMN_COUNT = 6

    def set_escalations(
        self, escalations: Sequence[EscalationView], overdue: Sequence[OverdueItem]
    ) -> None:
        self.set_overdue(overdue)
        self.set_rows(escalations)

    def escalation_at(self, row: int) -> EscalationView:
        record = self.row_at(row)
        assert isinstance(record, EscalationView)
        return record

    def row_of(self, escalation_id: str) -> int:
        return next(
            (n for n in range(self.rowCount()) if self.escalation_at(n).id == escalation_id), -1)

    def headers(self) -> list[str]:
        return [tr("About"), tr("With whom"), tr("Stage"), tr("Raised"), tr("Response due"),
                tr("Outcome")]

    def late_in(self, record: object, column: int) -> int:
        assert isinstance(record, EscalationView)
        if column == self.RESPONSE_DUE:
            return self.late("escalation_stage", record.id)
        return 0

    def cell(self, record: object, column: int) -> str:
        assert isinstance(record, EscalationView)
        if column == self.ABOUT:
            return record.about
        if column == self.WITH_WHOM:
            return record.with_whom
        if column == self.STAGE:
            stage = record.current
            label = tr("Stage %1").replace("%1", str(stage.stage))
            return tr("%1: %2").replace("%1", label).replace("%2", stage.name) if stage.name \
                else label
        if column == self.RAISED:
            return date_text(record.raised_at.date())
        if column == self.RESPONSE_DUE:
            if record.closed:
                return tr("Closed")
            due = date_text(record.current.response_due)
            late = self.late("escalation_stage", record.id)
            if late:
                return (tr("%1 %2: %3").replace("%1", WARNING).replace("%2", due)
                        .replace("%3", overdue_text(late)))
            return due
        if record.closed_at is None:
            return tr("Open")
        return tr("Closed %1: %2").replace("%1", date_text(record.closed_at.date())).replace(
            "%2", record.outcome)
