"""SCENARIOS.md 7 carried through to the review's recommendations: the review's case, recorded by
five agencies over five years, raises its prompts; the practitioner evidences it with a GCP2,
makes a SMART plan and shares it with the family, records a threshold decision with the history
in view, and escalates from the prompt. The chronology ends with all three."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from app.errors import UsageError
from app.services.chronology import add_agency_entry, family_chronology, recurring_prompts
from app.services.escalations import raise_escalation
from app.services.levels import record_threshold_decision, suggest_level_for_child
from app.services.plans import add_action, create_plan, share_plan, update_action
from app.services.plans_overdue import overdue_items
from app.services.plans_views import RaisedFrom, TargetedItem
from app.services.practitioners import create_practitioner
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db
from tests.unit.plans_helpers import NUTRITION, completed_gcp2, deploy_config
from tests.unit.test_chronology_review_case import REVIEW_CASE

UTC = timezone.utc


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    yield from open_db(tmp_path)


@pytest.fixture
def home(db: Database) -> Household:
    deploy_config(db)  # levels with a suggestion table; two escalation stages
    home = make_household(db)
    with UnitOfWork(db) as uow:
        create_practitioner(uow, name=ACTOR, gcp2_trained_on=date(2019, 1, 10))
        for _key, day, agency, event, themes, about_child in REVIEW_CASE:
            add_agency_entry(uow, ACTOR, home.family_id, source=agency, event=event,
                             themes=themes,
                             occurred_at=datetime.fromisoformat(day).replace(tzinfo=UTC),
                             child_id=home.child_id if about_child else None)
        uow.commit()
    return home


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def test_the_review_case_ends_with_a_plan_a_decision_and_an_escalation(
    db: Database, home: Household
) -> None:
    assessment = completed_gcp2(db, home.child_id, area_grades={"safety": 4},
                                completed_at=at("2024-06-20", 16))
    with UnitOfWork(db) as uow:
        harm, long_running = recurring_prompts(uow, home.family_id, home.child_id)
        assert harm.rule_id == "cumulative_harm_factors"
        assert long_running.rule_id == "long_running_theme"

        plan = create_plan(uow, ACTOR, home.family_id, child_id=home.child_id,
                           title="Jay fed, safe at home and at school every day",
                           made_at=at("2024-06-21"), review_due=date(2024, 9, 20))
        plan = add_action(
            uow, ACTOR, plan.id, change_for_child="Jay has breakfast before school every day",
            who="Everyone", does_what="Mother buys cereal; school runs breakfast club",
            by_when=date(2024, 7, 19), measure="Improve",
            targeted_item=TargetedItem(assessment, NUTRITION), themes=["home_conditions"])
        with pytest.raises(UsageError, match="flagged"):
            share_plan(uow, ACTOR, plan.id, how="Read through with mother")
        plan = update_action(uow, ACTOR, plan.actions[0].id, who="Mother, with the school",
                             measure="School records Jay at breakfast club on 4 of 5 days")
        plan = share_plan(uow, ACTOR, plan.id, how="Read through with mother; copy left",
                          shared_at=at("2024-06-24"))

        suggestion = suggest_level_for_child(uow, home.child_id, at=at("2024-06-25"))
        decision = record_threshold_decision(
            uow, ACTOR, home.child_id, level="specialist", decided_at=at("2024-06-25"),
            reasoning="Three cumulative harm factors from three agencies and poor home "
                      "conditions over five years; refer to Family Connect.")
        escalation = raise_escalation(
            uow, ACTOR, home.family_id, child_id=home.child_id,
            about="Referral closed with no further action despite the history",
            with_whom="Family Connect", raised_from=RaisedFrom("prompt", harm.key),
            raised_at=at("2024-07-01"))
        rows = family_chronology(uow, home.family_id, child_id=home.child_id)
        late = overdue_items(uow, date(2024, 7, 8), family_id=home.family_id)
        uow.commit()

    assert plan.shareable and plan.last_shared is not None
    assert suggestion.level_id == "specialist"
    # 12 months back from June 2024: the GP's 2023 note and the school's 2024 report; the
    # 2022 police incident is older than the table's window.
    assert suggestion.harm_factors == ("Parental mental health", "Parental substance use")
    assert decision.suggested_level == "specialist" and decision.level_label == "4 Specialist"
    assert set(decision.considered_prompts) == {harm.key, long_running.key}
    assert {f"chronology_entry:{r.record_id}" for r in harm.cited} <= set(
        decision.considered_events)
    # The end of the chronology: the plan, its sharing, the decision and the escalation.
    tail = [(r.kind, r.date.isoformat()) for r in rows][-4:]
    assert tail == [("plan", "2024-06-21"), ("plan_shared", "2024-06-24"),
                    ("level_decision", "2024-06-25"), ("escalation", "2024-07-01")]
    assert rows[-1].event.startswith("Escalation raised with Family Connect at stage 1 "
                                     "(Worker to worker)")
    assert rows[-1].outcome == "Response due 2024-07-03"  # 2 working days in this organisation
    # A week later the stage is overdue and listed for the family view.
    assert [(i.kind, i.record_id, i.working_days_overdue) for i in late] == [
        ("escalation_stage", escalation.id, 3)]
