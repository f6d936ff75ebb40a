"""Reading stored plans back as views: one plan, or all of a family's (or the profile's) plans
in a fixed number of queries, with each action's SMART problems worked out on the way.

Shared by the plan services, the overdue lists, the chronology and the case-file export, so
they all see a plan the same way. Read-only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select

from app.services.plans_views import (
    PlanActionView,
    PlanReviewView,
    PlanShareView,
    PlanView,
    TargetedItem,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.models_plans import Plan, PlanAction, PlanReview, PlanShare
from assessments.plans import SmartAction, smart_problems


def action_view(row: PlanAction) -> PlanActionView:
    item = (TargetedItem(row.assessment_id, row.sub_area_id)
            if row.assessment_id is not None and row.sub_area_id is not None else None)
    smart = SmartAction(row.change_for_child, row.who, row.does_what, row.by_when, row.measure)
    return PlanActionView(
        id=row.id, plan_id=row.plan_id, number=row.position + 1,
        change_for_child=row.change_for_child, who=row.who, does_what=row.does_what,
        by_when=row.by_when, measure=row.measure, targeted_item=item,
        themes=tuple(row.themes), status=row.status, status_on=row.status_on,
        problems=smart_problems(smart),
    )


def _views(uow: UnitOfWork, plans: Iterable[Plan]) -> tuple[PlanView, ...]:
    rows = list(plans)
    ids = [p.id for p in rows]
    if not ids:
        return ()
    session = uow.session
    actions: dict[str, list[PlanActionView]] = defaultdict(list)
    shares: dict[str, list[PlanShareView]] = defaultdict(list)
    reviews: dict[str, list[PlanReviewView]] = defaultdict(list)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for a in session.scalars(select(PlanAction).where(PlanAction.plan_id.in_(chunk))
                                 .order_by(PlanAction.plan_id, PlanAction.position)):
            actions[a.plan_id].append(action_view(a))
        for s in session.scalars(select(PlanShare).where(PlanShare.plan_id.in_(chunk))
                                 .order_by(PlanShare.plan_id, PlanShare.position)):
            shares[s.plan_id].append(PlanShareView(s.shared_at, s.how, s.shared_by))
        for r in session.scalars(select(PlanReview).where(PlanReview.plan_id.in_(chunk))
                                 .order_by(PlanReview.plan_id, PlanReview.position)):
            reviews[r.plan_id].append(PlanReviewView(r.held_at, r.held_by, r.notes))
    return tuple(
        PlanView(
            id=p.id, family_id=p.family_id, child_id=p.child_id, title=p.title,
            made_at=p.made_at, made_by=p.made_by, review_due=p.review_due,
            actions=tuple(actions.get(p.id, ())), shares=tuple(shares.get(p.id, ())),
            reviews=tuple(reviews.get(p.id, ())),
        )
        for p in rows
    )


def plan_view(uow: UnitOfWork, plan: Plan) -> PlanView:
    return _views(uow, [plan])[0]


def plan_views(uow: UnitOfWork, family_id: str | None = None) -> tuple[PlanView, ...]:
    """A family's plans (or every plan of the profile) in the order they were made."""
    query = select(Plan).order_by(Plan.seq)
    if family_id is not None:
        query = query.where(Plan.family_id == family_id)
    return _views(uow, uow.session.scalars(query))
