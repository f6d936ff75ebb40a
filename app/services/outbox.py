"""The outbox's state machine in the database: claim, deliver, retry, move aside, pause, resume.

States: `queued` (waiting; `next_attempt_utc` says when, NULL = now) → `sending` (an attempt is
under way) → `delivered` (a verified receipt is stored) — or back to `queued` with a later
`next_attempt_utc` after a transient failure, `needs_action` after a permanent one (the reason
is kept; the practitioner can send it again), `paused` while the whole queue cannot go (revoked
or unknown device, app too old).

Why this never loses or duplicates a summary: a row only ever becomes `delivered` together with
its receipt (a CHECK holds them together), and nothing deletes rows. A process killed mid-attempt
leaves the row `sending`; the next "send now" claims it at once (a background pass once its
lease has run out) and resends the same bytes under the same submission id, and the gateway's
idempotency answers with the original receipt rather than storing it twice. Every write here is the caller's transaction to commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services.registry import utc_key
from app.services.sharing_views import OutboxCounts, OutboxRowView
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import OutboxEnvelope, OutboxItem
from fcsync.receipts import Receipt

WAITING = ("queued", "sending")
UNDELIVERED = ("queued", "sending", "paused", "needs_action")
# A claimed row's next_attempt_utc is set this far ahead: a background pass leaves a row another
# process is sending alone until then, and takes it back after a crash once the lease runs out.
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class OutboxSend:
    """What a sending thread needs for one attempt (bytes included; never shown to anyone)."""

    submission_id: str
    seq: int
    device_id: str
    recipient: str
    recipient_key_id: str
    inner_jws: str
    inner_digest: str
    envelope: bytes
    attempts: int


@dataclass(frozen=True)
class Rebuilt:
    """A new envelope for a row: resealed to a rotated gateway key, or re-signed after enrolling
    again. The inner summary is unchanged; its signature is new only after a re-enrolment."""

    device_id: str
    recipient: str
    recipient_key_id: str
    inner_jws: str
    inner_digest: str
    envelope: bytes
    envelope_digest: str


def eligible_ids(uow: UnitOfWork, *, now: datetime, send_now: bool) -> list[str]:
    """Rows to try, in the order they were shared. A background pass takes what is due; "send
    now" takes every undelivered row except those needing action, ignoring the schedule."""
    query = select(OutboxItem.submission_id).order_by(OutboxItem.seq)
    if send_now:
        query = query.where(OutboxItem.state.in_(("queued", "sending", "paused")))
    else:
        query = query.where(
            OutboxItem.state.in_(WAITING),
            (OutboxItem.next_attempt_utc.is_(None)) | (OutboxItem.next_attempt_utc <= utc_key(now)),
        )
    return list(uow.session.scalars(query))


def claim(uow: UnitOfWork, submission_ids: Sequence[str], *, now: datetime) -> list[OutboxSend]:
    """Mark these rows `sending` (one more attempt each, leased for LEASE) if they still wait;
    returns those claimed. A row delivered or moved aside meanwhile (by another process) is
    skipped."""
    if not submission_ids:
        return []
    item, envelope = OutboxItem, OutboxEnvelope
    found = uow.session.execute(
        select(item.submission_id, item.seq, envelope.device_id, envelope.recipient,
               envelope.recipient_key_id, envelope.inner_jws, item.inner_digest, envelope.envelope,
               item.attempts)
        .join(envelope, envelope.submission_id == item.submission_id)
        .where(item.submission_id.in_(list(submission_ids)),
               item.state.in_(("queued", "sending", "paused")))
        .order_by(item.seq)
    ).all()
    if not found:
        return []
    uow.session.execute(
        update(item).where(item.submission_id.in_([r.submission_id for r in found]),
                           item.state.in_(("queued", "sending", "paused")))
        .values(state="sending", attempts=item.attempts + 1, last_attempt_at=now,
                next_attempt_utc=utc_key(now + LEASE))
    )
    return [OutboxSend(*r[:8], attempts=r.attempts + 1) for r in found]


def _waiting(submission_id: str) -> Any:
    # Writes below never touch a delivered row: its receipt stands, whatever arrives later.
    return (OutboxItem.submission_id == submission_id) & (OutboxItem.state != "delivered")


_TABLE = cast(Table, OutboxItem.__table__)
# Built once: the engine records hundreds of receipts a second, one executemany per batch.
_DELIVER = (
    update(_TABLE)
    .where(_TABLE.c.submission_id == bindparam("sid"), _TABLE.c.state != "delivered")
    .values(state="delivered", receipt=bindparam("receipt"), receipt_reference=bindparam("reference"),
            receipt_status=bindparam("status"), delivered_at=bindparam("at"), next_attempt_utc=None,
            last_error="")
)


def mark_delivered(uow: UnitOfWork, receipts: Sequence[Receipt], *, now: datetime) -> None:
    """Store each verified receipt on its row; a row is delivered from then on, whatever happens
    later (a row already delivered keeps the receipt it has)."""
    if receipts:
        uow.session.connection().execute(_DELIVER, [
            {"sid": r.submission_id, "receipt": r.token, "reference": r.reference,
             "status": r.status, "at": now} for r in receipts
        ])


def release(uow: UnitOfWork, submission_ids: Sequence[str]) -> None:
    """Rows claimed but never sent (the run stopped first): waiting again, attempt not counted."""
    if submission_ids:
        uow.session.execute(
            update(OutboxItem).where(OutboxItem.submission_id.in_(list(submission_ids)),
                                     OutboxItem.state == "sending")
            .values(state="queued", next_attempt_utc=None, attempts=OutboxItem.attempts - 1)
        )


