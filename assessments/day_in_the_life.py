"""Day-in-the-life templates: age-banded prompts across the child's 24-hour cycle, weekends and
holidays, and the rule that picks a child's age band.

Owns the template structure (band → part of day → questions, each about one aspect of the
child's day) and `age_band_for`. The wording itself lives in `day_in_the_life_wording`; it is
our own, written fresh for this product (the published day-in-the-life manuals are copyrighted).
Pure: no storage, no Qt.

Age bands by completed years on the day of the entry: baby under 1; pre-school 1 to 4; school
age 5 to 12; adolescent 13 to 17. "Child with disabilities" is never chosen by age: the
practitioner picks it for a child of any age whose day is shaped by a disability.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from assessments.day_in_the_life_wording import BAND_GUIDANCE, GUIDANCE, WORDING
from assessments.themes import PartOfDay

__all__ = [
    "AGE_BAND_NAMES",
    "ASPECT_NAMES",
    "AgeBand",
    "Aspect",
    "AgeBandError",
    "Question",
    "Template",
    "TemplateSection",
    "age_band_for",
    "age_in_years",
    "all_templates",
    "template_for",
]


class AgeBand(StrEnum):
    BABY = "baby"
    PRE_SCHOOL = "pre_school"
    SCHOOL_AGE = "school_age"
    ADOLESCENT = "adolescent"
    CHILD_WITH_DISABILITIES = "child_with_disabilities"


AGE_BAND_NAMES: Mapping[AgeBand, str] = {
    AgeBand.BABY: "Baby (under 1 year)",
    AgeBand.PRE_SCHOOL: "Pre-school child (1 to 4 years)",
    AgeBand.SCHOOL_AGE: "School-age child (5 to 12 years)",
    AgeBand.ADOLESCENT: "Young person (13 to 17 years)",
    AgeBand.CHILD_WITH_DISABILITIES: "Child with disabilities (any age)",
}


class Aspect(StrEnum):
    """What a question is about. Every part of the day asks about all of them, in this order
    (the wording module's tuples follow it), so an entry covers the child's experience and its
    impact, not only what the adults did."""

    SEES_AND_HEARS = "sees_and_hears"
    FEELS = "feels"
    DOES = "does"
    WHO_CARES = "who_cares"
    IMPACT = "impact"


ASPECT_NAMES: Mapping[Aspect, str] = {
    Aspect.SEES_AND_HEARS: "What the child sees and hears",
    Aspect.FEELS: "How the child feels",
    Aspect.DOES: "What the child does",
    Aspect.WHO_CARES: "Who is caring",
    Aspect.IMPACT: "Impact on the child's day",
}


@dataclass(frozen=True)
class Question:
    """One prompt. `id` is stable ("baby.night.feels") so answers can be stored against it."""

    id: str
    aspect: Aspect
    text: str


@dataclass(frozen=True)
class TemplateSection:
    part_of_day: PartOfDay
    heading: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Template:
    band: AgeBand
    title: str
    guidance: tuple[str, ...]
    sections: tuple[TemplateSection, ...]

    def section(self, part_of_day: PartOfDay) -> TemplateSection:
        for section in self.sections:
            if section.part_of_day == part_of_day:
                return section
        raise KeyError(part_of_day)


class AgeBandError(ValueError):
    """The dates give no child age band (not yet born, or 18 or over). A caller bug or a wrong
    date of birth, not a practitioner's choice, so it is a plain ValueError."""


_ADULT_AGE = 18


def age_in_years(date_of_birth: date, on: date) -> int:
    """Completed years on `on`. Someone born on 29 February completes a year on 1 March in a
    common year (the usual UK reading: the anniversary has not arrived on 28 February)."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def age_band_for(date_of_birth: date, on: date) -> AgeBand:
    """The age band for a child on a day; never `CHILD_WITH_DISABILITIES` (a practitioner's
    choice, not an age). Raises `AgeBandError` before birth or from the 18th birthday."""
    if on < date_of_birth:
        raise AgeBandError("the date is before the child's date of birth")
    years = age_in_years(date_of_birth, on)
    if years >= _ADULT_AGE:
        raise AgeBandError("the person is 18 or over on that date")
    if years < 1:
        return AgeBand.BABY
    if years <= 4:
        return AgeBand.PRE_SCHOOL
    if years <= 12:
        return AgeBand.SCHOOL_AGE
    return AgeBand.ADOLESCENT


_SECTION_HEADINGS: Mapping[PartOfDay, str] = {
    PartOfDay.EARLY_MORNING: "Waking up",
    PartOfDay.MORNING: "Morning",
    PartOfDay.AFTERNOON: "Afternoon",
    PartOfDay.EVENING: "Evening and bedtime",
    PartOfDay.NIGHT: "Overnight",
    PartOfDay.WEEKEND: "Weekends",
    PartOfDay.HOLIDAY: "Holidays and special days",
}


def template_for(band: AgeBand) -> Template:
    """The template for a band: one section per part of the day, in the order of the day."""
    sections = []
    for part in PartOfDay:
        texts = WORDING[band][part]
        questions = tuple(
            Question(id=f"{band.value}.{part.value}.{aspect.value}", aspect=aspect, text=text)
            for aspect, text in zip(Aspect, texts, strict=True)
        )
        sections.append(TemplateSection(part, _SECTION_HEADINGS[part], questions))
    return Template(
        band=band,
        title=f"A day in the life: {AGE_BAND_NAMES[band]}",
        guidance=GUIDANCE + (BAND_GUIDANCE[band],),
        sections=tuple(sections),
    )


def all_templates() -> tuple[Template, ...]:
    return tuple(template_for(band) for band in AgeBand)
