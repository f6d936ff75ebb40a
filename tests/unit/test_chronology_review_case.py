"""SCENARIOS.md 7 through the services: the review's case, recorded by five agencies over five
years, gives a date-ordered chronology and the prompts the default rules promise, citing the
records; a prompt dismissed with a reason is hidden and the dismissal is in the audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UnknownRecord, UsageError
from app.services.chronology import (
    add_agency_entry,
    dismiss_prompt,
    family_chronology,
    recurring_prompts,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models import AuditEvent
from app.storage.models_lived import PromptDismissal
from tests.unit.lived_helpers import ACTOR, Household, make_household, open_db

UTC = timezone.utc
DA, MH, SU = "domestic_abuse", "parental_mental_health", "parental_substance_use"
HOME, SCHOOL = "home_conditions", "school_attendance"

# (key, date, agency, event, themes, about the older child?) entered in a muddled order, as a
# chronology gathered from five agencies would be.
REVIEW_CASE = [
    ("school-2024", "2024-05-15", "Primary school", "Smell of cannabis; attendance 81%",
     [SU, SCHOOL], True),
    ("hv-2019", "2019-03-14", "Health visiting", "Home cluttered, no safe sleep space", [HOME], False),
    ("police-2022", "2022-09-20", "West Mercia Police", "Domestic incident, child present", [DA], False),
    ("hv-2024", "2024-02-06", "Health visiting", "Home conditions poor again", [HOME], False),
    ("gp-2023", "2023-07-11", "GP surgery", "Mother's depression, medication started", [MH], False),
    ("hv-2021", "2021-06-02", "Health visiting", "Dog mess on floor, cold house", [HOME], False),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from open_db(tmp_path)


@pytest.fixture
def case(db: Database) -> tuple[Household, dict[str, str]]:
    home = make_household(db)
    ids: dict[str, str] = {}
    with UnitOfWork(db) as uow:
        for key, day, agency, event, themes, about_child in REVIEW_CASE:
            row = add_agency_entry(
                uow, ACTOR, home.family_id, source=agency, event=event, themes=themes,
                occurred_at=datetime.fromisoformat(day).replace(tzinfo=UTC),
                child_id=home.child_id if about_child else None,
            )
            ids[key] = row.record_id
        uow.commit()
    return home, ids


def test_the_chronology_lists_the_agencies_records_in_date_order(
    db: Database, case: tuple[Household, dict[str, str]]
) -> None:
    home, ids = case
    with UnitOfWork(db) as uow:
        rows = family_chronology(uow, home.family_id)
    assert [r.record_id for r in rows] == [
        ids[k] for k in ("hv-2019", "hv-2021", "police-2022", "gp-2023", "hv-2024", "school-2024")
    ]
    assert [r.date.year for r in rows] == [2019, 2021, 2022, 2023, 2024, 2024]
    assert rows[-1].child == "Jay" and rows[-1].themes == (SU, SCHOOL)


def test_the_default_rules_raise_their_prompts_citing_the_records(
    db: Database, case: tuple[Household, dict[str, str]]
) -> None:
    home, ids = case
    with UnitOfWork(db) as uow:
        prompts = recurring_prompts(uow, home.family_id)
        sibling = recurring_prompts(uow, home.family_id, home.sibling_id)
    assert [(p.rule_id, p.themes, [r.record_id for r in p.cited]) for p in prompts] == [
        ("cumulative_harm_factors", (DA, MH, SU),
         [ids["police-2022"], ids["gp-2023"], ids["school-2024"]]),
        ("long_running_theme", (HOME,), [ids["hv-2019"], ids["hv-2021"], ids["hv-2024"]]),
    ]
    assert prompts[0].sources == ("West Mercia Police", "GP surgery", "Primary school")
    assert all(p.suggestion == "Consider a strategy meeting" for p in prompts)
    # The school's report is about Jay, so Mo's view has two factors, not three.
    assert sibling[0].themes == (DA, MH)


def test_prompts_over_a_chronology_the_caller_already_read_are_the_same(
    db: Database, case: tuple[Household, dict[str, str]]
) -> None:
    home, _ = case
    with UnitOfWork(db) as uow:
        rows = family_chronology(uow, home.family_id)
        given = recurring_prompts(uow, home.family_id, whole_chronology=rows)
        built = recurring_prompts(uow, home.family_id)
        none = recurring_prompts(uow, home.family_id, whole_chronology=[])
    assert given == built and len(given) == 2
    assert none == []  # the rows given are what the rules see


def test_a_dismissed_prompt_is_hidden_and_its_reason_audited(
    db: Database, case: tuple[Household, dict[str, str]]
) -> None:
    home, _ = case
    with UnitOfWork(db) as uow:
        harm, long_running = recurring_prompts(uow, home.family_id)
        dismiss_prompt(uow, ACTOR, long_running.key, home.family_id,
                       reason="Strategy meeting already held on 3 June")
        uow.commit()
    with UnitOfWork(db) as uow:
        left = recurring_prompts(uow, home.family_id)
        reason = uow.session.scalar(select(PromptDismissal.reason))
        event = uow.session.execute(
            select(AuditEvent.record_id, AuditEvent.actor, AuditEvent.detail)
            .where(AuditEvent.record_kind == "recurring_prompt")
        ).one()
    assert [p.key for p in left] == [harm.key]
    assert reason == "Strategy meeting already held on 3 June"
    detail = json.loads(event.detail)
    assert (event.record_id, event.actor, detail["rule_id"], detail["dismissed"]) == (
        long_running.key, ACTOR, "long_running_theme", True)
    assert "Strategy" not in event.detail  # the reason itself stays out of the audit log


def test_new_evidence_raises_the_prompt_again(
    db: Database, case: tuple[Household, dict[str, str]]
) -> None:
    home, _ = case
    with UnitOfWork(db) as uow:
        harm = recurring_prompts(uow, home.family_id)[0]
        dismiss_prompt(uow, ACTOR, harm.key, home.family_id, reason="Discussed with manager")
        add_agency_entry(uow, ACTOR, home.family_id, source="Police", event="Second incident",
                         occurred_at=datetime(2024, 8, 1, tzinfo=UTC), themes=[DA])
        again = recurring_prompts(uow, home.family_id)
    assert again[0].rule_id == "cumulative_harm_factors" and again[0].key != harm.key


@pytest.mark.parametrize(("key", "reason", "error"), [
    (None, "  ", UsageError),
    ("0" * 32, "no such prompt", UnknownRecord),
])
def test_a_dismissal_needs_a_reason_and_a_raised_prompt(
    db: Database, case: tuple[Household, dict[str, str]], key: str | None, reason: str,
    error: type[Exception],
) -> None:
    home, _ = case
    with UnitOfWork(db) as uow:
        real = recurring_prompts(uow, home.family_id)[0].key
        with pytest.raises(error):
            dismiss_prompt(uow, ACTOR, key or real, home.family_id, reason=reason)
