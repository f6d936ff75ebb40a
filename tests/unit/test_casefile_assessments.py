"""The `assessments` family section of a case file: reading rules, their paths, writing back."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.assessments import ASSESSMENTS
from app.casefile.sections import DEFAULT_SECTIONS, section_record_ids
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from assessments import gcp2
from tests.unit.test_casefile_parse import TODAY, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"


def draft(id_: str = "A1", child: str = "K1", **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": id_, "child": child, "tool": "gcp2", "status": "draft",
        "started_at": "2026-10-01T09:30:00+01:00", "completed_at": None, "previous": None,
        "sub_areas": {"physical_care.nutrition": {"grade": 3, "evidence": "fruit bowl empty",
                                                  "items": {"zephyr.nutrition.1": 3}}},
        "areas": {}, "strengths": "warm", "carer_views": "", "child_views": "",
        "parent_agrees": None, "parent_comments": "", "practitioner_only": "",
        "targets": [], "addenda": [],
    }
    entry.update(extra)
    return entry


def complete(id_: str = "A1", child: str = "K1", **extra: Any) -> dict[str, Any]:
    entry = draft(id_, child, status="complete", completed_at="2026-10-20T16:00:00+01:00")
    entry["sub_areas"] = {s: {"grade": 3, "evidence": f"seen {s}"} for s in gcp2.SUB_AREA_IDS}
    entry["areas"] = {a: {"grade": 3, "rationale": ""} for a in gcp2.AREA_IDS}
    entry["targets"] = [{"sub_area": "physical_care.nutrition", "current": 3, "target": 2,
                         "review_by": "2027-01-15", "review_grade": None}]
    entry["addenda"] = [{"at": "2026-10-21T10:00:00+01:00", "author": "Priya Shah",
                         "reason": "typo", "text": "Housing should read 2"}]
    entry.update(extra)
    return entry


def document(*entries: dict[str, Any], family: int = 0) -> dict[str, Any]:
    doc = base_document()
    doc["families"][family]["assessments"] = list(entries)
    return doc


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


def problem(doc: dict[str, Any]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw(doc), today=TODAY)
    return caught.value


def test_the_section_is_registered_after_professionals() -> None:
    assert DEFAULT_SECTIONS.get("assessments") is ASSESSMENTS
    assert [s.key for s in DEFAULT_SECTIONS][:2] == ["professionals", "assessments"]


def test_a_complete_and_a_partial_draft_are_read_and_written_back_identically() -> None:
    doc = document(complete("A1"), draft("A2", previous="A1", started_at="2027-01-20T10:00:00Z"))
    case = parse_case_file(raw(doc), today=TODAY)
    records = ASSESSMENTS.of(case.families[0])
    assert [r.id for r in records] == ["A1", "A2"]
    assert records[0].status == "complete" and len(records[0].sub_areas) == 13
    assert records[1].previous == "A1"
    assert dict(records[1].sub_areas["physical_care.nutrition"].items) == {"zephyr.nutrition.1": 3}
    assert section_record_ids(case.families[0]) == ["A1", "A2"]
    written = case_file_to_json(case, exported=None)
    assert list(written["families"][0])[-2:] == ["visits", "assessments"]
    again = parse_case_file(dump_case_file(written), today=TODAY)
    assert dump_case_file(case_file_to_json(again, exported=None)) == dump_case_file(written)
    # Z is written +00:00, as everywhere in the case file.
    assert written["families"][0]["assessments"][1]["started_at"] == "2027-01-20T10:00:00+00:00"


Mutation = Callable[[dict[str, Any]], None]


def _set(key: str, value: Any, sub: str | None = None) -> Mutation:
    def mutate(entry: dict[str, Any]) -> None:
        target = entry["sub_areas"][sub] if sub else entry
        target[key] = value
    return mutate


def _drop_sub_area(sub: str) -> Mutation:
    return lambda entry: entry["sub_areas"].pop(sub) and None


def _drop_area(area: str) -> Mutation:
    return lambda entry: entry["areas"].pop(area) and None


P = "$.families[0].assessments[0]"
NUT = "sub_areas['physical_care.nutrition']"

INVALID: list[tuple[str, Mutation, str, str]] = [
    ("grade 6", _set("grade", 6, "physical_care.nutrition"), f"{P}.{NUT}.grade",
     "whole number from 1"),
    ("grade true", _set("grade", True, "physical_care.nutrition"), f"{P}.{NUT}.grade",
     "got true"),
    ("grade 2.5", _set("grade", 2.5, "physical_care.nutrition"), f"{P}.{NUT}.grade",
     "got a number"),
    ("grade text", _set("grade", "3", "physical_care.nutrition"), f"{P}.{NUT}.grade",
     "got a string"),
    ("unknown sub-area", lambda e: e["sub_areas"].update({"physical_care.sleep": {
        "grade": 2, "evidence": ""}}), f"{P}.sub_areas['physical_care.sleep']",
     "not a GCP2 sub-area id"),
    ("unknown area", lambda e: e["areas"].update({"love": {"grade": 2, "rationale": ""}}),
     f"{P}.areas.love", "not a GCP2 area id"),
    ("child of another family", _set("child", "K3"), f"{P}.child",
     "'K3' is not a child of this family"),
    ("a carer as child", _set("child", "C1"), f"{P}.child", "not a child of this family"),
    ("missing sub-area", _drop_sub_area("safety.in_absence"),
     f"{P}.sub_areas['safety.in_absence'].grade", "In absence of carer is not graded"),
    ("missing area", _drop_area("safety"), f"{P}.areas['safety'].grade",
     "Safety grade is not confirmed"),
    ("area outside range without rationale", lambda e: e["areas"].update(
        {"safety": {"grade": 5, "rationale": ""}}), f"{P}.areas['safety'].rationale",
     "needs a rationale"),
    ("no evidence", _set("evidence", "", "physical_care.health"),
     f"{P}.sub_areas['physical_care.health'].evidence", "no evidence"),
    ("target not better", lambda e: e["targets"][0].update({"target": 4}),
     f"{P}.targets[0].target", "better (lower)"),
    ("complete without time", _set("completed_at", None), f"{P}.completed_at",
     "completion time"),
    ("addendum before completion", lambda e: e["addenda"][0].update(
        {"at": "2026-10-01T10:00:00+01:00"}), f"{P}.addenda[0].at", "before the assessment"),
    ("unknown tool", _set("tool", "gcp1"), f"{P}.tool", "expected 'gcp2'"),
    ("missing key", lambda e: e.pop("strengths") and None, P, "missing required key 'strengths'"),
]


@pytest.mark.parametrize(("label", "mutate", "path", "message"), INVALID,
                         ids=[c[0] for c in INVALID])
def test_an_invalid_complete_assessment_is_refused_at_the_first_problem(
    label: str, mutate: Mutation, path: str, message: str
) -> None:
    entry = complete()
    mutate(entry)
    found = problem(document(entry))
    assert found.path == path
    assert message in found.problem


def test_a_draft_may_be_partial_but_not_wrong() -> None:
    partial = draft(sub_areas={}, areas={"safety": {"grade": 5, "rationale": ""}})
    parse_case_file(raw(document(partial)), today=TODAY)
    wrong = draft(sub_areas={"safety.in_presence": {"grade": 0, "evidence": ""}})
    assert problem(document(wrong)).path == f"{P}.sub_areas['safety.in_presence'].grade"
    with_addendum = draft(addenda=complete()["addenda"])
    assert problem(document(with_addendum)).path == f"{P}.addenda"


PREVIOUS: list[tuple[str, list[dict[str, Any]], str, str]] = [
    ("another child", [complete("A1", "K2"), draft("A2", previous="A1",
                                                    started_at="2027-01-01T09:00:00+00:00")],
     "$.families[0].assessments[1].previous", "same child"),
    ("started later", [complete("A1"), draft("A2", previous="A1")],
     "$.families[0].assessments[1].previous", "started before it"),
    ("itself", [draft("A1", previous="A1")], f"{P}.previous", "cannot re-grade itself"),
    ("a visit", [draft("A1", previous="V1")], f"{P}.previous",
     "'V1' is not an earlier assessment"),
    ("a loop", [draft("A1", previous="A2", started_at="2026-01-01T00:00:00+00:00"),
                draft("A2", previous="A1", started_at="2026-02-01T00:00:00+00:00")],
     f"{P}.previous", "started before it"),
]


@pytest.mark.parametrize(("label", "entries", "path", "message"), PREVIOUS,
                         ids=[c[0] for c in PREVIOUS])
def test_previous_must_be_an_earlier_assessment_of_the_same_child(
    label: str, entries: list[dict[str, Any]], path: str, message: str
) -> None:
    found = problem(document(*entries))
    assert (found.path, message in found.problem) == (path, True), found


def test_a_previous_outside_the_file_is_left_to_the_import() -> None:
    case = parse_case_file(raw(document(draft("A2", previous="G-in-profile"))), today=TODAY)
    assert ASSESSMENTS.of(case.families[0])[0].previous == "G-in-profile"


def test_assessment_ids_share_the_file_wide_register() -> None:
    found = problem(document(draft("V1")))
    assert found.path == f"{P}.id" and "already used" in found.problem


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_accepts_what_the_reader_accepts_and_states_its_shapes(
    schema: Draft202012Validator,
) -> None:
    good = document(complete("A1"), draft("A2", previous="A1",
                                          started_at="2027-01-20T10:00:00+00:00"))
    assert list(schema.iter_errors(good)) == []
    written = case_file_to_json(parse_case_file(raw(good), today=TODAY), exported=None)
    schema_doc = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema_doc["$defs"]["assessment"]["required"] == list(
        written["families"][0]["assessments"][0])
    for mutate, _ in [(_set("grade", 6, "physical_care.nutrition"), "range"),
                      (_set("grade", True, "physical_care.nutrition"), "bool"),
                      (_set("tool", "gcp1"), "tool")]:
        entry = copy.deepcopy(complete())
        mutate(entry)
        assert not schema.is_valid(document(entry))
