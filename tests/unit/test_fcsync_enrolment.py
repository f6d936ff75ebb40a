"""Enrolment requests and answers, and the configuration document with endpoint resolution."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fcsync import _jws
from fcsync._wire import canonical_json
from fcsync.configuration import (
    build_configuration,
    configuration_url,
    parse_configuration,
    resolve_endpoint,
)
from fcsync.enrolment import (
    build_enrolment_request,
    build_enrolment_response,
    parse_enrolment_response,
    verify_enrolment_request,
)
from fcsync.keys import generate_sealing_key, generate_signing_key, key_id, public_jwk
from fcsync.problems import ProtocolError

DEVICE = generate_signing_key()
OTHER = generate_signing_key()
SEALING = generate_sealing_key()
RECEIPT = generate_signing_key()
URL = "https://fc.council.example/gateway/v1/enrolments"
NOW = 1_795_000_000


def request(**overrides: Any) -> bytes:
    args: dict[str, Any] = {"code": "K4PZ-7QRM", "url": URL, "label": "HV laptop 12", "now": NOW}
    args.update(overrides)
    return build_enrolment_request(DEVICE, **args)


def test_enrolment_request_round_trip() -> None:
    got = verify_enrolment_request(request(), url=URL, now=NOW + 10)
    assert got.code == "K4PZ-7QRM" and got.label == "HV laptop 12" and got.issued_at == NOW
    assert got.device_key_id == key_id(DEVICE.public_key())
    assert got.device_jwk == public_jwk(DEVICE.public_key())


def _edit(body: bytes, **changes: Any) -> bytes:
    data = json.loads(body)
    data.update(changes)
    return json.dumps(data).encode()


def _proof(key: Any = DEVICE, **claims: Any) -> str:
    payload = {"code": "K4PZ-7QRM", "aud": URL, "iat": NOW, "nonce": "n"}
    payload.update(claims)
    return _jws.sign(canonical_json(payload), key, typ="fc-enrol+jws", kid=key_id(DEVICE.public_key()))


@pytest.mark.parametrize("name, body, kwargs", [
    ("not JSON", b"code=1", {}),
    ("wrong version", _edit(request(), version="fc-sync/0"), {}),
    ("no code", _edit(request(), code=""), {}),
    ("code differs from proof", _edit(request(), code="OTHER-CODE"), {}),
    ("key is X25519", _edit(request(), device_key=public_jwk(SEALING.public_key())), {}),
    ("key with a wrong kid", _edit(request(), device_key={**public_jwk(DEVICE.public_key()), "kid": "x"}), {}),
    ("proof by another key", _edit(request(), proof=_proof(OTHER)), {}),
    ("key swapped for another", _edit(request(), device_key=public_jwk(OTHER.public_key())), {}),
    ("proof for another gateway", request(url="https://other.example/v1/enrolments"), {}),
    ("proof too old", request(), {"now": NOW + 361}),
    ("proof from the future", request(), {"now": NOW - 61}),
    ("proof without nonce", _edit(request(), proof=_proof(nonce=None)), {}),
    ("proof missing", _edit(request(), proof=None), {}),
    ("label too long", _edit(request(), label="x" * 201), {}),
])
def test_bad_enrolment_requests(name: str, body: bytes, kwargs: dict[str, Any]) -> None:
    args: dict[str, Any] = {"url": URL, "now": NOW}
    args.update(kwargs)
    with pytest.raises(ProtocolError) as caught:
        verify_enrolment_request(body, **args)
    assert caught.value.code == "malformed-enrolment"
    assert caught.value.status == 400


def test_oversized_enrolment_is_too_large() -> None:
    with pytest.raises(ProtocolError) as caught:
        verify_enrolment_request(b" " * 20000, url=URL, now=NOW)
    assert caught.value.code == "too-large"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_fuzz_enrolment_requests_raise_only_protocol_error(body: bytes) -> None:
    try:
        verify_enrolment_request(body, url=URL, now=NOW)
    except ProtocolError as exc:
        assert exc.code == "malformed-enrolment"


def response(**changes: Any) -> bytes:
    body = build_enrolment_response(device_id="dev-7Q2K", organisation="LA-E08000025",
                                    organisation_name="Example Council",
                                    sealing_key=SEALING.public_key(), receipt_key=RECEIPT.public_key())
    return _edit(body, **changes) if changes else body


def test_enrolment_response_round_trip_pins_both_keys() -> None:
    got = parse_enrolment_response(response())
    assert (got.device_id, got.organisation, got.organisation_name) == ("dev-7Q2K", "LA-E08000025", "Example Council")
    assert got.sealing_key_id == key_id(SEALING.public_key())
    assert got.receipt_key_id == key_id(RECEIPT.public_key())
    assert public_jwk(got.receipt_key) == public_jwk(RECEIPT.public_key())


@pytest.mark.parametrize("name, body", [
    ("captive portal", b"<html></html>"),
    ("no device id", response(device_id=None)),
    ("keys swapped", response(sealing_key=public_jwk(RECEIPT.public_key()), receipt_key=public_jwk(SEALING.public_key()))),
    ("kid not the thumbprint", response(receipt_key={**public_jwk(RECEIPT.public_key()), "kid": key_id(SEALING.public_key())})),
    ("no kid", response(sealing_key={k: v for k, v in public_jwk(SEALING.public_key()).items() if k != "kid"})),
    ("other version", response(version="fc-sync/9")),
])
def test_bad_enrolment_responses(name: str, body: bytes) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_enrolment_response(body)
    assert caught.value.code == "bad-enrolment-response"


# --- configuration -------------------------------------------------------------------------

def configuration(**changes: Any) -> bytes:
    body = build_configuration(organisation="LA-E08000025", organisation_name="Example Council",
                               sealing_keys=[SEALING.public_key()], receipt_keys=[RECEIPT.public_key()],
                               max_body_bytes=4 << 20)
    return _edit(body, **changes) if changes else body


def test_configuration_round_trip() -> None:
    got = parse_configuration(configuration())
    assert got.endpoints["submissions"] == "v1/submissions"
    assert got.current_sealing_key[0] == key_id(SEALING.public_key())
    assert got.receipt_keys[0][0] == key_id(RECEIPT.public_key())
    assert got.max_body_bytes == 4 << 20


@pytest.mark.parametrize("name, body", [
    ("absolute endpoint", configuration(endpoints={"enrolments": "/v1/enrolments", "submissions": "v1/submissions", "outcomes": "v1/outcomes", "health": "v1/health"})),
    ("endpoint on another host", configuration(endpoints={"enrolments": "v1/enrolments", "submissions": "https://evil.example/x", "outcomes": "v1/outcomes", "health": "v1/health"})),
    ("endpoint climbing out", configuration(endpoints={"enrolments": "v1/enrolments", "submissions": "../x", "outcomes": "v1/outcomes", "health": "v1/health"})),
    ("endpoint missing", configuration(endpoints={"submissions": "v1/submissions"})),
    ("no sealing keys", configuration(sealing_keys=[])),
    ("sealing key is Ed25519", configuration(sealing_keys=[public_jwk(RECEIPT.public_key())])),
    ("max body not an integer", configuration(max_body_bytes="4M")),
    ("max body tiny", configuration(max_body_bytes=10)),
    ("not JSON", b"\x00"),
])
def test_bad_configurations(name: str, body: bytes) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_configuration(body)
    assert caught.value.code == "bad-configuration"


@pytest.mark.parametrize("base, relative, url", [
    ("https://fc.council.example", "v1/submissions", "https://fc.council.example/v1/submissions"),
    ("https://fc.council.example/", "v1/submissions", "https://fc.council.example/v1/submissions"),
    ("https://fc.council.example/gateway", "v1/health", "https://fc.council.example/gateway/v1/health"),
    ("http://127.0.0.1:8765/gw/", "v1/outcomes", "http://127.0.0.1:8765/gw/v1/outcomes"),
])
def test_resolve_endpoint_keeps_the_proxy_prefix(base: str, relative: str, url: str) -> None:
    assert resolve_endpoint(base, relative) == url


@pytest.mark.parametrize("relative", ["/v1/x", "//evil.example/x", "https://evil.example", "../v1", "v1/../../x", "v1?x=1", "v1/%2e%2e", ""])
def test_resolve_endpoint_never_leaves_the_base(relative: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        resolve_endpoint("https://fc.council.example/gateway/", relative)
    assert caught.value.code == "bad-configuration"


@pytest.mark.parametrize("base", ["fc.council.example", "ftp://x/", "https://x/?a=1"])
def test_resolve_endpoint_needs_an_http_base(base: str) -> None:
    with pytest.raises(ValueError):
        resolve_endpoint(base, "v1/health")


def test_configuration_url_is_under_the_base() -> None:
    assert configuration_url("https://fc.council.example/gateway") == (
        "https://fc.council.example/gateway/.well-known/fc-sync-configuration")
