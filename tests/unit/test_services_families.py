"""Families, carers and children through the services; the family view; the caseload list."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.casefile.records import CarerRecord, CaseFile, ChildRecord, FamilyRecord, VisitRecord
from app.errors import UnknownRecord, UsageError
from app.services.case_files import import_case_file
from app.services.families import add_carer, add_child, caseload, create_family, get_family
from app.services.unit_of_work import UnitOfWork
from app.services.visits import record_visit
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent

ACTOR = "Priya Shah"
BST = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


def test_family_with_carers_and_children_reads_back_in_entry_order(db: Database) -> None:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        dad = add_carer(uow, ACTOR, family.id, name="Sam Okafor", relationship="father",
                        parental_responsibility=True)
        nan = add_carer(uow, ACTOR, family.id, name="Grace Okafor", relationship="grandmother",
                        parental_responsibility=False)
        baby = add_child(uow, ACTOR, family.id, name="Ada", date_of_birth=date(2025, 2, 1),
                         nhs_number="943 476 5919")
        uow.commit()
    assert family.id.startswith("F-") and dad.id.startswith("C-") and baby.id.startswith("K-")
    with UnitOfWork(db) as uow:
        detail = get_family(uow, family.id, actor=ACTOR)
    assert (detail.id, detail.name, detail.address) == (family.id, "Okafor", "14 Mill Lane")
    assert detail.carers == (dad, nan)
    assert detail.children == (baby,)
    assert baby.nhs_number == "9434765919"
    assert detail.visits == ()


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda uow: add_carer(uow, ACTOR, "F-nope", name="A", relationship="aunt",
                               parental_responsibility=False), UnknownRecord),
        (lambda uow: add_child(uow, ACTOR, "F-nope", name="B", date_of_birth=date(2024, 1, 1)),
         UnknownRecord),
        (lambda uow: get_family(uow, "F-nope", actor=ACTOR), UnknownRecord),
        (lambda uow: create_family(uow, ACTOR, name="  ", address="x"), UsageError),
    ],
    ids=["carer", "child", "view", "blank name"],
)
def test_unknown_family_and_blank_names_are_refused(
    db: Database, call: Any, expected: type[Exception]
) -> None:
    with UnitOfWork(db) as uow, pytest.raises(expected) as raised:
        call(uow)
    if expected is UnknownRecord:
        assert str(raised.value) == "no family with id 'F-nope'"


def test_viewing_a_family_is_audited_once_committed(db: Database) -> None:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        uow.commit()
    with UnitOfWork(db) as uow:
        get_family(uow, family.id, actor=ACTOR)
        uow.commit()
    with UnitOfWork(db) as uow:
        views = uow.session.scalar(
            select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "view", AuditEvent.record_id == family.id
            )
        )
    assert views == 1


def test_caseload_aggregates_children_and_visits(db: Database) -> None:
    with UnitOfWork(db) as uow:
        busy = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        quiet = create_family(uow, ACTOR, name="Nowak", address="3 Quay Street")
        mum = add_carer(uow, ACTOR, busy.id, name="Ife Okafor", relationship="mother",
                        parental_responsibility=True)
        add_child(uow, ACTOR, busy.id, name="Ada", date_of_birth=date(2025, 2, 1))
        add_child(uow, ACTOR, busy.id, name="Tobi", date_of_birth=date(2022, 6, 9))
        for day, hour in ((3, 10), (20, 9), (11, 15)):
            record_visit(uow, ACTOR, busy.id, occurred_at=datetime(2026, 10, day, hour, tzinfo=BST),
                         kind="announced", present=[mum.id], notes="")
        uow.commit()
    with UnitOfWork(db) as uow:
        rows = caseload(uow)
    assert [r.family_name for r in rows] == ["Okafor", "Nowak"]
    assert rows[0].child_names == ("Ada", "Tobi")
    assert rows[0].visit_count == 3
    assert rows[0].last_visit_at == datetime(2026, 10, 20, 8, tzinfo=timezone.utc)
    assert (rows[1].family_id, rows[1].child_names, rows[1].visit_count) == (quiet.id, (), 0)
    assert rows[1].last_visit_at is None


def _large_caseload(families: int, visits: int) -> CaseFile:
    start = datetime(2026, 1, 5, 9, tzinfo=BST)
    return CaseFile(tuple(
        FamilyRecord(
            f"F{f}", f"Family {f}", "address",
            (CarerRecord(f"C{f}", "carer", "mother", True),),
            (ChildRecord(f"K{f}a", "first", date(2024, 1, 1), None),
             ChildRecord(f"K{f}b", "second", date(2025, 1, 1), None)),
            tuple(
                VisitRecord(f"V{f}-{v}", start + timedelta(days=v, minutes=f),
                            start + timedelta(days=v, minutes=f, hours=1), "announced",
                            (f"C{f}",), "n")
                for v in range(visits)
            ),
        )
        for f in range(families)
    ))


def test_caseload_of_500_families_is_two_queries(db: Database) -> None:
    with UnitOfWork(db) as uow:
        import_case_file(uow, _large_caseload(500, 20), actor=ACTOR)
        uow.commit()
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with UnitOfWork(db) as uow:
            rows = caseload(uow)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(queries) == 2  # no query per family, however long the caseload
    assert len(rows) == 500
    assert rows[499].family_id == "F499"
    assert rows[499].child_names == ("first", "second")
    assert rows[499].visit_count == 20
    assert rows[499].last_visit_at == datetime(2026, 1, 24, 16, 19, tzinfo=timezone.utc)
