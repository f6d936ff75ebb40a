"""Signed triage outcomes: the front door's decision on a submission, sent back to the device.

An outcome is a compact JWS (typ fc-outcome+jws) by the gateway's receipt key over canonical
JSON {version, outcome_id, submission_id, device_id, decision, decided_at, reference, note}.
The device fetches them with `GET v1/outcomes` (a JSON list of tokens) and keeps only those that
verify with the pinned key and are addressed to it; `outcome_id` lets it store each once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fcsync import _jws
from fcsync._wire import (
    PROTOCOL_VERSION,
    canonical_json,
    format_instant,
    parse_instant,
    read_json_object,
    require_str,
)
from fcsync.problems import ProtocolError

OUTCOME_TYP = "fc-outcome+jws"
DECISIONS = frozenset({"no_further_action", "early_help", "assessment", "strategy_discussion"})
MAX_NOTE_CHARS = 4000
_MEMBERS = frozenset({"version", "outcome_id", "submission_id", "device_id", "decision",
                      "decided_at", "reference", "note"})


@dataclass(frozen=True)
class Outcome:
    outcome_id: str
    submission_id: str
    device_id: str
    decision: str
    decided_at: datetime
    reference: str
    note: str
    key_id: str
    token: str


def make_outcome(
    outcome_key: Ed25519PrivateKey,
    outcome_key_id: str,
    *,
    outcome_id: str,
    submission_id: str,
    device_id: str,
    decision: str,
    decided_at: datetime,
    reference: str,
    note: str = "",
) -> str:
    """Sign an outcome with the gateway's receipt key."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {sorted(DECISIONS)}")
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"note is longer than {MAX_NOTE_CHARS} characters")
    payload = {
        "version": PROTOCOL_VERSION,
        "outcome_id": outcome_id,
        "submission_id": submission_id,
        "device_id": device_id,
        "decision": decision,
        "decided_at": format_instant(decided_at),
        "reference": reference,
        "note": note,
    }
    return _jws.sign(canonical_json(payload), outcome_key, typ=OUTCOME_TYP, kid=outcome_key_id)


def verify_outcome(
    outcome: str | bytes,
    *,
    pinned_key: Ed25519PublicKey,
    expected_device_id: str,
    expected_submission_id: str | None = None,
) -> Outcome:
    """Verify an outcome against the pinned receipt key; raises only ProtocolError("bad-outcome")."""
    code = "bad-outcome"
    header, payload = _jws.verify(outcome, pinned_key, typ=OUTCOME_TYP, code=code, what="outcome")
    body = read_json_object(payload, code, "outcome")
    if body.get("version") != PROTOCOL_VERSION or set(body) != _MEMBERS:
        raise ProtocolError(code, "outcome is not an fc-sync/1 outcome")
    text = {name: require_str(body, name, code, "outcome")
            for name in ("outcome_id", "submission_id", "device_id", "decision", "decided_at", "reference")}
    note = body["note"]
    if not isinstance(note, str) or len(note) > MAX_NOTE_CHARS:
        raise ProtocolError(code, "outcome note must be a short string")
    if text["decision"] not in DECISIONS:
        raise ProtocolError(code, "outcome decision is not known")
    if text["device_id"] != expected_device_id:
        raise ProtocolError(code, "outcome is for another device")
    if expected_submission_id is not None and text["submission_id"] != expected_submission_id:
        raise ProtocolError(code, "outcome is for another submission")
    return Outcome(
        outcome_id=text["outcome_id"],
        submission_id=text["submission_id"],
        device_id=text["device_id"],
        decision=text["decision"],
        decided_at=parse_instant(text["decided_at"], code, "outcome decided_at"),
        reference=text["reference"],
        note=note,
        key_id=str(header.get("kid", "")),
        token=outcome.decode("ascii") if isinstance(outcome, bytes) else outcome,
    )


@dataclass(frozen=True)
class OutcomeList:
    """A page of `GET v1/outcomes?after=<cursor>`: outcome tokens (unverified) and the cursor
    to send next time (None when the gateway has nothing newer)."""

    tokens: tuple[str, ...]
    cursor: str | None


def build_outcome_list(tokens: list[str], cursor: str | None) -> bytes:
    """The JSON body of `GET v1/outcomes` (the gateway side)."""
    return canonical_json({"version": PROTOCOL_VERSION, "outcomes": list(tokens), "cursor": cursor})


def parse_outcome_list(body: bytes) -> OutcomeList:
    """Read a `GET v1/outcomes` body; each token still needs `verify_outcome`.

    Raises only ProtocolError("bad-outcome").
    """
    code = "bad-outcome"
    data = read_json_object(body, code, "outcome list")
    tokens = data.get("outcomes")
    cursor = data.get("cursor")
    if data.get("version") != PROTOCOL_VERSION or not isinstance(tokens, list):
        raise ProtocolError(code, "outcome list is not an fc-sync/1 list")
    if not all(isinstance(token, str) for token in tokens):
        raise ProtocolError(code, "outcome list entries must be strings")
    if cursor is not None and (not isinstance(cursor, str) or len(cursor) > 256):
        raise ProtocolError(code, "outcome list cursor must be a short string or null")
    return OutcomeList(tuple(tokens), cursor)
