"""The `planned_visits` family section: reading rules with their JSON paths, the schema, and a
lossless round trip through the file and through a profile."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.planned_visits import PLANNED_VISITS
from app.casefile.sections import DEFAULT_SECTIONS, section_record_ids
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.families import caseload, get_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import open_database
from tests.unit.test_casefile_parse import TODAY, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"

BOOKED = {"id": "N1", "child": "K1", "planned_for": "2026-12-03T10:30:00+00:00",
          "purpose": "Six-week review", "status": "booked", "visit": None, "cancel_reason": ""}
HELD = {**BOOKED, "id": "N2", "child": None, "status": "held", "visit": "V1", "purpose": ""}
CANCELLED = {**BOOKED, "id": "N3", "status": "cancelled", "cancel_reason": "No access",
             "planned_for": "2026-07-01T09:00:00+01:00"}


def document(planned: Any, family: int = 0) -> dict[str, Any]:
    doc = base_document()
    doc["families"][family]["planned_visits"] = planned
    return doc


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_section_is_registered() -> None:
    assert DEFAULT_SECTIONS.get("planned_visits") is PLANNED_VISITS


def test_planned_visits_are_read_and_written_back_identically(
    schema: Draft202012Validator,
) -> None:
    doc = document([BOOKED, HELD, CANCELLED])
    assert schema.is_valid(doc)
    case = parse_case_file(raw(doc), today=TODAY)
    family = case.families[0]
    assert [(p.status, p.visit, p.child) for p in PLANNED_VISITS.of(family)] == [
        ("booked", None, "K1"), ("held", "V1", None), ("cancelled", None, "K1")]
    assert PLANNED_VISITS.of(family)[2].planned_for.isoformat() == "2026-07-01T09:00:00+01:00"
    assert section_record_ids(family)[-3:] == ["N1", "N2", "N3"]
    written = case_file_to_json(case, exported=None)
    assert written["families"][0]["planned_visits"] == [BOOKED, HELD, CANCELLED]
    assert "planned_visits" not in written["families"][1]
    assert parse_case_file(dump_case_file(written), today=TODAY) == case


# (label, record, JSON path under the record, problem, can the schema tell?)
MISTAKES = [
    ("held without its visit", {**HELD, "visit": None}, "visit", "names the visit", False),
    ("booked with a visit", {**BOOKED, "visit": "V1"}, "visit", "null here", False),
    ("cancelled without a reason", {**CANCELLED, "cancel_reason": " "}, "cancel_reason",
     "says why", False),
    ("a reason while booked", {**BOOKED, "cancel_reason": "x"}, "cancel_reason",
     "empty reason", False),
    ("another family's child", {**BOOKED, "child": "K3"}, "child", "not a child", False),
    ("another family's visit", {**HELD, "visit": "V3"}, "visit", "not a visit", False),
    ("an unknown status", {**BOOKED, "status": "missed"}, "status", "expected", True),
    ("a time without offset", {**BOOKED, "planned_for": "2026-12-03T10:30:00"}, "planned_for",
     "UTC offset", True),
    ("an id already used", {**BOOKED, "id": "V2"}, "id", "already used", False),
    ("a key nobody knows", {**BOOKED, "room": "kitchen"}, "room", "unknown key", True),
    ("a key missing", {k: v for k, v in BOOKED.items() if k != "purpose"}, "", "missing", True),
]


@pytest.mark.parametrize(("label", "record", "field", "problem", "schema_can_tell"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_mistakes_are_refused_at_their_path(
    schema: Draft202012Validator, label: str, record: dict[str, Any], field: str, problem: str,
    schema_can_tell: bool,
) -> None:
    second = {**record, "id": "N9"} if record.get("id", "N1") in ("N1", "N2", "N3") else record
    doc = document([BOOKED, second])
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw(doc), today=TODAY)
    path = "$.families[0].planned_visits[1]" + (f".{field}" if field else "")
    assert caught.value.path == path
    assert problem in str(caught.value)
    assert schema.is_valid(doc) is not schema_can_tell


def test_a_profile_round_trip_is_lossless_and_feeds_the_caseload(tmp_path: Path) -> None:
    doc = document([BOOKED, HELD, CANCELLED])
    case = parse_case_file(raw(doc), today=TODAY)
    key = secrets.token_bytes(32)
    with open_database(tmp_path / "a.db", key) as db, UnitOfWork(db) as uow:
        import_case_file(uow, case, actor="Priya Shah")
        uow.commit()
        exported = export_case_file(uow, actor="Priya Shah", app_version="test")
        rows = {r.family_id: r for r in caseload(uow)}
        detail = get_family(uow, "F1", actor="Priya Shah")
    assert exported == case
    assert rows["F1"].next_visit_at is not None
    assert rows["F1"].next_visit_at.isoformat() == "2026-12-03T10:30:00+00:00"
    assert rows["F2"].next_visit_at is None
    assert [p.id for p in detail.planned_visits] == ["N1", "N2", "N3"]
    # A planned visit's id the profile already holds: refused at its path, nothing imported.
    clash = {"format": "homevisit.case/1", "families": [
        {"id": "F9", "name": "Nowak", "address": "", "carers": [], "children": [], "visits": [],
         "planned_visits": [{**BOOKED, "child": None}]}]}
    with open_database(tmp_path / "a.db", key) as db, UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as caught:
            import_case_file(uow, parse_case_file(raw(clash), today=TODAY), actor="Priya Shah")
        assert [r.family_id for r in caseload(uow)] == ["F1", "F2"]
    assert caught.value.path == "$.families[0].planned_visits[0].id"
    assert "already exists" in str(caught.value)
