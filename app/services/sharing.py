"""Information sharing: sharing a completed GCP2 with Family Connect, recording disclosures made
outside the app, and reading a family's or child's sharing history.

`share_assessment` is the transactional outbox: in ONE transaction it records the sharing
decision and writes the outbox row holding the finished envelope (summary → RFC 8785 → inner JWS
signed by the device key → HPKE sealed to the gateway → outer JWS). Either both exist or neither
does; sync later only moves the row's state. Sharing the same assessment again is allowed — it
is an explicit act — and makes a new submission with its own id whose decision names the one it
repeats. A draft assessment cannot be shared (exit 2).

Every decision records what the DfE advice (2024) asks: when, with whom, why, what, the lawful
basis and special-category condition, consent given / refused / not sought with the reason,
identities withheld, advice taken and who decided.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.audit import record_event
from app.errors import UnknownRecord, UsageError
from app.services import outbox
from app.services.practitioners import current_practitioner
from app.services.registry import register, utc_key
from app.services.sharing_enrolment import load_identity
from app.services.sharing_outcomes import outcomes_for
from app.services.sharing_summary import summary_input
from app.services.sharing_views import (
    ShareRecord,
    ShareResult,
    SharingDecisionView,
)
from app.services.unit_of_work import UnitOfWork
from app.sharing.decision import CHANNELS, CONSENT, LAWFUL_BASES
from app.sharing.summary import build_summary
from app.sharing.summary_input import SharingBasis
from app.storage.models import Child, Family
from app.storage.models_gcp2 import Gcp2Assessment
from app.storage.models_sharing import SharingDecision
from fcsync.envelope import seal_submission

KIND = "sharing_decision"
DEFAULT_PURPOSE = "Safeguarding: a GCP2 assessment for the children's services front door to decide on"
DEFAULT_CONDITION = ("DPA 2018 Schedule 1 paragraph 18: safeguarding of children and of "
                     "individuals at risk")
APP_SHARED = ("GCP2 assessment summary: the child and carers, area and sub-area grades, strengths, "
              "cumulative harm factors, targets and plan, the child's and the parent's views")


@dataclass(frozen=True)
class DecisionBasis:
    """The practitioner's decision, as given on the share dialog or the command line."""

    lawful_basis: str
    consent: str
    consent_reason: str
    purpose: str = DEFAULT_PURPOSE
    special_category_condition: str = DEFAULT_CONDITION
    identities_withheld: str = ""
    advice_taken: str = ""


def check_basis(basis: DecisionBasis) -> DecisionBasis:
    """The decision's own rules, each refused with one sentence (exit 2)."""
    if basis.lawful_basis not in LAWFUL_BASES:
        raise UsageError(f"the lawful basis must be one of {', '.join(LAWFUL_BASES)}")
    if basis.consent not in CONSENT:
        raise UsageError(f"consent must be one of {', '.join(CONSENT)}")
    if basis.consent != "given" and not basis.consent_reason.strip():
        raise UsageError("say why consent was refused or not sought (for example, asking would "
                         "put the child at risk)")
    if basis.lawful_basis == "consent" and basis.consent != "given":
        raise UsageError("consent can only be the lawful basis when consent was given")
    if not basis.purpose.strip():
        raise UsageError("say why the information is shared (the purpose)")
    if not basis.special_category_condition.strip():
        raise UsageError("name the special category condition (usually DPA 2018 Sch 1 para 18)")
    return basis


def _now() -> datetime:
    return datetime.now().astimezone()


def _actor_name(uow: UnitOfWork, actor: str) -> str:
    practitioner = current_practitioner(uow)
    return practitioner.name if practitioner is not None else actor


