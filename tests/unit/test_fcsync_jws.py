"""The fast JWS verification path (`fcsync._jws.verify`) refuses exactly what joserfc refuses.

`verify` reads the compact form itself and checks the Ed25519 signature with `cryptography`;
joserfc stays the signer. The reference below is the previous implementation: the same strict
structure rules, then joserfc's `deserialize_compact` for the signature. Every bad input must be
refused by both, with the same problem code, and every good one accepted by both.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import OKPKey

from fcsync import _jws
from fcsync.keys import generate_signing_key
from fcsync.problems import ProtocolError

KEY = generate_signing_key()
OTHER_KEY = generate_signing_key()
PAYLOAD = b'{"claim":"value","n":1}'
TYP = "fc-test+jws"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _token(header: dict[str, object], payload: bytes = PAYLOAD, key: Ed25519PrivateKey = KEY) -> str:
    """A compact JWS signed by hand, so headers joserfc would refuse to produce can be tested."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(payload)}"
    return f"{signing_input}.{_b64(key.sign(signing_input.encode('ascii')))}"


GOOD = _jws.sign(PAYLOAD, KEY, typ=TYP, kid="dev-1")
HEADER, BODY, SIGNATURE = GOOD.split(".")
NONE_HEADER = _b64(b'{"alg":"none"}')
DUPLICATE_TYP_HEADER = _b64(b'{"alg":"Ed25519","typ":"x","typ":"' + TYP.encode() + b'"}')


def _reference_verify(token: str | bytes, public_key: Ed25519PublicKey) -> bytes:
    """The previous implementation: strict structure, then joserfc verifies."""
    header = _jws.unverified_header(token, "malformed-envelope", "token")
    if header.get("typ") != TYP:
        raise ProtocolError("bad-envelope-signature", "wrong typ")
    text = token.decode("ascii") if isinstance(token, bytes) else token
    try:
        signed = jws.deserialize_compact(
            text, OKPKey.import_key(public_key), algorithms=[_jws.ALGORITHM], registry=_jws._REGISTRY
        )
    except Exception as exc:  # noqa: BLE001 - joserfc raises many types
        raise ProtocolError("bad-envelope-signature", "does not verify") from exc
    return signed.payload


def _fast_verify(token: str | bytes, public_key: Ed25519PublicKey) -> bytes:
    return _jws.verify(token, public_key, typ=TYP, code="bad-envelope-signature", what="token", structure_code="malformed-envelope")[1]


def _outcome(verify: Callable[[str | bytes, Ed25519PublicKey], bytes], token: str | bytes,
             key: Ed25519PublicKey) -> str | bytes:
    try:
        return verify(token, key)
    except ProtocolError as exc:
        return exc.code


