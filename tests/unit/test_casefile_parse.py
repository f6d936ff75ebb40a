"""`parse_case_file`: every rule of homevisit.case/1, and the path of the first problem.

The INVALID table is shared with test_casefile_schema.py: its last column says whether the JSON
Schema can state the rule too (the walker must catch everything either way).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app.casefile.records import CaseFile
from app.casefile.validate import latest_date_on_earth, parse_case_file
from app.errors import InvalidInput, UsageError

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "casefiles"
TODAY = date(2026, 11, 29)


def base_document() -> dict[str, Any]:
    """valid-export.json without `exported`: F1 (C1 C2 / K1 K2 / V1 V2) and F2 (C3 / K3 / V3)."""
    doc = json.loads((SAMPLES / "valid-export.json").read_text(encoding="utf-8"))
    del doc["exported"]
    return doc


def parse(doc: Any) -> CaseFile:
    # ASCII escapes, so that an unpaired surrogate reaches the parser as the file would hold it.
    return parse_case_file(json.dumps(doc).encode("utf-8"), today=TODAY)


def problem_of(raw: bytes) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw, today=TODAY)
    return caught.value


Mutation = Callable[[dict[str, Any]], Any]


def node(doc: Any, path: str) -> Any:
    """`families.0.children.1` -> doc["families"][0]["children"][1]."""
    for part in path.split(".") if path else []:
        doc = doc[int(part)] if part.isdigit() else doc[part]
    return doc


def setting(path: str, value: Any) -> Mutation:
    parent, _, key = path.rpartition(".")

    def mutate(doc: dict[str, Any]) -> None:
        target = node(doc, parent)
        target[int(key) if key.isdigit() else key] = copy.deepcopy(value)

    return mutate


def removing(path: str) -> Mutation:
    parent, _, key = path.rpartition(".")

    def mutate(doc: dict[str, Any]) -> None:
        node(doc, parent).pop(int(key) if key.isdigit() else key)

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(doc)

    return mutate


def reordered(path: str, keys: list[str]) -> Mutation:
    """Put the object's keys in `keys` order (the rest after)."""

    def mutate(doc: dict[str, Any]) -> None:
        target = node(doc, path)
        items = dict(target)
        target.clear()
        target.update({k: items[k] for k in keys})
        target.update({k: v for k, v in items.items() if k not in keys})

    return mutate


F0, F1 = "$.families[0]", "$.families[1]"
V1_ = "families.0.visits.0"
LONG = "X" * 65

