"""The key vault: the data key (DEK) of a profile, stored only wrapped, in `vault.json`.

Owns everything about keys and nothing about records: the DEK is made here, wrapped by the
practitioner's passphrase joined with a device secret from the OS key store (or by the
passphrase alone under the organisation's passphrase-only policy), optionally sealed to an
organisation recovery key, and handed to storage only as bytes in an `UnlockedVault`.
Format and threat model: docs/keys-and-vault.md.
"""

from __future__ import annotations

from app.vault.backup_key import unwrap_backup_key, wrap_key_for_backup
from app.vault.data_key import (
    UnlockedVault,
    change_passphrase,
    create_vault,
    recover_vault,
    unlock_vault,
)
from app.vault.kdf import KdfParams
from app.vault.keystore import KeyStore, MemoryKeyStore, OsKeyStore
from app.vault.recovery import generate_recovery_keypair
from app.vault.throttle import UnlockThrottle
from app.vault.vault_file import VaultInfo, read_vault_info

__all__ = [
    "KdfParams",
    "KeyStore",
    "MemoryKeyStore",
    "OsKeyStore",
    "UnlockThrottle",
    "UnlockedVault",
    "VaultInfo",
    "change_passphrase",
    "create_vault",
    "generate_recovery_keypair",
    "read_vault_info",
    "recover_vault",
    "unlock_vault",
    "unwrap_backup_key",
    "wrap_key_for_backup",
]
