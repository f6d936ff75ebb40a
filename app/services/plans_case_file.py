"""The `plans`, `threshold_decisions` and `escalations` case-file sections against the profile:
what only the profile can judge, the ids an import registers, the rows it writes, and the
records an export reads back.

The reader (`app/casefile/plans.py`) has applied every rule the file alone settles. Left for
here, each refused with the JSON path: a linked assessment must be one of the family's (in the
file or already in the profile) and of the plan's child; a targeted item must be in that
assessment's targets; themes must be in the organisation's catalogue; a plan action an
escalation was raised from must be one of the family's. Text is stored exactly as the file gave
it, so import then export is lossless.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.casefile.assessments import ASSESSMENTS
from app.casefile.plans import (
    ACTION_KIND,
    DECISION_KIND,
    ESCALATION_KIND,
    ESCALATIONS,
    PLAN_KIND,
    PLANS,
    THRESHOLD_DECISIONS,
    EscalationRecord,
    EscalationStageRecord,
    PlanActionRecord,
    PlanRecord,
    PlanReviewRecord,
    PlanShareRecord,
    RaisedFromRecord,
    TargetedItemRecord,
    ThresholdDecisionRecord,
)
from app.casefile.records import CaseFile, FamilyRecord
from app.config import organisation_config
from app.errors import InvalidInput
from app.services.unit_of_work import UnitOfWork
from app.storage.models_gcp2 import Gcp2Assessment, Gcp2Target
from app.storage.models_plans import (
    Escalation,
    EscalationStageRow,
    Plan,
    PlanAction,
    PlanReview,
    PlanShare,
    ThresholdDecision,
)

SECTION_KEYS = frozenset({PLANS.key, THRESHOLD_DECISIONS.key, ESCALATIONS.key})


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(id, kind, JSON path of the id) for the import's id registration, in file order."""
    for f, family in enumerate(case.families):
        at = f"$.families[{f}]"
        for i, plan in enumerate(PLANS.of(family)):
            yield plan.id, PLAN_KIND, f"{at}.plans[{i}].id"
            for j, action in enumerate(plan.actions):
                yield action.id, ACTION_KIND, f"{at}.plans[{i}].actions[{j}].id"
        for i, decision in enumerate(THRESHOLD_DECISIONS.of(family)):
            yield decision.id, DECISION_KIND, f"{at}.threshold_decisions[{i}].id"
        for i, escalation in enumerate(ESCALATIONS.of(family)):
            yield escalation.id, ESCALATION_KIND, f"{at}.escalations[{i}].id"


class _Assessments:
    """The family's assessments, from the file and the profile: child and targeted sub-areas."""

    def __init__(self, session: Session, family: FamilyRecord) -> None:
        self.children: dict[str, str] = {}
        self.targets: dict[str, set[str]] = defaultdict(set)
        for record in ASSESSMENTS.of(family):
            self.children[record.id] = record.child
            self.targets[record.id].update(t.sub_area for t in record.targets)
        for a_id, child in session.execute(
            select(Gcp2Assessment.id, Gcp2Assessment.child_id)
            .where(Gcp2Assessment.family_id == family.id)
        ):
            self.children[a_id] = child
        stored = [a for a in self.children if a not in self.targets]
        if stored:
            for a_id, sub in session.execute(
                select(Gcp2Target.assessment_id, Gcp2Target.sub_area_id)
                .where(Gcp2Target.assessment_id.in_(stored))
            ):
                self.targets[a_id].add(sub)

    def check(self, assessment: str, child: str | None, path: str) -> None:
        if assessment not in self.children:
            raise InvalidInput(path, f"'{assessment}' is not an assessment of this family")
        if child is not None and self.children[assessment] != child:
            raise InvalidInput(path, f"'{assessment}' is an assessment of another child")