# (label, mutation, path, words of the problem, the schema can tell too)
INVALID: list[tuple[str, Mutation, str, str, bool]] = [
    # top level
    ("top level is an array", lambda d: [d], "$", "expected an object, got an array", True),
    ("format missing", removing("format"), "$", "missing required key 'format'", True),
    ("format of a later version", setting("format", "homevisit.case/9"), "$.format",
     "this file is 'homevisit.case/9'; this version of HomeVisit reads 'homevisit.case/1'", True),
    ("format of something else", setting("format", "fhir"), "$.format",
     "expected 'homevisit.case/1'", True),
    ("format a number", setting("format", 1), "$.format", "got a number", True),
    ("families missing", removing("families"), "$", "missing required key 'families'", True),
    ("families an object", setting("families", {}), "$.families",
     "expected an array, got an object", True),
    ("unknown top-level key", setting("foo", 1), "$.foo", "unknown key 'foo'", True),
    ("unknown key that is not a name", setting("a b", 1), "$['a b']", "unknown key 'a b'", True),
    ("exported a string", setting("exported", "today"), "$.exported",
     "expected an object, got a string", True),
    ("exported an array", setting("exported", []), "$.exported", "expected an object", True),
    # family
    ("family a string", setting("families.0", "F1"), F0, "expected an object, got a string", True),
    ("unknown family key", setting("families.1.pets", ["dog"]), F1 + ".pets",
     "unknown key 'pets'", True),
    ("family name missing", removing("families.0.name"), F0, "missing required key 'name'", True),
    ("family name empty", setting("families.0.name", ""), F0 + ".name", "must not be empty", True),
    ("family name only spaces", setting("families.0.name", "  "), F0 + ".name",
     "must not be empty", True),
    ("family name null", setting("families.0.name", None), F0 + ".name",
     "expected a string, got null", True),
    ("address a number", setting("families.0.address", 14), F0 + ".address",
     "expected a string, got a number", True),
    ("carers null", setting("families.0.carers", None), F0 + ".carers",
     "expected an array, got null", True),
    # ids
    ("id empty", setting("families.0.id", ""), F0 + ".id", "id must not be empty", True),
    ("id of 65 characters", setting("families.0.carers.1.id", LONG), F0 + ".carers[1].id",
     "id is 65 characters long; the most is 64", True),
    ("id a number", setting("families.0.id", 1), F0 + ".id", "expected a string id, got a number",
     True),
    ("id true", setting("families.0.id", True), F0 + ".id", "got true", True),
    ("id with a leading space", setting("families.0.id", " F1"), F0 + ".id",
     "starts or ends with a space", True),
    ("id with a tab", setting("families.0.id", "F\t1"), F0 + ".id", "control character", True),
    ("family id used twice", setting("families.1.id", "F1"), F1 + ".id",
     "id 'F1' is already used at $.families[0].id", False),
    ("carer id used by a child elsewhere", setting("families.1.carers.0.id", "K2"),
     F1 + ".carers[0].id", "id 'K2' is already used at $.families[0].children[1].id", False),
    ("visit id used twice in a family", setting("families.0.visits.1.id", "V1"),
     F0 + ".visits[1].id", "already used at $.families[0].visits[0].id", False),
    # carers
    ("parental responsibility 1", setting("families.0.carers.0.parental_responsibility", 1),
     F0 + ".carers[0].parental_responsibility", "expected true or false, got a number", True),
    ("parental responsibility 'yes'",
     setting("families.0.carers.0.parental_responsibility", "yes"),
     F0 + ".carers[0].parental_responsibility", "got a string", True),
    ("parental responsibility null",
     setting("families.0.carers.0.parental_responsibility", None),
     F0 + ".carers[0].parental_responsibility", "got null", True),
    ("relationship empty", setting("families.0.carers.1.relationship", ""),
     F0 + ".carers[1].relationship", "must not be empty", True),
    ("relationship missing", removing("families.0.carers.1.relationship"), F0 + ".carers[1]",
     "missing required key 'relationship'", True),
    ("unknown carer key", setting("families.0.carers.0.dob", "1990-01-01"), F0 + ".carers[0].dob",
     "unknown key 'dob'", True),
    # children
    ("date of birth not in the calendar", setting("families.0.children.0.date_of_birth",
     "2023-02-30"), F0 + ".children[0].date_of_birth", "not a real calendar date", True),
    ("date of birth 29 Feb in a common year", setting("families.0.children.0.date_of_birth",
     "2023-02-29"), F0 + ".children[0].date_of_birth", "not a real calendar date", True),
    ("date of birth without zero padding", setting("families.0.children.0.date_of_birth",
     "2023-5-1"), F0 + ".children[0].date_of_birth", "expected a date as YYYY-MM-DD", True),
    ("date of birth day first", setting("families.0.children.0.date_of_birth", "01/05/2023"),
     F0 + ".children[0].date_of_birth", "expected a date as YYYY-MM-DD", True),
    ("date of birth with a time", setting("families.0.children.0.date_of_birth",
     "2023-05-01T00:00:00+00:00"), F0 + ".children[0].date_of_birth", "YYYY-MM-DD", True),
    ("date of birth in full-width digits", setting("families.0.children.0.date_of_birth",
     "２０２３-05-01"), F0 + ".children[0].date_of_birth", "YYYY-MM-DD", True),
    ("date of birth a number", setting("families.0.children.0.date_of_birth", 20230501),
     F0 + ".children[0].date_of_birth", "got a number", True),
    ("date of birth null", setting("families.0.children.0.date_of_birth", None),
     F0 + ".children[0].date_of_birth", "got null", True),
    ("date of birth in the future", setting("families.0.children.0.date_of_birth", "2026-11-30"),
     F0 + ".children[0].date_of_birth", "date of birth is in the future", False),
    ("NHS number with spaces", setting("families.0.children.1.nhs_number", "943 476 5919"),
     F0 + ".children[1].nhs_number", "exactly 10 digits, without spaces", True),
    ("NHS number of 9 digits", setting("families.0.children.1.nhs_number", "943476591"),
     F0 + ".children[1].nhs_number", "exactly 10 digits", True),
    ("NHS number a number", setting("families.0.children.1.nhs_number", 9434765919),
     F0 + ".children[1].nhs_number", "expected a string of 10 digits or null, got a number", True),
    ("NHS number wrong check digit", setting("families.0.children.1.nhs_number", "9434765918"),
     F0 + ".children[1].nhs_number", "fails its Modulus 11 check digit", False),
    ("NHS number whose check digit would be 10",
     setting("families.0.children.1.nhs_number", "1000000010"),
     F0 + ".children[1].nhs_number", "Modulus 11", False),
    ("NHS number key missing", removing("families.0.children.0.nhs_number"), F0 + ".children[0]",
     "missing required key 'nhs_number'", True),
    ("child name null", setting("families.0.children.0.name", None), F0 + ".children[0].name",
     "got null", True),
    # visits
    ("naive timestamp", setting(V1_ + ".occurred_at", "2026-07-01T09:40:00"),
     F0 + ".visits[0].occurred_at",
     "timestamp needs a UTC offset, e.g. 2026-11-20T10:00:00+00:00", True),
    ("timestamp day first", setting(V1_ + ".occurred_at", "01/07/2026 09:40"),
     F0 + ".visits[0].occurred_at", "expected an ISO 8601 timestamp like", True),
    ("timestamp with a space for T", setting(V1_ + ".occurred_at", "2026-07-01 09:40:00+01:00"),
     F0 + ".visits[0].occurred_at", "expected an ISO 8601 timestamp", True),
    ("timestamp offset without colon", setting(V1_ + ".occurred_at", "2026-07-01T09:40:00+0100"),
     F0 + ".visits[0].occurred_at", "expected an ISO 8601 timestamp", True),
    ("timestamp with 7 fraction digits",
     setting(V1_ + ".occurred_at", "2026-07-01T09:40:00.1234567+01:00"),
     F0 + ".visits[0].occurred_at", "expected an ISO 8601 timestamp", True),
    ("timestamp 31 November", setting(V1_ + ".occurred_at", "2026-11-31T09:40:00+00:00"),
     F0 + ".visits[0].occurred_at", "not a real date, time and UTC offset", False),
    ("timestamp offset of 24 hours", setting(V1_ + ".recorded_at", "2026-07-02T08:00:00+24:00"),
     F0 + ".visits[0].recorded_at", "not a real date, time and UTC offset", False),
    ("timestamp a number", setting(V1_ + ".occurred_at", 1782000000),
     F0 + ".visits[0].occurred_at", "expected a timestamp string, got a number", True),
    ("recorded a second before it happened",
     setting(V1_ + ".recorded_at", "2026-07-01T09:39:59+01:00"),
     F0 + ".visits[0].recorded_at", "recorded_at is before occurred_at", False),
    ("recorded before it happened, in another offset",
     setting(V1_ + ".recorded_at", "2026-07-01T08:39:00+00:00"),  # 09:39 at +01:00
     F0 + ".visits[0].recorded_at", "recorded_at is before occurred_at", False),
    ("kind capitalised", setting(V1_ + ".kind", "Announced"), F0 + ".visits[0].kind",
     "expected 'announced' or 'unannounced'", True),
    ("kind null", setting(V1_ + ".kind", None), F0 + ".visits[0].kind", "got null", True),
    ("present a string", setting(V1_ + ".present", "C1"), F0 + ".visits[0].present",
     "expected an array of carer and child ids, got a string", True),
    ("present holds a number", setting(V1_ + ".present", ["C1", 5]), F0 + ".visits[0].present[1]",
     "expected a carer or child id, got a number", True),
    ("present names another family's child", setting("families.1.visits.0.present", ["K3", "K1"]),
     F1 + ".visits[0].present[1]", "'K1' is not a carer or child of this family", False),
    ("present names nobody", setting(V1_ + ".present", ["C1", "K9"]), F0 + ".visits[0].present[1]",
     "'K9' is not a carer or child of this family", False),
    ("present names a visit", setting(V1_ + ".present", ["V2"]), F0 + ".visits[0].present[0]",
     "'V2' is not a carer or child", False),
    ("present names the family", setting(V1_ + ".present", ["F1"]), F0 + ".visits[0].present[0]",
     "'F1' is not a carer or child", False),
    ("present names someone twice", setting(V1_ + ".present", ["C1", "K1", "C1"]),
     F0 + ".visits[0].present[2]", "'C1' is listed twice", True),
    ("notes null", setting(V1_ + ".notes", None), F0 + ".visits[0].notes", "got null", True),
    ("notes with a NUL", setting(V1_ + ".notes", "a\x00b"), F0 + ".visits[0].notes",
     "NUL character", True),
    ("notes with an unpaired surrogate", setting(V1_ + ".notes", "a\ud800b"),
     F0 + ".visits[0].notes", "unpaired UTF-16 surrogate", False),
    ("notes missing", removing(V1_ + ".notes"), F0 + ".visits[0]", "missing required key 'notes'",
     True),
    ("unknown visit key", setting(V1_ + ".duration", 30), F0 + ".visits[0].duration",
     "unknown key 'duration'", True),
    # which problem is first
    ("first of two problems in document order",
     both(setting("families.1.pets", []), setting("families.0.children.1.date_of_birth", "x")),
     F0 + ".children[1].date_of_birth", "YYYY-MM-DD", True),
    ("a problem inside comes before a key missing at the closing brace",
     both(removing("families.0.name"), setting("families.0.carers.0.name", "")),
     F0 + ".carers[0].name", "must not be empty", True),
    ("format is judged before anything else",
     both(reordered("", ["families", "format"]), setting("families", 5),
          setting("format", "homevisit.case/2")), "$.format", "homevisit.case/2", True),
    ("a reference to a list not yet read is judged once the list is read",
     both(reordered("families.0", ["visits", "id", "name", "address", "carers", "children"]),
          setting(V1_ + ".present", ["K9"]), setting("families.0.zzz", 1)),
     F0 + ".visits[0].present[0]", "'K9'", True),  # the schema sees only the later unknown key
    ("a missing list is reported before references into it",
     removing("families.0.children"), F0, "missing required key 'children'", True),
]


