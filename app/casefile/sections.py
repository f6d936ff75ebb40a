"""Family-level sections: how later features add keys under each family without touching the walk.

A feature (lived experience, assessments, plans ...) describes its key once as a `FamilySection`
— how to read it, how to write it, its empty value — and registers it. The walk in `validate.py`
then accepts that key under every family, reads it in document order with the same path rules
and id register as the core records, and stores the result in `FamilyRecord.sections`;
`serialise.py` writes it back after `visits`, in registration order. Keys nobody registered are
still refused as unknown.

Owns `IdRegister` (ids unique across the whole file) and `FamilyScope` (references that must name
a record of the same family), the two services a section's reader needs beyond `reading.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Generic, TypeVar

from app.casefile.reading import quoted, read_id_text
from app.casefile.records import FamilyRecord
from app.errors import InvalidInput
from assessments.themes import ThemeCatalogue, default_catalogue

T = TypeVar("T")

CORE_FAMILY_KEYS = ("id", "name", "address", "carers", "children", "visits")


class IdRegister:
    """Every id claimed so far in the file, with where and what it was."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}

    def claim(self, value: Any, path: str, kind: str) -> str:
        record_id = read_id_text(value, path)
        first = self._seen.get(record_id)
        if first is not None:
            raise InvalidInput(path, f"id {quoted(record_id)} is already used at {first[0]}")
        self._seen[record_id] = (path, kind)
        return record_id

    def kind_of(self, record_id: str) -> str | None:
        found = self._seen.get(record_id)
        return found[1] if found else None


@dataclass
class _Reference:
    record_id: str
    path: str
    kinds: tuple[str, ...]
    description: str


class FamilyScope:
    """The records of one family, for references that must stay inside it (`present`, ...).

    A reference is checked as soon as every list it may point into has been read: at once in
    files in the contract's key order (people before visits), otherwise right after the last of
    those lists, so a file with its keys in another order gets the same verdict.
    """

    def __init__(self) -> None:
        self._members: dict[str, set[str]] = {}
        self._complete: set[str] = set()
        self._pending: list[_Reference] = []

    def add(self, kind: str, record_id: str) -> None:
        self._members.setdefault(kind, set()).add(record_id)

    def complete(self, kind: str) -> None:
        """Every record of `kind` in this family has been read: judge what waited for it."""
        self._complete.add(kind)
        ready = [ref for ref in self._pending if all(k in self._complete for k in ref.kinds)]
        self._pending = [ref for ref in self._pending if ref not in ready]
        for reference in ready:
            self._check(reference)

    def members(self, kind: str) -> frozenset[str]:
        return frozenset(self._members.get(kind, ()))

    def refer(self, record_id: str, path: str, kinds: tuple[str, ...], description: str) -> None:
        """`record_id` must be one of this family's records of `kinds` ("a carer or child")."""
        reference = _Reference(record_id, path, kinds, description)
        if all(kind in self._complete for kind in kinds):
            self._check(reference)
        else:
            self._pending.append(reference)

    def close(self) -> None:
        for reference in self._pending:
            self._check(reference)
        self._pending.clear()

    def _check(self, ref: _Reference) -> None:
        if not any(ref.record_id in self._members.get(kind, ()) for kind in ref.kinds):
            raise InvalidInput(
                ref.path, f"{quoted(ref.record_id)} is not {ref.description} of this family"
            )


@dataclass(frozen=True)
class FamilyContext:
    """What a section reader gets: the file-wide id register, this family, and the date the
    file is judged against (so "not in the future" rules are testable)."""

    ids: IdRegister
    family: FamilyScope
    today: date
    themes: ThemeCatalogue = field(default_factory=default_catalogue)
    """The themes entries may be tagged with: the organisation's when the caller knows them."""


@dataclass(frozen=True)
class FamilySection(Generic[T]):
    """One family-level key added by a feature.

    `read(context, value, path)` validates the JSON value (a `reading.JsonObject` tree) and
    returns frozen records; it claims every record id through `context.ids`. `write(value)`
    returns the JSON value (plain dicts and lists, keys in contract order). `empty` is the value
    of a family without the section; families whose value equals it omit the key on export
    unless `always_written`. `ids(value)` lists the record ids the value holds, so the import
    service can check them against the profile.
    """

    key: str
    read: Callable[[FamilyContext, Any, str], T]
    write: Callable[[T], Any]
    empty: T
    always_written: bool = False
    ids: Callable[[T], Iterable[str]] = field(default=lambda _value: ())

    def of(self, family: FamilyRecord) -> T:
        """This section's value in `family` (its `empty` when the family has none)."""
        value = family.sections.get(self.key)
        return self.empty if value is None else value  # type: ignore[return-value]

    def with_value(self, family: FamilyRecord, value: T) -> FamilyRecord:
        """`family` with this section set; an empty value is stored as absent."""
        stored = None if value == self.empty else value
        return replace(family, sections=family.sections.replaced(self.key, stored))


class SectionRegistry:
    """The family-level sections a reader accepts and a writer writes, in registration order."""

    def __init__(self, sections: Iterable[FamilySection[Any]] = ()) -> None:
        self._sections: dict[str, FamilySection[Any]] = {}
        for section in sections:
            self.register(section)

    def register(self, section: FamilySection[T]) -> FamilySection[T]:
        if section.key in CORE_FAMILY_KEYS or section.key in self._sections:
            raise ValueError(f"family key {section.key!r} is already taken")
        self._sections[section.key] = section
        return section

    def get(self, key: str) -> FamilySection[Any] | None:
        return self._sections.get(key)

    def copy(self) -> SectionRegistry:
        return SectionRegistry(self._sections.values())

    def __iter__(self) -> Iterator[FamilySection[Any]]:
        return iter(list(self._sections.values()))

    def __contains__(self, key: object) -> bool:
        return key in self._sections


DEFAULT_SECTIONS = SectionRegistry()
"""The sections the app reads and writes; features register theirs here at import time."""


def register_family_section(section: FamilySection[T]) -> FamilySection[T]:
    return DEFAULT_SECTIONS.register(section)


def section_record_ids(family: FamilyRecord, registry: SectionRegistry = DEFAULT_SECTIONS) -> list[str]:
    """Record ids held in `family`'s sections (the core records' ids are `CaseFile.all_ids`)."""
    ids: list[str] = []
    for section in registry:
        ids.extend(section.ids(section.of(family)))
    return ids
