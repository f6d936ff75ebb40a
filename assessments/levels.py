"""Levels of need: the organisation's threshold document as configuration, and the suggestion.

Owns `Level`, the optional table from GCP2 grades and cumulative harm factors to a suggested
level (`SuggestionRow`), reading both from configuration (mistakes raise `ThemeConfigError`
with the JSON path, like the theme settings), and `suggest_level`, which says which level the
table suggests and why, in words a practitioner can check against the threshold document.

Every partnership publishes its own document and Telford's is being refreshed, so the names,
descriptions and responses are configuration; the defaults are the usual 4-level model. No
default table is shipped: how grades map to levels is local, and a made-up mapping would look
authoritative. The table suggests; the practitioner decides, and the decision records both.
When several rows match, the highest level wins (rows cannot under-suggest by their order).
Pure: no storage, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessments import gcp2
from assessments.theme_config_checks import (
    ThemeConfigError,
    check_id,
    check_keys,
    optional_int,
    optional_text,
    required_list,
    required_mapping,
    required_text,
)

__all__ = [
    "Level",
    "LevelInputs",
    "LevelSuggestion",
    "LevelsOfNeed",
    "SuggestionRow",
    "default_levels",
    "levels_from_config",
    "suggest_level",
]

_NAME_MAX = 60
_TEXT_MAX = 600
_BECAUSE_MAX = 200
_DOCUMENT_MAX = 200


@dataclass(frozen=True)
class Level:
    """One level; `number` is its place in the document, 1 = lowest need."""

    id: str
    number: int
    name: str
    description: str = ""
    response: str = ""  # the suggested response at this level, as the document words it

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


@dataclass(frozen=True)
class SuggestionRow:
    """One row of the table: every condition given must hold. A grade condition counts the
    areas (or sub-areas) graded at that grade or worse (5 is worst)."""

    level: str
    area_grade_at_least: int | None = None
    areas: int = 1
    sub_area_grade_at_least: int | None = None
    sub_areas: int = 1
    harm_factors_at_least: int | None = None
    because: str = ""


@dataclass(frozen=True)
class LevelsOfNeed:
    levels: tuple[Level, ...]
    suggestions: tuple[SuggestionRow, ...] = ()
    threshold_document: str = ""  # name and version, recorded with every decision
    harm_factor_window_months: int = 12

    def get(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def __contains__(self, level_id: object) -> bool:
        return any(level.id == level_id for level in self.levels)


DEFAULT_LEVELS: tuple[Level, ...] = (
    Level("universal", 1, "Universal",
          "Needs met by the family and universal services (GP, school, health visitor).",
          "No referral; universal services continue."),
    Level("early_help", 2, "Early help",
          "Additional needs that extra single-agency support can meet.",
          "Early help assessment, often by one agency."),
    Level("targeted", 3, "Targeted",
          "Several needs that call for co-ordinated multi-agency support with a lead "
          "professional.",
          "Early help assessment with a SMART plan and a team around the family."),
    Level("specialist", 4, "Specialist",
          "Child in need (section 17) or child protection (section 47); acute needs.",
          "Referral to children's social care (Family Connect)."),
)


def default_levels() -> LevelsOfNeed:
    return LevelsOfNeed(DEFAULT_LEVELS)


def levels_from_config(config: object, path: str = "$.levels") -> LevelsOfNeed:
    """From `{"threshold_document": "...", "levels": [{"id", "name", "description",
    "response"}], "suggestions": [{"level", "area_grade_at_least", "areas",
    "sub_area_grade_at_least", "sub_areas", "harm_factors_at_least", "because"}],
    "harm_factor_window_months": 12}`. `levels` replaces the defaults when given (2 to 10,
    lowest need first); `suggestions` is optional."""
    section = required_mapping(config, path)
    check_keys(section, path, allowed={
        "threshold_document", "levels", "suggestions", "harm_factor_window_months"})
    levels = DEFAULT_LEVELS
    if "levels" in section:
        levels = _levels(required_list(section["levels"], f"{path}.levels"), f"{path}.levels")
    ids = {level.id for level in levels}
    rows: tuple[SuggestionRow, ...] = ()
    if "suggestions" in section:
        entries = required_list(section["suggestions"], f"{path}.suggestions")
        rows = tuple(_row(e, f"{path}.suggestions[{i}]", ids) for i, e in enumerate(entries))
    return LevelsOfNeed(
        levels=levels,
        suggestions=rows,
        threshold_document=optional_text(
            section, "threshold_document", path, default="", max_length=_DOCUMENT_MAX),
        harm_factor_window_months=optional_int(
            section, "harm_factor_window_months", path, 12, 1, 120),
    )


def _levels(entries: list[object], path: str) -> tuple[Level, ...]:
    if not 2 <= len(entries) <= 10:
        raise ThemeConfigError(path, "must list from 2 to 10 levels, lowest need first")
    levels: list[Level] = []
    seen_ids: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for index, entry in enumerate(entries):
        here = f"{path}[{index}]"
        item = required_mapping(entry, here)
        check_keys(item, here, allowed={"id", "name", "description", "response"},
                   required={"id", "name"})
        level_id = check_id(item["id"], f"{here}.id")
        if level_id in seen_ids:
            raise ThemeConfigError(f"{here}.id", f"the id {level_id!r} is already used by {seen_ids[level_id]}")
        name = required_text(item["name"], f"{here}.name", max_length=_NAME_MAX)
        if name.casefold() in seen_names:
            raise ThemeConfigError(
                f"{here}.name", f"the name {name!r} is already used by {seen_names[name.casefold()]}")
        seen_ids[level_id] = here
        seen_names[name.casefold()] = here
        levels.append(Level(
            id=level_id, number=index + 1, name=name,
            description=optional_text(item, "description", here, default="", max_length=_TEXT_MAX),
            response=optional_text(item, "response", here, default="", max_length=_TEXT_MAX),
        ))
    return tuple(levels)


def _row(entry: object, here: str, level_ids: set[str]) -> SuggestionRow:
    item = required_mapping(entry, here)
    check_keys(item, here, allowed={
        "level", "area_grade_at_least", "areas", "sub_area_grade_at_least", "sub_areas",
        "harm_factors_at_least", "because"}, required={"level"})
    level = item["level"]
    if not isinstance(level, str) or level not in level_ids:
        raise ThemeConfigError(f"{here}.level", "must be the id of one of the levels")
    conditions = ("area_grade_at_least", "sub_area_grade_at_least", "harm_factors_at_least")
    if not any(key in item for key in conditions):
        raise ThemeConfigError(here, "needs at least one condition: " + ", ".join(conditions))
    for count, grade in (("areas", "area_grade_at_least"), ("sub_areas", "sub_area_grade_at_least")):
        if count in item and grade not in item:
            raise ThemeConfigError(f"{here}.{count}", f"is used only together with {grade}")
    area_grade = optional_int(item, "area_grade_at_least", here, 0, 1, 5)
    sub_area_grade = optional_int(item, "sub_area_grade_at_least", here, 0, 1, 5)
    factors = optional_int(item, "harm_factors_at_least", here, 0, 1, 20)
    return SuggestionRow(
        level=level,
        area_grade_at_least=area_grade or None,
        areas=optional_int(item, "areas", here, 1, 1, len(gcp2.AREAS)),
        sub_area_grade_at_least=sub_area_grade or None,
        sub_areas=optional_int(item, "sub_areas", here, 1, 1, len(gcp2.SUB_AREAS)),
        harm_factors_at_least=factors or None,
        because=optional_text(item, "because", here, default="", max_length=_BECAUSE_MAX),
    )


@dataclass(frozen=True)
class LevelInputs:
    """What the table looks at: the confirmed area grades and sub-area grades of the child's
    latest GCP2 (empty without one), and the cumulative harm factors recorded for the child in
    the window, by display name."""

    area_grades: Mapping[str, int]
    sub_area_grades: Mapping[str, int]
    harm_factors: Sequence[str] = ()


@dataclass(frozen=True)
class LevelSuggestion:
    """`level` None: no suggestion (no table, or no row matched). `rows` are the indexes of
    every matching row; `explanation` is the sentence shown and recorded."""

    level: Level | None
    rows: tuple[int, ...]
    explanation: str


def _names(ids: list[str], name_of: Mapping[str, str]) -> str:
    names = [name_of[i] for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _graded_at_least(grades: Mapping[str, int], grade: int, order: tuple[str, ...]) -> list[str]:
    return [key for key in order if grades.get(key, 0) >= grade]


_AREA_NAMES = {a.id: a.name for a in gcp2.AREAS}
_SUB_AREA_NAMES = {s.id: s.name for s in gcp2.SUB_AREAS}
_AREA_ORDER = tuple(a.id for a in gcp2.AREAS)
_SUB_AREA_ORDER = tuple(s.id for s in gcp2.SUB_AREAS)


def _reasons(row: SuggestionRow, inputs: LevelInputs) -> list[str] | None:
    """The facts that make `row` match, or None when it does not."""
    facts: list[str] = []
    if row.area_grade_at_least is not None:
        hit = _graded_at_least(inputs.area_grades, row.area_grade_at_least, _AREA_ORDER)
        if len(hit) < row.areas:
            return None
        verb = "is" if len(hit) == 1 else "are"
        facts.append(f"{_names(hit, _AREA_NAMES)} {verb} graded {row.area_grade_at_least} "
                     f"or worse (the table asks for {row.areas} area{'s' * (row.areas > 1)})")
    if row.sub_area_grade_at_least is not None:
        hit = _graded_at_least(inputs.sub_area_grades, row.sub_area_grade_at_least,
                               _SUB_AREA_ORDER)
        if len(hit) < row.sub_areas:
            return None
        verb = "is" if len(hit) == 1 else "are"
        facts.append(f"{_names(hit, _SUB_AREA_NAMES)} {verb} graded "
                     f"{row.sub_area_grade_at_least} or worse (the table asks for "
                     f"{row.sub_areas} sub-area{'s' * (row.sub_areas > 1)})")
    if row.harm_factors_at_least is not None:
        factors = list(dict.fromkeys(inputs.harm_factors))
        if len(factors) < row.harm_factors_at_least:
            return None
        facts.append(f"{len(factors)} cumulative harm factor{'s' * (len(factors) > 1)} "
                     f"{'are' if len(factors) > 1 else 'is'} recorded "
                     f"({', '.join(factors)}; the table asks for {row.harm_factors_at_least})")
    return facts


def suggest_level(levels: LevelsOfNeed, inputs: LevelInputs) -> LevelSuggestion:
    """The level the organisation's table suggests for these grades and factors, and why."""
    if not levels.suggestions:
        return LevelSuggestion(None, (), "The organisation's configuration has no table from "
                               "grades to levels: decide from the threshold document.")
    matched: list[tuple[int, list[str]]] = []
    for index, row in enumerate(levels.suggestions):
        facts = _reasons(row, inputs)
        if facts is not None:
            matched.append((index, facts))
    if not matched:
        worst = max(inputs.area_grades.values(), default=None)
        grades = f"worst area grade {worst}" if worst is not None else "no confirmed GCP2 grades"
        factors = len(set(inputs.harm_factors))
        return LevelSuggestion(None, (), f"No row of the organisation's table matches "
                               f"({grades}; {factors} cumulative harm factors): decide from "
                               "the threshold document.")
    # The highest level wins; among its rows, the first in the table explains it.
    best_index, best_facts = max(
        matched, key=lambda m: (levels.get(levels.suggestions[m[0]].level).number, -m[0]))
    row = levels.suggestions[best_index]
    level = levels.get(row.level)
    explanation = (f"Suggested level {level.label} because " + " and ".join(best_facts)
                   + f" (row {best_index + 1} of the table).")
    if row.because:
        explanation += f" {row.because}"
    return LevelSuggestion(level, tuple(i for i, _ in matched), explanation)