@pytest.mark.parametrize(
    ("label", "mutate", "path", "problem", "schema_can_tell"), INVALID, ids=[c[0] for c in INVALID]
)
def test_invalid_document_names_the_first_problem(
    label: str, mutate: Mutation, path: str, problem: str, schema_can_tell: bool
) -> None:
    doc = base_document()
    doc = mutate(doc) or doc
    with pytest.raises(InvalidInput) as caught:
        parse(doc)
    assert caught.value.path == path
    assert problem in caught.value.problem
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    assert isinstance(caught.value, UsageError) and caught.value.exit_code == 2


def _valid_prefix() -> bytes:
    return b'{"format": "homevisit.case/1", "families": ['


RAW: list[tuple[str, bytes, str, str]] = [
    ("not UTF-8", b'{"format": "homevisit.case/1",\n "families": [{"name": "Zo\xeb"}]}', "$",
     "not UTF-8 text: byte 0xeb at line 2 column 27 cannot be decoded"),
    ("UTF-16", '{"format": "homevisit.case/1", "families": []}'.encode("utf-16"), "$",
     "starts with a UTF-16 byte-order mark; save it as UTF-8"),
    ("empty file", b"", "$", "not valid JSON: the file is empty"),
    ("only blank lines", b"\n \n", "$", "not valid JSON: the file is empty"),
    ("not JSON", b"not json at all", "$", "not valid JSON: expecting value at line 1 column 1"),
    ("trailing comma", b'{"format": "homevisit.case/1",\n "families": [],\n}', "$",
     "not valid JSON: expecting property name enclosed in double quotes at line 3 column 1"),
    ("single quotes", b"{'format': 'homevisit.case/1'}", "$",
     "not valid JSON: expecting property name enclosed in double quotes at line 1 column 2"),
    ("two documents", b'{"format": "homevisit.case/1", "families": []}\n{}', "$",
     "not valid JSON: extra data at line 2 column 1"),
    ("truncated inside a key", b'{"format": "homevisit.case/1", "fam', "$",
     "not valid JSON: the file ends too early (truncated?) at line 1 column 36"),
    ("truncated after an opening bracket", _valid_prefix() + b"\n  ", "$",
     "the file ends too early (truncated?) at line 2 column 3"),
    ("truncated inside true", b'{"format": "homevisit.case/1", "families": [{"a": tr', "$",
     "the file ends too early"),
    ("truncated sample", (SAMPLES / "invalid-truncated.json").read_bytes(), "$",
     "the file ends too early (truncated?) at line 79 column 7"),
    ("NaN", b'{"format": "homevisit.case/1", "families": NaN}', "$.families",
     "expected an array, got NaN, which is not valid JSON"),
    ("top level a string", b'"homevisit.case/1"', "$", "expected an object, got a string"),
    ("top level null", b"null", "$", "expected an object, got null"),
    ("duplicate top-level key", b'{"format": "homevisit.case/1", "families": [], "families": []}',
     "$.families", "duplicate key 'families'"),
    ("duplicate key in a child", _valid_prefix() + b'{"id": "F1", "name": "A", "address": "",'
     b' "carers": [], "children": [{"id": "K1", "name": "B", "id": "K2"}], "visits": []}]}',
     "$.families[0].children[0].id", "duplicate key 'id'"),
    ("nested too deeply", b'{"format": "homevisit.case/1", "exported": ' + b"[" * 200_000
     + b"]" * 200_000 + b', "families": []}', "$", "nested too deeply"),
]


