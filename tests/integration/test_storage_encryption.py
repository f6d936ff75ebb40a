"""A real SQLCipher file: unreadable without the key, nothing in clear on disk, clean close."""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
import threading
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from app.errors import CannotUnlock
from app.services.families import add_child, caseload, create_family
from app.services.unit_of_work import UnitOfWork
from app.services.visits import record_visit
from app.storage.database import Database, head_revision, open_database

DISTINCTIVE = "Zephyrine Quackenbush-Oyelaran"
SECRET_NOTE = "disclosed-to-HV-9c41f3"


def _fill(db: Database) -> None:
    with UnitOfWork(db) as uow:
        family = create_family(uow, "Priya Shah", name=DISTINCTIVE, address="7 Larkspur Close")
        add_child(uow, "Priya Shah", family.id, name=DISTINCTIVE, date_of_birth=date(2025, 1, 2))
        record_visit(uow, "Priya Shah", family.id, occurred_at=datetime(2026, 11, 2, tzinfo=timezone.utc),
                     kind="announced", present=[], notes=SECRET_NOTE * 50)
        uow.commit()


def _disk_bytes(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(str(path) + suffix)
        if part.exists():
            found += part.read_bytes()
    return found


def test_the_file_is_not_plain_sqlite_and_holds_no_personal_text(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    db = open_database(path, secrets.token_bytes(32))
    _fill(db)
    # While open, the newest pages sit in the WAL: it must be encrypted too.
    assert Path(str(path) + "-wal").stat().st_size > 0
    while_open = _disk_bytes(path)
    db.close()
    after_close = _disk_bytes(path)
    assert not path.read_bytes().startswith(b"SQLite format 3\x00")
    for raw in (while_open, after_close):
        for text in (DISTINCTIVE, SECRET_NOTE, "Larkspur"):
            assert text.encode("utf-8") not in raw
            assert text.encode("utf-16-le") not in raw
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as plain:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_reopening_with_the_key_reads_the_records(tmp_path: Path) -> None:
    path, key = tmp_path / "homevisit.db", secrets.token_bytes(32)
    db = open_database(path, key)
    _fill(db)
    db.close()
    with open_database(path, key) as again, UnitOfWork(again) as uow:
        assert [r.family_name for r in caseload(uow)] == [DISTINCTIVE]
        assert again.schema_revision() == head_revision()


def test_a_wrong_key_cannot_unlock_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    db = open_database(path, secrets.token_bytes(32))
    _fill(db)
    db.close()
    before = path.read_bytes()
    with pytest.raises(CannotUnlock, match="cannot be opened with this key or is damaged"):
        open_database(path, secrets.token_bytes(32))
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_a_file_that_is_no_database_cannot_unlock(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    path.write_bytes(b"This is a shopping list, not a database.\n" * 200)
    with pytest.raises(CannotUnlock):
        open_database(path, secrets.token_bytes(32))


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_only_a_32_byte_key_is_accepted(tmp_path: Path, length: int) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        open_database(tmp_path / "homevisit.db", b"k" * length)
    assert not (tmp_path / "homevisit.db").exists()


def test_close_leaves_no_non_empty_wal(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    db = open_database(path, secrets.token_bytes(32))
    _fill(db)
    wal = Path(str(path) + "-wal")
    assert wal.stat().st_size > 0
    db.close()
    assert not wal.exists() or wal.stat().st_size == 0


def test_database_work_runs_on_a_worker_thread(tmp_path: Path) -> None:
    """The GUI opens the database on one thread and runs all its work on a worker thread."""
    db = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    results: list[object] = []

    def work() -> None:
        try:
            _fill(db)
            with UnitOfWork(db) as uow:
                results.append(len(caseload(uow)))
        except Exception as error:  # reported to the test thread below
            results.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    with UnitOfWork(db) as uow:
        results.append(len(caseload(uow)))
    db.close()
    assert results == [1, 1]


def test_a_closed_database_forgets_its_key(tmp_path: Path) -> None:
    db = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    _fill(db)
    db.close()
    db.close()  # closing twice is harmless
    with pytest.raises(CannotUnlock, match="locked"), UnitOfWork(db) as uow:
        caseload(uow)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_new_database_file_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    db = open_database(path, secrets.token_bytes(32))
    _fill(db)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    db.close()
    assert modes and all(mode == 0o600 for mode in modes.values()), modes
