"""Families on the caseload, their carers and children, the family view and the caseload list.

The caseload is what unlocking waits for (budget: KDF + 150 ms for 500 families), so it is two
queries whatever its size. The open recurring-theme prompts per family take longer to work out;
they are `app.services.open_concerns`, a second pass the window runs after the caseload shows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func, select

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services.planned_visits import planned_visits_of_family
from app.services.professionals import professionals_of_family
from app.services.registry import (
    carer_view,
    child_view,
    family_view,
    next_seq,
    register,
)
from app.services.unit_of_work import UnitOfWork
from app.services.views import (
    CarerView,
    CaseloadRow,
    ChildView,
    FamilyDetail,
    FamilyView,
)
from app.services.visits import visits_of_family
from app.storage.models import Carer, Child, Family, Visit
from app.storage.models_planned import PlannedVisit


def _text(value: str, what: str) -> str:
    if not value.strip():
        raise UsageError(f"the {what} cannot be empty")
    return value.strip()


def require_family(uow: UnitOfWork, family_id: str) -> Family:
    row = uow.session.get(Family, family_id)
    if row is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    return row


def create_family(uow: UnitOfWork, actor: str, *, name: str, address: str) -> FamilyView:
    session = uow.session
    row = Family(
        id=register(session, "family"),
        seq=next_seq(session, Family),
        name=_text(name, "family name"),
        address=address.strip(),
    )
    session.add(row)
    session.flush()
    record_event(session, actor=actor, action="create", record_kind="family", record_id=row.id)
    return family_view(row)


def add_carer(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    name: str,
    relationship: str,
    parental_responsibility: bool,
) -> CarerView:
    session = uow.session
    require_family(uow, family_id)
    row = Carer(
        id=register(session, "carer"),
        family_id=family_id,
        seq=next_seq(session, Carer),
        name=_text(name, "carer's name"),
        relationship=_text(relationship, "relationship"),
        parental_responsibility=bool(parental_responsibility),
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind="carer", record_id=row.id,
        detail={"family_id": family_id},
    )
    return carer_view(row)


def add_child(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    name: str,
    date_of_birth: date,
    nhs_number: str | None = None,
) -> ChildView:
    session = uow.session
    require_family(uow, family_id)
    if not isinstance(date_of_birth, date) or isinstance(date_of_birth, datetime):
        raise UsageError("the child's date of birth must be a date")
    row = Child(
        id=register(session, "child"),
        family_id=family_id,
        seq=next_seq(session, Child),
        name=_text(name, "child's name"),
        date_of_birth=date_of_birth,
        nhs_number=(nhs_number or "").replace(" ", "") or None,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind="child", record_id=row.id,
        detail={"family_id": family_id},
    )
    return child_view(row)


def get_family(uow: UnitOfWork, family_id: str, *, actor: str) -> FamilyDetail:
    """The family view: carers, children, professionals in entry order; visits newest first.

    Audited."""
    session = uow.session
    family = require_family(uow, family_id)
    carers = session.scalars(select(Carer).where(Carer.family_id == family_id).order_by(Carer.seq))
    children = session.scalars(
        select(Child).where(Child.family_id == family_id).order_by(Child.seq)
    )
    detail = FamilyDetail(
        family=family_view(family),
        carers=tuple(carer_view(c) for c in carers),
        children=tuple(child_view(c) for c in children),
        visits=visits_of_family(uow, family_id),
        professionals=professionals_of_family(uow, family_id),
        planned_visits=planned_visits_of_family(uow, family_id),
    )
    record_event(session, actor=actor, action="view", record_kind="family", record_id=family_id)
    return detail


def caseload(uow: UnitOfWork) -> list[CaseloadRow]:
    """Every family with its children's names, visit totals and the earliest visit still booked
    (overdue or not): two queries, whatever the size."""
    session = uow.session
    visit_totals = (
        select(
            Visit.family_id,
            func.count(Visit.id).label("visit_count"),
            func.max(Visit.occurred_utc).label("last_utc"),
        )
        .group_by(Visit.family_id)
        .subquery()
    )
    next_booked = (
        select(PlannedVisit.family_id, func.min(PlannedVisit.planned_utc).label("next_utc"))
        .where(PlannedVisit.status == "booked")
        .group_by(PlannedVisit.family_id)
        .subquery()
    )
    families = session.execute(
        select(Family.id, Family.name, visit_totals.c.visit_count, visit_totals.c.last_utc,
               next_booked.c.next_utc)
        .outerjoin(visit_totals, visit_totals.c.family_id == Family.id)
        .outerjoin(next_booked, next_booked.c.family_id == Family.id)
        .order_by(Family.seq)
    ).all()
    names: dict[str, list[str]] = defaultdict(list)
    for family_id, name in session.execute(
        select(Child.family_id, Child.name).order_by(Child.seq)
    ):
        names[family_id].append(name)
    return [
        CaseloadRow(
            family_id=row.id,
            family_name=row.name,
            child_names=tuple(names.get(row.id, ())),
            last_visit_at=datetime.fromisoformat(row.last_utc) if row.last_utc else None,
            visit_count=row.visit_count or 0,
            next_visit_at=datetime.fromisoformat(row.next_utc) if row.next_utc else None,
        )
        for row in families
    ]
