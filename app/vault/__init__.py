"""The key vault: the data key (DEK) of a profile, stored only wrapped, in `vault.json`.

Owns everything about keys and nothing about records: the DEK is made here, wrapped by the
practitioner's passphrase joined with a device secret from the OS key store (or by the
passphrase alone under the organisation's passphrase-only policy), optionally sealed to an
organisation recovery key, and handed to storage only as bytes in an `UnlockedVault`.
Format and threat model: docs/keys-and-vault.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Loaded on first use (PEP 562): the GUI's unlock window needs only UnlockThrottle, and
# importing keyring and the crypto modules costs ~100 ms before the first window can show.
_HOME = {
    "unwrap_backup_key": "backup_key", "wrap_key_for_backup": "backup_key",
    "UnlockedVault": "data_key", "change_passphrase": "data_key", "create_vault": "data_key",
    "recover_vault": "data_key", "unlock_vault": "data_key",
    "KdfParams": "kdf",
    "KeyStore": "keystore", "MemoryKeyStore": "keystore", "OsKeyStore": "keystore",
    "generate_recovery_keypair": "recovery",
    "UnlockThrottle": "throttle",
    "VaultInfo": "vault_file", "read_vault_info": "vault_file",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'app.vault' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"app.vault.{module}"), name)
    globals()[name] = value
    return value


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
