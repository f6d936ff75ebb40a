"""Every page of both reports carries the marking, the child's name and date of birth, the
record fingerprint and a right "Page x of y" (checked on long reports); the fingerprint follows
the record version; the chart's grades stay apart in greyscale."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.reports import record_fingerprint, short_fingerprint
from app.reports.chart import GRADE_FILLS, WHITE_NUMBER_GRADES, grey_level
from app.services import assessments as gcp2_service
from app.services.assessment_store import record_of
from app.services.lived_experience import record_entry
from app.services.reports import render_report
from app.services.unit_of_work import UnitOfWork
from app.storage.models_gcp2 import Gcp2Assessment
from tests.unit.gcp2_helpers import ACTOR, STARTED
from tests.unit.test_report_data import ReportCase, case
from tests.unit.test_report_parent import page_texts

__all__ = ["case"]  # the fixture


def _render(case: ReportCase, kind: str) -> tuple[list[str], str]:
    with UnitOfWork(case.db) as uow:
        made = render_report(uow, case.regrade_id, kind, actor=ACTOR)
    pages = page_texts(made.pdf)
    assert made.pages == len(pages)
    return pages, made.fingerprint


@pytest.mark.parametrize("kind", ["parent", "practitioner"])
def test_every_page_is_marked_and_numbered(case: ReportCase, kind: str) -> None:
    with UnitOfWork(case.db) as uow:  # a long lived-experience table: many pages
        for n in range(120):
            record_entry(uow, ACTOR, case.mia, occurred_at=STARTED - timedelta(hours=n),
                         part_of_day="evening", text=f"Entry {n}: tea was late again",
                         source="carer")
        uow.commit()
    pages, fingerprint = _render(case, kind)
    assert len(pages) >= (7 if kind == "parent" else 5)
    for number, page in enumerate(pages, start=1):
        assert re.findall(r"Page (\d+) of (\d+)", page) == [(str(number), str(len(pages)))]
        assert page.count("OFFICIAL-SENSITIVE") == 2  # top and bottom
        assert "Mia" in page and "Date of birth 1 February 2025" in page
        assert f"Record fingerprint {short_fingerprint(fingerprint)}" in page


def test_the_fingerprint_follows_the_record_version(case: ReportCase) -> None:
    first = _render(case, "parent")[1]
    assert _render(case, "parent")[1] == first  # stable: same record, same fingerprint
    with UnitOfWork(case.db) as uow:
        gcp2_service.get_assessment(uow, case.regrade_id, actor=ACTOR)  # a view is no change
        uow.commit()
    assert _render(case, "practitioner")[1] == first
    with UnitOfWork(case.db) as uow:
        gcp2_service.add_addendum(uow, ACTOR, case.regrade_id, reason="Typo",
                                  text="Evidence for housing was about the old flat.")
        uow.commit()
        row = uow.session.get(Gcp2Assessment, case.regrade_id)
        assert row is not None
        record = record_of(uow.session, row)
    changed_pages, changed = _render(case, "parent")
    assert changed != first and changed == record_fingerprint(record)
    assert short_fingerprint(changed) in changed_pages[0]
    assert _render(case, "practitioner")[1] == changed


def test_two_assessments_of_one_child_have_different_fingerprints(case: ReportCase) -> None:
    with UnitOfWork(case.db) as uow:
        rows = [uow.session.get(Gcp2Assessment, i) for i in (case.baseline_id, case.regrade_id)]
        prints = {record_fingerprint(record_of(uow.session, r)) for r in rows if r is not None}
    assert len(prints) == 2 and all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints)


def test_short_fingerprint_is_four_groups_of_four() -> None:
    assert short_fingerprint("0123456789abcdef" * 4) == "0123 4567 89ab cdef"


def test_grades_are_five_distinct_greys_lightest_first() -> None:
    levels = [grey_level(colour) for colour in GRADE_FILLS]
    assert all(a - b >= 0.1 for a, b in zip(levels, levels[1:], strict=False))
    # Black numbers on light fills, white on the darkest: both well apart from their fill.
    for grade, level in enumerate(levels, start=1):
        ink = 1.0 if grade in WHITE_NUMBER_GRADES else 0.0
        assert abs(ink - level) >= 0.45
