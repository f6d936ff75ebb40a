"""The gateway's configuration document, `<base>/.well-known/fc-sync-configuration`.

{version, organisation, organisation_name, endpoints: {enrolments, submissions, outcomes,
health}, sealing_keys: [X25519 JWK…], receipt_keys: [Ed25519 JWK…], max_body_bytes}.
Endpoints are RELATIVE paths resolved against the base URL the device enrolled with, so a
gateway behind a reverse proxy under a path prefix works, and a configuration can never send
a device to another host. The first sealing key is the one to seal new envelopes to; more than
one key is published only during rotation. Receipt keys are still pinned at enrolment: the
device trusts a new receipt key only through its own update path, never just because it appears here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from fcsync._wire import (
    PROTOCOL_VERSION,
    canonical_json,
    read_json_object,
    require_int,
    require_str,
)
from fcsync.keys import ed25519_public_key_from_jwk, key_id, public_jwk, x25519_public_key_from_jwk
from fcsync.problems import ProtocolError

WELL_KNOWN_PATH = ".well-known/fc-sync-configuration"
DEFAULT_ENDPOINTS: Mapping[str, str] = {
    "enrolments": "v1/enrolments",
    "submissions": "v1/submissions",
    "outcomes": "v1/outcomes",
    "health": "v1/health",
}
# Segments of unreserved characters only: no scheme, no leading "/", no query, no "%".
_RELATIVE_PATH = re.compile(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")


def _is_relative_path(path: object) -> bool:
    return (
        isinstance(path, str)
        and len(path) <= 200
        and _RELATIVE_PATH.fullmatch(path) is not None
        and not any(segment in (".", "..") for segment in path.split("/"))
    )


@dataclass(frozen=True)
class Configuration:
    organisation: str
    organisation_name: str
    endpoints: Mapping[str, str]
    sealing_keys: tuple[tuple[str, X25519PublicKey], ...]  # (kid, key); first is current
    receipt_keys: tuple[tuple[str, Ed25519PublicKey], ...]
    max_body_bytes: int

    @property
    def current_sealing_key(self) -> tuple[str, X25519PublicKey]:
        return self.sealing_keys[0]


def build_configuration(
    *,
    organisation: str,
    organisation_name: str,
    sealing_keys: Sequence[X25519PublicKey],
    receipt_keys: Sequence[Ed25519PublicKey],
    max_body_bytes: int,
    endpoints: Mapping[str, str] = DEFAULT_ENDPOINTS,
) -> bytes:
    """The JSON body the gateway serves at WELL_KNOWN_PATH."""
    if not sealing_keys or not receipt_keys:
        raise ValueError("publish at least one sealing key and one receipt key")
    return canonical_json({
        "version": PROTOCOL_VERSION,
        "organisation": organisation,
        "organisation_name": organisation_name,
        "endpoints": dict(endpoints),
        "sealing_keys": [public_jwk(key) for key in sealing_keys],
        "receipt_keys": [public_jwk(key) for key in receipt_keys],
        "max_body_bytes": max_body_bytes,
    })


def parse_configuration(body: bytes) -> Configuration:
    """Read a configuration document; raises only ProtocolError("bad-configuration")."""
    code = "bad-configuration"
    if not isinstance(body, bytes):
        raise ProtocolError(code, "configuration is not bytes")
    data = read_json_object(body, code, "configuration")
    if data.get("version") != PROTOCOL_VERSION:
        raise ProtocolError(code, "configuration is not fc-sync/1")
    endpoints = data.get("endpoints")
    if not isinstance(endpoints, dict) or set(DEFAULT_ENDPOINTS) - set(endpoints):
        raise ProtocolError(code, "configuration lacks endpoints")
    for path in endpoints.values():
        if not _is_relative_path(path):
            raise ProtocolError(code, "configuration endpoints must be relative paths")
    max_body = require_int(data, "max_body_bytes", code, "configuration")
    if max_body < 1024:
        raise ProtocolError(code, "configuration max_body_bytes is implausibly small")
    try:
        sealing = tuple(_sealing_keys(data.get("sealing_keys")))
        receipt = tuple(_receipt_keys(data.get("receipt_keys")))
    except ValueError as exc:
        raise ProtocolError(code, "configuration keys are not usable JWKs") from exc
    return Configuration(
        organisation=require_str(data, "organisation", code, "configuration", max_len=128),
        organisation_name=require_str(data, "organisation_name", code, "configuration"),
        endpoints=dict(endpoints),
        sealing_keys=sealing,
        receipt_keys=receipt,
        max_body_bytes=max_body,
    )


def _sealing_keys(jwks: object) -> list[tuple[str, X25519PublicKey]]:
    keys = [x25519_public_key_from_jwk(jwk) for jwk in _jwk_list(jwks)]
    return [(key_id(key), key) for key in keys]


def _receipt_keys(jwks: object) -> list[tuple[str, Ed25519PublicKey]]:
    keys = [ed25519_public_key_from_jwk(jwk) for jwk in _jwk_list(jwks)]
    return [(key_id(key), key) for key in keys]


def _jwk_list(jwks: object) -> list[dict[str, object]]:
    """A non-empty list of JWK objects, each naming its kid (checked against the thumbprint)."""
    if not isinstance(jwks, list) or not jwks or len(jwks) > 8:
        raise ValueError("expected a list of 1–8 JWKs")
    if not all(isinstance(jwk, dict) and "kid" in jwk for jwk in jwks):
        raise ValueError("every JWK needs a kid")
    return jwks


def resolve_endpoint(enrolled_base_url: str, relative: str) -> str:
    """Join a relative endpoint path to the base URL the device enrolled with.

    `https://fc.council.example/gw` + `v1/submissions` → `https://fc.council.example/gw/v1/submissions`.
    Raises ProtocolError("bad-configuration") for a path that could leave the base (absolute,
    `..`, a scheme or query) and ValueError for a base URL that is not http(s) without query.
    """
    parts = urlsplit(enrolled_base_url)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError("the enrolled base URL must be an http(s) URL without query")
    if not _is_relative_path(relative):
        raise ProtocolError("bad-configuration", "endpoint is not a relative path under the base URL")
    base = enrolled_base_url if enrolled_base_url.endswith("/") else enrolled_base_url + "/"
    return base + relative


def configuration_url(enrolled_base_url: str) -> str:
    """Where the configuration document of a gateway lives."""
    return resolve_endpoint(enrolled_base_url, WELL_KNOWN_PATH)

