"""The gateway's tables (SQLAlchemy 2, typed). The same schema serves SQLite and PostgreSQL.

What is personal stays sealed with the at-rest key: the inner signed summary and outcome
tokens (`*_sealed` columns). The envelope is kept as received: it is already HPKE-sealed, and
keeping the exact bytes lets anyone re-check its signature later. Digests, ids, times and
statuses are plain so the server can answer idempotency and list questions without decrypting.
Enrolment codes are stored only as SHA-256 hashes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases (SQLite would otherwise drop the zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


ID = String(128)  # fcsync identifiers: 1–128 of a safe alphabet


class Device(Base):
    """An enrolled device: its public key, who it was enrolled for, and whether it may still send."""

    __tablename__ = "devices"

    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(64))
    public_jwk: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(200), default="")
    practitioner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | revoked
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class EnrolmentCode(Base):
    """A one-time code an administrator hands out; single use, valid for a day."""

    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    practitioner: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    device_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    device_key_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class UsedRequestToken(Base):
    """A request token id already seen, kept until the token has expired (replay protection)."""

    __tablename__ = "used_request_tokens"

    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    jti: Mapped[str] = mapped_column(String(128), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Submission(Base):
    """One received summary. UNIQUE(device_id, submission_id) is what makes resends idempotent."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("device_id", "submission_id", name="uq_submission_per_device"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ID)
    submission_id: Mapped[str] = mapped_column(ID)
    reference: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    envelope: Mapped[bytes] = mapped_column(LargeBinary)
    envelope_digest: Mapped[str] = mapped_column(String(64))
    inner_digest: Mapped[str] = mapped_column(String(64))
    inner_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(32))  # accepted | accepted-flagged
    issues: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of short codes
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    receipt: Mapped[str] = mapped_column(Text, default="")
    triage: Mapped[str] = mapped_column(String(32), default="awaiting")  # awaiting | decided


class Outcome(Base):
    """A triage decision on a submission, signed for the device. `pk` is the outcomes cursor."""

    __tablename__ = "outcomes"
    __table_args__ = (Index("ix_outcomes_device_pk", "device_id", "pk"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outcome_id: Mapped[str] = mapped_column(String(64), unique=True)
    submission_pk: Mapped[int] = mapped_column(ForeignKey("submissions.pk"))
    device_id: Mapped[str] = mapped_column(ID)
    decision: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    token_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # the signed outcome; its note may be personal


class StaffUser(Base):
    """A front-door staff member who may sign in to the inbox."""

    __tablename__ = "staff_users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEvent(Base):
    """Who did what to which record, for staff actions (views, outcomes) and admin commands."""

    __tablename__ = "audit_events"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200), default="")
