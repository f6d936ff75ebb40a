"""Keys (PEM/JWK, RFC 7638 ids, fingerprints) and the problem registry."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fcsync._wire import b64url_encode
from fcsync.keys import (
    ed25519_public_key_from_jwk,
    fingerprint,
    generate_sealing_key,
    generate_signing_key,
    key_id,
    private_jwk,
    private_key_from_jwk,
    private_key_from_pem,
    private_key_to_pem,
    public_jwk,
    public_key_from_jwk,
    public_key_from_pem,
    public_key_to_pem,
    raw_public_bytes,
    x25519_public_key_from_jwk,
)
from fcsync.problems import (
    PROBLEM_TYPES,
    ClientAction,
    Problem,
    ProtocolError,
    parse_problem,
)

# RFC 8037 Appendix A.1/A.3: the Ed25519 test key and its published RFC 7638 thumbprint.
RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
RFC8037_KID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


def test_key_id_matches_the_rfc_8037_example() -> None:
    key = ed25519_public_key_from_jwk({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X})
    assert key_id(key) == RFC8037_KID


@pytest.mark.parametrize("make", [generate_signing_key, generate_sealing_key])
def test_key_id_is_the_rfc_7638_thumbprint(make: object) -> None:
    key = make().public_key()  # type: ignore[operator]
    jwk = public_jwk(key)
    members = json.dumps({"crv": jwk["crv"], "kty": "OKP", "x": jwk["x"]}, separators=(",", ":"))
    assert key_id(key) == b64url_encode(hashlib.sha256(members.encode()).digest()) == jwk["kid"]


def test_fingerprint_is_eight_groups_of_base32_from_sha256() -> None:
    key = generate_signing_key().public_key()
    text = fingerprint(key)
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", text)
    digest = hashlib.sha256(raw_public_bytes(key)).digest()[:20]
    assert text.replace(" ", "") == base64.b32encode(digest).decode()
    assert fingerprint(generate_signing_key().public_key()) != text


@pytest.mark.parametrize("make", [generate_signing_key, generate_sealing_key])
@pytest.mark.parametrize("password", [None, b"correct horse"])
def test_pem_round_trips(make: object, password: bytes | None) -> None:
    private = make()  # type: ignore[operator]
    again = private_key_from_pem(private_key_to_pem(private, password), password)
    assert raw_public_bytes(again.public_key()) == raw_public_bytes(private.public_key())
    public = public_key_from_pem(public_key_to_pem(private.public_key()))
    assert raw_public_bytes(public) == raw_public_bytes(private.public_key())


def test_encrypted_pem_needs_its_password() -> None:
    pem = private_key_to_pem(generate_signing_key(), b"pw")
    assert b"ENCRYPTED" in pem
    with pytest.raises(ValueError):
        private_key_from_pem(pem, b"wrong")


@pytest.mark.parametrize("make", [generate_signing_key, generate_sealing_key])
def test_jwk_round_trips(make: object) -> None:
    private = make()  # type: ignore[operator]
    again = private_key_from_jwk(private_jwk(private))
    assert raw_public_bytes(again.public_key()) == raw_public_bytes(private.public_key())
    assert "d" not in public_jwk(private.public_key())
    assert public_jwk(public_key_from_jwk(public_jwk(private.public_key()))) == public_jwk(private.public_key())


def test_use_member_follows_the_curve() -> None:
    assert public_jwk(generate_signing_key().public_key())["use"] == "sig"
    assert public_jwk(generate_sealing_key().public_key())["use"] == "enc"


def test_typed_readers_refuse_the_other_curve() -> None:
    with pytest.raises(ValueError):
        ed25519_public_key_from_jwk(public_jwk(generate_sealing_key().public_key()))
    with pytest.raises(ValueError):
        x25519_public_key_from_jwk(public_jwk(generate_signing_key().public_key()))


GOOD = public_jwk(generate_signing_key().public_key())


@pytest.mark.parametrize("jwk", [
    {},
    {**GOOD, "kty": "EC"},
    {**GOOD, "crv": "Ed448"},
    {**GOOD, "x": GOOD["x"][:-2]},
    {**GOOD, "x": GOOD["x"] + "=="},
    {**GOOD, "kid": "not-the-thumbprint"},
    {"kty": "OKP", "crv": "Ed25519"},
])
def test_bad_public_jwks(jwk: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        public_key_from_jwk(jwk)


def test_private_jwk_must_match_its_public_half() -> None:
    jwk = private_jwk(generate_signing_key())
    jwk["d"] = private_jwk(generate_signing_key())["d"]
    with pytest.raises(ValueError, match="does not match"):
        private_key_from_jwk(jwk)


def test_pem_readers_refuse_other_key_types() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    other = ec.generate_private_key(ec.SECP256R1())
    from cryptography.hazmat.primitives import serialization

    pem = other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    with pytest.raises(ValueError):
        private_key_from_pem(pem)
    with pytest.raises(ValueError):
        private_key_from_pem(b"-----BEGIN nonsense")
    assert isinstance(Ed25519PrivateKey.generate().public_key(), Ed25519PublicKey)


# --- problems ------------------------------------------------------------------------------

EXPECTED_STATUS = {
    "malformed-envelope": 422, "bad-envelope-signature": 422, "bad-inner-signature": 422,
    "decryption-failed": 422, "unknown-recipient-key": 422, "submission-conflict": 422,
    "too-large": 413, "unknown-device": 401, "bad-request-token": 401,
    "expired-request-token": 401, "replayed-request-token": 401, "device-revoked": 403,
    "rate-limited": 429, "unavailable": 503, "bad-enrolment-code": 400,
}


@pytest.mark.parametrize("code, status", sorted(EXPECTED_STATUS.items()))
def test_problem_codes_carry_the_agreed_status(code: str, status: int) -> None:
    assert PROBLEM_TYPES[code].status == status
    assert ProtocolError(code).status == status


@pytest.mark.parametrize("code, action", [
    ("unknown-recipient-key", ClientAction.RESEAL), ("device-revoked", ClientAction.STOP),
    ("unknown-device", ClientAction.RE_ENROL), ("expired-request-token", ClientAction.NEW_TOKEN),
    ("submission-conflict", ClientAction.NEEDS_ACTION), ("unavailable", ClientAction.RETRY_LATER),
    ("bad-receipt", ClientAction.RETRY_LATER), ("bad-enrolment-code", ClientAction.NEW_CODE),
])
def test_problem_codes_imply_the_client_action(code: str, action: ClientAction) -> None:
    assert Problem(code).client_action is action


def test_problem_json_round_trip_through_the_wire() -> None:
    error = ProtocolError("unknown-recipient-key", "sealed to a retired key", current_recipient_key_id="k2")
    body = error.problem.to_dict()
    assert body == {"type": "urn:fc-sync:problem:unknown-recipient-key", "title": PROBLEM_TYPES["unknown-recipient-key"].title,
                    "status": 422, "detail": "sealed to a retired key", "current_recipient_key_id": "k2"}
    back = parse_problem(json.dumps(body).encode(), 422)
    assert back.code == "unknown-recipient-key" and back.status == 422
    assert back.extensions == {"current_recipient_key_id": "k2"}


@pytest.mark.parametrize("body, status, action", [
    (b"<html>proxy error</html>", 502, ClientAction.RETRY_LATER),
    (b'{"type":"about:blank","status":400}', 400, ClientAction.NEEDS_ACTION),
    (b'{"type":"urn:fc-sync:problem:from-the-future"}', 429, ClientAction.RETRY_LATER),
    (b"\xff", 500, ClientAction.RETRY_LATER),
    (b"[1]", 404, ClientAction.NEEDS_ACTION),
])
def test_unrecognised_problems_fall_back_to_the_status_class(body: bytes, status: int, action: ClientAction) -> None:
    problem = parse_problem(body, status)
    assert problem.code == "unrecognised" and problem.status == status
    assert problem.client_action is action


def test_unregistered_codes_cannot_be_raised() -> None:
    with pytest.raises(ValueError):
        ProtocolError("no-such-code")


def test_every_problem_type_is_a_urn_with_an_error_status() -> None:
    for problem_type in PROBLEM_TYPES.values():
        assert problem_type.uri == f"urn:fc-sync:problem:{problem_type.code}"
        assert 400 <= problem_type.status <= 599


def test_the_protocol_document_explains_every_problem_code() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "protocol" / "fc-sync-v1.md").read_text("utf-8")
    missing = [code for code in PROBLEM_TYPES if f"`{code}`" not in doc]
    assert missing == []
