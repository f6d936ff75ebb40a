"""The chronology rows of plans, threshold decisions and escalations (plans issue).

Registers one source with `app.services.chronology.add_chronology_source` when imported (the
chronology imports this module itself). Rows, in the chronology's columns:

| kind | when | event |
|---|---|---|
| `plan` | made | "Plan made: <title>" (outcome: actions and review date) |
| `plan_shared` | each share | "Plan shared with the family: <how>" |
| `plan_reviewed` | each review | "Plan reviewed" (outcome: the review's notes) |
| `level_decision` | decided | "Threshold decision: <level>" with the suggestion shown |
| `escalation` | raised | "Escalation raised with <whom> at stage 1 (...)": <about> |
| `escalation_stage` | each later stage | "Escalation moved to stage N (...)" |
| `escalation_closed` | closed | "Escalation closed" (outcome: the outcome) |

A plan's shares and reviews and an escalation's later stages are several events of one record,
so their `record_id` is the record's id, a slash and the position (`PL-3fa9c01b22de/2`); use
`record_of` to get the record back. None of these rows carries themes: they are responses to a
pattern, and counting them would let the response feed the rules that prompted it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select

from app.config import organisation_config
from app.services.chronology import add_chronology_source
from app.services.chronology_views import ChronologyRow
from app.services.levels import level_label
from app.services.plans_store import plan_views
from app.services.unit_of_work import UnitOfWork
from app.storage.models_plans import Escalation, EscalationStageRow, ThresholdDecision

__all__ = ["KINDS", "plans_levels_escalations", "record_of"]

OUR_SERVICE = "Home visit"  # the source the chronology gives our own records
KINDS = ("plan", "plan_shared", "plan_reviewed", "level_decision", "escalation",
         "escalation_stage", "escalation_closed")


def record_of(row: ChronologyRow) -> tuple[str, str]:
    """(record kind, record id) of one of these rows: `plan`, `level_decision` or
    `escalation`, and the id to open."""
    kind = {"plan_shared": "plan", "plan_reviewed": "plan", "escalation_stage": "escalation",
            "escalation_closed": "escalation"}.get(row.kind, row.kind)
    record_id = row.record_id.rsplit("/", 1)[0] if "/" in row.record_id else row.record_id
    return kind, record_id


def _row(kind: str, record_id: str, occurred_at: datetime, child_id: str | None,
         names: dict[str, str], event: str, outcome: str = "") -> ChronologyRow:
    return ChronologyRow(
        kind=kind, record_id=record_id, occurred_at=occurred_at,
        child_id=child_id, child=names.get(child_id or "", ""), event=event,
        source=OUR_SERVICE, impact="", outcome=outcome, themes=(),
    )


def _plans(uow: UnitOfWork, family_id: str, names: dict[str, str]) -> list[ChronologyRow]:
    rows: list[ChronologyRow] = []
    for plan in plan_views(uow, family_id):
        actions = len(plan.actions)
        review = f"; next review due {plan.review_due.isoformat()}" if plan.review_due else ""
        rows.append(_row("plan", plan.id, plan.made_at, plan.child_id, names,
                         f"Plan made: {plan.title}",
                         f"{actions} action{'s' * (actions != 1)}{review}"))
        for n, share in enumerate(plan.shares, start=1):
            rows.append(_row("plan_shared", f"{plan.id}/{n}", share.shared_at, plan.child_id,
                             names, f"Plan shared with the family: {share.how}"))
        for n, review_held in enumerate(plan.reviews, start=1):
            rows.append(_row("plan_reviewed", f"{plan.id}/{n}", review_held.held_at,
                             plan.child_id, names, "Plan reviewed", review_held.notes))
    return rows


def _decisions(uow: UnitOfWork, family_id: str, names: dict[str, str]) -> list[ChronologyRow]:
    levels = organisation_config(uow).levels
    rows = []
    for d in uow.session.scalars(
        select(ThresholdDecision).where(ThresholdDecision.family_id == family_id)
    ):
        suggested = (f"the table suggested {level_label(levels, d.suggested_level)}"
                     if d.suggested_level else "no level was suggested")
        rows.append(_row("level_decision", d.id, d.decided_at, d.child_id, names,
                         f"Threshold decision: {level_label(levels, d.level)} ({suggested})",
                         d.reasoning))
    return rows


def _escalations(uow: UnitOfWork, family_id: str, names: dict[str, str]) -> list[ChronologyRow]:
    config = organisation_config(uow)
    session = uow.session
    escalations = {e.id: e for e in session.scalars(
        select(Escalation).where(Escalation.family_id == family_id))}
    if not escalations:
        return []
    stages: dict[str, list[EscalationStageRow]] = defaultdict(list)
    for s in session.scalars(
        select(EscalationStageRow).where(EscalationStageRow.escalation_id.in_(list(escalations)))
        .order_by(EscalationStageRow.escalation_id, EscalationStageRow.position)
    ):
        stages[s.escalation_id].append(s)
    rows = []
    for e in escalations.values():
        for s in stages[e.id]:
            name = next((x.name for x in config.escalation_stages if x.number == s.stage), "")
            stage = f"stage {s.stage}{f' ({name})' if name else ''}"
            due = f"Response due {s.response_due.isoformat()}"
            if s.position == 0:
                rows.append(_row("escalation", e.id, s.started_at, e.child_id, names,
                                 f"Escalation raised with {e.with_whom} at {stage}: {e.about}",
                                 due))
            else:
                rows.append(_row("escalation_stage", f"{e.id}/{s.position + 1}", s.started_at,
                                 e.child_id, names, f"Escalation moved to {stage}", due))
        if e.closed_at is not None:
            rows.append(_row("escalation_closed", e.id, e.closed_at, e.child_id, names,
                             "Escalation closed", e.outcome))
    return rows


@add_chronology_source
def plans_levels_escalations(
    uow: UnitOfWork, family_id: str, names: dict[str, str]
) -> list[ChronologyRow]:
    """Every plan, threshold decision and escalation event of the family."""
    return (_plans(uow, family_id, names) + _decisions(uow, family_id, names)
            + _escalations(uow, family_id, names))
