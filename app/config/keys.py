"""The public keys an organisation configuration carries, checked for what they must be.

The recovery key must be an X25519 public key (the vault seals the data key to it); a content
pack signing key an Ed25519 public key (packs are verified with it). A key of the wrong kind
would only fail much later, on a practitioner's laptop, so `config check` refuses it now.
`cryptography` is imported here only, when a configuration holds keys.
"""

from __future__ import annotations

from typing import Any

from app.errors import InvalidInput


def _load(pem: str, path: str) -> Any:
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        return load_pem_public_key(pem.strip().encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError):
        raise InvalidInput(path, "is not a readable public key in PEM form") from None


def check_recovery_key(pem: str, path: str) -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    if not isinstance(_load(pem, path), X25519PublicKey):
        raise InvalidInput(path, "must be an X25519 public key (the organisation's recovery key)")


def check_content_pack_key(pem: str, path: str) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(_load(pem, path), Ed25519PublicKey):
        raise InvalidInput(path, "must be an Ed25519 public key (a content pack signing key)")
