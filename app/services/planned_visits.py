"""Planned visits: booking the next visit with a family, moving it, cancelling it, and marking it
held when the visit is recorded.

A planned visit stays `booked` until a visit recorded for the same family on the same day holds
it, or the practitioner cancels it with a reason. One whose time has passed and which nobody
held or cancelled stays booked and shows as overdue on the caseload: a visit that did not
happen is never dropped silently. Every change is audited with ids and field names only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services.registry import register, utc_key
from app.services.unit_of_work import UnitOfWork
from app.services.views import PlannedVisitView
from app.storage.models import Child, Family
from app.storage.models_planned import PlannedVisit

KIND = "planned_visit"


def _aware(moment: datetime, what: str) -> datetime:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise UsageError(f"the {what} must be a date and time with its UTC offset")
    return moment


def _to_come(planned_for: datetime, now: datetime | None) -> datetime:
    planned_for = _aware(planned_for, "time of the planned visit")
    if planned_for <= (now or datetime.now().astimezone()):
        raise UsageError("a visit can only be booked for a time still to come")
    return planned_for


def _booked(uow: UnitOfWork, planned_id: str) -> PlannedVisit:
    row = uow.session.get(PlannedVisit, planned_id)
    if row is None:
        raise UnknownRecord(f"no planned visit with id '{planned_id}'")
    if row.status != "booked":
        raise UsageError(f"this visit is {row.status} already; book a new one instead")
    return row


def planned_visit_view(row: PlannedVisit) -> PlannedVisitView:
    return PlannedVisitView(
        id=row.id, family_id=row.family_id, child_id=row.child_id, planned_for=row.planned_for,
        purpose=row.purpose, status=row.status, visit_id=row.visit_id,
        cancel_reason=row.cancel_reason,
    )


def book_visit(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    planned_for: datetime,
    purpose: str = "",
    child_id: str | None = None,
    now: datetime | None = None,
) -> PlannedVisitView:
    """Book a visit with the family (about one child, or the whole family when None)."""
    session = uow.session
    if session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    if child_id is not None:
        child = session.get(Child, child_id)
        if child is None or child.family_id != family_id:
            raise UnknownRecord(f"no child with id '{child_id}' in this family")
    planned_for = _to_come(planned_for, now)
    seq = int(session.scalar(select(func.coalesce(func.max(PlannedVisit.seq), 0))) or 0) + 1
    row = PlannedVisit(
        id=register(session, KIND), family_id=family_id, child_id=child_id, visit_id=None,
        seq=seq, planned_for=planned_for, planned_utc=utc_key(planned_for),
        purpose=purpose.strip(), status="booked", cancel_reason="",
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind=KIND, record_id=row.id,
        detail={"family_id": family_id, "child_id": child_id},
    )
    return planned_visit_view(row)


def move_visit(
    uow: UnitOfWork,
    actor: str,
    planned_id: str,
    *,
    planned_for: datetime,
    purpose: str | None = None,
    now: datetime | None = None,
) -> PlannedVisitView:
    """Move a booked visit to another time (and, if given, change its purpose)."""
    row = _booked(uow, planned_id)
    planned_for = _to_come(planned_for, now)
    changed: list[str] = []
    if planned_for.isoformat() != row.planned_for.isoformat():
        row.planned_for, row.planned_utc = planned_for, utc_key(planned_for)
        changed.append("planned_for")
    if purpose is not None and purpose.strip() != row.purpose:
        row.purpose = purpose.strip()
        changed.append("purpose")
    if changed:
        uow.session.flush()
        record_event(
            uow.session, actor=actor, action="update", record_kind=KIND, record_id=planned_id,
            detail={"family_id": row.family_id, "fields": changed},
        )
    return planned_visit_view(row)


def cancel_visit(uow: UnitOfWork, actor: str, planned_id: str, *, reason: str) -> PlannedVisitView:
    """Cancel a booked visit, saying why (the family cancelled, no access, rearranged …).
    The reason is kept with the record (encrypted), never in the audit log."""
    if not reason.strip():
        raise UsageError("say why the visit is cancelled")
    row = _booked(uow, planned_id)
    row.status, row.cancel_reason = "cancelled", reason.strip()
    uow.session.flush()
    record_event(
        uow.session, actor=actor, action="update", record_kind=KIND, record_id=planned_id,
        detail={"family_id": row.family_id, "fields": ["status", "cancel_reason"],
                "status": "cancelled"},
    )
    return planned_visit_view(row)


def hold_booked_visit(
    session: Session, actor: str, family_id: str, visit_id: str, occurred_at: datetime
) -> str | None:
    """A visit was just recorded: the family's earliest visit booked for that same calendar day
    (on the booking's own clock) is now held by it. Returns its id, or None if none was."""
    booked = session.scalars(
        select(PlannedVisit)
        .where(PlannedVisit.family_id == family_id, PlannedVisit.status == "booked")
        .order_by(PlannedVisit.planned_utc, PlannedVisit.seq)
    )
    for row in booked:
        if occurred_at.astimezone(row.planned_for.tzinfo).date() == row.planned_for.date():
            row.status, row.visit_id = "held", visit_id
            session.flush()
            record_event(
                session, actor=actor, action="update", record_kind=KIND, record_id=row.id,
                detail={"family_id": family_id, "fields": ["status", "visit_id"],
                        "status": "held", "visit_id": visit_id},
            )
            return row.id
    return None


def planned_visits_of_family(uow: UnitOfWork, family_id: str) -> tuple[PlannedVisitView, ...]:
    """Visits still booked, soonest first; then those held or cancelled, latest first."""
    rows = list(uow.session.scalars(
        select(PlannedVisit).where(PlannedVisit.family_id == family_id)
        .order_by(PlannedVisit.planned_utc, PlannedVisit.seq)
    ))
    booked = [r for r in rows if r.status == "booked"]
    done = [r for r in reversed(rows) if r.status != "booked"]
    return tuple(planned_visit_view(r) for r in booked + done)
