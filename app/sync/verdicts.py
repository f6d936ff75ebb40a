"""What an answer to a submission means for its outbox row: the one place that decides delivery.

A row is delivered **only** by a receipt that verifies with the receipt key pinned at enrolment
and names the row's submission id, inner digest and device (`fcsync.receipts.verify_receipt`).
A 200 or 201 without such a receipt (a hotel's login page, a broken proxy, a forged or damaged
receipt) is a transient failure: the row is sent again later, and the gateway's idempotency
answers the resend with the original receipt. Only problems the gateway states in FC-Sync's own
terms (`urn:fc-sync:problem:*`) can move a row aside or pause the queue; any other answer, of
any status, is treated as "not the gateway (yet)" and retried. Reasons are plain words plus the
problem code: they are shown to the practitioner and never hold personal data.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.sync.backoff import parse_retry_after
from app.sync.transport import HttpAnswer
from fcsync.problems import PROBLEM_MEDIA_TYPE, ClientAction, Problem, ProtocolError, parse_problem
from fcsync.receipts import Receipt, verify_receipt


@dataclass(frozen=True)
class Delivered:
    receipt: Receipt


@dataclass(frozen=True)
class RetryLater:
    reason: str
    retry_after: float | None = None  # seconds the gateway asked us to wait, if it did


@dataclass(frozen=True)
class NeedsAction:
    """Permanent for this row: move it aside, carry on with the rest."""

    reason: str


@dataclass(frozen=True)
class NewToken:
    """The request token was refused: make a fresh one (correcting the clock) and try again."""

    reason: str
    server_time: int | None


@dataclass(frozen=True)
class Reseal:
    """The gateway has a new sealing key: reseal the same signed summary to it and try again."""

    reason: str
    current_key_id: str | None


@dataclass(frozen=True)
class PauseQueue:
    """Nothing can be sent until a person acts (re-enrol, revoked device, update the app)."""

    reason: str


Verdict = Delivered | RetryLater | NeedsAction | NewToken | Reseal | PauseQueue

_PAUSE_REASONS = {
    ClientAction.RE_ENROL: "the gateway no longer knows this device; enrol it again with a new code",
    ClientAction.STOP: "the gateway's administrator has revoked this device; ask them, then enrol again",
    ClientAction.UPDATE_APP: "the gateway needs a newer version of HomeVisit; update the app",
}


def describe_problem(problem: Problem) -> str:
    return f"{problem.title} ({problem.code})"


def _retry_after(answer: HttpAnswer, problem: Problem | None) -> float | None:
    seconds = parse_retry_after(answer.headers.get("retry-after"))
    if seconds is None and problem is not None:
        hinted = problem.extensions.get("retry_after")
        if isinstance(hinted, int) and hinted >= 0:
            seconds = float(hinted)
    return seconds


def our_problem(answer: HttpAnswer) -> Problem | None:
    """The FC-Sync problem in an answer, or None when the answer is not one of ours."""
    if answer.media_type != PROBLEM_MEDIA_TYPE:
        return None
    problem = parse_problem(answer.body, answer.status)
    return None if problem.code == "unrecognised" else problem


def judge_problem(answer: HttpAnswer, problem: Problem) -> Verdict:
    action = problem.client_action
    reason = describe_problem(problem)
    if action == ClientAction.RETRY_LATER:
        return RetryLater(reason, _retry_after(answer, problem))
    if action == ClientAction.NEW_TOKEN:
        server_time = problem.extensions.get("server_time")
        return NewToken(reason, server_time if isinstance(server_time, int) else None)
    if action == ClientAction.RESEAL:
        current = problem.extensions.get("current_recipient_key_id")
        return Reseal(reason, current if isinstance(current, str) else None)
    if action in _PAUSE_REASONS:
        return PauseQueue(f"{_PAUSE_REASONS[action]} ({problem.code})")
    return NeedsAction(reason)


def judge_submission(
    answer: HttpAnswer,
    *,
    submission_id: str,
    inner_digest: str,
    device_id: str,
    receipt_key: Ed25519PublicKey,
) -> Verdict:
    """The verdict on one `POST v1/submissions` answer for the row it was sent for."""
    if answer.status in (200, 201):
        try:
            receipt = verify_receipt(
                answer.body, pinned_key=receipt_key, expected_submission_id=submission_id,
                expected_inner_digest=inner_digest, expected_device_id=device_id,
            )
        except ProtocolError:
            return RetryLater("the answer was not a valid receipt from the gateway "
                              "(a network sign-in page or a proxy?) (bad-receipt)")
        return Delivered(receipt)
    problem = our_problem(answer)
    if problem is not None:
        return judge_problem(answer, problem)
    return RetryLater(f"the gateway could not be reached properly (HTTP {answer.status})",
                      _retry_after(answer, None) if answer.status in (429, 503) else None)