def _flip_spare_bits(segment: str) -> str:
    """The same bytes with the unused low bits of the last character set (non-canonical)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return segment[:-1] + alphabet[alphabet.index(segment[-1]) | (0b1111 if len(segment) % 4 == 2 else 0b11)]


BAD_INPUTS: list[tuple[str, str | bytes, str]] = [
    ("alg none", _token({"alg": "none", "typ": TYP}), "malformed-envelope"),
    ("alg none, empty signature", f"{NONE_HEADER}.{BODY}.", "malformed-envelope"),
    ("alg EdDSA (deprecated name)", _token({"alg": "EdDSA", "typ": TYP, "kid": "dev-1"}), "malformed-envelope"),
    ("alg HS256", _token({"alg": "HS256", "typ": TYP}), "malformed-envelope"),
    ("no alg", _token({"typ": TYP}), "malformed-envelope"),
    ("wrong typ", _token({"alg": "Ed25519", "typ": "fc-other+jws", "kid": "dev-1"}), "bad-envelope-signature"),
    ("no typ", _token({"alg": "Ed25519", "kid": "dev-1"}), "bad-envelope-signature"),
    ("crit", _token({"alg": "Ed25519", "typ": TYP, "crit": ["exp"], "exp": 1}), "malformed-envelope"),
    ("crit naming an allowed parameter", _token({"alg": "Ed25519", "typ": TYP, "crit": ["kid"], "kid": "x"}), "malformed-envelope"),
    ("embedded jwk", _token({"alg": "Ed25519", "typ": TYP, "jwk": {"kty": "OKP"}}), "malformed-envelope"),
    ("jku", _token({"alg": "Ed25519", "typ": TYP, "jku": "https://evil.example/keys"}), "malformed-envelope"),
    ("x5c", _token({"alg": "Ed25519", "typ": TYP, "x5c": ["AAAA"]}), "malformed-envelope"),
    ("b64 false (RFC 7797)", _token({"alg": "Ed25519", "typ": TYP, "b64": False}), "malformed-envelope"),
    ("unknown parameter", _token({"alg": "Ed25519", "typ": TYP, "zip": "DEF"}), "malformed-envelope"),
    ("non-string kid", _token({"alg": "Ed25519", "typ": TYP, "kid": 7}), "malformed-envelope"),
    ("duplicate header key", f"{DUPLICATE_TYP_HEADER}.{BODY}.{SIGNATURE}", "malformed-envelope"),
    ("header not JSON", f"{_b64(b'not json')}.{BODY}.{SIGNATURE}", "malformed-envelope"),
    ("header a JSON array", f"{_b64(b'[1]')}.{BODY}.{SIGNATURE}", "malformed-envelope"),
    ("padded header", f"{HEADER}=.{BODY}.{SIGNATURE}", "malformed-envelope"),
    ("standard base64 alphabet in header", f"{HEADER[:-1]}+.{BODY}.{SIGNATURE}", "malformed-envelope"),
    ("bad base64 in payload", f"{HEADER}.{BODY[:-1]}*.{SIGNATURE}", "bad-envelope-signature"),
    ("padded payload", f"{HEADER}.{BODY}==.{SIGNATURE}", "bad-envelope-signature"),
    ("bad base64 in signature", f"{HEADER}.{BODY}.{SIGNATURE[:-1]}!", "malformed-envelope"),
    ("non-canonical signature bits", f"{HEADER}.{BODY}.{_flip_spare_bits(SIGNATURE)}", "malformed-envelope"),
    ("short signature", f"{HEADER}.{BODY}.{SIGNATURE[:-4]}", "malformed-envelope"),
    ("trailing segment", f"{GOOD}.", "malformed-envelope"),
    ("trailing data", f"{GOOD}.{SIGNATURE}", "malformed-envelope"),
    ("trailing newline", GOOD + "\n", "malformed-envelope"),
    ("leading space", " " + GOOD, "malformed-envelope"),
    ("two segments", f"{HEADER}.{BODY}", "malformed-envelope"),
    ("empty payload segment", f"{HEADER}..{SIGNATURE}", "malformed-envelope"),
    ("non-ASCII bytes", GOOD.encode("ascii") + "é".encode(), "malformed-envelope"),
    ("non-ASCII character in payload", f"{HEADER}.{BODY}é.{SIGNATURE}", "bad-envelope-signature"),
    ("signature from another key", _token({"alg": "Ed25519", "typ": TYP, "kid": "dev-1"}, key=OTHER_KEY), "bad-envelope-signature"),
    ("payload changed", f"{HEADER}.{_b64(PAYLOAD + b' ')}.{SIGNATURE}", "bad-envelope-signature"),
    ("header changed (same meaning, other bytes)",
     f"{_b64(json.dumps({'kid': 'dev-1', 'typ': TYP, 'alg': 'Ed25519'}).encode())}.{BODY}.{SIGNATURE}", "bad-envelope-signature"),
    ("signature of another token", f"{HEADER}.{BODY}.{_jws.sign(b'{}', KEY, typ=TYP, kid='dev-1').split('.')[2]}", "bad-envelope-signature"),
]


@pytest.mark.parametrize(("name", "token", "code"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_fast_path_refuses_what_joserfc_refuses_with_the_same_code(name: str, token: str | bytes, code: str) -> None:
    public = KEY.public_key()
    assert _outcome(_fast_verify, token, public) == code
    assert _outcome(_reference_verify, token, public) == code


@pytest.mark.parametrize("extra", [{}, {"cty": "json"}, {"sid": "sub-1", "aud": "LA-1"}])
def test_good_tokens_verify_on_both_paths_to_the_same_payload(extra: dict[str, str]) -> None:
    token = _jws.sign(PAYLOAD, KEY, typ=TYP, kid="dev-1", **extra)
    for form in (token, token.encode("ascii")):
        header, payload = _jws.verify(form, KEY.public_key(), typ=TYP, code="bad-envelope-signature", what="token")
        assert payload == PAYLOAD == _reference_verify(form, KEY.public_key())
        assert header == {"alg": "Ed25519", "typ": TYP, "kid": "dev-1", **extra}


def test_a_key_that_is_not_ed25519_never_verifies() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    x25519 = X25519PrivateKey.generate().public_key()
    with pytest.raises(ProtocolError) as raised:
        _jws.verify(GOOD, x25519, typ=TYP, code="bad-envelope-signature", what="token")  # type: ignore[arg-type]
    assert raised.value.code == "bad-envelope-signature"


def test_verify_parsed_is_verify_after_parse() -> None:
    compact = _jws.parse(GOOD, "malformed-envelope", "token")
    assert _jws.verify_parsed(compact, KEY.public_key(), typ=TYP, code="bad-envelope-signature", what="token") == (
        _jws.verify(GOOD, KEY.public_key(), typ=TYP, code="bad-envelope-signature", what="token"))
    with pytest.raises(ProtocolError, match="does not verify"):
        _jws.verify_parsed(compact, OTHER_KEY.public_key(), typ=TYP, code="bad-envelope-signature", what="token")


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0), replacement=st.sampled_from(list("AQgw-_+/=.eé ")))
def test_single_character_changes_get_the_same_answer_from_both_paths(position: int, replacement: str) -> None:
    index = position % len(GOOD)
    token = GOOD[:index] + replacement + GOOD[index + 1:]
    public = KEY.public_key()
    assert _outcome(_fast_verify, token, public) == _outcome(_reference_verify, token, public)
