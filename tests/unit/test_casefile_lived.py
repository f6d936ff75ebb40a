"""The `lived_experience` and `chronology` family sections: reading rules with their JSON paths,
the schema, and a lossless round trip through the file and through a profile."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.casefile.lived_experience import CHRONOLOGY, LIVED_EXPERIENCE
from app.casefile.sections import DEFAULT_SECTIONS, section_record_ids
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.chronology import family_chronology
from app.services.search import search_notes
from app.services.unit_of_work import UnitOfWork
from app.storage.database import open_database
from tests.unit.test_casefile_parse import TODAY, base_document

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "app" / "casefile" / "schema.json"

ENTRY = {"id": "L1", "child": "K1", "visit": "V1", "occurred_at": "2026-11-10T07:30:00+00:00",
         "recorded_at": "2026-11-10T12:00:00+01:00", "part_of_day": "early_morning",
         "text": "No breakfast; cold flat", "child_voice": "I'm hungry", "impact": "tired in class",
         "source": "child", "themes": ["home_conditions"]}
AGENCY = {"id": "H1", "occurred_at": "2022-09-20T23:10:00+01:00", "child": None,
          "event": "Domestic incident, children present", "source": "West Mercia Police",
          "impact": "woken, frightened", "outcome": "DASH referral",
          "themes": ["domestic_abuse", "parental_substance_use"]}


def document(lived: Any = None, chronology: Any = None, family: int = 0) -> dict[str, Any]:
    doc = base_document()
    if lived is not None:
        doc["families"][family]["lived_experience"] = lived
    if chronology is not None:
        doc["families"][family]["chronology"] = chronology
    return doc


def raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


@pytest.fixture(scope="module")
def schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_both_sections_are_registered() -> None:
    assert DEFAULT_SECTIONS.get("lived_experience") is LIVED_EXPERIENCE
    assert DEFAULT_SECTIONS.get("chronology") is CHRONOLOGY
    keys = [s.key for s in DEFAULT_SECTIONS]  # later features add theirs after these
    assert keys[:4] == ["professionals", "assessments", "lived_experience", "chronology"]


def test_entries_are_read_and_written_back_identically(schema: Draft202012Validator) -> None:
    second = {**ENTRY, "id": "L2", "visit": None, "themes": [], "part_of_day": "weekend"}
    doc = document([ENTRY, second], [AGENCY, {**AGENCY, "id": "H2", "child": "K2", "themes": []}])
    assert schema.is_valid(doc)
    case = parse_case_file(raw(doc), today=TODAY)
    family = case.families[0]
    assert [e.visit for e in LIVED_EXPERIENCE.of(family)] == ["V1", None]
    assert CHRONOLOGY.of(family)[0].occurred_at.isoformat() == "2022-09-20T23:10:00+01:00"
    assert section_record_ids(family) == ["L1", "L2", "H1", "H2"]
    written = case_file_to_json(case, exported=None)
    assert list(written["families"][0])[-2:] == ["lived_experience", "chronology"]
    assert written["families"][0]["lived_experience"] == [ENTRY, second]
    assert "chronology" not in written["families"][1]
    assert parse_case_file(dump_case_file(written), today=TODAY) == case


@pytest.mark.parametrize(("lived", "chronology", "path", "problem"), [
    ([{**ENTRY, "themes": ["toxic_trio"]}], None,
     "$.families[0].lived_experience[0].themes[0]", "not one of the organisation's themes"),
    ([{**ENTRY, "themes": ["home_conditions", "home_conditions"]}], None,
     "$.families[0].lived_experience[0].themes[1]", "listed twice"),
    ([{**ENTRY, "child": "K3"}], None,
     "$.families[0].lived_experience[0].child", "is not a child of this family"),
    ([{**ENTRY, "visit": "V3"}], None,
     "$.families[0].lived_experience[0].visit", "is not a visit of this family"),
    ([{**ENTRY, "part_of_day": "lunch"}], None,
     "$.families[0].lived_experience[0].part_of_day", "expected"),
    ([{**ENTRY, "source": "police"}], None,
     "$.families[0].lived_experience[0].source", "expected"),
    ([{**ENTRY, "id": "K1"}], None,
     "$.families[0].lived_experience[0].id", "already used"),
    (None, [{**AGENCY, "child": "K3"}],
     "$.families[0].chronology[0].child", "is not a child of this family"),
    (None, [{**AGENCY, "themes": ["nope"]}],
     "$.families[0].chronology[0].themes[0]", "not one of the organisation's themes"),
    (None, [{**AGENCY, "source": " "}], "$.families[0].chronology[0].source", "must not be empty"),
    (None, [{k: v for k, v in AGENCY.items() if k != "outcome"}],
     "$.families[0].chronology[0]", "missing required key"),
])
def test_mistakes_are_exit_2_at_their_path(
    lived: Any, chronology: Any, path: str, problem: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_case_file(raw(document(lived, chronology)), today=TODAY)
    assert caught.value.exit_code == 2
    assert (caught.value.path, problem in caught.value.problem) == (path, True)


def test_a_profile_round_trip_is_lossless_and_feeds_chronology_and_search(tmp_path: Path) -> None:
    doc = document([ENTRY], [AGENCY])
    case = parse_case_file(raw(doc), today=TODAY)
    with open_database(tmp_path / "p.db", secrets.token_bytes(32)) as db:
        with UnitOfWork(db) as uow:
            import_case_file(uow, case, actor="Priya Shah")
            uow.commit()
        with UnitOfWork(db) as uow:
            exported = export_case_file(uow, actor="Priya Shah", app_version="test")
            rows = family_chronology(uow, case.families[0].id)
            hits = search_notes(uow, "hungry")
    assert exported.families[0].sections == case.families[0].sections
    written = case_file_to_json(exported, exported=None)
    assert written["families"][0]["lived_experience"] == [ENTRY]
    assert written["families"][0]["chronology"] == [AGENCY]
    assert rows[0].record_id == "H1" and "L1" in [r.record_id for r in rows]
    assert [h.record_id for h in hits] == ["L1"]


def test_the_organisations_own_themes_are_read_when_the_caller_knows_them() -> None:
    """An export from a profile whose organisation adds a theme must import again there."""
    from assessments.themes import catalogue_from_config

    own = catalogue_from_config({"themes": [{"id": "housing_insecurity",
                                             "name": "Housing insecurity"}]})
    doc = document([{**ENTRY, "themes": ["housing_insecurity", "home_conditions"]}],
                   [{**AGENCY, "themes": ["housing_insecurity"]}])
    raw = json.dumps(doc).encode()
    case = parse_case_file(raw, today=TODAY, themes=own)
    family = case.families[0]
    assert LIVED_EXPERIENCE.of(family)[0].themes == ("housing_insecurity", "home_conditions")
    assert CHRONOLOGY.of(family)[0].themes == ("housing_insecurity",)
    with pytest.raises(InvalidInput) as raised:  # without them, the defaults alone
        parse_case_file(raw, today=TODAY)
    assert raised.value.path == "$.families[0].lived_experience[0].themes[0]"
