"""schema.json agrees with the walker: the schema is the reference, the walker gives the paths.

Every valid sample passes both; every invalid case the schema can state fails it, and every case
marked as beyond the schema (cross-record rules, check digits, calendar validity of timestamps)
passes it — so the table's flags, and the schema's description of what it leaves out, stay true.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.sections import DEFAULT_SECTIONS
from app.casefile.serialise import case_file_to_json
from app.casefile.validate import parse_case_file
from tests.unit.test_casefile_parse import INVALID, SAMPLES, TODAY, Mutation, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    # format "date" is only an annotation in 2020-12 unless a format checker asserts it.
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


VALID_SAMPLES = sorted(p.name for p in SAMPLES.glob("valid-*.json"))


def test_there_are_valid_samples() -> None:
    assert {"valid-empty.json", "valid-export.json", "valid-other-forms.json"} <= set(VALID_SAMPLES)


@pytest.mark.parametrize("name", VALID_SAMPLES)
def test_valid_sample_passes_schema_and_walker(schema: Draft202012Validator, name: str) -> None:
    raw = (SAMPLES / name).read_bytes()
    assert list(schema.iter_errors(json.loads(raw))) == []
    parse_case_file(raw, today=TODAY)


@pytest.mark.parametrize(
    ("label", "mutate", "path", "problem", "schema_can_tell"), INVALID, ids=[c[0] for c in INVALID]
)
def test_schema_refuses_what_it_can_state_and_only_that(
    schema: Draft202012Validator,
    label: str,
    mutate: Mutation,
    path: str,
    problem: str,
    schema_can_tell: bool,
) -> None:
    doc = base_document()
    doc = mutate(doc) or doc
    assert schema.is_valid(doc) is not schema_can_tell


def _required(schema_doc: dict[str, Any], name: str) -> list[str]:
    return list(schema_doc["$defs"][name]["required"])


def test_schema_lists_every_key_in_the_order_export_writes_it() -> None:
    schema_doc = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    written = case_file_to_json(
        parse_case_file((SAMPLES / "valid-export.json").read_bytes(), today=TODAY), exported=None
    )
    family = written["families"][0]
    assert _required(schema_doc, "family") == list(family)
    assert _required(schema_doc, "carer") == list(family["carers"][0])
    assert _required(schema_doc, "child") == list(family["children"][0])
    assert _required(schema_doc, "visit") == list(family["visits"][0])
    assert schema_doc["required"] == ["format", "families"]
    for name in ("family", "carer", "child", "visit"):
        definition = schema_doc["$defs"][name]
        assert definition["additionalProperties"] is False
        # A family's registered sections are its only optional keys, and each is in the schema.
        optional = {section.key for section in DEFAULT_SECTIONS} if name == "family" else set()
        assert set(definition["properties"]) == set(definition["required"]) | optional
