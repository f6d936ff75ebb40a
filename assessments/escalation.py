"""Escalation of a professional disagreement: the organisation's stages and their timescales.

Owns `EscalationStage`, the default four stages (practitioner to practitioner; managers or
safeguarding leads; senior managers; the partnership chair), reading stages from configuration
(mistakes raise `ThemeConfigError` with the JSON path), and the due and overdue rules: a stage
opened on a day must be answered within its timescale in working days, counted from the next
working day (`working_days.WorkingCalendar.add_working_days`). A stage is overdue when its
response due date has passed, in working days, and the escalation is neither moved on nor
closed.

The learning review found escalation procedures existed and were not used; the usual
procedures ask for short timescales (often a working week) and a record of every escalation and
its outcome. Telford's own stages and timescales are not published, so they are configuration;
the defaults below are the usual shape, not a local policy. Pure: no storage, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assessments.theme_config_checks import (
    ThemeConfigError,
    check_keys,
    optional_int,
    optional_text,
    required_list,
    required_mapping,
    required_text,
)
from assessments.working_days import WorkingCalendar

__all__ = [
    "DEFAULT_STAGES",
    "EscalationStage",
    "response_due_on",
    "stage_working_days_overdue",
    "stages_from_config",
]

_NAME_MAX = 80
_TEXT_MAX = 400
_MAX_STAGES = 8


@dataclass(frozen=True)
class EscalationStage:
    """One stage; `number` is its place (1 = first), `working_days` its response timescale."""

    number: int
    name: str
    who: str
    working_days: int

    @property
    def label(self) -> str:
        return f"Stage {self.number}: {self.name}"


DEFAULT_STAGES: tuple[EscalationStage, ...] = (
    EscalationStage(1, "Practitioner to practitioner",
                    "The practitioner you disagree with, directly", 5),
    EscalationStage(2, "Managers or safeguarding leads",
                    "Your line manager or safeguarding lead and theirs", 5),
    EscalationStage(3, "Senior managers",
                    "Senior managers or heads of service of both agencies", 5),
    EscalationStage(4, "Partnership chair",
                    "The safeguarding partnership's chair or executive", 10),
)


def stages_from_config(config: object, path: str = "$.escalation") -> tuple[EscalationStage, ...]:
    """From `{"stages": [{"name", "who", "working_days"}]}` in order (1 to 8 stages); the key
    `stages` may be absent (the defaults). The list replaces the defaults as a whole: stages
    are a procedure, and mixing two procedures would match neither."""
    section = required_mapping(config, path)
    check_keys(section, path, allowed={"stages"})
    if "stages" not in section:
        return DEFAULT_STAGES
    entries = required_list(section["stages"], f"{path}.stages")
    if not 1 <= len(entries) <= _MAX_STAGES:
        raise ThemeConfigError(f"{path}.stages", f"must list from 1 to {_MAX_STAGES} stages")
    stages: list[EscalationStage] = []
    names: dict[str, str] = {}
    for index, entry in enumerate(entries):
        here = f"{path}.stages[{index}]"
        item = required_mapping(entry, here)
        check_keys(item, here, allowed={"name", "who", "working_days"},
                   required={"name", "working_days"})
        name = required_text(item["name"], f"{here}.name", max_length=_NAME_MAX)
        if name.casefold() in names:
            raise ThemeConfigError(f"{here}.name", f"the name {name!r} is already used by {names[name.casefold()]}")
        names[name.casefold()] = here
        stages.append(EscalationStage(
            number=index + 1,
            name=name,
            who=optional_text(item, "who", here, default="", max_length=_TEXT_MAX),
            working_days=optional_int(item, "working_days", here, 5, 1, 60),
        ))
    return tuple(stages)


def response_due_on(started_on: date, stage: EscalationStage, calendar: WorkingCalendar) -> date:
    """The day a response is due for a stage opened on `started_on`."""
    return calendar.add_working_days(started_on, stage.working_days)


def stage_working_days_overdue(
    response_due: date, today: date, *, closed: bool, calendar: WorkingCalendar
) -> int:
    """Working days the current stage is past its response date (0 when closed or in time)."""
    if closed:
        return 0
    return calendar.working_days_overdue(response_due, today)
