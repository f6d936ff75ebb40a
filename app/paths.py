"""Where a profile lives on disk. One profile per data directory.

The data directory holds only encrypted or non-personal files: the vault (wrapped keys,
no personal data), the SQLCipher database and its WAL/SHM, and encrypted backups.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

VAULT_FILE = "vault.json"
DATABASE_FILE = "homevisit.db"


def default_data_dir() -> Path:
    """`HOMEVISIT_DATA_DIR` if set, else the platform's per-user data directory."""
    env = os.environ.get("HOMEVISIT_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("HomeVisit", appauthor=False))


@dataclass(frozen=True)
class ProfilePaths:
    data_dir: Path

    @property
    def vault(self) -> Path:
        return self.data_dir / VAULT_FILE

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def wal(self) -> Path:
        return self.data_dir / (DATABASE_FILE + "-wal")

    @property
    def shm(self) -> Path:
        return self.data_dir / (DATABASE_FILE + "-shm")

    def exists(self) -> bool:
        return self.vault.exists()
