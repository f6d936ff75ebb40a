"""The recurring-theme engine: finds patterns in a chronology and raises prompts citing them.

Owns `ThemedEvent` (what the engine reads), `Prompt` (what it raises), the calendar-month
window and `find_prompts`. The rules themselves are `recurring_theme_rules`. The engine only
prompts ("consider a strategy meeting"); the practitioner decides, and recording a prompt and
any dismissal reason is the app's job. Pure: no storage, no Qt, no clock.

Windows are calendar months, both ends inclusive: an event on day D and one on D + N months
(same day number, or the month's last day when that month is shorter) are inside one window of
N months; one day later is outside. Inclusive is the safer choice in safeguarding: a pattern
that is exactly a year long is still a pattern. Only the calendar date counts, as recorded.

Each rule looks at every window that starts on one of its events. Windows that meet the rule
and share an event are joined into one episode, and one prompt cites every event of the episode
(each lies in a window that met the rule). New evidence therefore grows the episode, which gives
the prompt a new key: a dismissal is remembered for exactly the evidence it was made on.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from assessments.recurring_theme_rules import Rule, RuleKind, default_rules

__all__ = ["Prompt", "ThemedEvent", "add_months", "find_prompts", "prompt_key", "within_months"]


@dataclass(frozen=True)
class ThemedEvent:
    """One chronology event as the rules see it. `child_id` None: about the whole family, so it
    counts for every child. `source`: the agency, or a lived-experience source. `kind` says what
    the record is (visit, lived_experience, chronology, ...) for the caller's display."""

    id: str
    occurred_at: date | datetime
    child_id: str | None
    source: str
    themes: frozenset[str]
    kind: str


@dataclass(frozen=True)
class Prompt:
    """A suggestion with its evidence. `event_ids` are in date order; `themes` sorted; `sources`
    as first written, in order of first appearance; `child_id` is the scope evaluated (None:
    the whole family). `key` depends only on rule, themes and cited events, so the same
    evidence gives the same key in the family view and in a child's view."""

    rule_id: str
    kind: RuleKind
    themes: tuple[str, ...]
    suggestion: str
    event_ids: tuple[str, ...]
    first_on: date
    last_on: date
    sources: tuple[str, ...]
    at_least: int
    window_months: int
    child_id: str | None
    key: str


