"""What the plan, threshold-decision and escalation services hand back: frozen plain data.

Owns the views only; the ORM-to-view conversions live beside the services that make them.
`PlanView.flagged` and `.shareable` say whether the plan can be marked shared (every action
SMART), so a plan page can show the reasons without asking again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from assessments.plans import SmartProblem


@dataclass(frozen=True)
class TargetedItem:
    """A GCP2 targeted item: a sub-area of one assessment's targets table."""

    assessment_id: str
    sub_area_id: str


@dataclass(frozen=True)
class PlanActionView:
    id: str
    plan_id: str
    number: int  # 1-based, as the plan lists it
    change_for_child: str
    who: str
    does_what: str
    by_when: date | None
    measure: str
    targeted_item: TargetedItem | None
    themes: tuple[str, ...]
    status: str  # assessments.plans.ActionStatus
    status_on: date | None
    problems: tuple[SmartProblem, ...]  # empty when the action is SMART


@dataclass(frozen=True)
class PlanShareView:
    shared_at: datetime
    how: str
    shared_by: str


@dataclass(frozen=True)
class PlanReviewView:
    held_at: datetime
    held_by: str
    notes: str


@dataclass(frozen=True)
class PlanView:
    id: str
    family_id: str
    child_id: str | None  # None: a plan for the whole family
    title: str
    made_at: datetime
    made_by: str
    review_due: date | None
    actions: tuple[PlanActionView, ...]
    shares: tuple[PlanShareView, ...]
    reviews: tuple[PlanReviewView, ...]

    @property
    def flagged(self) -> tuple[PlanActionView, ...]:
        return tuple(a for a in self.actions if a.problems)

    @property
    def shareable(self) -> bool:
        return bool(self.actions) and not self.flagged

    @property
    def last_shared(self) -> PlanShareView | None:
        return self.shares[-1] if self.shares else None


@dataclass(frozen=True)
class LevelSuggestionView:
    """What the tool suggests for a child now, and from what."""

    level_id: str | None
    level_label: str  # "3 Targeted", or "" without a suggestion
    explanation: str
    assessment_id: str | None  # the completed GCP2 whose grades were used
    harm_factors: tuple[str, ...]  # display names, in the window before the decision
    threshold_document: str


@dataclass(frozen=True)
class ThresholdDecisionView:
    id: str
    family_id: str
    child_id: str
    decided_at: datetime
    decided_by: str
    level: str
    level_label: str  # from the configuration in force; the id if it no longer names a level
    suggested_level: str | None
    suggestion: str  # the explanation shown at the time
    reasoning: str
    threshold_document: str
    assessment_id: str | None
    considered_events: tuple[str, ...]  # chronology event ids (`kind:record_id`)
    considered_prompts: tuple[str, ...]  # recurring-theme prompt keys


@dataclass(frozen=True)
class RaisedFrom:
    """What an escalation was raised from: a recurring-theme prompt (its key), a front-door
    outcome the practitioner disagrees with (its id), or an overdue plan action (its id)."""

    kind: str  # "prompt" | "outcome" | "plan_action"
    ref: str


@dataclass(frozen=True)
class EscalationStageView:
    stage: int
    name: str  # from the configuration in force ("" if it has fewer stages now)
    started_at: datetime
    response_due: date
    contact: str
    note: str


@dataclass(frozen=True)
class EscalationView:
    id: str
    family_id: str
    child_id: str | None
    about: str
    with_whom: str
    raised_at: datetime
    raised_by: str
    raised_from: RaisedFrom | None
    stages: tuple[EscalationStageView, ...]
    outcome: str
    closed_at: datetime | None

    @property
    def current(self) -> EscalationStageView:
        return self.stages[-1]

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


@dataclass(frozen=True)
class OverdueItem:
    """Something late on the caseload. `kind`: plan_action, plan_review, plan_sharing or
    escalation_stage; `record_id` the action, plan or escalation; `plan_id` the plan (None for
    an escalation)."""

    kind: str
    family_id: str
    child_id: str | None
    record_id: str
    plan_id: str | None
    what: str
    due_on: date
    working_days_overdue: int
