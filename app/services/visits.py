"""Visits to a family: recording one, correcting it, and the family's visit timeline.

Record keeping (NMC code 10, and most trusts' policies): a correction never hides when the entry
was made. A saved visit can be corrected — its type, who was present, its time, its notes — but
its time of entry (`recorded_at`) stays the time the entry was first made; the correction gets
its own time, `amended_at`, shown beside it. "Late entry" (entered on a later day than the visit)
is worked out again from the corrected visit time and that first time of entry, so moving a visit
to an earlier day can make it late, and no correction can make a late entry look timely. The
audit log names the fields that changed, never their contents.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import delete, insert, select

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services.planned_visits import hold_booked_visit
from app.services.registry import next_seq, register, utc_key
from app.services.unit_of_work import UnitOfWork
from app.services.views import VisitView
from app.storage.models import Carer, Child, Family, Visit, VisitPresence

KINDS = ("announced", "unannounced")


def presence_rows(
    visit_id: str, family_id: str, present: list[str] | tuple[str, ...], carer_ids: set[str]
) -> list[dict[str, object]]:
    """Rows for `visit_presence`, in the order given; the caller has checked the ids."""
    return [
        {
            "visit_id": visit_id,
            "position": position,
            "family_id": family_id,
            "carer_id": person if person in carer_ids else None,
            "child_id": None if person in carer_ids else person,
        }
        for position, person in enumerate(present)
    ]


def _aware(moment: datetime, what: str) -> datetime:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise UsageError(f"the {what} must be a date and time with its UTC offset")
    return moment


def record_visit(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    occurred_at: datetime,
    kind: str,
    present: list[str],
    notes: str,
    recorded_at: datetime | None = None,
) -> VisitView:
    """Record a visit; `recorded_at` defaults to now on this computer's clock (with offset)."""
    session = uow.session
    if session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    occurred_at = _aware(occurred_at, "visit time")
    recorded_at = _aware(recorded_at or datetime.now().astimezone(), "time of entry")
    _check_kind(kind)
    if recorded_at < occurred_at:
        raise UsageError("a visit cannot be recorded before the time it took place")
    carers = _checked_present(uow, family_id, present)
    row = Visit(
        id=register(session, "visit"),
        family_id=family_id,
        seq=next_seq(session, Visit),
        occurred_at=occurred_at,
        recorded_at=recorded_at,
        occurred_utc=utc_key(occurred_at),
        kind=kind,
        notes=notes,
    )
    session.add(row)
    session.flush()
    if present:
        session.execute(insert(VisitPresence), presence_rows(row.id, family_id, present, carers))
    record_event(
        session, actor=actor, action="create", record_kind="visit", record_id=row.id,
        detail={"family_id": family_id, "present": list(present)},
    )
    hold_booked_visit(session, actor, family_id, row.id, occurred_at)
    return _view(row, tuple(present))


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UsageError(f"a visit is announced or unannounced, not {kind!r}")


def _checked_present(
    uow: UnitOfWork, family_id: str, present: list[str] | tuple[str, ...]
) -> set[str]:
    """Check `present` names this family's carers and children once each; the carers' ids."""
    session = uow.session
    if len(set(present)) != len(present):
        raise UsageError("someone is listed as present twice")
    carers = set(session.scalars(select(Carer.id).where(Carer.family_id == family_id)))
    children = set(session.scalars(select(Child.id).where(Child.family_id == family_id)))
    for person in present:
        if person not in carers and person not in children:
            raise UnknownRecord(f"no carer or child with id '{person}' in this family")
    return carers


def update_visit(
    uow: UnitOfWork,
    actor: str,
    visit_id: str,
    *,
    kind: str | None = None,
    present: list[str] | tuple[str, ...] | None = None,
    occurred_at: datetime | None = None,
    notes: str | None = None,
    at: datetime | None = None,
) -> VisitView:
    """Correct a saved visit; None leaves a field as it is. If anything differs, `amended_at`
    becomes `at` (default: now, with offset) and one audit event names the changed fields.
    The time of entry is never changed (see the module docstring)."""
    session = uow.session
    row = session.get(Visit, visit_id)
    if row is None:
        raise UnknownRecord(f"no visit with id '{visit_id}'")
    people = _present(uow, [visit_id])[visit_id]
    changed: list[str] = []
    if kind is not None and kind != row.kind:
        _check_kind(kind)
        row.kind = kind
        changed.append("kind")
    if occurred_at is not None:
        occurred_at = _aware(occurred_at, "visit time")
        if occurred_at > row.recorded_at:
            raise UsageError("a visit cannot have taken place after it was recorded")
        if occurred_at != row.occurred_at:  # compares instants: a new offset alone is no change
            row.occurred_at, row.occurred_utc = occurred_at, utc_key(occurred_at)
            changed.append("occurred_at")
    if present is not None and tuple(present) != people:
        carers = _checked_present(uow, row.family_id, present)
        session.execute(delete(VisitPresence).where(VisitPresence.visit_id == visit_id))
        if present:
            session.execute(
                insert(VisitPresence), presence_rows(visit_id, row.family_id, present, carers)
            )
        people = tuple(present)
        changed.append("present")
    if notes is not None and notes != row.notes:
        row.notes = notes
        changed.append("notes")
    if changed:
        row.amended_at = _aware(at or datetime.now().astimezone(), "time of the correction")
        session.flush()
        record_event(
            session, actor=actor, action="update", record_kind="visit", record_id=visit_id,
            detail={"family_id": row.family_id, "fields": changed},
        )
    return _view(row, people)


def update_visit_notes(uow: UnitOfWork, actor: str, visit_id: str, notes: str) -> VisitView:
    """Correct only the notes (as `update_visit`)."""
    return update_visit(uow, actor, visit_id, notes=notes)


def _present(uow: UnitOfWork, visit_ids: list[str]) -> dict[str, tuple[str, ...]]:
    people: dict[str, list[str]] = defaultdict(list)
    rows = uow.session.execute(
        select(VisitPresence.visit_id, VisitPresence.carer_id, VisitPresence.child_id)
        .where(VisitPresence.visit_id.in_(visit_ids))
        .order_by(VisitPresence.visit_id, VisitPresence.position)
    )
    for visit_id, carer_id, child_id in rows:
        people[visit_id].append(carer_id if carer_id is not None else str(child_id))
    return {v: tuple(people.get(v, ())) for v in visit_ids}


def visits_of_family(uow: UnitOfWork, family_id: str) -> tuple[VisitView, ...]:
    """The family's visits, newest first (by the instant, whatever offsets they were entered in)."""
    rows = list(
        uow.session.scalars(
            select(Visit)
            .where(Visit.family_id == family_id)
            .order_by(Visit.occurred_utc.desc(), Visit.seq.desc())
        )
    )
    present = _present(uow, [r.id for r in rows]) if rows else {}
    return tuple(_view(r, present[r.id]) for r in rows)


def _view(row: Visit, present: tuple[str, ...]) -> VisitView:
    return VisitView(
        id=row.id,
        family_id=row.family_id,
        occurred_at=row.occurred_at,
        recorded_at=row.recorded_at,
        kind=row.kind,
        present=present,
        notes=row.notes,
        amended_at=row.amended_at,
    )
