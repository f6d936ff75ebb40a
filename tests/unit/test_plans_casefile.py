"""The `plans`, `threshold_decisions` and `escalations` case-file sections: reading rules with
their JSON paths, agreement with schema.json, what only the profile can judge, and a lossless
round trip through a profile (import -> export -> import -> export)."""

from __future__ import annotations

import copy
import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.plans import ESCALATIONS, PLANS, THRESHOLD_DECISIONS
from app.casefile.sections import DEFAULT_SECTIONS, section_record_ids
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.chronology import family_chronology
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from tests.unit.test_casefile_assessments import complete
from tests.unit.test_casefile_parse import TODAY, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"
KEY = "0123456789abcdef0123456789abcdef"

ACTION = {"id": "A1", "change_for_child": "Jay eats breakfast every day", "who": "Kerry",
          "does_what": "Buys cereal with the voucher", "by_when": "2027-01-15",
          "measure": "Nursery records Jay fed on 4 of 5 days",
          "targeted_item": {"assessment": "G1", "sub_area": "physical_care.nutrition"},
          "themes": ["home_conditions"], "status": "open", "status_on": None}
PLAN = {"id": "PL1", "child": "K1", "title": "Jay fed and safe",
        "made_at": "2026-11-20T10:00:00+00:00", "made_by": "Priya Shah",
        "review_due": "2027-02-20", "actions": [ACTION],
        "shares": [{"shared_at": "2026-11-21T11:00:00+00:00", "how": "Read through with Kerry",
                    "shared_by": "Priya Shah"}],
        "reviews": [{"held_at": "2027-02-18T14:00:00+00:00", "held_by": "Priya Shah",
                     "notes": "Sustained"}]}
DECISION = {"id": "T1", "child": "K1", "decided_at": "2026-11-22T15:00:00+00:00",
            "decided_by": "Priya Shah", "level": "targeted", "suggested_level": "specialist",
            "suggestion": "Suggested level 4 Specialist because ...", "reasoning": "Engaging",
            "threshold_document": "Levels of Need v2", "assessment": "G1",
            "considered_events": ["visit:V1"], "considered_prompts": [KEY]}
ESCALATION = {"id": "E1", "child": None, "about": "NFA on the referral",
              "with_whom": "Family Connect", "raised_at": "2026-11-23T10:00:00+00:00",
              "raised_by": "Priya Shah", "raised_from": {"kind": "prompt", "ref": KEY},
              "stages": [{"stage": 1, "started_at": "2026-11-23T10:00:00+00:00",
                          "response_due": "2026-11-30", "contact": "Duty SW", "note": ""},
                         {"stage": 2, "started_at": "2026-12-02T09:00:00+00:00",
                          "response_due": "2026-12-09", "contact": "Team manager",
                          "note": "no reply"}],
              "outcome": "Strategy discussion agreed", "closed_at": "2026-12-03T12:00:00+00:00"}


def document(**sections: Any) -> dict[str, Any]:
    doc = base_document()
    family = doc["families"][0]
    family["assessments"] = [complete("G1", "K1")]
    for key, value in sections.items():
        family[key] = copy.deepcopy(value)
    return doc


def full() -> dict[str, Any]:
    return document(plans=[PLAN], threshold_decisions=[DECISION], escalations=[ESCALATION])


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_three_sections_are_registered_after_the_earlier_ones() -> None:
    keys = [s.key for s in DEFAULT_SECTIONS]
    assert keys.index("chronology") < keys.index("plans")
    assert keys[keys.index("plans"):keys.index("plans") + 3] == [
        "plans", "threshold_decisions", "escalations"]
    assert DEFAULT_SECTIONS.get("plans") is PLANS


