"""The tables of information sharing and sync: this device's enrolment with a Family Connect
gateway, the information-sharing decisions, the outbox of sealed summaries and the front door's
outcomes. Schema only.

Rules the schema enforces whatever SQL is run:
- one enrolment at most (`id = 1`); the device's Ed25519 private key lives only here, inside the
  encrypted database, never in a file or the OS key store (a restored backup re-enrols);
- a sharing decision is a registered record (kind `sharing_decision`); its child is a child of
  its family and its assessment an assessment of that child (composite keys);
- consent refused or not sought needs a reason; the `consent` lawful basis needs consent given;
  a share through the app has a submission id, a disclosure outside the app (a phone call, a
  meeting) has none;
- an outbox row is `delivered` exactly when it holds a receipt: no code path can mark a row
  delivered without one, nor keep a receipt on a row still waiting.

The outbox is not part of the case file (it is this device's transport state, holding bytes
signed by this device's key); decisions are. Changing anything here needs an Alembic revision.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.sharing.decision import CHANNELS, CONSENT, LAWFUL_BASES
from app.storage.models import (
    ID_LENGTH,
    Base,
    OffsetDateTime,
    _record_kind,
    _registered_as,
    _registered_id,
    one_of,
)

WIRE_ID_LENGTH = 128  # FC-Sync identifiers: submission, device and organisation ids
OUTBOX_STATES = ("queued", "sending", "delivered", "paused", "needs_action")
DECISIONS = ("no_further_action", "early_help", "assessment", "strategy_discussion")


class DeviceEnrolment(Base):
    """This profile's enrolment: the device key, the gateway's URL and its pinned keys."""

    __tablename__ = "device_enrolment"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    device_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))
    device_key_pem: Mapped[bytes] = mapped_column(LargeBinary)  # PKCS#8; the database is encrypted
    gateway_url: Mapped[str] = mapped_column(Text)
    endpoints: Mapped[dict[str, str]] = mapped_column(JSON)  # relative paths, from the configuration
    organisation: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))
    organisation_name: Mapped[str] = mapped_column(Text)
    sealing_key: Mapped[dict[str, Any]] = mapped_column(JSON)  # public X25519 JWK with kid
    receipt_key: Mapped[dict[str, Any]] = mapped_column(JSON)  # public Ed25519 JWK, pinned
    ca_pem: Mapped[str | None] = mapped_column(Text)  # the CA the gateway's TLS chains to, if given
    label: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    enrolled_by: Mapped[str] = mapped_column(Text)
    outcomes_cursor: Mapped[str | None] = mapped_column(String(256))


class SharingDecision(Base):
    """What was shared, with whom, when, why and on what basis (DfE advice, 2024): one record
    per disclosure, through the app or outside it."""

    __tablename__ = "sharing_decisions"
    __table_args__ = (
        *_registered_as("sharing_decision"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        ForeignKeyConstraint(["assessment_id", "child_id"], ["assessments.id", "assessments.child_id"]),
        CheckConstraint(one_of("lawful_basis", LAWFUL_BASES), name="lawful_basis"),
        CheckConstraint(one_of("consent", CONSENT), name="consent"),
        CheckConstraint(one_of("channel", CHANNELS), name="channel"),
        CheckConstraint("consent = 'given' OR length(trim(consent_reason)) > 0", name="consent_reason"),
        CheckConstraint("lawful_basis <> 'consent' OR consent = 'given'", name="consent_basis"),
        CheckConstraint("(channel = 'app') = (submission_id IS NOT NULL)", name="app_submission"),
        CheckConstraint("assessment_id IS NULL OR child_id IS NOT NULL", name="assessment_child"),
        CheckConstraint("repeats_id IS NULL OR repeats_id <> id", name="not_own_repeat"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("sharing_decision")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    assessment_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(OffsetDateTime())  # when it was shared
    recorded_at: Mapped[datetime] = mapped_column(OffsetDateTime())  # when it was written down
    occurred_utc: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text)
    shared: Mapped[str] = mapped_column(Text)  # what was shared
    lawful_basis: Mapped[str] = mapped_column(String(32))
    special_category_condition: Mapped[str] = mapped_column(Text)
    consent: Mapped[str] = mapped_column(String(16))
    consent_reason: Mapped[str] = mapped_column(Text)
    identities_withheld: Mapped[str] = mapped_column(Text)
    advice_taken: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    practitioner: Mapped[str] = mapped_column(Text)
    # A deliberate second share of the same assessment names the decision it repeats.
    repeats_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("sharing_decisions.id"))
    submission_id: Mapped[str | None] = mapped_column(String(WIRE_ID_LENGTH), unique=True)


class OutboxItem(Base):
    """One summary's place in the queue: its state, attempts and, once delivered, the receipt.

    Small on purpose: this row is updated on every attempt, while the envelope bytes (tens of
    kilobytes, rewritten page by page in the encrypted file on any update of their row) live in
    `outbox_envelopes`, written once. `next_attempt_utc` is fixed-width UTC text (order = time
    order) and NULL for "as soon as possible"; for a `sending` row it is the end of its lease.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(one_of("state", OUTBOX_STATES), name="state"),
        CheckConstraint("(state = 'delivered') = (receipt IS NOT NULL)", name="receipt_iff_delivered"),
        CheckConstraint("attempts >= 0", name="attempts"),
        Index(None, "state", "next_attempt_utc"),
        Index(None, "family_id", "seq"),
    )

    submission_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH), primary_key=True)
    decision_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("sharing_decisions.id"), unique=True
    )
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    assessment_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("assessments.id"))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    inner_digest: Mapped[str] = mapped_column(String(64))  # what a receipt must name
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer)
    queued_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    next_attempt_utc: Mapped[str | None] = mapped_column(String(40))
    last_attempt_at: Mapped[datetime | None] = mapped_column(OffsetDateTime())
    last_error: Mapped[str] = mapped_column(Text)  # plain words and a problem code, no personal data
    receipt: Mapped[str | None] = mapped_column(Text)  # the gateway's signed receipt (compact JWS)
    receipt_reference: Mapped[str | None] = mapped_column(Text)
    receipt_status: Mapped[str | None] = mapped_column(String(32))
    delivered_at: Mapped[datetime | None] = mapped_column(OffsetDateTime())


class OutboxEnvelope(Base):
    """The finished envelope of an outbox row, resent byte for byte, and the signed summary
    inside it, kept so a gateway key rotation can reseal the same signature."""

    __tablename__ = "outbox_envelopes"

    submission_id: Mapped[str] = mapped_column(
        String(WIRE_ID_LENGTH), ForeignKey("outbox.submission_id"), primary_key=True
    )
    device_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))  # whose key signed it
    recipient: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))
    recipient_key_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))
    inner_jws: Mapped[str] = mapped_column(Text)
    envelope: Mapped[bytes] = mapped_column(LargeBinary)
    envelope_digest: Mapped[str] = mapped_column(String(64))


class FrontDoorOutcome(Base):
    """A triage decision the front door sent back, kept with its signed token."""

    __tablename__ = "front_door_outcomes"
    __table_args__ = (
        CheckConstraint(one_of("decision", DECISIONS), name="decision"),
        Index(None, "submission_id"),
    )

    outcome_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH), primary_key=True)
    # No foreign key: an outcome is kept even for a submission this profile no longer holds.
    submission_id: Mapped[str] = mapped_column(String(WIRE_ID_LENGTH))
    decision: Mapped[str] = mapped_column(String(32))
    decided_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    reference: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    token: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(OffsetDateTime())
