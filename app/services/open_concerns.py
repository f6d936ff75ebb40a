"""Open concerns on the caseload: for every family at once, how many recurring-theme prompts the
rules raise over its chronology that nobody has dismissed.

The count is what `chronology.recurring_prompts(uow, family_id)` would list for each family, but
worked out in three queries for the whole caseload instead of several per family: only records
that carry themes can raise a prompt, and of the chronology's rows only lived-experience entries
and other agencies' entries do (visits, assessments and the rows features add through
`add_chronology_source` carry none — plans_chronology says so for its rows). A test holds the
two equal. The events are built exactly as the chronology builds them (same ids, sources,
times), so a prompt's key, and therefore its dismissal, is the same here as on the family page.

Not audited: a count shows no record. Opening the family shows the prompts themselves (audited).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select

from app.config import organisation_config
from app.services.unit_of_work import UnitOfWork
from app.storage.models_lived import ChronologyEntry, LivedExperienceEntry, PromptDismissal
from assessments.recurring_theme_rules import Rule
from assessments.recurring_themes import ThemedEvent, find_prompts


def themed_events(uow: UnitOfWork) -> dict[str, list[ThemedEvent]]:
    """Every family's events that carry at least one theme, by family id."""
    session = uow.session
    events: dict[str, list[ThemedEvent]] = defaultdict(list)
    le, ce = LivedExperienceEntry, ChronologyEntry
    for kind, model in (("lived_experience", le), ("chronology_entry", ce)):
        rows = session.execute(
            select(model.family_id, model.id, model.occurred_at, model.child_id, model.source,
                   model.themes)
            .where(func.json_array_length(model.themes) > 0)
        )
        for family_id, record_id, occurred_at, child_id, source, themes in rows:
            events[family_id].append(ThemedEvent(
                id=f"{kind}:{record_id}", occurred_at=occurred_at, child_id=child_id,
                source=source, themes=frozenset(themes), kind=kind,
            ))
    return events


def open_concerns(uow: UnitOfWork, *, rules: Sequence[Rule] | None = None) -> dict[str, int]:
    """Undismissed prompts per family id; families with none are left out."""
    rules = rules if rules is not None else organisation_config(uow).themes.rules
    dismissed: dict[str, set[str]] = defaultdict(set)
    for family_id, key in uow.session.execute(
        select(PromptDismissal.family_id, PromptDismissal.prompt_key)
    ):
        dismissed[family_id].add(key)
    counts: dict[str, int] = {}
    for family_id, events in themed_events(uow).items():
        raised = find_prompts(events, rules)
        count = sum(1 for prompt in raised if prompt.key not in dismissed[family_id])
        if count:
            counts[family_id] = count
    return counts
