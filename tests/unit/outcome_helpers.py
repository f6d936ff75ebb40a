"""A front-door outcome for a family, as sync would leave it: a share recorded for the family
with its submission id, and the front door's decision on that submission (no gateway needed)."""

from __future__ import annotations

from datetime import datetime, timezone

from app.services.sharing import DecisionBasis, record_disclosure
from app.services.sharing_outcomes import store_outcomes
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import SharingDecision
from fcsync.outcomes import Outcome

SHARED_AT = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
DECIDED_AT = datetime(2026, 11, 4, 15, tzinfo=timezone.utc)


def add_front_door_outcome(
    uow: UnitOfWork, actor: str, family_id: str, *, child_id: str | None = None,
    submission_id: str = "sub-1", outcome_id: str = "O-1", decision: str = "no_further_action",
    note: str = "Threshold not met",
) -> str:
    """Store an outcome answering a share of `family_id`; returns the outcome id. The caller
    commits."""
    shared = record_disclosure(
        uow, actor, family_id,
        DecisionBasis(lawful_basis="public_task", consent="not_sought",
                      consent_reason="asking would put the child at risk"),
        recipient="Example Council (LA-1)", shared="GCP2 summary", channel="phone",
        occurred_at=SHARED_AT, child_id=child_id)
    row = uow.session.get(SharingDecision, shared.id)
    assert row is not None
    row.channel, row.submission_id = "app", submission_id  # as a share through the app is kept
    store_outcomes(uow, [Outcome(outcome_id=outcome_id, submission_id=submission_id,
                                 device_id="dev-1", decision=decision, decided_at=DECIDED_AT,
                                 reference="FC-2026-000042", note=note, key_id="kid",
                                 token="o.u.t")],
                   now=DECIDED_AT)
    return outcome_id
