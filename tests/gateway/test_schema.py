"""The gateway's schema migrations (gateway/schema.py, gateway/migrations) on SQLite and on a real
PostgreSQL server: the migrated schema is the models' schema, a database made by `create_all`
before migrations existed is adopted with its rows, and anything else is refused untouched."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from gateway.cli import main as gateway_cli
from gateway.models import Base
from gateway.schema import (
    BASELINE,
    PRE_MIGRATION_TABLES,
    VERSION_TABLE,
    SchemaProblem,
    current_revision,
    head_revision,
)
from gateway.storage import database_url, open_engine
from tests.gateway import pre_migration_schema
from tests.gateway.conftest import ROOT_DIR

DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database of the dialect the test is parametrised with."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'gateway.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def engines() -> Iterator[Callable[[str], Engine]]:
    """Plain engines (no upgrade), disposed after the test."""
    made: list[Engine] = []

    def make(url: str) -> Engine:
        made.append(create_engine(database_url(url)))
        return made[-1]

    yield make
    for engine in made:
        engine.dispose()


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "version_table": VERSION_TABLE})
        return list(compare_metadata(context, Base.metadata))


def _tables(engine: Engine) -> dict[str, set[str]]:
    inspector = inspect(engine)
    return {table: {column["name"] for column in inspector.get_columns(table)} for table in inspector.get_table_names()}


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
def test_the_models_match_the_migrated_schema(empty_url: str) -> None:
    engine = open_engine(empty_url)
    try:
        assert _revision(engine) == head_revision()
        assert _differences(engine) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
def test_the_baseline_revision_is_the_schema_made_before_migrations(
    empty_url: str, engines: Callable[[str], Engine]
) -> None:
    """What adoption checks for is exactly what revision 0001 creates."""
    from alembic import command

    from gateway.schema import alembic_config

    engine = engines(empty_url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, BASELINE)
    tables = _tables(engine)
    assert tables.pop(VERSION_TABLE) == {"version_num"}
    assert tables == {name: set(columns) for name, columns in PRE_MIGRATION_TABLES.items()}


def _make_pre_migration_database(engine: Engine) -> None:
    """The schema as `create_all` made it before migrations, with a row in every table."""
    ddl = pre_migration_schema.SQLITE if engine.dialect.name == "sqlite" else pre_migration_schema.POSTGRESQL
    at = "2026-11-28 09:00:00.000000" if engine.dialect.name == "sqlite" else "2026-11-28 09:00:00"
    with engine.begin() as connection:
        for statement in ddl:
            connection.exec_driver_sql(statement)
        rows: dict[str, dict[str, Any]] = {
            "devices": {"device_id": "dev-1", "key_id": "k1", "public_jwk": "{}", "label": "laptop",
                        "practitioner": "Pat Visitor", "status": "active", "enrolled_at": at, "revoked_at": None},
            "enrolment_codes": {"code_hash": "c" * 64, "practitioner": "Pat Visitor", "created_at": at,
                                "expires_at": at, "used_at": at, "device_id": "dev-1", "device_key_id": "k1"},
            "used_request_tokens": {"device_id": "dev-1", "jti": "j1", "expires_at": at},
            "submissions": {"pk": 7, "device_id": "dev-1", "submission_id": "sub-1", "reference": "FC-2026-000007",
                            "envelope": b"envelope", "envelope_digest": "e" * 64, "inner_digest": "i" * 64,
                            "inner_sealed": b"sealed", "status": "accepted", "issues": "[]", "sealed_at": at,
                            "received_at": at, "receipt": "receipt.jws.sig", "triage": "decided"},
            "outcomes": {"pk": 3, "outcome_id": "out-1", "submission_pk": 7, "device_id": "dev-1",
                         "decision": "early-help", "decided_by": "sam", "decided_at": at, "token_sealed": b"t"},
            "staff_users": {"username": "sam", "password_hash": "scrypt$...", "created_at": at},
            "audit_events": {"pk": 1, "at": at, "actor": "admin", "action": "revoke", "subject": "dev-0"},
        }
        for table, row in rows.items():
            names = ", ".join(row)
            connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
def test_a_database_made_before_migrations_is_adopted_with_its_rows(
    empty_url: str, engines: Callable[[str], Engine]
) -> None:
    _make_pre_migration_database(engines(empty_url))
    engine = open_engine(empty_url)
    try:
        assert _revision(engine) == head_revision()
        assert _differences(engine) == []  # after adoption it is exactly the models' schema
        with engine.connect() as connection:
            kept = connection.execute(text(
                "SELECT s.submission_id, s.reference, s.receipt, o.decision FROM submissions s "
                "JOIN outcomes o ON o.submission_pk = s.pk")).all()
            counts = [connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in sorted(PRE_MIGRATION_TABLES)]
        assert [tuple(row) for row in kept] == [("sub-1", "FC-2026-000007", "receipt.jws.sig", "early-help")]
        assert counts == [1] * len(PRE_MIGRATION_TABLES)
    finally:
        engine.dispose()


def test_migrate_reports_the_adoption_and_the_gateway_then_reads_the_old_rows(
    gateway_home: Path, engines: Callable[[str], Engine], capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the admin command, on a home whose SQLite database predates migrations."""
    db = gateway_home / "gateway.db"
    db.unlink()
    _make_pre_migration_database(engines(f"sqlite:///{db}"))
    capsys.readouterr()
    assert gateway_cli(["--home", str(gateway_home), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"adopted a database made before migrations: stamped {BASELINE}, now at {head_revision()}"
    assert gateway_cli(["--home", str(gateway_home), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"database schema already at {head_revision()}"
    assert gateway_cli(["--home", str(gateway_home), "submissions", "--json"]) == 0
    assert '"submission_id": "sub-1"' in capsys.readouterr().out


def _drop_outcomes(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE outcomes")


def _extra_column(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE devices ADD COLUMN colour VARCHAR(10)")


def _no_unique_key(engine: Engine) -> None:
    """The submissions table rebuilt without UNIQUE(device_id, submission_id)."""
    statement = next(s for s in (pre_migration_schema.SQLITE if engine.dialect.name == "sqlite"
                                 else pre_migration_schema.POSTGRESQL) if s.startswith("CREATE TABLE submissions"))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE outcomes")
        connection.exec_driver_sql("DROP TABLE submissions")
        connection.exec_driver_sql(statement.replace(
            "CONSTRAINT uq_submission_per_device UNIQUE (device_id, submission_id), ", ""))
        connection.exec_driver_sql(next(s for s in (pre_migration_schema.SQLITE if engine.dialect.name == "sqlite"
                                                    else pre_migration_schema.POSTGRESQL)
                                        if s.startswith("CREATE TABLE outcomes")))


REFUSED = [
    ("a gateway table missing", _drop_outcomes, "not outcomes"),
    ("a column that no gateway made", _extra_column, "devices does not have the columns"),
    ("no unique key on submissions", _no_unique_key, "unique key"),
]


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
@pytest.mark.parametrize(("name", "damage", "message"), REFUSED, ids=[row[0] for row in REFUSED])
def test_a_database_that_is_not_a_pre_migration_gateway_is_refused_untouched(
    empty_url: str, engines: Callable[[str], Engine], name: str, damage: Callable[[Engine], None], message: str
) -> None:
    engine = engines(empty_url)
    _make_pre_migration_database(engine)
    damage(engine)
    before = _tables(engine)
    with pytest.raises(SchemaProblem, match=message):
        open_engine(empty_url)
    assert _tables(engine) == before  # no version table, nothing created or altered


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
def test_a_database_from_a_newer_gateway_is_refused(empty_url: str, engines: Callable[[str], Engine]) -> None:
    open_engine(empty_url).dispose()
    with engines(empty_url).begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    with pytest.raises(SchemaProblem, match="revision 9999, which this gateway does not know"):
        open_engine(empty_url)


_START = """
import sys
from gateway.storage import open_engine
from gateway.schema import upgrade_schema
engine = open_engine(sys.argv[1], upgrade=False)
change = upgrade_schema(engine)
print(change.before, change.after)
"""


@pytest.mark.parametrize("empty_url", DIALECTS, indirect=True)
def test_processes_starting_together_upgrade_once(empty_url: str, engines: Callable[[str], Engine]) -> None:
    """`serve --workers N`, or several instances on one database, start at the same moment: each
    upgrades under the database's lock, so exactly one finds it empty and the others at head."""
    processes = [subprocess.Popen([sys.executable, "-c", _START, empty_url], cwd=ROOT_DIR, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, outputs
    head = head_revision()
    assert sorted(out.strip() for out, _ in outputs) == sorted([f"None {head}"] + [f"{head} {head}"] * 3)
    assert _revision(engines(empty_url)) == head
    assert _differences(engines(empty_url)) == []


def test_a_started_gateway_works_on_an_adopted_database(
    gateway_home: Path, engines: Callable[[str], Engine], serve: Callable[..., object]
) -> None:
    """The adopted rows are the gateway's: the device can still be revoked by the admin command."""
    db = gateway_home / "gateway.db"
    db.unlink()
    _make_pre_migration_database(engines(f"sqlite:///{db}"))
    serve(gateway_home)  # starts (and so adopts) like `fc-gateway serve`
    assert gateway_cli(["--home", str(gateway_home), "revoke", "dev-1"]) == 0
    with engines(f"sqlite:///{db}").connect() as connection:
        status = connection.execute(text("SELECT status FROM devices WHERE device_id = 'dev-1'")).scalar_one()
        revoked = connection.execute(text("SELECT revoked_at FROM devices")).scalar_one()
    assert status == "revoked"
    assert datetime.fromisoformat(str(revoked)).replace(tzinfo=UTC) <= datetime.now(UTC)
