"""Ids and order for new records: the `record_ids` registry and each table's `seq`.

Every case record is registered here before its row is written, so the database refuses an id
already used by any record of any kind. Also the ORM-to-view conversions the services share.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.services.views import (
    CarerView,
    ChildView,
    FamilyView,
    PractitionerView,
    ProfessionalView,
)
from app.storage.models import (
    Carer,
    Child,
    Family,
    Practitioner,
    Professional,
    RecordId,
    Visit,
)
from app.storage.models_gcp2 import Gcp2Assessment

PREFIXES = {
    "practitioner": "P", "family": "F", "carer": "C", "child": "K", "visit": "V",
    "professional": "R", "assessment": "G", "planned_visit": "N", "sharing_decision": "S",
    "plan": "PL", "plan_action": "A", "level_decision": "T", "escalation": "E",
}

Sequenced = (
    type[Practitioner] | type[Family] | type[Carer] | type[Child] | type[Visit]
    | type[Professional] | type[Gcp2Assessment]
)


def new_id(kind: str) -> str:
    """An app-made id such as `F-3fa9c01b22de`: random, so two laptops never collide."""
    return f"{PREFIXES[kind]}-{secrets.token_hex(6)}"


def register(session: Session, kind: str, record_id: str | None = None) -> str:
    """Claim an id for a new record (a clash raises IntegrityError); returns the id."""
    claimed = record_id or new_id(kind)
    session.execute(insert(RecordId).values(id=claimed, kind=kind))
    return claimed


def next_seq(session: Session, model: Sequenced) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.seq), 0))) or 0) + 1


def utc_key(moment: datetime) -> str:
    """Fixed-width UTC text, so that sorting the text sorts by time whatever the offsets."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def practitioner_view(row: Practitioner) -> PractitionerView:
    return PractitionerView(
        row.id, row.name, row.organisation, row.role, row.agency, row.gcp2_trained_on
    )


def family_view(row: Family) -> FamilyView:
    return FamilyView(row.id, row.name, row.address)


def carer_view(row: Carer) -> CarerView:
    return CarerView(row.id, row.family_id, row.name, row.relationship, row.parental_responsibility)


def child_view(row: Child) -> ChildView:
    return ChildView(row.id, row.family_id, row.name, row.date_of_birth, row.nhs_number)


def professional_view(row: Professional) -> ProfessionalView:
    return ProfessionalView(
        row.id, row.family_id, row.name, row.agency, row.role, row.contact, row.lead
    )
