"""The recurring-theme rules: their kinds, the defaults, and building them from configuration.

Owns `Rule` and its validation (mistakes raise `ThemeConfigError` with the JSON path). An organisation's configuration can tune a default rule (by
giving its id), switch it off explicitly (`"enabled": false`), or add rules of the same kinds
under new ids; it can never drop a default by leaving it out, because a safeguarding prompt
should not disappear through an omission nobody noticed. Evaluating rules over a chronology is
`recurring_themes`' job. Pure: no storage, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from assessments.theme_config_checks import (
    ThemeConfigError,
    check_id,
    check_keys,
    optional_bool,
    optional_int,
    optional_text,
    required_list,
    required_mapping,
)
from assessments.themes import ThemeCatalogue, catalogue_from_config, default_catalogue

__all__ = [
    "RuleKind",
    "Rule",
    "ThemeSettings",
    "default_rules",
    "rules_from_config",
    "themes_and_rules_from_config",
]


class RuleKind(StrEnum):
    """What a rule counts inside one window of calendar months.

    - same_theme_multiple_sources: distinct sources that recorded one theme;
    - theme_frequency: events carrying one theme;
    - cumulative_harm_factors: distinct cumulative-harm-factor themes present.
    """

    SAME_THEME_MULTIPLE_SOURCES = "same_theme_multiple_sources"
    THEME_FREQUENCY = "theme_frequency"
    CUMULATIVE_HARM_FACTORS = "cumulative_harm_factors"


@dataclass(frozen=True)
class Rule:
    """One rule. `themes` limits the themes it looks at (None: every theme); for the cumulative
    harm factors kind it is the set of factor themes, taken from the catalogue."""

    id: str
    kind: RuleKind
    at_least: int
    window_months: int
    suggestion: str
    themes: frozenset[str] | None = None


# The configuration key for `at_least` names what is counted, so a setting reads plainly.
THRESHOLD_KEYS: Mapping[RuleKind, str] = {
    RuleKind.SAME_THEME_MULTIPLE_SOURCES: "min_sources",
    RuleKind.THEME_FREQUENCY: "min_events",
    RuleKind.CUMULATIVE_HARM_FACTORS: "min_factors",
}

STRATEGY_MEETING = "Consider a strategy meeting"
REGRADE_OR_ESCALATE = "Consider a GCP2 re-grade or escalation"

# A pattern needs at least two of something; ten years is the longest look-back we allow.
_AT_LEAST_RANGE = (2, 50)
_MONTHS_RANGE = (1, 120)
_SUGGESTION_MAX = 200


def default_rules(catalogue: ThemeCatalogue | None = None) -> tuple[Rule, ...]:
    """The four default rules, in the order their prompts are listed.

    The first three look at the last 6 to 12 months. The fourth, `long_running_theme`, is the
    learning review's lesson: poor home conditions noted by a health visitor in 2019, 2021 and
    2024 were never put together, because no short window ever held more than one of them. So
    the same theme recorded 3 or more times within 5 years also suggests a strategy meeting,
    where the agencies can look at the whole history together. It overlaps `theme_frequency`
    (3 records within 6 months are also 3 within 5 years) on purpose: a burst suggests a
    re-grade, the history behind it a strategy meeting.
    """
    catalogue = catalogue or default_catalogue()
    return (
        Rule("same_theme_multiple_sources", RuleKind.SAME_THEME_MULTIPLE_SOURCES, 2, 12,
             STRATEGY_MEETING),
        Rule("theme_frequency", RuleKind.THEME_FREQUENCY, 3, 6, REGRADE_OR_ESCALATE),
        Rule("cumulative_harm_factors", RuleKind.CUMULATIVE_HARM_FACTORS, 2, 12,
             STRATEGY_MEETING, catalogue.cumulative_harm_factor_ids()),
        Rule("long_running_theme", RuleKind.THEME_FREQUENCY, 3, 60, STRATEGY_MEETING),
    )


def rules_from_config(
    config: object, catalogue: ThemeCatalogue, path: str = "$"
) -> tuple[Rule, ...]:
    """Rules from `{"rules": [...]}` (the key may be absent: defaults only).

    Each entry: `id` (required); `kind` (required for a new rule; for a default's id it may be
    given but must match); the kind's count key (`min_sources`, `min_events` or `min_factors`);
    `window_months`; `suggestion`; `themes` (a list of catalogue ids, not for the cumulative harm
    factors kind, whose factors come from the catalogue); `enabled` (false switches a rule off).
    Returns the enabled rules: the defaults in their order, then new rules in config order.
    """
    section = required_mapping(config, path)
    check_keys(section, path, allowed={"rules"})
    entries: list[object] = []
    if "rules" in section:
        entries = required_list(section["rules"], f"{path}.rules")
    return _rules_from_entries(entries, catalogue, f"{path}.rules")


@dataclass(frozen=True)
class ThemeSettings:
    """An organisation's themes and rules, read together from one configuration section."""

    catalogue: ThemeCatalogue
    rules: tuple[Rule, ...]


