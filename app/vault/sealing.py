"""AES-256-GCM wrapping of a 32-byte key, with the context bound as associated data.

Owns the nonce rule (a fresh random 96-bit nonce for every wrap, never reused, never derived)
and the AAD layout, so a wrap copied into another vault, another profile or another slot fails
its tag check instead of opening.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.vault.vault_file import NONCE_BYTES

# Wrap kinds and the message are labels, not credentials (ruff S105 reads "passphrase" as one).
KIND_PASSPHRASE = "passphrase+device-secret"  # noqa: S105
KIND_PASSPHRASE_ONLY = "passphrase-only"  # noqa: S105
KIND_RECOVERY = "recovery"
WRONG_PASSPHRASE = "the passphrase is not correct"  # noqa: S105


def context(version: int, profile_id: str, kind: str) -> bytes:
    """The associated data (and HPKE info) naming what a wrap belongs to."""
    return f"homevisit/vault/v{version}|profile={profile_id}|wrap={kind}".encode("ascii")


def seal(wrapping_key: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """(nonce, ciphertext) of `data_key` under `wrapping_key`."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad)


def open_sealed(wrapping_key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes | None:
    """The wrapped key, or None when the tag does not verify (wrong key or altered wrap)."""
    try:
        return AESGCM(wrapping_key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        return None
