"""Case-file import and export: all or nothing, ids checked against the profile, lossless order."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from app.casefile.records import (
    CarerRecord,
    CaseFile,
    ChildRecord,
    FamilyRecord,
    FamilySections,
    VisitRecord,
)
from app.errors import InvalidInput
from app.services.case_files import export_case_file, import_case_file
from app.services.families import add_carer, create_family
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database, open_database
from app.storage.models import AuditEvent, RecordId

ACTOR = "Priya Shah"
OFFSETS = [timezone.utc, timezone(timedelta(hours=1)), timezone(timedelta(hours=5, minutes=30)),
           timezone(timedelta(hours=-3, minutes=-30))]


def sample_case(families: int = 3, visits: int = 3, prefix: str = "") -> CaseFile:
    """A file whose ids are deliberately not in sorted order, with varied offsets."""
    out = []
    for f in reversed(range(families)):
        carers = (CarerRecord(f"{prefix}C{f}z", f"Carer {f} z", "mother", True),
                  CarerRecord(f"{prefix}C{f}a", f"Carer {f} a", "stepfather", False))
        children = (ChildRecord(f"{prefix}K{f}", f"Child {f}", date(2023, 5, 1), None),
                    ChildRecord(f"{prefix}K{f}-twin", "Twin", date(2023, 5, 1), "9434765919"))
        tz = OFFSETS[f % len(OFFSETS)]
        out.append(FamilyRecord(
            f"{prefix}F{f}", f"Family {f}", f"{f} Mill Lane", carers, children,
            tuple(
                VisitRecord(
                    f"{prefix}V{f}-{9 - v}",
                    datetime(2026, 11, 20 - v, 10, 0, 7, 120, tzinfo=tz),
                    datetime(2026, 11, 21 - v, 12, 30, tzinfo=tz),
                    "unannounced" if v % 2 else "announced",
                    (children[1].id, carers[0].id) if v % 2 else (),
                    f"notes {f}-{v} ✓ émigré",
                )
                for v in range(visits)
            ),
        ))
    return CaseFile(tuple(out))


def timestamps(case: CaseFile) -> list[tuple[str, str]]:
    """ISO text of every visit's times: `==` on aware datetimes ignores the offset, this does not."""
    return [(v.occurred_at.isoformat(), v.recorded_at.isoformat())
            for family in case.families for v in family.visits]


def _open(path: Path) -> Database:
    return open_database(path, secrets.token_bytes(32))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = _open(tmp_path / "homevisit.db")
    yield database
    database.close()


def _import(db: Database, case: CaseFile) -> None:
    with UnitOfWork(db) as uow:
        import_case_file(uow, case, actor=ACTOR)
        uow.commit()


def _export(db: Database) -> CaseFile:
    with UnitOfWork(db) as uow:
        case = export_case_file(uow, actor=ACTOR, app_version="0.1.0")
        uow.commit()
    return case


def test_import_then_export_reproduces_the_file_in_its_order(db: Database) -> None:
    case = sample_case()
    with UnitOfWork(db) as uow:
        summary = import_case_file(uow, case, actor=ACTOR)
        uow.commit()
    assert (summary.families, summary.carers, summary.children, summary.visits) == (3, 6, 6, 9)
    assert str(summary) == "3 families, 6 carers, 6 children, 9 visits"
    exported = _export(db)
    assert exported == case
    assert timestamps(exported) == timestamps(case)
    assert "2026-11-20T10:00:07.000120+05:30" in {t for t, _ in timestamps(exported)}


def test_round_trip_through_a_second_profile_is_identical(db: Database, tmp_path: Path) -> None:
    _import(db, sample_case())
    first = _export(db)
    second_db = _open(tmp_path / "second.db")
    try:
        _import(second_db, first)
        second = _export(second_db)
    finally:
        second_db.close()
    assert second == first
    assert timestamps(second) == timestamps(first)


def test_second_import_appends_after_existing_records(db: Database) -> None:
    with UnitOfWork(db) as uow:
        made = create_family(uow, ACTOR, name="Made here", address="1 Elm Row")
        uow.commit()
    _import(db, sample_case(families=2, prefix="x"))
    _import(db, sample_case(families=1, prefix="y"))
    assert [f.id for f in _export(db).families] == [made.id, "xF1", "xF0", "yF0"]


CLASHES = [
    ("family id", "F0", "$.families[0].id"),
    ("carer id used by a family", "F0", "$.families[1].carers[1].id"),
    ("child id used by a carer", "C0z", "$.families[2].children[0].id"),
    ("visit id used by a child", "K0", "$.families[1].visits[2].id"),
]


