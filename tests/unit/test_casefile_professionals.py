"""The `professionals` family section: its reading rules, paths, and lossless writing back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.professionals import PROFESSIONALS, ProfessionalRecord
from app.casefile.sections import DEFAULT_SECTIONS, section_record_ids
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from tests.unit.test_casefile_parse import TODAY, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"

GP = {"id": "P1", "name": "Dr Anan Okafor", "agency": "Wellington Road Surgery", "role": "GP",
      "contact": "01952 000 111", "lead": False}
SW = {"id": "P2", "name": "Sam Reid", "agency": "", "role": "", "contact": "", "lead": True}


def raw_with(professionals: Any, family: int = 0) -> bytes:
    doc = base_document()
    doc["families"][family]["professionals"] = professionals
    return json.dumps(doc).encode()


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_section_is_registered_in_the_default_registry() -> None:
    assert DEFAULT_SECTIONS.get("professionals") is PROFESSIONALS


def test_valid_professionals_are_read_in_order_and_written_back_identically(
    schema: Draft202012Validator,
) -> None:
    raw = raw_with([GP, SW])
    assert schema.is_valid(json.loads(raw))
    case = parse_case_file(raw, today=TODAY)
    first, second = case.families
    assert PROFESSIONALS.of(first) == (
        ProfessionalRecord("P1", "Dr Anan Okafor", "Wellington Road Surgery", "GP",
                           "01952 000 111", False),
        ProfessionalRecord("P2", "Sam Reid", "", "", "", True),
    )
    assert section_record_ids(first) == ["P1", "P2"]
    written = case_file_to_json(case, exported=None)
    assert list(written["families"][0])[-2:] == ["visits", "professionals"]
    assert written["families"][0]["professionals"] == [GP, SW]
    assert "professionals" not in written["families"][1]  # none: the key is left out
    assert parse_case_file(dump_case_file(written), today=TODAY) == case


def test_an_empty_list_reads_as_none_and_a_file_without_the_key_round_trips_exactly() -> None:
    plain = base_document()
    case = parse_case_file(json.dumps(plain).encode(), today=TODAY)
    assert case_file_to_json(case, exported=None) == plain
    empty = parse_case_file(raw_with([]), today=TODAY)
    assert empty == case and empty.families[0].sections.keys() == []


# (label, professionals, family, path, problem, schema can tell)
INVALID: list[tuple[str, Any, int, str, str, bool]] = [
    ("not a list", GP, 0, "$.families[0].professionals", "expected an array, got an object", True),
    ("missing key", [GP, {k: v for k, v in SW.items() if k != "contact"}], 0,
     "$.families[0].professionals[1]", "missing required key 'contact'", True),
    ("unknown key", [{**GP, "email": "x"}], 0, "$.families[0].professionals[0].email",
     "unknown key 'email'", True),
    ("two leads", [{**GP, "lead": True}, {**SW, "id": "P3"}, SW], 1,
     "$.families[1].professionals[1].lead",
     "only one professional may lead; the lead is $.families[1].professionals[0]", False),
    ("lead as number", [{**GP, "lead": 1}], 0, "$.families[0].professionals[0].lead",
     "expected true or false, got a number", True),
    ("lead as text", [{**GP, "lead": "yes"}], 0, "$.families[0].professionals[0].lead",
     "expected true or false, got a string", True),
    ("blank name", [{**GP, "name": "  "}], 0, "$.families[0].professionals[0].name",
     "must not be empty", True),
    ("agency null", [{**GP, "agency": None}], 0, "$.families[0].professionals[0].agency",
     "expected a string, got null", True),
    ("contact a number", [{**GP, "contact": 1952}], 0, "$.families[0].professionals[0].contact",
     "expected a string, got a number", True),
    ("id a number", [{**GP, "id": 7}], 0, "$.families[0].professionals[0].id",
     "expected a string id, got a number", True),
    ("duplicate id with a carer", [{**GP, "id": "C3"}], 1, "$.families[1].professionals[0].id",
     "id 'C3' is already used at $.families[1].carers[0].id", False),
    ("duplicate id within the list", [GP, {**SW, "id": "P1"}], 0,
     "$.families[0].professionals[1].id",
     "id 'P1' is already used at $.families[0].professionals[0].id", False),
]


@pytest.mark.parametrize(
    ("label", "professionals", "family", "path", "problem", "schema_can_tell"),
    INVALID,
    ids=[case[0] for case in INVALID],
)
def test_invalid_professionals_are_refused_at_the_first_problem(
    schema: Draft202012Validator,
    label: str,
    professionals: Any,
    family: int,
    path: str,
    problem: str,
    schema_can_tell: bool,
) -> None:
    raw = raw_with(professionals, family)
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw, today=TODAY)
    assert caught.value.path == path
    assert caught.value.problem.startswith(problem + " (line ")
    assert schema.is_valid(json.loads(raw)) is not schema_can_tell


def test_a_professional_id_taken_later_by_a_core_record_is_refused_there() -> None:
    # F1's professionals come before F2's visits in the file, so the visit is the second use.
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw_with([{**GP, "id": "V3"}]), today=TODAY)
    assert caught.value.path == "$.families[1].visits[0].id"
    assert caught.value.problem.startswith(
        "id 'V3' is already used at $.families[0].professionals[0].id"
    )


def test_one_lead_in_each_of_two_families_is_fine() -> None:
    doc = base_document()
    doc["families"][0]["professionals"] = [SW]
    doc["families"][1]["professionals"] = [{**SW, "id": "P9"}]
    case = parse_case_file(json.dumps(doc).encode(), today=TODAY)
    assert [[p.lead for p in PROFESSIONALS.of(f)] for f in case.families] == [[True], [True]]
