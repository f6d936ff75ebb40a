"""The device-facing operations in the contract's order of checks, free of HTTP plumbing.

Each function takes what the HTTP layer read (method, URL as the device used it, headers, body)
and returns an `Answer` or raises `ProtocolError`. Order for a submission: the per-request token
first (401 unknown device, bad or expired token, replayed token id; 403 revoked device), then the
headers (415, 400), then the envelope and inner signatures and the seal (422), then idempotency
(201 new, 200 identical resend with the original receipt, 422 conflict). Content problems in a
well-signed summary never reject: the row is stored and flagged.

The operations run on the event loop; every database call goes through `gateway.db`
(`db_calls.py`: inline reads on SQLite, threads for everything else).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fcsync.configuration import build_configuration
from fcsync.enrolment import MAX_ENROLMENT_BYTES, build_enrolment_response, verify_enrolment_request
from fcsync.envelope import ENVELOPE_MEDIA_TYPE, open_submission, read_idempotency_key
from fcsync.outcomes import build_outcome_list
from fcsync.problems import ProtocolError
from fcsync.receipts import RECEIPT_MEDIA_TYPE
from fcsync.tokens import peek_token_device, read_authorization, verify_request_token
from gateway.config import GatewaySettings
from gateway.db_calls import DatabaseCalls
from gateway.keys import GatewayKeys
from gateway.limits import RateLimiter
from gateway.storage import DeviceRecord, RequestToken, Store
from gateway.summary import content_issues
from gateway.triage import outcomes_after

JSON = "application/json"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DeviceRequest:
    """One HTTP request as the gateway received it; `url` is the URL the device used."""

    method: str
    url: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes
    client: str = ""  # the peer address (for limiting enrolment attempts)


@dataclass(frozen=True)
class Gateway:
    """What the operations need: settings, keys, storage and the rate limiters."""

    settings: GatewaySettings
    keys: GatewayKeys
    store: Store
    limiter: RateLimiter  # per device
    enrol_limiter: RateLimiter  # per client address: a code can only be guessed by trying
    db: DatabaseCalls

    @property
    def organisation(self) -> str:
        return self.settings.organisation.code


def configuration(gateway: Gateway) -> Answer:
    body = build_configuration(
        organisation=gateway.organisation,
        organisation_name=gateway.settings.organisation.name,
        sealing_keys=[gateway.keys.sealing_key.public_key()],
        receipt_keys=[gateway.keys.receipt_key.public_key()],
        max_body_bytes=gateway.settings.max_body_bytes,
    )
    return Answer(200, body, JSON, {"Cache-Control": "no-cache"})


async def enrol(gateway: Gateway, request: DeviceRequest) -> Answer:
    retry = gateway.enrol_limiter.retry_after(request.client)
    if retry:
        raise ProtocolError("rate-limited", "too many enrolment attempts", retry_after=retry)
    if len(request.body) > MAX_ENROLMENT_BYTES:
        raise ProtocolError("too-large", "enrolment body is too large")
    checked = verify_enrolment_request(request.body, url=request.url, now=int(time.time()))
    device_id, created = await gateway.db.write(gateway.store.enrol, checked, datetime.now(UTC))
    body = build_enrolment_response(
        device_id=device_id,
        organisation=gateway.organisation,
        organisation_name=gateway.settings.organisation.name,
        sealing_key=gateway.keys.sealing_key.public_key(),
        receipt_key=gateway.keys.receipt_key.public_key(),
    )
    return Answer(201 if created else 200, body, JSON)


async def authenticate(
    gateway: Gateway, request: DeviceRequest, *, spend: bool = True
) -> tuple[DeviceRecord, RequestToken]:
    """The request token: who sent this, is it fresh and unused, may that device still send.

    With `spend=False` the caller must spend the token before answering: in the same transaction
    as its own write (one commit per submission) or, on any failure, with `spend_token`, which
    turns the answer into 401 replayed-request-token if the token had been used before. So a
    replayed token is always refused as such, whatever else is wrong with the request.
    """
    token = read_authorization(request.headers.get("authorization"))
    device = await gateway.db.read(gateway.store.device, peek_token_device(token))
    if device is None:
        raise ProtocolError("unknown-device", "this gateway does not know the device")
    claims = verify_request_token(
        token, method=request.method, url=request.url, body=request.body,
        device_public_key=device.public_key, now=int(time.time()),
    )
    retry = gateway.limiter.retry_after(device.device_id)
    if retry:
        raise ProtocolError("rate-limited", "too many requests from this device", retry_after=retry)
    used = RequestToken(device.device_id, claims.jti, datetime.fromtimestamp(claims.expires_at, UTC))
    if spend or device.revoked:
        await spend_token(gateway, used)
    if device.revoked:
        raise ProtocolError("device-revoked", "this device has been revoked")
    return device, used


async def spend_token(gateway: Gateway, used: RequestToken) -> None:
    if not await gateway.db.write(gateway.store.consume_token, used, datetime.now(UTC)):
        raise ProtocolError("replayed-request-token", "this request token was already used")


async def submit(gateway: Gateway, request: DeviceRequest) -> Answer:
    device, used = await authenticate(gateway, request, spend=False)
    try:
        return await _submit(gateway, request, device, used)
    except ProtocolError as exc:
        if exc.code != "replayed-request-token":
            await spend_token(gateway, used)  # a refused request still uses up its token
        raise


async def _submit(gateway: Gateway, request: DeviceRequest, device: DeviceRecord, used: RequestToken) -> Answer:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != ENVELOPE_MEDIA_TYPE:
        raise ProtocolError("unsupported-media-type", f"send the envelope as {ENVELOPE_MEDIA_TYPE}")
    submission_id = read_idempotency_key(request.headers.get("idempotency-key"))
    keys = gateway.keys
    opened = open_submission(
        request.body,
        recipient_keys={keys.sealing_key_id: keys.sealing_key},
        device_public_key=lambda sender: device.public_key if sender == device.device_id else None,
        max_bytes=gateway.settings.max_body_bytes,
        expected_device_id=device.device_id,
        current_recipient_key_id=keys.sealing_key_id,
    )
    if opened.submission_id != submission_id:
        raise ProtocolError("idempotency-key-mismatch", "the Idempotency-Key names another submission")
    if opened.recipient != gateway.organisation:
        # Sealed to our key yet addressed to another council: a device set-up fault, not content.
        raise ProtocolError("malformed-envelope", "the envelope is addressed to another organisation")
    issues = content_issues(opened.summary, opened.submission_id)
    stored = await gateway.db.write(
        gateway.store.store_submission, opened, request.body, status="accepted-flagged" if issues else "accepted",
        issues=issues, now=datetime.now(UTC), token=used,
    )
    return Answer(
        201 if stored.created else 200, stored.receipt.encode("ascii"), RECEIPT_MEDIA_TYPE,
        {"Location": f"submissions/{opened.submission_id}"},
    )


async def submission_receipt(gateway: Gateway, request: DeviceRequest, submission_id: str) -> Answer:
    device, _ = await authenticate(gateway, request)
    receipt = await gateway.db.read(gateway.store.receipt_for, device.device_id, submission_id)
    if receipt is None:
        raise ProtocolError("not-found", "no submission with that id from this device")
    return Answer(200, receipt.encode("ascii"), RECEIPT_MEDIA_TYPE)


async def outcomes(gateway: Gateway, request: DeviceRequest, cursor: str | None) -> Answer:
    device, _ = await authenticate(gateway, request)
    after = int(cursor) if cursor and cursor.isdigit() and len(cursor) < 19 else 0
    tokens, last = await gateway.db.read(outcomes_after, gateway.store, device.device_id, after)
    return Answer(200, build_outcome_list(tokens, None if last is None else str(last)), JSON)
