"""The practitioner who owns this profile: created once at first run, updated from settings."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.audit import record_event
from app.errors import NoProfile, UsageError
from app.services.registry import next_seq, practitioner_view, register
from app.services.unit_of_work import UnitOfWork
from app.services.views import PractitionerView
from app.storage.models import Practitioner

EDITABLE = ("name", "organisation", "role", "agency", "gcp2_trained_on")


def _required_name(name: str) -> str:
    if not name.strip():
        raise UsageError("the practitioner needs a name")
    return name.strip()


def create_practitioner(
    uow: UnitOfWork,
    *,
    name: str,
    organisation: str | None = None,
    role: str | None = None,
    agency: str | None = None,
    gcp2_trained_on: date | None = None,
) -> PractitionerView:
    session = uow.session
    name = _required_name(name)
    row = Practitioner(
        id=register(session, "practitioner"),
        seq=next_seq(session, Practitioner),
        name=name,
        organisation=organisation,
        role=role,
        agency=agency,
        gcp2_trained_on=gcp2_trained_on,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=name, action="create", record_kind="practitioner", record_id=row.id,
        detail={"fields": [f for f in EDITABLE if getattr(row, f) is not None]},
    )
    return practitioner_view(row)


def _current(uow: UnitOfWork) -> Practitioner | None:
    return uow.session.scalars(select(Practitioner).order_by(Practitioner.seq).limit(1)).first()


def current_practitioner(uow: UnitOfWork) -> PractitionerView | None:
    """The profile's practitioner (one per profile), or None before first run finished."""
    row = _current(uow)
    return None if row is None else practitioner_view(row)


def update_practitioner(uow: UnitOfWork, actor: str, **fields: Any) -> PractitionerView:
    """Change any of name, organisation, role, agency, gcp2_trained_on."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise UsageError(f"a practitioner has no field {unknown[0]!r}")
    if "name" in fields:
        fields["name"] = _required_name(fields["name"])
    gcp2 = fields.get("gcp2_trained_on")
    if gcp2 is not None and not isinstance(gcp2, date):
        raise UsageError("the GCP2 training date must be a date")
    row = _current(uow)
    if row is None:
        raise NoProfile("the profile has no practitioner yet")
    changed = [f for f in EDITABLE if f in fields and getattr(row, f) != fields[f]]
    for field in changed:
        setattr(row, field, fields[field])
    uow.session.flush()
    if changed:
        record_event(
            uow.session, actor=actor, action="update", record_kind="practitioner",
            record_id=row.id, detail={"fields": changed},
        )
    return practitioner_view(row)
