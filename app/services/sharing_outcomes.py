"""The front door's outcomes in the profile: keeping each one once, and reading them back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select

from app.services.sharing_views import OutcomeView
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import FrontDoorOutcome
from fcsync.outcomes import Outcome


def store_outcomes(uow: UnitOfWork, outcomes: Iterable[Outcome], *, now: datetime) -> int:
    """Keep outcomes not seen before (by outcome id); returns how many were new."""
    fresh = {o.outcome_id: o for o in outcomes}
    if not fresh:
        return 0
    known = set(uow.session.scalars(
        select(FrontDoorOutcome.outcome_id).where(FrontDoorOutcome.outcome_id.in_(list(fresh)))
    ))
    added = 0
    for outcome_id, o in fresh.items():
        if outcome_id in known:
            continue
        uow.session.add(FrontDoorOutcome(
            outcome_id=outcome_id, submission_id=o.submission_id, decision=o.decision,
            decided_at=o.decided_at, reference=o.reference, note=o.note, token=o.token,
            received_at=now,
        ))
        added += 1
    uow.session.flush()
    return added


def outcome_view(row: FrontDoorOutcome) -> OutcomeView:
    return OutcomeView(row.outcome_id, row.submission_id, row.decision, row.decided_at,
                       row.reference, row.note)


def outcomes_for(uow: UnitOfWork, submission_ids: Sequence[str]) -> dict[str, list[OutcomeView]]:
    """Outcomes by submission id, earliest decision first."""
    found: dict[str, list[OutcomeView]] = {}
    if not submission_ids:
        return found
    rows = uow.session.scalars(
        select(FrontDoorOutcome).where(FrontDoorOutcome.submission_id.in_(list(submission_ids)))
    )
    for row in sorted(rows, key=lambda r: r.decided_at):
        found.setdefault(row.submission_id, []).append(outcome_view(row))
    return found
