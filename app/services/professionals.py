"""Professionals involved with a family (GP, social worker, midwife ...) and who among them leads.

The learning review behind the product found that nobody was sure who led for a family, so one
professional may be marked the lead: naming a new lead clears the old one in the same
transaction, and that change is audited like any other. The database refuses two leads anyway
(a partial unique index), so this module only has to do the clearing in the right order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services.registry import next_seq, professional_view, register
from app.services.unit_of_work import UnitOfWork
from app.services.views import ProfessionalView
from app.storage.models import Family, Professional

_TEXT_FIELDS = ("name", "agency", "role", "contact")
FIELDS = (*_TEXT_FIELDS, "lead")


def _text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise UsageError(f"the professional's {field} must be text")
    if field == "name" and not value.strip():
        raise UsageError("the professional's name cannot be empty")
    return value.strip()


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise UsageError("whether the professional leads must be yes or no")
    return value


def _require(uow: UnitOfWork, professional_id: str) -> Professional:
    row = uow.session.get(Professional, professional_id)
    if row is None:
        raise UnknownRecord(f"no professional with id '{professional_id}'")
    return row


def _clear_lead(uow: UnitOfWork, actor: str, family_id: str, new_lead: str) -> None:
    """Stop the family's current lead (if any) being lead, before `new_lead` becomes it.

    Must run before the new lead's row is flushed, or the unique index refuses it.
    """
    session = uow.session
    old = session.scalars(
        select(Professional.id).where(
            Professional.family_id == family_id,
            Professional.lead.is_(True),
            Professional.id != new_lead,
        )
    ).all()
    if not old:
        return
    session.execute(
        update(Professional).where(Professional.id.in_(old)).values(lead=False),
        execution_options={"synchronize_session": "fetch"},
    )
    for old_id in old:
        record_event(
            session, actor=actor, action="update", record_kind="professional", record_id=old_id,
            detail={"family_id": family_id, "fields": ["lead"], "lead_passed_to": new_lead},
        )


def add_professional(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    name: str,
    agency: str,
    role: str,
    contact: str,
    lead: bool,
) -> ProfessionalView:
    """Add a professional to the family; `lead=True` makes them the lead in place of any other."""
    session = uow.session
    if session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    given = (name, agency, role, contact)
    values = {f: _text(f, v) for f, v in zip(_TEXT_FIELDS, given, strict=True)}
    is_lead = _flag(lead)
    professional_id = register(session, "professional")
    if is_lead:
        _clear_lead(uow, actor, family_id, professional_id)
    row = Professional(
        id=professional_id,
        family_id=family_id,
        seq=next_seq(session, Professional),
        lead=is_lead,
        **values,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind="professional", record_id=row.id,
        detail={"family_id": family_id, "lead": is_lead},
    )
    return professional_view(row)


def update_professional(
    uow: UnitOfWork, actor: str, professional_id: str, **fields: Any
) -> ProfessionalView:
    """Change any of name, agency, role, contact, lead; audited only when something changed."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise UsageError(f"a professional has no field '{unknown[0]}' to change")
    row = _require(uow, professional_id)
    wanted: dict[str, Any] = {
        f: _flag(v) if f == "lead" else _text(f, v) for f, v in fields.items()
    }
    changed = sorted(f for f, v in wanted.items() if getattr(row, f) != v)
    if not changed:
        return professional_view(row)
    if wanted.get("lead") is True:
        _clear_lead(uow, actor, row.family_id, row.id)
    for field in changed:
        setattr(row, field, wanted[field])
    uow.session.flush()
    record_event(
        uow.session, actor=actor, action="update", record_kind="professional",
        record_id=row.id, detail={"family_id": row.family_id, "fields": changed},
    )
    return professional_view(row)


def remove_professional(uow: UnitOfWork, actor: str, professional_id: str) -> None:
    """Take a professional off the family's list (they left the case). Audited.

    The id stays claimed in `record_ids`, so the audit log's mentions of it never come to name
    some other record.
    """
    row = _require(uow, professional_id)
    family_id, was_lead = row.family_id, row.lead
    uow.session.delete(row)
    uow.session.flush()
    record_event(
        uow.session, actor=actor, action="delete", record_kind="professional",
        record_id=professional_id, detail={"family_id": family_id, "lead": was_lead},
    )


def professionals_of_family(uow: UnitOfWork, family_id: str) -> tuple[ProfessionalView, ...]:
    """The family's professionals in the order they were added."""
    rows = uow.session.scalars(
        select(Professional).where(Professional.family_id == family_id).order_by(Professional.seq)
    )
    return tuple(professional_view(row) for row in rows)