@pytest.mark.parametrize(("label", "raw", "path", "problem"), RAW, ids=[c[0] for c in RAW])
def test_unreadable_bytes_name_the_problem(label: str, raw: bytes, path: str, problem: str) -> None:
    error = problem_of(raw)
    assert error.path == path
    assert problem in error.problem


SAMPLE_PROBLEMS = [
    ("invalid-date-of-birth.json",
     "$.families[0].children[1].date_of_birth: not a real calendar date (line 32 column 11)"),
    ("invalid-duplicate-id.json", "$.families[1].visits[0].id: id 'K2' is already used at "
     "$.families[0].children[1].id (line 81 column 11)"),
    ("invalid-present-other-family.json", "$.families[1].visits[0].present[2]: 'C1' is not a "
     "carer or child of this family (line 88 column 13)"),
    ("invalid-naive-timestamp.json", "$.families[0].visits[1].occurred_at: timestamp needs a UTC "
     "offset, e.g. 2026-11-20T10:00:00+00:00 (line 51 column 11)"),
    ("invalid-unknown-key.json", "$.families[1].pets: unknown key 'pets' (line 92 column 7)"),
    ("invalid-truncated.json",
     "$: not valid JSON: the file ends too early (truncated?) at line 79 column 7"),
]


@pytest.mark.parametrize(("name", "message"), SAMPLE_PROBLEMS)
def test_invalid_sample_files_give_path_problem_line_and_column(name: str, message: str) -> None:
    """The whole one-line message, as `homevisit import` prints it after "homevisit: "."""
    assert str(problem_of((SAMPLES / name).read_bytes())) == message


