"""Compact JWS signing and verification for FC-Sync, with `cryptography` directly.

joserfc is the reference both directions are tested against, not the hot path: its key import
and registry checks cost several times the Ed25519 operation itself, and the gateway verifies
three signatures and signs one receipt per submission (bench/bench_gateway.py).

- `sign` produces exactly the bytes joserfc's `serialize_compact` produces for the same header
  and payload: header `json.dumps(ensure_ascii=True, separators=(",", ":"))` in insertion order,
  unpadded base64url, and Ed25519 signatures are deterministic. It refuses what joserfc refuses
  (unknown header parameters, non-string values) and also what `verify` would refuse (`jku`,
  `x5c`, …). tests/gateway/test_fcsync_fast_paths.py compares the two byte for byte.
- `verify` reads the compact form strictly (three canonical base64url parts, a header of exactly
  the allowed string parameters) and checks the signature over the received bytes. The rules
  are the ones joserfc enforced (alg, typ, no crit/jwk/jku/x5c/…, strict base64url);
  tests/unit/test_fcsync_jws.py compares both paths on the same bad inputs.

One algorithm only: `Ed25519` (RFC 9864's fully specified name; the deprecated `EdDSA` is not
accepted). The verifier is handed the key by the caller (pinned or looked up by device id);
header-supplied keys (`jwk`, `jku`, `x5c`, …), `crit` and unknown header parameters are refused.
Private to `fcsync`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jws
from joserfc.registry import HeaderParameter, is_str

from fcsync._wire import b64url_decode, b64url_encode, read_json_object
from fcsync.problems import ProtocolError

ALGORITHM = "Ed25519"
# Header parameters FC-Sync uses beyond alg/typ/kid: `sid` binds a signed summary to its
# submission id and `aud` to its recipient organisation (against surreptitious forwarding).
_ALLOWED_HEADER = frozenset({"alg", "typ", "kid", "cty", "sid", "aud"})
_EXTRA_HEADER = {
    "sid": HeaderParameter("FC-Sync submission id", is_str),
    "aud": HeaderParameter("FC-Sync recipient organisation", is_str),
}


def _registry() -> jws.JWSRegistry:
    registry = jws.JWSRegistry(header_registry=_EXTRA_HEADER, algorithms=[ALGORITHM])
    # Callers enforce their own, larger body limits (max_body_bytes); joserfc's default of
    # 128 kB would cut off a summary with a long lived-experience narrative.
    registry.max_payload_length = 64 * 1024 * 1024
    return registry


_REGISTRY = _registry()
MAX_HEADER_CHARS = 1024


def sign(payload: bytes, key: Ed25519PrivateKey, *, typ: str, kid: str, **extra: str) -> str:
    """Compact JWS over `payload` with header {alg: Ed25519, typ, kid, **extra}.

    ValueError for a header joserfc would refuse (a parameter outside `alg typ kid cty sid aud`,
    a value that is not a string) or a key that is not an Ed25519 private key.
    """
    header: dict[str, Any] = {"alg": ALGORITHM, "typ": typ, "kid": kid, **extra}
    if not set(extra) <= _ALLOWED_HEADER - {"alg", "typ", "kid"}:
        raise ValueError("unsupported JWS header parameter")
    if not all(isinstance(value, str) for value in header.values()):
        raise ValueError("JWS header values must be strings")
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("FC-Sync signs with Ed25519 keys only")
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    header_segment = b64url_encode(json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii"))
    signing_input = f"{header_segment}.{b64url_encode(payload)}"
    return f"{signing_input}.{b64url_encode(key.sign(signing_input.encode('ascii')))}"


@dataclass(frozen=True)
class Compact:
    """A compact JWS read strictly but NOT verified: its header and its raw segments."""

    header: dict[str, Any]
    header_segment: str
    payload_segment: str
    signature: bytes


def parse(token: str | bytes, code: str, what: str) -> Compact:
    """Read a compact JWS strictly (structure, header rules), without verifying it.

    ProtocolError(code) for anything that is not a compact JWS with an allowed Ed25519 header.
    """
    if isinstance(token, bytes):
        try:
            token = token.decode("ascii")
        except UnicodeDecodeError as exc:
            raise ProtocolError(code, f"{what} is not ASCII") from exc
    if not isinstance(token, str):
        raise ProtocolError(code, f"{what} is not a string")
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise ProtocolError(code, f"{what} is not a compact JWS")
    if len(parts[0]) > MAX_HEADER_CHARS:
        raise ProtocolError(code, f"{what} has an oversized header")
    try:
        raw_header = b64url_decode(parts[0])
        # Canonical base64url only: a signature with altered spare bits must not pass as the same.
        signature = b64url_decode(parts[2])
    except ValueError as exc:
        raise ProtocolError(code, f"{what} is not base64url") from exc
    if len(signature) != 64:
        raise ProtocolError(code, f"{what} signature is not an Ed25519 signature")
    header = read_json_object(raw_header, code, f"{what} header")
    if header.get("alg") != ALGORITHM:
        raise ProtocolError(code, f"{what} must be signed with alg {ALGORITHM}")
    unexpected = set(header) - _ALLOWED_HEADER
    if unexpected:
        raise ProtocolError(code, f"{what} header has unsupported parameters")
    if not all(isinstance(value, str) for value in header.values()):
        raise ProtocolError(code, f"{what} header values must be strings")
    return Compact(header, parts[0], parts[1], signature)


def unverified_header(token: str | bytes, code: str, what: str) -> dict[str, Any]:
    """The protected header of a compact JWS, read strictly but NOT verified.

    Only for choosing which key to verify with; never trust its contents before `verify`.
    """
    return parse(token, code, what).header


def verify(
    token: str | bytes,
    public_key: Ed25519PublicKey,
    *,
    typ: str,
    code: str,
    what: str,
    structure_code: str | None = None,
) -> tuple[dict[str, Any], bytes]:
    """Verify a compact JWS with `public_key`; return (header, payload bytes).

    A structural fault raises ProtocolError(structure_code or code); a wrong `typ` or a
    signature that does not verify raises ProtocolError(code).
    """
    return verify_parsed(parse(token, structure_code or code, what), public_key, typ=typ, code=code, what=what)


def verify_parsed(
    compact: Compact, public_key: Ed25519PublicKey, *, typ: str, code: str, what: str
) -> tuple[dict[str, Any], bytes]:
    """`verify` for a token already read with `parse` (so a caller that peeked reads it once)."""
    header = compact.header
    if header.get("typ") != typ:
        raise ProtocolError(code, f"{what} is not of type {typ}")
    if not isinstance(public_key, Ed25519PublicKey):
        raise ProtocolError(code, f"{what} signature does not verify")
    try:
        payload = b64url_decode(compact.payload_segment)
        signing_input = f"{compact.header_segment}.{compact.payload_segment}".encode("ascii")
        public_key.verify(compact.signature, signing_input)
    except (ValueError, UnicodeEncodeError, InvalidSignature) as exc:
        raise ProtocolError(code, f"{what} signature does not verify") from exc
    return header, payload


def unverified_payload(token: str, code: str, what: str) -> bytes:
    """The payload bytes of a compact JWS without verifying it (for key look-up only)."""
    compact = parse(token, code, what)
    try:
        return b64url_decode(compact.payload_segment)
    except ValueError as exc:
        raise ProtocolError(code, f"{what} payload is not base64url") from exc
