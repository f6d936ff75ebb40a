"""End-to-end over loopback TLS: a real uvicorn gateway, a device built from `fcsync`, httpx.

Covers the contract's status codes and order of checks for `POST /v1/submissions`."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from fcsync.envelope import reseal
from fcsync.problems import PROBLEM_MEDIA_TYPE
from fcsync.receipts import verify_receipt
from fcsync.tokens import authorization_header, make_request_token
from tests.gateway.conftest import RunningGateway
from tests.gateway.device import SimulatedDevice, fhir_summary


def problem_code(response: httpx.Response) -> str:
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    body = response.json()
    assert body["status"] == response.status_code
    return str(body["type"]).removeprefix("urn:fc-sync:problem:")


def flip(data: bytes, index: int) -> bytes:
    """Change one character to another base64url character (so the damage is not just syntax)."""
    swapped = b"A" if data[index : index + 1] != b"A" else b"B"
    return data[:index] + swapped + data[index + 1 :]


def test_submit_then_identical_resend_gives_the_original_receipt_and_one_row(
    running: RunningGateway, device: SimulatedDevice
) -> None:
    sealed = device.seal()
    first = device.submit(sealed.envelope, sealed.submission_id)
    assert first.status_code == 201, first.text
    assert first.headers["content-type"].startswith("application/jose")
    assert device.enrolment is not None
    receipt = verify_receipt(first.text, pinned_key=device.enrolment.receipt_key,
                             expected_submission_id=sealed.submission_id,
                             expected_inner_digest=sealed.inner_digest, expected_device_id=device.device_id)
    assert receipt.status == "accepted" and receipt.issues == ()
    assert receipt.reference.startswith("FC-")

    # A resend is resealed (HPKE is randomised: other envelope bytes), with a fresh token.
    again = reseal(sealed.inner_jws, submission_id=sealed.submission_id, device_id=device.device_id,
                   device_key=device.key, recipient=device.enrolment.organisation,
                   recipient_key=device.enrolment.sealing_key, recipient_key_id=device.enrolment.sealing_key_id)
    assert again.envelope != sealed.envelope
    second = device.submit(again.envelope, sealed.submission_id)
    assert second.status_code == 200
    assert second.text == first.text
    assert running.stored_rows() == 1

    fetched = device.get(f"v1/submissions/{sealed.submission_id}")
    assert fetched.status_code == 200 and fetched.text == first.text


def test_same_submission_id_with_other_content_is_a_conflict(running: RunningGateway, device: SimulatedDevice) -> None:
    sid = str(uuid.uuid4())
    assert device.submit(device.seal(fhir_summary(sid, grade=3), sid).envelope, sid).status_code == 201
    other = device.submit(device.seal(fhir_summary(sid, grade=4), sid).envelope, sid)
    assert other.status_code == 422
    assert problem_code(other) == "submission-conflict"
    assert running.stored_rows() == 1


@pytest.mark.parametrize("where", ["outer header", "outer payload", "outer signature"])
def test_a_flipped_byte_in_the_envelope_is_refused(running: RunningGateway, device: SimulatedDevice, where: str) -> None:
    sealed = device.seal()
    header, payload, _ = sealed.envelope.split(b".")
    index = {"outer header": 5, "outer payload": len(header) + 1 + len(payload) // 2,
             "outer signature": len(sealed.envelope) - 10}[where]
    response = device.submit(flip(sealed.envelope, index), sealed.submission_id)
    assert response.status_code == 422
    assert problem_code(response) in {"malformed-envelope", "bad-envelope-signature"}
    assert running.stored_rows() == 0


@pytest.mark.parametrize("part", [0, 1, 2])
def test_a_flipped_byte_in_the_inner_jws_is_refused(running: RunningGateway, device: SimulatedDevice, part: int) -> None:
    sealed = device.seal()
    pieces = sealed.inner_jws.encode("ascii").split(b".")
    offset = sum(len(p) + 1 for p in pieces[:part]) + len(pieces[part]) // 2
    envelope = device.seal_raw_inner(flip(sealed.inner_jws.encode("ascii"), offset), sealed.submission_id)
    response = device.submit(envelope, sealed.submission_id)
    assert response.status_code == 422
    assert problem_code(response) in {"bad-inner-signature", "malformed-envelope"}
    assert running.stored_rows() == 0


def test_a_replayed_request_token_is_refused(running: RunningGateway, device: SimulatedDevice) -> None:
    sealed = device.seal()
    token = device.token("POST", "v1/submissions", sealed.envelope)
    assert device.submit(sealed.envelope, sealed.submission_id, token=token).status_code == 201
    replay = device.submit(sealed.envelope, sealed.submission_id, token=token)
    assert replay.status_code == 401
    assert problem_code(replay) == "replayed-request-token"
    assert replay.headers["www-authenticate"] == "FC-Device"


def test_revoked_device_is_refused_at_once_while_the_gateway_runs(
    running: RunningGateway, device: SimulatedDevice
) -> None:
    assert running.cli("revoke", device.device_id) == 0
    sealed = device.seal()
    response = device.submit(sealed.envelope, sealed.submission_id)
    assert response.status_code == 403
    assert problem_code(response) == "device-revoked"
    assert running.stored_rows() == 0


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("no token", 401, "bad-request-token"),
        ("token for another URL", 401, "bad-request-token"),
        ("token for another body", 401, "bad-request-token"),
        ("expired token", 401, "expired-request-token"),
        ("unknown device", 401, "unknown-device"),
        ("no idempotency key", 400, "missing-idempotency-key"),
        ("idempotency key of another submission", 400, "idempotency-key-mismatch"),
        ("wrong media type", 415, "unsupported-media-type"),
    ],
)
def test_token_and_header_failures(
    running: RunningGateway, device: SimulatedDevice, case: str, status: int, code: str
) -> None:
    sealed = device.seal()
    body, headers, token = sealed.envelope, {}, None
    if case == "no token":
        headers = {"Authorization": ""}
    elif case == "token for another URL":
        token = make_request_token(device.key, device.device_id, method="POST",
                                   url="https://elsewhere.example/v1/submissions", body=body)
    elif case == "token for another body":
        token = device.token("POST", "v1/submissions", b"something else")
    elif case == "expired token":
        token = device.token("POST", "v1/submissions", body, now=int(time.time()) - 1000)
    elif case == "unknown device":
        token = make_request_token(device.key, "dev-unknown", method="POST", url=device.url("v1/submissions"), body=body)
    elif case == "no idempotency key":
        headers = {"Idempotency-Key": ""}
    elif case == "idempotency key of another submission":
        headers = {"Idempotency-Key": '"another-id"'}
    elif case == "wrong media type":
        headers = {"Content-Type": "application/json"}
    response = device.submit(body, sealed.submission_id, token=token, headers=headers)
    assert (response.status_code, problem_code(response)) == (status, code)
    assert running.stored_rows() == 0


def test_token_is_checked_before_the_envelope(running: RunningGateway, device: SimulatedDevice) -> None:
    """A broken envelope with a replayed token answers 401, not 422: the token comes first."""
    sealed = device.seal()
    token = device.token("POST", "v1/submissions", b"garbage")
    assert device.submit(b"garbage", sealed.submission_id, token=token).status_code == 422
    assert device.submit(b"garbage", sealed.submission_id, token=token).status_code == 401


def test_oversized_body_is_413_before_anything_else(running: RunningGateway, device: SimulatedDevice) -> None:
    limit = running.gateway.settings.max_body_bytes
    response = device.client.post(device.url("v1/submissions"), content=b"x" * (limit + 1),
                                  headers={"Content-Type": "application/fc-envelope+jws"})
    assert response.status_code == 413
    assert problem_code(response) == "too-large"


def test_well_signed_summary_with_content_problems_is_stored_and_flagged(
    running: RunningGateway, device: SimulatedDevice
) -> None:
    sid = str(uuid.uuid4())
    sealed = device.seal({"resourceType": "Bundle", "type": "collection", "note": "not a document"}, sid)
    response = device.submit(sealed.envelope, sid)
    assert response.status_code == 201
    assert device.enrolment is not None
    receipt = verify_receipt(response.text, pinned_key=device.enrolment.receipt_key,
                             expected_submission_id=sid, expected_inner_digest=sealed.inner_digest)
    assert receipt.status == "accepted-flagged"
    assert "not-a-fhir-document" in receipt.issues and "no-child" in receipt.issues
    assert running.stored_rows() == 1


def test_one_hundred_concurrent_duplicates_store_exactly_one_row(
    running: RunningGateway, device: SimulatedDevice
) -> None:
    sealed = device.seal()
    tokens = [device.token("POST", "v1/submissions", sealed.envelope) for _ in range(100)]

    def post(token: str) -> tuple[int, str]:
        with running.client() as http:
            response = http.post(device.url("v1/submissions"), content=sealed.envelope, headers={
                "Authorization": authorization_header(token), "Idempotency-Key": f'"{sealed.submission_id}"',
                "Content-Type": "application/fc-envelope+jws"})
            return response.status_code, response.text

    with ThreadPoolExecutor(max_workers=100) as pool:
        results = list(pool.map(post, tokens))
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 99 + [201]
    assert len({text for _, text in results}) == 1  # everyone got the same receipt
    assert running.stored_rows() == 1


def test_unknown_submission_is_404(running: RunningGateway, device: SimulatedDevice) -> None:
    response = device.get("v1/submissions/never-sent")
    assert (response.status_code, problem_code(response)) == (404, "not-found")


def test_health_and_configuration_need_no_token(running: RunningGateway, client: httpx.Client) -> None:
    assert client.get(running.base_url + "v1/health").json() == {"status": "ok"}
    config = json.loads(client.get(running.base_url + ".well-known/fc-sync-configuration").content)
    assert config["organisation"] == "LA-E08000025"
    assert all(not path.startswith(("/", "http")) for path in config["endpoints"].values())


def test_token_audience_follows_the_host_the_device_used(running: RunningGateway, device: SimulatedDevice) -> None:
    """Behind a reverse proxy the Host header is the public name: the audience is checked against it."""
    sealed = device.seal()
    public = "https://fc.council.example/v1/submissions"
    token = make_request_token(device.key, device.device_id, method="POST", url=public, body=sealed.envelope)
    accepted = device.submit(sealed.envelope, sealed.submission_id, token=token,
                             headers={"Host": "fc.council.example"})
    assert accepted.status_code == 201, accepted.text
    token = make_request_token(device.key, device.device_id, method="POST", url=public, body=sealed.envelope)
    refused = device.submit(sealed.envelope, sealed.submission_id, token=token)  # Host: 127.0.0.1
    assert (refused.status_code, problem_code(refused)) == (401, "bad-request-token")


def test_public_url_pins_the_audience(serve: Callable[..., RunningGateway], gateway_home: Path) -> None:
    running = serve(gateway_home, public_url="https://fc.council.example/gateway")
    with running.client() as client:
        device = running.new_device_at(client, "https://fc.council.example/gateway/")
        sealed = device.seal()
        pinned = make_request_token(device.key, device.device_id, method="POST",
                                    url="https://fc.council.example/gateway/v1/submissions", body=sealed.envelope)
        assert device.submit(sealed.envelope, sealed.submission_id, token=pinned).status_code == 201
        local = make_request_token(device.key, device.device_id, method="POST",
                                   url=running.base_url + "v1/submissions", body=sealed.envelope)
        refused = device.submit(sealed.envelope, sealed.submission_id, token=local)
        assert (refused.status_code, problem_code(refused)) == (401, "bad-request-token")


def test_losing_a_race_on_the_constraint_answers_with_the_winners_receipt(
    running: RunningGateway, device: SimulatedDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Force the race deterministically: the pre-check misses the row, the insert then fails on
    UNIQUE(device_id, submission_id), and the gateway reads the winner instead of failing."""
    store = running.gateway.store
    sealed = device.seal()
    first = device.submit(sealed.envelope, sealed.submission_id)
    assert first.status_code == 201
    real = store._find
    calls: list[str] = []

    def blind_first_look(connection: object, device_id: str, submission_id: str) -> object:
        calls.append(submission_id)
        return real(connection, "nobody", submission_id) if len(calls) == 1 else real(connection, device_id, submission_id)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_find", blind_first_look)
    token = device.token("POST", "v1/submissions", sealed.envelope)
    again = device.submit(sealed.envelope, sealed.submission_id, token=token)
    assert (again.status_code, again.text) == (200, first.text)
    assert len(calls) == 2  # the blind pre-check, then the read of the winner
    assert running.stored_rows() == 1
    # The losing transaction was rolled back, yet its request token is spent all the same.
    monkeypatch.setattr(store, "_find", real)
    replay = device.submit(sealed.envelope, sealed.submission_id, token=token)
    assert (replay.status_code, problem_code(replay)) == (401, "replayed-request-token")