LOCATED = [
    ("duplicate key: the second one", b'{"format": "homevisit.case/1",\n "families": [],\n'
     b' "families": []}', "$.families", "duplicate key 'families' (line 3 column 2)"),
    ("missing key: the object's opening brace", b'{"format": "homevisit.case/1", "families":'
     b' [\n  {"id": "F1"}]}', "$.families[0]", "missing required key 'name' (line 2 column 3)"),
    ("key that is not a name", b'{"format": "homevisit.case/1", "families": [], "it\'s": 1}',
     "$['it\\'s']", "unknown key 'it\\'s' (line 1 column 48)"),
    ("after a BOM and skipped values", b'\xef\xbb\xbf{"format": "homevisit.case/1", "exported":'
     b' {"x": [1, {"y": null}]},\n\t"families": [1]}', "$.families[0]",
     "expected an object, got a number (line 2 column 15)"),
]


@pytest.mark.parametrize(("label", "raw", "path", "ending"), LOCATED, ids=[c[0] for c in LOCATED])
def test_location_of_the_problem_in_the_text(label: str, raw: bytes, path: str, ending: str) -> None:
    error = problem_of(raw)
    assert error.path == path
    assert error.problem.endswith(ending)


def test_every_invalid_sample_file_is_in_the_table() -> None:
    assert {p.name for p in SAMPLES.glob("invalid-*.json")} == {name for name, _ in SAMPLE_PROBLEMS}


# --- what is accepted ---------------------------------------------------------------------