def mark_retry(uow: UnitOfWork, submission_id: str, *, error: str, retry_at: datetime) -> None:
    uow.session.execute(update(OutboxItem).where(_waiting(submission_id)).values(
        state="queued", last_error=error, next_attempt_utc=utc_key(retry_at)))


def mark_needs_action(uow: UnitOfWork, submission_id: str, *, error: str) -> None:
    uow.session.execute(update(OutboxItem).where(_waiting(submission_id)).values(
        state="needs_action", last_error=error, next_attempt_utc=None))


def pause_queue(uow: UnitOfWork, *, error: str) -> int:
    """Every row still waiting is paused with the reason; returns how many."""
    result = uow.session.execute(
        update(OutboxItem).where(OutboxItem.state.in_(("queued", "sending", "paused")))
        .values(state="paused", last_error=error, next_attempt_utc=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def resume_queue(uow: UnitOfWork) -> int:
    """Paused rows wait again (after enrolling again); returns how many."""
    result = uow.session.execute(
        update(OutboxItem).where(OutboxItem.state == "paused")
        .values(state="queued", last_error="", next_attempt_utc=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def store_rebuilt(uow: UnitOfWork, submission_id: str, rebuilt: Rebuilt) -> None:
    """Keep a resealed (or re-signed) envelope for the row, unless it was delivered meanwhile."""
    still = uow.session.execute(update(OutboxItem).where(_waiting(submission_id))
                                .values(inner_digest=rebuilt.inner_digest))
    if not getattr(still, "rowcount", 0):
        return
    uow.session.execute(update(OutboxEnvelope).where(OutboxEnvelope.submission_id == submission_id).values(
        device_id=rebuilt.device_id, recipient=rebuilt.recipient,
        recipient_key_id=rebuilt.recipient_key_id, inner_jws=rebuilt.inner_jws,
        envelope=rebuilt.envelope, envelope_digest=rebuilt.envelope_digest,
    ))


def add_to_outbox(uow: UnitOfWork, *, submission_id: str, decision_id: str, family_id: str,
                  assessment_id: str, device_id: str, recipient: str, recipient_key_id: str,
                  inner_jws: str, inner_digest: str, envelope: bytes, envelope_digest: str,
                  queued_at: datetime) -> None:
    """A new row, waiting to be sent as soon as possible, with its envelope."""
    uow.session.add(OutboxItem(
        submission_id=submission_id, decision_id=decision_id, family_id=family_id,
        assessment_id=assessment_id, seq=next_seq(uow), inner_digest=inner_digest, state="queued",
        attempts=0, queued_at=queued_at, next_attempt_utc=None, last_error="",
    ))
    uow.session.flush()
    uow.session.add(OutboxEnvelope(
        submission_id=submission_id, device_id=device_id, recipient=recipient,
        recipient_key_id=recipient_key_id, inner_jws=inner_jws, envelope=envelope,
        envelope_digest=envelope_digest,
    ))
    uow.session.flush()


def send_again(uow: UnitOfWork, actor: str, submission_id: str) -> OutboxRowView:
    """The practitioner's "try again" on a row that needs action or is paused."""
    row = uow.session.get(OutboxItem, submission_id)
    if row is None:
        raise UnknownRecord(f"no outbox item with submission id '{submission_id}'")
    if row.state == "delivered":
        raise UsageError("this summary has already been delivered; share again to send a new copy")
    row.state = "queued"
    row.next_attempt_utc = None
    record_event(uow.session, actor=actor, action="update", record_kind="outbox",
                 record_id=submission_id, detail={"fields": ["state"], "state": "queued"})
    return row_view(row)


def _aware_utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(timezone.utc)


def row_view(row: OutboxItem) -> OutboxRowView:
    return OutboxRowView(
        submission_id=row.submission_id, decision_id=row.decision_id, family_id=row.family_id,
        assessment_id=row.assessment_id, state=row.state, attempts=row.attempts,
        queued_at=row.queued_at, next_attempt_at=_aware_utc(row.next_attempt_utc),
        last_error=row.last_error, receipt_reference=row.receipt_reference,
        receipt_status=row.receipt_status, delivered_at=row.delivered_at,
    )


def outbox_rows(uow: UnitOfWork, *, family_id: str | None = None) -> list[OutboxRowView]:
    """Rows in the order they were shared (all, or one family's)."""
    query = select(OutboxItem).order_by(OutboxItem.seq)
    if family_id is not None:
        query = query.where(OutboxItem.family_id == family_id)
    return [row_view(row) for row in uow.session.scalars(query)]


def outbox_counts(uow: UnitOfWork) -> OutboxCounts:
    counts: dict[str, int] = {state: int(n) for state, n in uow.session.execute(
        select(OutboxItem.state, func.count()).group_by(OutboxItem.state))}
    return OutboxCounts(**{state: int(counts.get(state, 0)) for state in
                           ("queued", "sending", "delivered", "paused", "needs_action")})


def next_due(uow: UnitOfWork) -> datetime | None:
    """When the earliest waiting row is next due (None: nothing waits; a past time: now)."""
    rows = uow.session.execute(
        select(OutboxItem.next_attempt_utc).where(OutboxItem.state.in_(WAITING))
        .order_by(OutboxItem.next_attempt_utc.is_not(None), OutboxItem.next_attempt_utc).limit(1)
    ).first()
    if rows is None:
        return None
    return _aware_utc(rows[0]) or datetime.now(timezone.utc) - timedelta(seconds=1)


def next_seq(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.coalesce(func.max(OutboxItem.seq), 0))) or 0) + 1
