"""Fetching the front door's outcomes: `GET v1/outcomes?after=<cursor>`, page by page; no database.

Each outcome is kept only if it verifies with the receipt key pinned at enrolment and is
addressed to this device (`fcsync.outcomes.verify_outcome`); one that does not is dropped and
counted, the rest are kept. The engine stores them and the new cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.sync.delivery import GatewayClock
from app.sync.identity import DeviceIdentity
from app.sync.transport import GatewayTransport, TransportFailure
from app.sync.verdicts import describe_problem, our_problem
from fcsync.outcomes import Outcome, parse_outcome_list, verify_outcome
from fcsync.problems import ProtocolError
from fcsync.tokens import make_request_token

MAX_PAGES = 50


@dataclass(frozen=True)
class FetchedOutcomes:
    outcomes: tuple[Outcome, ...]
    cursor: str | None  # where to start next time (unchanged when nothing new arrived)
    ignored: int  # outcomes that failed verification
    problem: str = ""  # why fetching stopped early, if it did


def fetch_outcomes(transport: GatewayTransport, identity: DeviceIdentity, clock: GatewayClock,
                   cursor: str | None) -> FetchedOutcomes:
    url = identity.endpoint("outcomes")
    kept: list[Outcome] = []
    ignored = 0
    for _ in range(MAX_PAGES):
        token = make_request_token(identity.device_key, identity.device_id, method="GET", url=url,
                                   now=clock.now())
        try:
            answer = transport.get(url, token=token, params={"after": cursor} if cursor else None)
        except TransportFailure as failure:
            return FetchedOutcomes(tuple(kept), cursor, ignored, failure.reason)
        if answer.status != 200:
            problem = our_problem(answer)
            why = describe_problem(problem) if problem else f"HTTP {answer.status}"
            return FetchedOutcomes(tuple(kept), cursor, ignored, f"outcomes not fetched: {why}")
        try:
            page = parse_outcome_list(answer.body)
        except ProtocolError:
            return FetchedOutcomes(tuple(kept), cursor, ignored, "the outcome list could not be read")
        for token_text in page.tokens:
            try:
                kept.append(verify_outcome(token_text, pinned_key=identity.receipt_key,
                                           expected_device_id=identity.device_id))
            except ProtocolError:
                ignored += 1
        if not page.tokens or page.cursor is None:
            break
        cursor = page.cursor
    return FetchedOutcomes(tuple(kept), cursor, ignored)
