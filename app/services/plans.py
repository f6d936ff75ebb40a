"""Plans for a child or a family: making one, its SMART actions, sharing it, reviewing it.

A plan is shared with the family only when every action says what will change for the child,
who does what, by when and how we will know (`assessments.plans.smart_problems`); until then
`share_plan` refuses with the first flagged action's reason. Actions may be linked to a GCP2
targeted item (a sub-area in the targets table of one of the family's assessments) and tagged
with the organisation's themes. Every change is audited by ids and field names; the text never
enters the audit log. Overdue lists are `plans_overdue`; the plan's rows on the chronology are
`plans_chronology`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_event
from app.config import organisation_config
from app.errors import UnknownRecord, UsageError
from app.services.lived_experience import aware, checked_themes
from app.services.plans_store import plan_view, plan_views
from app.services.plans_views import PlanView, TargetedItem
from app.services.registry import register
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child, Family
from app.storage.models_gcp2 import Gcp2Assessment, Gcp2Target
from app.storage.models_plans import Plan, PlanAction, PlanReview, PlanShare
from assessments.plans import ActionStatus
from assessments.recurring_themes import add_months

__all__ = [
    "add_action",
    "create_plan",
    "get_plan",
    "plans_of_family",
    "record_review",
    "set_action_status",
    "share_plan",
    "update_action",
    "update_plan",
]

_ACTION_FIELDS = ("change_for_child", "who", "does_what", "by_when", "measure", "themes",
                  "targeted_item")


def _now() -> datetime:
    return datetime.now().astimezone()


def _plan(session: Session, plan_id: str) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise UnknownRecord(f"no plan with id '{plan_id}'")
    return plan


def _action(session: Session, action_id: str) -> PlanAction:
    action = session.get(PlanAction, action_id)
    if action is None:
        raise UnknownRecord(f"no plan action with id '{action_id}'")
    return action


def _text(value: str, what: str) -> str:
    if not value.strip():
        raise UsageError(f"the {what} cannot be blank")
    return value.strip()


def check_child(session: Session, family_id: str, child_id: str | None) -> None:
    """`child_id` (if given) must be a child of the family; the family must exist."""
    if session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    if child_id is not None:
        child = session.get(Child, child_id)
        if child is None or child.family_id != family_id:
            raise UnknownRecord(f"no child with id '{child_id}' in this family")


def _check_target(session: Session, plan: Plan, item: TargetedItem | None) -> None:
    if item is None:
        return
    assessment = session.get(Gcp2Assessment, item.assessment_id)
    if assessment is None or assessment.family_id != plan.family_id:
        raise UnknownRecord(f"no assessment with id '{item.assessment_id}' in this family")
    if plan.child_id is not None and assessment.child_id != plan.child_id:
        raise UsageError("the targeted item is from another child's assessment")
    target = session.scalar(select(Gcp2Target.position).where(
        Gcp2Target.assessment_id == item.assessment_id,
        Gcp2Target.sub_area_id == item.sub_area_id))
    if target is None:
        raise UsageError(f"'{item.sub_area_id}' is not a targeted item of that assessment")


def create_plan(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    title: str,
    child_id: str | None = None,
    review_due: date | None = None,
    made_at: datetime | None = None,
    plan_id: str | None = None,
) -> PlanView:
    """A new plan with no actions yet. Without `review_due`, the first review is set the
    organisation's `first_review_after_months` after the plan is made."""
    session = uow.session
    check_child(session, family_id, child_id)
    made = aware(made_at or _now(), "time the plan was made")
    if review_due is None:
        months = organisation_config(uow).plans.first_review_after_months
        review_due = add_months(made.date(), months)
    seq = int(session.scalar(select(func.coalesce(func.max(Plan.seq), 0))) or 0) + 1
    plan = Plan(
        id=register(session, "plan", plan_id), family_id=family_id, child_id=child_id, seq=seq,
        title=_text(title, "plan's title"), made_at=made, made_by=actor, review_due=review_due,
    )
    session.add(plan)
    session.flush()
    record_event(session, actor=actor, action="create", record_kind="plan", record_id=plan.id,
                 detail={"family_id": family_id, "child_id": child_id})
    return plan_view(uow, plan)


def update_plan(uow: UnitOfWork, actor: str, plan_id: str, **changes: object) -> PlanView:
    """Change the plan's `title` or `review_due` (a date, or None for no review planned)."""
    session = uow.session
    plan = _plan(session, plan_id)
    unknown = [name for name in changes if name not in ("title", "review_due")]
    if unknown:
        raise UsageError(f"'{unknown[0]}' cannot be changed on a plan")
    if "title" in changes:
        changes["title"] = _text(str(changes["title"]), "plan's title")
    if "review_due" in changes and not isinstance(changes["review_due"], date | None):
        raise UsageError("the review date must be a date")
    changed = [n for n in ("title", "review_due") if n in changes and getattr(plan, n) != changes[n]]
    for name in changed:
        setattr(plan, name, changes[name])
    if changed:
        session.flush()
        record_event(session, actor=actor, action="update", record_kind="plan",
                     record_id=plan_id, detail={"fields": changed})
    return plan_view(uow, plan)


