"""FC-Sync v1 problem codes: the one list of every failure both ends agree on.

Owns the stable problem `type` URIs (`urn:fc-sync:problem:<code>`), the HTTP status each one
travels with, the action a client takes when it sees one, the RFC 9457 problem+json shape, and
`ProtocolError`, the only exception the parsing and verifying functions of `fcsync` raise for
bad input. It knows nothing about HTTP servers or clients: the gateway turns a `ProtocolError`
into a response with `Problem.to_dict()`, the desktop turns a response back into a `Problem`
with `parse_problem()` and acts on `Problem.client_action`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

PROBLEM_TYPE_PREFIX = "urn:fc-sync:problem:"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class ClientAction(StrEnum):
    """What the desktop does with an outbox item (or the whole queue) after a problem."""

    RETRY_LATER = "retry-later"  # transient: full-jitter backoff, honour Retry-After
    NEW_TOKEN = "new-token"  # noqa: S105 - make a fresh request token (check the clock) and retry
    RESEAL = "reseal"  # fetch the configuration, reseal the same inner JWS, retry
    RE_ENROL = "re-enrol"  # the gateway does not know this device: enrol again
    STOP = "stop"  # device revoked: pause the whole queue and tell the practitioner
    NEEDS_ACTION = "needs-action"  # permanent for this item: move it aside, go on with the rest
    UPDATE_APP = "update-app"  # the gateway speaks a version this app does not
    NEW_CODE = "new-code"  # enrolment code unknown, used or expired: ask the admin for another
    IGNORE = "ignore"  # a message from the gateway failed checks: drop it, keep the old state


@dataclass(frozen=True)
class ProblemType:
    """One registered problem: its code, HTTP status, short title and the client's action."""

    code: str
    status: int
    title: str
    action: ClientAction

    @property
    def uri(self) -> str:
        return PROBLEM_TYPE_PREFIX + self.code


def _t(code: str, status: int, title: str, action: ClientAction) -> ProblemType:
    return ProblemType(code, status, title, action)


A = ClientAction
# The order below is the order the gateway checks things in (see docs/protocol/fc-sync-v1.md).
PROBLEM_TYPES: Mapping[str, ProblemType] = {
    p.code: p
    for p in (
        _t("too-large", 413, "The request body is larger than the gateway accepts.", A.NEEDS_ACTION),
        _t("unsupported-media-type", 415, "The request body is not of the expected type.", A.UPDATE_APP),
        # request token (401/403): checked before the body is looked at
        _t("bad-request-token", 401, "The request token is missing or invalid.", A.NEW_TOKEN),
        _t("expired-request-token", 401, "The request token is outside its time window.", A.NEW_TOKEN),
        _t("replayed-request-token", 401, "The request token was already used.", A.NEW_TOKEN),
        _t("unknown-device", 401, "The gateway does not know this device.", A.RE_ENROL),
        _t("device-revoked", 403, "This device has been revoked.", A.STOP),
        # submission headers
        _t("missing-idempotency-key", 400, "The Idempotency-Key header is missing.", A.NEEDS_ACTION),
        _t("idempotency-key-mismatch", 400, "The Idempotency-Key does not match the envelope.", A.NEEDS_ACTION),
        # envelope (422): signatures and sealing
        _t("malformed-envelope", 422, "The envelope is not a well-formed FC-Sync envelope.", A.NEEDS_ACTION),
        _t("unsupported-version", 422, "The envelope's protocol version is not supported.", A.UPDATE_APP),
        _t("sender-mismatch", 422, "The envelope was not sent by the authenticated device.", A.NEEDS_ACTION),
        _t("bad-envelope-signature", 422, "The envelope signature does not verify.", A.NEEDS_ACTION),
        _t("unknown-recipient-key", 422, "The envelope is sealed to a key the gateway no longer holds.", A.RESEAL),
        _t("decryption-failed", 422, "The sealed summary cannot be opened.", A.NEEDS_ACTION),
        _t("bad-inner-signature", 422, "The signed summary inside the envelope does not verify.", A.NEEDS_ACTION),
        # idempotency
        _t("submission-conflict", 422, "A different summary was already received under this submission id.", A.NEEDS_ACTION),
        _t("in-progress", 409, "The same submission is still being processed.", A.RETRY_LATER),
        # enrolment
        _t("malformed-enrolment", 400, "The enrolment request is not well formed or its proof fails.", A.NEEDS_ACTION),
        _t("bad-enrolment-code", 400, "The enrolment code is unknown, used or expired.", A.NEW_CODE),
        # general
        _t("not-found", 404, "Nothing is known under that identifier.", A.NEEDS_ACTION),
        _t("rate-limited", 429, "Too many requests; slow down.", A.RETRY_LATER),
        _t("internal-error", 500, "The gateway failed unexpectedly.", A.RETRY_LATER),
        _t("unavailable", 503, "The gateway is temporarily unavailable.", A.RETRY_LATER),
        # raised only on the device, about what the gateway sent; never sent on the wire
        _t("bad-receipt", 502, "The receipt does not verify or does not match the submission.", A.RETRY_LATER),
        _t("bad-outcome", 502, "The outcome does not verify or is not for this device.", A.IGNORE),
        _t("bad-configuration", 502, "The gateway's configuration document is not usable.", A.NEEDS_ACTION),
        _t("bad-enrolment-response", 502, "The gateway's enrolment response is not usable.", A.NEEDS_ACTION),
    )
}
del A

