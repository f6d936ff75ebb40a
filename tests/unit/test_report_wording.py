"""The parent report's own wording stays plain: Flesch reading ease of 60 or more, for the
whole template and for every sentence of it a parent reads as a paragraph."""

from __future__ import annotations

import pytest

from app.reports import wording
from assessments.readability import flesch_reading_ease

PARAGRAPHS = sorted(
    name for name, value in vars(wording).items()
    if name.isupper() and isinstance(value, str) and len(value.split()) >= 8
)


def test_the_whole_template_reads_easily() -> None:
    assert flesch_reading_ease(wording.all_text()) >= 60


def test_there_are_paragraphs_to_check() -> None:
    assert {"HOW_TO_READ", "CHART_NOTE", "CHANGES_INTRO", "SIGN_TEXT"} <= set(PARAGRAPHS)


@pytest.mark.parametrize("name", PARAGRAPHS)
def test_each_paragraph_reads_easily(name: str) -> None:
    assert flesch_reading_ease(getattr(wording, name)) >= 60


@pytest.mark.parametrize(("made", "expected"), [
    (wording.change_what("Hygiene", 4, 2), "Hygiene: from grade 4 now to grade 2 or better."),
    (wording.change_who("Priya Shah"), "You, with help from Priya Shah."),
    (wording.change_who(""), "You, with our help."),
    (wording.sub_area_heading("Health", None), "Health"),
    (wording.sub_area_heading("Health", 3), "Health: grade 3"),
])
def test_filled_in_sentences(made: str, expected: str) -> None:
    assert made == expected


def test_the_scores_of_filled_in_sentences_stay_easy() -> None:
    filled = " ".join([wording.change_what("In presence of carer", 4, 2),
                       wording.review_by("15 January 2027"), wording.area_grade(3)])
    assert flesch_reading_ease(filled) >= 60
