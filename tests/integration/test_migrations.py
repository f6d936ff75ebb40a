"""Schema migrations: one linear chain, models matching it, and every revision upgradable to head.

When you add a revision, add to REPRESENTATIVE_ROWS the plain SQL that a database saved at that
revision would hold; the tests below then upgrade it to head and read it through the services.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from app.casefile.assessments import ASSESSMENTS
from app.casefile.lived_experience import (
    CHRONOLOGY,
    LIVED_EXPERIENCE,
    ChronologyRecord,
    LivedExperienceRecord,
)
from app.casefile.professionals import PROFESSIONALS, ProfessionalRecord
from app.casefile.records import CarerRecord, ChildRecord, FamilyRecord, VisitRecord
from app.errors import HomeVisitError
from app.services.case_files import export_case_file
from app.services.drafts import list_drafts
from app.services.families import caseload, create_family, get_family
from app.services.professionals import add_professional
from app.services.unit_of_work import UnitOfWork
from app.services.views import DraftView, ProfessionalView, is_late_entry
from app.storage.database import (
    MIGRATIONS,
    Database,
    alembic_config,
    head_revision,
    open_database,
)
from app.storage.models import Base
from assessments import gcp2
from assessments.record import Addendum, AreaGrade, Assessment, SubAreaGrade, Target

KEY = secrets.token_bytes(32)

_FOUNDATION_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('F-old', 'family'), ('C-old', 'carer'), "
    "('K-old', 'child'), ('V-old', 'visit')",
    "INSERT INTO families (id, seq, name, address) VALUES ('F-old', 1, 'Family saved long ago', "
    "'1 Old Road')",
    "INSERT INTO carers (id, family_id, seq, name, relationship, parental_responsibility) "
    "VALUES ('C-old', 'F-old', 1, 'Carer', 'mother', 1)",
    "INSERT INTO children (id, family_id, seq, name, date_of_birth, nhs_number) "
    "VALUES ('K-old', 'F-old', 1, 'Child', '2023-05-01', NULL)",
    "INSERT INTO visits (id, family_id, seq, occurred_at, recorded_at, occurred_utc, kind, notes) "
    "VALUES ('V-old', 'F-old', 1, '2026-07-01T09:40:00+01:00', '2026-07-02T08:00:00+01:00', "
    "'2026-07-01T08:40:00.000000+00:00', 'unannounced', 'notes')",
    "INSERT INTO visit_presence (visit_id, position, family_id, carer_id, child_id) "
    "VALUES ('V-old', 0, 'F-old', NULL, 'K-old'), ('V-old', 1, 'F-old', 'C-old', NULL)",
]

_BST = timezone(timedelta(hours=1))
_FOUNDATION_FAMILY = FamilyRecord(
    id="F-old", name="Family saved long ago", address="1 Old Road",
    carers=(CarerRecord("C-old", "Carer", "mother", True),),
    children=(ChildRecord("K-old", "Child", date(2023, 5, 1), None),),
    visits=(VisitRecord("V-old", datetime(2026, 7, 1, 9, 40, tzinfo=_BST),
                        datetime(2026, 7, 2, 8, 0, tzinfo=_BST), "unannounced",
                        ("K-old", "C-old"), "notes"),),
)

_PROFESSIONAL_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('R-gp', 'professional'), ('R-sw', 'professional')",
    "INSERT INTO professionals (id, family_id, seq, name, agency, role, contact, lead) VALUES "
    "('R-gp', 'F-old', 1, 'Dr Patel', 'Mill Lane Surgery', 'GP', '0161 496 0000', 0), "
    "('R-sw', 'F-old', 2, 'Tom Reid', 'Children''s Services', 'social worker', '', 1)",
    "INSERT INTO drafts (key, text, saved_at) VALUES "
    "('visit:V-old:notes', 'half-typed notes', '2026-11-29T01:00:00.000000+00:00')",
]
_PROFESSIONALS = (
    ProfessionalView("R-gp", "F-old", "Dr Patel", "Mill Lane Surgery", "GP", "0161 496 0000",
                     False),
    ProfessionalView("R-sw", "F-old", "Tom Reid", "Children's Services", "social worker", "",
                     True),
)
_DRAFTS = (
    DraftView("visit:V-old:notes", "half-typed notes", datetime(2026, 11, 29, 1, tzinfo=timezone.utc)),
)


_UTC = timezone.utc
_SUB_AREA_ROWS = ", ".join(
    f"('G-old1', '{sub}', {1 + n % 5}, 'seen {n}', '{{}}')" for n, sub in enumerate(gcp2.SUB_AREA_IDS)
)
_GCP2_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('G-old1', 'assessment'), ('G-old2', 'assessment')",
    "INSERT INTO assessments (id, family_id, child_id, seq, tool, status, started_at, completed_at, "
    "previous_id, strengths, carer_views, child_views, parent_agrees, parent_comments, "
    "practitioner_only, pack_id, pack_version) VALUES "
    "('G-old1', 'F-old', 'K-old', 1, 'gcp2', 'complete', '2026-07-01T09:00:00+01:00', "
    "'2026-07-20T16:00:00+01:00', NULL, 'warm', 'tired', 'likes kites', 0, 'too harsh', "
    "'note', NULL, NULL), "
    "('G-old2', 'F-old', 'K-old', 2, 'gcp2', 'draft', '2026-11-01T09:00:00+00:00', NULL, "
    "'G-old1', '', '', '', NULL, '', '', 'zephyr-sample', 1)",
    f"INSERT INTO assessment_sub_areas (assessment_id, sub_area_id, grade, evidence, items) "
    f"VALUES {_SUB_AREA_ROWS}, "
    "('G-old2', 'physical_care.nutrition', 2, 'fruit bowl', '{\"zephyr.nutrition.1\": 2}')",
    "INSERT INTO assessment_areas (assessment_id, area_id, grade, rationale) VALUES "
    "('G-old1', 'physical_care', 3, ''), ('G-old1', 'safety', 5, 'outside the range'), "
    "('G-old1', 'emotional_care', 3, ''), ('G-old1', 'developmental_care', 2, '')",
    "INSERT INTO assessment_targets (assessment_id, position, sub_area_id, current_grade, "
    "target_grade, review_by, review_grade) VALUES "
    "('G-old1', 0, 'physical_care.nutrition', 4, 2, '2027-01-15', NULL)",
    "INSERT INTO assessment_addenda (assessment_id, position, at, author, reason, text) VALUES "
    "('G-old1', 0, '2026-07-21T10:00:00+01:00', 'Priya Shah', 'typo', 'Housing is 2')",
]
_GCP2_ASSESSMENTS = (
    Assessment(
        id="G-old1", child="K-old", started_at=datetime(2026, 7, 1, 9, tzinfo=_BST),
        status="complete", completed_at=datetime(2026, 7, 20, 16, tzinfo=_BST),
        sub_areas={sub: SubAreaGrade(1 + n % 5, f"seen {n}")
                   for n, sub in enumerate(gcp2.SUB_AREA_IDS)},
        areas={"physical_care": AreaGrade(3), "safety": AreaGrade(5, "outside the range"),
               "emotional_care": AreaGrade(3), "developmental_care": AreaGrade(2)},
        strengths="warm", carer_views="tired", child_views="likes kites", parent_agrees=False,
        parent_comments="too harsh", practitioner_only="note",
        targets=(Target("physical_care.nutrition", 4, 2, date(2027, 1, 15)),),
        addenda=(Addendum(datetime(2026, 7, 21, 10, tzinfo=_BST), "Priya Shah", "typo",
                          "Housing is 2"),),
    ),
    Assessment(
        id="G-old2", child="K-old", started_at=datetime(2026, 11, 1, 9, tzinfo=_UTC),
        previous="G-old1",
        sub_areas={"physical_care.nutrition": SubAreaGrade(2, "fruit bowl",
                                                           {"zephyr.nutrition.1": 2})},
    ),
)


@dataclass(frozen=True)
class SavedAt:
    """Plain SQL valid at one revision, and what those rows must read back as at head."""

    statements: list[str]
    family: FamilyRecord
    professionals: tuple[ProfessionalView, ...] = ()
    drafts: tuple[DraftView, ...] = ()


_LIVED_ROWS = [
    "INSERT INTO record_ids (id, kind) VALUES ('L-old', 'lived_experience'), "
    "('H-old', 'chronology_entry')",
    "INSERT INTO lived_experience (id, family_id, child_id, visit_id, seq, occurred_at, "
    "recorded_at, part_of_day, text, child_voice, impact, source, themes) VALUES ('L-old', "
    "'F-old', 'K-old', 'V-old', 1, '2026-07-01T07:30:00+01:00', '2026-07-01T12:00:00+01:00', "
    "'early_morning', 'No breakfast', 'my tummy hurts', 'hungry at school', 'child', "
    "'[\"home_conditions\"]')",
    "INSERT INTO chronology_entries (id, family_id, child_id, seq, occurred_at, event, source, "
    "impact, outcome, themes) VALUES ('H-old', 'F-old', NULL, 1, '2026-06-01T00:00:00+00:00', "
    "'Police called', 'Police', 'child awake', 'DASH done', '[\"domestic_abuse\"]')",
    "INSERT INTO prompt_dismissals (seq, prompt_key, family_id, child_id, reason, dismissed_by, "
    "dismissed_at) VALUES (1, 'abc', 'F-old', NULL, 'already in a meeting', 'Priya Shah', "
    "'2026-07-02T09:00:00+01:00')",
]

_LIVED = (LivedExperienceRecord(
    "L-old", "K-old", "V-old", datetime(2026, 7, 1, 7, 30, tzinfo=_BST),
    datetime(2026, 7, 1, 12, tzinfo=_BST), "early_morning", "No breakfast", "my tummy hurts",
    "hungry at school", "child", ("home_conditions",)),)
_AGENCY = (ChronologyRecord(
    "H-old", datetime(2026, 6, 1, tzinfo=_UTC), None, "Police called", "Police", "child awake",
    "DASH done", ("domestic_abuse",)),)

REPRESENTATIVE_ROWS: dict[str, SavedAt] = {
    "0001": SavedAt(_FOUNDATION_ROWS, _FOUNDATION_FAMILY),
    "0002": SavedAt(_FOUNDATION_ROWS + _PROFESSIONAL_ROWS, _FOUNDATION_FAMILY, _PROFESSIONALS,
                    _DRAFTS),
    "0003": SavedAt(_FOUNDATION_ROWS + _PROFESSIONAL_ROWS + _GCP2_ROWS,
                    ASSESSMENTS.with_value(_FOUNDATION_FAMILY, _GCP2_ASSESSMENTS),
                    _PROFESSIONALS, _DRAFTS),
    "0004": SavedAt(_FOUNDATION_ROWS + _PROFESSIONAL_ROWS + _GCP2_ROWS + _LIVED_ROWS,
                    CHRONOLOGY.with_value(LIVED_EXPERIENCE.with_value(ASSESSMENTS.with_value(
                        _FOUNDATION_FAMILY, _GCP2_ASSESSMENTS), _LIVED), _AGENCY),
                    _PROFESSIONALS, _DRAFTS),
}
# Revisions that add tables of their own replace these entries with their representative rows.
from tests.integration.migration_rows_planned import (  # noqa: E402  (0005's rows)
    saved_with_planned_visits,
)

REPRESENTATIVE_ROWS["0005"] = saved_with_planned_visits(REPRESENTATIVE_ROWS["0004"])
from tests.sync.migration_rows import saved_with_sharing  # noqa: E402  (0006's rows)

REPRESENTATIVE_ROWS["0006"] = saved_with_sharing(REPRESENTATIVE_ROWS["0005"])
from tests.integration.migration_rows_plans import saved_with_plans  # noqa: E402  (0007's rows)

REPRESENTATIVE_ROWS["0007"] = saved_with_plans(REPRESENTATIVE_ROWS["0006"])


def _chain() -> list[str]:
    """Revision ids from the first to the head."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_revisions_form_one_linear_chain() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    revisions = list(reversed(list(script.walk_revisions())))
    assert revisions[0].down_revision is None
    for previous, current in zip(revisions, revisions[1:], strict=False):
        assert current.down_revision == previous.revision