def check_against_profile(uow: UnitOfWork, case: CaseFile) -> None:
    """What only the profile can judge; InvalidInput at the first problem in file order."""
    session = uow.session
    catalogue = organisation_config(uow).themes.catalogue
    for f, family in enumerate(case.families):
        at = f"$.families[{f}]"
        plans, decisions, escalations = (PLANS.of(family), THRESHOLD_DECISIONS.of(family),
                                         ESCALATIONS.of(family))
        if not (plans or decisions or escalations):
            continue
        assessments = _Assessments(session, family)
        action_ids = {a.id for p in plans for a in p.actions}
        for i, plan in enumerate(plans):
            for j, action in enumerate(plan.actions):
                here = f"{at}.plans[{i}].actions[{j}]"
                for k, theme in enumerate(action.themes):
                    if theme not in catalogue:
                        raise InvalidInput(f"{here}.themes[{k}]",
                                           f"'{theme}' is not one of the organisation's themes")
                item = action.targeted_item
                if item is not None:
                    assessments.check(item.assessment, plan.child,
                                      f"{here}.targeted_item.assessment")
                    if item.sub_area not in assessments.targets[item.assessment]:
                        raise InvalidInput(f"{here}.targeted_item.sub_area",
                                           "is not a targeted item of that assessment")
        for i, decision in enumerate(decisions):
            if decision.assessment is not None:
                assessments.check(decision.assessment, decision.child,
                                  f"{at}.threshold_decisions[{i}].assessment")
        for i, escalation in enumerate(escalations):
            source = escalation.raised_from
            if source is not None and source.kind == "plan_action" and source.ref not in action_ids:
                stored = session.scalar(
                    select(PlanAction.id).join(Plan, Plan.id == PlanAction.plan_id)
                    .where(PlanAction.id == source.ref, Plan.family_id == family.id))
                if stored is None:
                    raise InvalidInput(f"{at}.escalations[{i}].raised_from.ref",
                                       f"'{source.ref}' is not a plan action of this family")


