"""A practitioner's profile: creating it, unlocking it (vault first, then database), closing it.

This is the one place that joins the vault (keys) to the storage (records). The CLI and the GUI
both go through it, so the order of checks — profile present, key store usable, passphrase right,
database readable — is the same everywhere. Nothing here writes to the profile on a failed unlock.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.errors import CannotUnlock, DatabaseDamaged, NoProfile, ProfileExists
from app.paths import ProfilePaths
from app.services.practitioners import create_practitioner, current_practitioner
from app.services.unit_of_work import UnitOfWork
from app.services.views import PractitionerView
from app.storage.database import Database, open_database
from app.vault import (
    KdfParams,
    KeyStore,
    OsKeyStore,
    UnlockedVault,
    create_vault,
    read_vault_info,
    unlock_vault,
)


@dataclass(frozen=True)
class NewProfile:
    """What a practitioner gives on first run (or `homevisit init`)."""

    practitioner_name: str
    organisation: str | None = None
    role: str | None = None
    agency: str | None = None
    gcp2_trained_on: date | None = None
    passphrase_only: bool = False
    recovery_public_key_pem: bytes | None = None


class OpenProfile:
    """An unlocked profile: the data key is in memory and the database engine is open."""

    def __init__(self, paths: ProfilePaths, vault: UnlockedVault, db: Database) -> None:
        self.paths = paths
        self.vault = vault
        self.db = db

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.db)

    @property
    def practitioner(self) -> PractitionerView:
        with self.unit_of_work() as uow:
            found = current_practitioner(uow)
        if found is None:  # a profile is never created without one
            raise NoProfile("the profile has no practitioner; it was not created completely")
        return found

    @property
    def actor(self) -> str:
        return self.practitioner.name

    def close(self) -> None:
        """Checkpoint the WAL into the database and drop the engine (and with it the key)."""
        self.db.close()

    def __enter__(self) -> OpenProfile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def keystore_for(paths: ProfilePaths, keystore: KeyStore | None) -> KeyStore | None:
    """The key store a profile needs: none under the passphrase-only policy, else the OS one."""
    info = read_vault_info(paths.vault)
    if info.passphrase_only:
        return None
    return keystore if keystore is not None else OsKeyStore()


def create_profile(
    data_dir: Path,
    passphrase: str,
    new: NewProfile,
    *,
    keystore: KeyStore | None = None,
    kdf: KdfParams | None = None,
) -> OpenProfile:
    """Create the vault and the encrypted database; refuse if anything of a profile is there."""
    paths = ProfilePaths(data_dir)
    if paths.vault.exists() or paths.database.exists():
        raise ProfileExists(f"a profile already exists in {data_dir}; nothing was changed")
    store: KeyStore | None = None
    if not new.passphrase_only:
        # Ask for the key store before writing anything, so a missing one changes nothing.
        store = keystore if keystore is not None else OsKeyStore()
        store.check_available()
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(data_dir, 0o700)
    vault = create_vault(
        paths.vault,
        passphrase,
        keystore=store,
        passphrase_only=new.passphrase_only,
        recovery_public_key=new.recovery_public_key_pem,
        kdf=kdf,
    )
    try:
        db = open_database(paths.database, vault.data_key)
        with UnitOfWork(db) as uow:
            create_practitioner(
                uow,
                name=new.practitioner_name,
                organisation=new.organisation,
                role=new.role,
                agency=new.agency,
                gcp2_trained_on=new.gcp2_trained_on,
            )
            uow.commit()
    except BaseException:
        # A half-made profile would be refused by the next init and unusable by unlock.
        for leftover in (paths.database, paths.wal, paths.shm, paths.vault):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return OpenProfile(paths, vault, db)


def unlock_profile(
    data_dir: Path, passphrase: str, *, keystore: KeyStore | None = None
) -> OpenProfile:
    """Unwrap the data key (a wrong passphrase fails here, writing nothing), then open the DB."""
    paths = ProfilePaths(data_dir)
    if not paths.vault.exists():
        raise NoProfile(f"no profile in {data_dir}; run 'homevisit init' first")
    store = keystore_for(paths, keystore)
    vault = unlock_vault(paths.vault, passphrase, keystore=store)
    try:
        db = open_database(paths.database, vault.data_key)
    except CannotUnlock:
        # The vault has just proved the key right, so an unreadable database is damage.
        raise DatabaseDamaged(
            "the database is damaged and cannot be read; restore a backup or run 'homevisit verify'"
        ) from None
    return OpenProfile(paths, vault, db)