# Extension members a problem may carry (RFC 9457 §3.2); values are strings or integers.
EXTENSION_NAMES = frozenset({"server_time", "current_recipient_key_id", "submission_id", "retry_after"})


@dataclass(frozen=True)
class Problem:
    """An RFC 9457 problem with an FC-Sync code. `detail` must never carry personal data."""

    code: str
    detail: str = ""
    extensions: Mapping[str, str | int] = field(default_factory=dict)
    status_override: int | None = None  # only for problems parsed from an unexpected status

    @property
    def type(self) -> ProblemType | None:
        return PROBLEM_TYPES.get(self.code)

    @property
    def status(self) -> int:
        if self.status_override is not None:
            return self.status_override
        known = self.type
        return known.status if known else 500

    @property
    def title(self) -> str:
        known = self.type
        return known.title if known else "Unrecognised problem."

    @property
    def client_action(self) -> ClientAction:
        """What the client does: from the registry, or by status class for unknown codes."""
        known = self.type
        if known is not None:
            return known.action
        if self.status in (408, 409, 425, 429) or self.status >= 500:
            return ClientAction.RETRY_LATER
        return ClientAction.NEEDS_ACTION

    def to_dict(self) -> dict[str, Any]:
        """The problem+json body (serialise with json.dumps; media type PROBLEM_MEDIA_TYPE)."""
        body: dict[str, Any] = {
            "type": PROBLEM_TYPE_PREFIX + self.code,
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            body["detail"] = self.detail
        for name, value in self.extensions.items():
            body.setdefault(name, value)
        return body


class ProtocolError(Exception):
    """A protocol failure with a registered problem code (see `PROBLEM_TYPES`).

    Every fcsync function that reads bytes from the other side raises only this for bad input.
    """

    def __init__(self, code: str, detail: str = "", **extensions: str | int) -> None:
        if code not in PROBLEM_TYPES:
            raise ValueError(f"unregistered FC-Sync problem code {code!r}")
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.extensions: dict[str, str | int] = dict(extensions)

    @property
    def problem(self) -> Problem:
        return Problem(self.code, self.detail, dict(self.extensions))

    @property
    def status(self) -> int:
        return PROBLEM_TYPES[self.code].status


def parse_problem(body: bytes, status: int) -> Problem:
    """Read a problem+json body the gateway sent with HTTP `status`; never raises.

    A body that is not a problem of ours (a proxy's HTML page, say) yields code "unrecognised"
    with the status kept, so `client_action` falls back to the status class.
    """
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return Problem("unrecognised", status_override=status)
    type_uri = data.get("type")
    code = "unrecognised"
    if isinstance(type_uri, str) and type_uri.startswith(PROBLEM_TYPE_PREFIX):
        code = type_uri[len(PROBLEM_TYPE_PREFIX):]
    detail = data.get("detail")
    extensions = {
        name: value
        for name, value in data.items()
        if name in EXTENSION_NAMES and isinstance(value, str | int) and not isinstance(value, bool)
    }
    known = PROBLEM_TYPES.get(code)
    return Problem(
        code if known else "unrecognised",
        detail if isinstance(detail, str) else "",
        extensions,
        status_override=None if known and known.status == status else status,
    )
