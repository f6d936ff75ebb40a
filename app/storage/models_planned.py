"""The table of planned visits: the next visits booked with a family. Schema only.

Rules the schema enforces whatever SQL is run:
- a planned visit is a registered record (kind `planned_visit`);
- its child (if any) is a child *of its family*, and the visit that held it a visit *of its
  family* (composite keys);
- it is `booked`, `held` (exactly when a recorded visit is linked) or `cancelled` (exactly
  when a reason is given: a visit that did not happen is never dropped without a word; in
  safeguarding a run of cancelled or missed visits is itself something to notice).

`planned_for` keeps the offset the practitioner's clock had; `planned_utc` is its fixed-width
UTC copy, used only for ordering and for "the next visit" on the caseload. Changing anything
here needs an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import (
    ID_LENGTH,
    Base,
    OffsetDateTime,
    _record_kind,
    _registered_as,
    _registered_id,
)

PLANNED_STATUSES = ("booked", "held", "cancelled")


class PlannedVisit(Base):
    """A visit booked with a family (optionally about one child), until held or cancelled."""

    __tablename__ = "planned_visits"
    __table_args__ = (
        *_registered_as("planned_visit"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        ForeignKeyConstraint(["visit_id", "family_id"], ["visits.id", "visits.family_id"]),
        CheckConstraint("status IN ('booked', 'held', 'cancelled')", name="status"),
        CheckConstraint("(status = 'held') = (visit_id IS NOT NULL)", name="held_by_a_visit"),
        CheckConstraint(
            "(status = 'cancelled') = (length(trim(cancel_reason)) > 0)", name="cancel_reason"
        ),
        Index(None, "family_id", "status", "planned_utc"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("planned_visit")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    visit_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    planned_for: Mapped[datetime] = mapped_column(OffsetDateTime())
    # UTC, fixed width (isoformat with microseconds), so text order is time order.
    planned_utc: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    cancel_reason: Mapped[str] = mapped_column(Text)
