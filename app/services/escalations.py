"""Escalations of professional disagreements: raising one, moving it on a stage, its outcome.

An escalation says what it is about and with whom, and is raised at the organisation's first
stage, straight from a recurring-theme prompt, a front-door outcome the practitioner disagrees
with, or an overdue plan action (`RaisedFrom`), or from nothing. Each stage's response is due
its configured number of working days after it opens (`assessments.escalation`); the due date
is stored with the stage, so a later change of configuration never rewrites history. Closing
needs an outcome: the review found escalations were neither used nor recorded. Audited by ids.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from app.audit import record_event
from app.config import OrganisationConfig, organisation_config
from app.errors import UnknownRecord, UsageError
from app.services.chronology import recurring_prompts
from app.services.lived_experience import aware
from app.services.plans import check_child
from app.services.plans_views import EscalationStageView, EscalationView, RaisedFrom
from app.services.registry import register
from app.services.unit_of_work import UnitOfWork
from app.storage.models_plans import (
    RAISED_FROM,
    REFERENCE_LENGTH,
    Escalation,
    EscalationStageRow,
    Plan,
    PlanAction,
)
from assessments.escalation import response_due_on

__all__ = [
    "advance_stage",
    "escalation_view",
    "escalations_of_family",
    "get_escalation",
    "raise_escalation",
    "record_outcome",
]

KIND = "escalation"


def _now() -> datetime:
    return datetime.now().astimezone()


def _text(value: str, what: str) -> str:
    if not value.strip():
        raise UsageError(f"say {what}")
    return value.strip()


def _check_source(
    uow: UnitOfWork, family_id: str, child_id: str | None, source: RaisedFrom | None
) -> None:
    if source is None:
        return
    if source.kind not in RAISED_FROM:
        raise UsageError("an escalation is raised from one of " + ", ".join(RAISED_FROM))
    if not source.ref or len(source.ref) > REFERENCE_LENGTH:
        raise UsageError(f"the {source.kind} reference must be 1 to {REFERENCE_LENGTH} characters")
    session = uow.session
    if source.kind == "prompt":
        raised = {p.key for p in recurring_prompts(uow, family_id)}
        if child_id is not None:
            raised |= {p.key for p in recurring_prompts(uow, family_id, child_id)}
        if source.ref not in raised:
            raise UnknownRecord(f"no prompt '{source.ref}' is raised for this family")
    elif source.kind == "plan_action":
        found = session.scalar(select(PlanAction.id).join(Plan, Plan.id == PlanAction.plan_id)
                               .where(PlanAction.id == source.ref, Plan.family_id == family_id))
        if found is None:
            raise UnknownRecord(f"no plan action with id '{source.ref}' in this family")
    else:
        from app.storage.models_sharing import FrontDoorOutcome, SharingDecision

        # The outcome must answer a share of this family: an escalation citing another
        # family's front-door decision would put that family's case in this one's record.
        found = session.scalar(
            select(FrontDoorOutcome.outcome_id)
            .join(SharingDecision, SharingDecision.submission_id == FrontDoorOutcome.submission_id)
            .where(FrontDoorOutcome.outcome_id == source.ref,
                   SharingDecision.family_id == family_id))
        if found is None:
            raise UnknownRecord(f"no front-door outcome with id '{source.ref}' for this family")


def _stage_name(config: OrganisationConfig, number: int) -> str:
    return next((s.name for s in config.escalation_stages if s.number == number), "")


def escalation_view(
    row: Escalation, stages: list[EscalationStageRow], config: OrganisationConfig
) -> EscalationView:
    source = (RaisedFrom(row.raised_from_kind, row.raised_from_ref)
              if row.raised_from_kind is not None and row.raised_from_ref is not None else None)
    return EscalationView(
        id=row.id, family_id=row.family_id, child_id=row.child_id, about=row.about,
        with_whom=row.with_whom, raised_at=row.raised_at, raised_by=row.raised_by,
        raised_from=source,
        stages=tuple(
            EscalationStageView(s.stage, _stage_name(config, s.stage), s.started_at,
                                s.response_due, s.contact, s.note)
            for s in stages),
        outcome=row.outcome, closed_at=row.closed_at,
    )


def _stages(uow: UnitOfWork, escalation_id: str) -> list[EscalationStageRow]:
    return list(uow.session.scalars(
        select(EscalationStageRow).where(EscalationStageRow.escalation_id == escalation_id)
        .order_by(EscalationStageRow.position)))


def _require(uow: UnitOfWork, escalation_id: str) -> Escalation:
    row = uow.session.get(Escalation, escalation_id)
    if row is None:
        raise UnknownRecord(f"no escalation with id '{escalation_id}'")
    return row


def _open_stage(uow: UnitOfWork, config: OrganisationConfig, escalation_id: str,
                position: int, number: int, started: datetime, contact: str, note: str) -> None:
    stage = config.stage(number)
    uow.session.add(EscalationStageRow(
        escalation_id=escalation_id, position=position, stage=number, started_at=started,
        response_due=response_due_on(started.date(), stage, config.calendar),
        contact=contact.strip(), note=note.strip()))


def raise_escalation(
    uow: UnitOfWork,
    actor: str,
    family_id: str,
    *,
    about: str,
    with_whom: str,
    child_id: str | None = None,
    raised_from: RaisedFrom | None = None,
    contact: str = "",
    note: str = "",
    raised_at: datetime | None = None,
    escalation_id: str | None = None,
) -> EscalationView:
    """Open an escalation at stage 1 (`contact`: who it went to at that stage)."""
    session = uow.session
    check_child(session, family_id, child_id)
    _check_source(uow, family_id, child_id, raised_from)
    config = organisation_config(uow)
    moment = aware(raised_at or _now(), "time the escalation was raised")
    seq = int(session.scalar(select(func.coalesce(func.max(Escalation.seq), 0))) or 0) + 1
    row = Escalation(
        id=register(session, KIND, escalation_id), family_id=family_id, child_id=child_id,
        seq=seq, about=_text(about, "what the disagreement is about"),
        with_whom=_text(with_whom, "who the disagreement is with"), raised_at=moment,
        raised_by=actor, raised_from_kind=raised_from.kind if raised_from else None,
        raised_from_ref=raised_from.ref if raised_from else None, outcome="", closed_at=None,
    )
    session.add(row)
    session.flush()
    _open_stage(uow, config, row.id, 0, 1, moment, contact, note)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind=KIND, record_id=row.id,
        detail={"family_id": family_id, "child_id": child_id, "stage": 1,
                "raised_from": raised_from.kind if raised_from else None,
                "raised_from_ref": raised_from.ref if raised_from else None},
    )
    return escalation_view(row, _stages(uow, row.id), config)


def advance_stage(
    uow: UnitOfWork,
    actor: str,
    escalation_id: str,
    *,
    contact: str = "",
    note: str = "",
    started_at: datetime | None = None,
) -> EscalationView:
    """Take an open escalation to the next stage (its response due from `started_at`)."""
    row = _require(uow, escalation_id)
    if row.closed_at is not None:
        raise UsageError("this escalation is closed; raise a new one if the disagreement returns")
    config = organisation_config(uow)
    stages = _stages(uow, escalation_id)
    number = stages[-1].stage + 1
    if number > len(config.escalation_stages):
        raise UsageError(
            f"stage {stages[-1].stage} is the organisation's last stage; record the outcome")
    moment = aware(started_at or _now(), "time the stage started")
    if moment < stages[-1].started_at:
        raise UsageError("a stage cannot start before the one it follows")
    _open_stage(uow, config, escalation_id, len(stages), number, moment, contact, note)
    uow.session.flush()
    record_event(uow.session, actor=actor, action="update", record_kind=KIND,
                 record_id=escalation_id, detail={"stage": number})
    return escalation_view(row, _stages(uow, escalation_id), config)


def record_outcome(
    uow: UnitOfWork,
    actor: str,
    escalation_id: str,
    *,
    outcome: str,
    closed_at: datetime | None = None,
) -> EscalationView:
    """Close the escalation with what was decided; an escalation closes once."""
    row = _require(uow, escalation_id)
    if row.closed_at is not None:
        raise UsageError("this escalation already has its outcome")
    row.outcome = _text(outcome, "what the outcome was")
    row.closed_at = aware(closed_at or _now(), "time the escalation closed")
    uow.session.flush()
    record_event(uow.session, actor=actor, action="update", record_kind=KIND,
                 record_id=escalation_id, detail={"fields": ["outcome", "closed_at"]})
    return escalation_view(row, _stages(uow, escalation_id), organisation_config(uow))


def get_escalation(uow: UnitOfWork, escalation_id: str) -> EscalationView:
    row = _require(uow, escalation_id)
    return escalation_view(row, _stages(uow, escalation_id), organisation_config(uow))


def escalations_of_family(uow: UnitOfWork, family_id: str) -> tuple[EscalationView, ...]:
    """The family's escalations in the order they were raised."""
    check_child(uow.session, family_id, None)
    config = organisation_config(uow)
    rows = list(uow.session.scalars(
        select(Escalation).where(Escalation.family_id == family_id).order_by(Escalation.seq)))
    stages: dict[str, list[EscalationStageRow]] = {r.id: [] for r in rows}
    if rows:
        for s in uow.session.scalars(
            select(EscalationStageRow)
            .where(EscalationStageRow.escalation_id.in_(list(stages)))
            .order_by(EscalationStageRow.escalation_id, EscalationStageRow.position)
        ):
            stages[s.escalation_id].append(s)
    return tuple(escalation_view(r, stages[r.id], config) for r in rows)
