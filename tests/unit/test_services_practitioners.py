"""The profile's practitioner: created at first run, read back, updated with an audit trail."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UsageError
from app.services.practitioners import (
    create_practitioner,
    current_practitioner,
    update_practitioner,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


def test_no_practitioner_before_first_run(db: Database) -> None:
    with UnitOfWork(db) as uow:
        assert current_practitioner(uow) is None


def test_created_practitioner_is_the_current_one(db: Database) -> None:
    with UnitOfWork(db) as uow:
        made = create_practitioner(
            uow, name="  Priya Shah ", organisation="Northshire NHS", role="Health visitor",
            agency="Health", gcp2_trained_on=date(2026, 3, 4),
        )
        uow.commit()
    assert made.id.startswith("P-")
    with UnitOfWork(db) as uow:
        found = current_practitioner(uow)
    assert found == made
    assert found.name == "Priya Shah"
    assert found.gcp2_trained_on == date(2026, 3, 4)


def test_update_changes_fields_and_audits_field_names_only(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_practitioner(uow, name="Priya Shah")
        updated = update_practitioner(
            uow, "Priya Shah", role="Specialist health visitor", agency="Health", name="Priya Shah"
        )
        uow.commit()
    assert (updated.role, updated.agency) == ("Specialist health visitor", "Health")
    with UnitOfWork(db) as uow:
        last = uow.session.execute(
            select(AuditEvent.action, AuditEvent.record_kind, AuditEvent.detail)
            .order_by(AuditEvent.seq.desc())
        ).first()
    assert last is not None
    assert (last.action, last.record_kind) == ("update", "practitioner")
    # The unchanged name is not listed; the new values themselves are never in the log.
    assert json.loads(last.detail) == {"fields": ["role", "agency"]}
    assert "Specialist" not in last.detail


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"favourite_colour": "blue"}, "no field"),
        ({"name": "   "}, "needs a name"),
        ({"gcp2_trained_on": "2026-03-04"}, "must be a date"),
    ],
)
def test_bad_updates_are_refused(db: Database, fields: dict[str, object], message: str) -> None:
    with UnitOfWork(db) as uow:
        create_practitioner(uow, name="Priya Shah")
        with pytest.raises(UsageError, match=message):
            update_practitioner(uow, "Priya Shah", **fields)
