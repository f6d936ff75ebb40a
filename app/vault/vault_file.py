"""The vault file `vault.json`: its versioned format, parsing, and the atomic write.

Owns the on-disk shape only: what a wrap looks like, how a damaged file is recognised, how a
new version replaces the old one without a moment where neither is complete. It holds no
personal data (the profile id is a random uuid) and never decrypts anything.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.errors import CannotUnlock, NoProfile
from app.vault.kdf import SALT_BYTES, KdfParams

FORMAT = "homevisit.vault"
VERSION = 1
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 32 + 16  # the DEK plus the AES-GCM tag
MAX_VAULT_BYTES = 64 * 1024
HPKE_SUITE = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM"

DAMAGED = (
    "the vault file is damaged or is not a HomeVisit vault; use the organisation recovery key "
    "or restore a backup"
)


@dataclass(frozen=True)
class PassphraseWrap:
    """The DEK under AES-256-GCM with a key from the passphrase (and device secret)."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class RecoveryWrap:
    """The DEK sealed with HPKE to the organisation's recovery public key."""

    public_key_sha256: str
    sealed: bytes


@dataclass(frozen=True)
class VaultDocument:
    version: int
    profile_id: str
    created_at: datetime
    passphrase_only: bool
    device_secret_check: bytes | None  # None exactly when passphrase_only
    passphrase_wrap: PassphraseWrap
    recovery_wrap: RecoveryWrap | None


@dataclass(frozen=True)
class VaultInfo:
    """What can be known about a vault without any secret."""

    version: int
    profile_id: str
    created_at: datetime
    passphrase_only: bool
    has_recovery: bool
    kdf: KdfParams


