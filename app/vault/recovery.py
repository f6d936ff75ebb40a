"""The organisation recovery key: an X25519 key pair; the DEK is sealed to its public half.

Owns key generation, PEM loading and the HPKE seal/open (RFC 9180, base mode,
DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM). HPKE's single-shot API in
`cryptography` has no AAD parameter, so the vault version, profile id and wrap kind go
through `info`, which HPKE binds into the key schedule.
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from app.errors import UsageError

_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)


def generate_recovery_keypair() -> tuple[bytes, bytes]:
    """(private_pem, public_pem): PKCS8 and SubjectPublicKeyInfo PEM of a new X25519 key.

    The private PEM is unencrypted: the organisation keeps it offline (or encrypts it with its
    own tooling); see docs/keys-and-vault.md.
    """
    private = x25519.X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_public_key(pem: bytes) -> x25519.X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, x25519.X25519PublicKey):
        raise UsageError("the recovery public key is not an X25519 public key in PEM form")
    return key


def load_private_key(pem: bytes) -> x25519.X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, x25519.X25519PrivateKey):
        raise UsageError(
            "the recovery key is not an unencrypted X25519 private key in PEM (PKCS8) form"
        )
    return key


def fingerprint(public_key: x25519.X25519PublicKey) -> str:
    """SHA-256 of the raw public key, hex: lets `recover` say 'wrong recovery key' plainly."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def seal_to(public_key: x25519.X25519PublicKey, data_key: bytes, info: bytes) -> bytes:
    return _SUITE.encrypt(data_key, public_key, info=info)


def open_with(private_key: x25519.X25519PrivateKey, sealed: bytes, info: bytes) -> bytes | None:
    """The sealed key, or None when this private key or context does not open it."""
    try:
        return _SUITE.decrypt(sealed, private_key, info=info)
    except InvalidTag:
        return None
