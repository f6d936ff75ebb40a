"""GCP2 assessments through case-file import and export: lossless, checked against the profile
(previous links, pack item ids), not training-gated, and never carrying content-pack text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from app.errors import InvalidInput
from app.services.assessments import (
    add_addendum,
    complete_assessment,
    save_sub_area,
    set_targets,
    start_assessment,
    update_views,
)
from app.services.case_files import export_case_file, import_case_file
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models import RecordId
from app.storage.models_gcp2 import Gcp2Assessment
from assessments.record import Target
from tests.unit.gcp2_helpers import (
    ACTOR,
    MARKER,
    STARTED,
    add_household,
    audit_text,
    grade_everything,
    import_sample_pack,
    open_profile,
)
from tests.unit.test_casefile_assessments import complete, document, draft

TODAY = date(2026, 11, 29)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_profile(tmp_path / "a.db")
    yield database
    database.close()


def export_bytes(db: Database) -> bytes:
    with UnitOfWork(db) as uow:
        case = export_case_file(uow, actor=ACTOR, app_version="test")
        uow.commit()
    return dump_case_file(case_file_to_json(case, exported=None))


def import_bytes(db: Database, raw: bytes) -> None:
    case = parse_case_file(raw, today=TODAY)
    with UnitOfWork(db) as uow:
        import_case_file(uow, case, actor=ACTOR)
        uow.commit()


def count_assessments(db: Database) -> int:
    with UnitOfWork(db) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Gcp2Assessment)) or 0)


def build_history(db: Database) -> None:
    """A completed baseline with targets and addenda, and a re-grade with item grades."""
    home = add_household(db)
    with UnitOfWork(db) as uow:
        first = start_assessment(uow, ACTOR, home.mia, started_at=STARTED)
        uow.commit()
    grade_everything(db, first.id, 4)
    with UnitOfWork(db) as uow:
        update_views(uow, ACTOR, first.id, strengths="warm", parent_agrees=False,
                     parent_comments="too harsh", practitioner_only="GP to call")
        set_targets(uow, ACTOR, first.id,
                    [Target("physical_care.nutrition", 4, 2, date(2027, 1, 15))])
        complete_assessment(uow, ACTOR, first.id, at=STARTED + timedelta(days=20))
        add_addendum(uow, ACTOR, first.id, reason="typo", text="Housing reads 3",
                     at=STARTED + timedelta(days=21))
        again = start_assessment(uow, ACTOR, home.mia, started_at=STARTED + timedelta(days=60),
                                 previous_id=first.id)
        save_sub_area(uow, ACTOR, again.id, "safety.in_presence", grade=2, evidence="gate fitted",
                      items={"zephyr.in_presence.2": 2, "zephyr.in_presence.1": 1})
        start_assessment(uow, ACTOR, home.jay, started_at=STARTED + timedelta(days=1))
        uow.commit()


def test_assessments_round_trip_losslessly_between_profiles(tmp_path: Path, db: Database) -> None:
    import_sample_pack(db)
    build_history(db)
    first = export_bytes(db)
    exported = json.loads(first)["families"][0]["assessments"]
    assert [a["status"] for a in exported] == ["complete", "draft", "draft"]
    assert exported[1]["previous"] == exported[0]["id"]
    assert exported[0]["addenda"][0]["author"] == ACTOR
    # Item grades keep the order they were entered in.
    assert list(exported[1]["sub_areas"]["safety.in_presence"]["items"]) == [
        "zephyr.in_presence.2", "zephyr.in_presence.1"]
    second_profile = open_profile(tmp_path / "b.db", trained_on=None)  # import is not gated
    try:
        import_sample_pack(second_profile)
        import_bytes(second_profile, first)
        assert export_bytes(second_profile) == first
    finally:
        second_profile.close()


def test_pack_text_never_reaches_an_export_or_the_audit_log(db: Database) -> None:
    import_sample_pack(db)
    build_history(db)
    assert MARKER.encode() not in export_bytes(db)
    assert MARKER not in audit_text(db)


def test_an_import_is_not_training_gated_and_counts_assessments(tmp_path: Path) -> None:
    untrained = open_profile(tmp_path / "c.db", trained_on=None)
    try:
        doc = document(complete("A1"), draft("A2", previous="A1", sub_areas={},
                                             started_at="2027-01-20T10:00:00+00:00"))
        case = parse_case_file(json.dumps(doc).encode(), today=TODAY)
        with UnitOfWork(untrained) as uow:
            summary = import_case_file(uow, case, actor=ACTOR)
            uow.commit()
        assert summary.assessments == 2 and str(summary).endswith(", 2 assessments")
        with UnitOfWork(untrained) as uow:
            assert uow.session.get(RecordId, "A1").kind == "assessment"  # type: ignore[union-attr]
    finally:
        untrained.close()


def _refused(db: Database, doc: dict[str, Any]) -> InvalidInput:
    case = parse_case_file(json.dumps(doc).encode(), today=TODAY)
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput) as caught:
        import_case_file(uow, case, actor=ACTOR)
    return caught.value


def test_item_grades_need_the_pack_that_defines_them(db: Database) -> None:
    item = "$.families[0].assessments[0].sub_areas['physical_care.nutrition'].items"
    found = _refused(db, document(draft("A1")))
    assert found.path == f"{item}['zephyr.nutrition.1']" and "none is loaded" in found.problem
    import_sample_pack(db)
    wrong = draft("A1")
    wrong["sub_areas"]["physical_care.nutrition"]["items"] = {"zephyr.in_presence.1": 2}
    found = _refused(db, document(wrong))
    assert found.path == f"{item}['zephyr.in_presence.1']" and "has no item" in found.problem
    import_bytes(db, json.dumps(document(draft("A1"))).encode())  # a known item is accepted
    assert count_assessments(db) == 1


def test_previous_must_be_found_and_be_of_the_same_child(db: Database) -> None:
    home = add_household(db)
    with UnitOfWork(db) as uow:
        stored = start_assessment(uow, ACTOR, home.mia, started_at=STARTED - timedelta(days=9))
        uow.commit()
    found = _refused(db, document(draft("A1", previous="G-nowhere", sub_areas={})))
    assert found.path == "$.families[0].assessments[0].previous"
    assert "no assessment 'G-nowhere'" in found.problem
    # The profile's assessment is of a child of the profile, never of the file's child.
    found = _refused(db, document(draft("A1", previous=stored.id, sub_areas={})))
    assert found.path == "$.families[0].assessments[0].previous" and "same child" in found.problem
    # An assessment of the file's other family is another child too.
    doc = document(draft("A1", previous="A9", sub_areas={}))
    doc["families"][1]["assessments"] = [draft("A9", child="K3", sub_areas={},
                                               started_at="2026-01-01T00:00:00+00:00")]
    found = _refused(db, doc)
    assert found.path == "$.families[0].assessments[0].previous" and "same child" in found.problem
    assert count_assessments(db) == 1


def test_an_assessment_id_the_profile_holds_is_refused_at_its_path(db: Database) -> None:
    home = add_household(db)
    with UnitOfWork(db) as uow:
        stored = start_assessment(uow, ACTOR, home.mia)
        uow.commit()
    found = _refused(db, document(draft(stored.id, sub_areas={})))
    assert found.path == "$.families[0].assessments[0].id"
    assert "already exists in this profile" in found.problem
