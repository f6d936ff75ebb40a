"""The plan page of the parent report: which plan actions the plans feature hands the report,
and the rendered PDF (read back with pypdf) carrying "Our plan together" with the action."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.services.plans import add_action, create_plan, set_action_status
from app.services.plans_report import open_plan_actions
from app.services.reports import render_report
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from tests.unit.plans_helpers import (  # noqa: F401 (fixtures)
    ACTOR,
    SMART,
    Household,
    add_household,
    completed_gcp2,
    open_profile,
    plans_db,
    plans_home,
)


def _action(db: Database, home: Household, *, for_child: str | None, change: str,
            measure: str = SMART["measure"], status: str | None = None) -> None:
    with UnitOfWork(db) as uow:
        child = {"jay": home.jay, "mia": home.mia, None: None}[for_child]
        plan = create_plan(uow, ACTOR, home.family_id, title="Our plan", child_id=child)
        view = add_action(uow, ACTOR, plan.id, **(SMART | {"change_for_child": change,
                                                           "measure": measure}))
        if status is not None:
            set_action_status(uow, ACTOR, view.actions[-1].id, status)
        uow.commit()


@pytest.mark.parametrize(
    ("for_child", "measure", "status", "on_jays_page"),
    [
        ("jay", SMART["measure"], None, True),  # Jay's own plan, open and SMART
        (None, SMART["measure"], None, True),  # the whole family's plan
        ("mia", SMART["measure"], None, False),  # his sister's plan is hers
        ("jay", "", None, False),  # not measurable: flagged, not for the family's copy
        ("jay", SMART["measure"], "done", False),  # done: no longer part of the plan ahead
    ],
)
def test_which_actions_reach_the_childs_plan_page(
    db: Database, home: Household, for_child: str | None, measure: str, status: str | None,
    on_jays_page: bool,
) -> None:
    _action(db, home, for_child=for_child, change="Jay sleeps in his own bed", measure=measure,
            status=status)
    with UnitOfWork(db) as uow:
        shown = [a.change_for_child for a in open_plan_actions(uow, home.jay)]
    assert shown == (["Jay sleeps in his own bed"] if on_jays_page else [])


def _pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_parent_report_has_a_plan_page_with_the_action(db: Database, home: Household) -> None:
    assessment_id = completed_gcp2(db, home.jay)
    _action(db, home, for_child="jay", change="Jay eats breakfast before nursery every day")
    with UnitOfWork(db) as uow:
        report = render_report(uow, assessment_id, "parent", actor=ACTOR)
    pages = _pdf_text(report.pdf)
    plan_pages = [p for p in pages if "Our plan together" in p]
    assert len(plan_pages) == 1
    flat = " ".join(plan_pages[0].split())
    assert "Jay eats breakfast before nursery every day" in flat
    assert "Nursery records Jay arriving fed" in flat
    assert "Kerry (mother)" in flat


def test_without_a_plan_the_parent_report_has_no_plan_page(db: Database, home: Household) -> None:
    assessment_id = completed_gcp2(db, home.jay)
    with UnitOfWork(db) as uow:
        report = render_report(uow, assessment_id, "parent", actor=ACTOR)
    assert not any("Our plan together" in p for p in _pdf_text(report.pdf))
