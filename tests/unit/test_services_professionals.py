"""Professionals involved with a family: adding, changing, removing, and the single lead."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.audit import verify_audit_chain
from app.errors import UnknownRecord, UsageError
from app.services.families import create_family, get_family
from app.services.professionals import (
    add_professional,
    remove_professional,
    update_professional,
)
from app.services.unit_of_work import UnitOfWork
from app.services.views import ProfessionalView
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent, Professional, RecordId

ACTOR = "Priya Shah"
GP = {"name": "Dr Anya Patel", "agency": "Mill Lane Surgery", "role": "GP",
      "contact": "0161 496 0000"}
SOCIAL_WORKER = {"name": "Tom Reid", "agency": "Children's Services", "role": "social worker",
                 "contact": "tom.reid@example.org"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


@pytest.fixture
def family_id(db: Database) -> str:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        uow.commit()
    return family.id


def _events(db: Database, record_id: str) -> list[tuple[str, dict[str, Any]]]:
    with UnitOfWork(db) as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.record_id == record_id).order_by(AuditEvent.seq)
        ).all()
    return [(action, json.loads(detail)) for action, detail in rows]


def _leads(db: Database, family_id: str) -> list[str]:
    with UnitOfWork(db) as uow:
        return [p.name for p in get_family(uow, family_id, actor=ACTOR).professionals if p.lead]


def test_professionals_read_back_in_entry_order_in_the_family_view(
    db: Database, family_id: str
) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=False, **GP)
        sw = add_professional(uow, ACTOR, family_id, name="  Tom Reid ", agency="Children's Services",
                              role="social worker", contact="", lead=True)
        uow.commit()
    assert gp == ProfessionalView(gp.id, family_id, "Dr Anya Patel", "Mill Lane Surgery", "GP",
                                  "0161 496 0000", False)
    assert (sw.name, sw.contact, sw.lead) == ("Tom Reid", "", True)
    assert gp.id.startswith("R-") and sw.id.startswith("R-")
    with UnitOfWork(db) as uow:
        detail = get_family(uow, family_id, actor=ACTOR)
        kinds = dict(uow.session.execute(select(RecordId.id, RecordId.kind)).all())
    assert detail.professionals == (gp, sw)
    assert kinds[gp.id] == kinds[sw.id] == "professional"


def test_a_new_lead_replaces_the_old_one_and_both_changes_are_audited(
    db: Database, family_id: str
) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=True, **GP)
        uow.commit()
    with UnitOfWork(db) as uow:
        sw = add_professional(uow, ACTOR, family_id, lead=True, **SOCIAL_WORKER)
        uow.commit()
    assert _leads(db, family_id) == ["Tom Reid"]
    assert _events(db, gp.id) == [
        ("create", {"family_id": family_id, "lead": True}),
        ("update", {"family_id": family_id, "fields": ["lead"], "lead_passed_to": sw.id}),
    ]
    assert _events(db, sw.id) == [("create", {"family_id": family_id, "lead": True})]


def test_making_someone_lead_by_update_clears_the_other_lead(
    db: Database, family_id: str
) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=True, **GP)
        sw = add_professional(uow, ACTOR, family_id, lead=False, **SOCIAL_WORKER)
        uow.commit()
    with UnitOfWork(db) as uow:
        changed = update_professional(uow, ACTOR, sw.id, lead=True, contact="07700 900123")
        uow.commit()
    assert (changed.lead, changed.contact) == (True, "07700 900123")
    assert _leads(db, family_id) == ["Tom Reid"]
    assert _events(db, sw.id)[-1] == (
        "update", {"family_id": family_id, "fields": ["contact", "lead"]}
    )
    assert _events(db, gp.id)[-1][1]["lead_passed_to"] == sw.id


def test_each_family_has_its_own_lead(db: Database, family_id: str) -> None:
    with UnitOfWork(db) as uow:
        other = create_family(uow, ACTOR, name="Nowak", address="3 Quay Street")
        add_professional(uow, ACTOR, family_id, lead=True, **GP)
        add_professional(uow, ACTOR, other.id, lead=True, **SOCIAL_WORKER)
        uow.commit()
    assert _leads(db, family_id) == ["Dr Anya Patel"]
    assert _leads(db, other.id) == ["Tom Reid"]


def test_the_database_itself_refuses_a_second_lead(db: Database, family_id: str) -> None:
    with UnitOfWork(db) as uow:
        add_professional(uow, ACTOR, family_id, lead=True, **GP)
        add_professional(uow, ACTOR, family_id, lead=False, **SOCIAL_WORKER)
        uow.commit()
    with UnitOfWork(db) as uow, pytest.raises(IntegrityError, match="UNIQUE"):
        uow.session.execute(update(Professional).values(lead=True))


def test_an_update_that_changes_nothing_is_not_audited(db: Database, family_id: str) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=False, **GP)
        uow.commit()
    with UnitOfWork(db) as uow:
        same = update_professional(uow, ACTOR, gp.id, name=" Dr Anya Patel ", lead=False)
        uow.commit()
    assert same == gp
    assert [action for action, _ in _events(db, gp.id)] == ["create"]


def test_removing_a_professional_is_audited_and_keeps_the_id_claimed(
    db: Database, family_id: str
) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=True, **GP)
        uow.commit()
    with UnitOfWork(db) as uow:
        remove_professional(uow, ACTOR, gp.id)
        uow.commit()
    with UnitOfWork(db) as uow:
        detail = get_family(uow, family_id, actor=ACTOR)
        still_claimed = uow.session.get(RecordId, gp.id)
        problems = verify_audit_chain(uow.session)
    assert detail.professionals == ()
    assert still_claimed is not None
    assert _events(db, gp.id)[-1] == ("delete", {"family_id": family_id, "lead": True})
    assert problems == []


@pytest.mark.parametrize(
    ("call", "expected", "message"),
    [
        (lambda uow, f: add_professional(uow, ACTOR, "F-nope", lead=False, **GP),
         UnknownRecord, "no family with id 'F-nope'"),
        (lambda uow, f: update_professional(uow, ACTOR, "R-nope", name="X"),
         UnknownRecord, "no professional with id 'R-nope'"),
        (lambda uow, f: remove_professional(uow, ACTOR, "R-nope"),
         UnknownRecord, "no professional with id 'R-nope'"),
        (lambda uow, f: add_professional(uow, ACTOR, f, **{**GP, "name": "  "}, lead=False),
         UsageError, "the professional's name cannot be empty"),
        (lambda uow, f: add_professional(uow, ACTOR, f, **GP, lead="yes"),  # type: ignore[arg-type]
         UsageError, "whether the professional leads must be yes or no"),
        (lambda uow, f: add_professional(uow, ACTOR, f, **{**GP, "agency": None}, lead=False),  # type: ignore[arg-type]
         UsageError, "the professional's agency must be text"),
    ],
    ids=["unknown family", "update unknown", "remove unknown", "blank name", "lead not bool",
         "agency not text"],
)
def test_unknown_ids_and_bad_values_are_refused(
    db: Database, family_id: str, call: Any, expected: type[Exception], message: str
) -> None:
    with UnitOfWork(db) as uow, pytest.raises(expected) as raised:
        call(uow, family_id)
    assert str(raised.value) == message


def test_update_refuses_fields_a_professional_does_not_have(
    db: Database, family_id: str
) -> None:
    with UnitOfWork(db) as uow:
        gp = add_professional(uow, ACTOR, family_id, lead=False, **GP)
        with pytest.raises(UsageError, match="no field 'family_id'"):
            update_professional(uow, ACTOR, gp.id, family_id="F-other")


def test_a_refused_addition_leaves_the_old_lead_in_place(db: Database, family_id: str) -> None:
    with UnitOfWork(db) as uow:
        add_professional(uow, ACTOR, family_id, lead=True, **GP)
        uow.commit()
    with UnitOfWork(db) as uow:
        with pytest.raises(UsageError):
            add_professional(uow, ACTOR, family_id, **{**SOCIAL_WORKER, "role": 3}, lead=True)  # type: ignore[arg-type]
        uow.commit()  # whatever the caller does next, the old lead was never cleared
    assert _leads(db, family_id) == ["Dr Anya Patel"]
