"""The plans tab's use cases, bound as jobs for the DB worker (like `ui.plan_operations`): reading
a family's plans, escalations and what of them is overdue in one job, and each change a plan or
an escalation goes through. Every function returns a `Job` and runs nothing itself; a change
opens one unit of work and commits it. The values the dialogs hand over are frozen dataclasses
here; results are the services' frozen views.

`today` is passed in by the tab (not read on the worker) so that what is highlighted as overdue
is decided by one clock the tests can set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from app.config import organisation_config
from app.services import escalations, plans
from app.services.plans_overdue import overdue_items
from app.services.plans_views import EscalationView, OverdueItem, PlanView, TargetedItem
from app.services.unit_of_work import UnitOfWork
from app.storage.models_gcp2 import Gcp2Assessment, Gcp2Target
from assessments.escalation import EscalationStage
from assessments.plans import PlanTimescales, sharing_due_on
from assessments.themes import ThemeCatalogue
from assessments.working_days import WorkingDaysError
from ui.operations import Job, changing, reading


@dataclass(frozen=True)
class TargetChoice:
    """A GCP2 targeted item an action can be linked to."""

    item: TargetedItem
    child_id: str
    started_at: datetime  # of its assessment, to tell two assessments of one child apart
    target_grade: int
    review_by: date | None


@dataclass(frozen=True)
class FamilyPlans:
    """Everything the plans tab shows for one family, read in one job."""

    family_id: str
    today: date
    plans: tuple[PlanView, ...]
    escalations: tuple[EscalationView, ...]
    overdue: tuple[OverdueItem, ...]
    sharing_due: tuple[tuple[str, date], ...]  # (plan id, last day to share) of unshared plans
    stages: tuple[EscalationStage, ...]  # the organisation's procedure
    timescales: PlanTimescales
    catalogue: ThemeCatalogue
    targets: tuple[TargetChoice, ...]

    def next_stage(self, escalation: EscalationView) -> EscalationStage | None:
        """The stage an open escalation would move to (None: closed, or at the last stage)."""
        if escalation.closed:
            return None
        number = escalation.current.stage + 1
        return next((s for s in self.stages if s.number == number), None)


@dataclass(frozen=True)
class NewPlan:
    child_id: str | None  # None: the whole family
    title: str
    review_due: date | None


@dataclass(frozen=True)
class ActionFields:
    """The SMART answers of one action, and what it is linked to."""

    change_for_child: str
    who: str
    does_what: str
    by_when: date | None
    measure: str
    targeted_item: TargetedItem | None
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ActionStatusChange:
    status: str  # assessments.plans.ActionStatus
    on: date | None


@dataclass(frozen=True)
class PlanSharing:
    shared_on: date
    how: str


@dataclass(frozen=True)
class PlanReviewNotes:
    notes: str
    next_review_due: date | None


@dataclass(frozen=True)
class NextStage:
    contact: str
    note: str


def _moment(day: date) -> datetime:
    """Now if `day` is today, else midday of that day: the dialogs ask for a date only."""
    now = datetime.now().astimezone()
    if day == now.date():
        return now
    return datetime.combine(day, time(12)).astimezone()


def _targets(uow: UnitOfWork, family_id: str) -> tuple[TargetChoice, ...]:
    # No service lists a family's targeted items; the plan service checks a link against the
    # same two tables, so what is offered is what it accepts.
    rows = uow.session.execute(
        select(Gcp2Target.assessment_id, Gcp2Target.sub_area_id, Gcp2Target.target_grade,
               Gcp2Target.review_by, Gcp2Assessment.child_id, Gcp2Assessment.started_at)
        .join(Gcp2Assessment, Gcp2Assessment.id == Gcp2Target.assessment_id)
        .where(Gcp2Assessment.family_id == family_id)
        .order_by(Gcp2Assessment.seq, Gcp2Target.position))
    return tuple(
        TargetChoice(TargetedItem(r.assessment_id, r.sub_area_id), r.child_id, r.started_at,
                     r.target_grade, r.review_by)
        for r in rows)


def load_family_plans(family_id: str, today: date) -> Job[FamilyPlans]:
    def read(uow: UnitOfWork) -> FamilyPlans:
        config = organisation_config(uow)
        family_plans = plans.plans_of_family(uow, family_id)
        due: list[tuple[str, date]] = []
        for plan in family_plans:
            if not plan.shares:
                try:
                    due.append((plan.id, sharing_due_on(
                        plan.made_at.date(), config.plans, config.calendar)))
                except WorkingDaysError:
                    due.append((plan.id, plan.made_at.date()))  # older than the holiday table
        return FamilyPlans(
            family_id=family_id,
            today=today,
            plans=family_plans,
            escalations=escalations.escalations_of_family(uow, family_id),
            overdue=overdue_items(uow, today, family_id=family_id),
            sharing_due=tuple(due),
            stages=config.escalation_stages,
            timescales=config.plans,
            catalogue=config.themes.catalogue,
            targets=_targets(uow, family_id),
        )

    return reading(read)


def create_plan(family_id: str, new: NewPlan) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.create_plan(
        uow, actor, family_id, title=new.title, child_id=new.child_id,
        review_due=new.review_due))


def add_action(plan_id: str, fields: ActionFields) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.add_action(
        uow, actor, plan_id, change_for_child=fields.change_for_child, who=fields.who,
        does_what=fields.does_what, by_when=fields.by_when, measure=fields.measure,
        themes=fields.themes, targeted_item=fields.targeted_item))


def update_action(action_id: str, fields: ActionFields) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.update_action(
        uow, actor, action_id, change_for_child=fields.change_for_child, who=fields.who,
        does_what=fields.does_what, by_when=fields.by_when, measure=fields.measure,
        themes=fields.themes, targeted_item=fields.targeted_item))


def set_action_status(action_id: str, change: ActionStatusChange) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.set_action_status(
        uow, actor, action_id, change.status, on=change.on))


def share_plan(plan_id: str, sharing: PlanSharing) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.share_plan(
        uow, actor, plan_id, how=sharing.how, shared_at=_moment(sharing.shared_on)))


def record_review(plan_id: str, review: PlanReviewNotes) -> Job[PlanView]:
    return changing(lambda uow, actor: plans.record_review(
        uow, actor, plan_id, notes=review.notes, next_review_due=review.next_review_due))


def advance_stage(escalation_id: str, stage: NextStage) -> Job[EscalationView]:
    return changing(lambda uow, actor: escalations.advance_stage(
        uow, actor, escalation_id, contact=stage.contact, note=stage.note))


def record_outcome(escalation_id: str, outcome: str) -> Job[EscalationView]:
    return changing(lambda uow, actor: escalations.record_outcome(
        uow, actor, escalation_id, outcome=outcome))
