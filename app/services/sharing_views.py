"""What the sharing and sync services hand back, and the errors a person can cause there.

Frozen plain data, safe across threads: a recorded sharing decision, an outbox row as the
practitioner sees it (never its bytes), a front-door outcome, the enrolment as shown in settings,
and the counts the status bar shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.errors import HomeVisitError, UsageError

# What a practitioner sees for each outbox state (docs/sharing-and-sync.md explains them).
STATE_NAMES = {
    "queued": "Waiting to send",
    "sending": "Sending",
    "delivered": "Delivered",
    "paused": "Paused",
    "needs_action": "Needs action",
}
CHANNEL_NAMES = {
    "app": "Sent through HomeVisit",
    "phone": "Phone call",
    "meeting": "Meeting",
    "email": "Email",
    "letter": "Letter",
    "other": "Other",
}


class NotEnrolled(HomeVisitError):
    """Sharing or syncing on a device that has not enrolled with a gateway (exit 1)."""


class GatewayUnreachable(HomeVisitError):
    """The gateway could not be reached or answered in a way we cannot use (exit 1)."""


class BadEnrolmentCode(UsageError):
    """The gateway refused the one-time enrolment code: unknown, used or expired (exit 2)."""


@dataclass(frozen=True)
class SharingDecisionView:
    id: str
    family_id: str
    child_id: str | None
    assessment_id: str | None
    occurred_at: datetime
    recorded_at: datetime
    recipient: str
    purpose: str
    shared: str
    lawful_basis: str
    special_category_condition: str
    consent: str
    consent_reason: str
    identities_withheld: str
    advice_taken: str
    channel: str
    practitioner: str
    repeats: str | None
    submission_id: str | None


@dataclass(frozen=True)
class OutboxRowView:
    submission_id: str
    decision_id: str
    family_id: str
    assessment_id: str
    state: str
    attempts: int
    queued_at: datetime
    next_attempt_at: datetime | None
    last_error: str
    receipt_reference: str | None
    receipt_status: str | None
    delivered_at: datetime | None

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]


@dataclass(frozen=True)
class OutcomeView:
    outcome_id: str
    submission_id: str
    decision: str
    decided_at: datetime
    reference: str
    note: str


@dataclass(frozen=True)
class ShareRecord:
    """One line of a child's sharing history: the decision, its delivery and any outcomes."""

    decision: SharingDecisionView
    delivery: OutboxRowView | None  # None for a disclosure outside the app
    outcomes: tuple[OutcomeView, ...]


@dataclass(frozen=True)
class ShareResult:
    decision: SharingDecisionView
    submission_id: str
    repeat: bool  # a deliberate second (or later) share of the same assessment


@dataclass(frozen=True)
class OutboxCounts:
    queued: int = 0
    sending: int = 0
    delivered: int = 0
    paused: int = 0
    needs_action: int = 0

    @property
    def undelivered(self) -> int:
        return self.queued + self.sending + self.paused + self.needs_action


@dataclass(frozen=True)
class EnrolmentView:
    """What settings shows: who this device is to the gateway, and the keys to compare."""

    device_id: str
    gateway_url: str
    organisation: str
    organisation_name: str
    sealing_key_fingerprint: str
    receipt_key_fingerprint: str
    enrolled_at: datetime
    enrolled_by: str
    label: str
    has_ca: bool
