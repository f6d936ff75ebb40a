"""The FC-Sync v1 submission envelope: sign → seal → sign, and its exact inverse.

Layers (docs/protocol/fc-sync-v1.md §Envelope):
1. inner: the summary as RFC 8785 canonical JSON, compact JWS by the device key,
   header {alg: Ed25519, typ: fc-summary+jws, kid: device id, sid: submission id,
   aud: recipient organisation};
2. sealed: HPKE base mode DHKEM(X25519, HKDF-SHA256)/HKDF-SHA256/AES-256-GCM over the inner
   JWS bytes, with `info` binding version, submission id, sender, recipient and recipient key id
   (cryptography's HPKE has no AAD);
3. outer: a canonical JSON object naming those same fields plus `sealed`, compact JWS by the
   device key with typ fc-envelope+jws. The wire bytes are the ASCII of that outer JWS.

`open_submission` raises only `ProtocolError` for any input bytes. It never looks at the age
of an envelope: queues can sit offline for days, and freshness comes from request tokens.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fcsync import _jws
from fcsync._wire import (
    PROTOCOL_VERSION,
    b64url_decode,
    b64url_encode,
    canonical_json,
    format_instant,
    parse_instant,
    read_json_object,
    require_str,
    sha256_hex,
)
from fcsync.problems import ProtocolError

ENVELOPE_MEDIA_TYPE = "application/fc-envelope+jws"
SUMMARY_TYP = "fc-summary+jws"
ENVELOPE_TYP = "fc-envelope+jws"
HPKE_SUITE_NAME = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_INFO_LABEL = b"fc-sync/1 sealed summary\x00"
IDEMPOTENCY_HEADER = "Idempotency-Key"
# Identifiers travel in headers (an RFC 8941 string) and URL paths: a safe alphabet only.
MAX_ID_CHARS = 128
_ID = re.compile(r"[A-Za-z0-9._~:-]{1,128}")
_OUTER_MEMBERS = frozenset(
    {"version", "submission_id", "sender", "recipient", "recipient_key_id", "suite", "sealed_at", "sealed"}
)


@dataclass(frozen=True)
class SealedSubmission:
    """What the desktop stores in its outbox row: the wire bytes and the inner signed summary.

    `inner_digest` (sha256 hex of the inner JWS) is the idempotency fingerprint: it survives
    resealing, while `envelope` changes every time (HPKE is randomised).
    """

    submission_id: str
    envelope: bytes
    inner_jws: str
    inner_digest: str
    envelope_digest: str


@dataclass(frozen=True)
class OpenedSubmission:
    """An envelope whose outer and inner signatures verified and whose seal opened."""

    submission_id: str
    device_id: str
    recipient: str
    recipient_key_id: str
    sealed_at: datetime
    summary: dict[str, Any]
    inner_jws: str
    inner_digest: str
    envelope_digest: str


def is_valid_id(value: object) -> bool:
    """Submission, device and organisation ids: 1–128 of A–Z a–z 0–9 . _ ~ : -"""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _check_id(value: str, name: str) -> None:
    if not is_valid_id(value):
        raise ValueError(f"{name} must be 1–{MAX_ID_CHARS} of A-Z a-z 0-9 . _ ~ : -")


def idempotency_key(submission_id: str) -> str:
    """The Idempotency-Key header value for a submission: an RFC 8941 string, `"<id>"`."""
    _check_id(submission_id, "submission_id")
    return f'"{submission_id}"'


def read_idempotency_key(value: str | None) -> str:
    """The submission id from an Idempotency-Key header (quoted, or bare for leniency).

    ProtocolError missing-idempotency-key when absent, idempotency-key-mismatch when malformed;
    the gateway also compares it with the opened envelope's submission id (mismatch → same code).
    """
    if value is None or not value.strip():
        raise ProtocolError("missing-idempotency-key", "the Idempotency-Key header is required")
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    if not is_valid_id(text):
        raise ProtocolError("idempotency-key-mismatch", "the Idempotency-Key is not a submission id")
    return text


def seal_info(*, submission_id: str, device_id: str, recipient: str, recipient_key_id: str) -> bytes:
    """The HPKE `info`: a fixed label, then canonical JSON of the context it binds."""
    context = {
        "version": PROTOCOL_VERSION,
        "submission_id": submission_id,
        "sender": device_id,
        "recipient": recipient,
        "recipient_key_id": recipient_key_id,
    }
    return _INFO_LABEL + canonical_json(context)


def sign_summary(
    summary: Mapping[str, Any],
    *,
    submission_id: str,
    device_id: str,
    device_key: Ed25519PrivateKey,
    recipient: str,
) -> str:
    """The inner layer: RFC 8785 JSON of `summary`, signed by the device key.

    ValueError if the summary holds floats or integers beyond 2^53 (they do not survive RFC 8785).
    """
    for value, name in ((submission_id, "submission_id"), (device_id, "device_id"), (recipient, "recipient")):
        _check_id(value, name)
    payload = canonical_json(dict(summary))
    return _jws.sign(payload, device_key, typ=SUMMARY_TYP, kid=device_id, sid=submission_id, aud=recipient)


def reseal(
    inner_jws: str,
    *,
    submission_id: str,
    device_id: str,
    device_key: Ed25519PrivateKey,
    recipient: str,
    recipient_key: X25519PublicKey,
    recipient_key_id: str,
    sealed_at: datetime | None = None,
) -> SealedSubmission:
    """Seal an already signed summary (again) to `recipient_key` and sign the outer envelope.

    Used for the first sealing and after `unknown-recipient-key`: the inner JWS, and so the
    inner digest and the idempotency of the submission, stay the same.
    ValueError if the inner JWS was signed for another submission id, device or recipient;
    ProtocolError (malformed-envelope / bad-inner-signature) if the stored inner JWS is damaged
    or does not verify with `device_key`, so a bad outbox row is caught before it is sent.
    """
    _check_id(recipient_key_id, "recipient_key_id")
    header, _ = _jws.verify(
        inner_jws, device_key.public_key(), typ=SUMMARY_TYP, code="bad-inner-signature",
        what="signed summary", structure_code="malformed-envelope",
    )
    expected = {"typ": SUMMARY_TYP, "kid": device_id, "sid": submission_id, "aud": recipient}
    if any(header.get(name) != value for name, value in expected.items()):
        raise ValueError("the signed summary belongs to another submission, device or recipient")
    inner = inner_jws.encode("ascii")
    info = seal_info(
        submission_id=submission_id, device_id=device_id,
        recipient=recipient, recipient_key_id=recipient_key_id,
    )
    outer_payload = {
        "version": PROTOCOL_VERSION,
        "submission_id": submission_id,
        "sender": device_id,
        "recipient": recipient,
        "recipient_key_id": recipient_key_id,
        "suite": HPKE_SUITE_NAME,
        "sealed_at": format_instant(sealed_at or datetime.now(UTC)),
        "sealed": b64url_encode(_SUITE.encrypt(inner, recipient_key, info=info)),
    }
    envelope = _jws.sign(canonical_json(outer_payload), device_key, typ=ENVELOPE_TYP, kid=device_id).encode("ascii")
    return SealedSubmission(submission_id, envelope, inner_jws, sha256_hex(inner), sha256_hex(envelope))


def seal_submission(
    summary: Mapping[str, Any],
    *,
    submission_id: str,
    device_id: str,
    device_key: Ed25519PrivateKey,
    recipient: str,
    recipient_key: X25519PublicKey,
    recipient_key_id: str,
    sealed_at: datetime | None = None,
) -> SealedSubmission:
    """Sign `summary` with the device key, seal it to the gateway, sign the envelope."""
    inner = sign_summary(
        summary, submission_id=submission_id, device_id=device_id, device_key=device_key, recipient=recipient
    )
    return reseal(
        inner, submission_id=submission_id, device_id=device_id, device_key=device_key,
        recipient=recipient, recipient_key=recipient_key, recipient_key_id=recipient_key_id,
        sealed_at=sealed_at,
    )


def peek_envelope_sender(envelope: bytes) -> str:
    """The device id named in an envelope's header, NOT verified (for logging and key look-up)."""
    header = _jws.unverified_header(envelope, "malformed-envelope", "envelope")
    return require_str(header, "kid", "malformed-envelope", "envelope header", max_len=MAX_ID_CHARS)


