"""The organisation configuration: what one deployed, versioned file sets, and its checks.

Owns `OrganisationConfig` (frozen; the defaults when no file is deployed) and
`parse_organisation_config`, which reads the file's bytes in three steps, each stopping at the
first problem with its JSON path: JSON (`schema_check.read_document`), the JSON Schema
(`organisation.schema.json`), then what the schema cannot state, through the same functions
`assessments/` uses everywhere (themes and rules: `recurring_theme_rules`; levels: `levels`;
stages: `escalation`; timescales: `plans`) and the key checks (`keys.py`). So the app can never
run with a configuration `homevisit config check` would refuse.

Deliberately not here: finding the file and caching it (`locate.py`), anything personal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from app.errors import InvalidInput
from assessments.escalation import DEFAULT_STAGES, EscalationStage, stages_from_config
from assessments.levels import LevelsOfNeed, default_levels, levels_from_config
from assessments.plans import PlanTimescales, plan_timescales_from_config
from assessments.recurring_theme_rules import (
    ThemeSettings,
    default_rules,
    themes_and_rules_from_config,
)
from assessments.theme_config_checks import ThemeConfigError
from assessments.themes import default_catalogue
from assessments.working_days import (
    BankHoliday,
    WorkingCalendar,
    WorkingDaysError,
    england_and_wales,
)

FORMAT = "homevisit.organisation/1"


def _default_themes() -> ThemeSettings:
    return ThemeSettings(default_catalogue(), default_rules())


@dataclass(frozen=True)
class OrganisationConfig:
    """Everything the organisation decides. `source` is the file it came from (None: the
    built-in defaults); `version` the administrator's label for that revision."""

    version: str = "defaults"
    organisation: str = ""
    themes: ThemeSettings = field(default_factory=_default_themes)
    levels: LevelsOfNeed = field(default_factory=default_levels)
    escalation_stages: tuple[EscalationStage, ...] = DEFAULT_STAGES
    plans: PlanTimescales = field(default_factory=PlanTimescales)
    extra_bank_holidays: tuple[BankHoliday, ...] = ()
    recovery_public_key_pem: bytes | None = None
    content_pack_keys_pem: tuple[bytes, ...] = ()
    gateway_url: str | None = None
    source: str | None = None

    @cached_property
    def calendar(self) -> WorkingCalendar:
        """England and Wales working days with the organisation's extra bank holidays."""
        return england_and_wales().with_extra_days(self.extra_bank_holidays)

    def stage(self, number: int) -> EscalationStage:
        """The stage with this number; KeyError when the procedure has fewer stages."""
        for stage in self.escalation_stages:
            if stage.number == number:
                return stage
        raise KeyError(number)


DEFAULTS = OrganisationConfig()


def _section(document: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _extra_holidays(section: Mapping[str, Any]) -> tuple[BankHoliday, ...]:
    days: list[BankHoliday] = []
    calendar = england_and_wales()
    for index, entry in enumerate(section.get("extra_bank_holidays", ())):
        path = f"$.working_days.extra_bank_holidays[{index}].date"
        try:
            day = date.fromisoformat(entry["date"])
        except ValueError:
            raise InvalidInput(path, "is not a real calendar date") from None
        if not calendar.covers(day):
            raise InvalidInput(
                path, f"must lie from {calendar.first_year} to {calendar.last_year}, the years "
                "this version's bank-holiday table covers")
        if day.weekday() >= 5:
            raise InvalidInput(path, "falls at a weekend, which is never a working day anyway")
        days.append(BankHoliday(day, entry["title"]))
    return tuple(days)


def config_from_document(document: Any, source: str | None = None) -> OrganisationConfig:
    """The configuration from an already parsed JSON document (InvalidInput otherwise)."""
    from app.config.keys import check_content_pack_key, check_recovery_key
    from app.config.schema_check import check_against_schema

    if not isinstance(document, dict):
        raise InvalidInput("$", "must be an object (is this an organisation configuration?)")
    if document.get("format") != FORMAT:
        raise InvalidInput(
            "$.format", f"must be '{FORMAT}' (is this an organisation configuration?)")
    check_against_schema(document)
    try:
        themes = themes_and_rules_from_config(
            {k: v for k, v in document.items() if k in ("themes", "rules")}, "$")
        levels = levels_from_config(_section(document, "levels"), "$.levels")
        stages = stages_from_config(_section(document, "escalation"), "$.escalation")
        plans = plan_timescales_from_config(_section(document, "plans"), "$.plans")
    except ThemeConfigError as error:
        raise InvalidInput(error.path, error.reason) from None
    try:
        holidays = _extra_holidays(_section(document, "working_days"))
    except WorkingDaysError as error:
        raise InvalidInput("$.working_days", error.reason) from None
    keys = _section(document, "keys")
    recovery = keys.get("recovery_public_key")
    if recovery is not None:
        check_recovery_key(recovery, "$.keys.recovery_public_key")
    pack_keys = tuple(keys.get("content_pack_signing_keys", ()))
    for index, pem in enumerate(pack_keys):
        check_content_pack_key(pem, f"$.keys.content_pack_signing_keys[{index}]")
    gateway = _section(document, "gateway")
    return OrganisationConfig(
        version=document["version"].strip(),
        organisation=document["organisation"].strip(),
        themes=themes,
        levels=levels,
        escalation_stages=stages,
        plans=plans,
        extra_bank_holidays=holidays,
        recovery_public_key_pem=recovery.encode("ascii") if recovery is not None else None,
        content_pack_keys_pem=tuple(k.encode("ascii") for k in pack_keys),
        gateway_url=gateway.get("url"),
        source=source,
    )


def parse_organisation_config(raw: bytes, source: str | None = None) -> OrganisationConfig:
    """Read and check a configuration file's bytes; InvalidInput(path, problem) on the first
    problem, in document order within each step."""
    from app.config.schema_check import read_document

    return config_from_document(read_document(raw), source)
