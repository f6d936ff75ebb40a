"""The tables of a profile database, as typed SQLAlchemy 2 models. Schema only: no behaviour.

Rules the schema itself enforces, so that no code path can break them:
- every case record's id is first registered in `record_ids`, whose primary key makes ids unique
  across all record kinds (the case-file contract); each record table's (id, record_kind)
  references it, so no id can serve two records whatever SQL is run;
- `seq` keeps the order records were imported or created in, so an export reproduces the file;
- timestamps are stored as ISO 8601 text with the offset the practitioner's clock had
  (`*_at`), beside a fixed-width UTC copy (`*_utc`) used only for ordering;
- who was present at a visit references carers/children *of the visit's family* through
  composite foreign keys (id, family_id);
- a family has at most one lead professional (a partial unique index).

Changing anything here needs an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ID_LENGTH = 64
RECORD_KINDS = (
    "practitioner", "family", "carer", "child", "visit", "professional", "assessment",
    "lived_experience", "chronology_entry", "planned_visit", "sharing_decision", "plan",
    "plan_action", "level_decision", "escalation",
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class OffsetDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime kept as ISO 8601 text with its own offset, exactly as given."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("timestamps must carry a UTC offset")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordId(Base):
    """The registry every case record's id passes through: one id, one record, any kind."""

    __tablename__ = "record_ids"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('practitioner', 'family', 'carer', 'child', 'visit', 'professional', "
            "'assessment', 'lived_experience', 'chronology_entry', 'planned_visit', "
            "'sharing_decision', 'plan', 'plan_action', 'level_decision', 'escalation')",
            name="kind",
        ),
        CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        UniqueConstraint("id", "kind"),  # target of each record table's (id, record_kind) key
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))


def _registered_id() -> Mapped[str]:
    return mapped_column(String(ID_LENGTH), primary_key=True)


def one_of(column: str, values: tuple[str, ...]) -> str:
    """A CHECK constraint's text: `column` holds one of `values` (the feature modules' enums)."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _record_kind(kind: str) -> Mapped[str]:
    """A constant column naming the table's kind, so (id, kind) can reference the registry."""
    return mapped_column(String(16), server_default=text(f"'{kind}'"))


def _registered_as(kind: str) -> tuple[ForeignKeyConstraint, CheckConstraint]:
    # Referencing (id, kind) rather than id alone: an id registered to a carer cannot be
    # reused by a child row even by SQL that bypasses the services.
    return (
        ForeignKeyConstraint(["id", "record_kind"], ["record_ids.id", "record_ids.kind"]),
        CheckConstraint(f"record_kind = '{kind}'", name="record_kind"),
    )


class Practitioner(Base):
    __tablename__ = "practitioners"
    __table_args__ = _registered_as("practitioner")

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("practitioner")
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    gcp2_trained_on: Mapped[date | None] = mapped_column(Date)


class Family(Base):
    __tablename__ = "families"
    __table_args__ = _registered_as("family")

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("family")
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text)


class Carer(Base):
    __tablename__ = "carers"
    __table_args__ = (
        *_registered_as("carer"),
        UniqueConstraint("id", "family_id"),  # target of visit_presence's same-family key
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("carer")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    relationship: Mapped[str] = mapped_column(Text)
    parental_responsibility: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="parental_responsibility"))


class Child(Base):
    __tablename__ = "children"
    __table_args__ = (
        *_registered_as("child"),
        UniqueConstraint("id", "family_id"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("child")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    date_of_birth: Mapped[date] = mapped_column(Date)
    nhs_number: Mapped[str | None] = mapped_column(String(16))


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        *_registered_as("visit"),
        UniqueConstraint("id", "family_id"),
        CheckConstraint("kind IN ('announced', 'unannounced')", name="kind"),
        Index(None, "family_id", "occurred_utc"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("visit")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    recorded_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    # UTC, fixed width (isoformat with microseconds), so text order is time order.
    occurred_utc: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text)
    # When the record was last corrected (revision 0005). `recorded_at` stays the time the
    # entry was first made, so a late entry stays marked however often it is corrected.
    amended_at: Mapped[datetime | None] = mapped_column(OffsetDateTime())


class VisitPresence(Base):
    """Who was present at a visit: exactly one carer or child of the visit's own family."""

    __tablename__ = "visit_presence"
    __table_args__ = (
        ForeignKeyConstraint(
            ["visit_id", "family_id"], ["visits.id", "visits.family_id"], ondelete="CASCADE"
        ),
        ForeignKeyConstraint(["carer_id", "family_id"], ["carers.id", "carers.family_id"]),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        CheckConstraint(
            "(carer_id IS NULL) <> (child_id IS NULL)", name="one_person"
        ),
        UniqueConstraint("visit_id", "carer_id"),
        UniqueConstraint("visit_id", "child_id"),
    )

    visit_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # order in `present`
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    carer_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))


class Professional(Base):
    """A professional involved with a family (agency, role, contact), one of them the lead.

    The learning review behind the product found nobody sure who led for a family, so the
    lead is explicit and, by the partial unique index, single: the database refuses a second.
    """

    __tablename__ = "professionals"
    __table_args__ = (
        *_registered_as("professional"),
        Index(None, "family_id", "seq"),
        Index(
            "ix_professionals_one_lead_per_family",
            "family_id",
            unique=True,
            sqlite_where=text("lead = 1"),
        ),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("professional")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    agency: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    contact: Mapped[str] = mapped_column(Text)
    lead: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="lead"))


class Draft(Base):
    """Typing not yet saved (autosaved about every second), so a crash or lock loses nothing.

    Only ever here, in the encrypted database, never in a plain file. Not a case record: no
    registered id and no audit event (see app/services/drafts.py for why).
    """

    __tablename__ = "drafts"
    __table_args__ = (CheckConstraint("length(key) BETWEEN 1 AND 200", name="key_length"),)

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # e.g. visit:V-1:notes
    text: Mapped[str] = mapped_column(Text)
    # UTC, fixed width (isoformat with microseconds), so text order is time order.
    saved_at: Mapped[str] = mapped_column(String(40))


class AuditEvent(Base):
    """One entry of the hash-chained audit log (see app/audit.py for how the chain is made)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(ID_LENGTH), unique=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    record_kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON: ids and field names only
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The newest event's seq and hash, so dropping events from the end is noticed too."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


# The GCP2 tables live in their own module but on the same `Base`: importing it here means
# anything that loads these models (migrations, services, tests comparing metadata) sees them.
from app.storage import models_gcp2 as models_gcp2  # noqa: E402
from app.storage import models_lived as models_lived  # noqa: E402
from app.storage import models_planned as models_planned  # noqa: E402
from app.storage import models_plans as models_plans  # noqa: E402
from app.storage import models_sharing as models_sharing  # noqa: E402
