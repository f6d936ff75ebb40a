"""The unit of work commits only when told to; anything else leaves the profile as it was."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.families import caseload, create_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


def _family_names(db: Database) -> list[str]:
    with UnitOfWork(db) as uow:
        return [row.family_name for row in caseload(uow)]


def test_leaving_without_commit_rolls_back(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_family(uow, "Priya Shah", name="Okafor", address="1 Elm Row")
    assert _family_names(db) == []


def test_an_exception_rolls_back_and_propagates(db: Database) -> None:
    with pytest.raises(RuntimeError, match="power cut"), UnitOfWork(db) as uow:
        create_family(uow, "Priya Shah", name="Okafor", address="1 Elm Row")
        raise RuntimeError("power cut")
    assert _family_names(db) == []


def test_commit_keeps_the_work_and_later_work_can_still_roll_back(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_family(uow, "Priya Shah", name="Okafor", address="1 Elm Row")
        uow.commit()
        create_family(uow, "Priya Shah", name="Nowak", address="2 Elm Row")
    assert _family_names(db) == ["Okafor"]


def test_session_is_unavailable_outside_the_block(db: Database) -> None:
    uow = UnitOfWork(db)
    with pytest.raises(RuntimeError):
        _ = uow.session
    with uow:
        assert uow.session is not None
    with pytest.raises(RuntimeError):
        _ = uow.session
