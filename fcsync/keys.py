"""FC-Sync keys: generation, PEM and JWK forms, key ids and human-comparable fingerprints.

Three kinds of key take part (docs/protocol/fc-sync-v1.md §Keys):
- the device signing key (Ed25519), held by the desktop app;
- the gateway sealing key (X25519), whose public half devices seal summaries to;
- the gateway receipt key (Ed25519), which signs receipts and outcomes.
Key ids are RFC 7638 JWK thumbprints (SHA-256, base64url). This module does not store keys;
the desktop vault and the gateway's key files do that with the PEM forms below.
Functions that read keys raise ValueError for bad input; wire parsers turn that into their own
ProtocolError code.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from joserfc.jwk import OKPKey

from fcsync._wire import b64url_decode, b64url_encode

PublicKey = Ed25519PublicKey | X25519PublicKey
PrivateKey = Ed25519PrivateKey | X25519PrivateKey

_CURVES: Mapping[str, tuple[type[Ed25519PublicKey] | type[X25519PublicKey], str]] = {
    "Ed25519": (Ed25519PublicKey, "sig"),
    "X25519": (X25519PublicKey, "enc"),
}


def generate_signing_key() -> Ed25519PrivateKey:
    """A new Ed25519 key: a device key, or the gateway's receipt key."""
    return Ed25519PrivateKey.generate()


def generate_sealing_key() -> X25519PrivateKey:
    """A new X25519 key for the gateway to receive sealed summaries."""
    return X25519PrivateKey.generate()


def raw_public_bytes(public_key: PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _crv(public_key: PublicKey) -> str:
    if isinstance(public_key, Ed25519PublicKey):
        return "Ed25519"
    if isinstance(public_key, X25519PublicKey):
        return "X25519"
    raise TypeError("FC-Sync keys are Ed25519 or X25519")


def key_id(public_key: PublicKey) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key."""
    return OKPKey.import_key(public_key).thumbprint()


def fingerprint(public_key: PublicKey) -> str:
    """A fingerprint people can read aloud and compare: the first 20 bytes of SHA-256 over the
    raw public key in base32, 8 groups of 4 (e.g. `K7QX 2MNA …`)."""
    digest = hashlib.sha256(raw_public_bytes(public_key)).digest()[:20]
    text = base64.b32encode(digest).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def public_jwk(public_key: PublicKey) -> dict[str, str]:
    """The public JWK {kty: OKP, crv, x, use, kid} with kid = key_id(public_key)."""
    crv = _crv(public_key)
    return {
        "kty": "OKP",
        "crv": crv,
        "x": b64url_encode(raw_public_bytes(public_key)),
        "use": _CURVES[crv][1],
        "kid": key_id(public_key),
    }


def private_jwk(private_key: PrivateKey) -> dict[str, str]:
    """The private JWK (public members plus `d`). Secret: store it like the PEM form."""
    jwk = public_jwk(private_key.public_key())
    raw = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    jwk["d"] = b64url_encode(raw)
    return jwk


def public_key_from_jwk(jwk: Mapping[str, Any]) -> PublicKey:
    """Read a public OKP JWK (Ed25519 or X25519). If `kid` is present it must equal the
    thumbprint, so a configuration cannot pair a key with another key's id. ValueError otherwise."""
    if not isinstance(jwk, Mapping) or jwk.get("kty") != "OKP":
        raise ValueError("not an OKP JWK")
    crv = jwk.get("crv")
    x = jwk.get("x")
    if not isinstance(crv, str) or crv not in _CURVES or not isinstance(x, str):
        raise ValueError("JWK must be Ed25519 or X25519 with an 'x' member")
    raw = b64url_decode(x)
    if len(raw) != 32:
        raise ValueError("JWK 'x' must be 32 bytes")
    key: PublicKey = _CURVES[crv][0].from_public_bytes(raw)
    if "kid" in jwk and jwk["kid"] != key_id(key):
        raise ValueError("JWK 'kid' is not the key's RFC 7638 thumbprint")
    return key


def ed25519_public_key_from_jwk(jwk: Mapping[str, Any]) -> Ed25519PublicKey:
    key = public_key_from_jwk(jwk)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("expected an Ed25519 signing key")
    return key


def x25519_public_key_from_jwk(jwk: Mapping[str, Any]) -> X25519PublicKey:
    key = public_key_from_jwk(jwk)
    if not isinstance(key, X25519PublicKey):
        raise ValueError("expected an X25519 sealing key")
    return key


def private_key_from_jwk(jwk: Mapping[str, Any]) -> PrivateKey:
    """Read a private OKP JWK written by `private_jwk`; checks `d` matches `x`."""
    public = public_key_from_jwk(jwk)
    d = jwk.get("d")
    if not isinstance(d, str):
        raise ValueError("private JWK needs a 'd' member")
    raw = b64url_decode(d)
    if len(raw) != 32:
        raise ValueError("JWK 'd' must be 32 bytes")
    private: PrivateKey
    if isinstance(public, Ed25519PublicKey):
        private = Ed25519PrivateKey.from_private_bytes(raw)
    else:
        private = X25519PrivateKey.from_private_bytes(raw)
    if raw_public_bytes(private.public_key()) != raw_public_bytes(public):
        raise ValueError("JWK 'd' does not match 'x'")
    return private


def private_key_to_pem(private_key: PrivateKey, password: bytes | None = None) -> bytes:
    """PKCS#8 PEM, encrypted with `password` when given (best available encryption)."""
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def private_key_from_pem(data: bytes, password: bytes | None = None) -> PrivateKey:
    """Read a PKCS#8 PEM Ed25519 or X25519 private key; ValueError for anything else."""
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a readable PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        raise ValueError("FC-Sync private keys are Ed25519 or X25519")
    return key


def public_key_to_pem(public_key: PublicKey) -> bytes:
    """SubjectPublicKeyInfo PEM."""
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_key_from_pem(data: bytes) -> PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a readable PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey | X25519PublicKey):
        raise ValueError("FC-Sync public keys are Ed25519 or X25519")
    return key
