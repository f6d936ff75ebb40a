"""Day-in-the-life templates (every band × part of day) and the age-band rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessments.day_in_the_life import (
    AGE_BAND_NAMES,
    AgeBand,
    AgeBandError,
    Aspect,
    Template,
    age_band_for,
    all_templates,
    template_for,
)
from assessments.themes import PartOfDay

BORN = date(2024, 5, 10)


@pytest.mark.parametrize(
    ("on", "band"),
    [
        (BORN, AgeBand.BABY),
        (date(2025, 5, 9), AgeBand.BABY),  # the day before the first birthday
        (date(2025, 5, 10), AgeBand.PRE_SCHOOL),
        (date(2029, 5, 9), AgeBand.PRE_SCHOOL),  # still 4
        (date(2029, 5, 10), AgeBand.SCHOOL_AGE),
        (date(2037, 5, 9), AgeBand.SCHOOL_AGE),  # still 12
        (date(2037, 5, 10), AgeBand.ADOLESCENT),
        (date(2042, 5, 9), AgeBand.ADOLESCENT),  # the last day before 18
    ],
)
def test_age_band_by_completed_years(on: date, band: AgeBand) -> None:
    assert age_band_for(BORN, on) is band


@pytest.mark.parametrize(
    ("on", "band"),
    [
        (date(2025, 2, 28), AgeBand.BABY),  # a leap-day baby is not yet 1 on 28 February
        (date(2025, 3, 1), AgeBand.PRE_SCHOOL),
        (date(2029, 2, 28), AgeBand.PRE_SCHOOL),
        (date(2029, 3, 1), AgeBand.SCHOOL_AGE),
        (date(2028, 2, 29), AgeBand.PRE_SCHOOL),  # 4 on the leap day itself
    ],
)
def test_a_child_born_on_29_february_has_birthdays_on_1_march_in_common_years(
    on: date, band: AgeBand
) -> None:
    assert age_band_for(date(2024, 2, 29), on) is band


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (BORN - timedelta(days=1), "before the child's date of birth"),
        (date(2042, 5, 10), "18 or over"),
        (date(2060, 1, 1), "18 or over"),
    ],
)
def test_no_band_before_birth_or_from_18(on: date, message: str) -> None:
    with pytest.raises(AgeBandError, match=message):
        age_band_for(BORN, on)


def test_child_with_disabilities_is_never_chosen_by_age() -> None:
    bands = {age_band_for(BORN, BORN + timedelta(days=d)) for d in range(0, 18 * 365, 7)}
    assert bands == {AgeBand.BABY, AgeBand.PRE_SCHOOL, AgeBand.SCHOOL_AGE, AgeBand.ADOLESCENT}


@pytest.mark.parametrize("band", list(AgeBand))
def test_each_template_covers_every_part_of_day_and_every_aspect(band: AgeBand) -> None:
    template = template_for(band)
    assert template.band is band
    assert AGE_BAND_NAMES[band] in template.title
    assert [s.part_of_day for s in template.sections] == list(PartOfDay)
    for section in template.sections:
        assert section.heading
        assert [q.aspect for q in section.questions] == list(Aspect)
        assert template.section(section.part_of_day) is section


def _questions(template: Template) -> list[tuple[str, str, Aspect]]:
    return [(q.id, q.text, q.aspect) for s in template.sections for q in s.questions]


@pytest.mark.parametrize("band", list(AgeBand))
def test_prompts_are_short_real_questions(band: AgeBand) -> None:
    for question_id, text, _ in _questions(template_for(band)):
        assert text.strip() == text and text, question_id
        assert "?" in text, question_id  # it asks something (a reminder may follow)
        assert 20 <= len(text) <= 115, question_id


def test_no_prompt_or_guidance_uses_the_toxic_trio_label() -> None:
    for template in all_templates():
        texts = [t for _, t, _ in _questions(template)] + list(template.guidance) + [template.title]
        assert all("toxic" not in t.lower() and "trio" not in t.lower() for t in texts)


@pytest.mark.parametrize("band", list(AgeBand))
def test_impact_prompts_ask_about_strengths_not_only_deficits(band: AgeBand) -> None:
    positive = ("well", "help", "strength", "good", "working", "enjoy", "build")
    for question_id, text, aspect in _questions(template_for(band)):
        if aspect is Aspect.IMPACT:
            assert any(word in text.lower() for word in positive), question_id


def test_question_ids_are_unique_and_name_band_part_and_aspect() -> None:
    ids = [qid for t in all_templates() for qid, _, _ in _questions(t)]
    assert len(ids) == len(set(ids)) == len(AgeBand) * len(PartOfDay) * len(Aspect)
    assert "baby.night.feels" in ids
    assert "child_with_disabilities.holiday.impact" in ids


def test_bands_have_their_own_wording() -> None:
    templates = all_templates()
    for part in PartOfDay:
        sections = [tuple(q.text for q in t.section(part).questions) for t in templates]
        assert len(set(sections)) == len(templates), part
    all_texts = [text for t in templates for _, text, _ in _questions(t)]
    assert len(set(all_texts)) == len(all_texts)  # no prompt copied from another band


def test_guidance_asks_for_sources_the_childs_own_words_and_strengths() -> None:
    for template in all_templates():
        joined = " ".join(template.guidance).lower()
        assert "own words" in joined
        assert "quotation marks" in joined
        assert "another agency" in joined
        assert "goes well" in joined
        assert len(template.guidance) == len(set(template.guidance)) >= 5


def test_age_appropriate_details_reach_the_right_band() -> None:
    # A few anchors that show each band is written for its children, not renamed.
    baby = " ".join(t for _, t, _ in _questions(template_for(AgeBand.BABY)))
    adolescent = " ".join(t for _, t, _ in _questions(template_for(AgeBand.ADOLESCENT)))
    disabled = " ".join(
        t for _, t, _ in _questions(template_for(AgeBand.CHILD_WITH_DISABILITIES))
    )
    assert "on their back" in baby and "feed" in baby
    assert "online" in adolescent and "school or college" in adolescent
    assert "communicating" in " ".join(template_for(AgeBand.CHILD_WITH_DISABILITIES).guidance)
    assert "equipment" in disabled and "medicines" in disabled
