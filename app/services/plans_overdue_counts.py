"""What the caseload's "Overdue" column shows per family: how many plan actions, plan reviews,
plans not yet shared with the family and escalation stage responses are late, kind by kind.

Built on `plans_overdue.overdue_items` (the same few queries for the whole caseload, no query
per family), so the caseload and the family view never disagree about what is late. Kept apart
from `plans_overdue` because only the caseload needs the breakdown (its tooltip says "plan
actions: 2; plan reviews: 1" rather than a bare 3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.services.plans_overdue import overdue_items
from app.services.unit_of_work import UnitOfWork

__all__ = ["OverdueCount", "overdue_by_family"]


@dataclass(frozen=True)
class OverdueCount:
    """One family's late things by kind (the kinds of `plans_views.OverdueItem`)."""

    plan_actions: int = 0
    plan_reviews: int = 0
    plan_sharing: int = 0
    escalation_stages: int = 0

    @property
    def total(self) -> int:
        return self.plan_actions + self.plan_reviews + self.plan_sharing + self.escalation_stages


# OverdueItem.kind -> the OverdueCount field it adds to.
_FIELD = {
    "plan_action": "plan_actions",
    "plan_review": "plan_reviews",
    "plan_sharing": "plan_sharing",
    "escalation_stage": "escalation_stages",
}


def overdue_by_family(uow: UnitOfWork, today: date) -> dict[str, OverdueCount]:
    """Late things per family id on `today`, by kind; families with nothing late are left out."""
    counts: dict[str, OverdueCount] = {}
    for item in overdue_items(uow, today):
        field = _FIELD[item.kind]
        known = counts.get(item.family_id, OverdueCount())
        counts[item.family_id] = replace(known, **{field: getattr(known, field) + 1})
    return counts
