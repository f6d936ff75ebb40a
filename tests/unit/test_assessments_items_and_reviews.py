"""GCP2 services for the pack's items and for targets after grading: grading one item, the pack's
text for the editor (by the child's age), grades at review (on their date or at a re-grade, an
addendum on a completed assessment), overdue reviews in a child's list, and what reaches the
audit log and the case file (ids and grades, never pack text)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.errors import InvalidInput, UsageError
from app.services.assessments import (
    assessments_of_child,
    compare_with_previous,
    complete_assessment,
    get_assessment,
    grade_item,
    pack_text_for,
    record_review_grade,
    regrade_of,
    save_sub_area,
    set_targets,
    start_assessment,
)
from app.services.unit_of_work import UnitOfWork
from app.services.views_gcp2 import AssessmentView
from app.storage.database import Database
from assessments.record import Target
from tests.unit.gcp2_helpers import (
    ACTOR,
    MARKER,
    STARTED,
    Household,
    add_household,
    audit_events,
    audit_text,
    grade_everything,
    import_sample_pack,
    open_profile,
    profile,
)
from tests.unit.test_services_assessments_casefile import export_bytes, import_bytes

DONE = STARTED + timedelta(days=20)
REVIEW_BY = date(2027, 1, 15)
TARGETS = (Target("physical_care.nutrition", 3, 2, REVIEW_BY),
           Target("safety.in_absence", 3, 1, date(2027, 4, 1)))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from profile(tmp_path / "homevisit.db")


@pytest.fixture
def home(db: Database) -> Household:
    return add_household(db)


def run(db: Database, change: Any, *args: Any, **kwargs: Any) -> Any:
    with UnitOfWork(db) as uow:
        result = change(uow, *args, **kwargs)
        uow.commit()
    return result


def start(db: Database, child: str, *, started_at: datetime = STARTED,
          previous: str | None = None) -> AssessmentView:
    return run(db, start_assessment, ACTOR, child, started_at=started_at, previous_id=previous)


def completed_with_targets(db: Database, child: str) -> AssessmentView:
    draft = start(db, child)
    grade_everything(db, draft.id)
    run(db, set_targets, ACTOR, draft.id, TARGETS)
    return run(db, complete_assessment, ACTOR, draft.id, at=DONE)


# --- item grades ------------------------------------------------------------------------------


def test_an_item_grade_is_kept_with_its_sub_area_and_never_sets_its_grade(
    db: Database, home: Household
) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)
    view = run(db, grade_item, ACTOR, draft.id, "physical_care.housing", "zephyr.housing.1",
               grade=4)
    housing = view.assessment.sub_areas["physical_care.housing"]
    assert (housing.grade, housing.evidence, dict(housing.items)) == (None, "",
                                                                       {"zephyr.housing.1": 4})
    run(db, save_sub_area, ACTOR, draft.id, "physical_care.housing", grade=2,
        evidence="damp in the back bedroom")
    run(db, grade_item, ACTOR, draft.id, "physical_care.housing", "zephyr.housing.2", grade=3)
    view = run(db, grade_item, ACTOR, draft.id, "physical_care.housing", "zephyr.housing.1",
               grade=None)  # cleared
    housing = view.assessment.sub_areas["physical_care.housing"]
    assert (housing.grade, housing.evidence, dict(housing.items)) == (
        2, "damp in the back bedroom", {"zephyr.housing.2": 3})
    assert run(db, get_assessment, draft.id, actor=ACTOR).assessment == view.assessment


@pytest.mark.parametrize(("sub_area", "item", "grade", "error", "message"), [
    ("physical_care.housing", "zephyr.nope", 3, InvalidInput, "has no item 'zephyr.nope'"),
    ("physical_care.housing", "zephyr.nutrition.1", 3, InvalidInput, "has no item"),
    ("physical_care.housing", "zephyr.housing.1", 0, UsageError, "whole number from 1 to 5"),
    ("physical_care.housing", "zephyr.housing.1", 6, UsageError, "whole number from 1 to 5"),
    ("physical_care.roof", "zephyr.housing.1", 3, UsageError, "not a GCP2 sub-area"),
])
def test_an_item_grade_is_refused(db: Database, home: Household, sub_area: str, item: str,
                                  grade: int, error: type[Exception], message: str) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)
    with pytest.raises(error, match=message):
        run(db, grade_item, ACTOR, draft.id, sub_area, item, grade=grade)
    assert run(db, get_assessment, draft.id, actor=ACTOR).assessment.sub_areas == {}


def test_item_grades_need_a_pack(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    with pytest.raises(InvalidInput, match="none is loaded"):
        run(db, grade_item, ACTOR, draft.id, "physical_care.housing", "zephyr.housing.1", grade=3)


def test_a_completed_assessment_takes_no_item_grade(db: Database, home: Household) -> None:
    import_sample_pack(db)
    done = completed_with_targets(db, home.mia)
    with pytest.raises(UsageError, match="never edited"):
        run(db, grade_item, ACTOR, done.id, "physical_care.housing", "zephyr.housing.1", grade=3)


def test_item_grades_are_audited_by_id_and_exported_without_pack_text(
    db: Database, home: Household
) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)
    run(db, grade_item, ACTOR, draft.id, "physical_care.housing", "zephyr.housing.1", grade=4)
    assert audit_events(db, draft.id)[-1] == (
        "update", {"fields": ["sub_areas"], "sub_area": "physical_care.housing",
                   "item": "zephyr.housing.1"})
    exported = export_bytes(db)
    entry = json.loads(exported)["families"][0]["assessments"][0]
    assert entry["sub_areas"]["physical_care.housing"]["items"] == {"zephyr.housing.1": 4}
    assert MARKER.encode() not in exported and MARKER not in audit_text(db)


# --- the pack's text for the editor -----------------------------------------------------------


def test_no_pack_no_pack_text(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow:
        assert pack_text_for(uow, draft.id) is None


def test_pack_text_shows_the_items_for_the_childs_age_and_any_already_graded(
    db: Database, home: Household
) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)  # Mia: born 2025-02-01, 20 months on 2026-10-01
    with UnitOfWork(db) as uow:
        text = pack_text_for(uow, draft.id)
    assert text is not None and (text.pack_id, text.version, text.age_months) == (
        "zephyr-sample", 1, 20)
    assert [i.id for i in text.items_of("physical_care.nutrition")] == ["zephyr.nutrition.2"]
    assert [i.id for i in text.items_of("physical_care.housing")] == [
        "zephyr.housing.1", "zephyr.housing.2"]
    housing = text.items_of("physical_care.housing")
    assert sorted(housing[0].descriptors) == [1, 2, 3, 4, 5] and housing[1].descriptors == {}
    # An item without its own descriptors shows its sub-area's; all text is the pack's.
    presence = text.items_of("safety.in_presence")[0]
    assert presence.descriptors == text.descriptors["safety.in_presence"]
    assert all(MARKER in t for t in presence.descriptors.values()) and MARKER in presence.text
    assert text.descriptors["physical_care.nutrition"] == {}
    run(db, grade_item, ACTOR, draft.id, "physical_care.nutrition", "zephyr.nutrition.1", grade=2)
    with UnitOfWork(db) as uow:
        graded = pack_text_for(uow, draft.id)
    assert graded is not None
    assert [i.id for i in graded.items_of("physical_care.nutrition")] == [
        "zephyr.nutrition.1", "zephyr.nutrition.2"]  # pack order; the graded one stays shown
    assert MARKER not in audit_text(db)


# --- grades at review -------------------------------------------------------------------------


def test_a_review_grade_waits_for_its_date(db: Database, home: Household) -> None:
    done = completed_with_targets(db, home.mia)
    early = datetime(2027, 1, 14, 12, 0, tzinfo=STARTED.tzinfo)
    with pytest.raises(UsageError, match="not due until 2027-01-15"):
        run(db, record_review_grade, ACTOR, done.id, 0, grade=2, at=early)
    assert run(db, get_assessment, done.id, actor=ACTOR).assessment == done.assessment


def test_a_review_grade_on_its_date_is_recorded_with_an_addendum(
    db: Database, home: Household
) -> None:
    done = completed_with_targets(db, home.mia)
    on_the_day = datetime(2027, 1, 15, 10, 0, tzinfo=STARTED.tzinfo)
    view = run(db, record_review_grade, ACTOR, done.id, 0, grade=2, at=on_the_day)
    a = view.assessment
    assert [t.review_grade for t in a.targets] == [2, None]
    assert (a.addenda[-1].author, a.addenda[-1].reason, a.addenda[-1].at) == (
        ACTOR, "Grade at review", on_the_day)
    assert run(db, get_assessment, done.id, actor=ACTOR).assessment == a
    assert ("update", {"fields": ["targets", "addenda"], "target": 0}) in audit_events(db, done.id)
    entry = json.loads(export_bytes(db))["families"][0]["assessments"][0]
    assert [t["review_grade"] for t in entry["targets"]] == [2, None]


def test_a_regrade_opens_every_review_of_its_baseline(db: Database, home: Household) -> None:
    done = completed_with_targets(db, home.mia)
    assert run(db, regrade_of, done.id) is None
    regrade = start(db, home.mia, started_at=DONE + timedelta(days=7), previous=done.id)
    assert run(db, regrade_of, done.id) == regrade.id
    early = DONE + timedelta(days=8)  # before either review-by date
    run(db, record_review_grade, ACTOR, done.id, 1, grade=2, at=early)
    with UnitOfWork(db) as uow:
        comparison = compare_with_previous(uow, regrade.id)
    assert comparison is not None
    assert [t.review_grade for t in comparison.baseline_targets] == [None, 2]


@pytest.mark.parametrize(("today", "overdue"), [
    (date(2027, 1, 15), 0),  # due, not overdue
    (date(2027, 1, 16), 1),
    (date(2027, 4, 2), 2),
])
def test_a_childs_list_counts_overdue_reviews(db: Database, home: Household, today: date,
                                              overdue: int) -> None:
    completed_with_targets(db, home.mia)
    with UnitOfWork(db) as uow:
        (summary,) = assessments_of_child(uow, home.mia, today=today)
    assert summary.reviews_overdue == overdue


def test_a_draft_review_grade_needs_no_addendum(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    run(db, set_targets, ACTOR, draft.id, TARGETS)
    later = datetime(2027, 5, 1, 9, 0, tzinfo=STARTED.tzinfo)
    view = run(db, record_review_grade, ACTOR, draft.id, 1, grade=1, at=later)
    assert view.assessment.targets[1].review_grade == 1 and view.assessment.addenda == ()


def test_item_and_review_grades_round_trip_through_a_case_file(
    tmp_path: Path, db: Database, home: Household
) -> None:
    import_sample_pack(db)
    done = completed_with_targets(db, home.mia)
    on_the_day = datetime(2027, 1, 15, 10, 0, tzinfo=STARTED.tzinfo)
    run(db, record_review_grade, ACTOR, done.id, 0, grade=3, at=on_the_day)
    regrade = start(db, home.mia, started_at=DONE + timedelta(days=30), previous=done.id)
    run(db, grade_item, ACTOR, regrade.id, "physical_care.housing", "zephyr.housing.2", grade=5)
    first = export_bytes(db)
    second = open_profile(tmp_path / "b.db", trained_on=None)
    try:
        import_sample_pack(second)
        import_bytes(second, first)
        assert export_bytes(second) == first
        with UnitOfWork(second) as uow:
            back = get_assessment(uow, done.id, actor=ACTOR).assessment
        assert back.targets[0].review_grade == 3 and back.addenda[-1].reason == "Grade at review"
    finally:
        second.close()
