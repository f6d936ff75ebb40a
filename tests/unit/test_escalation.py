"""Escalation stages from configuration and their due and overdue rules in working days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessments.escalation import (
    DEFAULT_STAGES,
    EscalationStage,
    response_due_on,
    stage_working_days_overdue,
    stages_from_config,
)
from assessments.theme_config_checks import ThemeConfigError
from assessments.working_days import england_and_wales

CAL = england_and_wales()
D = date.fromisoformat


def test_the_defaults_are_the_four_usual_stages() -> None:
    assert [(s.number, s.name, s.working_days) for s in DEFAULT_STAGES] == [
        (1, "Practitioner to practitioner", 5),
        (2, "Managers or safeguarding leads", 5),
        (3, "Senior managers", 5),
        (4, "Partnership chair", 10),
    ]
    assert stages_from_config({}) == DEFAULT_STAGES
    assert DEFAULT_STAGES[0].label == "Stage 1: Practitioner to practitioner"


def test_an_organisation_replaces_the_stages() -> None:
    stages = stages_from_config({"stages": [
        {"name": "Discuss with the worker", "working_days": 1},
        {"name": "Safeguarding lead", "who": "Named nurse", "working_days": 2},
    ]})
    assert stages == (EscalationStage(1, "Discuss with the worker", "", 1),
                      EscalationStage(2, "Safeguarding lead", "Named nurse", 2))


@pytest.mark.parametrize(("started", "stage", "due"), [
    ("2026-11-23", 0, "2026-11-30"),  # Monday + 5 working days
    ("2026-11-27", 0, "2026-12-04"),  # Friday + 5
    ("2026-11-28", 0, "2026-12-04"),  # opened on a Saturday: counted from Monday
    ("2026-12-21", 0, "2026-12-30"),  # over Christmas and the Boxing Day substitute
    ("2026-11-23", 3, "2026-12-07"),  # stage 4: 10 working days
    ("2022-09-14", 0, "2022-09-22"),  # over the state funeral
])
def test_response_due(started: str, stage: int, due: str) -> None:
    assert response_due_on(D(started), DEFAULT_STAGES[stage], CAL) == D(due)


@pytest.mark.parametrize(("due", "today", "closed", "overdue"), [
    ("2026-11-30", "2026-11-30", False, 0),
    ("2026-11-30", "2026-12-01", False, 1),
    ("2026-11-30", "2026-12-07", False, 5),
    ("2026-11-30", "2026-12-07", True, 0),   # closed with an outcome: never overdue
    ("2026-12-24", "2026-12-29", False, 1),
])
def test_stage_overdue(due: str, today: str, closed: bool, overdue: int) -> None:
    assert stage_working_days_overdue(D(due), D(today), closed=closed, calendar=CAL) == overdue


@pytest.mark.parametrize(("config", "path"), [
    ({"stages": []}, "$.escalation.stages"),
    ({"stages": [{"name": "One"}]}, "$.escalation.stages[0].working_days"),
    ({"stages": [{"name": "One", "working_days": 0}]}, "$.escalation.stages[0].working_days"),
    ({"stages": [{"name": "One", "working_days": 61}]}, "$.escalation.stages[0].working_days"),
    ({"stages": [{"name": "", "working_days": 2}]}, "$.escalation.stages[0].name"),
    ({"stages": [{"name": "A", "working_days": 2}, {"name": "a", "working_days": 2}]},
     "$.escalation.stages[1].name"),
    ({"stages": [{"name": "A", "working_days": 2, "days": 3}]}, "$.escalation.stages[0].days"),
    ({"stages": [{"name": "S", "working_days": 1}] * 9}, "$.escalation.stages"),
    ({"steps": []}, "$.escalation.steps"),
])
def test_configuration_mistakes_name_the_json_path(config: dict[str, Any], path: str) -> None:
    with pytest.raises(ThemeConfigError) as caught:
        stages_from_config(config)
    assert caught.value.path == path
