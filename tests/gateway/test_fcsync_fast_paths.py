"""fcsync's fast paths produce byte for byte what the reference libraries produce.

The gateway signs a receipt, builds canonical JSON and decodes base64url for every submission;
joserfc's key import and registry checks cost more than the signature, rfc8785's general
serializer several times the C json encoder, and a regular expression over a whole envelope
more than decoding it. So `fcsync._jws.sign` signs with `cryptography` directly,
`fcsync._wire.canonical_json` takes the json encoder for flat objects of plain values, and
`b64url_decode` checks its alphabet with three character scans. The references below are the
previous implementations (`joserfc.jws.serialize_compact` with FC-Sync's registry,
`rfc8785.dumps`, the regular-expression check): either both give the same bytes, or both refuse.
Ed25519 signatures are deterministic, so equal bytes mean equal headers, payloads and signatures.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import OKPKey

from fcsync import _jws
from fcsync._wire import _simple_canonical_json, b64url_decode, canonical_json
from fcsync.keys import generate_signing_key
from fcsync.receipts import make_receipt, verify_receipt

KEY = generate_signing_key()


def _reference_sign(payload: bytes, typ: str, kid: str, **extra: Any) -> str:
    header: dict[str, Any] = {"alg": _jws.ALGORITHM, "typ": typ, "kid": kid, **extra}
    return jws.serialize_compact(header, payload, OKPKey.import_key(KEY), algorithms=[_jws.ALGORITHM],
                                 registry=_jws._REGISTRY)


SAME: list[tuple[str, bytes, str, str, dict[str, str]]] = [
    ("receipt", b'{"issues":[],"reference":"FC-2026-000001","status":"accepted"}', "fc-receipt+jws", "rk-1", {}),
    ("request token", b'{"aud":"https://127.0.0.1:8443/v1/submissions","htm":"POST"}', "fc-req+jwt", "dev-1", {}),
    ("envelope", b'{"version":"fc-sync/1"}', "fc-envelope+jws", "dev-1", {}),
    ("summary with sid and aud", b'{"resourceType":"Bundle"}', "fc-summary+jws", "dev-1",
     {"sid": "sub-1", "aud": "LA-E08000025"}),
    ("content type", b"{}", "fc-outcome+jws", "rk-1", {"cty": "json"}),
    ("empty payload", b"", "fc-test+jws", "k", {}),
    ("binary payload", bytes(range(256)), "fc-test+jws", "k", {}),
    ("non-ASCII kid (escaped in the header)", b"{}", "fc-test+jws", "clé-é\u2028", {}),
    ("quotes and backslashes", b"{}", 'fc-"test"\\+jws', "k\n\t", {}),
]


@pytest.mark.parametrize(("name", "payload", "typ", "kid", "extra"), SAME, ids=[row[0] for row in SAME])
def test_direct_signing_gives_joserfcs_bytes(name: str, payload: bytes, typ: str, kid: str, extra: dict[str, str]) -> None:
    assert _jws.sign(payload, KEY, typ=typ, kid=kid, **extra) == _reference_sign(payload, typ, kid, **extra)


# (name, extra header, does joserfc refuse it too?). A registered JOSE parameter that FC-Sync's
# verifier refuses (jku, x5c, …) joserfc would sign; `sign` refuses it, so no FC-Sync signer can
# produce a token its own verifier rejects.
REFUSED: list[tuple[str, dict[str, Any], bool]] = [
    ("unknown parameter", {"zip": "DEF"}, True),
    ("alg overridden", {"alg": "none"}, True),
    ("non-string sid", {"sid": 1}, True),
    ("non-string aud", {"aud": ["LA-1"]}, True),
    ("header-supplied key URL", {"jku": "https://evil.example/keys"}, False),
    ("certificate chain", {"x5c": ["AAAA"]}, False),
]


@pytest.mark.parametrize(("name", "extra", "joserfc_refuses"), REFUSED, ids=[row[0] for row in REFUSED])
def test_headers_the_verifier_would_refuse_are_never_signed(name: str, extra: dict[str, Any], joserfc_refuses: bool) -> None:
    with pytest.raises(ValueError, match="header"):
        _jws.sign(b"{}", KEY, typ="fc-test+jws", kid="k", **extra)
    try:
        _reference_sign(b"{}", "fc-test+jws", "k", **extra)
        refused = False
    except Exception:  # noqa: BLE001 - joserfc raises several JoseError types
        refused = True
    assert refused == joserfc_refuses


def test_a_key_that_is_not_ed25519_is_refused() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    with pytest.raises(ValueError, match="Ed25519"):
        _jws.sign(b"{}", X25519PrivateKey.generate(), typ="t", kid="k")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(payload=st.binary(max_size=300), typ=st.text(min_size=1, max_size=30), kid=st.text(min_size=1, max_size=40),
       extra=st.dictionaries(st.sampled_from(["cty", "sid", "aud"]), st.text(max_size=20), max_size=3))
def test_any_header_text_and_payload_sign_to_the_same_bytes(payload: bytes, typ: str, kid: str, extra: dict[str, str]) -> None:
    assert _jws.sign(payload, KEY, typ=typ, kid=kid, **extra) == _reference_sign(payload, typ, kid, **extra)


def test_a_receipt_is_what_joserfc_signs_and_verifies_with_the_pinned_key() -> None:
    received = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    receipt = make_receipt(KEY, "rk-1", submission_id="sub-1", device_id="dev-1", inner_digest="a" * 64,
                           envelope_digest="b" * 64, status="accepted-flagged", received_at=received,
                           reference="FC-2026-000001", issues=["no-child"])
    header_segment, payload_segment, _ = receipt.split(".")
    signed = jws.deserialize_compact(receipt, OKPKey.import_key(KEY.public_key()), algorithms=[_jws.ALGORITHM],
                                     registry=_jws._REGISTRY)
    assert receipt == _reference_sign(signed.payload, "fc-receipt+jws", "rk-1")
    checked = verify_receipt(receipt, pinned_key=KEY.public_key(), expected_submission_id="sub-1",
                             expected_inner_digest="a" * 64, expected_device_id="dev-1")
    assert (checked.reference, checked.issues, checked.received_at) == ("FC-2026-000001", ("no-child",), received)


CANONICAL: list[tuple[str, object, bool]] = [
    # (name, value, takes the fast path?)
    ("receipt payload", {"version": "fc-sync/1", "submission_id": "3f1c-aa", "device_id": "dev-1", "status": "accepted",
                         "received_at": "2026-11-29T05:00:00Z", "reference": "FC-2026-000001",
                         "issues": ["no-child", "no-plan"]}, True),
    ("token claims", {"iss": "dev-1", "aud": "https://h:1/v1/x", "htm": "POST", "bth": "abc-_", "iat": 1764390000,
                      "exp": 1764390120, "jti": "x_y-z"}, True),
    ("quotes and backslashes", {"a": 'say "hi" \\ bye', 'k"ey': "v"}, True),
    ("booleans, null, negative and boundary integers", {"t": True, "f": False, "n": None, "neg": -5,
                                                        "max": 2**53 - 1, "min": -(2**53 - 1)}, True),
    ("empty object and empty list", {"e": []}, True),
    ("keys that sort by case", {"b": 1, "B": 2, "a": 3, "_": 4, "~": 5}, True),
    ("non-ASCII text goes the general way", {"name": "Zoë"}, False),
    ("a control character goes the general way", {"note": "line\nbreak"}, False),
    ("DEL goes the general way", {"note": "\x7f"}, False),
    ("nested objects go the general way", {"outer": {"inner": 1}}, False),
    ("lists of non-strings go the general way", {"grades": [1, 2]}, False),
    ("a list at the top goes the general way", ["a"], False),
]


@pytest.mark.parametrize(("name", "value", "fast"), CANONICAL, ids=[row[0] for row in CANONICAL])
def test_canonical_json_is_rfc8785(name: str, value: object, fast: bool) -> None:
    assert (_simple_canonical_json(value) is not None) == fast
    assert canonical_json(value) == rfc8785.dumps(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [{"big": 2**53}, {"x": 1.5}, {"n": float("nan")}])
def test_values_rfc8785_cannot_carry_are_still_refused(value: object) -> None:
    assert _simple_canonical_json(value) is None
    with pytest.raises(ValueError):
        canonical_json(value)


_PLAIN = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)
_ANY_TEXT = st.text(max_size=20).filter(lambda text: not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text))
_VALUES = st.one_of(_PLAIN, _ANY_TEXT, st.integers(min_value=-(2**53 - 1), max_value=2**53 - 1), st.booleans(),
                    st.none(), st.lists(_PLAIN, max_size=4), st.lists(_ANY_TEXT, max_size=3))


@settings(max_examples=400, deadline=None)
@given(value=st.dictionaries(st.one_of(_PLAIN, _ANY_TEXT), _VALUES, max_size=8))
def test_any_flat_object_canonicalises_as_rfc8785_does(value: dict[str, object]) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)  # type: ignore[arg-type]


_OLD_ALPHABET = re.compile(r"[A-Za-z0-9_-]*")


def _reference_b64url_decode(text: str) -> bytes | str:
    """The previous implementation (regular expression for the alphabet); 'refused' for errors."""
    if len(text) % 4 == 1 or not _OLD_ALPHABET.fullmatch(text):
        return "refused"
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return "refused"
    pad = -len(text) % 4
    if pad and text[-1] not in {1: "AEIMQUYcgkosw048", 2: "AQgw"}[pad]:
        return "refused"
    return raw


def _decoded(text: str) -> bytes | str:
    try:
        return b64url_decode(text)
    except ValueError:
        return "refused"


@pytest.mark.parametrize("text", ["", "AA", "AAA", "AAAA", "A", "AA==", "AA=", "AAA=", "A+B/", "A-B_", "AB C", "AB\n",
                                  "ABé", "A\x00", "AB", "AR", "AAB", "AAE", "////", "----", "ＡＢ"])
def test_base64url_decoding_accepts_and_refuses_as_before(text: str) -> None:
    assert _decoded(text) == _reference_b64url_decode(text)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ABCQgw048az09-_+/= \n.é\x00")), max_size=12))
def test_any_text_decodes_or_is_refused_as_before(text: str) -> None:
    assert _decoded(text) == _reference_b64url_decode(text)
