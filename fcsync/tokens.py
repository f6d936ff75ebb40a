"""Per-request device tokens: a short-lived compact JWT signed by the device key.

Sent as `Authorization: FC-Device <token>` on every device call. Claims: iss (device id),
aud (the request URL as the device used it: scheme://host[:port]/path, no query), htm (method),
bth (base64url SHA-256 of the body, empty body included), iat, exp (at most 300 s after iat),
jti (random). The gateway checks these here and the `jti` against its own store (replays);
this module keeps no state. Times are integer seconds since the epoch.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fcsync import _jws
from fcsync._wire import (
    b64url_decode,
    canonical_json,
    read_json_object,
    require_int,
    require_str,
    sha256_b64url,
)
from fcsync.problems import ProtocolError

AUTHORIZATION_SCHEME = "FC-Device"
TOKEN_TYP = "fc-req+jwt"  # noqa: S105 - a JOSE type name, not a secret
MAX_LIFETIME = 300
MAX_TOKEN_CHARS = 4096
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CLAIMS = frozenset({"iss", "aud", "htm", "bth", "iat", "exp", "jti"})


@dataclass(frozen=True)
class RequestClaims:
    """A verified request token. The gateway records `jti` until `expires_at` to stop replays."""

    device_id: str
    jti: str
    issued_at: int
    expires_at: int
    method: str
    audience: str


def request_audience(url: str) -> str:
    """Normalise a URL to the token audience: lower-case scheme and host, default port dropped,
    path kept exactly (empty → "/"), query and fragment dropped. ValueError if not http(s)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError("audience must be an absolute http(s) URL")
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port  # ValueError for a bad port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return f"{scheme}://{netloc}{parts.path or '/'}"


def make_request_token(
    device_key: Ed25519PrivateKey,
    device_id: str,
    *,
    method: str,
    url: str,
    body: bytes = b"",
    now: int | None = None,
    lifetime: int = 120,
) -> str:
    """A fresh token for one request; make a new one for every attempt (jti is single-use)."""
    if not 0 < lifetime <= MAX_LIFETIME:
        raise ValueError(f"lifetime must be 1–{MAX_LIFETIME} seconds")
    issued = int(time.time()) if now is None else now
    claims = {
        "iss": device_id,
        "aud": request_audience(url),
        "htm": method.upper(),
        "bth": sha256_b64url(body),
        "iat": issued,
        "exp": issued + lifetime,
        "jti": secrets.token_urlsafe(16),
    }
    return _jws.sign(canonical_json(claims), device_key, typ=TOKEN_TYP, kid=device_id)


def authorization_header(token: str) -> str:
    """The Authorization header value carrying a request token."""
    return f"{AUTHORIZATION_SCHEME} {token}"


def read_authorization(value: str | None) -> str:
    """The token from an Authorization header; ProtocolError("bad-request-token") otherwise."""
    if value is None:
        raise ProtocolError("bad-request-token", "the Authorization header is missing")
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != AUTHORIZATION_SCHEME.lower() or not token.strip():
        raise ProtocolError("bad-request-token", f"the Authorization scheme must be {AUTHORIZATION_SCHEME}")
    return token.strip()


def peek_token_device(token: str) -> str:
    """The unverified `iss` of a token, to look up the device key. Raises only ProtocolError."""
    return _peek(token)[1]


def _peek(token: str) -> tuple[_jws.Compact, str]:
    if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
        raise ProtocolError("bad-request-token", "request token is missing or too long")
    return _read(token)


# The gateway peeks at a token (which device?) and then verifies it: read it once. Only a
# successful read is remembered (exceptions are not cached), and a read depends on nothing
# but the token's text.
@lru_cache(maxsize=64)
def _read(token: str) -> tuple[_jws.Compact, str]:
    code = "bad-request-token"
    compact = _jws.parse(token, code, "request token")
    try:
        payload = b64url_decode(compact.payload_segment)
    except ValueError as exc:
        raise ProtocolError(code, "request token payload is not base64url") from exc
    claims = read_json_object(payload, code, "request token claims")
    issuer = require_str(claims, "iss", code, "request token", max_len=128)
    if compact.header.get("kid") != issuer:
        raise ProtocolError(code, "request token kid and iss differ")
    return compact, issuer


def verify_request_token(
    token: str,
    *,
    method: str,
    url: str,
    body: bytes,
    device_public_key: Ed25519PublicKey,
    now: int,
    max_age: int = MAX_LIFETIME,
    clock_skew: int = 60,
) -> RequestClaims:
    """Check a token against the request the gateway actually received.

    `url` is the URL the client used, as the gateway reconstructs it behind its reverse proxy
    (scheme and Host as the client saw them, path with any proxy prefix).
    Raises ProtocolError: bad-request-token (structure, signature, aud, htm, bth, lifetime
    longer than `max_age`) or expired-request-token (exp passed, or iat in the future, beyond
    `clock_skew`; carries `server_time`).
    """
    code = "bad-request-token"
    compact, issuer = _peek(token)  # read once; the signature is checked next
    _, payload = _jws.verify_parsed(compact, device_public_key, typ=TOKEN_TYP, code=code, what="request token")
    claims = read_json_object(payload, code, "request token claims")
    if set(claims) != _CLAIMS:
        raise ProtocolError(code, "request token claims are not those of fc-sync/1")
    audience = require_str(claims, "aud", code, "request token", max_len=2048)
    method_claim = require_str(claims, "htm", code, "request token", max_len=16)
    body_hash = require_str(claims, "bth", code, "request token", max_len=64)
    jti = require_str(claims, "jti", code, "request token", max_len=128)
    issued, expires = require_int(claims, "iat", code, "request token"), require_int(claims, "exp", code, "request token")
    try:
        expected_audience = request_audience(url)
    except ValueError as exc:
        raise ProtocolError(code, "the request URL cannot be an audience") from exc
    if audience != expected_audience:
        raise ProtocolError(code, "request token was made for another URL")
    if method_claim != method.upper():
        raise ProtocolError(code, "request token was made for another method")
    if not hmac.compare_digest(body_hash, sha256_b64url(body)):
        raise ProtocolError(code, "request token was made for another body")
    if not 0 < expires - issued <= max_age:
        raise ProtocolError(code, f"request token lifetime must be 1–{max_age} seconds")
    if now > expires + clock_skew:
        raise ProtocolError("expired-request-token", "request token has expired", server_time=now)
    if issued > now + clock_skew:
        raise ProtocolError("expired-request-token", "request token is not valid yet; check the clock", server_time=now)
    return RequestClaims(issuer, jti, issued, expires, method_claim, audience)
