"""Compact JWS signing and verification for FC-Sync.

Signing goes through joserfc, the format authority for everything FC-Sync produces. Verifying
reads the compact form strictly here (three canonical base64url parts, a header of exactly the
allowed string parameters) and checks the Ed25519 signature with `cryptography` directly over
the received bytes: joserfc's key import and registry checks cost several times the signature
check itself, and the gateway verifies three signatures per submission (bench/bench_gateway.py).
The rules are the same ones joserfc enforced (alg, typ, no crit/jwk/jku/x5c/…, strict base64url);
tests/unit/test_fcsync_jws.py compares both paths on the same bad inputs. One algorithm only: `Ed25519` (RFC 9864's fully specified name; the deprecated `EdDSA` is not
accepted). The verifier is handed the key by the caller (pinned or looked up by device id);
header-supplied keys (`jwk`, `jku`, `x5c`, …), `crit` and unknown header parameters are refused.
Private to `fcsync`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jws
from joserfc.jwk import OKPKey
from joserfc.registry import HeaderParameter, is_str

from fcsync._wire import b64url_decode, read_json_object
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
    """Compact JWS over `payload` with header {alg: Ed25519, typ, kid, **extra}."""
    header: dict[str, Any] = {"alg": ALGORITHM, "typ": typ, "kid": kid, **extra}
    return jws.serialize_compact(
        header, payload, OKPKey.import_key(key), algorithms=[ALGORITHM], registry=_REGISTRY
    )


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
