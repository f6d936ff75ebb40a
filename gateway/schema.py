"""The gateway database's schema: Alembic revisions in `gateway/migrations`, applied on start.

Every `fc-gateway` command and every `serve` worker opens the database through
`storage.open_engine`, which calls `upgrade_schema`; `fc-gateway migrate` does the same on its
own and says what it did. This tree is the gateway's alone (its own version table), separate
from the desktop's `app/storage/migrations`.

- A new, empty database gets every revision.
- A database made before migrations existed (by `create_all`, the first gateway builds) holds the
  tables of revision 0001 and no version table. It is adopted: checked against
  `PRE_MIGRATION_TABLES` and the unique key that makes resends idempotent, stamped 0001, then
  upgraded. Anything else (some gateway tables missing, other columns, no unique key) is refused
  with nothing changed: such a database was not made by this gateway, or not completely.
- A database at a revision this gateway does not know (a newer gateway wrote it) is refused.

Several processes may start at once (`serve --workers N`, instances sharing one PostgreSQL).
The check and the upgrade run in one transaction under a lock: BEGIN IMMEDIATE on SQLite, a
transaction-level advisory lock on PostgreSQL. The others wait, then find the schema at head.
Within one process a thread lock serialises upgrades too: Alembic keeps its running migration
context in module globals, so two threads must never run it at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from gateway.errors import GatewayError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "gateway_alembic_version"
BASELINE = "0001"
_POSTGRES_LOCK = 0x46435F4757  # pg_advisory_xact_lock key: "FC_GW"
_ALEMBIC_LOCK = threading.Lock()

# What `Base.metadata.create_all` made before revision 0001 existed (the same tables as 0001).
# Frozen: a database is only adopted if it has exactly these tables and columns.
PRE_MIGRATION_TABLES: dict[str, frozenset[str]] = {
    "devices": frozenset({"device_id", "key_id", "public_jwk", "label", "practitioner", "status",
                          "enrolled_at", "revoked_at"}),
    "enrolment_codes": frozenset({"code_hash", "practitioner", "created_at", "expires_at", "used_at",
                                  "device_id", "device_key_id"}),
    "used_request_tokens": frozenset({"device_id", "jti", "expires_at"}),
    "submissions": frozenset({"pk", "device_id", "submission_id", "reference", "envelope", "envelope_digest",
                              "inner_digest", "inner_sealed", "status", "issues", "sealed_at", "received_at",
                              "receipt", "triage"}),
    "outcomes": frozenset({"pk", "outcome_id", "submission_pk", "device_id", "decision", "decided_by",
                           "decided_at", "token_sealed"}),
    "staff_users": frozenset({"username", "password_hash", "created_at"}),
    "audit_events": frozenset({"pk", "at", "actor", "action", "subject"}),
}


class SchemaProblem(GatewayError):
    """The database cannot be brought to this gateway's schema; nothing was changed (exit 1)."""


@dataclass(frozen=True)
class SchemaChange:
    before: str | None  # the revision found (None: new database, or one made before migrations)
    after: str
    adopted: bool  # a database made before migrations was stamped with the baseline revision


def alembic_config() -> Config:
    """Alembic configuration built in code: there is no alembic.ini to ship or to lose."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the baseline revision always exists
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade_schema(engine: Engine) -> SchemaChange:
    """Bring the database to the head revision (see the module docstring); SchemaProblem if it cannot be."""
    head = head_revision()
    with engine.connect() as connection:
        found = current_revision(connection)
        connection.rollback()
    if found == head:  # the usual start: one small read, no lock
        return SchemaChange(found, head, adopted=False)
    with _ALEMBIC_LOCK:
        return _upgrade_under_lock(engine)


def _upgrade_under_lock(engine: Engine) -> SchemaChange:
    config = alembic_config()
    is_sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        if is_sqlite:
            # Batch migrations rebuild tables; with foreign keys on, dropping the old copy would
            # cascade or fail. Off for the upgrade (it cannot change inside a transaction), then
            # checked before anything is committed.
            driver.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.execution_options(fc_immediate=True).begin():
                if not is_sqlite:
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK})
                before = current_revision(connection)  # again: another process may have just upgraded
                config.attributes["connection"] = connection
                adopted = before is None and _adopt_pre_migration_database(connection, config)
                if before is not None and not _known(config, before):
                    raise SchemaProblem(
                        f"the database is at schema revision {before}, which this gateway does not know "
                        "(a newer gateway wrote it); run that version or later")
                command.upgrade(config, "head")
                if is_sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                    raise SchemaProblem("the schema upgrade would break references between rows; nothing was changed")
                after = current_revision(connection)
        finally:
            if is_sqlite:
                driver.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    assert after is not None
    return SchemaChange(before, after, adopted)


def _adopt_pre_migration_database(connection: Connection, config: Config) -> bool:
    """Stamp a database made by `create_all` before migrations existed; False if it is empty."""
    inspector = inspect(connection)
    found = set(inspector.get_table_names()) & set(PRE_MIGRATION_TABLES)
    if not found:
        return False
    missing = sorted(set(PRE_MIGRATION_TABLES) - found)
    if missing:
        raise SchemaProblem(f"the database has some gateway tables but not {', '.join(missing)}; nothing was changed")
    for table, columns in PRE_MIGRATION_TABLES.items():
        if {column["name"] for column in inspector.get_columns(table)} != columns:
            raise SchemaProblem(f"the table {table} does not have the columns a gateway made; nothing was changed")
    uniques = inspector.get_unique_constraints("submissions")
    if not any(sorted(unique["column_names"]) == ["device_id", "submission_id"] for unique in uniques):
        raise SchemaProblem("the submissions table lacks its unique key on (device_id, submission_id); "
                            "nothing was changed")
    command.stamp(config, BASELINE)
    return True


def _known(config: Config, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False
