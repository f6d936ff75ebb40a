"""The audit log: who created, changed, viewed, printed, shared, imported or exported which record.

Owns writing events and checking the hash chain. Each event stores the previous event's hash and
`hash = sha256(prev_hash + canonical JSON of the event's fields)` (RFC 8785), and the newest
event's seq and hash are kept in `audit_head`; so an edited, deleted, inserted or reordered event
breaks the chain. (Someone holding the key can still rewrite the whole chain: the chain makes
tampering evident to `verify`, it is not a signature.)

Events hold ids, actions and field names, never personal text: the detail dict is checked for
that shape before it is written. Events are written in the caller's transaction, so an action
that rolls back leaves no event behind.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import rfc8785
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.storage.models import AuditEvent, AuditHead, RecordId

GENESIS = "0" * 64
ACTIONS = frozenset(
    {"create", "update", "import", "export", "view", "print", "share", "delete", "restore"}
)
# Values allowed in `detail`: ids, field names, counts, flags, versions. Nested lists of these.
_SAFE = (str, int, bool, type(None))


def _check_detail(detail: Mapping[str, Any]) -> None:
    for key, value in detail.items():
        items = value if isinstance(value, list | tuple) else [value]
        if not isinstance(key, str) or not all(isinstance(v, _SAFE) for v in items):
            raise ValueError(f"audit detail {key!r} must be ids, field names or counts")


def _event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + rfc8785.dumps(dict(fields))).hexdigest()


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "id": event.id,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "record_kind": event.record_kind,
        "record_id": event.record_id,
        "detail": event.detail,
    }


def record_event(
    session: Session,
    *,
    actor: str,
    action: str,
    record_kind: str,
    record_id: str,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Append one event to the chain, in the session's current transaction."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    detail = dict(detail or {})
    _check_detail(detail)
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    seq, prev_hash = (head.seq + 1, head.hash) if head is not None else (1, GENESIS)
    fields: dict[str, Any] = {
        "seq": seq,
        "id": f"A-{secrets.token_hex(8)}",
        "at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "record_kind": record_kind,
        "record_id": record_id,
        "detail": rfc8785.dumps(detail).decode("utf-8"),
    }
    digest = _event_hash(prev_hash, fields)
    session.execute(insert(AuditEvent).values(**fields, prev_hash=prev_hash, hash=digest))
    if head is None:
        session.execute(insert(AuditHead).values(id=1, seq=seq, hash=digest))
    else:
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=digest))


def verify_audit_chain(session: Session) -> list[str]:
    """Problems found in the chain, in order; an empty list means it is intact."""
    problems: list[str] = []
    prev_hash = GENESIS
    expected_seq = 1
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        if event.seq != expected_seq:
            problems.append(f"event {expected_seq} is missing (next found is {event.seq})")
        if event.prev_hash != prev_hash:
            problems.append(f"event {event.seq} does not follow the event before it")
        if _event_hash(event.prev_hash, _fields(event)) != event.hash:
            problems.append(f"event {event.seq} was altered after it was written")
        prev_hash = event.hash
        expected_seq = event.seq + 1
    head = session.execute(select(AuditHead.seq, AuditHead.hash)).first()
    last_seq = expected_seq - 1
    if head is None:
        if last_seq:
            problems.append("the record of the newest event is missing")
        elif session.scalar(select(RecordId.id).limit(1)) is not None:
            # Every record is created with an event, so records without any event mean deletion.
            problems.append("the audit log is empty but the profile holds records")
    elif head.seq != last_seq or head.hash != prev_hash:
        problems.append(
            f"the log ends at event {last_seq} but event {head.seq} was the newest written"
        )
    return problems