def decision_view(row: SharingDecision) -> SharingDecisionView:
    return SharingDecisionView(
        id=row.id, family_id=row.family_id, child_id=row.child_id, assessment_id=row.assessment_id,
        occurred_at=row.occurred_at, recorded_at=row.recorded_at, recipient=row.recipient,
        purpose=row.purpose, shared=row.shared, lawful_basis=row.lawful_basis,
        special_category_condition=row.special_category_condition, consent=row.consent,
        consent_reason=row.consent_reason, identities_withheld=row.identities_withheld,
        advice_taken=row.advice_taken, channel=row.channel, practitioner=row.practitioner,
        repeats=row.repeats_id, submission_id=row.submission_id,
    )


def _next_seq(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.coalesce(func.max(SharingDecision.seq), 0))) or 0) + 1


def _earlier_share(uow: UnitOfWork, assessment_id: str) -> SharingDecision | None:
    return uow.session.scalars(
        select(SharingDecision).where(SharingDecision.assessment_id == assessment_id,
                                      SharingDecision.channel == "app")
        .order_by(SharingDecision.seq.desc()).limit(1)
    ).first()


def share_assessment(
    uow: UnitOfWork,
    actor: str,
    assessment_id: str,
    basis: DecisionBasis,
    *,
    at: datetime | None = None,
) -> ShareResult:
    """Record the decision and queue the sealed summary, in the caller's one transaction."""
    check_basis(basis)
    session = uow.session
    row = session.get(Gcp2Assessment, assessment_id)
    if row is None:
        raise UnknownRecord(f"no assessment with id '{assessment_id}'")
    if row.status != "complete":
        raise UsageError("only a completed assessment can be shared; complete it first")
    identity = load_identity(uow)
    shared_at = at or _now()
    submission_id = str(uuid.uuid4())
    earlier = _earlier_share(uow, assessment_id)
    summary = build_summary(summary_input(
        uow, row, submission_id=submission_id, shared_at=shared_at,
        basis=SharingBasis(identity.organisation, identity.organisation_name, basis.purpose,
                           basis.lawful_basis, basis.special_category_condition, basis.consent,
                           basis.consent_reason, basis.identities_withheld, basis.advice_taken),
        repeats_submission=None if earlier is None else earlier.submission_id,
    ))
    sealed = seal_submission(
        summary, submission_id=submission_id, device_id=identity.device_id,
        device_key=identity.device_key, recipient=identity.organisation,
        recipient_key=identity.sealing_key, recipient_key_id=identity.sealing_key_id,
        sealed_at=shared_at,
    )
    decision = SharingDecision(
        id=register(session, KIND), family_id=row.family_id, child_id=row.child_id,
        assessment_id=assessment_id, seq=_next_seq(uow), occurred_at=shared_at,
        recorded_at=shared_at, occurred_utc=utc_key(shared_at),
        recipient=f"{identity.organisation_name} ({identity.organisation})",
        purpose=basis.purpose.strip(), shared=APP_SHARED, lawful_basis=basis.lawful_basis,
        special_category_condition=basis.special_category_condition.strip(),
        consent=basis.consent, consent_reason=basis.consent_reason.strip(),
        identities_withheld=basis.identities_withheld.strip(),
        advice_taken=basis.advice_taken.strip(), channel="app",
        practitioner=_actor_name(uow, actor), repeats_id=None if earlier is None else earlier.id,
        submission_id=submission_id,
    )
    session.add(decision)
    session.flush()
    outbox.add_to_outbox(
        uow, submission_id=submission_id, decision_id=decision.id, family_id=row.family_id,
        assessment_id=assessment_id, device_id=identity.device_id, recipient=identity.organisation,
        recipient_key_id=identity.sealing_key_id, inner_jws=sealed.inner_jws,
        inner_digest=sealed.inner_digest, envelope=sealed.envelope,
        envelope_digest=sealed.envelope_digest, queued_at=shared_at,
    )
    record_event(session, actor=actor, action="share", record_kind=KIND, record_id=decision.id,
                 detail={"assessment_id": assessment_id, "family_id": row.family_id,
                         "child_id": row.child_id, "submission_id": submission_id,
                         "channel": "app", "lawful_basis": basis.lawful_basis,
                         "consent": basis.consent, "repeats": decision.repeats_id})
    return ShareResult(decision_view(decision), submission_id, earlier is not None)


