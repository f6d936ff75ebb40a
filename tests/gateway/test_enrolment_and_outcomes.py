"""Enrolment codes (single use, made by the admin CLI while the gateway runs), outcomes flowing
back to the device signed, and back-pressure answers (429/503 with Retry-After)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from fcsync.enrolment import build_enrolment_request
from fcsync.keys import key_id
from fcsync.outcomes import parse_outcome_list, verify_outcome
from gateway.models import Device
from gateway.triage import list_inbox, record_outcome
from tests.gateway.conftest import RunningGateway
from tests.gateway.device import SimulatedDevice
from tests.gateway.test_submissions import problem_code


def test_enrolment_code_from_the_cli_enrols_once_and_pins_the_gateway_keys(
    running: RunningGateway, client: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    code = running.enrolment_code(capsys)
    assert len(code) == 14 and code.count("-") == 2
    first = SimulatedDevice(running.base_url, client)
    response = first.enrol(code)
    assert response.status_code == 201, response.text
    assert first.enrolment is not None
    keys = running.gateway.keys
    assert first.enrolment.sealing_key_id == keys.sealing_key_id
    assert first.enrolment.receipt_key_id == keys.receipt_key_id
    assert first.enrolment.organisation == "LA-E08000025"

    # The same device retrying after a lost answer gets the same device id back ...
    assert first.enrol(code).status_code == 200
    assert first.device_id == first.enrolment.device_id
    # ... another device cannot use the code again.
    second = SimulatedDevice(running.base_url, client)
    refused = second.enrol(code)
    assert (refused.status_code, problem_code(refused)) == (400, "bad-enrolment-code")


@pytest.mark.parametrize(
    ("case", "code"),
    [("unknown code", "bad-enrolment-code"), ("proof for another URL", "malformed-enrolment"),
     ("not JSON", "malformed-enrolment")],
)
def test_enrolment_refusals(running: RunningGateway, client: httpx.Client, case: str, code: str) -> None:
    device = SimulatedDevice(running.base_url, client)
    url = device.url("v1/enrolments")
    if case == "unknown code":
        body = build_enrolment_request(device.key, code="AAAA-BBBB-CCCC", url=url)
    elif case == "proof for another URL":
        valid = running.gateway.store.issue_enrolment_code("", datetime.now(UTC))
        body = build_enrolment_request(device.key, code=valid, url="https://other.example/v1/enrolments")
    else:
        body = b"{not json"
    response = client.post(url, content=body)
    assert (response.status_code, problem_code(response)) == (400, code)


def test_triage_outcome_flows_back_to_the_device_signed(running: RunningGateway, device: SimulatedDevice) -> None:
    sealed = device.seal()
    assert device.submit(sealed.envelope, sealed.submission_id).status_code == 201
    empty = parse_outcome_list(device.get("v1/outcomes").content)
    assert empty.tokens == () and empty.cursor is None

    [item] = list_inbox(running.gateway.store)
    record_outcome(running.gateway.store, item.reference, "early_help", "Family support worker to call", "amira")
    page = parse_outcome_list(device.get("v1/outcomes", params={"since": "0"}).content)
    assert len(page.tokens) == 1 and page.cursor is not None
    assert device.enrolment is not None
    outcome = verify_outcome(page.tokens[0], pinned_key=device.enrolment.receipt_key,
                             expected_device_id=device.device_id, expected_submission_id=sealed.submission_id)
    assert (outcome.decision, outcome.reference, outcome.note) == (
        "early_help", item.reference, "Family support worker to call")
    # The cursor moves on: nothing newer next time (both spellings of the parameter work).
    assert parse_outcome_list(device.get("v1/outcomes", params={"after": page.cursor}).content).tokens == ()


def test_outcomes_are_only_for_their_own_device(running: RunningGateway, client: httpx.Client) -> None:
    sender, other = running.new_device(client), running.new_device(client)
    sealed = sender.seal()
    assert sender.submit(sealed.envelope, sealed.submission_id).status_code == 201
    [item] = list_inbox(running.gateway.store)
    record_outcome(running.gateway.store, item.reference, "assessment", "", "amira")
    assert len(parse_outcome_list(sender.get("v1/outcomes").content).tokens) == 1
    assert parse_outcome_list(other.get("v1/outcomes").content).tokens == ()


def test_rate_limited_device_gets_429_with_retry_after(
    serve: Callable[..., RunningGateway], gateway_home: Path
) -> None:
    running = serve(gateway_home, device_rate_per_minute=2)
    with running.client() as client:
        device = running.new_device(client)
        answers = [device.get("v1/outcomes") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert problem_code(answers[2]) == "rate-limited"
    assert int(answers[2].headers["retry-after"]) >= 1
    assert answers[2].json()["retry_after"] == int(answers[2].headers["retry-after"])


def test_busy_gateway_answers_503_with_retry_after(serve: Callable[..., RunningGateway], gateway_home: Path) -> None:
    running = serve(gateway_home, max_in_flight=0, retry_after_seconds=7)
    with running.client() as client:
        device = SimulatedDevice(running.base_url, client)
        response = client.post(device.url("v1/submissions"), content=b"x")
    assert (response.status_code, problem_code(response)) == (503, "unavailable")
    assert response.headers["retry-after"] == "7"


def test_device_key_thumbprint_is_recorded(running: RunningGateway, device: SimulatedDevice) -> None:
    with running.gateway.store.read() as session:
        row = session.get(Device, device.device_id)
        assert row is not None
        assert row.key_id == key_id(device.key.public_key())
        assert row.practitioner == "Pat Visitor"