def test_records_are_read_and_written_back_identically(schema: Draft202012Validator) -> None:
    doc = full()
    assert list(schema.iter_errors(doc)) == []
    case = parse_case_file(raw(doc), today=TODAY)
    family = case.families[0]
    assert PLANS.of(family)[0].actions[0].targeted_item is not None
    assert THRESHOLD_DECISIONS.of(family)[0].considered_prompts == (KEY,)
    assert [s.stage for s in ESCALATIONS.of(family)[0].stages] == [1, 2]
    assert section_record_ids(family)[-4:] == ["PL1", "A1", "T1", "E1"]
    written = case_file_to_json(case, exported=None)["families"][0]
    assert list(written)[-3:] == ["plans", "threshold_decisions", "escalations"]
    assert (written["plans"], written["threshold_decisions"], written["escalations"]) == (
        [PLAN], [DECISION], [ESCALATION])
    assert parse_case_file(dump_case_file(case_file_to_json(case, exported=None)),
                           today=TODAY) == case


def at(section: str, index: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["families"][0][section][index][key] = copy.deepcopy(value)

    return mutate


def in_action(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["families"][0]["plans"][0]["actions"][0][key] = copy.deepcopy(value)

    return mutate


def in_stage(index: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["families"][0]["escalations"][0]["stages"][index][key] = copy.deepcopy(value)

    return mutate


P, D, E = "$.families[0].plans[0]", "$.families[0].threshold_decisions[0]", "$.families[0].escalations[0]"

# (label, mutation, path, words in the problem, can the schema tell?)
INVALID: list[tuple[str, Callable[[dict[str, Any]], None], str, str, bool]] = [
    ("plan child of another family", at("plans", 0, "child", "K3"), f"{P}.child",
     "not a child of this family", False),
    ("blank title", at("plans", 0, "title", " "), f"{P}.title", "must not be empty", True),
    ("unknown plan key", at("plans", 0, "owner", "x"), f"{P}.owner", "unknown key", True),
    ("naive made_at", at("plans", 0, "made_at", "2026-11-20T10:00"), f"{P}.made_at",
     "UTC offset", True),
    ("action id used twice", in_action("id", "PL1"), f"{P}.actions[0].id", "already used", False),
    ("bad status", in_action("status", "finished"), f"{P}.actions[0].status", "expected", True),
    ("done without a date", in_action("status", "done"), f"{P}.actions[0].status_on",
     "exactly when", False),
    ("bad by_when", in_action("by_when", "2027-02-30"), f"{P}.actions[0].by_when",
     "real calendar date", True),
    ("bad sub-area", in_action("targeted_item", {"assessment": "G1", "sub_area": "love"}),
     f"{P}.actions[0].targeted_item.sub_area", "expected", True),
    ("targeted item names a child", in_action("targeted_item", {"assessment": "K1",
                                                                "sub_area": "safety.in_absence"}),
     f"{P}.actions[0].targeted_item.assessment", "is not an assessment", False),
    ("theme listed twice", in_action("themes", ["home_conditions", "home_conditions"]),
     f"{P}.actions[0].themes[1]", "listed twice", True),
    ("theme not an id", in_action("themes", ["Home conditions"]), f"{P}.actions[0].themes[0]",
     "expected an id", True),
    ("share without how", lambda d: d["families"][0]["plans"][0]["shares"][0].update(how=""),
     f"{P}.shares[0].how", "must not be empty", True),
    ("decision without a child", at("threshold_decisions", 0, "child", None), f"{D}.child",
     "string id", True),
    ("blank reasoning", at("threshold_decisions", 0, "reasoning", ""), f"{D}.reasoning",
     "must not be empty", True),
    ("level not an id", at("threshold_decisions", 0, "level", "Level 3"), f"{D}.level",
     "expected an id", True),
    ("bad prompt key", at("threshold_decisions", 0, "considered_prompts", ["xyz"]),
     f"{D}.considered_prompts[0]", "32 lower-case hex", True),
    ("bad event id", at("threshold_decisions", 0, "considered_events", ["V1"]),
     f"{D}.considered_events[0]", "chronology event id", True),
    ("stages out of order", in_stage(1, "stage", 3), f"{E}.stages[1].stage", "expected stage 2",
     False),
    ("stage before the last", in_stage(1, "started_at", "2026-11-01T09:00:00+00:00"),
     f"{E}.stages[1].started_at", "cannot start before", False),
    ("no stages", at("escalations", 0, "stages", []), f"{E}.stages", "at least", True),
    ("outcome without closing", at("escalations", 0, "closed_at", None), f"{E}.closed_at",
     "exactly when", False),
    ("raised from a rumour", at("escalations", 0, "raised_from", {"kind": "rumour", "ref": "x"}),
     f"{E}.raised_from.kind", "expected", True),
    ("prompt ref not a key", at("escalations", 0, "raised_from", {"kind": "prompt", "ref": "x"}),
     f"{E}.raised_from.ref", "32 lower-case hex", False),
    ("blank about", at("escalations", 0, "about", ""), f"{E}.about", "must not be empty", True),
]


@pytest.mark.parametrize(("label", "mutate", "path", "words", "schema_can_tell"), INVALID,
                         ids=[case[0] for case in INVALID])
def test_invalid_records_name_the_json_path(
    schema: Draft202012Validator, label: str, mutate: Callable[[dict[str, Any]], None],
    path: str, words: str, schema_can_tell: bool,
) -> None:
    doc = full()
    mutate(doc)
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw(doc), today=TODAY)
    assert caught.value.path == path, caught.value.message
    assert words in caught.value.problem
    assert schema.is_valid(doc) is not schema_can_tell


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.delenv("HOMEVISIT_CONFIG", raising=False)
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    yield database
    database.close()


def _import(db: Database, doc: dict[str, Any]) -> None:
    case = parse_case_file(raw(doc), today=TODAY)
    with UnitOfWork(db) as uow:
        import_case_file(uow, case, actor="Priya Shah")
        uow.commit()


def _export(db: Database) -> dict[str, Any]:
    with UnitOfWork(db) as uow:
        case = export_case_file(uow, actor="Priya Shah", app_version="test")
    return case_file_to_json(case, exported=None)


def test_import_export_import_export_is_identical(db: Database, tmp_path: Path) -> None:
    doc = full()
    doc["families"][0]["escalations"].append(
        {**ESCALATION, "id": "E2", "raised_from": {"kind": "plan_action", "ref": "A1"},
         "stages": ESCALATION["stages"][:1], "outcome": "", "closed_at": None})
    _import(db, doc)
    first = _export(db)
    assert first == doc
    second_db = open_database(tmp_path / "second.db", secrets.token_bytes(32))
    try:
        _import(second_db, first)
        assert _export(second_db) == first
    finally:
        second_db.close()
    with UnitOfWork(db) as uow:
        kinds = [r.kind for r in family_chronology(uow, "F1")]
    assert {"plan", "plan_shared", "plan_reviewed", "level_decision", "escalation",
            "escalation_stage", "escalation_closed"} <= set(kinds)


@pytest.mark.parametrize(("mutate", "path", "words"), [
    (in_action("targeted_item", {"assessment": "G1", "sub_area": "safety.in_absence"}),
     f"{P}.actions[0].targeted_item.sub_area", "not a targeted item"),
    (in_action("targeted_item", {"assessment": "G9", "sub_area": "physical_care.nutrition"}),
     f"{P}.actions[0].targeted_item.assessment", "not an assessment of this family"),
    (at("plans", 0, "child", "K2"), f"{P}.actions[0].targeted_item.assessment",
     "another child"),
    (in_action("themes", ["housing_insecurity"]), f"{P}.actions[0].themes[0]",
     "not one of the organisation's themes"),
    (at("threshold_decisions", 0, "assessment", "G9"), f"{D}.assessment", "not an assessment"),
    (at("escalations", 0, "raised_from", {"kind": "plan_action", "ref": "A9"}),
     f"{E}.raised_from.ref", "not a plan action of this family"),
])
def test_what_only_the_profile_can_judge_is_refused_and_nothing_is_written(
    db: Database, mutate: Callable[[dict[str, Any]], None], path: str, words: str
) -> None:
    doc = full()
    mutate(doc)
    case = parse_case_file(raw(doc), today=TODAY)
    with UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as caught:
            import_case_file(uow, case, actor="Priya Shah")
    assert caught.value.path == path and words in caught.value.problem
    assert _export(db)["families"] == []
