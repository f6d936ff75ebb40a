"""A later feature adds a family-level key by registering a section: no change to the walk.

The toy `day_notes` section here is shaped like the real `lived_experience` one (entries with their
own ids, each naming a child of the same family), so the extension point is proved on the
features that will use it: shared id register, same-family references, document-order paths.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import pytest

from app.casefile.reading import read_list, read_name, read_object
from app.casefile.sections import (
    DEFAULT_SECTIONS,
    FamilyContext,
    FamilySection,
    SectionRegistry,
    section_record_ids,
)
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from tests.unit.test_casefile_parse import TODAY, base_document


@dataclass(frozen=True)
class Entry:
    id: str
    child: str
    words: str


def read_entries(context: FamilyContext, value: Any, path: str) -> tuple[Entry, ...]:
    def read_entry(item: Any, item_path: str) -> Entry:
        def child(v: Any, p: str) -> str:
            child_id = read_name(v, p)
            context.family.refer(child_id, p, ("child",), "a child")
            return child_id

        values = read_object(item, item_path, {
            "id": lambda v, p: context.ids.claim(v, p, "day_notes"),
            "child": child,
            "words": read_name,
        })
        return Entry(**values)

    return read_list(value, path, read_entry)


LIVED = FamilySection[tuple[Entry, ...]](
    key="day_notes",
    read=read_entries,
    write=lambda entries: [{"id": e.id, "child": e.child, "words": e.words} for e in entries],
    empty=(),
    ids=lambda entries: [e.id for e in entries],
)
ENTRY = {"id": "L1", "child": "K2", "words": "Daddy shouts"}


@pytest.fixture
def registry() -> SectionRegistry:
    fresh = SectionRegistry()
    fresh.register(LIVED)
    return fresh


def raw_with(entries: Any, family: int = 0) -> bytes:
    doc = base_document()
    doc["families"][family]["day_notes"] = entries
    return json.dumps(doc).encode()


def test_without_registration_the_key_is_refused_as_unknown() -> None:
    assert "day_notes" not in DEFAULT_SECTIONS
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw_with([ENTRY]), today=TODAY)
    assert caught.value.path == "$.families[0].day_notes"
    assert caught.value.problem.startswith("unknown key 'day_notes' (line 1 column ")


def test_registered_section_is_read_into_the_family_and_written_after_visits(
    registry: SectionRegistry,
) -> None:
    case = parse_case_file(raw_with([ENTRY]), today=TODAY, sections=registry)
    first, second = case.families
    assert LIVED.of(first) == (Entry("L1", "K2", "Daddy shouts"),)
    assert LIVED.of(second) == () and second.sections.keys() == []
    assert section_record_ids(first, registry) == ["L1"]
    written = case_file_to_json(case, exported=None, sections=registry)
    assert list(written["families"][0])[-2:] == ["visits", "day_notes"]
    assert "day_notes" not in written["families"][1]  # empty: left out
    raw = dump_case_file(written)
    assert parse_case_file(raw, today=TODAY, sections=registry) == case


@pytest.mark.parametrize(
    ("entries", "family", "path", "problem"),
    [
        ({"id": "L1"}, 0, "$.families[0].day_notes", "expected an array, got an object"),
        ([{**ENTRY, "id": "K1"}], 0, "$.families[0].day_notes[0].id",
         "id 'K1' is already used at $.families[0].children[0].id"),
        ([{**ENTRY, "child": "K3"}], 0, "$.families[0].day_notes[0].child",
         "'K3' is not a child of this family"),
        ([{**ENTRY, "child": "C1"}], 0, "$.families[0].day_notes[0].child",
         "'C1' is not a child of this family"),
        ([ENTRY, {**ENTRY, "mood": 3}], 0, "$.families[0].day_notes[1].id",
         "id 'L1' is already used"),
        ([{**ENTRY, "mood": 3}], 1, "$.families[1].day_notes[0].child",
         "'K2' is not a child of this family"),
    ],
)
def test_section_problems_have_document_order_paths(
    registry: SectionRegistry, entries: Any, family: int, path: str, problem: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw_with(entries, family), today=TODAY, sections=registry)
    assert caught.value.path == path
    assert problem in caught.value.problem


def test_a_section_id_clashes_with_a_later_core_id(registry: SectionRegistry) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw_with([{**ENTRY, "id": "V3"}]), today=TODAY, sections=registry)
    assert caught.value.path == "$.families[1].visits[0].id"


def test_with_value_stores_empty_as_absent_so_built_and_read_families_are_equal(
    registry: SectionRegistry,
) -> None:
    case = parse_case_file(raw_with([]), today=TODAY, sections=registry)
    family = case.families[0]
    assert family.sections.keys() == []
    built = LIVED.with_value(family, (Entry("L1", "K2", "Daddy shouts"),))
    assert LIVED.with_value(built, ()) == family
    read_back = parse_case_file(
        dump_case_file(case_file_to_json(replace(case, families=(built, *case.families[1:])),
                                         exported=None, sections=registry)),
        today=TODAY, sections=registry)
    assert read_back.families[0] == built


@pytest.mark.parametrize("key", ["visits", "id", "day_notes"])
def test_a_taken_key_cannot_be_registered(registry: SectionRegistry, key: str) -> None:
    with pytest.raises(ValueError, match="already taken"):
        registry.register(replace(LIVED, key=key))


def test_writing_a_section_nobody_registered_fails_rather_than_dropping_it(
    registry: SectionRegistry,
) -> None:
    case = parse_case_file(raw_with([ENTRY]), today=TODAY, sections=registry)
    with pytest.raises(ValueError, match="unregistered sections"):
        case_file_to_json(case, exported=None)  # the default registry has no day_notes


def test_always_written_section_appears_even_when_empty() -> None:
    registry = SectionRegistry([replace(LIVED, always_written=True)])
    case = parse_case_file(raw_with([]), today=TODAY, sections=registry)
    written = case_file_to_json(case, exported=None, sections=registry)
    assert [f["day_notes"] for f in written["families"]] == [[], []]
