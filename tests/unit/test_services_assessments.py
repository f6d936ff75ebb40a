"""GCP2 assessments through the services: the training gate, grading, confirming areas, completing,
addenda as the only change to a completed record, re-grading and the profile comparison."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.audit import verify_audit_chain
from app.errors import InvalidInput, UnknownRecord, UsageError
from app.services.assessments import (
    add_addendum,
    assessments_of_child,
    compare_with_previous,
    complete_assessment,
    confirm_area,
    get_assessment,
    save_sub_area,
    set_targets,
    start_assessment,
    update_views,
)
from app.services.unit_of_work import UnitOfWork
from app.services.views_gcp2 import AssessmentView
from app.storage.database import Database
from app.storage.models import RecordId
from assessments import gcp2
from assessments.record import Target
from tests.unit.gcp2_helpers import (
    ACTOR,
    STARTED,
    Household,
    add_household,
    audit_events,
    grade_everything,
    import_sample_pack,
    profile,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from profile(tmp_path / "homevisit.db")


@pytest.fixture
def home(db: Database) -> Household:
    return add_household(db)


def start(db: Database, child: str, *, started_at: datetime = STARTED,
          previous: str | None = None) -> AssessmentView:
    with UnitOfWork(db) as uow:
        view = start_assessment(uow, ACTOR, child, started_at=started_at, previous_id=previous)
        uow.commit()
    return view


def read(db: Database, assessment_id: str) -> AssessmentView:
    with UnitOfWork(db) as uow:
        view = get_assessment(uow, assessment_id, actor=ACTOR)
        uow.commit()  # the view is audited
    return view


def completed(db: Database, child: str, grade: int = 3) -> AssessmentView:
    draft = start(db, child)
    grade_everything(db, draft.id, grade)
    with UnitOfWork(db) as uow:
        done = complete_assessment(uow, ACTOR, draft.id, at=STARTED + timedelta(days=20))
        uow.commit()
    return done


# --- the training gate ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trained_on", "refusal"),
    [
        (None, "record your GCP2 training date"),
        (date(2026, 12, 1), "training date is after the start"),
    ],
)
def test_starting_needs_a_recorded_training_date_before_the_start(
    tmp_path: Path, trained_on: date | None, refusal: str
) -> None:
    for db in profile(tmp_path / "homevisit.db", trained_on=trained_on):
        home = add_household(db)
        with UnitOfWork(db) as uow, pytest.raises(UsageError, match=refusal):
            start_assessment(uow, ACTOR, home.mia, started_at=STARTED)
        with UnitOfWork(db) as uow:
            assert uow.session.scalars(select(RecordId.kind)).all().count("assessment") == 0


def test_a_trained_practitioner_starts_a_draft_that_is_registered_and_audited(
    db: Database, home: Household
) -> None:
    view = start(db, home.mia)
    assert view.family_id == home.family_id and view.child_id == home.mia
    assert view.status == "draft" and view.assessment.started_at.isoformat() == STARTED.isoformat()
    assert view.pack_id is None  # no pack: a data-collection shell
    with UnitOfWork(db) as uow:
        assert uow.session.get(RecordId, view.id).kind == "assessment"  # type: ignore[union-attr]
    assert audit_events(db, view.id) == [
        ("create", {"family_id": home.family_id, "child_id": home.mia, "previous": None})
    ]


def test_the_pack_in_use_is_recorded_when_started(db: Database, home: Household) -> None:
    import_sample_pack(db)
    view = start(db, home.mia)
    assert (view.pack_id, view.pack_version) == ("zephyr-sample", 1)


def test_an_unknown_child_or_assessment_is_named(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord, match="no child with id 'K-x'"):
        start_assessment(uow, ACTOR, "K-x")
    with UnitOfWork(db) as uow, pytest.raises(UnknownRecord, match="no assessment"):
        get_assessment(uow, "G-x", actor=ACTOR)


# --- grading a draft --------------------------------------------------------------------------


def test_sub_area_grade_evidence_and_items_are_kept(db: Database, home: Household) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow:
        save_sub_area(uow, ACTOR, draft.id, "physical_care.nutrition", grade=2,
                      evidence="fruit in the bowl", items={"zephyr.nutrition.1": 2})
        # Autosaving evidence only keeps the item grades already recorded.
        save_sub_area(uow, ACTOR, draft.id, "physical_care.nutrition", grade=2,
                      evidence="fruit in the bowl; lunch packed")
        uow.commit()
    entry = read(db, draft.id).assessment.sub_areas["physical_care.nutrition"]
    assert (entry.grade, entry.evidence) == (2, "fruit in the bowl; lunch packed")
    assert dict(entry.items) == {"zephyr.nutrition.1": 2}
    updates = [d for a, d in audit_events(db, draft.id) if a == "update"]
    assert updates[0] == {"fields": ["sub_areas"], "sub_area": "physical_care.nutrition"}


@pytest.mark.parametrize(
    ("sub_area", "grade", "items", "error", "message"),
    [
        ("physical_care.sleep", 2, None, UsageError, "not a GCP2 sub-area"),
        ("safety.in_presence", 0, None, InvalidInput, r"sub_areas\['safety.in_presence'\].grade"),
        ("safety.in_presence", 6, None, InvalidInput, "whole number 1-5"),
        ("safety.in_presence", True, None, InvalidInput, "whole number 1-5"),
        ("safety.in_presence", 2, {"zephyr.nutrition.1": 2}, InvalidInput, "has no item"),
        ("physical_care.nutrition", 2, {"zephyr.nutrition.1": 9}, InvalidInput, "item grade"),
    ],
)
def test_invalid_grades_and_items_are_refused_and_nothing_changes(
    db: Database, home: Household, sub_area: str, grade: Any, items: Any,
    error: type[Exception], message: str,
) -> None:
    import_sample_pack(db)
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(error, match=message):
        save_sub_area(uow, ACTOR, draft.id, sub_area, grade=grade, evidence="e", items=items)
    assert read(db, draft.id).assessment.sub_areas == {}


def test_item_grades_need_a_pack(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match="none is loaded"):
        save_sub_area(uow, ACTOR, draft.id, "physical_care.nutrition", grade=2, evidence="e",
                      items={"zephyr.nutrition.1": 2})


@pytest.mark.parametrize(
    ("area", "grade", "error", "message"),
    [
        ("love", 2, UsageError, "not a GCP2 area"),
        ("safety", None, UsageError, "confirmed with a grade"),
        ("safety", 0, InvalidInput, r"areas\['safety'\].grade"),
        ("safety", False, InvalidInput, "whole number 1-5"),
    ],
)
def test_an_area_is_confirmed_only_with_a_grade(
    db: Database, home: Household, area: str, grade: Any, error: type[Exception], message: str
) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(error, match=message):
        confirm_area(uow, ACTOR, draft.id, area, grade=grade, rationale="")
    assert read(db, draft.id).assessment.areas == {}


def test_views_of_carer_child_and_parent_are_recorded(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow:
        update_views(uow, ACTOR, draft.id, strengths="warm with Mia", parent_agrees=False,
                     parent_comments="Housing is fine", practitioner_only="check with GP")
        uow.commit()
    a = read(db, draft.id).assessment
    assert (a.strengths, a.parent_agrees, a.parent_comments, a.practitioner_only) == (
        "warm with Mia", False, "Housing is fine", "check with GP")
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="no field 'grade'"):
        update_views(uow, ACTOR, draft.id, grade=3)
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="parent agrees"):
        update_views(uow, ACTOR, draft.id, parent_agrees="yes")


def test_targets_must_aim_for_a_better_grade(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    good = Target("physical_care.nutrition", 4, 2, date(2027, 1, 15))
    with UnitOfWork(db) as uow:
        set_targets(uow, ACTOR, draft.id, [good])
        uow.commit()
    assert read(db, draft.id).assessment.targets == (good,)
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput, match=r"targets\[1\].target"):
        set_targets(uow, ACTOR, draft.id, [good, Target("safety.in_absence", 3, 3, date(2027, 1, 1))])


# --- completing -------------------------------------------------------------------------------


def test_completing_names_the_first_missing_grade_and_how_many_more(
    db: Database, home: Household
) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput) as refused:
        complete_assessment(uow, ACTOR, draft.id)
    assert refused.value.path == "sub_areas['physical_care.nutrition'].grade"
    assert refused.value.problem == "cannot complete yet: Nutrition is not graded (and 16 more)"


def test_an_area_outside_its_range_needs_a_rationale_to_complete(
    db: Database, home: Household
) -> None:
    draft = start(db, home.mia)
    grade_everything(db, draft.id, 3)
    with UnitOfWork(db) as uow:  # a draft may hold it while the practitioner thinks
        confirm_area(uow, ACTOR, draft.id, "safety", grade=5, rationale="")
        uow.commit()
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput) as refused:
        complete_assessment(uow, ACTOR, draft.id)
    assert refused.value.path == "areas['safety'].rationale"
    with UnitOfWork(db) as uow:
        confirm_area(uow, ACTOR, draft.id, "safety", grade=5, rationale="knives within reach")
        done = complete_assessment(uow, ACTOR, draft.id, at=STARTED + timedelta(days=14))
        uow.commit()
    assert done.is_complete
    stored = read(db, draft.id).assessment
    assert stored.status == "complete" and stored.completed_at == STARTED + timedelta(days=14)
    assert stored.areas["safety"].rationale == "knives within reach"


Edit = Callable[[UnitOfWork, str], object]
EDITS: list[tuple[str, Edit]] = [
    ("sub-area", lambda uow, a: save_sub_area(uow, ACTOR, a, "safety.in_presence", grade=1,
                                              evidence="changed")),
    ("area", lambda uow, a: confirm_area(uow, ACTOR, a, "safety", grade=1, rationale="r")),
    ("views", lambda uow, a: update_views(uow, ACTOR, a, strengths="changed")),
    ("targets", lambda uow, a: set_targets(uow, ACTOR, a, [])),
    ("complete again", lambda uow, a: complete_assessment(uow, ACTOR, a)),
]


@pytest.mark.parametrize(("label", "edit"), EDITS, ids=[e[0] for e in EDITS])
def test_a_completed_assessment_refuses_every_edit_but_an_addendum(
    db: Database, home: Household, label: str, edit: Edit
) -> None:
    done = completed(db, home.mia)
    before = read(db, done.id).assessment
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="addendum"):
        edit(uow, done.id)
        uow.commit()
    assert read(db, done.id).assessment == before


def test_addenda_are_appended_with_author_reason_and_time(db: Database, home: Household) -> None:
    done = completed(db, home.mia)
    at = STARTED + timedelta(days=30)
    with UnitOfWork(db) as uow:
        add_addendum(uow, ACTOR, done.id, reason="typo", text="Housing should read 2", at=at)
        add_addendum(uow, ACTOR, done.id, reason="parent's view", text="Mum disagrees",
                     at=at + timedelta(hours=1))
        uow.commit()
    addenda = read(db, done.id).assessment.addenda
    assert [(x.author, x.reason, x.at) for x in addenda] == [
        (ACTOR, "typo", at), (ACTOR, "parent's view", at + timedelta(hours=1))]
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="needs its reason"):
        add_addendum(uow, ACTOR, done.id, reason=" ", text="t")
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="before the assessment"):
        add_addendum(uow, ACTOR, done.id, reason="r", text="t", at=STARTED)


def test_a_draft_takes_no_addendum(db: Database, home: Household) -> None:
    draft = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match="edited directly"):
        add_addendum(uow, ACTOR, draft.id, reason="r", text="t")


# --- re-grading and the chart -----------------------------------------------------------------


def test_a_re_grade_links_to_the_earlier_assessment_and_compares(
    db: Database, home: Household
) -> None:
    baseline = completed(db, home.mia, grade=4)
    later = STARTED + timedelta(days=90)
    now = start(db, home.mia, started_at=later, previous=baseline.id)
    with UnitOfWork(db) as uow:
        save_sub_area(uow, ACTOR, now.id, "physical_care.nutrition", grade=2, evidence="better")
        save_sub_area(uow, ACTOR, now.id, "safety.in_presence", grade=5, evidence="worse")
        uow.commit()
    with UnitOfWork(db) as uow:
        comparison = compare_with_previous(uow, now.id)
        assert compare_with_previous(uow, baseline.id) is None
        listed = assessments_of_child(uow, home.mia)
    assert comparison is not None and comparison.baseline_id == baseline.id
    changes = {c.sub_area: c.change for c in comparison.changes}
    assert [c.sub_area for c in comparison.changes] == list(gcp2.SUB_AREA_IDS)
    assert changes["physical_care.nutrition"] == "improved"
    assert changes["safety.in_presence"] == "worse"
    assert changes["physical_care.housing"] == "not_comparable"
    assert [(s.id, s.previous, s.graded_sub_areas) for s in listed] == [
        (baseline.id, None, 13), (now.id, baseline.id, 2)]


@pytest.mark.parametrize(
    ("child", "days", "refusal"),
    [("jay", 90, "same child"), ("mia", -1, "started before it")],
)
def test_a_re_grade_must_follow_an_earlier_assessment_of_the_same_child(
    db: Database, home: Household, child: str, days: int, refusal: str
) -> None:
    baseline = start(db, home.mia)
    with UnitOfWork(db) as uow, pytest.raises(UsageError, match=refusal):
        start_assessment(uow, ACTOR, getattr(home, child),
                         started_at=STARTED + timedelta(days=days), previous_id=baseline.id)


def test_views_are_audited_without_any_of_the_assessment_text(
    db: Database, home: Household
) -> None:
    done = completed(db, home.mia)
    with UnitOfWork(db) as uow:
        add_addendum(uow, ACTOR, done.id, reason="Quokka reason", text="Quokka text")
        uow.commit()
    read(db, done.id)
    events = audit_events(db, done.id)
    assert events[-1] == ("view", {})
    assert ("update", {"fields": ["addenda"]}) in events
    assert "Quokka" not in repr(events) and "what was seen" not in repr(events)
    with UnitOfWork(db) as uow:
        assert verify_audit_chain(uow.session) == []
