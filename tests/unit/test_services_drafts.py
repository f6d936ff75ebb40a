"""Drafts (autosave of unsaved typing): upsert, read back, discard, list; encrypted, unaudited."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.errors import UsageError
from app.services import drafts
from app.services.drafts import discard_draft, list_drafts, load_draft, save_draft
from app.services.families import create_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent, Draft

KEY = "visit:V-3fa9c01b22de:notes"
# Distinctive enough that finding it in a file's bytes can only mean it was written in clear.
SECRET_TEXT = "Mum said the bruise came from the stairgate 7Q2ZX"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


class _Clock(datetime):
    """`datetime` whose now() hands out the times a test queued, so order is not left to luck."""

    queued: list[datetime] = []

    @classmethod
    def now(cls, tz: Any = None) -> _Clock:  # type: ignore[override]
        moment = cls.queued.pop(0)
        return cls.fromtimestamp(moment.timestamp(), tz)


def test_a_saved_draft_reads_back_with_its_utc_save_time(db: Database) -> None:
    before = datetime.now(timezone.utc)
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="Ada asleep in cot; ")
        uow.commit()
    with UnitOfWork(db) as uow:
        draft = load_draft(uow, KEY)
    assert draft is not None
    assert (draft.key, draft.text) == (KEY, "Ada asleep in cot; ")
    assert draft.saved_at.utcoffset() == timedelta(0)
    assert before <= draft.saved_at <= datetime.now(timezone.utc)


def test_saving_again_replaces_the_draft_in_the_same_transaction(db: Database) -> None:
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="Ada")
        save_draft(uow, key=KEY, text="Ada asleep")
        # Read inside the same unit of work: the screen may reload before anything commits.
        inside = load_draft(uow, KEY)
        uow.commit()
    with UnitOfWork(db) as uow:
        stored = list_drafts(uow)
        rows = uow.session.scalar(select(func.count()).select_from(Draft))
    assert inside is not None and inside.text == "Ada asleep"
    assert [d.text for d in stored] == ["Ada asleep"]
    assert rows == 1


def test_empty_text_is_kept_because_clearing_saved_notes_is_a_change(db: Database) -> None:
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="")
        draft = load_draft(uow, KEY)
    assert draft is not None and draft.text == ""


def test_discard_forgets_only_that_draft_and_tolerates_a_missing_one(db: Database) -> None:
    other = "new-visit:F-0a1b2c3d4e5f:notes"
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="one")
        save_draft(uow, key=other, text="two")
        uow.commit()
    with UnitOfWork(db) as uow:
        discard_draft(uow, KEY)
        discard_draft(uow, "visit:V-never:notes")
        uow.commit()
    with UnitOfWork(db) as uow:
        assert load_draft(uow, KEY) is None
        assert [d.key for d in list_drafts(uow)] == [other]


def test_list_is_most_recently_saved_first(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 11, 29, 1, 0, tzinfo=timezone.utc)
    _Clock.queued = [start, start + timedelta(seconds=1), start + timedelta(seconds=2)]
    monkeypatch.setattr(drafts, "datetime", _Clock)
    with UnitOfWork(db) as uow:
        # Key order would give a, b: only the save times can give b, a.
        save_draft(uow, key="b", text="first")
        save_draft(uow, key="a", text="second")
        save_draft(uow, key="b", text="third")
        listed = list_drafts(uow)
    assert [(d.key, d.text) for d in listed] == [("b", "third"), ("a", "second")]
    assert listed[0].saved_at == start + timedelta(seconds=2)


def test_an_uncommitted_draft_is_rolled_back(db: Database) -> None:
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="lost")
    with UnitOfWork(db) as uow:
        assert load_draft(uow, KEY) is None


@pytest.mark.parametrize(
    ("key", "accepted"),
    [("", False), ("k" * 200, True), ("k" * 201, False), ("visit:V-1:notes", True)],
    ids=["empty", "200 chars", "201 chars", "ordinary"],
)
def test_draft_keys_are_1_to_200_characters(db: Database, key: str, accepted: bool) -> None:
    with UnitOfWork(db) as uow:
        if accepted:
            save_draft(uow, key=key, text="x")
            assert load_draft(uow, key) is not None
        else:
            for call in (lambda: save_draft(uow, key=key, text="x"),
                         lambda: load_draft(uow, key), lambda: discard_draft(uow, key)):
                with pytest.raises(UsageError, match="1 to 200 characters"):
                    call()


def test_drafts_write_no_audit_events(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_family(uow, "Priya Shah", name="Okafor", address="14 Mill Lane")
        uow.commit()
    with UnitOfWork(db) as uow:
        for n in range(5):
            save_draft(uow, key=KEY, text="x" * n)
        list_drafts(uow)
        discard_draft(uow, KEY)
        uow.commit()
    with UnitOfWork(db) as uow:
        events = uow.session.scalars(select(AuditEvent.record_kind)).all()
    assert events == ["family"]


def test_an_autosave_is_one_insert_and_no_read(db: Database) -> None:
    with UnitOfWork(db) as uow:
        save_draft(uow, key=KEY, text="a")
        uow.commit()
    statements: list[str] = []

    def collect(*args: Any) -> None:
        statements.append(args[2].lstrip().split()[0].upper())

    event.listen(db.engine, "before_cursor_execute", collect)
    try:
        with UnitOfWork(db) as uow:
            save_draft(uow, key=KEY, text="ab")
            uow.commit()
    finally:
        event.remove(db.engine, "before_cursor_execute", collect)
    assert [s for s in statements if s != "BEGIN"] == ["INSERT"]


def test_draft_text_never_reaches_disk_in_clear(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    data_dir.mkdir()
    database = open_database(data_dir / "homevisit.db", secrets.token_bytes(32))
    try:
        with UnitOfWork(database) as uow:
            save_draft(uow, key=KEY, text=SECRET_TEXT)
            uow.commit()
        # While open too: the WAL holds the newest pages until the checkpoint at close.
        on_disk_while_open = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    finally:
        database.close()
    on_disk_after = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    assert "homevisit.db" in on_disk_after
    for files in (on_disk_while_open, on_disk_after):
        for name, content in files.items():
            assert SECRET_TEXT.encode() not in content, name
            assert KEY.encode() not in content, name
