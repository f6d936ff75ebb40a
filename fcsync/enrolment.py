"""Device enrolment: the one-time-code request and the gateway's answer.

Request (`POST v1/enrolments`, JSON): {version, code, device_key (public Ed25519 JWK with kid),
label, proof}. `proof` is a compact JWS (typ fc-enrol+jws, kid = device key id) by the device
key over canonical JSON {code, aud, iat, nonce}: it shows the sender holds the private key and
cannot be replayed at another gateway (aud) or much later (iat). Whether the code is valid is
the gateway's business (its database); this module only checks the request is well formed.

Response (201, JSON): {version, device_id, organisation, organisation_name, sealing_key,
receipt_key} with public JWKs whose `kid` is their RFC 7638 thumbprint. The device pins both
keys; trust in them comes from TLS plus the one-time code, and the UI shows their fingerprints
so an administrator can compare them with the gateway's admin CLI.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from fcsync import _jws
from fcsync._wire import (
    PROTOCOL_VERSION,
    canonical_json,
    read_json_object,
    require_int,
    require_str,
)
from fcsync.keys import (
    ed25519_public_key_from_jwk,
    key_id,
    public_jwk,
    x25519_public_key_from_jwk,
)
from fcsync.problems import ProtocolError
from fcsync.tokens import request_audience

PROOF_TYP = "fc-enrol+jws"
MAX_ENROLMENT_BYTES = 16 * 1024
MAX_LABEL_CHARS = 200


@dataclass(frozen=True)
class EnrolmentRequest:
    """A well-formed enrolment request whose proof verified (the code is not yet checked)."""

    code: str
    device_key: Ed25519PublicKey
    device_key_id: str
    device_jwk: dict[str, str]
    label: str
    nonce: str
    issued_at: int


@dataclass(frozen=True)
class Enrolment:
    """What the device keeps after enrolling: its id and the gateway keys it pins."""

    device_id: str
    organisation: str  # the code used as `recipient` in envelopes
    organisation_name: str
    sealing_key: X25519PublicKey
    sealing_key_id: str
    receipt_key: Ed25519PublicKey
    receipt_key_id: str


def build_enrolment_request(
    device_key: Ed25519PrivateKey,
    *,
    code: str,
    url: str,
    label: str = "",
    now: int | None = None,
) -> bytes:
    """The JSON body to POST to the enrolment endpoint `url` (the full URL used)."""
    if len(label) > MAX_LABEL_CHARS:
        raise ValueError(f"device label is longer than {MAX_LABEL_CHARS} characters")
    public = device_key.public_key()
    claims = {
        "code": code,
        "aud": request_audience(url),
        "iat": int(time.time()) if now is None else now,
        "nonce": secrets.token_urlsafe(16),
    }
    proof = _jws.sign(canonical_json(claims), device_key, typ=PROOF_TYP, kid=key_id(public))
    return canonical_json({
        "version": PROTOCOL_VERSION,
        "code": code,
        "device_key": public_jwk(public),
        "label": label,
        "proof": proof,
    })


def verify_enrolment_request(
    body: bytes,
    *,
    url: str,
    now: int,
    max_age: int = 300,
    clock_skew: int = 60,
) -> EnrolmentRequest:
    """Check an enrolment body received at `url`; raises only ProtocolError.

    malformed-enrolment for bad JSON, a bad key, a proof that does not verify, names another
    URL or code, or is older than `max_age`; too-large past MAX_ENROLMENT_BYTES.
    """
    code = "malformed-enrolment"
    if not isinstance(body, bytes):
        raise ProtocolError(code, "enrolment body is not bytes")
    if len(body) > MAX_ENROLMENT_BYTES:
        raise ProtocolError("too-large", "enrolment body is too large")
    data = read_json_object(body, code, "enrolment request")
    if data.get("version") != PROTOCOL_VERSION:
        raise ProtocolError(code, "enrolment request is not fc-sync/1")
    one_time_code = require_str(data, "code", code, "enrolment request", max_len=128)
    label = data.get("label", "")
    if not isinstance(label, str) or len(label) > MAX_LABEL_CHARS:
        raise ProtocolError(code, "enrolment label must be a short string")
    jwk = data.get("device_key")
    try:
        if not isinstance(jwk, dict):
            raise ValueError("device_key is not an object")
        device_key = ed25519_public_key_from_jwk(jwk)
    except ValueError as exc:
        raise ProtocolError(code, "device_key is not an Ed25519 public JWK") from exc
    device_key_id = key_id(device_key)
    proof = data.get("proof")
    if not isinstance(proof, str):
        raise ProtocolError(code, "enrolment proof is missing")
    header, payload = _jws.verify(proof, device_key, typ=PROOF_TYP, code=code, what="enrolment proof")
    claims = read_json_object(payload, code, "enrolment proof")
    if header.get("kid") != device_key_id:
        raise ProtocolError(code, "enrolment proof names another key")
    try:
        expected_audience = request_audience(url)
    except ValueError as exc:
        raise ProtocolError(code, "the enrolment URL cannot be an audience") from exc
    if claims.get("aud") != expected_audience:
        raise ProtocolError(code, "enrolment proof was made for another gateway URL")
    if claims.get("code") != one_time_code:
        raise ProtocolError(code, "enrolment proof was made for another code")
    issued = require_int(claims, "iat", code, "enrolment proof")
    nonce = require_str(claims, "nonce", code, "enrolment proof", max_len=128)
    if issued > now + clock_skew or issued < now - max_age - clock_skew:
        raise ProtocolError(code, "enrolment proof is outside its time window; check the clock", server_time=now)
    return EnrolmentRequest(
        code=one_time_code,
        device_key=device_key,
        device_key_id=device_key_id,
        device_jwk=public_jwk(device_key),
        label=label,
        nonce=nonce,
        issued_at=issued,
    )


def build_enrolment_response(
    *,
    device_id: str,
    organisation: str,
    organisation_name: str,
    sealing_key: X25519PublicKey,
    receipt_key: Ed25519PublicKey,
) -> bytes:
    """The JSON body of a 201 answer to an enrolment (the gateway side)."""
    return canonical_json({
        "version": PROTOCOL_VERSION,
        "device_id": device_id,
        "organisation": organisation,
        "organisation_name": organisation_name,
        "sealing_key": public_jwk(sealing_key),
        "receipt_key": public_jwk(receipt_key),
    })


def parse_enrolment_response(body: bytes) -> Enrolment:
    """Read the gateway's enrolment answer; raises only ProtocolError("bad-enrolment-response")."""
    code = "bad-enrolment-response"
    if not isinstance(body, bytes):
        raise ProtocolError(code, "enrolment response is not bytes")
    data = read_json_object(body, code, "enrolment response")
    if data.get("version") != PROTOCOL_VERSION:
        raise ProtocolError(code, "enrolment response is not fc-sync/1")
    device_id = require_str(data, "device_id", code, "enrolment response", max_len=128)
    organisation = require_str(data, "organisation", code, "enrolment response", max_len=128)
    name = require_str(data, "organisation_name", code, "enrolment response")
    sealing = _gateway_key(data.get("sealing_key"), "X25519", code)
    receipt = _gateway_key(data.get("receipt_key"), "Ed25519", code)
    assert isinstance(sealing, X25519PublicKey) and isinstance(receipt, Ed25519PublicKey)
    return Enrolment(device_id, organisation, name, sealing, key_id(sealing), receipt, key_id(receipt))


def _gateway_key(jwk: Any, crv: str, code: str) -> X25519PublicKey | Ed25519PublicKey:
    """A gateway public JWK that must carry its thumbprint as kid."""
    try:
        if not isinstance(jwk, dict) or "kid" not in jwk:
            raise ValueError("key must be a JWK with kid")
        if crv == "X25519":
            return x25519_public_key_from_jwk(jwk)
        return ed25519_public_key_from_jwk(jwk)
    except ValueError as exc:
        raise ProtocolError(code, f"gateway {crv} key is not a usable JWK") from exc
