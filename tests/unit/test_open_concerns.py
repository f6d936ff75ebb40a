"""The caseload's open concerns: per family, exactly as many as the family's own prompts list
(`recurring_prompts`), less dismissals, worked out in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from app.services.chronology import add_agency_entry, dismiss_prompt, recurring_prompts
from app.services.families import add_child, create_family
from app.services.lived_experience import record_entry
from app.services.open_concerns import open_concerns
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models import Family
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db
from tests.unit.test_chronology_review_case import REVIEW_CASE

UTC = timezone.utc
BST = timezone(timedelta(hours=1))
DA, SU, HOME = "domestic_abuse", "parental_substance_use", "home_conditions"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from open_db(tmp_path)


def review_case(uow: UnitOfWork, home: Household) -> None:
    for _key, day, agency, text, themes, about_child in REVIEW_CASE:
        add_agency_entry(
            uow, ACTOR, home.family_id, source=agency, event=text, themes=themes,
            occurred_at=datetime.fromisoformat(day).replace(tzinfo=UTC),
            child_id=home.child_id if about_child else None,
        )


def scenario_two(uow: UnitOfWork, home: Household) -> None:
    """SCENARIOS.md 2: what Jayden's carers and the police said, in lived-experience entries."""
    for day, source, themes in (("2026-04-02", "carer", [DA, SU]), ("2026-08-15", "child", [DA]),
                                ("2026-11-20", "observed", [DA, SU])):
        record_entry(
            uow, ACTOR, home.other_child_id, part_of_day="evening", text="Shouting at night",
            source=source, themes=themes,
            occurred_at=datetime.fromisoformat(day).replace(hour=19, tzinfo=BST),
        )
    add_agency_entry(uow, ACTOR, home.other_family_id, source="Police", event="Call-out",
                     themes=[DA], occurred_at=datetime(2026, 6, 1, 23, tzinfo=BST))


def counted(db: Database) -> tuple[dict[str, int], dict[str, int]]:
    """The caseload's counts, and each family's prompts as the family page lists them."""
    with UnitOfWork(db) as uow:
        counts = open_concerns(uow)
        listed = {f: len(recurring_prompts(uow, f)) for f in uow.session.scalars(select(Family.id))}
    return counts, {f: n for f, n in listed.items() if n}


def test_counts_agree_with_each_familys_prompts_before_and_after_a_dismissal(
    db: Database,
) -> None:
    home = make_household(db)
    with UnitOfWork(db) as uow:
        review_case(uow, home)
        scenario_two(uow, home)
        quiet = create_family(uow, ACTOR, name="Quiet", address="3 Road")
        child = add_child(uow, ACTOR, quiet.id, name="Ivy",
                          date_of_birth=datetime(2024, 1, 1).date())
        record_entry(uow, ACTOR, child.id, part_of_day="morning", text="Happy", source="observed",
                     themes=[HOME], occurred_at=datetime(2026, 1, 1, 9, tzinfo=UTC))
        uow.commit()
    counts, listed = counted(db)
    assert counts == listed
    assert counts[home.family_id] == 2 and counts[home.other_family_id] >= 1
    assert quiet.id not in counts  # one themed entry raises nothing
    with UnitOfWork(db) as uow:
        first = recurring_prompts(uow, home.family_id)[0]
        dismiss_prompt(uow, ACTOR, first.key, home.family_id, reason="Discussed with the lead")
        uow.commit()
    counts, listed = counted(db)
    assert counts == listed and counts[home.family_id] == 1


def test_the_number_of_queries_does_not_grow_with_the_caseload(db: Database) -> None:
    homes = [make_household(db) for _ in range(6)]
    with UnitOfWork(db) as uow:
        for home in homes:
            review_case(uow, home)
        uow.commit()
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with UnitOfWork(db) as uow:
            counts = open_concerns(uow)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert [counts[h.family_id] for h in homes] == [2] * 6
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3
