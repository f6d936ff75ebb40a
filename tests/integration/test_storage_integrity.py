"""What the database itself refuses, and how damage to the file is reported."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from app.casefile.records import CarerRecord, CaseFile, ChildRecord, FamilyRecord, VisitRecord
from app.errors import CannotUnlock
from app.services.case_files import import_case_file
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database

KEY = secrets.token_bytes(32)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", KEY)
    with UnitOfWork(database) as uow:
        import_case_file(uow, _two_families(), actor="Priya Shah")
        uow.commit()
    yield database
    database.close()


def _two_families(visits: int = 1) -> CaseFile:
    at = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)
    return CaseFile(tuple(
        FamilyRecord(
            f"F{n}", "name", "address",
            (CarerRecord(f"C{n}", "carer", "mother", True),),
            (ChildRecord(f"K{n}", "child", date(2024, 1, 1), None),),
            tuple(VisitRecord(f"V{n}-{v}", at + timedelta(hours=v), at + timedelta(hours=v),
                              "announced", (f"C{n}",), "notes " * 40) for v in range(visits)),
        )
        for n in (1, 2)
    ))


def _execute(db: Database, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql)


REFUSED = [
    ("a carer id reused by a family",
     "INSERT INTO record_ids (id, kind) VALUES ('C1', 'family')"),
    ("a family row with an unregistered id",
     "INSERT INTO families (id, seq, name, address) VALUES ('F9', 99, 'n', 'a')"),
    ("a child row under an id registered to a carer",
     "INSERT INTO children (id, family_id, seq, name, date_of_birth) "
     "VALUES ('C1', 'F1', 99, 'n', '2024-01-01')"),
    ("another family's child present at a visit",
     "INSERT INTO visit_presence (visit_id, position, family_id, child_id) "
     "VALUES ('V1-0', 5, 'F1', 'K2')"),
    ("presence claiming the other family",
     "INSERT INTO visit_presence (visit_id, position, family_id, child_id) "
     "VALUES ('V1-0', 5, 'F2', 'K2')"),
    ("a presence naming nobody",
     "INSERT INTO visit_presence (visit_id, position, family_id) VALUES ('V1-0', 5, 'F1')"),
    ("an unknown visit kind", "UPDATE visits SET kind = 'drop-in'"),
    ("an id longer than 64 characters",
     f"INSERT INTO record_ids (id, kind) VALUES ('{'x' * 65}', 'visit')"),
    ("an unknown record kind", "INSERT INTO record_ids (id, kind) VALUES ('Z1', 'pet')"),
]


@pytest.mark.parametrize(("label", "sql"), REFUSED, ids=[r[0] for r in REFUSED])
def test_the_database_refuses(db: Database, label: str, sql: str) -> None:
    with pytest.raises(IntegrityError):
        _execute(db, sql)


def test_a_sound_database_has_no_integrity_problems(db: Database) -> None:
    assert db.integrity_problems() == []


def test_flipped_bytes_in_the_middle_are_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    db = open_database(path, KEY)
    with UnitOfWork(db) as uow:
        import_case_file(uow, _two_families(visits=400), actor="Priya Shah")
        uow.commit()
    db.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 40 * 4096  # enough pages that the middle holds visit rows, not the schema
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))

    try:
        damaged = open_database(path, KEY)
    except CannotUnlock:  # pragma: no cover - only if the flip hit a page read on open
        pytest.fail("the damage was in a data page; opening should still work")
    try:
        problems = damaged.integrity_problems()
    finally:
        damaged.close()
    assert problems, "damage went unnoticed"
    assert all(isinstance(p, str) and p for p in problems)
