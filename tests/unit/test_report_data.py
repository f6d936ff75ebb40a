"""The report data the service gathers, and the shared set-up of the report tests: an encrypted
profile with a trained practitioner, the sample content pack, a family with two children, a
completed baseline GCP2 and a completed re-grade of Mia (every grade 1-5 used, item grades from
the pack, targets, an addendum, practitioner-only notes), a GCP2 of her brother Jay, and lived
experience and chronology entries for both children."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.reports import ParentReport
from app.services import assessments as gcp2_service
from app.services.chronology import add_agency_entry
from app.services.lived_experience import record_entry
from app.services.professionals import add_professional
from app.services.reports import parent_report_data, practitioner_report_data
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from assessments import gcp2
from assessments.record import Target
from tests.unit.gcp2_helpers import (
    ACTOR,
    BST,
    STARTED,
    add_household,
    import_sample_pack,
    open_profile,
)

PRIVATE = "PRIVATE-OTTER-NOTE ask the GP about the bruise on her arm"
PACK_ITEM = "zephyr.nutrition.1"  # graded on Mia's re-grade; its wording must never print
SIBLING_EVIDENCE = "JAY-ONLY-EVIDENCE his football boots"
SIBLING_PRIVATE = "JAY-PRIVATE-NOTE"
LIVED_TEXT = "Mia was in her cot in a cold room; no breakfast had been made"
CHILD_WORDS = "Mummy sad"
AGENCY_EVENT = "Police attended a domestic incident; children present"
# Chart order: physical care (5), safety (2), emotional care (2), developmental care (4).
GRADES = (2, 3, 1, 4, 3, 4, 5, 2, 3, 2, 1, 3, 2)
BASELINE_GRADES = (3, 3, 2, 4, 4, 5, 5, 3, 3, 3, 2, 3, 3)
# Developmental care's 4 lies outside its sub-areas' 1-3: it carries a rationale.
AREA_GRADES = {"physical_care": 3, "safety": 5, "emotional_care": 3, "developmental_care": 4}
TARGETS = (Target("safety.in_absence", 5, 3, date(2027, 1, 15)),
           Target("physical_care.hygiene", 4, 2, date(2027, 2, 26)))


def evidence(sub_area_id: str) -> str:
    name = gcp2.sub_area(sub_area_id).name
    return (f"Seen for {name}: Kerry and Mia at home on three visits, one unannounced. "
            f"We talked about {name.lower()} and what a normal day looks like for Mia.")


@dataclass(frozen=True)
class ReportCase:
    db: Database
    family_id: str
    mia: str
    jay: str
    baseline_id: str
    regrade_id: str
    jay_assessment_id: str


def _grade(uow: UnitOfWork, assessment_id: str, grades: tuple[int, ...], *,
           items: dict[str, int] | None = None) -> None:
    for sub_id, grade in zip(gcp2.SUB_AREA_IDS, grades, strict=True):
        gcp2_service.save_sub_area(
            uow, ACTOR, assessment_id, sub_id, grade=grade, evidence=evidence(sub_id),
            items=items if sub_id == "physical_care.nutrition" else None)
    for area in gcp2.AREAS:
        subs = [g for s, g in zip(gcp2.SUB_AREA_IDS, grades, strict=True) if s in area.sub_area_ids]
        grade = AREA_GRADES[area.id] if grades is GRADES else max(subs)
        inside = min(subs) <= grade <= max(subs)
        gcp2_service.confirm_area(uow, ACTOR, assessment_id, area.id, grade=grade,
                                  rationale="" if inside else "Varies from day to day.")


def build_case(db: Database) -> ReportCase:
    house = add_household(db)
    import_sample_pack(db)
    with UnitOfWork(db) as uow:
        add_professional(uow, ACTOR, house.family_id, name="Dana Lee", agency="Telford Council",
                         role="Family support worker", contact="01952 000 000", lead=True)
        record_entry(uow, ACTOR, house.mia, occurred_at=STARTED - timedelta(days=3),
                     part_of_day="early_morning", text=LIVED_TEXT, source="observed",
                     child_voice=CHILD_WORDS, impact="hungry and cold at nursery",
                     themes=["home_conditions"])
        record_entry(uow, ACTOR, house.jay, occurred_at=STARTED - timedelta(days=2),
                     part_of_day="evening", text="JAY-LIVED-ENTRY plays out late",
                     source="carer")
        add_agency_entry(uow, ACTOR, house.family_id, occurred_at=STARTED - timedelta(days=30),
                         event=AGENCY_EVENT, source="West Mercia Police",
                         impact="woken and frightened", outcome="DASH referral",
                         themes=["domestic_abuse"])
        base = gcp2_service.start_assessment(uow, ACTOR, house.mia,
                                             started_at=STARTED - timedelta(days=120))
        _grade(uow, base.id, BASELINE_GRADES)
        gcp2_service.complete_assessment(uow, ACTOR, base.id, at=STARTED - timedelta(days=100))
        now = gcp2_service.start_assessment(uow, ACTOR, house.mia, started_at=STARTED,
                                            previous_id=base.id)
        _grade(uow, now.id, GRADES, items={PACK_ITEM: 2})
        gcp2_service.update_views(
            uow, ACTOR, now.id, strengths="Kerry reads to Mia every night.",
            carer_views="I am doing my best with the money we have.",
            child_views="Mia smiled when her mum picked her up.", parent_agrees=False,
            parent_comments="The flat was cold because the boiler broke.",
            practitioner_only=PRIVATE)
        gcp2_service.set_targets(uow, ACTOR, now.id, TARGETS)
        gcp2_service.complete_assessment(uow, ACTOR, now.id, at=STARTED + timedelta(days=20))
        gcp2_service.add_addendum(uow, ACTOR, now.id, reason="Grade explained",
                                  text="Kerry asked why safety is 5; explained on the phone.",
                                  at=STARTED + timedelta(days=22))
        jay = gcp2_service.start_assessment(uow, ACTOR, house.jay, started_at=STARTED)
        gcp2_service.save_sub_area(uow, ACTOR, jay.id, "physical_care.clothing", grade=2,
                                   evidence=SIBLING_EVIDENCE)
        gcp2_service.update_views(uow, ACTOR, jay.id, practitioner_only=SIBLING_PRIVATE)
        uow.commit()
    return ReportCase(db, house.family_id, house.mia, house.jay, base.id, now.id, jay.id)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[ReportCase]:
    """A fresh case for tests that change it."""
    db = open_profile(tmp_path / "homevisit.db")
    try:
        yield build_case(db)
    finally:
        db.close()


@pytest.fixture(scope="module")
def shared_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportCase]:
    """One case for a module's tests that only read it (building one takes about a second)."""
    db = open_profile(tmp_path_factory.mktemp("reports") / "homevisit.db")
    try:
        yield build_case(db)
    finally:
        db.close()


