"""What is overdue on the caseload: plan actions, plan reviews, plans not yet shared with the
family within the organisation's timescale, and escalation stages awaiting a response.

Lateness is counted in working days (England and Wales, with the organisation's extra bank
holidays; `assessments.working_days`). One call reads the whole caseload in a handful of
queries that let the database drop everything due on or after `today`, so the caseload can
show a count per family for 500 families without a query per family. A due date outside the
bank-holiday table (an old imported plan) is counted in weekdays instead of failing the list.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import exists, func, select

from app.config import organisation_config
from app.services.plans_views import OverdueItem
from app.services.unit_of_work import UnitOfWork
from app.storage.models_plans import (
    Escalation,
    EscalationStageRow,
    Plan,
    PlanAction,
    PlanShare,
)
from assessments.plans import ActionStatus, PlanTimescales, sharing_due_on
from assessments.working_days import WorkingCalendar, WorkingDaysError

__all__ = ["overdue_items"]


def _late(calendar: WorkingCalendar, due: date, today: date) -> int:
    try:
        return calendar.working_days_overdue(due, today)
    except WorkingDaysError:
        days = (today - due).days
        return sum(1 for n in range(1, days + 1) if (due + timedelta(days=n)).weekday() < 5)


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def overdue_items(
    uow: UnitOfWork, today: date, *, family_id: str | None = None
) -> tuple[OverdueItem, ...]:
    """Everything overdue on `today` (for one family, or the whole caseload), most overdue
    first, then by family and kind. `what` is a short plain description for the list."""
    config = organisation_config(uow)
    calendar = config.calendar
    session = uow.session
    items: list[OverdueItem] = []

    def add(kind: str, family: str, child: str | None, record: str, plan: str | None,
            what: str, due: date) -> None:
        late = _late(calendar, due, today)
        if late > 0:
            items.append(OverdueItem(kind, family, child, record, plan, what, due, late))

    actions = (select(PlanAction.id, PlanAction.plan_id, PlanAction.by_when,
                      PlanAction.change_for_child, PlanAction.position, Plan.family_id,
                      Plan.child_id)
               .join(Plan, Plan.id == PlanAction.plan_id)
               .where(PlanAction.status == ActionStatus.OPEN.value,
                      PlanAction.by_when.is_not(None), PlanAction.by_when < today))
    reviews = select(Plan.id, Plan.family_id, Plan.child_id, Plan.title, Plan.review_due).where(
        Plan.review_due.is_not(None), Plan.review_due < today)
    unshared = select(Plan.id, Plan.family_id, Plan.child_id, Plan.title, Plan.made_at).where(
        ~exists().where(PlanShare.plan_id == Plan.id))
    last = (select(EscalationStageRow.escalation_id,
                   func.max(EscalationStageRow.position).label("position"))
            .group_by(EscalationStageRow.escalation_id).subquery())
    stages = (select(Escalation.id, Escalation.family_id, Escalation.child_id,
                     Escalation.with_whom, EscalationStageRow.stage,
                     EscalationStageRow.response_due)
              .join(last, last.c.escalation_id == Escalation.id)
              .join(EscalationStageRow, (EscalationStageRow.escalation_id == Escalation.id)
                    & (EscalationStageRow.position == last.c.position))
              .where(Escalation.closed_at.is_(None), EscalationStageRow.response_due < today))
    if family_id is not None:
        actions = actions.where(Plan.family_id == family_id)
        reviews = reviews.where(Plan.family_id == family_id)
        unshared = unshared.where(Plan.family_id == family_id)
        stages = stages.where(Escalation.family_id == family_id)

    for a in session.execute(actions):
        add("plan_action", a.family_id, a.child_id, a.id, a.plan_id,
            f"Action {a.position + 1}: {_short(a.change_for_child)}", a.by_when)
    for r in session.execute(reviews):
        add("plan_review", r.family_id, r.child_id, r.id, r.id,
            f"Review of the plan: {_short(r.title)}", r.review_due)
    for u in session.execute(unshared):
        due = _sharing_due(u.made_at.date(), config.plans, calendar)
        if due < today:
            add("plan_sharing", u.family_id, u.child_id, u.id, u.id,
                f"Share the plan with the family: {_short(u.title)}", due)
    for s in session.execute(stages):
        name = next((x.name for x in config.escalation_stages if x.number == s.stage), "")
        add("escalation_stage", s.family_id, s.child_id, s.id, None,
            f"Escalation stage {s.stage}{f' ({name})' if name else ''} with "
            f"{_short(s.with_whom, 40)}: response due", s.response_due)
    items.sort(key=lambda i: (-i.working_days_overdue, i.family_id, i.kind, i.record_id))
    return tuple(items)


def _sharing_due(made_on: date, timescales: PlanTimescales, calendar: WorkingCalendar) -> date:
    try:
        return sharing_due_on(made_on, timescales, calendar)
    except WorkingDaysError:
        return made_on  # made before the table's years: long past any sharing timescale

