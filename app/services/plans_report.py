"""The child's plan on the parent report's "Our plan together" page.

Imported by `app.services.reports` when it exists; registers one plan-action source. For an
assessment it gives the open, SMART actions of the plans made for the assessed child and of the
plans for the whole family, in the order the plans were made and the actions listed. An action
still flagged (not measurable, no owner or no date) is left off: the plan cannot be shared with
the family until it is SMART, and the parent report is the family's copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import UnknownRecord
from app.reports import PlanAction
from app.services.plans import plans_of_family
from app.services.plans_views import PlanActionView
from app.services.reports import add_plan_action_source
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child
from assessments.plans import ActionStatus
from assessments.record import Assessment

__all__ = ["open_plan_actions", "plan_actions_for_report"]


def _shown(action: PlanActionView) -> bool:
    return action.status == ActionStatus.OPEN.value and not action.problems


def open_plan_actions(uow: UnitOfWork, child_id: str) -> tuple[PlanActionView, ...]:
    """The open SMART actions of the child's plans and of the family's own plans."""
    child = uow.session.get(Child, child_id)
    if child is None:
        raise UnknownRecord(f"no child with id '{child_id}'")
    return tuple(
        action
        for plan in plans_of_family(uow, child.family_id)
        if plan.child_id in (None, child_id)
        for action in plan.actions
        if _shown(action)
    )


def _report_line(action: PlanActionView) -> PlanAction:
    # The report's "who" column says who does what: a parent reads their own part there.
    who = f"{action.who}: {action.does_what}" if action.does_what.strip() else action.who
    return PlanAction(what=action.change_for_child, who=who, by_when=action.by_when,
                      measure=action.measure)


@add_plan_action_source
def plan_actions_for_report(uow: UnitOfWork, assessment: Assessment) -> Sequence[PlanAction]:
    """The plan page's rows for the assessed child's parent report."""
    return tuple(_report_line(a) for a in open_plan_actions(uow, assessment.child))
