"""The hash-chained audit log: written with every action, and any tampering is detected."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from app.audit import record_event, verify_audit_chain
from app.services.families import add_carer, add_child, create_family, get_family
from app.services.practitioners import create_practitioner
from app.services.unit_of_work import UnitOfWork
from app.services.visits import record_visit, update_visit_notes
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent

ACTOR = "Priya Shah"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    with UnitOfWork(database) as uow:
        create_practitioner(uow, name=ACTOR)
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        carer = add_carer(uow, ACTOR, family.id, name="Ife Okafor", relationship="mother",
                          parental_responsibility=True)
        add_child(uow, ACTOR, family.id, name="Ada Okafor", date_of_birth=date(2025, 2, 1))
        visit = record_visit(uow, ACTOR, family.id, occurred_at=datetime(2026, 11, 2, tzinfo=timezone.utc),
                             kind="announced", present=[carer.id], notes="Ada asleep upstairs")
        update_visit_notes(uow, ACTOR, visit.id, "Ada asleep upstairs; cot safe")
        get_family(uow, family.id, actor=ACTOR)
        uow.commit()
    yield database
    database.close()


def _problems(db: Database) -> list[str]:
    with UnitOfWork(db) as uow:
        return verify_audit_chain(uow.session)


def _sql(db: Database, *statements: str) -> None:
    with db.engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


def test_every_action_is_logged_and_the_chain_is_intact(db: Database) -> None:
    with UnitOfWork(db) as uow:
        events = uow.session.execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.record_kind, AuditEvent.actor)
            .order_by(AuditEvent.seq)
        ).all()
    assert [(e.action, e.record_kind) for e in events] == [
        ("create", "practitioner"), ("create", "family"), ("create", "carer"),
        ("create", "child"), ("create", "visit"), ("update", "visit"), ("view", "family"),
    ]
    assert [e.seq for e in events] == list(range(1, 8))
    assert {e.actor for e in events} == {ACTOR}
    assert _problems(db) == []


def test_the_log_holds_ids_and_field_names_not_personal_text(db: Database) -> None:
    with db.engine.connect() as conn:
        details = [row[0] for row in conn.exec_driver_sql("SELECT detail FROM audit_events")]
    for text in ("Okafor", "Mill Lane", "Ada", "asleep", "mother"):
        assert not any(text in d for d in details)


def test_events_of_a_rolled_back_action_vanish_with_it(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_family(uow, ACTOR, name="Nowak", address="3 Quay Street")
    with UnitOfWork(db) as uow:
        assert len(uow.session.scalars(select(AuditEvent.seq)).all()) == 7
    assert _problems(db) == []


TAMPERING: list[tuple[str, list[str], str]] = [
    ("actor edited", ["UPDATE audit_events SET actor = 'Someone Else' WHERE seq = 3"],
     "event 3 was altered"),
    ("action edited", ["UPDATE audit_events SET action = 'create' WHERE seq = 7"],
     "event 7 was altered"),
    ("detail edited", ["UPDATE audit_events SET detail = '{}' WHERE seq = 6"],
     "event 6 was altered"),
    ("edited and re-hashed alone",
     ["UPDATE audit_events SET record_id = 'F-other', hash = '" + "a" * 64 + "' WHERE seq = 2"],
     "event 3 does not follow"),
    ("middle event deleted", ["DELETE FROM audit_events WHERE seq = 4"], "event 4 is missing"),
    ("first event deleted", ["DELETE FROM audit_events WHERE seq = 1"], "event 1 is missing"),
    ("newest event deleted", ["DELETE FROM audit_events WHERE seq = 7"],
     "the log ends at event 6 but event 7"),
    ("whole log deleted", ["DELETE FROM audit_events", "DELETE FROM audit_head"],
     "audit log is empty but the profile holds records"),
    ("two events swapped",
     ["UPDATE audit_events SET seq = -1 WHERE seq = 3",
      "UPDATE audit_events SET seq = 3 WHERE seq = 4",
      "UPDATE audit_events SET seq = 4 WHERE seq = -1"],
     "event 3 does not follow"),
    ("timestamps reordered",
     ["UPDATE audit_events SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 5"],
     "event 5 was altered"),
]


@pytest.mark.parametrize(("label", "statements", "finding"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_tampering_is_detected(db: Database, label: str, statements: list[str], finding: str) -> None:
    _sql(db, *statements)
    problems = _problems(db)
    assert problems, f"{label} went unnoticed"
    assert any(finding in p for p in problems), problems


def test_the_chain_continues_across_sessions_and_reopening(tmp_path: Path) -> None:
    path, key = tmp_path / "homevisit.db", secrets.token_bytes(32)
    for _ in range(3):
        with open_database(path, key) as db, UnitOfWork(db) as uow:
            record_event(uow.session, actor=ACTOR, action="print", record_kind="family",
                         record_id="F-1")
            uow.commit()
    with open_database(path, key) as db:
        assert _problems(db) == []
        with UnitOfWork(db) as uow:
            chain = uow.session.execute(
                select(AuditEvent.prev_hash, AuditEvent.hash).order_by(AuditEvent.seq)
            ).all()
    assert chain[0].prev_hash == "0" * 64
    assert [c.prev_hash for c in chain[1:]] == [c.hash for c in chain[:-1]]


BAD_EVENTS: list[tuple[str, Callable[[UnitOfWork], None]]] = [
    ("unknown action", lambda uow: record_event(uow.session, actor=ACTOR, action="peek",
                                                record_kind="family", record_id="F-1")),
    ("nested personal text", lambda uow: record_event(
        uow.session, actor=ACTOR, action="view", record_kind="family", record_id="F-1",
        detail={"family": {"name": "Okafor"}})),
]


@pytest.mark.parametrize(("label", "write"), BAD_EVENTS, ids=[b[0] for b in BAD_EVENTS])
def test_malformed_events_are_refused(db: Database, label: str,
                                      write: Callable[[UnitOfWork], None]) -> None:
    with UnitOfWork(db) as uow, pytest.raises(ValueError):
        write(uow)