def info_of(doc: VaultDocument) -> VaultInfo:
    return VaultInfo(
        version=doc.version,
        profile_id=doc.profile_id,
        created_at=doc.created_at,
        passphrase_only=doc.passphrase_only,
        has_recovery=doc.recovery_wrap is not None,
        kdf=doc.passphrase_wrap.kdf,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def checksum_of(fields: dict[str, Any]) -> str:
    """SHA-256 hex of the canonical JSON (sorted keys, no spaces) of every field but itself."""
    body = {key: value for key, value in fields.items() if key != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def to_json(doc: VaultDocument) -> dict[str, Any]:
    wrap = doc.passphrase_wrap
    fields: dict[str, Any] = {
        "format": FORMAT,
        "version": doc.version,
        "profile_id": doc.profile_id,
        "created_at": doc.created_at.isoformat(),
        "passphrase_only": doc.passphrase_only,
        "device_secret_check": (
            None if doc.device_secret_check is None else _b64(doc.device_secret_check)
        ),
        "passphrase_wrap": {
            "kdf": {
                "algorithm": "argon2id",
                "memory_kib": wrap.kdf.memory_kib,
                "iterations": wrap.kdf.iterations,
                "lanes": wrap.kdf.lanes,
                "salt": _b64(wrap.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": _b64(wrap.nonce),
            "ciphertext": _b64(wrap.ciphertext),
        },
        "recovery_wrap": None
        if doc.recovery_wrap is None
        else {
            "hpke_suite": HPKE_SUITE,
            "public_key_sha256": doc.recovery_wrap.public_key_sha256,
            "sealed": _b64(doc.recovery_wrap.sealed),
        },
    }
    # The checksum tells accidental damage (a flipped byte) apart from a wrong passphrase; it
    # is not a security control — the AES-GCM tags and their AAD are.
    fields["checksum"] = checksum_of(fields)
    return fields


def dump(doc: VaultDocument) -> bytes:
    return (json.dumps(to_json(doc), indent=2, sort_keys=True) + "\n").encode("utf-8")


class _DamagedError(Exception):
    """Internal: any structural problem; surfaces as one `CannotUnlock` sentence."""


def _field(obj: Any, key: str, kind: type) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _DamagedError(key)
    value = obj[key]
    # bool is an int subclass; a flag must not pass as a number or the other way round
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _DamagedError(key)
    return value


def _bytes(obj: Any, key: str, length: int | None = None) -> bytes:
    try:
        value = base64.b64decode(_field(obj, key, str).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _DamagedError(key) from None
    if length is not None and len(value) != length:
        raise _DamagedError(key)
    return value


def _parse_fields(raw: Any) -> VaultDocument:
    wrap = _field(raw, "passphrase_wrap", dict)
    kdf_json = _field(wrap, "kdf", dict)
    if _field(kdf_json, "algorithm", str) != "argon2id" or _field(wrap, "cipher", str) != (
        "aes-256-gcm"
    ):
        raise _DamagedError("algorithm")
    kdf = KdfParams(
        memory_kib=_field(kdf_json, "memory_kib", int),
        iterations=_field(kdf_json, "iterations", int),
        lanes=_field(kdf_json, "lanes", int),
    )
    if not kdf.is_sane():
        raise _DamagedError("kdf")
    passphrase_only = _field(raw, "passphrase_only", bool)
    check = None if passphrase_only else _bytes(raw, "device_secret_check", 16)
    if passphrase_only and raw.get("device_secret_check") is not None:
        raise _DamagedError("device_secret_check")
    recovery_json = raw.get("recovery_wrap")
    recovery = None
    if recovery_json is not None:
        if _field(recovery_json, "hpke_suite", str) != HPKE_SUITE:
            raise _DamagedError("hpke_suite")
        recovery = RecoveryWrap(
            public_key_sha256=_field(recovery_json, "public_key_sha256", str),
            sealed=_bytes(recovery_json, "sealed", 32 + WRAPPED_KEY_BYTES),
        )
    try:
        created_at = datetime.fromisoformat(_field(raw, "created_at", str))
        profile_id = str(uuid.UUID(_field(raw, "profile_id", str)))
    except ValueError:
        raise _DamagedError("created_at or profile_id") from None
    return VaultDocument(
        version=VERSION,
        profile_id=profile_id,
        created_at=created_at,
        passphrase_only=passphrase_only,
        device_secret_check=check,
        passphrase_wrap=PassphraseWrap(
            kdf=kdf,
            salt=_bytes(kdf_json, "salt", SALT_BYTES),
            nonce=_bytes(wrap, "nonce", NONCE_BYTES),
            ciphertext=_bytes(wrap, "ciphertext", WRAPPED_KEY_BYTES),
        ),
        recovery_wrap=recovery,
    )


def parse(data: bytes) -> VaultDocument:
    """Parse vault bytes; anything but a complete, known-version vault is `CannotUnlock`."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise CannotUnlock(DAMAGED) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise CannotUnlock(DAMAGED)
    version = raw.get("version")
    if version != VERSION:
        raise CannotUnlock(
            f"the vault file has an unknown format version {version!r} (damaged, or written by "
            "a newer HomeVisit); update HomeVisit or restore a backup"
        )
    claimed = raw.get("checksum")
    if not isinstance(claimed, str) or claimed != checksum_of(raw):
        raise CannotUnlock(DAMAGED)
    try:
        return _parse_fields(raw)
    except _DamagedError:
        raise CannotUnlock(DAMAGED) from None


def read(path: Path) -> VaultDocument:
    """Read and parse the vault at `path`; a missing file means there is no profile."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_VAULT_BYTES + 1)
    except FileNotFoundError:
        raise NoProfile(f"no profile in {path.parent}; run 'homevisit init' first") from None
    except IsADirectoryError:
        raise CannotUnlock(DAMAGED) from None
    except PermissionError:
        raise CannotUnlock(f"the vault file {path} cannot be read (permission denied)") from None
    if len(data) > MAX_VAULT_BYTES:
        raise CannotUnlock(DAMAGED)
    return parse(data)


def read_vault_info(path: Path) -> VaultInfo:
    """Version, profile id, policy and KDF cost of the vault at `path`; needs no secret."""
    return info_of(read(path))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    The temp file is created 0600 in the same directory (so `os.replace` is a rename on one
    file system), flushed and fsynced before the rename, and the directory is fsynced after it
    so the rename itself survives a power cut.
    """
    directory = path.parent
    temp = directory / f".{path.name}.{secrets.token_hex(8)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: directories cannot be opened for fsync
        return
    dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write(path: Path, doc: VaultDocument) -> None:
    write_atomically(path, dump(doc))
