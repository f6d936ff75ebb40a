"""The key of an encrypted backup, wrapped by the passphrase alone.

A backup must restore on another machine, where this laptop's device secret does not exist,
so its wrap uses Argon2id(passphrase) only. The wrapped form is a small JSON object that the
backup writer embeds in its header; it holds no personal data.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import Any

from app.errors import InvalidInput, WrongPassphrase
from app.vault.kdf import BACKUP_WRAP_INFO, KEY_BYTES, SALT_BYTES, KdfParams, wrapping_key
from app.vault.sealing import WRONG_PASSPHRASE, open_sealed, seal
from app.vault.vault_file import NONCE_BYTES, WRAPPED_KEY_BYTES

FORMAT = "homevisit.backup-key/1"
_AAD = b"homevisit/backup-key/v1|wrap=backup"


def wrap_key_for_backup(
    data_key: bytes, passphrase: str, kdf: KdfParams | None = None
) -> dict[str, Any]:
    """Wrap `data_key` (32 bytes) with the passphrase alone; JSON-ready."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    params = kdf or KdfParams.default()
    salt = os.urandom(SALT_BYTES)
    key = wrapping_key(passphrase, salt, params, device_secret=None, info=BACKUP_WRAP_INFO)
    nonce, ciphertext = seal(key, data_key, _AAD)
    return {
        "format": FORMAT,
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": base64.b64encode(salt).decode("ascii"),
        },
        "cipher": "aes-256-gcm",
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
    }


def _damaged() -> InvalidInput:
    return InvalidInput("$.key", "the backup's key block is damaged or of an unknown format")


def _b64(obj: dict[str, Any], key: str, length: int) -> bytes:
    value = obj.get(key)
    if not isinstance(value, str):
        raise _damaged()
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _damaged() from None
    if len(raw) != length:
        raise _damaged()
    return raw


def _int(obj: dict[str, Any], key: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _damaged()
    return value


def unwrap_backup_key(wrapped: dict[str, Any], passphrase: str) -> bytes:
    """The backup's key; `WrongPassphrase` when the passphrase does not open it."""
    if not isinstance(wrapped, dict) or wrapped.get("format") != FORMAT:
        raise _damaged()
    kdf_json = wrapped.get("kdf")
    if not isinstance(kdf_json, dict) or kdf_json.get("algorithm") != "argon2id":
        raise _damaged()
    if wrapped.get("cipher") != "aes-256-gcm":
        raise _damaged()
    params = KdfParams(_int(kdf_json, "memory_kib"), _int(kdf_json, "iterations"),
                       _int(kdf_json, "lanes"))
    if not params.is_sane():
        raise _damaged()
    salt = _b64(kdf_json, "salt", SALT_BYTES)
    nonce = _b64(wrapped, "nonce", NONCE_BYTES)
    ciphertext = _b64(wrapped, "ciphertext", WRAPPED_KEY_BYTES)
    key = wrapping_key(passphrase, salt, params, device_secret=None, info=BACKUP_WRAP_INFO)
    data_key = open_sealed(key, nonce, ciphertext, _AAD)
    if data_key is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    return data_key
