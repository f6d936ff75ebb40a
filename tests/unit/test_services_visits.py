"""Recording visits: who was present, late entries, the timeline order, correcting a saved visit
(its time of entry kept, the correction timed)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import UnknownRecord, UsageError
from app.services.families import add_carer, add_child, create_family, get_family
from app.services.unit_of_work import UnitOfWork
from app.services.views import is_late_entry
from app.services.visits import record_visit, update_visit, update_visit_notes
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent

ACTOR = "Priya Shah"
UTC = timezone.utc
BST = timezone(timedelta(hours=1))
IST = timezone(timedelta(hours=5, minutes=30))
PST = timezone(timedelta(hours=-8))


@dataclass(frozen=True)
class Household:
    family_id: str
    carer_id: str
    child_id: str
    other_child_id: str  # a child of a different family


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


@pytest.fixture
def home(db: Database) -> Household:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Okafor", address="14 Mill Lane")
        carer = add_carer(uow, ACTOR, family.id, name="Ife", relationship="mother",
                          parental_responsibility=True)
        child = add_child(uow, ACTOR, family.id, name="Ada", date_of_birth=date(2025, 2, 1))
        other = create_family(uow, ACTOR, name="Nowak", address="3 Quay Street")
        stranger = add_child(uow, ACTOR, other.id, name="Ola", date_of_birth=date(2024, 3, 3))
        uow.commit()
    return Household(family.id, carer.id, child.id, stranger.id)


LATE_ENTRY = [
    ("same afternoon", datetime(2026, 11, 20, 10, tzinfo=UTC), datetime(2026, 11, 20, 16, tzinfo=UTC), False),
    ("next morning", datetime(2026, 11, 20, 10, tzinfo=UTC), datetime(2026, 11, 21, 8, tzinfo=UTC), True),
    ("a week later", datetime(2026, 11, 20, 10, tzinfo=UTC), datetime(2026, 11, 27, 10, tzinfo=UTC), True),
    ("one minute before midnight", datetime(2026, 11, 20, 10, tzinfo=UTC), datetime(2026, 11, 20, 23, 59, tzinfo=UTC), False),
    # 23:00 on the visit's clock is still the visit's day although it is the 21st in UTC.
    ("late evening, UTC-8", datetime(2026, 11, 20, 9, tzinfo=PST), datetime(2026, 11, 21, 7, 0, tzinfo=UTC), False),
    # Entered 00:30 the next day on the visit's clock, although still the 20th in UTC.
    ("after midnight, BST visit", datetime(2026, 7, 20, 22, tzinfo=BST), datetime(2026, 7, 20, 23, 30, tzinfo=UTC), True),
]


@pytest.mark.parametrize(("label", "occurred", "recorded", "late"), LATE_ENTRY,
                         ids=[row[0] for row in LATE_ENTRY])
def test_late_entry_is_a_later_calendar_day_on_the_visits_clock(
    db: Database, home: Household, label: str, occurred: datetime, recorded: datetime, late: bool
) -> None:
    assert is_late_entry(occurred, recorded) is late
    with UnitOfWork(db) as uow:
        made = record_visit(uow, ACTOR, home.family_id, occurred_at=occurred, kind="announced",
                            present=[home.carer_id], notes="", recorded_at=recorded)
        uow.commit()
    with UnitOfWork(db) as uow:
        (stored,) = get_family(uow, home.family_id, actor=ACTOR).visits
    assert stored == made
    assert stored.late_entry is late
    # The offset the practitioner's clock had is kept, not normalised to UTC.
    assert stored.occurred_at.utcoffset() == occurred.utcoffset()
    assert stored.recorded_at.isoformat() == recorded.isoformat()


def test_present_keeps_its_order_and_mixes_carers_and_children(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        made = record_visit(uow, ACTOR, home.family_id, occurred_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                            kind="unannounced", present=[home.child_id, home.carer_id], notes="seen")
        uow.commit()
    with UnitOfWork(db) as uow:
        (stored,) = get_family(uow, home.family_id, actor=ACTOR).visits
    assert stored.present == (home.child_id, home.carer_id) == made.present
    assert stored.kind == "unannounced"


def test_timeline_is_newest_first_by_instant_whatever_the_offset(db: Database, home: Household) -> None:
    moments = [
        datetime(2026, 11, 2, 9, 30, tzinfo=IST),   # 04:00 UTC
        datetime(2026, 11, 2, 5, 0, tzinfo=BST),    # 04:00 UTC + 0 — entered second, same instant
        datetime(2026, 11, 2, 4, 30, tzinfo=UTC),   # newest
        datetime(2026, 11, 1, 23, 0, tzinfo=UTC),   # oldest
    ]
    ids = []
    with UnitOfWork(db) as uow:
        for moment in moments:
            ids.append(record_visit(uow, ACTOR, home.family_id, occurred_at=moment, kind="announced",
                                    present=[], notes="", recorded_at=datetime(2026, 11, 3, tzinfo=UTC)).id)
        uow.commit()
    with UnitOfWork(db) as uow:
        timeline = [v.id for v in get_family(uow, home.family_id, actor=ACTOR).visits]
    assert timeline == [ids[2], ids[1], ids[0], ids[3]]


BAD_VISITS = [
    ("another family's child", {"present": ["OTHER"]}, UnknownRecord, "no carer or child"),
    ("someone twice", {"present": ["CARER", "CARER"]}, UsageError, "twice"),
    ("unknown kind", {"kind": "drop-in"}, UsageError, "announced or unannounced"),
    ("no offset", {"occurred_at": datetime(2026, 11, 2, 9)}, UsageError, "UTC offset"),
    ("recorded before it happened",
     {"recorded_at": datetime(2026, 11, 2, 8, tzinfo=UTC)}, UsageError, "before"),
]


@pytest.mark.parametrize(("label", "change", "error", "message"), BAD_VISITS,
                         ids=[row[0] for row in BAD_VISITS])
def test_bad_visits_are_refused(
    db: Database, home: Household, label: str, change: dict[str, object],
    error: type[Exception], message: str,
) -> None:
    names = {"OTHER": home.other_child_id, "CARER": home.carer_id}
    args: dict[str, object] = {
        "occurred_at": datetime(2026, 11, 2, 9, tzinfo=UTC), "kind": "announced",
        "present": [home.child_id], "notes": "", "recorded_at": None,
    }
    args.update(change)
    args["present"] = [names.get(p, p) for p in args["present"]]  # type: ignore[attr-defined]
    with UnitOfWork(db) as uow, pytest.raises(error, match=message):
        record_visit(uow, ACTOR, home.family_id, **args)  # type: ignore[arg-type]


def test_visit_to_unknown_family_is_refused(db: Database) -> None:
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord, match="no family with id 'F-x'"):
        record_visit(uow, ACTOR, "F-x", occurred_at=datetime(2026, 11, 2, tzinfo=UTC),
                     kind="announced", present=[], notes="")


def test_updating_notes_is_audited_without_the_notes(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, occurred_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
                             kind="announced", present=[home.carer_id], notes="first draft")
        uow.commit()
    with UnitOfWork(db) as uow:
        changed = update_visit_notes(uow, ACTOR, visit.id, "Ada was asleep; bruise on left arm")
        uow.commit()
    assert changed.notes == "Ada was asleep; bruise on left arm"
    assert changed.present == (home.carer_id,)
    with UnitOfWork(db) as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.record_id, AuditEvent.detail).order_by(AuditEvent.seq)
        ).all()
        with pytest.raises(UnknownRecord):
            update_visit_notes(uow, ACTOR, "V-gone", "x")
    assert events[-1][:2] == ("update", visit.id)
    assert '"notes"' in events[-1][2]
    assert not any("bruise" in e.detail or "first draft" in e.detail for e in events)


VISITED = datetime(2026, 11, 2, 9, tzinfo=UTC)
ENTERED = datetime(2026, 11, 2, 15, tzinfo=UTC)
AMENDED = datetime(2026, 11, 6, 10, tzinfo=BST)

# (label, correction, fields the audit names, late entry afterwards)
CORRECTIONS = [
    ("type", {"kind": "unannounced"}, ["kind"], False),
    ("who was present", {"present": ["CHILD", "CARER"]}, ["present"], False),
    ("nobody present", {"present": []}, ["present"], False),
    ("time, same day", {"occurred_at": VISITED.replace(hour=8)}, ["occurred_at"], False),
    # The visit was really the day before: entered the next day, so now a late entry.
    ("time, day before", {"occurred_at": VISITED - timedelta(days=1)}, ["occurred_at"], True),
    ("notes", {"notes": "Ada asleep upstairs"}, ["notes"], False),
    ("everything", {"kind": "unannounced", "present": ["CHILD"], "notes": "n",
                    "occurred_at": VISITED.replace(hour=7)},
     ["kind", "occurred_at", "present", "notes"], False),
]


@pytest.mark.parametrize(("label", "change", "fields", "late"), CORRECTIONS,
                         ids=[row[0] for row in CORRECTIONS])
def test_a_correction_keeps_the_time_of_entry_and_is_timed_and_audited(
    db: Database, home: Household, label: str, change: dict[str, object], fields: list[str],
    late: bool,
) -> None:
    names = {"CHILD": home.child_id, "CARER": home.carer_id}
    if "present" in change:
        change = {**change, "present": [names[p] for p in change["present"]]}  # type: ignore[attr-defined]
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, occurred_at=VISITED, kind="announced",
                             present=[home.carer_id], notes="seen", recorded_at=ENTERED)
        uow.commit()
    with UnitOfWork(db) as uow:
        update_visit(uow, ACTOR, visit.id, at=AMENDED, **change)  # type: ignore[arg-type]
        uow.commit()
    with UnitOfWork(db) as uow:
        (stored,) = get_family(uow, home.family_id, actor=ACTOR).visits
        detail = uow.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.record_id == visit.id)
            .order_by(AuditEvent.seq.desc())
        ).first()
    for name, value in change.items():
        shown = getattr(stored, name)
        assert (shown.isoformat() if name == "occurred_at" else list(shown) if name == "present"
                else shown) == (value.isoformat() if isinstance(value, datetime) else value)
    assert stored.recorded_at.isoformat() == ENTERED.isoformat()  # never overwritten
    assert stored.amended_at is not None and stored.amended_at.isoformat() == AMENDED.isoformat()
    assert stored.late_entry is late
    assert detail is not None and json.loads(detail)["fields"] == fields


def test_a_correction_that_changes_nothing_is_not_one(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, occurred_at=VISITED, kind="announced",
                             present=[home.carer_id], notes="seen", recorded_at=ENTERED)
        uow.commit()
    with UnitOfWork(db) as uow:
        # The same instant written with another offset is the same time of the visit.
        same = update_visit(uow, ACTOR, visit.id, kind="announced", present=[home.carer_id],
                            occurred_at=VISITED.astimezone(BST), notes="seen")
        uow.commit()
        events = uow.session.scalar(select(func.count()).select_from(AuditEvent)
                                    .where(AuditEvent.record_id == visit.id))
    assert same == visit and same.amended_at is None
    assert events == 1  # the creation only


BAD_CORRECTIONS = [
    ("after it was entered", {"occurred_at": ENTERED + timedelta(minutes=1)}, UsageError,
     "after it was recorded"),
    ("no offset", {"occurred_at": datetime(2026, 11, 2, 8)}, UsageError, "UTC offset"),
    ("unknown kind", {"kind": "drop-in"}, UsageError, "announced or unannounced"),
    ("another family's child", {"present": ["OTHER"]}, UnknownRecord, "no carer or child"),
    ("someone twice", {"present": ["CARER", "CARER"]}, UsageError, "twice"),
]


@pytest.mark.parametrize(("label", "change", "error", "message"), BAD_CORRECTIONS,
                         ids=[row[0] for row in BAD_CORRECTIONS])
def test_bad_corrections_are_refused_and_change_nothing(
    db: Database, home: Household, label: str, change: dict[str, object],
    error: type[Exception], message: str,
) -> None:
    names = {"OTHER": home.other_child_id, "CARER": home.carer_id}
    if "present" in change:
        change = {"present": [names[p] for p in change["present"]]}  # type: ignore[attr-defined]
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, occurred_at=VISITED, kind="announced",
                             present=[home.carer_id], notes="seen", recorded_at=ENTERED)
        uow.commit()
    with UnitOfWork(db) as uow, pytest.raises(error, match=message):
        update_visit(uow, ACTOR, visit.id, notes="changed too", **change)  # type: ignore[arg-type]
    with UnitOfWork(db) as uow:
        (stored,) = get_family(uow, home.family_id, actor=ACTOR).visits
    assert stored == visit
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord, match="no visit"):
        update_visit(uow, ACTOR, "V-gone", notes="x")
