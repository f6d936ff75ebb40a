"""The `lived_experience` and `chronology` case-file sections against the profile: the ids an
import registers, the rows it writes, and the records an export reads back.

The case-file reader (`app/casefile/lived_experience.py`) has already checked children, visits,
themes and contract values; the database's composite keys check the same again. Text is stored
exactly as the file gave it, so import then export is lossless.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.casefile.lived_experience import (
    CHRONOLOGY,
    CHRONOLOGY_KIND,
    LIVED_EXPERIENCE,
    LIVED_KIND,
    ChronologyRecord,
    LivedExperienceRecord,
)
from app.casefile.records import CaseFile, FamilyRecord
from app.storage.models_lived import ChronologyEntry, LivedExperienceEntry

SECTION_KEYS = frozenset({LIVED_EXPERIENCE.key, CHRONOLOGY.key})


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(id, kind, JSON path of the id) for the import's id registration, in file order."""
    for f, family in enumerate(case.families):
        for i, entry in enumerate(LIVED_EXPERIENCE.of(family)):
            yield entry.id, LIVED_KIND, f"$.families[{f}].lived_experience[{i}].id"
        for i, agency in enumerate(CHRONOLOGY.of(family)):
            yield agency.id, CHRONOLOGY_KIND, f"$.families[{f}].chronology[{i}].id"


def _next_seq(session: Session, model: type[LivedExperienceEntry] | type[ChronologyEntry]) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.seq), 0))) or 0) + 1


def insert_entries(session: Session, case: CaseFile) -> tuple[int, int]:
    """Write the file's entries (seq in file order); returns (lived experience, chronology)."""
    lived: list[dict[str, Any]] = []
    agency: list[dict[str, Any]] = []
    lived_seq = _next_seq(session, LivedExperienceEntry)
    agency_seq = _next_seq(session, ChronologyEntry)
    for family in case.families:
        for e in LIVED_EXPERIENCE.of(family):
            lived.append({
                "id": e.id, "family_id": family.id, "child_id": e.child, "visit_id": e.visit,
                "seq": lived_seq + len(lived), "occurred_at": e.occurred_at,
                "recorded_at": e.recorded_at, "part_of_day": e.part_of_day, "text": e.text,
                "child_voice": e.child_voice, "impact": e.impact, "source": e.source,
                "themes": list(e.themes),
            })
        for c in CHRONOLOGY.of(family):
            agency.append({
                "id": c.id, "family_id": family.id, "child_id": c.child,
                "seq": agency_seq + len(agency), "occurred_at": c.occurred_at, "event": c.event,
                "source": c.source, "impact": c.impact, "outcome": c.outcome,
                "themes": list(c.themes),
            })
    if lived:
        session.execute(insert(_table(LivedExperienceEntry)), lived)
    if agency:
        session.execute(insert(_table(ChronologyEntry)), agency)
    return len(lived), len(agency)


def stored_entries(
    session: Session,
) -> tuple[dict[str, list[LivedExperienceRecord]], dict[str, list[ChronologyRecord]]]:
    """Every stored entry as case-file records, by family id, in stored (seq) order."""
    lived: dict[str, list[LivedExperienceRecord]] = defaultdict(list)
    for e in session.scalars(select(LivedExperienceEntry).order_by(LivedExperienceEntry.seq)):
        lived[e.family_id].append(LivedExperienceRecord(
            id=e.id, child=e.child_id, visit=e.visit_id, occurred_at=e.occurred_at,
            recorded_at=e.recorded_at, part_of_day=e.part_of_day, text=e.text,
            child_voice=e.child_voice, impact=e.impact, source=e.source,
            themes=tuple(e.themes),
        ))
    agency: dict[str, list[ChronologyRecord]] = defaultdict(list)
    for c in session.scalars(select(ChronologyEntry).order_by(ChronologyEntry.seq)):
        agency[c.family_id].append(ChronologyRecord(
            id=c.id, occurred_at=c.occurred_at, child=c.child_id, event=c.event,
            source=c.source, impact=c.impact, outcome=c.outcome, themes=tuple(c.themes),
        ))
    return lived, agency


def with_entries(
    family: FamilyRecord,
    lived: dict[str, list[LivedExperienceRecord]],
    agency: dict[str, list[ChronologyRecord]],
) -> FamilyRecord:
    """`family` with its two sections set from `stored_entries`."""
    family = LIVED_EXPERIENCE.with_value(family, tuple(lived.get(family.id, ())))
    return CHRONOLOGY.with_value(family, tuple(agency.get(family.id, ())))
