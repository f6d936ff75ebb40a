"""What an answer means for an outbox row (delivery only by a verified, matching receipt), and
when to try again (full-jitter backoff, Retry-After)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import pytest

from app.sync.backoff import BACKGROUND, SEND_NOW, Backoff, parse_retry_after
from app.sync.transport import HttpAnswer
from app.sync.verdicts import (
    Delivered,
    NeedsAction,
    NewToken,
    PauseQueue,
    Reseal,
    RetryLater,
    Verdict,
    judge_submission,
)
from fcsync.keys import generate_signing_key, key_id
from fcsync.receipts import make_receipt

RECEIPT_KEY = generate_signing_key()
OTHER_KEY = generate_signing_key()
SID, DIGEST, DEVICE = "sub-1", "a" * 64, "dev-1"


def receipt(key: object = RECEIPT_KEY, **changes: str) -> bytes:
    values = {"submission_id": SID, "device_id": DEVICE, "inner_digest": DIGEST}
    values.update(changes)
    return make_receipt(key, key_id(key.public_key()), envelope_digest="e" * 64,  # type: ignore[attr-defined]
                        status="accepted", received_at=datetime(2026, 11, 29, tzinfo=timezone.utc),
                        reference="FC-2026-000001", **values).encode()


def problem(code: str, status: int, **extra: object) -> HttpAnswer:
    body = json.dumps({"type": f"urn:fc-sync:problem:{code}", "title": "t", "status": status, **extra})
    headers = {"content-type": "application/problem+json"}
    if "retry_after" in extra:
        headers["retry-after"] = str(extra["retry_after"])
    return HttpAnswer(status, headers, body.encode())


def jose(status: int, body: bytes) -> HttpAnswer:
    return HttpAnswer(status, {"content-type": "application/jose"}, body)


CASES: list[tuple[str, HttpAnswer, type[Verdict], str]] = [
    ("new: verified receipt", jose(201, receipt()), Delivered, ""),
    ("resend: the original receipt", jose(200, receipt()), Delivered, ""),
    ("receipt signed by another key", jose(201, receipt(OTHER_KEY)), RetryLater, "bad-receipt"),
    ("receipt for another submission", jose(201, receipt(submission_id="sub-2")), RetryLater, "bad-receipt"),
    ("receipt for other content", jose(201, receipt(inner_digest="b" * 64)), RetryLater, "bad-receipt"),
    ("receipt for another device", jose(201, receipt(device_id="dev-2")), RetryLater, "bad-receipt"),
    ("captive portal 200", HttpAnswer(200, {"content-type": "text/html"}, b"<h1>Sign in</h1>"), RetryLater, "sign-in page"),
    ("empty 201", HttpAnswer(201, {}, b""), RetryLater, "bad-receipt"),
    ("proxy 502 page", HttpAnswer(502, {"content-type": "text/html"}, b"<h1>Bad Gateway</h1>"), RetryLater, "HTTP 502"),
    ("portal 403 page", HttpAnswer(403, {"content-type": "text/html"}, b"<h1>Login</h1>"), RetryLater, "HTTP 403"),
    ("rate limited", problem("rate-limited", 429, retry_after=7), RetryLater, "rate-limited"),
    ("in progress", problem("in-progress", 409), RetryLater, "in-progress"),
    ("gateway error", problem("internal-error", 500), RetryLater, "internal-error"),
    ("expired token", problem("expired-request-token", 401, server_time=1_800_000_000), NewToken, "expired"),
    ("replayed token", problem("replayed-request-token", 401), NewToken, "replayed"),
    ("rotated key", problem("unknown-recipient-key", 422, current_recipient_key_id="k2"), Reseal, "unknown-recipient-key"),
    ("bad signature", problem("bad-envelope-signature", 422), NeedsAction, "bad-envelope-signature"),
    ("conflict", problem("submission-conflict", 422), NeedsAction, "submission-conflict"),
    ("too large", problem("too-large", 413), NeedsAction, "too-large"),
    ("unknown device", problem("unknown-device", 401), PauseQueue, "enrol it again"),
    ("revoked", problem("device-revoked", 403), PauseQueue, "revoked"),
    ("old app", problem("unsupported-version", 422), PauseQueue, "newer version"),
]


@pytest.mark.parametrize(("label", "answer", "kind", "words"), CASES, ids=[c[0] for c in CASES])
def test_only_a_verified_matching_receipt_is_delivery(label: str, answer: HttpAnswer, kind: type, words: str) -> None:
    verdict = judge_submission(answer, submission_id=SID, inner_digest=DIGEST, device_id=DEVICE,
                               receipt_key=RECEIPT_KEY.public_key())
    assert isinstance(verdict, kind)
    if words:
        assert words in verdict.reason  # type: ignore[union-attr]


def test_what_the_gateway_adds_to_a_problem_reaches_the_engine() -> None:
    key = RECEIPT_KEY.public_key()
    limited = judge_submission(problem("rate-limited", 429, retry_after=7), submission_id=SID,
                               inner_digest=DIGEST, device_id=DEVICE, receipt_key=key)
    expired = judge_submission(problem("expired-request-token", 401, server_time=1_800_000_000),
                               submission_id=SID, inner_digest=DIGEST, device_id=DEVICE, receipt_key=key)
    rotated = judge_submission(problem("unknown-recipient-key", 422, current_recipient_key_id="k2"),
                               submission_id=SID, inner_digest=DIGEST, device_id=DEVICE, receipt_key=key)
    assert isinstance(limited, RetryLater) and limited.retry_after == 7.0
    assert isinstance(expired, NewToken) and expired.server_time == 1_800_000_000
    assert isinstance(rotated, Reseal) and rotated.current_key_id == "k2"


@pytest.mark.parametrize("policy", [BACKGROUND, SEND_NOW, Backoff(1.0, 10.0)])
def test_full_jitter_stays_between_zero_and_the_capped_exponential(policy: Backoff) -> None:
    rng = random.Random(7)
    for attempts in range(1, 40):
        ceiling = min(policy.cap, policy.base * 2 ** (attempts - 1))
        delays = [policy.delay(attempts, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8 and min(delays) < ceiling * 0.2  # spread, not fixed


NOW = datetime(2026, 11, 29, 9, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("header", "seconds"), [
    ("5", 5.0), ("0", 0.0), (" 120 ", 120.0), ("999999999", 24 * 3600.0),
    ("Sun, 29 Nov 2026 09:00:30 GMT", 30.0), ("Sun, 29 Nov 2026 08:00:00 GMT", 0.0),
    ("soon", None), ("", None), (None, None), ("-5", None), ("1.5", None),
])
def test_retry_after_reads_seconds_or_a_date(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
