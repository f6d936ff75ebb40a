"""The `planned_visits` case-file section against the profile: the ids an import registers, the
rows it writes, and the records an export reads back.

The reader (`app/casefile/planned_visits.py`) has already checked children, visits and the
status rules; the table's keys and CHECKs hold the same again. Nothing is re-judged on import
(a booking whose time has passed stays booked, and shows as overdue), and text is stored as the
file gave it, so import then export is lossless.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.casefile.planned_visits import PLANNED_KIND, PLANNED_VISITS, PlannedVisitRecord
from app.casefile.records import CaseFile, FamilyRecord
from app.services.registry import utc_key
from app.storage.models_planned import PlannedVisit

SECTION_KEYS = frozenset({PLANNED_VISITS.key})

Stored = dict[str, list[PlannedVisitRecord]]


def ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(id, kind, JSON path of the id) for the import's id registration, in file order."""
    for f, family in enumerate(case.families):
        for i, planned in enumerate(PLANNED_VISITS.of(family)):
            yield planned.id, PLANNED_KIND, f"$.families[{f}].planned_visits[{i}].id"


def insert_records(session: Session, case: CaseFile) -> int:
    """Write the file's planned visits (seq in file order); returns how many."""
    first = int(session.scalar(select(func.coalesce(func.max(PlannedVisit.seq), 0))) or 0) + 1
    rows: list[dict[str, Any]] = []
    for family in case.families:
        for p in PLANNED_VISITS.of(family):
            rows.append({
                "id": p.id, "family_id": family.id, "child_id": p.child, "visit_id": p.visit,
                "seq": first + len(rows), "planned_for": p.planned_for,
                "planned_utc": utc_key(p.planned_for), "purpose": p.purpose,
                "status": p.status, "cancel_reason": p.cancel_reason,
            })
    if rows:
        session.execute(insert(cast(Table, PlannedVisit.__table__)), rows)
    return len(rows)


def stored_records(session: Session) -> Stored:
    """Every stored planned visit as case-file records, by family id, in stored (seq) order."""
    stored: Stored = defaultdict(list)
    for row in session.scalars(select(PlannedVisit).order_by(PlannedVisit.seq)):
        stored[row.family_id].append(PlannedVisitRecord(
            id=row.id, child=row.child_id, planned_for=row.planned_for, purpose=row.purpose,
            status=row.status, visit=row.visit_id, cancel_reason=row.cancel_reason,
        ))
    return stored


def with_records(family: FamilyRecord, stored: Stored) -> FamilyRecord:
    """`family` with its `planned_visits` section set from `stored_records`."""
    return PLANNED_VISITS.with_value(family, tuple(stored.get(family.id, ())))
