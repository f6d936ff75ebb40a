"""GCP2 assessments between their rows and `assessments.record.Assessment` values, both ways.

Owns the row shapes: the services and the case-file import/export go through here, so an
assessment saved by the editor and one imported from a file are stored the same way. Holds no
rules: the lifecycle and grading rules are `assessments/`'s, applied by the callers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.storage.models_gcp2 import (
    Gcp2Addendum,
    Gcp2AreaGrade,
    Gcp2Assessment,
    Gcp2SubAreaGrade,
    Gcp2Target,
)
from assessments import gcp2
from assessments.record import Addendum, AreaGrade, Assessment, SubAreaGrade, Target

CHILD_TABLES = (Gcp2SubAreaGrade, Gcp2AreaGrade, Gcp2Target, Gcp2Addendum)
_SCALARS = ("strengths", "carer_views", "child_views", "parent_agrees", "parent_comments",
            "practitioner_only")


def table(model: Any) -> Table:
    return cast(Table, model.__table__)


def assessment_values(record: Assessment) -> dict[str, Any]:
    """The `assessments` row's own columns for a record (not id, family, seq or pack)."""
    values: dict[str, Any] = {name: getattr(record, name) for name in _SCALARS}
    values.update(
        child_id=record.child, tool=record.tool, status=record.status,
        started_at=record.started_at, completed_at=record.completed_at,
        previous_id=record.previous,
    )
    return values


def detail_rows(record: Assessment) -> dict[Any, list[dict[str, Any]]]:
    """Rows of the four detail tables for a record, keyed by model."""
    a = record.id
    return {
        Gcp2SubAreaGrade: [
            {"assessment_id": a, "sub_area_id": sub, "grade": entry.grade,
             "evidence": entry.evidence, "items": dict(entry.items)}
            for sub, entry in record.sub_areas.items()
        ],
        Gcp2AreaGrade: [
            {"assessment_id": a, "area_id": area, "grade": entry.grade,
             "rationale": entry.rationale}
            for area, entry in record.areas.items()
        ],
        Gcp2Target: [
            {"assessment_id": a, "position": n, "sub_area_id": t.sub_area,
             "current_grade": t.current, "target_grade": t.target, "review_by": t.review_by,
             "review_grade": t.review_grade}
            for n, t in enumerate(record.targets)
        ],
        Gcp2Addendum: [
            {"assessment_id": a, "position": n, "at": x.at, "author": x.author,
             "reason": x.reason, "text": x.text}
            for n, x in enumerate(record.addenda)
        ],
    }


def insert_details(session: Session, rows: Mapping[Any, list[dict[str, Any]]]) -> None:
    for model in CHILD_TABLES:
        if rows.get(model):
            session.execute(insert(table(model)), rows[model])


def save(session: Session, row: Gcp2Assessment, record: Assessment) -> None:
    """Write `record` over the stored assessment `row` (same id): columns and detail rows."""
    for name, value in assessment_values(record).items():
        setattr(row, name, value)
    session.flush()
    for model in CHILD_TABLES:
        session.execute(delete(table(model)).where(table(model).c.assessment_id == row.id))
    insert_details(session, detail_rows(record))


def records_of(session: Session, rows: Iterable[Gcp2Assessment]) -> list[Assessment]:
    """The records of stored assessments, in the order given; four queries whatever the count.

    Sub-areas come back in chart order, so an export does not depend on the order of entry.
    """
    rows = list(rows)
    ids = [r.id for r in rows]
    if not ids:
        return []
    subs: dict[str, dict[str, SubAreaGrade]] = defaultdict(dict)
    chart = {sub: n for n, sub in enumerate(gcp2.SUB_AREA_IDS)}
    found = session.scalars(
        select(Gcp2SubAreaGrade).where(Gcp2SubAreaGrade.assessment_id.in_(ids))
    ).all()
    for s in sorted(found, key=lambda s: chart.get(s.sub_area_id, len(chart))):
        subs[s.assessment_id][s.sub_area_id] = SubAreaGrade(s.grade, s.evidence, dict(s.items))
    areas: dict[str, dict[str, AreaGrade]] = defaultdict(dict)
    order = {area: n for n, area in enumerate(gcp2.AREA_IDS)}
    found_areas = session.scalars(
        select(Gcp2AreaGrade).where(Gcp2AreaGrade.assessment_id.in_(ids))
    ).all()
    for g in sorted(found_areas, key=lambda g: order.get(g.area_id, len(order))):
        areas[g.assessment_id][g.area_id] = AreaGrade(g.grade, g.rationale)
    targets: dict[str, list[Target]] = defaultdict(list)
    for t in session.scalars(
        select(Gcp2Target).where(Gcp2Target.assessment_id.in_(ids)).order_by(Gcp2Target.position)
    ):
        targets[t.assessment_id].append(
            Target(t.sub_area_id, t.current_grade, t.target_grade, t.review_by, t.review_grade)
        )
    addenda: dict[str, list[Addendum]] = defaultdict(list)
    for x in session.scalars(
        select(Gcp2Addendum).where(Gcp2Addendum.assessment_id.in_(ids))
        .order_by(Gcp2Addendum.position)
    ):
        addenda[x.assessment_id].append(Addendum(x.at, x.author, x.reason, x.text))
    return [
        Assessment(
            id=r.id, child=r.child_id, started_at=r.started_at,
            status="complete" if r.status == "complete" else "draft",
            tool=r.tool, completed_at=r.completed_at, previous=r.previous_id,
            sub_areas=subs.get(r.id, {}), areas=areas.get(r.id, {}),
            strengths=r.strengths, carer_views=r.carer_views, child_views=r.child_views,
            parent_agrees=r.parent_agrees, parent_comments=r.parent_comments,
            practitioner_only=r.practitioner_only,
            targets=tuple(targets.get(r.id, ())), addenda=tuple(addenda.get(r.id, ())),
        )
        for r in rows
    ]


def record_of(session: Session, row: Gcp2Assessment) -> Assessment:
    return records_of(session, [row])[0]


def by_family(session: Session) -> dict[str, tuple[Assessment, ...]]:
    """Every stored assessment as records, per family, in stored (`seq`) order."""
    rows = list(session.scalars(select(Gcp2Assessment).order_by(Gcp2Assessment.seq)))
    grouped: dict[str, list[Assessment]] = defaultdict(list)
    for row, record in zip(rows, records_of(session, rows), strict=True):
        grouped[row.family_id].append(record)
    return {family: tuple(records) for family, records in grouped.items()}


def stored_chain(session: Session, ids: Iterable[str]) -> dict[str, Assessment]:
    """Stored assessments named by `ids`, with every assessment their `previous` links reach
    (what `lifecycle.previous_problems` needs to see a whole chain)."""
    known: dict[str, Assessment] = {}
    wanted = set(ids)
    while wanted:
        rows = list(session.scalars(select(Gcp2Assessment).where(Gcp2Assessment.id.in_(wanted))))
        records = records_of(session, rows)
        known.update((r.id, r) for r in records)
        wanted = {r.previous for r in records if r.previous is not None} - set(known)
    return known