def open_submission(
    envelope: bytes,
    *,
    recipient_keys: Mapping[str, X25519PrivateKey],
    device_public_key: Callable[[str], Ed25519PublicKey | None],
    max_bytes: int,
    expected_device_id: str | None = None,
    current_recipient_key_id: str | None = None,
) -> OpenedSubmission:
    """Verify and open an envelope, in the order of docs/protocol/fc-sync-v1.md §Checks.

    `device_public_key(device_id)` returns the registered key or None (→ unknown-device);
    whatever it raises propagates (a database failure is not the sender's fault).
    `expected_device_id` is the device authenticated by the request token (→ sender-mismatch).
    `current_recipient_key_id` is told to the client with unknown-recipient-key so it reseals.
    Raises only ProtocolError for anything wrong with the bytes.
    """
    if not isinstance(envelope, bytes | bytearray | memoryview):
        raise ProtocolError("malformed-envelope", "envelope is not bytes")
    envelope = bytes(envelope)
    if len(envelope) > max_bytes:
        raise ProtocolError("too-large", f"envelope exceeds {max_bytes} bytes")
    # Read once (strictly, unverified) to pick the key; verified below before anything is trusted.
    compact = _jws.parse(envelope, "malformed-envelope", "envelope")
    header = compact.header
    sender = require_str(header, "kid", "malformed-envelope", "envelope header", max_len=MAX_ID_CHARS)
    if header.get("typ") != ENVELOPE_TYP:
        raise ProtocolError("malformed-envelope", f"envelope is not of type {ENVELOPE_TYP}")
    if expected_device_id is not None and not hmac.compare_digest(sender, expected_device_id):
        raise ProtocolError("sender-mismatch", "envelope names another device than the request token")
    sender_key = device_public_key(sender)
    if sender_key is None:
        raise ProtocolError("unknown-device", "envelope is from an unknown device")
    _, payload = _jws.verify_parsed(compact, sender_key, typ=ENVELOPE_TYP, code="bad-envelope-signature", what="envelope")
    outer = _read_outer(payload, sender)
    key = recipient_keys.get(outer["recipient_key_id"])
    if key is None:
        hint = {"current_recipient_key_id": current_recipient_key_id} if current_recipient_key_id else {}
        raise ProtocolError("unknown-recipient-key", "envelope is sealed to a key this gateway does not hold", **hint)
    info = seal_info(
        submission_id=outer["submission_id"], device_id=sender,
        recipient=outer["recipient"], recipient_key_id=outer["recipient_key_id"],
    )
    try:
        inner_bytes = _SUITE.decrypt(outer["sealed_bytes"], key, info=info)
    except Exception as exc:  # noqa: BLE001 - InvalidTag, or ValueError for short input: both mean "cannot open"
        raise ProtocolError("decryption-failed", "sealed summary cannot be opened") from exc
    summary, inner_jws = _read_inner(inner_bytes, outer, sender, sender_key)
    return OpenedSubmission(
        submission_id=outer["submission_id"],
        device_id=sender,
        recipient=outer["recipient"],
        recipient_key_id=outer["recipient_key_id"],
        sealed_at=outer["sealed_at"],
        summary=summary,
        inner_jws=inner_jws,
        inner_digest=sha256_hex(inner_bytes),
        envelope_digest=sha256_hex(envelope),
    )


