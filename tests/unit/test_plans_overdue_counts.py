"""The caseload's per-family breakdown of what is late: kind by kind, families with nothing late
left out."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.services.escalations import raise_escalation
from app.services.plans import add_action, create_plan, share_plan
from app.services.plans_overdue_counts import OverdueCount, overdue_by_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.plans_helpers import (
    ACTOR,
    GMT,
    SMART,
    Household,
    add_household,
    plans_db,  # noqa: F401 (fixtures)
)

D = date.fromisoformat
TODAY = D("2027-02-17")


def _plan(db: Database, family_id: str, *, late_actions: int, review_due: str, shared: bool,
          made: datetime = datetime(2026, 10, 1, 10, tzinfo=GMT)) -> None:
    with UnitOfWork(db) as uow:
        plan = create_plan(uow, ACTOR, family_id, title="Safe at home", made_at=made,
                           review_due=D(review_due))
        for _ in range(late_actions):
            add_action(uow, ACTOR, plan.id, **{**SMART, "by_when": D("2027-01-15")})
        add_action(uow, ACTOR, plan.id, **{**SMART, "by_when": D("2027-06-01")})  # not yet due
        if shared:
            share_plan(uow, ACTOR, plan.id, how="Copy left",
                       shared_at=made.replace(day=made.day + 1))
        uow.commit()


def _escalate(db: Database, family_id: str) -> None:
    with UnitOfWork(db) as uow:
        raise_escalation(uow, ACTOR, family_id, about="No further action", with_whom="MASH",
                         raised_at=datetime(2027, 2, 1, 9, tzinfo=GMT))
        uow.commit()


@pytest.mark.parametrize(("actions", "review_due", "shared", "escalated", "expected"), [
    (2, "2027-02-12", True, False, OverdueCount(plan_actions=2, plan_reviews=1)),
    (0, "2027-05-01", True, True, OverdueCount(escalation_stages=1)),
    (1, "2027-05-01", False, True,
     OverdueCount(plan_actions=1, plan_sharing=1, escalation_stages=1)),
    (0, "2027-02-17", True, False, None),  # a review due today is not late yet
])
def test_each_family_gets_its_breakdown_by_kind(
    db: Database, actions: int, review_due: str, shared: bool, escalated: bool,
    expected: OverdueCount | None,
) -> None:
    home: Household = add_household(db)
    quiet: Household = add_household(db)
    _plan(db, home.family_id, late_actions=actions, review_due=review_due, shared=shared)
    _plan(db, quiet.family_id, late_actions=0, review_due="2027-05-01", shared=True)
    if escalated:
        _escalate(db, home.family_id)
    with UnitOfWork(db) as uow:
        counts = overdue_by_family(uow, TODAY)
    assert counts.get(home.family_id) == expected
    assert quiet.family_id not in counts  # nothing late: left out


@pytest.mark.parametrize(("count", "total"), [
    (OverdueCount(), 0),
    (OverdueCount(plan_actions=2, plan_reviews=1), 3),
    (OverdueCount(1, 1, 1, 1), 4),
])
def test_total_adds_every_kind(count: OverdueCount, total: int) -> None:
    assert count.total == total
