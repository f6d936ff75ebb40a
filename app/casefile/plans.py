"""The `plans`, `threshold_decisions` and `escalations` family sections of the case file.

Owns their JSON form (documented in schema.json and docs/plans-levels-escalation.md), reading
rules and frozen records. What the file alone settles is checked here, at the value's own path:
children of the same family, ids unique in the file, contract values (action status, what an
escalation was raised from), an action's status date given exactly when it is not open, stages
numbered 1, 2, 3 ... in time order, an escalation closed exactly when it has an outcome, prompt
keys as 32 hex digits. What needs the profile is the import service's
(`app/services/plans_case_file.py`): linked assessments and targeted items (the assessment may
be in the profile), themes (the organisation's catalogue) and a plan action an escalation was
raised from. Level ids are kept as written: a decision is history, and the organisation's
levels may have been renamed since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.casefile import assessments as _assessments  # noqa: F401  (registered before these)
from app.casefile import lived_experience as _lived  # noqa: F401  (registered before these)
from app.casefile.reading import (
    FieldReader,
    quoted,
    read_choice,
    read_date,
    read_id_text,
    read_list,
    read_name,
    read_object,
    read_text,
    read_timestamp,
)
from app.casefile.records import FamilyRecord
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput
from assessments import gcp2

PLAN_KIND, ACTION_KIND = "plan", "plan_action"
DECISION_KIND, ESCALATION_KIND = "level_decision", "escalation"
STATUSES = ("open", "done", "not_done")
RAISED_FROM = ("prompt", "outcome", "plan_action")
_CONFIG_ID = re.compile(r"[a-z][a-z0-9_]{1,48}")
_PROMPT_KEY = re.compile(r"[0-9a-f]{32}")
_EVENT_ID = re.compile(r"[a-z_]+:.+")
_REFERENCE_MAX = 128


@dataclass(frozen=True)
class TargetedItemRecord:
    assessment: str
    sub_area: str


@dataclass(frozen=True)
class PlanActionRecord:
    id: str
    change_for_child: str
    who: str
    does_what: str
    by_when: date | None
    measure: str
    targeted_item: TargetedItemRecord | None
    themes: tuple[str, ...]
    status: str
    status_on: date | None


@dataclass(frozen=True)
class PlanShareRecord:
    shared_at: datetime
    how: str
    shared_by: str


@dataclass(frozen=True)
class PlanReviewRecord:
    held_at: datetime
    held_by: str
    notes: str


@dataclass(frozen=True)
class PlanRecord:
    id: str
    child: str | None
    title: str
    made_at: datetime
    made_by: str
    review_due: date | None
    actions: tuple[PlanActionRecord, ...]
    shares: tuple[PlanShareRecord, ...]
    reviews: tuple[PlanReviewRecord, ...]


@dataclass(frozen=True)
class ThresholdDecisionRecord:
    id: str
    child: str
    decided_at: datetime
    decided_by: str
    level: str
    suggested_level: str | None
    suggestion: str
    reasoning: str
    threshold_document: str
    assessment: str | None
    considered_events: tuple[str, ...]
    considered_prompts: tuple[str, ...]


@dataclass(frozen=True)
class RaisedFromRecord:
    kind: str
    ref: str


@dataclass(frozen=True)
class EscalationStageRecord:
    stage: int
    started_at: datetime
    response_due: date
    contact: str
    note: str


@dataclass(frozen=True)
class EscalationRecord:
    id: str
    child: str | None
    about: str
    with_whom: str
    raised_at: datetime
    raised_by: str
    raised_from: RaisedFromRecord | None
    stages: tuple[EscalationStageRecord, ...]
    outcome: str
    closed_at: datetime | None


def _optional(reader: FieldReader) -> FieldReader:
    return lambda value, path: None if value is None else reader(value, path)


def _child(context: FamilyContext, nullable: bool) -> FieldReader:
    def read(value: Any, path: str) -> str | None:
        if value is None and nullable:
            return None
        child_id = read_id_text(value, path)
        context.family.refer(child_id, path, ("child",), "a child")
        return child_id

    return read


def _pattern(pattern: re.Pattern[str], what: str) -> FieldReader:
    def read(value: Any, path: str) -> str:
        text = read_text(value, path)
        if pattern.fullmatch(text) is None:
            raise InvalidInput(path, f"expected {what}")
        return text

    return read


_read_config_id = _pattern(_CONFIG_ID, "an id of lower-case letters, digits and underscores")


def _unique_list(reader: FieldReader, what: str) -> FieldReader:
    def read(value: Any, path: str) -> tuple[str, ...]:
        seen: list[str] = []

        def one(item: Any, at: str) -> str:
            text = reader(item, at)
            if text in seen:
                raise InvalidInput(at, f"{what} {quoted(text)} is listed twice")
            seen.append(text)
            return str(text)

        return read_list(value, path, one)

    return read


def _referenced(context: FamilyContext, kind: str, description: str) -> FieldReader:
    """An id that, if it names a record already read from this file, must be of `kind`."""
    def read(value: Any, path: str) -> str:
        record_id = read_id_text(value, path)
        found = context.ids.kind_of(record_id)
        if found is not None and found != kind:
            raise InvalidInput(path, f"{quoted(record_id)} is not {description}")
        return record_id

    return read


def read_plans(context: FamilyContext, value: Any, path: str) -> tuple[PlanRecord, ...]:
    def targeted(value: Any, at: str) -> TargetedItemRecord:
        values = read_object(value, at, {
            "assessment": _referenced(context, "assessment", "an assessment"),
            "sub_area": lambda v, p: read_choice(v, p, gcp2.SUB_AREA_IDS),
        })
        return TargetedItemRecord(**values)

    def action(value: Any, at: str) -> PlanActionRecord:
        values = read_object(value, at, {
            "id": lambda v, p: context.ids.claim(v, p, ACTION_KIND),
            "change_for_child": read_text, "who": read_text, "does_what": read_text,
            "by_when": _optional(read_date), "measure": read_text,
            "targeted_item": _optional(targeted),
            "themes": _unique_list(_read_config_id, "theme"),
            "status": lambda v, p: read_choice(v, p, STATUSES),
            "status_on": _optional(read_date),
        })
        if (values["status"] == "open") != (values["status_on"] is None):
            raise InvalidInput(f"{at}.status_on",
                               "give the date exactly when the status is done or not_done")
        return PlanActionRecord(**values)

    def share(value: Any, at: str) -> PlanShareRecord:
        return PlanShareRecord(**read_object(value, at, {
            "shared_at": read_timestamp, "how": read_name, "shared_by": read_name}))

    def review(value: Any, at: str) -> PlanReviewRecord:
        return PlanReviewRecord(**read_object(value, at, {
            "held_at": read_timestamp, "held_by": read_name, "notes": read_name}))

    def read_one(item: Any, at: str) -> PlanRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, PLAN_KIND),
            "child": _child(context, nullable=True),
            "title": read_name, "made_at": read_timestamp, "made_by": read_name,
            "review_due": _optional(read_date),
            "actions": lambda v, p: read_list(v, p, action),
            "shares": lambda v, p: read_list(v, p, share),
            "reviews": lambda v, p: read_list(v, p, review),
        })
        return PlanRecord(**values)

    return read_list(value, path, read_one)


def read_decisions(
    context: FamilyContext, value: Any, path: str
) -> tuple[ThresholdDecisionRecord, ...]:
    def read_one(item: Any, at: str) -> ThresholdDecisionRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, DECISION_KIND),
            "child": _child(context, nullable=False),
            "decided_at": read_timestamp, "decided_by": read_name,
            "level": _read_config_id, "suggested_level": _optional(_read_config_id),
            "suggestion": read_text, "reasoning": read_name, "threshold_document": read_text,
            "assessment": _optional(_referenced(context, "assessment", "an assessment")),
            "considered_events": _unique_list(
                _pattern(_EVENT_ID, "a chronology event id such as 'visit:V1'"), "event"),
            "considered_prompts": _unique_list(
                _pattern(_PROMPT_KEY, "a prompt key of 32 lower-case hex digits"), "prompt"),
        })
        return ThresholdDecisionRecord(**values)

    return read_list(value, path, read_one)


def read_escalations(
    context: FamilyContext, value: Any, path: str
) -> tuple[EscalationRecord, ...]:
    def raised_from(value: Any, at: str) -> RaisedFromRecord:
        values = read_object(value, at, {
            "kind": lambda v, p: read_choice(v, p, RAISED_FROM), "ref": read_name})
        ref_path = f"{at}.ref"
        if len(values["ref"]) > _REFERENCE_MAX:
            raise InvalidInput(ref_path, f"is longer than {_REFERENCE_MAX} characters")
        if values["kind"] == "prompt" and _PROMPT_KEY.fullmatch(values["ref"]) is None:
            raise InvalidInput(ref_path, "expected a prompt key of 32 lower-case hex digits")
        if values["kind"] == "plan_action":
            _referenced(context, ACTION_KIND, "a plan action")(values["ref"], ref_path)
        return RaisedFromRecord(**values)

    def stage(value: Any, at: str) -> EscalationStageRecord:
        values = read_object(value, at, {
            "stage": _stage_number, "started_at": read_timestamp,
            "response_due": read_date, "contact": read_text, "note": read_text})
        return EscalationStageRecord(**values)

    def stages(value: Any, at: str) -> tuple[EscalationStageRecord, ...]:
        records = read_list(value, at, stage)
        if not records:
            raise InvalidInput(at, "an escalation has at least its first stage")
        for index, record in enumerate(records):
            if record.stage != index + 1:
                raise InvalidInput(f"{at}[{index}].stage", f"expected stage {index + 1} here")
            if index and record.started_at < records[index - 1].started_at:
                raise InvalidInput(f"{at}[{index}].started_at",
                                   "a stage cannot start before the one it follows")
        return records

    def read_one(item: Any, at: str) -> EscalationRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, ESCALATION_KIND),
            "child": _child(context, nullable=True),
            "about": read_name, "with_whom": read_name,
            "raised_at": read_timestamp, "raised_by": read_name,
            "raised_from": _optional(raised_from), "stages": stages,
            "outcome": read_text, "closed_at": _optional(read_timestamp),
        })
        if (values["closed_at"] is None) != (not values["outcome"].strip()):
            raise InvalidInput(f"{at}.closed_at",
                               "an escalation is closed exactly when it has an outcome")
        return EscalationRecord(**values)

    return read_list(value, path, read_one)


def _stage_number(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
        raise InvalidInput(path, "expected a stage number from 1 to 8")
    return value


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def write_plans(records: tuple[PlanRecord, ...]) -> list[dict[str, Any]]:
    return [{
        "id": p.id, "child": p.child, "title": p.title, "made_at": p.made_at.isoformat(),
        "made_by": p.made_by, "review_due": _day(p.review_due),
        "actions": [{
            "id": a.id, "change_for_child": a.change_for_child, "who": a.who,
            "does_what": a.does_what, "by_when": _day(a.by_when), "measure": a.measure,
            "targeted_item": None if a.targeted_item is None else {
                "assessment": a.targeted_item.assessment, "sub_area": a.targeted_item.sub_area},
            "themes": list(a.themes), "status": a.status, "status_on": _day(a.status_on),
        } for a in p.actions],
        "shares": [{"shared_at": s.shared_at.isoformat(), "how": s.how,
                    "shared_by": s.shared_by} for s in p.shares],
        "reviews": [{"held_at": r.held_at.isoformat(), "held_by": r.held_by,
                     "notes": r.notes} for r in p.reviews],
    } for p in records]


def write_decisions(records: tuple[ThresholdDecisionRecord, ...]) -> list[dict[str, Any]]:
    return [{
        "id": d.id, "child": d.child, "decided_at": d.decided_at.isoformat(),
        "decided_by": d.decided_by, "level": d.level, "suggested_level": d.suggested_level,
        "suggestion": d.suggestion, "reasoning": d.reasoning,
        "threshold_document": d.threshold_document, "assessment": d.assessment,
        "considered_events": list(d.considered_events),
        "considered_prompts": list(d.considered_prompts),
    } for d in records]


def write_escalations(records: tuple[EscalationRecord, ...]) -> list[dict[str, Any]]:
    return [{
        "id": e.id, "child": e.child, "about": e.about, "with_whom": e.with_whom,
        "raised_at": e.raised_at.isoformat(), "raised_by": e.raised_by,
        "raised_from": None if e.raised_from is None else {
            "kind": e.raised_from.kind, "ref": e.raised_from.ref},
        "stages": [{"stage": s.stage, "started_at": s.started_at.isoformat(),
                    "response_due": s.response_due.isoformat(), "contact": s.contact,
                    "note": s.note} for s in e.stages],
        "outcome": e.outcome, "closed_at": _moment(e.closed_at),
    } for e in records]


PLANS: FamilySection[tuple[PlanRecord, ...]] = register_family_section(
    FamilySection[tuple[PlanRecord, ...]](
        key="plans", read=read_plans, write=write_plans, empty=(),
        ids=lambda records: [i for p in records for i in (p.id, *(a.id for a in p.actions))],
    )
)
THRESHOLD_DECISIONS: FamilySection[tuple[ThresholdDecisionRecord, ...]] = register_family_section(
    FamilySection[tuple[ThresholdDecisionRecord, ...]](
        key="threshold_decisions", read=read_decisions, write=write_decisions, empty=(),
        ids=lambda records: [d.id for d in records],
    )
)
ESCALATIONS: FamilySection[tuple[EscalationRecord, ...]] = register_family_section(
    FamilySection[tuple[EscalationRecord, ...]](
        key="escalations", read=read_escalations, write=write_escalations, empty=(),
        ids=lambda records: [e.id for e in records],
    )
)


def sections_of(family: FamilyRecord) -> tuple[
    tuple[PlanRecord, ...], tuple[ThresholdDecisionRecord, ...], tuple[EscalationRecord, ...]
]:
    return PLANS.of(family), THRESHOLD_DECISIONS.of(family), ESCALATIONS.of(family)