def _read_outer(payload: bytes, sender: str) -> dict[str, Any]:
    code = "malformed-envelope"
    outer = read_json_object(payload, code, "envelope payload")
    version = outer.get("version")
    if version != PROTOCOL_VERSION:
        if isinstance(version, str) and version.startswith("fc-sync/"):
            raise ProtocolError("unsupported-version", "envelope version is not fc-sync/1")
        raise ProtocolError(code, "envelope has no FC-Sync version")
    if set(outer) != _OUTER_MEMBERS:
        raise ProtocolError(code, "envelope members are not those of fc-sync/1")
    fields = {name: require_str(outer, name, code, "envelope", max_len=MAX_ID_CHARS)
              for name in ("submission_id", "sender", "recipient", "recipient_key_id", "suite", "sealed_at")}
    if not all(is_valid_id(fields[name]) for name in ("submission_id", "sender", "recipient")):
        raise ProtocolError(code, "envelope ids use characters outside the id alphabet")
    if fields["sender"] != sender:
        raise ProtocolError(code, "envelope sender differs from its signing key id")
    if fields["suite"] != HPKE_SUITE_NAME:
        raise ProtocolError(code, "envelope uses an unsupported HPKE suite")
    sealed = outer.get("sealed")
    try:
        sealed_bytes = b64url_decode(sealed) if isinstance(sealed, str) else None
    except ValueError:
        sealed_bytes = None
    if sealed_bytes is None:
        raise ProtocolError(code, "envelope 'sealed' is not base64url")
    return {**fields, "sealed_bytes": sealed_bytes,
            "sealed_at": parse_instant(fields["sealed_at"], code, "envelope sealed_at")}


def _read_inner(
    inner_bytes: bytes, outer: Mapping[str, Any], sender: str, sender_key: Ed25519PublicKey
) -> tuple[dict[str, Any], str]:
    code = "bad-inner-signature"
    try:
        inner_jws = inner_bytes.decode("ascii")
    except UnicodeDecodeError as exc:
        raise ProtocolError("malformed-envelope", "signed summary is not a compact JWS") from exc
    header, payload = _jws.verify(
        inner_jws, sender_key, typ=SUMMARY_TYP, code=code,
        what="signed summary", structure_code="malformed-envelope",
    )
    # The inner signature is the one that lasts; it must say the same as the envelope around it.
    if (header.get("kid"), header.get("sid"), header.get("aud")) != (sender, outer["submission_id"], outer["recipient"]):
        raise ProtocolError(code, "signed summary was signed for another submission, device or recipient")
    summary = read_json_object(payload, "malformed-envelope", "summary")
    return summary, inner_jws
