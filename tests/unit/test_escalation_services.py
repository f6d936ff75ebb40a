"""Escalations through the services: raised from a prompt, an overdue plan action or nothing;
response dates from the configured stages in working days; moving on; closing with an outcome."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import UnknownRecord, UsageError
from app.services.chronology import add_agency_entry, recurring_prompts
from app.services.escalations import (
    advance_stage,
    escalations_of_family,
    get_escalation,
    raise_escalation,
    record_outcome,
)
from app.services.plans import add_action, create_plan
from app.services.plans_views import RaisedFrom
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.gcp2_helpers import audit_events
from tests.unit.plans_helpers import (  # noqa: F401 (fixtures)
    ACTOR,
    GMT,
    SMART,
    Household,
    add_household,
    deploy_config,
    open_profile,
    plans_db,
    plans_home,
)

FRIDAY = datetime(2026, 11, 27, 16, tzinfo=GMT)


def _prompt_key(db: Database, home: Household) -> str:
    with UnitOfWork(db) as uow:
        for day, theme, source in [("2026-03-01", "domestic_abuse", "Police"),
                                   ("2026-06-01", "parental_mental_health", "GP")]:
            add_agency_entry(uow, ACTOR, home.family_id, source=source, event="seen",
                             occurred_at=datetime.fromisoformat(day).replace(tzinfo=GMT),
                             themes=[theme])
        key = recurring_prompts(uow, home.family_id)[0].key
        uow.commit()
    return key


def test_raised_from_a_prompt_at_stage_one_with_its_response_date(
    db: Database, home: Household
) -> None:
    key = _prompt_key(db, home)
    with UnitOfWork(db) as uow:
        escalation = raise_escalation(
            uow, ACTOR, home.family_id, child_id=home.jay,
            about="Referral closed with no further action despite three agencies' concerns",
            with_whom="Family Connect", contact="Duty social worker",
            raised_from=RaisedFrom("prompt", key), raised_at=FRIDAY)
        uow.commit()
    assert escalation.id.startswith("E-") and not escalation.closed
    assert escalation.raised_from == RaisedFrom("prompt", key)
    stage = escalation.current
    assert (stage.stage, stage.name, stage.contact) == (
        1, "Practitioner to practitioner", "Duty social worker")
    assert stage.response_due == date(2026, 12, 4)  # Friday + 5 working days
    (action, detail), = audit_events(db, escalation.id)
    assert (action, detail["raised_from"], detail["stage"]) == ("create", "prompt", 1)
    assert "Family Connect" not in str(detail)


def test_stages_follow_the_organisations_configuration(db: Database, home: Household) -> None:
    deploy_config(db)  # two stages: 2 and 3 working days
    with UnitOfWork(db) as uow:
        escalation = raise_escalation(uow, ACTOR, home.family_id, about="Plan not agreed",
                                      with_whom="School", raised_at=FRIDAY)
        assert escalation.current.response_due == date(2026, 12, 1)
        moved = advance_stage(uow, ACTOR, escalation.id, contact="Designated lead",
                              started_at=datetime(2026, 12, 2, 9, tzinfo=GMT))
        assert [(s.stage, s.name) for s in moved.stages] == [
            (1, "Worker to worker"), (2, "Safeguarding leads")]
        assert moved.current.response_due == date(2026, 12, 7)
        with pytest.raises(UsageError, match="last stage"):
            advance_stage(uow, ACTOR, escalation.id)
        closed = record_outcome(uow, ACTOR, escalation.id,
                                outcome="School agreed to attend the core group",
                                closed_at=datetime(2026, 12, 4, 12, tzinfo=GMT))
        with pytest.raises(UsageError, match="already"):
            record_outcome(uow, ACTOR, escalation.id, outcome="again")
        with pytest.raises(UsageError, match="closed"):
            advance_stage(uow, ACTOR, escalation.id)
        uow.commit()
    assert closed.closed and closed.outcome == "School agreed to attend the core group"
    with UnitOfWork(db) as uow:
        assert escalations_of_family(uow, home.family_id) == (closed,)
        assert get_escalation(uow, escalation.id) == closed


def test_raised_from_an_overdue_plan_action(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        plan = create_plan(uow, ACTOR, home.family_id, title="Safe sleep")
        action = add_action(uow, ACTOR, plan.id, **SMART).actions[0]
        escalation = raise_escalation(uow, ACTOR, home.family_id, about="Agreed action not done",
                                      with_whom="Housing", raised_from=RaisedFrom("plan_action",
                                                                                  action.id))
    assert escalation.raised_from == RaisedFrom("plan_action", action.id)


@pytest.mark.parametrize(("source", "error"), [
    (RaisedFrom("prompt", "0" * 32), UnknownRecord),
    (RaisedFrom("plan_action", "A-nowhere"), UnknownRecord),
    (RaisedFrom("outcome", "O-nowhere"), UnknownRecord),
    (RaisedFrom("rumour", "x"), UsageError),
    (RaisedFrom("outcome", ""), UsageError),
])
def test_the_source_must_exist(db: Database, home: Household, source: RaisedFrom,
                               error: type[Exception]) -> None:
    with UnitOfWork(db) as uow, pytest.raises(error):
        raise_escalation(uow, ACTOR, home.family_id, about="x", with_whom="y", raised_from=source)


@pytest.mark.parametrize(("about", "with_whom", "error"), [
    ("  ", "School", UsageError),
    ("Plan", " ", UsageError),
])
def test_about_and_with_whom_are_needed(db: Database, home: Household, about: str,
                                        with_whom: str, error: type[Exception]) -> None:
    with UnitOfWork(db) as uow, pytest.raises(error):
        raise_escalation(uow, ACTOR, home.family_id, about=about, with_whom=with_whom)


def test_a_stage_cannot_start_before_the_last(db: Database, home: Household) -> None:
    with UnitOfWork(db) as uow:
        escalation = raise_escalation(uow, ACTOR, home.family_id, about="x", with_whom="y",
                                      raised_at=FRIDAY)
        with pytest.raises(UsageError, match="before"):
            advance_stage(uow, ACTOR, escalation.id, started_at=datetime(2026, 11, 1, tzinfo=GMT))
        with pytest.raises(UnknownRecord):
            advance_stage(uow, ACTOR, "E-nowhere")
