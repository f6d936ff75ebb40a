"""The overdue lists for the caseload and the family view: plan actions, reviews, plans not
shared in time and escalation stages, in working days, from a fixed number of queries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import event, insert

from app.services.escalations import raise_escalation, record_outcome
from app.services.families import create_family
from app.services.plans import add_action, create_plan, set_action_status, share_plan
from app.services.plans_overdue import overdue_items
from app.services.plans_overdue_counts import OverdueCount, overdue_by_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models import Family, RecordId
from app.storage.models_plans import Plan, PlanAction
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

D = date.fromisoformat


def _shared_plan(db: Database, home: Household, *, review_due: date,
                 by_when: date | None = None) -> tuple[str, str]:
    with UnitOfWork(db) as uow:
        plan = create_plan(uow, ACTOR, home.family_id, title="Jay safe", child_id=home.jay,
                           made_at=datetime(2026, 10, 1, 10, tzinfo=GMT), review_due=review_due)
        action = add_action(uow, ACTOR, plan.id, **{**SMART, "by_when": by_when or D("2027-06-01")})
        share_plan(uow, ACTOR, plan.id, how="Copy left",
                   shared_at=datetime(2026, 10, 2, 10, tzinfo=GMT))
        uow.commit()
    return plan.id, action.actions[0].id


@pytest.mark.parametrize(("review_due", "today", "overdue"), [
    ("2027-02-12", "2027-02-12", 0),   # due today
    ("2027-02-12", "2027-02-15", 1),   # Friday -> Monday
    ("2027-02-12", "2027-02-17", 3),   # SCENARIOS 5: "overdue by three working days"
    ("2026-12-24", "2026-12-29", 1),   # over Christmas
])
def test_a_review_is_overdue_in_working_days(
    db: Database, home: Household, review_due: str, today: str, overdue: int
) -> None:
    plan_id, _ = _shared_plan(db, home, review_due=D(review_due))
    with UnitOfWork(db) as uow:
        items = overdue_items(uow, D(today))
    assert [(i.kind, i.record_id, i.working_days_overdue) for i in items] == (
        [("plan_review", plan_id, overdue)] if overdue else [])


def test_everything_late_is_listed_most_overdue_first(db: Database, home: Household) -> None:
    today = D("2027-02-17")
    plan_id, action_id = _shared_plan(db, home, review_due=D("2027-02-12"),
                                      by_when=D("2027-01-15"))
    other = add_household(db)
    with UnitOfWork(db) as uow:
        unshared = create_plan(uow, ACTOR, other.family_id, title="Mia's health",
                               made_at=datetime(2027, 2, 1, 9, tzinfo=GMT),
                               review_due=D("2027-05-01"))
        late = raise_escalation(uow, ACTOR, other.family_id, about="NFA", with_whom="MASH",
                                raised_at=datetime(2027, 2, 1, 9, tzinfo=GMT))
        closed = raise_escalation(uow, ACTOR, home.family_id, about="x", with_whom="y",
                                  raised_at=datetime(2027, 1, 4, 9, tzinfo=GMT))
        record_outcome(uow, ACTOR, closed.id, outcome="Agreed")
        uow.commit()
    with UnitOfWork(db) as uow:
        items = overdue_items(uow, today)
        counts = overdue_by_family(uow, today)
        mine = overdue_items(uow, today, family_id=home.family_id)
    assert [(i.kind, i.record_id, i.due_on, i.working_days_overdue) for i in items] == [
        ("plan_action", action_id, D("2027-01-15"), 23),
        ("escalation_stage", late.id, D("2027-02-08"), 7),  # 5 working days after 1 Feb
        ("plan_review", plan_id, D("2027-02-12"), 3),
        ("plan_sharing", unshared.id, D("2027-02-15"), 2),  # 10 working days after 1 Feb
    ]
    assert {family: count.total for family, count in counts.items()} == {
        home.family_id: 2, other.family_id: 2
    }
    assert {i.kind for i in mine} == {"plan_action", "plan_review"}
    assert items[0].what.startswith("Action 1: Jay eats breakfast")
    assert items[0].plan_id == plan_id and items[0].child_id == home.jay


def test_done_actions_and_future_dates_are_not_overdue(db: Database, home: Household) -> None:
    _, action_id = _shared_plan(db, home, review_due=D("2027-05-01"), by_when=D("2027-01-15"))
    with UnitOfWork(db) as uow:
        set_action_status(uow, ACTOR, action_id, "done", on=D("2027-01-14"))
        uow.commit()
    with UnitOfWork(db) as uow:
        assert overdue_items(uow, D("2027-02-17")) == ()


def test_an_old_imported_date_before_the_table_is_counted_in_weekdays(
    db: Database, home: Household
) -> None:
    plan_id, _ = _shared_plan(db, home, review_due=D("2014-12-29"))  # a Monday
    with UnitOfWork(db) as uow:
        (item,) = overdue_items(uow, D("2015-01-05"))
    assert (item.record_id, item.working_days_overdue) == (plan_id, 5)


def _many_families(db: Database, count: int) -> None:
    """`count` families, each with one plan and two actions, one of them overdue."""
    ids: list[dict[str, Any]] = []
    families, plans, actions = [], [], []
    for n in range(count):
        f, p = f"F-bulk{n}", f"PL-bulk{n}"
        ids += [{"id": f, "kind": "family"}, {"id": p, "kind": "plan"},
                {"id": f"A-bulk{n}a", "kind": "plan_action"},
                {"id": f"A-bulk{n}b", "kind": "plan_action"}]
        families.append({"id": f, "seq": 1000 + n, "name": f"Family {n}", "address": ""})
        plans.append({"id": p, "family_id": f, "child_id": None, "seq": 1000 + n, "title": "t",
                      "made_at": datetime(2026, 1, 5, tzinfo=GMT), "made_by": ACTOR,
                      "review_due": D("2027-06-01")})
        for suffix, by_when in (("a", D("2026-11-02")), ("b", D("2027-06-01"))):
            actions.append({"id": f"A-bulk{n}{suffix}", "plan_id": p, "position": "ab".index(suffix),
                            "change_for_child": "c", "who": "w", "does_what": "d",
                            "by_when": by_when, "measure": "m", "assessment_id": None,
                            "sub_area_id": None, "themes": [], "status": "open",
                            "status_on": None})
    with UnitOfWork(db) as uow:
        uow.session.execute(insert(RecordId), ids)
        uow.session.execute(insert(Family), families)
        uow.session.execute(insert(Plan), plans)
        uow.session.execute(insert(PlanAction), actions)
        uow.commit()


def test_the_caseload_count_is_a_fixed_number_of_queries_for_500_families(db: Database) -> None:
    with UnitOfWork(db) as uow:
        create_family(uow, ACTOR, name="Warm-up", address="")
        uow.commit()
    _many_families(db, 500)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with UnitOfWork(db) as uow:
            counts = overdue_by_family(uow, D("2026-12-01"))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(counts) == 500  # each: one late action and the plan not shared in time
    assert set(counts.values()) == {OverdueCount(plan_actions=1, plan_sharing=1)}
    assert len(selects) <= 6, selects
