"""Signed receipts and triage outcomes: only the pinned key and matching content are accepted."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fcsync import _jws
from fcsync._wire import canonical_json
from fcsync.keys import generate_signing_key, key_id
from fcsync.outcomes import (
    build_outcome_list,
    make_outcome,
    parse_outcome_list,
    verify_outcome,
)
from fcsync.problems import ProtocolError
from fcsync.receipts import make_receipt, verify_receipt

GATEWAY = generate_signing_key()
GATEWAY_KID = key_id(GATEWAY.public_key())
IMPOSTOR = generate_signing_key()
INNER = "a" * 64
RECEIVED = datetime(2026, 11, 29, 9, 31, 5, tzinfo=UTC)


def receipt(key: Any = GATEWAY, **overrides: Any) -> str:
    args: dict[str, Any] = {
        "submission_id": "sub-1", "device_id": "dev-1", "inner_digest": INNER,
        "envelope_digest": "b" * 64, "status": "accepted", "received_at": RECEIVED, "reference": "FC-2026-000123",
    }
    args.update(overrides)
    return make_receipt(key, GATEWAY_KID, **args)


def check(token: str | bytes, **overrides: Any) -> Any:
    args: dict[str, Any] = {"pinned_key": GATEWAY.public_key(), "expected_submission_id": "sub-1",
                            "expected_inner_digest": INNER, "expected_device_id": "dev-1"}
    args.update(overrides)
    return verify_receipt(token, **args)


def test_receipt_round_trip() -> None:
    token = receipt(status="accepted-flagged", issues=["fhir-structure"])
    got = check(token)
    assert (got.submission_id, got.device_id, got.inner_digest) == ("sub-1", "dev-1", INNER)
    assert got.status == "accepted-flagged" and got.issues == ("fhir-structure",)
    assert got.received_at == RECEIVED and got.reference == "FC-2026-000123"
    assert got.key_id == GATEWAY_KID and got.token == token
    assert check(token.encode()).token == token


def _other_typ() -> str:
    return make_outcome(GATEWAY, GATEWAY_KID, outcome_id="o-1", submission_id="sub-1", device_id="dev-1",
                        decision="early_help", decided_at=RECEIVED, reference="FC-1")


def _payload_signed(**changes: Any) -> str:
    body: dict[str, Any] = {"version": "fc-sync/1", "submission_id": "sub-1", "device_id": "dev-1",
                            "inner_digest": INNER, "envelope_digest": "b" * 64, "status": "accepted",
                            "received_at": "2026-11-29T09:31:05Z", "reference": "R", "issues": []}
    body.update(changes)
    return _jws.sign(canonical_json(body), GATEWAY, typ="fc-receipt+jws", kid=GATEWAY_KID)


@pytest.mark.parametrize("name, token, overrides", [
    ("signed by another key", receipt(IMPOSTOR), {}),
    ("pinned key is another", receipt(), {"pinned_key": IMPOSTOR.public_key()}),
    ("for another submission", receipt(), {"expected_submission_id": "sub-2"}),
    ("for other content", receipt(), {"expected_inner_digest": "c" * 64}),
    ("for another device", receipt(), {"expected_device_id": "dev-2"}),
    ("an outcome, not a receipt", _other_typ(), {}),
    ("unknown status", _payload_signed(status="received"), {}),
    ("issues not strings", _payload_signed(issues=[1]), {}),
    ("extra member", _payload_signed(extra="x"), {}),
    ("other version", _payload_signed(version="fc-sync/2"), {}),
    ("bad timestamp", _payload_signed(received_at="soon"), {}),
    ("captive portal page", "<html>Welcome to hotel wifi</html>", {}),
    ("empty", "", {}),
    ("payload swapped", receipt().split(".")[0] + "." + receipt(submission_id="sub-2").split(".")[1]
     + "." + receipt().split(".")[2], {"expected_submission_id": "sub-2"}),
])
def test_receipts_that_must_not_mark_a_row_delivered(name: str, token: str, overrides: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError) as caught:
        check(token, **overrides)
    assert caught.value.code == "bad-receipt"


def test_make_receipt_refuses_unknown_status_and_naive_times() -> None:
    with pytest.raises(ValueError):
        receipt(status="delivered")
    with pytest.raises(ValueError):
        receipt(received_at=datetime(2026, 1, 1))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_fuzz_receipts_raise_only_protocol_error(data: bytes) -> None:
    try:
        check(data)
    except ProtocolError as exc:
        assert exc.code == "bad-receipt"


# --- outcomes ------------------------------------------------------------------------------

def outcome(key: Any = GATEWAY, **overrides: Any) -> str:
    args: dict[str, Any] = {"outcome_id": "o-1", "submission_id": "sub-1", "device_id": "dev-1",
                            "decision": "strategy_discussion", "decided_at": RECEIVED,
                            "reference": "FC-2026-000123", "note": "Allocated to the MASH team."}
    args.update(overrides)
    return make_outcome(key, GATEWAY_KID, **args)


@pytest.mark.parametrize("decision", ["no_further_action", "early_help", "assessment", "strategy_discussion"])
def test_outcome_round_trip_for_every_decision(decision: str) -> None:
    got = verify_outcome(outcome(decision=decision), pinned_key=GATEWAY.public_key(), expected_device_id="dev-1")
    assert got.decision == decision and got.outcome_id == "o-1" and got.submission_id == "sub-1"
    assert got.decided_at == RECEIVED and got.note == "Allocated to the MASH team."


@pytest.mark.parametrize("name, token, overrides", [
    ("signed by another key", outcome(IMPOSTOR), {}),
    ("for another device", outcome(), {"expected_device_id": "dev-2"}),
    ("for another submission", outcome(), {"expected_submission_id": "sub-2"}),
    ("a receipt, not an outcome", receipt(), {}),
    ("garbage", "x.y.z", {}),
])
def test_outcomes_that_must_be_ignored(name: str, token: str, overrides: dict[str, Any]) -> None:
    args: dict[str, Any] = {"pinned_key": GATEWAY.public_key(), "expected_device_id": "dev-1"}
    args.update(overrides)
    with pytest.raises(ProtocolError) as caught:
        verify_outcome(token, **args)
    assert caught.value.code == "bad-outcome"


@pytest.mark.parametrize("overrides", [{"decision": "close"}, {"note": "x" * 4001}])
def test_make_outcome_refuses_unknown_decisions_and_long_notes(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        outcome(**overrides)


def test_outcome_list_round_trip() -> None:
    tokens = [outcome(), outcome(outcome_id="o-2")]
    page = parse_outcome_list(build_outcome_list(tokens, "cursor-7"))
    assert page.tokens == tuple(tokens) and page.cursor == "cursor-7"
    assert parse_outcome_list(build_outcome_list([], None)).cursor is None


@pytest.mark.parametrize("body", [
    b"", b"[]", b'{"version":"fc-sync/1","outcomes":"x","cursor":null}',
    b'{"version":"fc-sync/1","outcomes":[1],"cursor":null}',
    b'{"version":"fc-sync/1","outcomes":[],"cursor":5}',
    b'{"outcomes":[],"cursor":null}',
])
def test_bad_outcome_lists(body: bytes) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_outcome_list(body)
    assert caught.value.code == "bad-outcome"
