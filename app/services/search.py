"""Full-text search over every note: visit notes, lived-experience entries (text, the child's
words, impact) and other agencies' chronology entries (event, impact, outcome).

The index is the FTS5 table `notes_fts` inside the encrypted database, kept in step by triggers
(revision 0004). What a person types is never passed to MATCH as syntax: each word becomes a
quoted phrase, so quotes, apostrophes, `-`, `*`, `NEAR` or `OR` in a query are just text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from app.services.unit_of_work import UnitOfWork
from app.storage.models import Family

HIGHLIGHT_START = "[["
HIGHLIGHT_END = "]]"
_ELLIPSIS = "…"
_SNIPPET_TOKENS = 12

_QUERY = text(
    "SELECT record_kind, record_id, family_id, "
    "snippet(notes_fts, 3, :start, :end, :ellipsis, :tokens) AS snippet, rank "
    "FROM notes_fts WHERE notes_fts MATCH :match ORDER BY rank LIMIT :limit"
)


@dataclass(frozen=True)
class SearchHit:
    """One matching record, best first. `snippet` is the matching passage with each matched
    word between HIGHLIGHT_START and HIGHLIGHT_END; `rank` is FTS5's bm25 (lower is better)."""

    record_kind: str  # visit, lived_experience or chronology_entry
    record_id: str
    family_id: str
    snippet: str
    rank: float


def match_expression(query: str) -> str:
    """The FTS5 MATCH text for what a person typed: every word a quoted phrase (quotes inside
    doubled), all of them required. "" when there is nothing to search for."""
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def search_notes(uow: UnitOfWork, query: str, *, limit: int = 50) -> list[SearchHit]:
    """The records whose notes contain every word of `query` (case and accents ignored), best
    match first, at most `limit`."""
    match = match_expression(query)
    if not match or limit < 1:
        return []
    rows = uow.session.execute(_QUERY, {
        "start": HIGHLIGHT_START, "end": HIGHLIGHT_END, "ellipsis": _ELLIPSIS,
        "tokens": _SNIPPET_TOKENS, "match": match, "limit": limit,
    })
    return [SearchHit(r.record_kind, r.record_id, r.family_id, r.snippet, float(r.rank))
            for r in rows]


def family_names_of(uow: UnitOfWork, hits: list[SearchHit]) -> dict[str, str]:
    """The names of the families the hits belong to, by id: one query, for showing results."""
    ids = sorted({hit.family_id for hit in hits})
    if not ids:
        return {}
    rows = uow.session.execute(select(Family.id, Family.name).where(Family.id.in_(ids)))
    return {family_id: name for family_id, name in rows}