def test_the_parent_report_data_cannot_hold_what_parents_must_not_see() -> None:
    fields = {f.name for f in dataclasses.fields(ParentReport)}
    assert not fields & {"practitioner_only", "assessment", "items", "pack", "chronology",
                         "lived_experience", "addenda"}


def test_parent_data_is_the_childs_grades_evidence_and_targets_in_words(case: ReportCase) -> None:
    with UnitOfWork(case.db) as uow:
        data = parent_report_data(uow, case.regrade_id)
    assert data.marking.child_name == "Mia" and data.marking.date_of_birth == date(2025, 2, 1)
    subs = [s for a in data.areas for s in a.sub_areas]
    assert [s.name for s in subs] == [s.name for s in gcp2.SUB_AREAS]
    assert tuple(s.grade for s in subs) == GRADES
    assert subs[0].seen == evidence("physical_care.nutrition")
    assert {a.area_id: a.grade for a in data.areas} == AREA_GRADES
    assert [(c.what, c.by_when) for c in data.changes] == [
        ("In absence of carer: from grade 5 now to grade 3 or better.", date(2027, 1, 15)),
        ("Hygiene: from grade 4 now to grade 2 or better.", date(2027, 2, 26))]
    assert data.changes[0].who == f"You, with help from {ACTOR}."
    assert data.next_review == date(2027, 1, 15)
    assert data.finished_on == (STARTED + timedelta(days=20)).date()
    assert [c.name for c in data.contacts] == [ACTOR, "Dana Lee"]
    assert data.plan == ()
    assert PRIVATE not in repr(data) and PACK_ITEM not in repr(data) and "Jay" not in repr(data)


def test_practitioner_data_has_the_baseline_lived_experience_and_chronology(
    case: ReportCase,
) -> None:
    at = datetime(2026, 11, 29, 14, 3, tzinfo=BST)
    with UnitOfWork(case.db) as uow:
        data = practitioner_report_data(uow, case.regrade_id, generated_by=ACTOR,
                                        generated_at=at)
    assert data.assessment.practitioner_only == PRIVATE
    assert data.baseline is not None and data.baseline.id == case.baseline_id
    assert [e.text for e in data.lived_experience] == [LIVED_TEXT]  # Mia's only
    assert data.lived_experience[0].part_of_day == "Early morning"
    events = [c.event for c in data.chronology]
    assert AGENCY_EVENT in events and not any("JAY-LIVED-ENTRY" in e for e in events)
    assert data.pack == "zephyr-sample version 1"
    assert case.regrade_id in data.marking.audit_line and ACTOR in data.marking.audit_line