def add_action(
    uow: UnitOfWork,
    actor: str,
    plan_id: str,
    *,
    change_for_child: str,
    who: str,
    does_what: str,
    by_when: date | None,
    measure: str,
    themes: Sequence[str] = (),
    targeted_item: TargetedItem | None = None,
    action_id: str | None = None,
) -> PlanView:
    """Add an action at the end of the plan (it is the returned plan's last). An action that
    is not yet SMART is kept, flagged with its reasons, so a draft is never lost."""
    session = uow.session
    plan = _plan(session, plan_id)
    _check_target(session, plan, targeted_item)
    position = int(session.scalar(
        select(func.coalesce(func.max(PlanAction.position) + 1, 0))
        .where(PlanAction.plan_id == plan_id)) or 0)
    action = PlanAction(
        id=register(session, "plan_action", action_id), plan_id=plan_id, position=position,
        change_for_child=change_for_child, who=who, does_what=does_what, by_when=by_when,
        measure=measure,
        assessment_id=targeted_item.assessment_id if targeted_item else None,
        sub_area_id=targeted_item.sub_area_id if targeted_item else None,
        themes=checked_themes(themes, organisation_config(uow).themes.catalogue),
        status=ActionStatus.OPEN.value, status_on=None,
    )
    session.add(action)
    session.flush()
    record_event(session, actor=actor, action="create", record_kind="plan_action",
                 record_id=action.id, detail={"plan_id": plan_id, "themes": action.themes})
    return plan_view(uow, plan)


def update_action(uow: UnitOfWork, actor: str, action_id: str, **changes: object) -> PlanView:
    """Change any of change_for_child, who, does_what, by_when, measure, themes,
    targeted_item; the audit event names the fields that changed."""
    session = uow.session
    action = _action(session, action_id)
    plan = _plan(session, action.plan_id)
    for name in changes:
        if name not in _ACTION_FIELDS:
            raise UsageError(f"'{name}' cannot be changed on a plan action")
    if "by_when" in changes and not isinstance(changes["by_when"], date | None):
        raise UsageError("'by when' must be a date")
    values = dict(changes)
    if "themes" in values:
        values["themes"] = checked_themes(
            list(values["themes"]),  # type: ignore[call-overload]
            organisation_config(uow).themes.catalogue)
    if "targeted_item" in values:
        item = values.pop("targeted_item")
        if not isinstance(item, TargetedItem | None):
            raise UsageError("the targeted item must be a TargetedItem or None")
        _check_target(session, plan, item)
        values["assessment_id"] = item.assessment_id if item else None
        values["sub_area_id"] = item.sub_area_id if item else None
    changed = [n for n, v in values.items() if getattr(action, n) != v]
    for name in changed:
        setattr(action, name, values[name])
    if changed:
        session.flush()
        record_event(session, actor=actor, action="update", record_kind="plan_action",
                     record_id=action_id, detail={"fields": sorted(changed)})
    return plan_view(uow, plan)


def set_action_status(
    uow: UnitOfWork, actor: str, action_id: str, status: str, *, on: date | None = None
) -> PlanView:
    """Mark an action done or not done (on a day; default today), or open again."""
    session = uow.session
    action = _action(session, action_id)
    if status not in set(ActionStatus):
        raise UsageError("the status is one of " + ", ".join(ActionStatus))
    action.status = status
    action.status_on = None if status == ActionStatus.OPEN else (on or _now().date())
    session.flush()
    record_event(session, actor=actor, action="update", record_kind="plan_action",
                 record_id=action_id, detail={"fields": ["status"], "status": status})
    return plan_view(uow, _plan(session, action.plan_id))


def share_plan(
    uow: UnitOfWork, actor: str, plan_id: str, *, how: str, shared_at: datetime | None = None
) -> PlanView:
    """Record that the plan was shared with the family, when and how ("copy left with Kerry
    and read through together"). Refused while the plan has no actions or any is flagged."""
    session = uow.session
    plan = _plan(session, plan_id)
    view = plan_view(uow, plan)
    if not view.actions:
        raise UsageError("the plan has no actions yet, so there is nothing to share")
    if view.flagged:
        first = view.flagged[0]
        raise UsageError(
            f"the plan cannot be marked as shared while {len(view.flagged)} action(s) are "
            f"flagged; action {first.number}: {first.problems[0].reason}")
    position = len(view.shares)
    session.add(PlanShare(plan_id=plan_id, position=position,
                          shared_at=aware(shared_at or _now(), "time the plan was shared"),
                          how=_text(how, "way the plan was shared"), shared_by=actor))
    session.flush()
    record_event(session, actor=actor, action="share", record_kind="plan", record_id=plan_id,
                 detail={"share": position + 1, "with": "family"})
    return plan_view(uow, plan)


def record_review(
    uow: UnitOfWork,
    actor: str,
    plan_id: str,
    *,
    notes: str,
    next_review_due: date | None,
    held_at: datetime | None = None,
) -> PlanView:
    """Record a review (was the change sufficient and sustained?) and set the next one."""
    session = uow.session
    plan = _plan(session, plan_id)
    position = int(session.scalar(
        select(func.count()).select_from(PlanReview).where(PlanReview.plan_id == plan_id)) or 0)
    session.add(PlanReview(plan_id=plan_id, position=position,
                           held_at=aware(held_at or _now(), "time of the review"),
                           held_by=actor, notes=_text(notes, "review's notes")))
    plan.review_due = next_review_due
    session.flush()
    record_event(session, actor=actor, action="update", record_kind="plan", record_id=plan_id,
                 detail={"review": position + 1, "fields": ["review_due"]})
    return plan_view(uow, plan)


def get_plan(uow: UnitOfWork, plan_id: str) -> PlanView:
    return plan_view(uow, _plan(uow.session, plan_id))


def plans_of_family(uow: UnitOfWork, family_id: str) -> tuple[PlanView, ...]:
    """The family's plans in the order they were made (each child's and the family's own)."""
    check_child(uow.session, family_id, None)
    return plan_views(uow, family_id)
