"""The theme catalogue (what entries, visit notes and concerns can be tagged with) and the
contract values for parts of the day and lived-experience sources.

Owns: the default themes whose ids are part of the case-file contract, the building of an
organisation's catalogue from configuration (defaults plus its own themes), and the plain-English
names shown for each value. Domestic abuse, parental mental health and parental substance use are
flagged as *cumulative harm factors*; the older "toxic trio" label is deliberately never used,
because its authors have moved away from it.

Pure data and functions: no storage, no Qt. Configuration mistakes raise `ThemeConfigError` with
the JSON path of the first problem; `app/` maps it to exit 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from assessments.theme_config_checks import (
    ThemeConfigError,
    check_id,
    check_keys,
    optional_bool,
    optional_text,
    required_list,
    required_mapping,
    required_text,
)

__all__ = [
    "CUMULATIVE_HARM_FACTORS_LABEL",
    "DEFAULT_THEMES",
    "LIVED_EXPERIENCE_SOURCE_NAMES",
    "PART_OF_DAY",
    "PART_OF_DAY_NAMES",
    "SOURCE",
    "LivedExperienceSource",
    "PartOfDay",
    "Theme",
    "ThemeCatalogue",
    "ThemeConfigError",
    "catalogue_from_config",
    "default_catalogue",
]


class PartOfDay(StrEnum):
    """When in the child's 24-hour cycle (or which kind of day) an entry describes. Contract."""

    EARLY_MORNING = "early_morning"
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"


class LivedExperienceSource(StrEnum):
    """How the practitioner came to know what a lived-experience entry says. Contract."""

    OBSERVED = "observed"
    CHILD = "child"
    CARER = "carer"
    OTHER_AGENCY = "other_agency"


PART_OF_DAY: tuple[str, ...] = tuple(p.value for p in PartOfDay)
SOURCE: tuple[str, ...] = tuple(s.value for s in LivedExperienceSource)

PART_OF_DAY_NAMES: Mapping[PartOfDay, str] = {
    PartOfDay.EARLY_MORNING: "Early morning",
    PartOfDay.MORNING: "Morning",
    PartOfDay.AFTERNOON: "Afternoon",
    PartOfDay.EVENING: "Evening",
    PartOfDay.NIGHT: "Night",
    PartOfDay.WEEKEND: "Weekend",
    PartOfDay.HOLIDAY: "Holiday",
}

LIVED_EXPERIENCE_SOURCE_NAMES: Mapping[LivedExperienceSource, str] = {
    LivedExperienceSource.OBSERVED: "Seen by me",
    LivedExperienceSource.CHILD: "Told by the child",
    LivedExperienceSource.CARER: "Told by a carer",
    LivedExperienceSource.OTHER_AGENCY: "From another agency",
}

CUMULATIVE_HARM_FACTORS_LABEL = "Cumulative harm factors"

# Display names and descriptions are limited so they fit a lane label on a 1366-pixel screen.
_NAME_MAX = 60
_DESCRIPTION_MAX = 300


@dataclass(frozen=True)
class Theme:
    """One thing a record can be tagged with; `id` is what the case file stores."""

    id: str
    name: str
    cumulative_harm_factor: bool = False
    description: str = ""


DEFAULT_THEMES: tuple[Theme, ...] = (
    Theme(
        "domestic_abuse",
        "Domestic abuse",
        True,
        "Abuse between adults in the household, or between a carer and a partner.",
    ),
    Theme(
        "parental_mental_health",
        "Parental mental health",
        True,
        "A carer's mental ill-health affecting the care the child receives.",
    ),
    Theme(
        "parental_substance_use",
        "Parental substance use",
        True,
        "A carer's use of alcohol or drugs affecting the care the child receives.",
    ),
    Theme(
        "home_conditions",
        "Home conditions",
        False,
        "The state of the home: hygiene, safety, warmth, space to sleep and play.",
    ),
    Theme(
        "missed_health_appointments",
        "Missed health appointments",
        False,
        "Health, dental or development appointments the child was not brought to.",
    ),
    Theme(
        "school_attendance",
        "School attendance",
        False,
        "The child missing, or being late for, school or nursery.",
    ),
)


@dataclass(frozen=True)
class ThemeCatalogue:
    """An organisation's themes in display order: the defaults first, then its own."""

    themes: tuple[Theme, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return any(t.id == theme_id for t in self.themes)

    def get(self, theme_id: str) -> Theme:
        """The theme with this id; KeyError names the id if the catalogue has none."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def cumulative_harm_factor_ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.themes if t.cumulative_harm_factor)

    def unknown(self, theme_ids: Iterable[str]) -> tuple[str, ...]:
        """The ids not in this catalogue, in the order given, each once: for exit-2 messages."""
        known = set(self.ids())
        seen: list[str] = []
        for theme_id in theme_ids:
            if theme_id not in known and theme_id not in seen:
                seen.append(theme_id)
        return tuple(seen)


def default_catalogue() -> ThemeCatalogue:
    return ThemeCatalogue(DEFAULT_THEMES)


def catalogue_from_config(config: object, path: str = "$") -> ThemeCatalogue:
    """The default themes followed by the organisation's own, from a configuration mapping.

    Shape: `{"themes": [{"id": "housing_insecurity", "name": "Housing insecurity",
    "cumulative_harm_factor": false, "description": "..."}]}`; `themes` may be absent, and each
    entry needs `id` and `name`. The defaults cannot be removed or redefined (their ids are part
    of the case-file contract), so a configured id equal to a default's is refused as a
    duplicate. `path` is where this mapping sits in a larger configuration file, so error paths
    point into that file.
    """
    section = required_mapping(config, path)
    check_keys(section, path, allowed={"themes"})
    entries: list[object] = []
    if "themes" in section:
        entries = required_list(section["themes"], f"{path}.themes")
    return ThemeCatalogue(DEFAULT_THEMES + themes_from_entries(entries, f"{path}.themes"))


def themes_from_entries(entries: list[object], path: str) -> tuple[Theme, ...]:
    """The organisation's own themes from a list of theme mappings, checked against the defaults
    and each other (ids and, ignoring case, display names must be unique)."""
    ids = {t.id: "a default theme" for t in DEFAULT_THEMES}
    names = {t.name.casefold(): "a default theme" for t in DEFAULT_THEMES}
    themes: list[Theme] = []
    for index, entry in enumerate(entries):
        here = f"{path}[{index}]"
        item = required_mapping(entry, here)
        check_keys(
            item, here, allowed={"id", "name", "cumulative_harm_factor", "description"},
            required={"id", "name"},
        )
        theme_id = check_id(item["id"], f"{here}.id")
        if theme_id in ids:
            raise ThemeConfigError(f"{here}.id", f"the id {theme_id!r} is already used by {ids[theme_id]}")
        name = required_text(item["name"], f"{here}.name", max_length=_NAME_MAX)
        if name.casefold() in names:
            raise ThemeConfigError(
                f"{here}.name", f"the name {name!r} is already used by {names[name.casefold()]}"
            )
        themes.append(
            Theme(
                id=theme_id,
                name=name,
                cumulative_harm_factor=optional_bool(
                    item, "cumulative_harm_factor", here, default=False
                ),
                description=optional_text(
                    item, "description", here, default="", max_length=_DESCRIPTION_MAX
                ),
            )
        )
        ids[theme_id] = f"{here}"
        names[name.casefold()] = f"{here}"
    return tuple(themes)
