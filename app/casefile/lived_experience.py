"""The `lived_experience` and `chronology` family sections of the case file.

Owns their JSON form, reading rules and frozen records:
- `lived_experience`: `[{"id", "child", "visit" (or null), "occurred_at", "recorded_at",
  "part_of_day", "text", "child_voice", "impact", "source", "themes": [..]}]`, the child's
  day as the practitioner came to know it;
- `chronology`: `[{"id", "occurred_at", "child" (or null), "event", "source", "impact",
  "outcome", "themes": [..]}]`, other agencies' records entered by hand (`source`: the agency).

`child` and `visit` must name a child / visit of the same family; `themes` come from the theme
catalogue (the defaults until organisation configuration arrives), each at most once;
`part_of_day` and the lived-experience `source` are the contract values of
`assessments.themes`. Storage is `app/services/case_file_lived.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.casefile.reading import (
    quoted,
    read_choice,
    read_id_text,
    read_list,
    read_name,
    read_object,
    read_text,
    read_timestamp,
)
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput
from assessments.themes import PART_OF_DAY, SOURCE, ThemeCatalogue

LIVED_KIND = "lived_experience"
CHRONOLOGY_KIND = "chronology_entry"


@dataclass(frozen=True)
class LivedExperienceRecord:
    id: str
    child: str
    visit: str | None
    occurred_at: datetime
    recorded_at: datetime
    part_of_day: str
    text: str
    child_voice: str
    impact: str
    source: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ChronologyRecord:
    id: str
    occurred_at: datetime
    child: str | None
    event: str
    source: str
    impact: str
    outcome: str
    themes: tuple[str, ...]


def _themes(known: ThemeCatalogue) -> Any:
    return lambda value, path: _read_themes(known, value, path)


def _read_themes(known: ThemeCatalogue, value: Any, path: str) -> tuple[str, ...]:
    seen: list[str] = []

    def one(item: Any, at: str) -> str:
        theme = read_text(item, at)
        if theme not in known:
            raise InvalidInput(at, f"{quoted(theme)} is not one of the organisation's themes")
        if theme in seen:
            raise InvalidInput(at, f"theme {quoted(theme)} is listed twice")
        seen.append(theme)
        return theme

    return read_list(value, path, one)


def _reference(context: FamilyContext, kind: str, description: str, nullable: bool) -> Any:
    def read(value: Any, path: str) -> str | None:
        if value is None and nullable:
            return None
        record_id = read_id_text(value, path)
        context.family.refer(record_id, path, (kind,), description)
        return record_id

    return read


def read_lived_experience(
    context: FamilyContext, value: Any, path: str
) -> tuple[LivedExperienceRecord, ...]:
    def read_one(item: Any, at: str) -> LivedExperienceRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, LIVED_KIND),
            "child": _reference(context, "child", "a child", nullable=False),
            "visit": _reference(context, "visit", "a visit", nullable=True),
            "occurred_at": read_timestamp,
            "recorded_at": read_timestamp,
            "part_of_day": lambda v, p: read_choice(v, p, PART_OF_DAY),
            "text": read_text,
            "child_voice": read_text,
            "impact": read_text,
            "source": lambda v, p: read_choice(v, p, SOURCE),
            "themes": _themes(context.themes),
        })
        return LivedExperienceRecord(**values)

    return read_list(value, path, read_one)


def read_chronology(
    context: FamilyContext, value: Any, path: str
) -> tuple[ChronologyRecord, ...]:
    def read_one(item: Any, at: str) -> ChronologyRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, CHRONOLOGY_KIND),
            "occurred_at": read_timestamp,
            "child": _reference(context, "child", "a child", nullable=True),
            "event": read_name,
            "source": read_name,
            "impact": read_text,
            "outcome": read_text,
            "themes": _themes(context.themes),
        })
        return ChronologyRecord(**values)

    return read_list(value, path, read_one)


def write_lived_experience(records: tuple[LivedExperienceRecord, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "child": r.child, "visit": r.visit, "occurred_at": r.occurred_at.isoformat(),
         "recorded_at": r.recorded_at.isoformat(), "part_of_day": r.part_of_day, "text": r.text,
         "child_voice": r.child_voice, "impact": r.impact, "source": r.source,
         "themes": list(r.themes)}
        for r in records
    ]


def write_chronology(records: tuple[ChronologyRecord, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "occurred_at": r.occurred_at.isoformat(), "child": r.child,
         "event": r.event, "source": r.source, "impact": r.impact, "outcome": r.outcome,
         "themes": list(r.themes)}
        for r in records
    ]





LIVED_EXPERIENCE: FamilySection[tuple[LivedExperienceRecord, ...]] = register_family_section(
    FamilySection[tuple[LivedExperienceRecord, ...]](
        key="lived_experience", read=read_lived_experience, write=write_lived_experience,
        empty=(), ids=lambda records: [r.id for r in records],
    )
)

CHRONOLOGY: FamilySection[tuple[ChronologyRecord, ...]] = register_family_section(
    FamilySection[tuple[ChronologyRecord, ...]](
        key="chronology", read=read_chronology, write=write_chronology,
        empty=(), ids=lambda records: [r.id for r in records],
    )
)
