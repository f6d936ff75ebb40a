"""Per-request device tokens: audience, method, body binding, time window, peeking."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fcsync import _jws
from fcsync._wire import b64url_decode, canonical_json
from fcsync.keys import generate_signing_key
from fcsync.problems import ProtocolError
from fcsync.tokens import (
    authorization_header,
    make_request_token,
    peek_token_device,
    read_authorization,
    request_audience,
    verify_request_token,
)

KEY = generate_signing_key()
OTHER = generate_signing_key()
URL = "https://fc.council.example/gateway/v1/submissions"
BODY = b"envelope bytes"
NOW = 1_795_000_000


def token(**overrides: Any) -> str:
    args: dict[str, Any] = {"method": "POST", "url": URL, "body": BODY, "now": NOW}
    args.update(overrides)
    return make_request_token(KEY, "dev-1", **args)


def verify(tok: str, **overrides: Any) -> Any:
    args: dict[str, Any] = {"method": "POST", "url": URL, "body": BODY,
                            "device_public_key": KEY.public_key(), "now": NOW + 5}
    args.update(overrides)
    return verify_request_token(tok, **args)


def test_round_trip_gives_the_claims_the_gateway_records() -> None:
    claims = verify(token())
    assert claims.device_id == "dev-1"
    assert claims.issued_at == NOW and claims.expires_at == NOW + 120
    assert claims.method == "POST" and claims.audience == URL
    assert len(b64url_decode(claims.jti)) == 16


def test_each_token_has_a_fresh_jti() -> None:
    assert verify(token()).jti != verify(token()).jti


@pytest.mark.parametrize("server_url", [
    "https://fc.council.example/gateway/v1/submissions",
    "HTTPS://FC.Council.Example:443/gateway/v1/submissions",
    "https://fc.council.example/gateway/v1/submissions?ignored=1",
])
def test_audience_matches_the_same_url_however_spelt(server_url: str) -> None:
    assert verify(token(), url=server_url).device_id == "dev-1"


@pytest.mark.parametrize("name, overrides", [
    ("other host", {"url": "https://evil.example/gateway/v1/submissions"}),
    ("other scheme", {"url": "http://fc.council.example/gateway/v1/submissions"}),
    ("other port", {"url": "https://fc.council.example:8443/gateway/v1/submissions"}),
    ("proxy prefix lost", {"url": "https://fc.council.example/v1/submissions"}),
    ("other endpoint", {"url": "https://fc.council.example/gateway/v1/outcomes"}),
    ("other method", {"method": "PUT"}),
    ("other body", {"body": b"envelope bytes!"}),
    ("empty body", {"body": b""}),
    ("other device key", {"device_public_key": OTHER.public_key()}),
    ("unusable server url", {"url": "ftp://fc.council.example/x"}),
])
def test_tokens_for_another_request_are_bad(name: str, overrides: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError) as caught:
        verify(token(), **overrides)
    assert caught.value.code == "bad-request-token"
    assert caught.value.status == 401


@pytest.mark.parametrize("now, code", [
    (NOW + 120 + 60, None),  # expiry plus the whole skew allowance still passes
    (NOW + 120 + 61, "expired-request-token"),
    (NOW - 60, None),  # device clock a minute fast
    (NOW - 61, "expired-request-token"),  # issued in the future beyond skew
])
def test_time_window_with_clock_skew(now: int, code: str | None) -> None:
    if code is None:
        assert verify(token(), now=now).device_id == "dev-1"
        return
    with pytest.raises(ProtocolError) as caught:
        verify(token(), now=now)
    assert caught.value.code == code
    assert caught.value.extensions["server_time"] == now


def _signed_claims(**changes: Any) -> str:
    claims: dict[str, Any] = json.loads(b64url_decode(token().split(".")[1]))
    claims.update(changes)
    claims = {name: value for name, value in claims.items() if value is not None}
    return _jws.sign(canonical_json(claims), KEY, typ="fc-req+jwt", kid=claims.get("iss", "dev-1"))


@pytest.mark.parametrize("name, tok", [
    ("lifetime over 300 s", _signed_claims(exp=NOW + 301)),
    ("exp before iat", _signed_claims(exp=NOW - 1)),
    ("missing jti", _signed_claims(jti=None)),
    ("extra claim", _signed_claims(scope="admin")),
    ("iat as string", _signed_claims(iat=str(NOW))),
    ("iat as boolean", _signed_claims(iat=True)),
    ("wrong typ", _jws.sign(b64url_decode(token().split(".")[1]), KEY, typ="fc-receipt+jws", kid="dev-1")),
    ("kid differs from iss", _jws.sign(b64url_decode(token().split(".")[1]), KEY, typ="fc-req+jwt", kid="dev-2")),
    ("signature cut", token()[:-4]),
    ("garbage", "not-a-token"),
    ("empty", ""),
    ("too long", "a" * 5000),
])
def test_malformed_tokens_are_bad_request_tokens(name: str, tok: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        verify(tok)
    assert caught.value.code == "bad-request-token"


def test_make_refuses_long_lifetimes() -> None:
    with pytest.raises(ValueError):
        token(lifetime=301)


def test_peek_reads_the_unverified_issuer() -> None:
    assert peek_token_device(token()) == "dev-1"
    forged = make_request_token(OTHER, "dev-1", method="POST", url=URL, body=BODY, now=NOW)
    assert peek_token_device(forged) == "dev-1"  # peeking proves nothing; verify does
    with pytest.raises(ProtocolError):
        verify(forged)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.builds(lambda a, b, c: f"{a}.{b}.{c}", st.text(), st.text(), st.text())))
def test_peek_and_verify_raise_only_protocol_error(text: str) -> None:
    for call in (lambda: peek_token_device(text), lambda: verify(text)):
        try:
            call()
        except ProtocolError as exc:
            assert exc.code == "bad-request-token"


@pytest.mark.parametrize("url, audience", [
    ("https://H.example", "https://h.example/"),
    ("https://h.example:443/a/b/", "https://h.example/a/b/"),
    ("http://h.example:80/a", "http://h.example/a"),
    ("http://127.0.0.1:8765/v1/submissions?x#y", "http://127.0.0.1:8765/v1/submissions"),
    ("https://[::1]:8443/v1", "https://[::1]:8443/v1"),
])
def test_request_audience_normalisation(url: str, audience: str) -> None:
    assert request_audience(url) == audience


@pytest.mark.parametrize("url", ["/v1/submissions", "ftp://h/x", "https:///nohost"])
def test_request_audience_refuses_non_http_urls(url: str) -> None:
    with pytest.raises(ValueError):
        request_audience(url)


@pytest.mark.parametrize("header", [None, "", "Bearer abc", "FC-Device", "FC-Device   "])
def test_authorization_header_must_carry_an_fc_device_token(header: str | None) -> None:
    with pytest.raises(ProtocolError) as caught:
        read_authorization(header)
    assert caught.value.code == "bad-request-token"


def test_authorization_header_round_trip() -> None:
    tok = token()
    assert read_authorization(authorization_header(tok)) == tok
    assert read_authorization("fc-device " + tok) == tok


def _hand_signed(alg: str, secret: bytes | None) -> str:
    """A token with a foreign algorithm, assembled by hand as an attacker would."""
    import hashlib
    import hmac

    from fcsync._wire import b64url_encode

    header = b64url_encode(json.dumps({"alg": alg, "typ": "fc-req+jwt", "kid": "dev-1"}).encode())
    payload = token().split(".")[1]
    signing_input = f"{header}.{payload}".encode()
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest() if secret else b""
    return f"{header}.{payload}.{b64url_encode(signature)}"


def _eddsa_token() -> str:
    import warnings

    from joserfc import jws
    from joserfc.jwk import OKPKey

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return jws.serialize_compact({"alg": "EdDSA", "typ": "fc-req+jwt", "kid": "dev-1"},
                                     b64url_decode(token().split(".")[1]), OKPKey.import_key(KEY),
                                     algorithms=["EdDSA"])


@pytest.mark.parametrize("name, make", [
    ("HS256 keyed with the public key", lambda: _hand_signed("HS256", KEY.public_key().public_bytes_raw())),
    ("alg none", lambda: _hand_signed("none", None)),
    ("deprecated EdDSA name", _eddsa_token),
])
def test_only_the_ed25519_algorithm_is_accepted(name: str, make: Any) -> None:
    with pytest.raises(ProtocolError) as caught:
        verify(make())
    assert caught.value.code == "bad-request-token"