def add_months(day: date, months: int) -> date:
    """The same day number `months` later, or that month's last day if it is shorter
    (31 January + 1 month = 28 or 29 February; 29 February + 12 months = 28 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def within_months(earlier: date, later: date, months: int) -> bool:
    """Whether `later` falls in the window of `months` calendar months starting on `earlier`."""
    return earlier <= later <= add_months(earlier, months)


def prompt_key(rule_id: str, themes: Iterable[str], event_ids: Iterable[str]) -> str:
    """A stable 32-hex-digit key; versioned so a future change of recipe cannot collide."""
    recipe = json.dumps(["v1", rule_id, sorted(themes), list(event_ids)], separators=(",", ":"))
    return hashlib.sha256(recipe.encode("utf-8")).hexdigest()[:32]


def find_prompts(
    events: Iterable[ThemedEvent],
    rules: Sequence[Rule] | None = None,
    *,
    child_id: str | None = None,
) -> tuple[Prompt, ...]:
    """The prompts the rules raise over a family's events, in a fixed order: by rule (in the
    order given), then theme, then first date.

    With `child_id`, only that child's events and the family-level ones (child None) count;
    without it, every event of the family counts together. Events with duplicate ids or a blank
    source are a caller bug (ValueError): either would let one record count twice.
    """
    chosen = default_rules() if rules is None else rules
    ordered = sorted(_checked(events), key=_order)
    if child_id is not None:
        ordered = [e for e in ordered if e.child_id in (child_id, None)]
    prompts: list[Prompt] = []
    for rule in chosen:
        prompts.extend(_prompts_for(rule, ordered, child_id))
    return tuple(prompts)


def _prompts_for(rule: Rule, ordered: list[ThemedEvent], scope: str | None) -> list[Prompt]:
    if rule.kind is RuleKind.CUMULATIVE_HARM_FACTORS:
        factors = rule.themes or frozenset()

        def factors_of(event: ThemedEvent) -> Iterable[str]:
            return event.themes & factors

        relevant = [e for e in ordered if e.themes & factors]
        return [
            _prompt(rule, sorted(set().union(*map(factors_of, episode))), episode, scope)
            for episode in _episodes(relevant, factors_of, rule)
        ]
    present = set().union(*(e.themes for e in ordered)) if ordered else set()
    if rule.themes is not None:
        present &= rule.themes
    counted = _by_source if rule.kind is RuleKind.SAME_THEME_MULTIPLE_SOURCES else _by_event
    prompts: list[Prompt] = []
    for theme in sorted(present):
        relevant = [e for e in ordered if theme in e.themes]
        prompts.extend(_prompt(rule, [theme], ep, scope) for ep in _episodes(relevant, counted, rule))
    return prompts


def _episodes(
    relevant: list[ThemedEvent],
    counted: Callable[[ThemedEvent], Iterable[str]],
    rule: Rule,
) -> list[list[ThemedEvent]]:
    """Runs of events covered by windows that meet the rule, joined where they share an event.

    Two pointers over the date-ordered events: the window starting at event i ends at the last
    event j on or before add_months(day i); `tally` holds what is counted inside [i, j).
    """
    days = [_day(e.occurred_at) for e in relevant]
    tally: dict[str, int] = {}
    end = 0
    spans: list[tuple[int, int]] = []
    for start, first_day in enumerate(days):
        limit = add_months(first_day, rule.window_months)
        while end < len(relevant) and days[end] <= limit:
            for item in counted(relevant[end]):
                tally[item] = tally.get(item, 0) + 1
            end += 1
        if len(tally) >= rule.at_least:
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        for item in counted(relevant[start]):
            tally[item] -= 1
            if tally[item] == 0:
                del tally[item]
    return [relevant[a:b] for a, b in spans]


def _prompt(
    rule: Rule, themes: list[str], episode: list[ThemedEvent], scope: str | None
) -> Prompt:
    ids = tuple(e.id for e in episode)
    sources: dict[str, str] = {}
    for event in episode:
        sources.setdefault(_source_key(event.source), event.source.strip())
    return Prompt(
        rule_id=rule.id,
        kind=rule.kind,
        themes=tuple(themes),
        suggestion=rule.suggestion,
        event_ids=ids,
        first_on=_day(episode[0].occurred_at),
        last_on=_day(episode[-1].occurred_at),
        sources=tuple(sources.values()),
        at_least=rule.at_least,
        window_months=rule.window_months,
        child_id=scope,
        key=prompt_key(rule.id, themes, ids),
    )


def _by_source(event: ThemedEvent) -> Iterable[str]:
    return (_source_key(event.source),)  # one source counts once, however many records


def _by_event(event: ThemedEvent) -> Iterable[str]:
    return (event.id,)  # ids are unique, so every event counts


def _checked(events: Iterable[ThemedEvent]) -> list[ThemedEvent]:
    seen: set[str] = set()
    checked = []
    for event in events:
        if event.id in seen:
            raise ValueError(f"event id {event.id!r} is given twice")
        if not event.source.strip():
            raise ValueError(f"event {event.id!r} has no source")
        seen.add(event.id)
        checked.append(event)
    return checked


def _day(moment: date | datetime) -> date:
    # datetime is a subclass of date, so test for it first.
    return moment.date() if isinstance(moment, datetime) else moment


def _order(event: ThemedEvent) -> tuple[date, time, str]:
    """Date, then time of day as recorded (a bare date sorts first), then id: a total order, so
    the output never depends on the order events were given in."""
    moment = event.occurred_at
    clock = moment.time() if isinstance(moment, datetime) else time.min
    return (_day(moment), clock, event.id)


def _source_key(source: str) -> str:
    # "Police", "police " and "POLICE" are one source; counting them as three would raise a
    # multi-agency prompt on a single agency's records.
    return " ".join(source.split()).casefold()
