"""The `sharing_decisions` case-file section: read, stored, exported unchanged; every invalid
decision refused at its JSON path (exit 2), by the reader or by the import service."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.assessments import write_assessment
from app.casefile.serialise import case_file_to_json
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.practitioners import create_practitioner
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from assessments import gcp2
from assessments.record import AreaGrade, Assessment, SubAreaGrade

TODAY = date(2026, 11, 29)
BST = timezone(timedelta(hours=1))
SCHEMA = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"


def _assessment(assessment_id: str, child: str) -> dict[str, Any]:
    return write_assessment(Assessment(
        id=assessment_id, child=child, started_at=datetime(2026, 10, 1, 9, tzinfo=BST),
        status="complete", completed_at=datetime(2026, 10, 20, 16, tzinfo=BST),
        sub_areas={s: SubAreaGrade(3, "seen") for s in gcp2.SUB_AREA_IDS},
        areas={a: AreaGrade(3) for a in gcp2.AREA_IDS},
    ))


def _decision(decision_id: str, **changes: Any) -> dict[str, Any]:
    base = {
        "id": decision_id, "child": "K1", "assessment": "G1",
        "occurred_at": "2026-11-20T10:00:00+00:00", "recorded_at": "2026-11-20T10:00:00+00:00",
        "recipient": "Example Council (LA-E08000025)", "purpose": "Safeguarding referral",
        "shared": "GCP2 assessment summary", "lawful_basis": "public_task",
        "special_category_condition": "DPA 2018 Sch 1 para 18", "consent": "not_sought",
        "consent_reason": "asking would put Ada at risk", "identities_withheld": "the neighbour",
        "advice_taken": "named nurse", "channel": "app", "practitioner": "Priya Shah",
        "repeats": None, "submission_id": "0b9f6c1e-5d2a-4c1b-8e57-0c7f6f0d2a11",
    }
    base.update(changes)
    return base


def document() -> dict[str, Any]:
    return {"format": "homevisit.case/1", "families": [{
        "id": "F1", "name": "Okafor", "address": "14 Mill Lane",
        "carers": [{"id": "C1", "name": "Ife", "relationship": "mother", "parental_responsibility": True}],
        "children": [{"id": "K1", "name": "Ada", "date_of_birth": "2023-05-01", "nhs_number": None},
                     {"id": "K2", "name": "Jay", "date_of_birth": "2021-06-09", "nhs_number": None}],
        "visits": [],
        "assessments": [_assessment("G1", "K1"), _assessment("G2", "K2")],
        "sharing_decisions": [
            _decision("S1"),
            _decision("S2", repeats="S1", submission_id="second-share:2"),
            _decision("S3", assessment=None, child=None, channel="phone", submission_id=None,
                      consent="given", consent_reason="", recipient="Duty desk",
                      shared="Concerns about the home", lawful_basis="consent"),
        ],
    }]}


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode("utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "homevisit.db", secrets.token_bytes(32))
    with UnitOfWork(database) as uow:
        create_practitioner(uow, name="Priya Shah", gcp2_trained_on=date(2025, 3, 1))
        uow.commit()
    yield database
    database.close()


def _import(db: Database, doc: dict[str, Any]) -> None:
    case = parse_case_file(raw(doc), today=TODAY)
    with UnitOfWork(db) as uow:
        import_case_file(uow, case, actor="Priya Shah")
        uow.commit()


def test_decisions_import_and_export_unchanged(db: Database) -> None:
    doc = document()
    assert list(Draft202012Validator(json.loads(SCHEMA.read_text())).iter_errors(doc)) == []
    _import(db, doc)
    with UnitOfWork(db) as uow:
        exported = case_file_to_json(export_case_file(uow, actor="Priya Shah", app_version="t"),
                                     exported=None)
    assert exported["families"][0]["sharing_decisions"] == doc["families"][0]["sharing_decisions"]


def _set(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["families"][0]["sharing_decisions"][index].update(changes)
    return mutate


INVALID = [
    ("unknown channel", _set(2, channel="carrier pigeon"), "$.families[0].sharing_decisions[2].channel"),
    ("no reason without consent", _set(0, consent_reason=" "), "$.families[0].sharing_decisions[0].consent_reason"),
    ("consent basis, consent refused", _set(0, lawful_basis="consent", consent="refused"),
     "$.families[0].sharing_decisions[0].lawful_basis"),
    ("app share without submission", _set(0, submission_id=None), "$.families[0].sharing_decisions[0].submission_id"),
    ("call with a submission", _set(2, submission_id="abc"), "$.families[0].sharing_decisions[2].submission_id"),
    ("bad submission id", _set(0, submission_id="has space"), "$.families[0].sharing_decisions[0].submission_id"),
    ("repeats a later decision", _set(0, repeats="S2"), "$.families[0].sharing_decisions[0].repeats"),
    ("child of no family", _set(0, child="K9"), "$.families[0].sharing_decisions[0].child"),
    ("assessment is a child", _set(0, assessment="K2"), "$.families[0].sharing_decisions[0].assessment"),
    ("assessment without child", _set(0, child=None), "$.families[0].sharing_decisions[0].child"),
    ("blank recipient", _set(2, recipient=""), "$.families[0].sharing_decisions[2].recipient"),
    ("unknown key", _set(2, colour="red"), "$.families[0].sharing_decisions[2].colour"),
    # judged by the import service, with the whole family in view
    ("another child's assessment", _set(0, assessment="G2"), "$.families[0].sharing_decisions[0].assessment"),
    ("one submission twice", _set(1, submission_id="0b9f6c1e-5d2a-4c1b-8e57-0c7f6f0d2a11"),
     "$.families[0].sharing_decisions[1].submission_id"),
]


@pytest.mark.parametrize(("label", "mutate", "path"), INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_decision_is_refused_at_its_path_and_nothing_is_stored(
    db: Database, label: str, mutate: Callable[[dict[str, Any]], None], path: str
) -> None:
    doc = document()
    mutate(doc)
    with pytest.raises(InvalidInput) as raised:
        _import(db, doc)
    assert raised.value.path == path and raised.value.exit_code == 2
    with UnitOfWork(db) as uow:
        assert export_case_file(uow, actor="Priya Shah", app_version="t").families == ()
