"""Shared fixtures for the lived-experience and chronology service tests: an encrypted
profile database with one family of two children and a second family."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.services.families import add_child, create_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database

ACTOR = "Priya Shah"


@dataclass(frozen=True)
class Household:
    family_id: str
    child_id: str
    sibling_id: str
    other_family_id: str
    other_child_id: str


def open_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


def make_household(db: Database) -> Household:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Family A", address="1 Road")
        child = add_child(uow, ACTOR, family.id, name="Jay", date_of_birth=date(2019, 3, 1))
        sibling = add_child(uow, ACTOR, family.id, name="Mo", date_of_birth=date(2022, 6, 1))
        other = create_family(uow, ACTOR, name="Family B", address="2 Road")
        other_child = add_child(uow, ACTOR, other.id, name="Zed", date_of_birth=date(2020, 1, 1))
        uow.commit()
    return Household(family.id, child.id, sibling.id, other.id, other_child.id)