def themes_and_rules_from_config(config: object, path: str = "$") -> ThemeSettings:
    """Both halves from `{"themes": [...], "rules": [...]}`; rules may name the new themes."""
    section = required_mapping(config, path)
    check_keys(section, path, allowed={"themes", "rules"})
    catalogue = catalogue_from_config(
        {k: v for k, v in section.items() if k == "themes"}, path
    )
    rules = rules_from_config({k: v for k, v in section.items() if k == "rules"}, catalogue, path)
    return ThemeSettings(catalogue, rules)


def _rules_from_entries(
    entries: list[object], catalogue: ThemeCatalogue, path: str
) -> tuple[Rule, ...]:
    defaults = {rule.id: rule for rule in default_rules(catalogue)}
    chosen: dict[str, Rule] = dict(defaults)
    enabled: dict[str, bool] = dict.fromkeys(defaults, True)
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        here = f"{path}[{index}]"
        item = required_mapping(entry, here)
        if "id" not in item:
            raise ThemeConfigError(f"{here}.id", "is required")
        rule_id = check_id(item["id"], f"{here}.id")
        if rule_id in seen:
            raise ThemeConfigError(f"{here}.id", f"the rule {rule_id!r} is configured twice")
        seen.add(rule_id)
        base = defaults.get(rule_id)
        kind = _kind(item, here, base)
        count_key = THRESHOLD_KEYS[kind]
        allowed = {"id", "kind", count_key, "window_months", "suggestion", "enabled"}
        if kind is not RuleKind.CUMULATIVE_HARM_FACTORS:
            allowed.add("themes")
        check_keys(item, here, allowed)
        rule = base or _new_rule(rule_id, kind, catalogue)
        rule = replace(
            rule,
            at_least=optional_int(item, count_key, here, rule.at_least, *_AT_LEAST_RANGE),
            window_months=optional_int(
                item, "window_months", here, rule.window_months, *_MONTHS_RANGE
            ),
            suggestion=_suggestion(item, here, rule.suggestion),
            themes=_themes(item, here, catalogue, rule.themes),
        )
        chosen[rule_id] = rule
        enabled[rule_id] = optional_bool(item, "enabled", here, default=True)
    return tuple(rule for rule_id, rule in chosen.items() if enabled[rule_id])


def _new_rule(rule_id: str, kind: RuleKind, catalogue: ThemeCatalogue) -> Rule:
    """A new rule starts from the first default rule of its kind (for theme_frequency that is
    `theme_frequency`, not `long_running_theme`) and the catalogue's factors."""
    template = next(r for r in default_rules(catalogue) if r.kind is kind)
    return replace(template, id=rule_id)


def _kind(item: Mapping[str, object], here: str, base: Rule | None) -> RuleKind:
    if "kind" not in item:
        if base is None:
            raise ThemeConfigError(f"{here}.kind", "is required for a rule that is not a default")
        return base.kind
    value = item["kind"]
    if not isinstance(value, str) or value not in set(RuleKind):
        raise ThemeConfigError(f"{here}.kind", "must be one of " + ", ".join(RuleKind))
    kind = RuleKind(value)
    if base is not None and kind is not base.kind:
        raise ThemeConfigError(
            f"{here}.kind", f"the default rule {base.id!r} is of kind {base.kind.value!r}"
        )
    return kind


def _themes(
    item: Mapping[str, object], here: str, catalogue: ThemeCatalogue,
    current: frozenset[str] | None,
) -> frozenset[str] | None:
    if "themes" not in item:
        return current
    values = required_list(item["themes"], f"{here}.themes")
    if not values:
        raise ThemeConfigError(f"{here}.themes", "must name at least one theme (leave it out for all)")
    for position, value in enumerate(values):
        if not isinstance(value, str) or value not in catalogue:
            raise ThemeConfigError(f"{here}.themes[{position}]", "is not a theme in the catalogue")
    return frozenset(str(v) for v in values)


def _suggestion(item: Mapping[str, object], here: str, current: str) -> str:
    text = optional_text(item, "suggestion", here, default=current, max_length=_SUGGESTION_MAX)
    if not text:
        raise ThemeConfigError(f"{here}.suggestion", "must be a non-empty text")
    return text