def test_revision_files_are_date_prefixed_and_in_chain_order() -> None:
    files = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    assert files, "no revisions found"
    for name in files:
        assert re.fullmatch(r"\d{4}_\d{2}_\d{2}_\w+\.py", name), name
    in_file_order = [
        re.search(r"^revision: str = ['\"](\w+)['\"]", (MIGRATIONS / "versions" / f).read_text(),
                  re.M).group(1)  # type: ignore[union-attr]
        for f in files
    ]
    assert in_file_order == _chain()


def test_every_revision_has_representative_rows() -> None:
    assert set(REPRESENTATIVE_ROWS) == set(_chain())


def _diff(conn: Any) -> list[Any]:
    """Schema differences, leaving out the FTS5 index (raw SQL, not an ORM model)."""
    def ours(name: str | None, kind: str, parents: Any) -> bool:
        return not (kind == "table" and name is not None and name.startswith("notes_fts"))
    context = MigrationContext.configure(conn, opts={"include_name": ours})
    return list(compare_metadata(context, Base.metadata))


def test_the_models_match_the_migrated_schema(tmp_path: Path) -> None:
    with open_database(tmp_path / "homevisit.db", KEY) as db, db.engine.connect() as conn:
        assert _diff(conn) == []


@pytest.mark.parametrize("revision", _chain())
def test_a_database_saved_at_each_revision_upgrades_and_reads(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "homevisit.db"
    old = open_database(path, KEY, upgrade_to=revision)
    assert old.schema_revision() == revision
    saved = REPRESENTATIVE_ROWS[revision]
    family = saved.family
    with old.engine.begin() as conn:
        for statement in saved.statements:
            conn.exec_driver_sql(statement)
    old.close()

    db: Database = open_database(path, KEY)
    try:
        assert db.schema_revision() == head_revision()
        assert db.integrity_problems() == []
        with db.engine.connect() as conn:
            assert _diff(conn) == []
        with UnitOfWork(db) as uow:
            detail = get_family(uow, family.id, actor="Priya Shah")
            exported = export_case_file(uow, actor="Priya Shah", app_version="test")
            rows = caseload(uow)
            drafts = list_drafts(uow)
    finally:
        db.close()
    assert detail.name == family.name
    assert detail.professionals == saved.professionals
    assert tuple(drafts) == saved.drafts
    assert [v.late_entry for v in detail.visits] == [
        is_late_entry(v.occurred_at, v.recorded_at) for v in family.visits
    ]
    # The case file carries the professionals too (section `professionals`), in entry order.
    expected = PROFESSIONALS.with_value(family, tuple(
        ProfessionalRecord(p.id, p.name, p.agency, p.role, p.contact, p.lead)
        for p in saved.professionals
    ))
    assert exported.families == (expected,)
    # `==` on aware datetimes ignores offsets; the saved offset must survive the upgrade too.
    assert [(v.occurred_at.isoformat(), v.recorded_at.isoformat()) for v in detail.visits] == [
        (v.occurred_at.isoformat(), v.recorded_at.isoformat()) for v in family.visits
    ]
    assert rows[0].visit_count == len(family.visits)


def test_a_foundation_database_takes_professionals_after_the_upgrade(tmp_path: Path) -> None:
    """0002 rebuilt `record_ids` to widen its kind CHECK; its other rules must have survived."""
    path = tmp_path / "homevisit.db"
    open_database(path, KEY, upgrade_to="0001").close()
    db = open_database(path, KEY)
    try:
        with UnitOfWork(db) as uow:
            family = create_family(uow, "Priya Shah", name="Okafor", address="14 Mill Lane")
            gp = add_professional(uow, "Priya Shah", family.id, name="Dr Patel", agency="Surgery",
                                  role="GP", contact="", lead=True)
            uow.commit()
        refused = [
            "INSERT INTO record_ids (id, kind) VALUES ('X-1', 'stranger')",  # kind CHECK
            "INSERT INTO record_ids (id, kind) VALUES ('', 'family')",  # id length CHECK
            f"INSERT INTO record_ids (id, kind) VALUES ('{gp.id}', 'family')",  # primary key
            # (id, record_kind) must name a registered professional, not a family's id
            "INSERT INTO professionals (id, family_id, seq, name, agency, role, contact, lead) "
            f"VALUES ('{family.id}', '{family.id}', 9, 'n', 'a', 'r', 'c', 0)",
        ]
        for statement in refused:
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.exec_driver_sql(statement)
    finally:
        db.close()


def test_opening_an_up_to_date_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    open_database(path, KEY).close()
    before = path.read_bytes()
    open_database(path, KEY).close()
    assert path.read_bytes() == before


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "homevisit.db"
    db = open_database(path, KEY)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(HomeVisitError, match="newer version of HomeVisit"):
        open_database(path, KEY)


def test_a_0002_database_takes_assessments_after_the_upgrade(tmp_path: Path) -> None:
    """0003 rebuilt `record_ids` again; the new tables' own keys hold for any SQL."""
    from app.services.assessments import start_assessment
    from app.services.families import add_child
    from app.services.practitioners import create_practitioner

    path = tmp_path / "homevisit.db"
    open_database(path, KEY, upgrade_to="0002").close()
    db = open_database(path, KEY)
    try:
        with UnitOfWork(db) as uow:
            create_practitioner(uow, name="Priya Shah", gcp2_trained_on=date(2025, 3, 1))
            family = create_family(uow, "Priya Shah", name="Okafor", address="14 Mill Lane")
            other = create_family(uow, "Priya Shah", name="Brown", address="2 Elm Row")
            mia = add_child(uow, "Priya Shah", family.id, name="Mia", date_of_birth=date(2024, 1, 2))
            sam = add_child(uow, "Priya Shah", other.id, name="Sam", date_of_birth=date(2022, 6, 3))
            first = start_assessment(uow, "Priya Shah", mia.id)
            uow.commit()
        refused = [
            "INSERT INTO record_ids (id, kind) VALUES ('X-1', 'stranger')",  # kind CHECK
            f"INSERT INTO record_ids (id, kind) VALUES ('{first.id}', 'visit')",  # primary key
            # a child of another family
            "INSERT INTO record_ids (id, kind) VALUES ('G-x', 'assessment')",
        ]
        for statement in refused[:2]:
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.exec_driver_sql(statement)
        columns = ("(id, family_id, child_id, seq, tool, status, started_at, completed_at, "
                   "previous_id, strengths, carer_views, child_views, parent_agrees, "
                   "parent_comments, practitioner_only)")
        wrong = [
            # the child is not of the assessment's family
            f"('G-x', '{family.id}', '{sam.id}', 9, 'gcp2', 'draft', "
            "'2026-11-01T09:00:00+00:00', NULL, NULL, '', '', '', NULL, '', '')",
            # `previous` is an assessment of another child
            f"('G-x', '{other.id}', '{sam.id}', 9, 'gcp2', 'draft', "
            f"'2026-11-01T09:00:00+00:00', NULL, '{first.id}', '', '', '', NULL, '', '')",
            # complete without a completion time
            f"('G-x', '{family.id}', '{mia.id}', 9, 'gcp2', 'complete', "
            "'2026-11-01T09:00:00+00:00', NULL, NULL, '', '', '', NULL, '', '')",
        ]
        for values in wrong:
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.exec_driver_sql(refused[2])
                conn.exec_driver_sql(f"INSERT INTO assessments {columns} VALUES {values}")
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO assessment_sub_areas (assessment_id, sub_area_id, grade, evidence, "
                f"items) VALUES ('{first.id}', 'physical_care.nutrition', 6, '', '{{}}')"
            )
    finally:
        db.close()


def test_visit_notes_saved_before_0004_are_searchable_after_the_upgrade(tmp_path: Path) -> None:
    from app.services.search import search_notes

    path = tmp_path / "homevisit.db"
    old = open_database(path, KEY, upgrade_to="0003")
    with old.engine.begin() as conn:
        for statement in _FOUNDATION_ROWS:
            conn.exec_driver_sql(statement)
    old.close()
    with open_database(path, KEY) as db, UnitOfWork(db) as uow:
        assert [h.record_id for h in search_notes(uow, "notes")] == ["V-old"]
