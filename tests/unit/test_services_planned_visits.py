"""Planned visits through the services: booking, moving, cancelling with a reason, held by the
visit recorded that day, the caseload's next visit, and the rules the table itself keeps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.errors import UnknownRecord, UsageError
from app.services.families import caseload, get_family
from app.services.planned_visits import book_visit, cancel_visit, move_visit
from app.services.unit_of_work import UnitOfWork
from app.services.visits import record_visit
from app.storage.database import Database
from app.storage.models import AuditEvent
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db

UTC = timezone.utc
BST = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from open_db(tmp_path)


@pytest.fixture
def home(db: Database) -> Household:
    return make_household(db)


def book(db: Database, family_id: str, when: datetime, **kw: Any) -> str:
    with UnitOfWork(db) as uow:
        planned = book_visit(uow, ACTOR, family_id, planned_for=when, now=NOW, **kw)
        uow.commit()
    return planned.id


def audit(db: Database, record_id: str) -> list[tuple[str, dict[str, Any]]]:
    with UnitOfWork(db) as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.record_id == record_id).order_by(AuditEvent.seq)
        ).all()
    return [(action, json.loads(detail)) for action, detail in rows]


def test_a_booked_visit_is_on_the_family_and_audited_without_its_purpose(
    db: Database, home: Household
) -> None:
    when = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
    planned = book(db, home.family_id, when, purpose="Six-week review of Mo",
                   child_id=home.sibling_id)
    with UnitOfWork(db) as uow:
        detail = get_family(uow, home.family_id, actor=ACTOR)
    assert planned.startswith("N-")
    (shown,) = detail.planned_visits
    assert (shown.id, shown.child_id, shown.purpose, shown.status) == (
        planned, home.sibling_id, "Six-week review of Mo", "booked")
    assert shown.planned_for.isoformat() == when.isoformat()
    assert detail.next_visit == shown and not shown.overdue(NOW)
    assert shown.overdue(when + timedelta(minutes=1))
    assert audit(db, planned) == [
        ("create", {"family_id": home.family_id, "child_id": home.sibling_id})]


@pytest.mark.parametrize(("args", "error", "message"), [
    ({"planned_for": NOW - timedelta(hours=1)}, UsageError, "still to come"),
    ({"planned_for": NOW}, UsageError, "still to come"),
    ({"planned_for": datetime(2026, 12, 1, 10)}, UsageError, "UTC offset"),
    ({"family_id": "F-nobody"}, UnknownRecord, "no family"),
    ({"child": "other"}, UnknownRecord, "no child"),
])
def test_bookings_that_cannot_be_are_refused(
    db: Database, home: Household, args: dict[str, Any], error: type[Exception], message: str
) -> None:
    family_id = args.get("family_id", home.family_id)
    child = home.other_child_id if args.get("child") else None
    when = args.get("planned_for", NOW + timedelta(days=1))
    with UnitOfWork(db) as uow, pytest.raises(error, match=message):
        book_visit(uow, ACTOR, family_id, planned_for=when, child_id=child, now=NOW)


def test_moving_names_the_changed_fields_and_cancelling_needs_a_reason(
    db: Database, home: Household
) -> None:
    planned = book(db, home.family_id, NOW + timedelta(days=2), purpose="GCP2")
    later = (NOW + timedelta(days=5)).astimezone(BST)
    with UnitOfWork(db) as uow:
        moved = move_visit(uow, ACTOR, planned, planned_for=later, purpose="GCP2", now=NOW)
        same = move_visit(uow, ACTOR, planned, planned_for=later, now=NOW)
        with pytest.raises(UsageError, match="say why"):
            cancel_visit(uow, ACTOR, planned, reason="  ")
        cancelled = cancel_visit(uow, ACTOR, planned, reason="Family moving house that week")
        with pytest.raises(UsageError, match="cancelled already"):
            move_visit(uow, ACTOR, planned, planned_for=later + timedelta(days=1), now=NOW)
        with pytest.raises(UnknownRecord):
            cancel_visit(uow, ACTOR, "N-none", reason="x")
        uow.commit()
    assert moved.planned_for.isoformat() == later.isoformat() == same.planned_for.isoformat()
    assert (cancelled.status, cancelled.cancel_reason) == (
        "cancelled", "Family moving house that week")
    events = audit(db, planned)
    assert [e[1].get("fields") for e in events] == [
        None, ["planned_for"], ["status", "cancel_reason"]]  # the unchanged move wrote nothing
    assert not any("moving" in json.dumps(d) for _a, d in events)


@pytest.mark.parametrize(("visited", "held"), [
    (datetime(2026, 11, 25, 9, 40, tzinfo=UTC), "first"),  # earlier the same day: the first
    (datetime(2026, 11, 25, 23, 30, tzinfo=UTC), "second"),  # the 26th on the bookings' clock
    (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), None),  # the day before: nothing held
])
def test_a_visit_recorded_on_the_booked_day_holds_it(
    db: Database, home: Household, visited: datetime, held: str | None
) -> None:
    first = book(db, home.family_id, datetime(2026, 11, 25, 10, tzinfo=BST))
    second = book(db, home.family_id, datetime(2026, 11, 26, 9, tzinfo=BST))
    book(db, home.other_family_id, datetime(2026, 11, 25, 10, tzinfo=UTC))
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, occurred_at=visited, kind="announced",
                             present=[], notes="", recorded_at=visited + timedelta(hours=1))
        uow.commit()
    with UnitOfWork(db) as uow:
        planned = {p.id: p for p in get_family(uow, home.family_id, actor=ACTOR).planned_visits}
    expected = {"first": first, "second": second}.get(held or "")
    for planned_id, view in planned.items():
        if planned_id == expected:
            assert (view.status, view.visit_id) == ("held", visit.id)
            assert audit(db, planned_id)[-1][1]["status"] == "held"
        else:
            assert (view.status, view.visit_id) == ("booked", None)


def test_the_caseload_shows_the_earliest_visit_still_booked(db: Database, home: Household) -> None:
    soon = book(db, home.family_id, datetime(2026, 11, 21, 14, tzinfo=BST))
    book(db, home.family_id, datetime(2026, 12, 1, 9, tzinfo=UTC))
    overdue_elsewhere = datetime(2026, 11, 20, 10, tzinfo=UTC)
    book(db, home.other_family_id, overdue_elsewhere)  # its time will pass with nobody there
    with UnitOfWork(db) as uow:
        cancel_visit(uow, ACTOR, soon, reason="Kerry rang to rearrange")
        uow.commit()
    with UnitOfWork(db) as uow:
        rows = {r.family_id: r for r in caseload(uow)}
        order = [p.status for p in get_family(uow, home.family_id, actor=ACTOR).planned_visits]
    assert rows[home.family_id].next_visit_at == datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert rows[home.other_family_id].next_visit_at == overdue_elsewhere
    assert order == ["booked", "cancelled"]  # booked first, then what is over


@pytest.mark.parametrize(("status", "visit", "reason"), [
    ("held", None, ""),  # held by no visit
    ("booked", "visit", ""),  # booked yet linked to a visit
    ("cancelled", None, " "),  # cancelled without a reason
    ("booked", None, "why"),  # a reason for a visit not cancelled
    ("missed", None, ""),  # not a status
    ("held", "other-visit", ""),  # held by another family's visit
])
def test_the_table_refuses_what_the_services_never_write(
    db: Database, home: Household, status: str, visit: str | None, reason: str
) -> None:
    with UnitOfWork(db) as uow:
        mine = record_visit(uow, ACTOR, home.family_id, occurred_at=NOW, kind="announced",
                            present=[], notes="")
        theirs = record_visit(uow, ACTOR, home.other_family_id, occurred_at=NOW,
                              kind="announced", present=[], notes="")
        uow.commit()
    visit_id = {"visit": mine.id, "other-visit": theirs.id}.get(visit or "")
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO record_ids (id, kind) VALUES ('N-x', 'planned_visit')")
        conn.exec_driver_sql(
            "INSERT INTO planned_visits (id, family_id, child_id, visit_id, seq, planned_for, "
            "planned_utc, purpose, status, cancel_reason) VALUES ('N-x', ?, NULL, ?, 99, "
            "'2026-12-01T09:00:00+00:00', '2026-12-01T09:00:00.000000+00:00', '', ?, ?)",
            (home.family_id, visit_id, status, reason),
        )
