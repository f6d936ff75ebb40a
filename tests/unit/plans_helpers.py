"""Shared set-up for the plan, threshold-decision and escalation tests: a profile database in a
temporary folder (where an organisation configuration can be deployed), a family of two
children, a completed GCP2 with targeted items, and a SMART action."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app.services.assessments import (
    complete_assessment,
    confirm_area,
    save_sub_area,
    set_targets,
    start_assessment,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from assessments import gcp2
from assessments.record import Target
from tests.unit.gcp2_helpers import ACTOR, Household, add_household, open_profile

__all__ = ["ACTOR", "GMT", "SMART", "Household", "add_household", "completed_gcp2",
           "deploy_config", "open_profile"]

GMT = timezone.utc
BST = timezone(timedelta(hours=1))
NUTRITION = "physical_care.nutrition"
SAFETY_ABSENT = "safety.in_absence"

SMART: dict[str, Any] = {
    "change_for_child": "Jay eats breakfast before nursery every day",
    "who": "Kerry (mother)",
    "does_what": "Buys cereal with the food bank voucher and sits with Jay at 8am",
    "by_when": date(2027, 1, 15),
    "measure": "Nursery records Jay arriving fed on at least 4 of 5 days",
}

CONFIG: dict[str, Any] = {
    "format": "homevisit.organisation/1",
    "version": "test-1",
    "organisation": "Test Health Visiting",
    "themes": [{"id": "housing_insecurity", "name": "Housing insecurity"}],
    "levels": {
        "threshold_document": "Levels of Need v2",
        "suggestions": [
            {"level": "specialist", "area_grade_at_least": 4, "harm_factors_at_least": 2},
            {"level": "targeted", "area_grade_at_least": 4},
            {"level": "targeted", "harm_factors_at_least": 2},
        ],
    },
    "escalation": {"stages": [
        {"name": "Worker to worker", "working_days": 2},
        {"name": "Safeguarding leads", "working_days": 3},
    ]},
    "plans": {"share_within_working_days": 5},
}


def deploy_config(db: Database, config: dict[str, Any] | None = None) -> Path:
    """Write an organisation configuration into the profile's folder (where the app looks)."""
    path = db.path.parent / "organisation.json"
    path.write_text(json.dumps(CONFIG if config is None else config), encoding="utf-8")
    return path


def completed_gcp2(
    db: Database, child_id: str, *, area_grades: dict[str, int] | None = None,
    completed_at: datetime = datetime(2026, 10, 20, 16, tzinfo=BST),
) -> str:
    """A completed GCP2: every sub-area graded like its area (default 3), areas confirmed, and
    targeted items for nutrition and safety in the carer's absence."""
    grades = {area: 3 for area in gcp2.AREA_IDS} | (area_grades or {})
    with UnitOfWork(db) as uow:
        view = start_assessment(uow, ACTOR, child_id,
                                started_at=completed_at - timedelta(days=19))
        assessment_id = view.id
        for area in gcp2.AREAS:
            for sub in area.sub_areas:
                save_sub_area(uow, ACTOR, assessment_id, sub.id, grade=grades[area.id],
                              evidence=f"seen for {sub.id}")
            confirm_area(uow, ACTOR, assessment_id, area.id, grade=grades[area.id], rationale="")
        set_targets(uow, ACTOR, assessment_id, [
            Target(NUTRITION, 4, 2, date(2027, 1, 15)),
            Target(SAFETY_ABSENT, 4, 2, date(2027, 2, 28)),
        ])
        complete_assessment(uow, ACTOR, assessment_id, at=completed_at)
        uow.commit()
    return assessment_id


# Fixtures the plan tests share; a test module imports them by these names.
@pytest.fixture(name="db")
def plans_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A migrated profile database under the default organisation configuration (a file named
    by the environment would change levels, stages and timescales)."""
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    database = open_profile(tmp_path / "homevisit.db")
    yield database
    database.close()


@pytest.fixture(name="home")
def plans_home(db: Database) -> Household:
    return add_household(db)
