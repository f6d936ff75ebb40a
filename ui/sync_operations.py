"""The sharing and sync use cases the GUI runs, each bound as a job for the database worker.

Like `ui.operations`: every function returns a `Job` (`fn(profile) -> result`) for
`Background.run`; jobs that change records commit one unit of work. The network half of
enrolling runs on the network pool (`enrol_network`), its result is stored by `save_enrolment`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.errors import UnknownRecord
from app.services import outbox, sharing, sharing_enrolment
from app.services.sharing import DecisionBasis
from app.services.sharing_views import (
    EnrolmentView,
    OutboxRowView,
    ShareRecord,
    ShareResult,
    SharingDecisionView,
)
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.storage.models_gcp2 import Gcp2Assessment
from app.storage.models_sharing import SharingDecision
from app.sync.enrolment import NewEnrolment, enrol_over_network
from ui.operations import Job
from ui.operations import changing as _changing
from ui.operations import reading as _reading


def database() -> Job[Database]:
    """The open profile's database, for the sync thread (which opens its own connections)."""
    return lambda profile: profile.db


def current_enrolment() -> Job[EnrolmentView | None]:
    return _reading(sharing_enrolment.current_enrolment)


def outbox_rows() -> Job[list[OutboxRowView]]:
    return _reading(lambda uow: outbox.outbox_rows(uow))


def send_again(submission_id: str) -> Job[OutboxRowView]:
    return _changing(lambda uow, actor: outbox.send_again(uow, actor, submission_id))


def share(assessment_id: str, basis: DecisionBasis) -> Job[ShareResult]:
    return _changing(lambda uow, actor: sharing.share_assessment(uow, actor, assessment_id, basis))


def record_disclosure(family_id: str, child_id: str | None, basis: DecisionBasis, *, recipient: str,
                      shared: str, channel: str, occurred_at: datetime) -> Job[SharingDecisionView]:
    return _changing(lambda uow, actor: sharing.record_disclosure(
        uow, actor, family_id, basis, recipient=recipient, shared=shared, channel=channel,
        occurred_at=occurred_at, child_id=child_id))


def history(family_id: str, child_id: str | None) -> Job[tuple[ShareRecord, ...]]:
    return _reading(lambda uow: sharing.sharing_history(uow, family_id, child_id=child_id))


def _earlier(uow: UnitOfWork, assessment_id: str) -> list[SharingDecisionView]:
    """Earlier shares of one assessment through the app (so the dialog can say so)."""
    rows = uow.session.scalars(select(SharingDecision).where(
        SharingDecision.assessment_id == assessment_id, SharingDecision.channel == "app")
        .order_by(SharingDecision.seq))
    return [sharing.decision_view(r) for r in rows]


def enrol_network(url: str, code: str, ca_pem: str | None, label: str) -> Callable[[], NewEnrolment]:
    """The network half of enrolling (no database): for `Background.run_network`."""
    return lambda: enrol_over_network(url, code, ca_pem=ca_pem, label=label, timeout=20.0)


def save_enrolment(new: NewEnrolment) -> Job[EnrolmentView]:
    return _changing(lambda uow, actor: sharing_enrolment.save_enrolment(uow, actor, new))


@dataclass(frozen=True)
class ShareContext:
    """What the share dialog needs to know before it opens."""

    assessment_id: str
    family_id: str
    child_id: str
    complete: bool
    enrolment: EnrolmentView | None
    earlier: list[SharingDecisionView]


def share_context(assessment_id: str) -> Job[ShareContext]:
    def read(uow: UnitOfWork) -> ShareContext:
        row = uow.session.get(Gcp2Assessment, assessment_id)
        if row is None:
            raise UnknownRecord(f"no assessment with id '{assessment_id}'")
        return ShareContext(assessment_id, row.family_id, row.child_id, row.status == "complete",
                            sharing_enrolment.current_enrolment(uow),
                            _earlier(uow, assessment_id))

    return _reading(read)

