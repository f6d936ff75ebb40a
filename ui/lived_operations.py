"""The lived-experience, chronology and search use cases the GUI runs, bound as jobs for the DB
worker (like `ui.operations`, which holds the shell's jobs).

Each function returns a `Job` (`fn(profile) -> result`) and runs nothing itself. A change opens
one unit of work and commits it: a quick-capture entry is saved and its draft discarded together
or not at all. Results are the services' frozen views, bundled in frozen dataclasses here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.config import organisation_config
from app.profile import OpenProfile
from app.services import chronology, drafts, lived_experience, search
from app.services.chronology_views import ChronologyRow, PromptView
from app.services.lived_experience import LivedExperienceView
from app.services.search import SearchHit
from app.services.unit_of_work import UnitOfWork
from assessments.themes import ThemeCatalogue
from ui.operations import Job
from ui.operations import changing as _changing

SEARCH_LIMIT = 100


@dataclass(frozen=True)
class FamilyChronology:
    """What the family page shows of the chronology: every row in date order, the prompts the
    rules raise over it (less those dismissed), and the themes they may carry."""

    family_id: str
    rows: tuple[ChronologyRow, ...]
    prompts: tuple[PromptView, ...]
    catalogue: ThemeCatalogue


@dataclass(frozen=True)
class FoundNote:
    """One search hit with the name of its family, best first."""

    hit: SearchHit
    family_name: str


@dataclass(frozen=True)
class NewEntry:
    """A day-in-the-life entry as the quick-capture dialog hands it over."""

    child_id: str
    visit_id: str | None
    occurred_at: datetime
    part_of_day: str
    text: str
    child_voice: str
    impact: str
    source: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class NewAgencyEntry:
    """Another agency's record, entered by hand."""

    child_id: str | None
    occurred_at: datetime
    agency: str
    author: str
    event: str
    impact: str
    outcome: str
    themes: tuple[str, ...]
    author_label: str = "recorded by"  # in the practitioner's language (the dialog's tr())


def themes() -> Job[ThemeCatalogue]:
    """The organisation's themes in force (its configuration file may change while the app
    runs, so this is asked for each time a dialog that tags themes opens)."""
    return lambda profile: _catalogue_of(profile)


def _catalogue_of(profile: OpenProfile) -> ThemeCatalogue:
    with profile.unit_of_work() as uow:
        return organisation_config(uow).themes.catalogue



def load_chronology(family_id: str) -> Job[FamilyChronology]:
    """The family's chronology and prompts. Showing prompts is audited, so this commits."""

    def read(uow: UnitOfWork, actor: str) -> FamilyChronology:
        rows = chronology.family_chronology(uow, family_id)
        prompts = chronology.recurring_prompts(
            uow, family_id, actor=actor, whole_chronology=rows
        )
        catalogue = organisation_config(uow).themes.catalogue
        return FamilyChronology(family_id, tuple(rows), tuple(prompts), catalogue)

    return _changing(read)


def record_entry(entry: NewEntry, *, draft_key: str | None) -> Job[LivedExperienceView]:
    def change(uow: UnitOfWork, actor: str) -> LivedExperienceView:
        view = lived_experience.record_entry(
            uow,
            actor,
            entry.child_id,
            occurred_at=entry.occurred_at,
            part_of_day=entry.part_of_day,
            text=entry.text,
            source=entry.source,
            child_voice=entry.child_voice,
            impact=entry.impact,
            themes=entry.themes,
            visit_id=entry.visit_id,
        )
        if draft_key is not None:
            drafts.discard_draft(uow, draft_key)
        return view

    return _changing(change)


def add_agency_entry(family_id: str, entry: NewAgencyEntry) -> Job[ChronologyRow]:
    """The agency is the row's source (the rules count sources, so two authors of one agency
    are one source); the author, which has no column of its own, closes the event text."""
    event = entry.event.strip()
    if entry.author.strip():
        event = f"{event} ({entry.author_label} {' '.join(entry.author.split())})"
    return _changing(
        lambda uow, actor: chronology.add_agency_entry(
            uow,
            actor,
            family_id,
            occurred_at=entry.occurred_at,
            event=event,
            source=" ".join(entry.agency.split()),
            impact=entry.impact,
            outcome=entry.outcome,
            themes=entry.themes,
            child_id=entry.child_id,
        )
    )


def dismiss_prompt(family_id: str, key: str, reason: str) -> Job[None]:
    return _changing(
        lambda uow, actor: chronology.dismiss_prompt(uow, actor, key, family_id, reason=reason)
    )


def search_notes(query: str, limit: int = SEARCH_LIMIT) -> Job[tuple[FoundNote, ...]]:
    def read(profile: OpenProfile) -> tuple[FoundNote, ...]:
        with profile.unit_of_work() as uow:
            hits = search.search_notes(uow, query, limit=limit)
            names = search.family_names_of(uow, hits)
        return tuple(FoundNote(hit, names.get(hit.family_id, "")) for hit in hits)

    return read