@pytest.mark.parametrize(("label", "clashing_id", "path"), CLASHES, ids=[c[0] for c in CLASHES])
def test_an_id_already_in_the_profile_is_refused_with_its_path_and_nothing_lands(
    db: Database, label: str, clashing_id: str, path: str
) -> None:
    _import(db, sample_case(families=1))  # F0, C0z, C0a, K0, K0-twin, V0-9…
    before = _export(db)
    clash = sample_case(families=3, prefix="n")
    families = list(clash.families)
    if path == "$.families[0].id":
        families[0] = replace(families[0], id=clashing_id)
    elif ".carers[1]" in path:
        families[1] = replace(families[1], carers=(families[1].carers[0],
                                                   replace(families[1].carers[1], id=clashing_id)))
    elif ".children[0]" in path:
        families[2] = replace(families[2], children=(replace(families[2].children[0], id=clashing_id),
                                                     families[2].children[1]))
    else:
        visits = list(families[1].visits)
        visits[2] = replace(visits[2], id=clashing_id)
        families[1] = replace(families[1], visits=tuple(visits))
    with UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as raised:
            import_case_file(uow, CaseFile(tuple(families)), actor=ACTOR)
        uow.commit()  # even a commit after the refusal must find nothing half-written
    assert raised.value.path == path
    assert raised.value.problem == f"id '{clashing_id}' already exists in this profile"
    assert _export(db) == before


def test_a_clash_with_an_app_made_record_names_its_path(db: Database) -> None:
    with UnitOfWork(db) as uow:
        family = create_family(uow, ACTOR, name="Made here", address="1 Elm Row")
        carer = add_carer(uow, ACTOR, family.id, name="A", relationship="aunt",
                          parental_responsibility=False)
        uow.commit()
    case = sample_case(families=1)
    clash = replace(case.families[0], carers=(case.families[0].carers[0],
                                              replace(case.families[0].carers[1], id=carer.id)))
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput) as raised:
        import_case_file(uow, CaseFile((clash,)), actor=ACTOR)
    assert raised.value.path == "$.families[0].carers[1].id"


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda f: replace(f, carers=(f.carers[0], replace(f.carers[1], id=f.carers[0].id))),
         "$.families[0].carers[1].id"),
        (lambda f: replace(f, id="x" * 65), "$.families[0].id"),
        (lambda f: replace(f, visits=(replace(f.visits[0], present=("K-elsewhere",)),)),
         "$.families[0].visits[0].present[0]"),
    ],
    ids=["duplicate in file", "id too long", "present names a stranger"],
)
def test_unvalidated_files_are_refused_before_anything_is_written(
    db: Database, mutate: object, path: str
) -> None:
    family = mutate(sample_case(families=1).families[0])  # type: ignore[operator]
    with UnitOfWork(db) as uow:
        with pytest.raises(InvalidInput) as raised:
            import_case_file(uow, CaseFile((family,)), actor=ACTOR)
        assert uow.session.scalar(select(func.count()).select_from(RecordId)) == 0
    assert raised.value.path == path


def test_sections_this_version_cannot_store_are_refused_not_dropped(db: Database) -> None:
    family = sample_case(families=1, prefix="s").families[0]
    with_section = replace(family, sections=FamilySections((("pets", ("entry",)),)))
    with UnitOfWork(db) as uow, pytest.raises(InvalidInput) as raised:
        import_case_file(uow, CaseFile((sample_case(families=1).families[0], with_section)),
                         actor=ACTOR)
    assert raised.value.path == "$.families[1].pets"


def test_import_and_export_are_audited_with_counts_not_content(db: Database) -> None:
    _import(db, sample_case(families=2))
    _export(db)
    with UnitOfWork(db) as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.detail).order_by(AuditEvent.seq)
        ).all()
    assert [e.action for e in events] == ["import", "export"]
    assert json.loads(events[0].detail)["visits"] == 6
    assert json.loads(events[0].detail)["family_ids"] == ["F1", "F0"]
    assert json.loads(events[1].detail) == {"families": 2, "app_version": "0.1.0"}
    assert not any("Mill Lane" in e.detail or "Carer" in e.detail for e in events)


def test_importing_10000_visits_is_a_fixed_number_of_statements(db: Database) -> None:
    """Speed comes from one executemany per table, whatever the size (the timing itself is in
    bench/: `python -m bench.run foundation`). Twice the families: no more statements."""
    counts = []
    for size, tag in ((250, "a"), (500, "b")):
        case = sample_case(families=size, visits=20, prefix=tag)
        statements: list[str] = []

        def count(*args: object, into: list[str] = statements) -> None:
            into.append(str(args[2]))

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            with UnitOfWork(db) as uow:
                summary = import_case_file(uow, case, actor=ACTOR)
                uow.commit()
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        assert summary.visits == size * 20
        counts.append(len(statements))
    assert counts[1] <= counts[0], counts
