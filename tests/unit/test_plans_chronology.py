"""Plans, threshold decisions and escalations on the family chronology: the rows, their order
and wording, `record_of`, and that these responses never feed the recurring-theme rules."""

from __future__ import annotations

from datetime import date, datetime

from app.services.chronology import add_agency_entry, family_chronology, recurring_prompts
from app.services.escalations import advance_stage, raise_escalation, record_outcome
from app.services.levels import record_threshold_decision
from app.services.plans import add_action, create_plan, record_review, share_plan
from app.services.plans_chronology import KINDS, record_of
from app.services.plans_views import RaisedFrom
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.plans_helpers import (  # noqa: F401 (fixtures)
    ACTOR,
    GMT,
    SMART,
    Household,
    add_household,
    open_profile,
    plans_db,
    plans_home,
)


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=GMT)


def test_every_plan_decision_and_escalation_event_is_on_the_chronology(
    db: Database, home: Household
) -> None:
    with UnitOfWork(db) as uow:
        for day, theme, source in [("2026-03-01", "domestic_abuse", "Police"),
                                   ("2026-06-01", "parental_mental_health", "GP")]:
            add_agency_entry(uow, ACTOR, home.family_id, source=source, event="seen",
                             occurred_at=at(day), themes=[theme])
        before = recurring_prompts(uow, home.family_id)
        plan = create_plan(uow, ACTOR, home.family_id, title="Jay safe and fed",
                           child_id=home.jay, made_at=at("2026-11-20"),
                           review_due=date(2027, 2, 20))
        add_action(uow, ACTOR, plan.id, **SMART)
        share_plan(uow, ACTOR, plan.id, how="Read through with Kerry", shared_at=at("2026-11-21"))
        record_review(uow, ACTOR, plan.id, notes="Sustained", next_review_due=date(2027, 5, 20),
                      held_at=at("2027-02-18"))
        decision = record_threshold_decision(uow, ACTOR, home.jay, level="targeted",
                                             reasoning="Two factors", decided_at=at("2026-11-22"))
        escalation = raise_escalation(
            uow, ACTOR, home.family_id, child_id=home.jay, about="NFA on the referral",
            with_whom="Family Connect", raised_from=RaisedFrom("prompt", before[0].key),
            raised_at=at("2026-11-23"))
        advance_stage(uow, ACTOR, escalation.id, started_at=at("2026-12-02"))
        record_outcome(uow, ACTOR, escalation.id, outcome="Strategy discussion agreed",
                       closed_at=at("2026-12-03"))
        rows = [r for r in family_chronology(uow, home.family_id) if r.kind in KINDS]
        after = recurring_prompts(uow, home.family_id)
        uow.commit()
    assert [(r.kind, r.event, r.outcome) for r in rows] == [
        ("plan", "Plan made: Jay safe and fed", "1 action; next review due 2027-05-20"),
        ("plan_shared", "Plan shared with the family: Read through with Kerry", ""),
        ("level_decision", "Threshold decision: 3 Targeted (no level was suggested)",
         "Two factors"),
        ("escalation", "Escalation raised with Family Connect at stage 1 (Practitioner to "
         "practitioner): NFA on the referral", "Response due 2026-11-30"),
        ("escalation_stage", "Escalation moved to stage 2 (Managers or safeguarding leads)",
         "Response due 2026-12-09"),
        ("escalation_closed", "Escalation closed", "Strategy discussion agreed"),
        ("plan_reviewed", "Plan reviewed", "Sustained"),
    ]
    assert all(r.child == "Jay" and r.source == "Home visit" and r.themes == () for r in rows)
    assert len({r.event_id for r in rows}) == len(rows)
    assert [record_of(r) for r in rows] == [
        ("plan", plan.id), ("plan", plan.id), ("level_decision", decision.id),
        ("escalation", escalation.id), ("escalation", escalation.id),
        ("escalation", escalation.id), ("plan", plan.id)]
    # The responses are not evidence: the prompt they answer is unchanged.
    assert [p.key for p in after] == [p.key for p in before]


def test_a_sibling_view_keeps_the_family_plan_and_not_the_other_childs(
    db: Database, home: Household
) -> None:
    with UnitOfWork(db) as uow:
        create_plan(uow, ACTOR, home.family_id, title="Home safe", made_at=at("2026-11-20"))
        create_plan(uow, ACTOR, home.family_id, title="Jay's plan", child_id=home.jay,
                    made_at=at("2026-11-21"))
        mia = [r.event for r in family_chronology(uow, home.family_id, child_id=home.mia)]
    assert mia == ["Plan made: Home safe"]
