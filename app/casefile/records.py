"""Validated case-file records: what `validate_case_file` returns and the import service consumes.

Frozen, plain data. Timestamps are timezone-aware and keep the offset the file gave, so that an
export reproduces the practitioner's local time exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

VisitKind = Literal["announced", "unannounced"]


@dataclass(frozen=True)
class CarerRecord:
    id: str
    name: str
    relationship: str
    parental_responsibility: bool


@dataclass(frozen=True)
class ChildRecord:
    id: str
    name: str
    date_of_birth: date
    nhs_number: str | None


@dataclass(frozen=True)
class VisitRecord:
    id: str
    occurred_at: datetime
    recorded_at: datetime
    kind: VisitKind
    present: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class FamilyRecord:
    id: str
    name: str
    address: str
    carers: tuple[CarerRecord, ...]
    children: tuple[ChildRecord, ...]
    visits: tuple[VisitRecord, ...]


@dataclass(frozen=True)
class CaseFile:
    families: tuple[FamilyRecord, ...]

    def all_ids(self) -> list[str]:
        """Every record id in the file, in file order (ids are unique across all records)."""
        ids: list[str] = []
        for family in self.families:
            ids.append(family.id)
            ids.extend(c.id for c in family.carers)
            ids.extend(c.id for c in family.children)
            ids.extend(v.id for v in family.visits)
        return ids
