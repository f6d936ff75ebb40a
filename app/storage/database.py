"""The encrypted database of one profile: opening it with the raw data key, schema upgrades, closing.

Owns the SQLAlchemy engine (built here, by `open_database`, only once the key is known — never at
import), the SQLCipher pragmas, the Alembic upgrade-if-behind run on open, the WAL checkpoint on
close and the integrity checks behind `homevisit verify`. It knows nothing about records; those
live in `models.py` and the services.

To add a schema revision: add `migrations/versions/<yyyy>_<mm>_<dd>_<nnnn>_<slug>.py` whose
`down_revision` is the current head (for a draft: `alembic.command.revision(config, "slug",
rev_id="0002", autogenerate=True)` with `config = alembic_config()` and
`config.attributes["connection"]` set to a connection of a database opened at head), then add
its representative rows to `tests/integration/test_migrations.py`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import CannotUnlock, HomeVisitError

KEY_BYTES = 32
MIGRATIONS = Path(__file__).with_name("migrations")
CANNOT_OPEN = "the database cannot be opened with this key or is damaged"


class NewerSchemaError(HomeVisitError):
    """The database was written by a newer HomeVisit; upgrading is possible, downgrading is not."""


def alembic_config() -> Config:
    """Alembic configuration built in code: there is no alembic.ini to ship or to lose."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Date-prefixed revision files keep `ls versions/` in the order the schema grew.
    config.set_main_option(
        "file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"
    )
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the foundation revision always exists
    return head


class _KeyPragma:
    """The `PRAGMA key` statement, held in one place so that closing the database forgets it."""

    def __init__(self, data_key: bytes) -> None:
        self.statement: str | None = f"PRAGMA key = \"x'{data_key.hex()}'\""

    def forget(self) -> None:
        self.statement = None


def _install_pragmas(engine: Engine, key: _KeyPragma) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if key.statement is None:
            raise CannotUnlock("the database is locked; unlock the profile again")
        # Autocommit at the driver level, BEGIN emitted by us below: the pysqlite default would
        # defer BEGIN to the first write (reads before it see no snapshot, SAVEPOINT misbehaves),
        # and these pragmas must run outside any transaction to take effect.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # The raw key skips SQLCipher's own passphrase KDF (77 ms per connection); the key
            # was already derived with Argon2id by the vault.
            cursor.execute(key.statement)
            cursor.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode never corrupts; a power cut may lose only the last commit(s),
            # which the practitioner saw saved moments before. FULL would fsync every autosave.
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


class Database:
    """An open, unlocked profile database. Close it to checkpoint the WAL and forget the key."""

    def __init__(self, path: Path, engine: Engine, key: _KeyPragma) -> None:
        self.path = path
        self.engine = engine
        self._key = key
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    def schema_revision(self) -> str:
        with self.engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
        return revision or ""

    def integrity_problems(self) -> list[str]:
        """What SQLCipher (page HMACs) and SQLite (b-tree structure) find wrong; [] when sound."""
        problems: list[str] = []
        checks = (("PRAGMA cipher_integrity_check", None), ("PRAGMA integrity_check", "ok"))
        for pragma, fine in checks:
            try:
                raw = self.engine.raw_connection()
            except DatabaseError as error:
                return [f"cannot read the database: {error.orig}"]
            try:
                rows = raw.cursor().execute(pragma).fetchall()
            except sqlcipher.Error as error:
                problems.append(f"{pragma.split()[1]}: {error}")
                continue
            finally:
                raw.close()
            problems.extend(str(row[0]) for row in rows if row[0] != fine)
        return problems

    def close(self) -> None:
        """Fold the WAL back into the encrypted file (leaving no `-wal` content) and drop the engine."""
        if self._key.statement is None:
            return  # already closed
        with contextlib.suppress(sqlcipher.Error, DatabaseError):
            raw = self.engine.raw_connection()
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
        self.engine.dispose()
        self._key.forget()  # a later connection attempt fails instead of silently reopening

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _build_engine(path: Path, data_key: bytes) -> tuple[Engine, _KeyPragma]:
    """The engine for one encrypted file; no connection is made until first use."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    key = _KeyPragma(data_key)
    engine = create_engine(
        "sqlite:///" + str(path),
        module=sqlcipher,
        # The GUI runs all database work on one worker thread, the CLI on the main one; the pool
        # hands a connection to whichever thread asks, so SQLite's thread check must be off.
        connect_args={"check_same_thread": False},
        pool_size=2,
        max_overflow=2,
        # Error messages and logs never show bound values: they are case notes and names.
        hide_parameters=True,
    )
    _install_pragmas(engine, key)
    return engine, key


def upgrade_if_behind(engine: Engine, target: str = "head") -> None:
    """Run Alembic migrations when the file is older than this app; refuse one from a newer app."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        wanted = script.get_current_head() if target == "head" else target
        if current == wanted:
            return
        if current is not None and not _known(script, current):
            raise NewerSchemaError(
                f"this profile was saved by a newer version of HomeVisit (schema {current}); "
                "install that version or later to open it"
            )
        driver = conn.connection.driver_connection
        assert driver is not None
        # Batch migrations rebuild tables; with foreign keys on, dropping the old copy would
        # cascade or fail. Off for the migration, then checked before anything is committed.
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise HomeVisitError(
                        f"the schema upgrade left {len(broken)} broken reference(s); "
                        "nothing was changed"
                    )
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def open_database(path: Path, data_key: bytes, *, upgrade_to: str = "head") -> Database:
    """Open (creating if missing) the profile database with the raw 32-byte data key.

    `upgrade_to` exists for the migration tests, which stop at an older revision.
    """
    engine, key = _build_engine(path, data_key)
    if not path.exists():
        # Encrypted, but still nobody else's business. Made empty before SQLite opens it, since
        # SQLite gives the -wal and -shm files it creates the database file's mode.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with engine.connect() as conn:
            # The first read is where a wrong key or a damaged first page shows itself.
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
        upgrade_if_behind(engine, upgrade_to)
    except DatabaseError as error:
        engine.dispose()
        key.forget()
        # Exactly sqlite's DatabaseError ("file is not a database", "disk image is malformed"):
        # a wrong key or damage. Its subclasses (locked, constraint…) are other problems.
        if type(error.orig) is sqlcipher.DatabaseError:
            raise CannotUnlock(CANNOT_OPEN) from None
        raise
    except BaseException:
        engine.dispose()
        key.forget()
        raise
    return Database(path, engine, key)