def _next(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def insert_records(session: Session, case: CaseFile) -> int:
    """Write the three sections' rows (parents first); returns how many records were written."""
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    seq = {Plan: _next(session, Plan.seq), ThresholdDecision: _next(session, ThresholdDecision.seq),
           Escalation: _next(session, Escalation.seq)}
    for family in case.families:
        for p in PLANS.of(family):
            rows[Plan].append({"id": p.id, "family_id": family.id, "child_id": p.child,
                               "seq": seq[Plan], "title": p.title, "made_at": p.made_at,
                               "made_by": p.made_by, "review_due": p.review_due})
            seq[Plan] += 1
            for n, a in enumerate(p.actions):
                item = a.targeted_item
                rows[PlanAction].append({
                    "id": a.id, "plan_id": p.id, "position": n,
                    "change_for_child": a.change_for_child, "who": a.who,
                    "does_what": a.does_what, "by_when": a.by_when, "measure": a.measure,
                    "assessment_id": item.assessment if item else None,
                    "sub_area_id": item.sub_area if item else None, "themes": list(a.themes),
                    "status": a.status, "status_on": a.status_on})
            rows[PlanShare].extend({"plan_id": p.id, "position": n, "shared_at": s.shared_at,
                                    "how": s.how, "shared_by": s.shared_by}
                                   for n, s in enumerate(p.shares))
            rows[PlanReview].extend({"plan_id": p.id, "position": n, "held_at": r.held_at,
                                     "held_by": r.held_by, "notes": r.notes}
                                    for n, r in enumerate(p.reviews))
        for d in THRESHOLD_DECISIONS.of(family):
            rows[ThresholdDecision].append({
                "id": d.id, "family_id": family.id, "child_id": d.child,
                "seq": seq[ThresholdDecision], "decided_at": d.decided_at,
                "decided_by": d.decided_by, "level": d.level,
                "suggested_level": d.suggested_level, "suggestion": d.suggestion,
                "reasoning": d.reasoning, "threshold_document": d.threshold_document,
                "assessment_id": d.assessment, "considered_events": list(d.considered_events),
                "considered_prompts": list(d.considered_prompts)})
            seq[ThresholdDecision] += 1
        for e in ESCALATIONS.of(family):
            source = e.raised_from
            rows[Escalation].append({
                "id": e.id, "family_id": family.id, "child_id": e.child,
                "seq": seq[Escalation], "about": e.about, "with_whom": e.with_whom,
                "raised_at": e.raised_at, "raised_by": e.raised_by,
                "raised_from_kind": source.kind if source else None,
                "raised_from_ref": source.ref if source else None,
                "outcome": e.outcome, "closed_at": e.closed_at})
            seq[Escalation] += 1
            rows[EscalationStageRow].extend({
                "escalation_id": e.id, "position": n, "stage": s.stage,
                "started_at": s.started_at, "response_due": s.response_due,
                "contact": s.contact, "note": s.note} for n, s in enumerate(e.stages))
    for model in (Plan, PlanAction, PlanShare, PlanReview, ThresholdDecision, Escalation,
                  EscalationStageRow):
        if rows[model]:
            session.execute(insert(_table(model)), rows[model])
    return len(rows[Plan]) + len(rows[ThresholdDecision]) + len(rows[Escalation])


Stored = tuple[
    dict[str, list[PlanRecord]], dict[str, list[ThresholdDecisionRecord]],
    dict[str, list[EscalationRecord]],
]


def stored_records(session: Session) -> Stored:
    """Every stored plan, decision and escalation as case-file records, by family id."""
    actions: dict[str, list[PlanActionRecord]] = defaultdict(list)
    for a in session.scalars(select(PlanAction).order_by(PlanAction.plan_id, PlanAction.position)):
        item = (TargetedItemRecord(a.assessment_id, a.sub_area_id)
                if a.assessment_id is not None and a.sub_area_id is not None else None)
        actions[a.plan_id].append(PlanActionRecord(
            a.id, a.change_for_child, a.who, a.does_what, a.by_when, a.measure, item,
            tuple(a.themes), a.status, a.status_on))
    shares: dict[str, list[PlanShareRecord]] = defaultdict(list)
    for s in session.scalars(select(PlanShare).order_by(PlanShare.plan_id, PlanShare.position)):
        shares[s.plan_id].append(PlanShareRecord(s.shared_at, s.how, s.shared_by))
    reviews: dict[str, list[PlanReviewRecord]] = defaultdict(list)
    for r in session.scalars(select(PlanReview).order_by(PlanReview.plan_id, PlanReview.position)):
        reviews[r.plan_id].append(PlanReviewRecord(r.held_at, r.held_by, r.notes))
    plans: dict[str, list[PlanRecord]] = defaultdict(list)
    for p in session.scalars(select(Plan).order_by(Plan.seq)):
        plans[p.family_id].append(PlanRecord(
            p.id, p.child_id, p.title, p.made_at, p.made_by, p.review_due,
            tuple(actions[p.id]), tuple(shares[p.id]), tuple(reviews[p.id])))
    decisions: dict[str, list[ThresholdDecisionRecord]] = defaultdict(list)
    for d in session.scalars(select(ThresholdDecision).order_by(ThresholdDecision.seq)):
        decisions[d.family_id].append(ThresholdDecisionRecord(
            d.id, d.child_id, d.decided_at, d.decided_by, d.level, d.suggested_level,
            d.suggestion, d.reasoning, d.threshold_document, d.assessment_id,
            tuple(d.considered_events), tuple(d.considered_prompts)))
    stages: dict[str, list[EscalationStageRecord]] = defaultdict(list)
    for st in session.scalars(select(EscalationStageRow).order_by(
            EscalationStageRow.escalation_id, EscalationStageRow.position)):
        stages[st.escalation_id].append(EscalationStageRecord(
            st.stage, st.started_at, st.response_due, st.contact, st.note))
    escalations: dict[str, list[EscalationRecord]] = defaultdict(list)
    for e in session.scalars(select(Escalation).order_by(Escalation.seq)):
        source = (RaisedFromRecord(e.raised_from_kind, e.raised_from_ref)
                  if e.raised_from_kind is not None and e.raised_from_ref is not None else None)
        escalations[e.family_id].append(EscalationRecord(
            e.id, e.child_id, e.about, e.with_whom, e.raised_at, e.raised_by, source,
            tuple(stages[e.id]), e.outcome, e.closed_at))
    return plans, decisions, escalations


def with_records(family: FamilyRecord, stored: Stored) -> FamilyRecord:
    """`family` with its three sections set from `stored_records`."""
    plans, decisions, escalations = stored
    family = PLANS.with_value(family, tuple(plans.get(family.id, ())))
    family = THRESHOLD_DECISIONS.with_value(family, tuple(decisions.get(family.id, ())))
    return ESCALATIONS.with_value(family, tuple(escalations.get(family.id, ())))
