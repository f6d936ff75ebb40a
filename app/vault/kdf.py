"""Turning a passphrase (and, usually, the device secret) into a key-wrapping key.

Owns the Argon2id cost parameters and the HKDF step that joins the Argon2id output with the
random device secret from the OS key store. It never sees the data key and never touches disk.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SALT_BYTES = 16
KEY_BYTES = 32
PASSPHRASE_WRAP_INFO = b"homevisit/vault/v1/passphrase-wrap"
BACKUP_WRAP_INFO = b"homevisit/backup/v1/passphrase-wrap"

# Bounds for parameters read back from a file: a damaged or hostile vault must not be able to
# make unlock allocate gigabytes or spin for minutes before the tag check fails.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 64


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored beside every passphrase wrap so old vaults keep opening when the
    defaults grow."""

    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def default(cls) -> KdfParams:
        # 128 MiB, 3 passes, 4 lanes: measured 0.34-0.37 s on the 2-core reference machine
        # (docs/keys-and-vault.md), inside the 0.3-0.5 s the brief asks for.
        return cls(memory_kib=128 * 1024, iterations=3, lanes=4)

    @classmethod
    def for_tests(cls) -> KdfParams:
        """Cheap parameters for unit tests only (well under a millisecond)."""
        return cls(memory_kib=64, iterations=1, lanes=1)

    def is_sane(self) -> bool:
        """True when the values are ones Argon2id accepts and unlock can afford."""
        return (
            1 <= self.lanes <= MAX_LANES
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
        )


def passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that the same passphrase typed on another keyboard or OS (composed vs decomposed
    # accents) gives the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def stretch_passphrase(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id(passphrase, salt) with the given cost; 32 bytes."""
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase_bytes(passphrase))


def wrapping_key(
    passphrase: str,
    salt: bytes,
    params: KdfParams,
    *,
    device_secret: bytes | None,
    info: bytes = PASSPHRASE_WRAP_INFO,
) -> bytes:
    """HKDF-SHA256(Argon2id(passphrase, salt) || device_secret, info): the key that wraps the DEK.

    `device_secret=None` is the passphrase-only policy (and backups): the passphrase alone.
    """
    ikm = stretch_passphrase(passphrase, salt, params)
    if device_secret is not None:
        ikm += device_secret
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(ikm)


def measure_seconds(params: KdfParams) -> float:
    """Wall time of one Argon2id run with these parameters (for docs and tuning, not tests)."""
    start = time.perf_counter()
    stretch_passphrase("measure", b"\0" * SALT_BYTES, params)
    return time.perf_counter() - start
