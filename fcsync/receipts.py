"""Signed receipts: the gateway's proof that it durably holds a submission.

A receipt is a compact JWS (typ fc-receipt+jws) by the gateway's receipt key over canonical
JSON {version, submission_id, device_id, inner_digest, envelope_digest, status, received_at,
reference, issues}. Only a receipt that verifies with the key pinned at enrolment and names the
outbox row's submission id and inner digest marks the row delivered; a bare 200 is not delivery.
It proves receipt and integrity, not that anyone has acted on the summary (that is an outcome).
"""

from __future__ import annotations

from collections.abc import Sequence
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

RECEIPT_TYP = "fc-receipt+jws"
RECEIPT_MEDIA_TYPE = "application/jose"  # RFC 7515 compact serialisation
# "accepted-flagged": stored, but the summary failed content checks (FHIR structure, GCP2
# rules); a safeguarding concern is never lost to a schema nit, so it is still a receipt.
RECEIPT_STATUSES = frozenset({"accepted", "accepted-flagged"})
_MEMBERS = frozenset({"version", "submission_id", "device_id", "inner_digest", "envelope_digest",
                      "status", "received_at", "reference", "issues"})


@dataclass(frozen=True)
class Receipt:
    submission_id: str
    device_id: str
    inner_digest: str
    envelope_digest: str
    status: str
    received_at: datetime
    reference: str
    issues: tuple[str, ...]
    key_id: str
    token: str  # the compact JWS itself, to store beside the outbox row


def make_receipt(
    receipt_key: Ed25519PrivateKey,
    receipt_key_id: str,
    *,
    submission_id: str,
    device_id: str,
    inner_digest: str,
    envelope_digest: str,
    status: str,
    received_at: datetime,
    reference: str,
    issues: Sequence[str] = (),
) -> str:
    """Sign a receipt. `issues` are short codes/sentences without personal data."""
    if status not in RECEIPT_STATUSES:
        raise ValueError(f"receipt status must be one of {sorted(RECEIPT_STATUSES)}")
    payload = {
        "version": PROTOCOL_VERSION,
        "submission_id": submission_id,
        "device_id": device_id,
        "inner_digest": inner_digest,
        "envelope_digest": envelope_digest,
        "status": status,
        "received_at": format_instant(received_at),
        "reference": reference,
        "issues": list(issues),
    }
    return _jws.sign(canonical_json(payload), receipt_key, typ=RECEIPT_TYP, kid=receipt_key_id)


def verify_receipt(
    receipt: str | bytes,
    *,
    pinned_key: Ed25519PublicKey,
    expected_submission_id: str,
    expected_inner_digest: str,
    expected_device_id: str | None = None,
) -> Receipt:
    """Verify a receipt against the pinned receipt key and the outbox row it should answer.

    Raises only ProtocolError("bad-receipt").
    """
    code = "bad-receipt"
    header, payload = _jws.verify(receipt, pinned_key, typ=RECEIPT_TYP, code=code, what="receipt")
    body = read_json_object(payload, code, "receipt")
    if body.get("version") != PROTOCOL_VERSION or set(body) != _MEMBERS:
        raise ProtocolError(code, "receipt is not an fc-sync/1 receipt")
    text = {name: require_str(body, name, code, "receipt")
            for name in ("submission_id", "device_id", "inner_digest", "envelope_digest",
                         "status", "received_at", "reference")}
    issues = body["issues"]
    if not isinstance(issues, list) or not all(isinstance(item, str) for item in issues):
        raise ProtocolError(code, "receipt issues must be a list of strings")
    if text["status"] not in RECEIPT_STATUSES:
        raise ProtocolError(code, "receipt status is not known")
    if text["submission_id"] != expected_submission_id:
        raise ProtocolError(code, "receipt is for another submission")
    if text["inner_digest"] != expected_inner_digest:
        raise ProtocolError(code, "receipt is for other content")
    if expected_device_id is not None and text["device_id"] != expected_device_id:
        raise ProtocolError(code, "receipt is for another device")
    return Receipt(
        submission_id=text["submission_id"],
        device_id=text["device_id"],
        inner_digest=text["inner_digest"],
        envelope_digest=text["envelope_digest"],
        status=text["status"],
        received_at=parse_instant(text["received_at"], code, "receipt received_at"),
        reference=text["reference"],
        issues=tuple(issues),
        key_id=str(header.get("kid", "")),
        token=receipt.decode("ascii") if isinstance(receipt, bytes) else receipt,
    )
