"""The chronology rows of information sharing: each share or disclosure, and each decision the
front door sent back.

Registers its source with `app.services.chronology.add_chronology_source` when imported (the
chronology imports this module itself). A share through the app shows where its delivery stands
(its receipt reference once delivered); an outcome shows the front door's decision and note, on
the day it was decided, against the child the share was about.
"""

from __future__ import annotations

from sqlalchemy import select

from app.services.chronology import add_chronology_source
from app.services.chronology_views import ChronologyRow
from app.services.sharing_views import CHANNEL_NAMES, STATE_NAMES
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import FrontDoorOutcome, OutboxItem, SharingDecision

_OUR_SERVICE = "Home visit"
DECISION_NAMES = {
    "no_further_action": "No further action",
    "early_help": "Early help",
    "assessment": "Assessment by children's social care",
    "strategy_discussion": "Strategy discussion",
}


def _delivery(row: OutboxItem | None) -> str:
    if row is None:
        return ""
    if row.state == "delivered":
        return f"Delivered, reference {row.receipt_reference}"
    if row.state == "needs_action":
        return f"Needs action: {row.last_error}"
    return STATE_NAMES[row.state]


def sharing_rows(uow: UnitOfWork, family_id: str, names: dict[str, str]) -> list[ChronologyRow]:
    session = uow.session
    decisions = list(session.scalars(select(SharingDecision).where(SharingDecision.family_id == family_id)))
    deliveries = {r.submission_id: r for r in session.scalars(
        select(OutboxItem).where(OutboxItem.family_id == family_id))}
    rows: list[ChronologyRow] = []
    by_submission: dict[str, SharingDecision] = {}
    for d in decisions:
        if d.channel == "app":
            event = f"GCP2 summary shared with {d.recipient}"
            if d.repeats_id is not None:
                event += " (shared again)"
        else:
            event = f"Information shared with {d.recipient} ({CHANNEL_NAMES[d.channel].lower()})"
        if d.submission_id is not None:
            by_submission[d.submission_id] = d
        rows.append(ChronologyRow(
            kind="sharing_decision", record_id=d.id, occurred_at=d.occurred_at, child_id=d.child_id,
            child=names.get(d.child_id or "", ""), event=event, source=_OUR_SERVICE,
            impact="", outcome=_delivery(deliveries.get(d.submission_id or "")), themes=(),
        ))
    if by_submission:
        for o in session.scalars(select(FrontDoorOutcome).where(
                FrontDoorOutcome.submission_id.in_(list(by_submission)))):
            d = by_submission[o.submission_id]
            rows.append(ChronologyRow(
                kind="front_door_outcome", record_id=o.outcome_id, occurred_at=o.decided_at,
                child_id=d.child_id, child=names.get(d.child_id or "", ""),
                event=f"Front door decision: {DECISION_NAMES[o.decision]} ({o.reference})",
                source=d.recipient, impact="", outcome=o.note, themes=(),
            ))
    return rows


add_chronology_source(sharing_rows)
