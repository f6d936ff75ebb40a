"""The gateway's own keys, kept as files in `<home>/keys/` (each 0600, written atomically):

- `sealing.pem`  X25519, devices seal summaries to it (HPKE);
- `receipt.pem`  Ed25519, signs receipts and outcomes; devices pin it at enrolment;
- `at-rest.key`  32 random bytes, AES-256-GCM key for summaries and outcomes in the database;
- `session.key`  32 random bytes, HMAC key for staff session cookies and CSRF tokens.

A database copied away from its home is unreadable without `at-rest.key`. Loading refuses key
files that others can read, so a careless `chmod` is noticed rather than silently tolerated.
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fcsync.keys import (
    generate_sealing_key,
    generate_signing_key,
    key_id,
    private_key_from_pem,
    private_key_to_pem,
)
from gateway.errors import GatewayError, IntegrityFailure

KEYS_DIR = "keys"
SEALING_FILE = "sealing.pem"
RECEIPT_FILE = "receipt.pem"
AT_REST_FILE = "at-rest.key"
SESSION_FILE = "session.key"
_AT_REST_VERSION = b"\x01"
_NONCE_BYTES = 12


class KeyFileProblem(GatewayError):
    """A key file is missing, unreadable or readable by others (exit 1)."""


def write_secret_file(path: Path, data: bytes) -> None:
    """Write `data` so that it is complete or absent, and only ever readable by its owner."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # umask cannot widen it, an older temp file cannot keep its mode
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def read_secret_file(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise KeyFileProblem(f"the key file {path} is missing") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileProblem(f"the key file {path} is readable by others; run chmod 600 on it")
    return path.read_bytes()


class AtRestCipher:
    """AES-256-GCM for stored personal data. `context` (e.g. the row's device and submission
    ids) is the associated data, so a ciphertext moved to another row no longer opens."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise KeyFileProblem("the at-rest key must be 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, context: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return _AT_REST_VERSION + nonce + self._aead.encrypt(nonce, plaintext, context.encode("utf-8"))

    def open(self, sealed: bytes, context: str) -> bytes:
        if sealed[:1] != _AT_REST_VERSION or len(sealed) < 1 + _NONCE_BYTES + 16:
            raise IntegrityFailure("a stored record is not in the at-rest format")
        nonce, body = sealed[1 : 1 + _NONCE_BYTES], sealed[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, context.encode("utf-8"))
        except InvalidTag as exc:
            raise IntegrityFailure("a stored record does not open with this gateway's at-rest key") from exc


@dataclass(frozen=True)
class GatewayKeys:
    sealing_key: X25519PrivateKey
    sealing_key_id: str
    receipt_key: Ed25519PrivateKey
    receipt_key_id: str
    at_rest: AtRestCipher
    session_secret: bytes


def create_keys(home: Path) -> GatewayKeys:
    """Generate every key for a new gateway home (refuses to overwrite existing ones)."""
    folder = home / KEYS_DIR
    for name in (SEALING_FILE, RECEIPT_FILE, AT_REST_FILE, SESSION_FILE):
        if (folder / name).exists():
            raise KeyFileProblem(f"{folder / name} already exists; keys are never overwritten")
    write_secret_file(folder / SEALING_FILE, private_key_to_pem(generate_sealing_key()))
    write_secret_file(folder / RECEIPT_FILE, private_key_to_pem(generate_signing_key()))
    write_secret_file(folder / AT_REST_FILE, secrets.token_bytes(32))
    write_secret_file(folder / SESSION_FILE, secrets.token_bytes(32))
    return load_keys(home)


def load_keys(home: Path) -> GatewayKeys:
    folder = home / KEYS_DIR
    try:
        sealing = private_key_from_pem(read_secret_file(folder / SEALING_FILE))
        receipt = private_key_from_pem(read_secret_file(folder / RECEIPT_FILE))
    except ValueError as exc:
        raise KeyFileProblem(f"a key file in {folder} is not a readable private key") from exc
    if not isinstance(sealing, X25519PrivateKey) or not isinstance(receipt, Ed25519PrivateKey):
        raise KeyFileProblem(f"the key files in {folder} are of the wrong kind")
    session_secret = read_secret_file(folder / SESSION_FILE)
    if len(session_secret) < 32:
        raise KeyFileProblem("the session key must be at least 32 bytes")
    return GatewayKeys(
        sealing_key=sealing,
        sealing_key_id=key_id(sealing.public_key()),
        receipt_key=receipt,
        receipt_key_id=key_id(receipt.public_key()),
        at_rest=AtRestCipher(read_secret_file(folder / AT_REST_FILE)),
        session_secret=session_secret,
    )
