"""The jobs for visits corrected and visits planned, and the caseload's second and third passes
(its open concerns, what is overdue on plans and escalations), each bound for the database
worker like those in `ui.operations`.

A job that changes records opens one unit of work and commits it: a corrected visit is saved and
its notes draft discarded together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from app.profile import OpenProfile
from app.services import drafts, open_concerns, planned_visits, plans_overdue_counts, visits
from app.services.plans_overdue_counts import OverdueCount
from app.services.unit_of_work import UnitOfWork
from app.services.views import PlannedVisitView, VisitView
from ui.operations import Job


def update_visit(
    visit_id: str,
    *,
    kind: str,
    present: list[str],
    occurred_at: datetime,
    notes: str,
    draft_key: str | None,
) -> Job[VisitView]:
    """Correct a saved visit (only what differs is changed and audited); drop its draft."""

    def job(profile: OpenProfile) -> VisitView:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            visit = visits.update_visit(
                uow, actor, visit_id, kind=kind, present=present, occurred_at=occurred_at,
                notes=notes,
            )
            if draft_key is not None:
                drafts.discard_draft(uow, draft_key)
            uow.commit()
        return visit

    return job


def load_open_concerns() -> Job[dict[str, int]]:
    """Undismissed recurring-theme prompts per family id (families with none left out)."""

    def job(profile: OpenProfile) -> dict[str, int]:
        with profile.unit_of_work() as uow:
            return open_concerns.open_concerns(uow)

    return job


def load_overdue() -> Job[dict[str, OverdueCount]]:
    """Overdue plan actions, reviews, plan sharing and escalation responses per family id, as
    of today on the laptop (families with nothing overdue left out)."""

    def job(profile: OpenProfile) -> dict[str, OverdueCount]:
        with profile.unit_of_work() as uow:
            return plans_overdue_counts.overdue_by_family(uow, date.today())

    return job


def book_visit(
    family_id: str, *, planned_for: datetime, purpose: str, child_id: str | None
) -> Job[PlannedVisitView]:
    return _planning(lambda uow, actor: planned_visits.book_visit(
        uow, actor, family_id, planned_for=planned_for, purpose=purpose, child_id=child_id))


def move_visit(planned_id: str, *, planned_for: datetime, purpose: str) -> Job[PlannedVisitView]:
    return _planning(lambda uow, actor: planned_visits.move_visit(
        uow, actor, planned_id, planned_for=planned_for, purpose=purpose))


def cancel_visit(planned_id: str, *, reason: str) -> Job[PlannedVisitView]:
    return _planning(
        lambda uow, actor: planned_visits.cancel_visit(uow, actor, planned_id, reason=reason)
    )


def _planning(change: Callable[[UnitOfWork, str], PlannedVisitView]) -> Job[PlannedVisitView]:
    def job(profile: OpenProfile) -> PlannedVisitView:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            result = change(uow, actor)
            uow.commit()
        return result

    return job
