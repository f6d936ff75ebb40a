"""Threshold decisions: the level of need a practitioner chooses for a child, and what the tool
suggested and why.

The suggestion comes from the organisation's table (`assessments.levels.suggest_level`) over
the child's latest completed GCP2 (its confirmed area and sub-area grades) and the cumulative
harm factors on the child's chronology in the configured window before the decision. A
decision stores the level chosen, the suggestion as shown, the practitioner's reasoning, the
threshold document named in the configuration, and the history considered: the chronology
event ids and recurring-theme prompt keys in view (by default everything on the child's view at
that moment). The tool suggests; the practitioner decides. Audited by ids; no text in the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select

from app.audit import record_event
from app.config import organisation_config
from app.errors import UnknownRecord, UsageError
from app.services.chronology import family_chronology, recurring_prompts
from app.services.lived_experience import aware
from app.services.plans_views import LevelSuggestionView, ThresholdDecisionView
from app.services.registry import register
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child
from app.storage.models_gcp2 import Gcp2AreaGrade, Gcp2Assessment, Gcp2SubAreaGrade
from app.storage.models_plans import ThresholdDecision
from assessments.levels import LevelInputs, LevelsOfNeed, suggest_level
from assessments.recurring_themes import add_months

__all__ = [
    "level_label",
    "levels_of_need",
    "record_threshold_decision",
    "suggest_level_for_child",
    "threshold_decisions_of_child",
    "threshold_decisions_of_family",
]

KIND = "level_decision"


def _now() -> datetime:
    return datetime.now().astimezone()


def _child(uow: UnitOfWork, child_id: str) -> Child:
    child = uow.session.get(Child, child_id)
    if child is None:
        raise UnknownRecord(f"no child with id '{child_id}'")
    return child


def levels_of_need(uow: UnitOfWork) -> LevelsOfNeed:
    """The organisation's levels (for a picker) and its table."""
    return organisation_config(uow).levels


def level_label(levels: LevelsOfNeed, level_id: str | None) -> str:
    """"3 Targeted"; the bare id when the configuration no longer names it; "" for None."""
    if level_id is None:
        return ""
    return levels.get(level_id).label if level_id in levels else level_id


def _latest_grades(uow: UnitOfWork, child_id: str) -> tuple[str | None, dict[str, int], dict[str, int]]:
    """The child's latest completed GCP2: (its id, area grades, sub-area grades)."""
    session = uow.session
    assessment_id = session.scalar(
        select(Gcp2Assessment.id)
        .where(Gcp2Assessment.child_id == child_id, Gcp2Assessment.status == "complete")
        .order_by(Gcp2Assessment.seq.desc()).limit(1))
    if assessment_id is None:
        return None, {}, {}
    areas = {
        area: grade for area, grade in session.execute(
            select(Gcp2AreaGrade.area_id, Gcp2AreaGrade.grade)
            .where(Gcp2AreaGrade.assessment_id == assessment_id))
    }
    subs = {
        sub: grade for sub, grade in session.execute(
            select(Gcp2SubAreaGrade.sub_area_id, Gcp2SubAreaGrade.grade)
            .where(Gcp2SubAreaGrade.assessment_id == assessment_id))
        if grade is not None
    }
    return assessment_id, areas, subs


def suggest_level_for_child(
    uow: UnitOfWork, child_id: str, *, at: datetime | None = None
) -> LevelSuggestionView:
    """What the organisation's table suggests for the child at `at` (default now), and why."""
    child = _child(uow, child_id)
    config = organisation_config(uow)
    moment = aware(at or _now(), "time of the decision")
    assessment_id, areas, subs = _latest_grades(uow, child_id)
    catalogue = config.themes.catalogue
    factors = catalogue.cumulative_harm_factor_ids()
    since = add_months(moment.date(), -config.levels.harm_factor_window_months)
    seen: list[str] = []
    for row in family_chronology(uow, child.family_id, child_id=child_id):
        if since <= row.date <= moment.date():
            seen.extend(t for t in row.themes if t in factors and t not in seen)
    names = tuple(catalogue.get(t).name for t in catalogue.ids() if t in seen)
    suggestion = suggest_level(config.levels, LevelInputs(areas, subs, names))
    return LevelSuggestionView(
        level_id=suggestion.level.id if suggestion.level else None,
        level_label=suggestion.level.label if suggestion.level else "",
        explanation=suggestion.explanation, assessment_id=assessment_id, harm_factors=names,
        threshold_document=config.levels.threshold_document,
    )