def record_disclosure(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    basis: DecisionBasis,
    *,
    recipient: str,
    shared: str,
    channel: str,
    occurred_at: datetime,
    child_id: str | None = None,
    assessment_id: str | None = None,
    recorded_at: datetime | None = None,
) -> SharingDecisionView:
    """Record information shared outside the app (a phone call to the front door, a strategy
    meeting, a letter): the same decision fields, no outbox row. The caller commits."""
    check_basis(basis)
    session = uow.session
    if session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    if channel not in CHANNELS or channel == "app":
        raise UsageError("say how it was shared: " + ", ".join(c for c in CHANNELS if c != "app"))
    if not recipient.strip() or not shared.strip():
        raise UsageError("say who it was shared with and what was shared")
    if occurred_at.utcoffset() is None:
        raise UsageError("the time it was shared must carry its UTC offset")
    if child_id is not None:
        child = session.get(Child, child_id)
        if child is None or child.family_id != family_id:
            raise UnknownRecord(f"no child with id '{child_id}' in this family")
    if assessment_id is not None:
        assessment = session.get(Gcp2Assessment, assessment_id)
        if assessment is None or assessment.family_id != family_id:
            raise UnknownRecord(f"no assessment with id '{assessment_id}' in this family")
        child_id = assessment.child_id
    decision = SharingDecision(
        id=register(session, KIND), family_id=family_id, child_id=child_id,
        assessment_id=assessment_id, seq=_next_seq(uow), occurred_at=occurred_at,
        recorded_at=recorded_at or _now(), occurred_utc=utc_key(occurred_at),
        recipient=recipient.strip(), purpose=basis.purpose.strip(), shared=shared.strip(),
        lawful_basis=basis.lawful_basis,
        special_category_condition=basis.special_category_condition.strip(),
        consent=basis.consent, consent_reason=basis.consent_reason.strip(),
        identities_withheld=basis.identities_withheld.strip(),
        advice_taken=basis.advice_taken.strip(), channel=channel,
        practitioner=_actor_name(uow, actor), repeats_id=None, submission_id=None,
    )
    session.add(decision)
    session.flush()
    record_event(session, actor=actor, action="share", record_kind=KIND, record_id=decision.id,
                 detail={"family_id": family_id, "child_id": child_id,
                         "assessment_id": assessment_id, "channel": channel,
                         "lawful_basis": basis.lawful_basis, "consent": basis.consent})
    return decision_view(decision)


def decisions_of_family(uow: UnitOfWork, family_id: str) -> tuple[SharingDecisionView, ...]:
    """Every sharing decision of the family, in the order they were recorded."""
    rows = uow.session.scalars(select(SharingDecision).where(SharingDecision.family_id == family_id)
                               .order_by(SharingDecision.seq))
    return tuple(decision_view(r) for r in rows)


def sharing_history(uow: UnitOfWork, family_id: str, *,
                    child_id: str | None = None) -> tuple[ShareRecord, ...]:
    """Each decision with its delivery (receipt) and the front door's outcomes, newest first.
    With `child_id`: that child's and the family's own decisions."""
    if uow.session.get(Family, family_id) is None:
        raise UnknownRecord(f"no family with id '{family_id}'")
    decisions = [d for d in decisions_of_family(uow, family_id)
                 if child_id is None or d.child_id in (child_id, None)]
    deliveries = {r.submission_id: r for r in outbox.outbox_rows(uow, family_id=family_id)}
    outcomes = outcomes_for(uow, [d.submission_id for d in decisions if d.submission_id])
    records = [ShareRecord(d, deliveries.get(d.submission_id or ""),
                           tuple(outcomes.get(d.submission_id or "", ())))
               for d in decisions]
    records.sort(key=lambda r: r.decision.occurred_at, reverse=True)
    return tuple(records)
