"""An escalation raised from a front-door outcome the practitioner disagrees with: the outcome
is named as its source, and only an outcome answering a share of the same family will do."""

from __future__ import annotations

import pytest

from app.errors import UnknownRecord
from app.services.escalations import escalations_of_family, raise_escalation
from app.services.plans_views import RaisedFrom
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.outcome_helpers import add_front_door_outcome
from tests.unit.plans_helpers import (
    ACTOR,
    Household,
    add_household,
    plans_db,  # noqa: F401 (fixtures)
)


def test_raised_from_the_familys_outcome_keeps_it_as_the_source(db: Database) -> None:
    home: Household = add_household(db)
    with UnitOfWork(db) as uow:
        outcome_id = add_front_door_outcome(uow, ACTOR, home.family_id, child_id=home.jay)
        raise_escalation(uow, ACTOR, home.family_id, about="NFA despite neglect",
                         with_whom="Front door duty team", child_id=home.jay,
                         raised_from=RaisedFrom("outcome", outcome_id))
        uow.commit()
    with UnitOfWork(db) as uow:
        (escalation,) = escalations_of_family(uow, home.family_id)
    assert escalation.raised_from == RaisedFrom("outcome", outcome_id)
    assert escalation.current.stage == 1 and escalation.child_id == home.jay


@pytest.mark.parametrize("ref", ["O-other-family", "O-nowhere"])
def test_an_outcome_of_another_family_or_none_is_refused(db: Database, ref: str) -> None:
    home, other = add_household(db), add_household(db)
    with UnitOfWork(db) as uow:
        add_front_door_outcome(uow, ACTOR, other.family_id, outcome_id="O-other-family")
        with pytest.raises(UnknownRecord, match="for this family"):
            raise_escalation(uow, ACTOR, home.family_id, about="x", with_whom="y",
                             raised_from=RaisedFrom("outcome", ref))
