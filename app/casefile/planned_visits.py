"""The `planned_visits` family section of the case file.

Owns its JSON form, reading rules and frozen record:
`[{"id", "child" (or null), "planned_for", "purpose", "status", "visit" (or null),
"cancel_reason"}]`, the visits booked with the family in the order they were booked.

`status` is `booked`, `held` or `cancelled`; `visit` names the visit of this family that held it
and is given exactly when the status is `held`; `cancel_reason` says why a cancelled visit did
not happen and is empty for any other. `child` is a child of this family, or null when the visit
is with the whole family. Storage is `app/services/case_file_planned.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.casefile.reading import (
    member_path,
    read_choice,
    read_id_text,
    read_list,
    read_object,
    read_text,
    read_timestamp,
)
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput

PLANNED_KIND = "planned_visit"
STATUSES = ("booked", "held", "cancelled")


@dataclass(frozen=True)
class PlannedVisitRecord:
    id: str
    child: str | None
    planned_for: datetime
    purpose: str
    status: str
    visit: str | None
    cancel_reason: str


def _reference(context: FamilyContext, kind: str, description: str) -> Any:
    def read(value: Any, path: str) -> str | None:
        if value is None:
            return None
        record_id = read_id_text(value, path)
        context.family.refer(record_id, path, (kind,), description)
        return record_id

    return read


def read_planned_visits(
    context: FamilyContext, value: Any, path: str
) -> tuple[PlannedVisitRecord, ...]:
    def read_one(item: Any, at: str) -> PlannedVisitRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, PLANNED_KIND),
            "child": _reference(context, "child", "a child"),
            "planned_for": read_timestamp,
            "purpose": read_text,
            "status": lambda v, p: read_choice(v, p, STATUSES),
            "visit": _reference(context, "visit", "a visit"),
            "cancel_reason": read_text,
        })
        record = PlannedVisitRecord(**values)
        if (record.status == "held") != (record.visit is not None):
            raise InvalidInput(
                member_path(at, "visit"),
                "a held visit names the visit that held it; any other has null here",
            )
        if (record.status == "cancelled") != bool(record.cancel_reason.strip()):
            raise InvalidInput(
                member_path(at, "cancel_reason"),
                "a cancelled visit says why; any other has an empty reason",
            )
        return record

    return read_list(value, path, read_one)


def write_planned_visits(records: tuple[PlannedVisitRecord, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "child": r.child, "planned_for": r.planned_for.isoformat(),
         "purpose": r.purpose, "status": r.status, "visit": r.visit,
         "cancel_reason": r.cancel_reason}
        for r in records
    ]


PLANNED_VISITS: FamilySection[tuple[PlannedVisitRecord, ...]] = register_family_section(
    FamilySection[tuple[PlannedVisitRecord, ...]](
        key="planned_visits", read=read_planned_visits, write=write_planned_visits,
        empty=(), ids=lambda records: [r.id for r in records],
    )
)
