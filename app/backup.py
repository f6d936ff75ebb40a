"""Encrypted backups: one file that restores a profile on another machine with the passphrase.

A backup is the database re-encrypted under a fresh random key (so an old backup and an old
passphrase never open the live database), that key wrapped by the passphrase alone (Argon2id;
the device secret stays on the laptop it belongs to), and a header with no personal data:

    HOMEVISIT-BACKUP/1\\n  <header JSON>\\n  <SQLCipher database bytes>
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import CannotUnlock, InvalidInput, ProfileExists, UsageError
from app.paths import ProfilePaths
from app.profile import OpenProfile
from app.storage.database import open_database
from app.vault import (
    OsKeyStore,
    create_vault,
    unwrap_backup_key,
    wrap_key_for_backup,
)

MAGIC = b"HOMEVISIT-BACKUP/1\n"
FORMAT = "homevisit.backup/1"


@dataclass(frozen=True)
class Backup:
    header: dict[str, Any]
    database: bytes


def write_backup(profile: OpenProfile, passphrase: str) -> bytes:
    """Export the open database under a fresh key and wrap that key with the passphrase."""
    backup_key = secrets.token_bytes(32)
    scratch = profile.paths.data_dir / f".backup-{secrets.token_hex(8)}.db"
    try:
        raw = profile.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            # sqlcipher_export copies schema and rows into the attached database, encrypting
            # with the attached key; the plaintext never exists outside SQLCipher's pages.
            cursor.execute(
                f"ATTACH DATABASE ? AS backup KEY \"x'{backup_key.hex()}'\"", (str(scratch),)
            )
            cursor.execute("SELECT sqlcipher_export('backup')")
            cursor.execute("DETACH DATABASE backup")
            cursor.close()
        finally:
            raw.close()
        database = scratch.read_bytes()
    finally:
        for leftover in (scratch, Path(str(scratch) + "-journal"), Path(str(scratch) + "-wal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    header = {
        "format": FORMAT,
        "created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "app_version": __version__,
        "schema_revision": profile.db.schema_revision(),
        "database_sha256": hashlib.sha256(database).hexdigest(),
        "database_bytes": len(database),
        "key": wrap_key_for_backup(backup_key, passphrase),
    }
    return MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + database


def read_backup(data: bytes) -> Backup:
    """Parse a backup file; a damaged or foreign file is a usage error (exit 2)."""
    if not data.startswith(MAGIC):
        raise InvalidInput("$", "not a HomeVisit backup file")
    rest = data[len(MAGIC):]
    line, sep, database = rest.partition(b"\n")
    try:
        header = json.loads(line) if sep else None
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InvalidInput("$", "the backup header is damaged or of an unknown format")
    if hashlib.sha256(database).hexdigest() != header.get("database_sha256"):
        raise InvalidInput("$", "the backup is damaged or truncated (checksum mismatch)")
    return Backup(header, database)


def restore_backup(
    backup: Backup, data_dir: Path, passphrase: str, *, passphrase_only: bool = False
) -> OpenProfile:
    """Make a new profile in an empty folder from a backup, protected by this machine's keys."""
    paths = ProfilePaths(data_dir)
    if paths.vault.exists() or paths.database.exists():
        raise ProfileExists(f"a profile already exists in {data_dir}; restore into an empty folder")
    key = unwrap_backup_key(backup.header["key"], passphrase)
    store = None
    if not passphrase_only:
        store = OsKeyStore()
        store.check_available()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(paths.database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(backup.database)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            db = open_database(paths.database, key)
        except CannotUnlock:
            raise UsageError("the backup's database cannot be read; the file is damaged") from None
        vault = create_vault(
            paths.vault, passphrase, keystore=store, passphrase_only=passphrase_only, data_key=key
        )
    except BaseException:
        for leftover in (paths.database, paths.wal, paths.shm, paths.vault):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return OpenProfile(paths, vault, db)
