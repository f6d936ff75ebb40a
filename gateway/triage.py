"""Front-door work over the stored submissions: the inbox list against the decision target,
opening a summary (decrypting it), recording a triage outcome as a signed outcome for the
device, staff accounts and the audit trail of what staff did.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from fcsync._wire import b64url_decode
from fcsync.outcomes import DECISIONS, MAX_NOTE_CHARS, make_outcome
from gateway.errors import UnknownRecord, UsageError
from gateway.models import AuditEvent, Device, Outcome, StaffUser, Submission
from gateway.staff import check_username, hash_password
from gateway.storage import Store, summary_context
from gateway.summary import SummaryView, read_summary

OUTCOMES_PAGE = 100
DECISION_LABELS = {
    "no_further_action": "No further action",
    "early_help": "Early help",
    "assessment": "Assessment",
    "strategy_discussion": "Strategy discussion",
}
assert set(DECISION_LABELS) == DECISIONS
try:
    FRONT_DOOR_TZ: Any = ZoneInfo("Europe/London")
except ZoneInfoNotFoundError:  # pragma: no cover - minimal containers without tzdata
    FRONT_DOOR_TZ = UTC


def decision_due(received_at: datetime) -> datetime:
    """One working day after receipt (Monday–Friday in UK time; bank holidays not yet known).

    Received on a weekend, the clock starts at the next Monday 00:00.
    """
    local = received_at.astimezone(FRONT_DOOR_TZ)
    while local.weekday() >= 5:
        local = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    due = local + timedelta(days=1)
    while due.weekday() >= 5:
        due += timedelta(days=1)
    return due.astimezone(UTC)


@dataclass(frozen=True)
class InboxItem:
    reference: str
    submission_id: str
    device_id: str
    practitioner: str
    status: str
    issues: tuple[str, ...]
    sealed_at: datetime
    received_at: datetime
    due_at: datetime
    decision: str | None

    def overdue(self, now: datetime) -> bool:
        return self.decision is None and now > self.due_at


def _item(row: Submission, practitioner: str, decision: str | None) -> InboxItem:
    return InboxItem(
        reference=row.reference or "", submission_id=row.submission_id, device_id=row.device_id,
        practitioner=practitioner, status=row.status, issues=tuple(json.loads(row.issues)),
        sealed_at=row.sealed_at, received_at=row.received_at,
        due_at=decision_due(row.received_at), decision=decision,
    )


def _latest_decisions(store: Store, pks: list[int]) -> dict[int, str]:
    if not pks:
        return {}
    with store.read() as session:
        latest = (select(func.max(Outcome.pk).label("latest_pk"))
                  .where(Outcome.submission_pk.in_(pks)).group_by(Outcome.submission_pk).subquery())
        rows = session.execute(select(Outcome.submission_pk, Outcome.decision).join(
            latest, Outcome.pk == latest.c.latest_pk))
        return {pk: decision for pk, decision in rows}


def list_inbox(store: Store, limit: int = 500) -> list[InboxItem]:
    """Awaiting a decision first, oldest first; then decided ones, newest first."""
    with store.read() as session:
        rows = session.execute(
            select(Submission, Device.practitioner)
            .join(Device, Device.device_id == Submission.device_id, isouter=True)
            .order_by(Submission.triage.asc(), Submission.received_at.asc()).limit(limit)
        ).all()
    decisions = _latest_decisions(store, [row.pk for row, _ in rows])
    items = [_item(row, practitioner or "", decisions.get(row.pk)) for row, practitioner in rows]
    waiting = [i for i in items if i.decision is None]
    decided = sorted((i for i in items if i.decision is not None), key=lambda i: i.received_at, reverse=True)
    return waiting + decided


def open_summary(store: Store, reference: str, actor: str) -> tuple[InboxItem, SummaryView]:
    """Decrypt and read one summary; the view is audited."""
    with store.read() as session:
        found = session.execute(
            select(Submission, Device.practitioner)
            .join(Device, Device.device_id == Submission.device_id, isouter=True)
            .where(Submission.reference == reference)
        ).first()
    if found is None:
        raise UnknownRecord(f"no submission with reference {reference}")
    row, practitioner = found
    inner = store.keys.at_rest.open(row.inner_sealed, summary_context(row.device_id, row.submission_id))
    # The inner JWS was verified on receipt; its payload is the RFC 8785 summary.
    summary = json.loads(b64url_decode(inner.decode("ascii").split(".")[1]))
    audit(store, actor, "view-summary", reference)
    decision = _latest_decisions(store, [row.pk]).get(row.pk)
    return _item(row, practitioner or "", decision), read_summary(summary)


def record_outcome(store: Store, reference: str, decision: str, note: str, actor: str) -> str:
    """Sign the decision for the device and store it; the device fetches it on its next sync."""
    if decision not in DECISIONS:
        raise UsageError("choose one of the four triage outcomes")
    if len(note) > MAX_NOTE_CHARS:
        raise UsageError(f"the note must be at most {MAX_NOTE_CHARS} characters")
    now = datetime.now(UTC)
    outcome_id = str(uuid.uuid4())
    with store.write() as session:
        row = session.scalar(select(Submission).where(Submission.reference == reference))
        if row is None:
            raise UnknownRecord(f"no submission with reference {reference}")
        token = make_outcome(
            store.keys.receipt_key, store.keys.receipt_key_id, outcome_id=outcome_id,
            submission_id=row.submission_id, device_id=row.device_id, decision=decision,
            decided_at=now, reference=reference, note=note,
        )
        session.add(Outcome(
            outcome_id=outcome_id, submission_pk=row.pk, device_id=row.device_id, decision=decision,
            decided_by=actor, decided_at=now,
            token_sealed=store.keys.at_rest.seal(token.encode("ascii"), outcome_context(outcome_id)),
        ))
        row.triage = "decided"
        session.add(AuditEvent(at=now, actor=actor, action=f"outcome:{decision}", subject=reference))
    return outcome_id


def outcome_context(outcome_id: str) -> str:
    return f"fc-gateway outcome|{outcome_id}"


def outcomes_after(store: Store, device_id: str, after: int) -> tuple[list[str], int | None]:
    """Signed outcomes for one device newer than cursor `after`; (tokens, new cursor or None)."""
    with store.read() as session:
        rows = session.execute(
            select(Outcome.pk, Outcome.outcome_id, Outcome.token_sealed)
            .where(Outcome.device_id == device_id, Outcome.pk > after)
            .order_by(Outcome.pk).limit(OUTCOMES_PAGE)
        ).all()
    tokens = [store.keys.at_rest.open(sealed, outcome_context(oid)).decode("ascii") for _, oid, sealed in rows]
    return tokens, (rows[-1][0] if rows else None)


def submission_lines(store: Store) -> list[dict[str, str]]:
    """What `fc-gateway submissions --json` prints: no personal data, one object per submission."""
    with store.read() as session:
        rows = session.execute(
            select(Submission.submission_id, Submission.device_id, Submission.status,
                   Submission.received_at, Submission.reference).order_by(Submission.pk)
        ).all()
    return [{"submission_id": sid, "device_id": dev, "status": status,
             "received_at": received.isoformat().replace("+00:00", "Z"), "reference": ref or ""}
            for sid, dev, status, received, ref in rows]


def add_staff(store: Store, username: str, password: str) -> None:
    check_username(username)
    hashed = hash_password(password)
    now = datetime.now(UTC)
    with store.write() as session:
        if session.get(StaffUser, username) is not None:
            raise UsageError(f"a staff user called {username} already exists")
        session.add(StaffUser(username=username, password_hash=hashed, created_at=now))
        session.add(AuditEvent(at=now, actor="admin", action="add-staff", subject=username))


def staff_password_hash(store: Store, username: str) -> str | None:
    with store.read() as session:
        user = session.get(StaffUser, username)
        return user.password_hash if user is not None else None


def audit(store: Store, actor: str, action: str, subject: str) -> None:
    with store.write() as session:
        session.add(AuditEvent(at=datetime.now(UTC), actor=actor, action=action, subject=subject[:200]))
