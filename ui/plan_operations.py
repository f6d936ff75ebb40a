"""The threshold-decision and escalation use cases the GUI runs, bound as jobs for the DB worker
(like `ui.lived_operations`): each function returns a `Job` (`fn(profile) -> result`) and runs
nothing itself; a change opens one unit of work and commits it. The values the dialogs hand
over are frozen dataclasses here; results are the services' frozen views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.profile import OpenProfile
from app.services import escalations, levels
from app.services.plans_views import (
    EscalationView,
    LevelSuggestionView,
    RaisedFrom,
    ThresholdDecisionView,
)
from assessments.levels import Level
from ui.operations import Job
from ui.operations import changing as _changing


@dataclass(frozen=True)
class ThresholdChoices:
    """What the threshold-decision dialog offers: the organisation's levels, and what its table
    suggests for each child of the family now (and why)."""

    levels: tuple[Level, ...]
    suggestions: tuple[tuple[str, LevelSuggestionView], ...]  # (child id, suggestion)
    threshold_document: str

    def suggestion_for(self, child_id: str) -> LevelSuggestionView | None:
        return dict(self.suggestions).get(child_id)


@dataclass(frozen=True)
class NewThresholdDecision:
    child_id: str
    level: str
    reasoning: str


@dataclass(frozen=True)
class NewEscalation:
    """An escalation raised from a recurring-theme prompt (its key), or from nothing (None)."""

    prompt_key: str | None
    about: str
    with_whom: str
    child_id: str | None
    contact: str



def threshold_choices(child_ids: Sequence[str]) -> Job[ThresholdChoices]:
    def read(profile: OpenProfile) -> ThresholdChoices:
        with profile.unit_of_work() as uow:
            of_need = levels.levels_of_need(uow)
            suggestions = tuple(
                (child_id, levels.suggest_level_for_child(uow, child_id)) for child_id in child_ids
            )
        return ThresholdChoices(of_need.levels, suggestions, of_need.threshold_document)

    return read


def record_threshold_decision(new: NewThresholdDecision) -> Job[ThresholdDecisionView]:
    """Record the decision; the history considered is what is in view for the child now (the
    service stores the chronology entries and prompts at that moment)."""
    return _changing(
        lambda uow, actor: levels.record_threshold_decision(
            uow, actor, new.child_id, level=new.level, reasoning=new.reasoning
        )
    )


def raise_escalation(family_id: str, new: NewEscalation) -> Job[EscalationView]:
    return _changing(
        lambda uow, actor: escalations.raise_escalation(
            uow,
            actor,
            family_id,
            about=new.about,
            with_whom=new.with_whom,
            child_id=new.child_id,
            raised_from=RaisedFrom("prompt", new.prompt_key) if new.prompt_key else None,
            contact=new.contact,
        )
    )
