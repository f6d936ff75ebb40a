"""The parent report read back from its PDF with pypdf: this child's names, every sub-area with
its grade, targets and dates, the review date and the signature space are there; the
practitioner-only notes, content-pack wording and item ids, and the brother's record are not."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pypdf
import pytest

from app.reports import PlanAction
from app.services import reports
from app.services.reports import render_report
from app.services.unit_of_work import UnitOfWork
from assessments import gcp2
from tests.unit.gcp2_helpers import ACTOR, MARKER, SAMPLE_PACK
from tests.unit.test_report_data import (
    AGENCY_EVENT,
    GRADES,
    LIVED_TEXT,
    PACK_ITEM,
    PRIVATE,
    SIBLING_EVIDENCE,
    SIBLING_PRIVATE,
    ReportCase,
    evidence,
    shared_case,
)

__all__ = ["shared_case"]  # the fixture


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with whitespace normalised (line wraps become single spaces)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def parent_pdf(case: ReportCase, assessment_id: str | None = None) -> bytes:
    with UnitOfWork(case.db) as uow:
        return render_report(uow, assessment_id or case.regrade_id, "parent", actor=ACTOR).pdf


def pack_wording() -> list[str]:
    """Every piece of licensed text in the sample pack (items and descriptors)."""
    document = json.loads(SAMPLE_PACK.read_text(encoding="utf-8"))
    found = []
    for sub in document["sub_areas"].values():
        for item in sub["items"]:
            found.append(item["text"])
            found += list(item.get("descriptors", {}).values())
    return found


@pytest.fixture(scope="module")
def text(shared_case: ReportCase) -> str:
    return " ".join(page_texts(parent_pdf(shared_case)))


def test_every_sub_area_is_there_with_its_grade(text: str) -> None:
    for sub, grade in zip(gcp2.SUB_AREAS, GRADES, strict=True):
        assert f"{sub.name}: grade {grade}" in text
    for area in gcp2.AREAS:
        assert f"{area.letter} {area.name}" in text


def test_what_was_seen_and_what_it_means(text: str) -> None:
    assert " ".join(evidence("safety.in_presence").split()) in text
    assert "Your child does not get the main things they need." in text  # grade 5's meaning
    assert "Kerry reads to Mia every night." in text  # strengths, first
    assert text.index("What is going well") < text.index("What we saw, and what it means")


@pytest.mark.parametrize("expected", [
    "In absence of carer: from grade 5 now to grade 3 or better.",
    "Hygiene: from grade 4 now to grade 2 or better.",
    "15 January 2027", "26 February 2027",
    "We will look at the grades again with you by 15 January 2027.",
    f"You, with help from {ACTOR}.",
    "I have seen the grades", "Signing does not mean that I agree with the grades.",
    "Date of birth 1 February 2025", "Finished on 21 October 2026",
    "Dana Lee", "01952 000 000", "The flat was cold because the boiler broke.",
])
def test_targets_dates_signature_and_contacts(text: str, expected: str) -> None:
    assert expected in text


@pytest.mark.parametrize("absent", [
    PRIVATE, "PRIVATE-OTTER-NOTE", MARKER, "moon-biscuit", PACK_ITEM, "zephyr-sample",
    "Jay", SIBLING_EVIDENCE, SIBLING_PRIVATE, "JAY-LIVED-ENTRY", LIVED_TEXT, AGENCY_EVENT,
])
def test_what_parents_must_never_see_is_absent(text: str, absent: str) -> None:
    assert absent not in text


def test_no_pack_wording_at_all(text: str) -> None:
    wordings = pack_wording()
    assert len(wordings) > 20
    for wording in wordings:
        assert " ".join(wording.split()) not in text
        thing = re.search(r"(?:item: |for )(the [^(.]+)", wording)  # "the moon-biscuit tin"
        assert thing is not None and thing.group(1).strip() not in text


def test_a_draft_says_it_is_not_finished(shared_case: ReportCase) -> None:
    text = " ".join(page_texts(parent_pdf(shared_case, shared_case.jay_assessment_id)))
    assert "Not finished yet" in text and "The grades may still change." in text
    assert "Clothing: grade 2" in text and "Nutrition: grade" not in text
    assert "We have not given a grade for this part yet." in text
    assert SIBLING_EVIDENCE in text and SIBLING_PRIVATE not in text
    assert "Mia" not in text  # Jay's report names only Jay
    assert "We have not picked any parts of care to work on yet." in text


def test_a_plan_gets_its_own_page(
    shared_case: ReportCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = (PlanAction("Mia has breakfast before nursery", "Kerry", date(2026, 12, 1),
                          "Nursery sees Mia fed on 4 of 5 days"),
               PlanAction("Fix the boiler", "Telford Homes", None, "The flat is warm"))
    monkeypatch.setattr(reports, "_PLAN_SOURCES", [lambda uow, record: actions])
    pages = page_texts(parent_pdf(shared_case))
    plan_pages = [p for p in pages if "Our plan together" in p]
    assert len(plan_pages) == 1
    plan = plan_pages[0]
    assert plan.index("Our plan together") < 200  # it starts the page, after the marks
    for expected in ("Mia has breakfast before nursery", "Kerry", "1 December 2026",
                     "Nursery sees Mia fed on 4 of 5 days", "Fix the boiler", "Not set yet"):
        assert expected in plan
    assert re.search(r"How we will know", plan)