def _chosen(given: Sequence[str] | None, in_view: list[str], what: str) -> list[str]:
    if given is None:
        return in_view
    missing = [item for item in given if item not in in_view]
    if missing:
        raise UnknownRecord(f"{what} '{missing[0]}' is not in view for this child")
    return list(dict.fromkeys(given))


def record_threshold_decision(
    uow: UnitOfWork,
    actor: str,
    child_id: str,
    *,
    level: str,
    reasoning: str,
    decided_at: datetime | None = None,
    event_ids: Sequence[str] | None = None,
    prompt_keys: Sequence[str] | None = None,
    decision_id: str | None = None,
) -> ThresholdDecisionView:
    """Record the level chosen for the child with the suggestion shown and the history in view.

    `event_ids` (chronology `event_id`s) and `prompt_keys` default to everything on the child's
    chronology view and every prompt raised for it now; given explicitly, each must be in view.
    """
    child = _child(uow, child_id)
    config = organisation_config(uow)
    if level not in config.levels:
        raise UsageError(f"'{level}' is not one of the organisation's levels of need")
    if not reasoning.strip():
        raise UsageError("say why this level was chosen")
    moment = aware(decided_at or _now(), "time of the decision")
    suggestion = suggest_level_for_child(uow, child_id, at=moment)
    rows = family_chronology(uow, child.family_id, child_id=child_id)
    prompts = recurring_prompts(uow, child.family_id, child_id)
    events = _chosen(event_ids, [r.event_id for r in rows], "chronology entry")
    keys = _chosen(prompt_keys, [p.key for p in prompts], "prompt")
    session = uow.session
    seq = int(session.scalar(select(func.coalesce(func.max(ThresholdDecision.seq), 0))) or 0) + 1
    row = ThresholdDecision(
        id=register(session, KIND, decision_id), family_id=child.family_id, child_id=child_id,
        seq=seq, decided_at=moment, decided_by=actor, level=level,
        suggested_level=suggestion.level_id, suggestion=suggestion.explanation,
        reasoning=reasoning.strip(), threshold_document=config.levels.threshold_document,
        assessment_id=suggestion.assessment_id, considered_events=events,
        considered_prompts=keys,
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind=KIND, record_id=row.id,
        detail={"child_id": child_id, "level": level, "suggested_level": suggestion.level_id,
                "events": len(events), "prompts": keys, "config_version": config.version},
    )
    return decision_view(row, config.levels)


def decision_view(row: ThresholdDecision, levels: LevelsOfNeed) -> ThresholdDecisionView:
    return ThresholdDecisionView(
        id=row.id, family_id=row.family_id, child_id=row.child_id, decided_at=row.decided_at,
        decided_by=row.decided_by, level=row.level, level_label=level_label(levels, row.level),
        suggested_level=row.suggested_level, suggestion=row.suggestion, reasoning=row.reasoning,
        threshold_document=row.threshold_document, assessment_id=row.assessment_id,
        considered_events=tuple(row.considered_events),
        considered_prompts=tuple(row.considered_prompts),
    )


def threshold_decisions_of_family(
    uow: UnitOfWork, family_id: str
) -> tuple[ThresholdDecisionView, ...]:
    """The family's decisions in the order they were recorded."""
    levels = organisation_config(uow).levels
    return tuple(decision_view(r, levels) for r in uow.session.scalars(
        select(ThresholdDecision).where(ThresholdDecision.family_id == family_id)
        .order_by(ThresholdDecision.seq)))


def threshold_decisions_of_child(
    uow: UnitOfWork, child_id: str
) -> tuple[ThresholdDecisionView, ...]:
    """The child's decisions, oldest first (the last is the level in force)."""
    _child(uow, child_id)
    levels = organisation_config(uow).levels
    return tuple(decision_view(r, levels) for r in uow.session.scalars(
        select(ThresholdDecision).where(ThresholdDecision.child_id == child_id)
        .order_by(ThresholdDecision.seq)))
