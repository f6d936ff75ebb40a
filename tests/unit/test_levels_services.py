"""Threshold decisions through the services: the suggestion from the child's latest completed
GCP2 and the cumulative harm factors in the window, the history in view stored with the
decision, and what is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.errors import UnknownRecord, UsageError
from app.services.chronology import add_agency_entry, family_chronology, recurring_prompts
from app.services.levels import (
    levels_of_need,
    record_threshold_decision,
    suggest_level_for_child,
    threshold_decisions_of_child,
    threshold_decisions_of_family,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.gcp2_helpers import audit_events
from tests.unit.plans_helpers import (
    ACTOR,
    GMT,
    Household,
    completed_gcp2,
    deploy_config,
    open_profile,
    plans_home,  # noqa: F401 (fixtures)
)

DECIDED = datetime(2026, 11, 25, 15, tzinfo=GMT)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    database = open_profile(tmp_path / "homevisit.db")
    deploy_config(database)
    yield database
    database.close()


def _factor(db: Database, home: Household, day: str, theme: str, source: str,
            child: str | None = None) -> str:
    with UnitOfWork(db) as uow:
        row = add_agency_entry(uow, ACTOR, home.family_id, source=source, event=f"{theme} seen",
                               occurred_at=datetime.fromisoformat(day).replace(tzinfo=GMT),
                               themes=[theme], child_id=child)
        uow.commit()
    return row.record_id


@pytest.mark.parametrize(("safety", "factors", "level"), [
    (3, [], None),
    (4, [], "targeted"),
    (3, [("2026-03-01", "domestic_abuse"), ("2026-06-01", "parental_mental_health")], "targeted"),
    (4, [("2026-03-01", "domestic_abuse"), ("2026-06-01", "parental_mental_health")],
     "specialist"),
    # A factor older than the 12-month window does not count.
    (4, [("2025-10-01", "domestic_abuse"), ("2026-06-01", "parental_mental_health")],
     "targeted"),
])
def test_the_suggestion_uses_the_latest_gcp2_and_recent_factors(
    db: Database, home: Household, safety: int, factors: list[tuple[str, str]],
    level: str | None,
) -> None:
    assessment = completed_gcp2(db, home.jay, area_grades={"safety": safety})
    for day, theme in factors:
        _factor(db, home, day, theme, "Police")
    with UnitOfWork(db) as uow:
        suggestion = suggest_level_for_child(uow, home.jay, at=DECIDED)
    assert suggestion.level_id == level
    assert suggestion.assessment_id == assessment
    assert suggestion.threshold_document == "Levels of Need v2"


def test_a_decision_keeps_the_suggestion_and_the_history_in_view(
    db: Database, home: Household
) -> None:
    completed_gcp2(db, home.jay, area_grades={"safety": 4})
    for day, theme in [("2026-03-01", "domestic_abuse"), ("2026-06-01", "parental_mental_health"),
                       ("2026-08-01", "parental_substance_use")]:
        _factor(db, home, day, theme, theme)
    with UnitOfWork(db) as uow:
        in_view = [r.event_id for r in family_chronology(uow, home.family_id, child_id=home.jay)]
        prompts = [p.key for p in recurring_prompts(uow, home.family_id, home.jay)]
        decision = record_threshold_decision(
            uow, ACTOR, home.jay, level="targeted", decided_at=DECIDED,
            reasoning="Specialist suggested; father has engaged with the DA service, so "
                      "targeted support with a lead professional first.")
        uow.commit()
    assert prompts, "the three factors from three agencies raise a prompt"
    assert decision.id.startswith("T-")
    assert (decision.level, decision.level_label) == ("targeted", "3 Targeted")
    assert decision.suggested_level == "specialist"
    assert decision.suggestion.startswith("Suggested level 4 Specialist because Safety")
    assert decision.considered_events == tuple(in_view)
    assert decision.considered_prompts == tuple(prompts)
    assert decision.threshold_document == "Levels of Need v2"
    (action, detail), = audit_events(db, decision.id)
    assert action == "create" and detail["suggested_level"] == "specialist"
    assert detail["config_version"] == "test-1" and "reasoning" not in detail
    with UnitOfWork(db) as uow:
        assert threshold_decisions_of_child(uow, home.jay) == (decision,)
        assert threshold_decisions_of_family(uow, home.family_id) == (decision,)
        assert threshold_decisions_of_child(uow, home.mia) == ()


def test_the_history_can_be_named_but_only_from_what_is_in_view(
    db: Database, home: Household
) -> None:
    police = _factor(db, home, "2026-03-01", "domestic_abuse", "Police")
    other_child = _factor(db, home, "2026-03-02", "home_conditions", "School", child=home.mia)
    with UnitOfWork(db) as uow:
        decision = record_threshold_decision(
            uow, ACTOR, home.jay, level="early_help", reasoning="One incident so far",
            event_ids=[f"chronology_entry:{police}"], prompt_keys=[], decided_at=DECIDED)
        assert decision.considered_events == (f"chronology_entry:{police}",)
        assert decision.suggested_level is None  # no GCP2, one factor: no row matches
        with pytest.raises(UnknownRecord, match="not in view"):
            record_threshold_decision(
                uow, ACTOR, home.jay, level="early_help", reasoning="x",
                event_ids=[f"chronology_entry:{other_child}"])
        with pytest.raises(UnknownRecord, match="not in view"):
            record_threshold_decision(uow, ACTOR, home.jay, level="early_help", reasoning="x",
                                      prompt_keys=["0" * 32])


@pytest.mark.parametrize(("child", "level", "reasoning", "error"), [
    ("K-nowhere", "targeted", "why", UnknownRecord),
    (None, "level_five", "why", UsageError),
    (None, "targeted", "   ", UsageError),
])
def test_refusals(db: Database, home: Household, child: str | None, level: str, reasoning: str,
                  error: type[Exception]) -> None:
    with UnitOfWork(db) as uow, pytest.raises(error):
        record_threshold_decision(uow, ACTOR, child or home.jay, level=level, reasoning=reasoning)


def test_without_a_table_there_is_no_suggestion_and_the_defaults_apply(
    db: Database, home: Household
) -> None:
    (db.path.parent / "organisation.json").unlink()
    completed_gcp2(db, home.jay, area_grades={"safety": 5})
    with UnitOfWork(db) as uow:
        levels = levels_of_need(uow)
        decision = record_threshold_decision(uow, ACTOR, home.jay, level="specialist",
                                             reasoning="Safety graded 5", decided_at=DECIDED)
    assert [lv.id for lv in levels.levels] == ["universal", "early_help", "targeted", "specialist"]
    assert decision.suggested_level is None and "no table" in decision.suggestion
