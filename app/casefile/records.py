"""Validated case-file records: what `parse_case_file` returns and the import service consumes.

Frozen, plain data. Timestamps are timezone-aware and keep the offset the file gave, so that an
export reproduces the practitioner's local time exactly. Beware that Python compares aware
datetimes by instant, so `==` on records does not notice a changed offset: compare serialised
JSON when the offset matters.

Family-level sections added by later features (lived experience, assessments, plans ...) live in
`FamilyRecord.sections`, read and written through their `app.casefile.sections.FamilySection`, so
that adding one never changes these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
class FamilySections:
    """Values of the family-level sections later features register, keyed by their JSON key.

    Kept sorted by key and without empty values (a section that is absent and one that is
    present but empty mean the same), so a family built in code equals the same family read
    back from its file. Values must be frozen data (tuples of frozen records), like the rest.
    """

    items: tuple[tuple[str, object], ...] = ()

    def get(self, key: str) -> object | None:
        for name, value in self.items:
            if name == key:
                return value
        return None

    def keys(self) -> list[str]:
        return [name for name, _ in self.items]

    def replaced(self, key: str, value: object | None) -> FamilySections:
        """A copy with `key` set to `value`, or removed when `value` is None."""
        kept = {name: item for name, item in self.items if name != key}
        if value is not None:
            kept[key] = value
        return FamilySections(tuple(sorted(kept.items())))


@dataclass(frozen=True)
class FamilyRecord:
    id: str
    name: str
    address: str
    carers: tuple[CarerRecord, ...]
    children: tuple[ChildRecord, ...]
    visits: tuple[VisitRecord, ...]
    sections: FamilySections = field(default_factory=FamilySections)


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
