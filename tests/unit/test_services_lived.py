"""Lived-experience entries, agency chronology entries, the merged chronology and search."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UnknownRecord, UsageError
from app.services.chronology import add_agency_entry, family_chronology
from app.services.lived_experience import entries_of_child, record_entry, update_entry
from app.services.search import HIGHLIGHT_END, HIGHLIGHT_START, match_expression, search_notes
from app.services.unit_of_work import UnitOfWork
from app.services.visits import record_visit, update_visit_notes
from app.storage.database import Database
from app.storage.models import AuditEvent
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db

UTC = timezone.utc
BST = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from open_db(tmp_path)


@pytest.fixture
def home(db: Database) -> Household:
    return make_household(db)


def _entry(db: Database, child_id: str, **overrides: object) -> str:
    fields: dict[str, object] = {
        "occurred_at": datetime(2026, 3, 2, 7, 30, tzinfo=BST), "part_of_day": "early_morning",
        "text": "No breakfast in the house", "source": "child", "child_voice": "my tummy hurts",
        "impact": "hungry in class", "themes": ["home_conditions"],
    }
    fields.update(overrides)
    with UnitOfWork(db) as uow:
        view = record_entry(uow, ACTOR, child_id, **fields)  # type: ignore[arg-type]
        uow.commit()
    return view.id


def test_an_entry_is_recorded_audited_and_listed_in_date_order(db: Database, home: Household) -> None:
    later = _entry(db, home.child_id, occurred_at=datetime(2026, 3, 5, 18, tzinfo=UTC))
    earlier = _entry(db, home.child_id)
    _entry(db, home.sibling_id)
    with UnitOfWork(db) as uow:
        entries = entries_of_child(uow, home.child_id)
        audit = list(uow.session.scalars(
            select(AuditEvent.record_id).where(AuditEvent.record_kind == "lived_experience")
        ))
    assert [e.id for e in entries] == [earlier, later]
    assert entries[0].child_voice == "my tummy hurts" and entries[0].themes == ("home_conditions",)
    assert entries[0].occurred_at.isoformat() == "2026-03-02T07:30:00+01:00"
    assert set(audit) >= {earlier, later}


@pytest.mark.parametrize(("overrides", "error"), [
    ({"themes": ["toxic_trio"]}, UsageError),
    ({"part_of_day": "lunchtime"}, UsageError),
    ({"source": "neighbour"}, UsageError),
    ({"occurred_at": datetime(2026, 3, 2, 7, 30)}, UsageError),
    ({"visit_id": "V-nothing"}, UnknownRecord),
])
def test_bad_entries_are_refused(
    db: Database, home: Household, overrides: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        _entry(db, home.child_id, **overrides)


def test_an_entry_cannot_cite_another_familys_visit(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.other_family_id, kind="announced", present=[],
                             occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC), notes="")
        uow.commit()
    with pytest.raises(UnknownRecord):
        _entry(db, home.child_id, visit_id=visit.id)


def test_an_unknown_child_is_refused(db: Database, home: Household) -> None:
    with pytest.raises(UnknownRecord):
        _entry(db, "K-nobody")


def test_an_update_names_the_changed_fields_in_the_audit(db: Database, home: Household) -> None:
    entry_id = _entry(db, home.child_id)
    with UnitOfWork(db) as uow:
        view = update_entry(uow, ACTOR, entry_id, impact="sleepy", themes=["home_conditions"])
        uow.commit()
        details = list(uow.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.record_id == entry_id,
                                            AuditEvent.action == "update")
        ))
    assert view.impact == "sleepy"
    assert details == ['{"fields":["impact"]}']


def test_chronology_merges_every_kind_in_date_order_and_filters(
    db: Database, home: Household
) -> None:
    entry_id = _entry(db, home.child_id, occurred_at=datetime(2026, 3, 2, 7, 30, tzinfo=BST))
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, kind="unannounced", present=[],
                             occurred_at=datetime(2026, 3, 2, 6, 45, tzinfo=UTC), notes="cold")
        police = add_agency_entry(uow, ACTOR, home.family_id, source="Police",
                                  occurred_at=datetime(2026, 1, 9, tzinfo=UTC),
                                  event="Domestic incident", outcome="DASH",
                                  themes=["domestic_abuse"])
        school = add_agency_entry(uow, ACTOR, home.family_id, source="School",
                                  child_id=home.sibling_id,
                                  occurred_at=datetime(2026, 2, 1, tzinfo=UTC),
                                  event="Absent", themes=["school_attendance"])
        uow.commit()
        everything = family_chronology(uow, home.family_id)
        for_child = family_chronology(uow, home.family_id, child_id=home.child_id)
        abuse = family_chronology(uow, home.family_id, theme="domestic_abuse")
        police_rows = family_chronology(uow, home.family_id, source=" POLICE ")
    # 06:30 UTC (07:30 BST) is before the 06:45 UTC visit, whatever the offsets.
    assert [r.record_id for r in everything] == [police.record_id, school.record_id, entry_id,
                                                 visit.id]
    assert [r.child for r in everything] == ["", "Mo", "Jay", ""]
    assert school.record_id not in [r.record_id for r in for_child]
    assert [r.record_id for r in abuse] == [police.record_id]
    assert [r.record_id for r in police_rows] == [police.record_id]


def test_chronology_of_an_unknown_family_is_refused(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord):
        family_chronology(uow, "F-nothing")


def test_an_agency_entry_for_another_familys_child_is_refused(
    db: Database, home: Household
) -> None:
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord):
        add_agency_entry(uow, ACTOR, home.family_id, child_id=home.other_child_id,
                         source="GP", occurred_at=datetime(2026, 1, 1, tzinfo=UTC), event="x")


@pytest.mark.parametrize(("typed", "expected"), [
    ("angry", '"angry"'),
    ('he\'s "angry', '"he\'s" """angry"'),
    ("  ", ""),
    ('"', ""),
    ("NEAR OR -x*", '"NEAR" "OR" "-x*"'),
])
def test_what_a_person_types_is_quoted_for_match(typed: str, expected: str) -> None:
    assert match_expression(typed) == expected


def test_search_finds_notes_entries_and_agency_records_highlighted(
    db: Database, home: Household
) -> None:
    entry_id = _entry(db, home.child_id, child_voice="daddy was shouting and angry")
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, kind="announced", present=[],
                             occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC),
                             notes="Mother said he's angry a lot")
        agency = add_agency_entry(uow, ACTOR, home.family_id, source="Police",
                                  occurred_at=datetime(2026, 1, 9, tzinfo=UTC),
                                  event="Call-out", outcome="Man ANGRY, arrested")
        uow.commit()
        hits = search_notes(uow, "angry")
        none = search_notes(uow, 'he\'s "angry')
        quoted = search_notes(uow, "he's")
    assert {h.record_id for h in hits} == {entry_id, visit.id, agency.record_id}
    assert all(f"{HIGHLIGHT_START}" in h.snippet and HIGHLIGHT_END in h.snippet for h in hits)
    assert [h.record_id for h in quoted] == [visit.id]
    assert [h.record_id for h in none] == [visit.id]


def test_search_follows_corrected_visit_notes(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        visit = record_visit(uow, ACTOR, home.family_id, kind="announced", present=[],
                             occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC), notes="mould")
        uow.commit()
    with UnitOfWork(db) as uow:
        update_visit_notes(uow, ACTOR, visit.id, "damp bedroom")
        uow.commit()
        assert search_notes(uow, "mould") == []
        assert [h.record_id for h in search_notes(uow, "damp")] == [visit.id]