def test_full_sample_becomes_records_with_offsets_and_order_kept() -> None:
    case = parse_case_file((SAMPLES / "valid-export.json").read_bytes(), today=TODAY)
    assert case.all_ids() == ["F1", "C1", "C2", "K1", "K2", "V1", "V2", "F2", "C3", "K3", "V3"]
    first, second = case.families
    assert [c.parental_responsibility for c in first.carers] == [True, False]
    assert first.children[0].nhs_number is None and first.children[1].nhs_number == "9434765919"
    assert first.children[1].date_of_birth == date(2023, 5, 1)
    v1 = first.visits[0]
    assert v1.occurred_at.utcoffset() == timedelta(hours=1)
    assert v1.occurred_at == datetime(2026, 7, 1, 8, 40, tzinfo=timezone.utc)
    assert v1.kind == "announced" and v1.present == ("C1", "K1", "K2")
    assert first.visits[1].recorded_at.microsecond == 250000 and first.visits[1].present == ()
    assert second.visits[0].occurred_at.utcoffset() == timedelta(hours=-5)
    assert second.visits[0].present == ("K3", "C3")  # file order, not sorted


def test_other_key_orders_and_lenient_timestamp_forms_are_read() -> None:
    case = parse_case_file((SAMPLES / "valid-other-forms.json").read_bytes(), today=TODAY)
    (family,) = case.families
    assert family.id == "family 0001"
    visit = family.visits[0]
    assert visit.recorded_at == datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)
    assert visit.occurred_at.microsecond == 500000
    assert visit.present == ("K1", "C1")


@pytest.mark.parametrize(
    ("label", "mutate"),
    [
        ("id of exactly 64 characters", setting("families.0.id", "F" * 64)),
        ("id of one character", setting("families.0.id", "F")),
        ("id with inner spaces and accents", setting("families.0.id", "Famille Lefèvre 2")),
        ("born today", setting("families.0.children.0.date_of_birth", TODAY.isoformat())),
        ("born on a leap day", setting("families.0.children.0.date_of_birth", "2024-02-29")),
        ("recorded at the very moment", setting(V1_ + ".recorded_at", "2026-07-01T09:40:00+01:00")),
        ("recorded the same moment in UTC", setting(V1_ + ".recorded_at", "2026-07-01T08:40:00Z")),
        ("no one present", setting(V1_ + ".present", [])),
        ("empty notes and address", both(setting(V1_ + ".notes", ""), setting("families.0.address", ""))),
        ("family without people or visits", setting("families.1", {
            "id": "F9", "name": "Expecting", "address": "", "carers": [], "children": [],
            "visits": []})),
        ("NHS number with check digit 0", setting("families.0.children.1.nhs_number", "1000000060")),
        ("exported with anything inside", setting("exported", {"at": 1, "note": [None]})),
        ("control characters in notes", setting(V1_ + ".notes", "line 1\nline 2\ttab")),
    ],
)
def test_edge_values_are_accepted(label: str, mutate: Mutation) -> None:
    doc = base_document()
    mutate(doc)
    assert len(parse(doc).families) == 2


def test_byte_order_mark_is_accepted() -> None:
    raw = (SAMPLES / "valid-empty.json").read_bytes()
    assert parse_case_file(b"\xef\xbb\xbf" + raw) == CaseFile(families=())


def test_default_today_is_lenient_to_the_earliest_time_zone() -> None:
    latest = latest_date_on_earth()
    assert datetime.now(timezone.utc).date() <= latest
    doc = base_document()
    setting("families.0.children.0.date_of_birth", latest.isoformat())(doc)
    assert parse_case_file(json.dumps(doc).encode()).families[0].children[0].date_of_birth == latest
    setting("families.0.children.0.date_of_birth", (latest + timedelta(days=1)).isoformat())(doc)
    with pytest.raises(InvalidInput, match="in the future"):
        parse_case_file(json.dumps(doc).encode())


def test_messages_do_not_repeat_personal_values() -> None:
    """Names, dates of birth and NHS numbers are personal data: the one stderr line omits them."""
    cases = [
        ("families.0.children.1.nhs_number", "9434765918"),
        ("families.0.children.1.date_of_birth", "2023-02-30"),
        ("families.0.carers.0.parental_responsibility", "Zoë Nowak said yes"),
    ]
    for path, value in cases:
        doc = base_document()
        setting(path, value)(doc)
        with pytest.raises(InvalidInput) as caught:
            parse(doc)
        assert value not in str(caught.value)
