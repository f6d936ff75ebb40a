"""Day-in-the-life entries for a child: recording one, correcting it, and a child's entries.

Themes are checked against the organisation's theme catalogue (defaults unless given), part of
the day and source against the contract values. Every change is audited by id and field names;
the text itself never goes into the audit log.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_event
from app.config import organisation_config
from app.errors import UnknownRecord, UsageError
from app.services.registry import register
from app.services.unit_of_work import UnitOfWork
from app.storage.models import Child, Visit
from app.storage.models_lived import LivedExperienceEntry
from assessments.themes import PART_OF_DAY, SOURCE, ThemeCatalogue, default_catalogue

KIND = "lived_experience"
_EDITABLE = ("occurred_at", "part_of_day", "text", "child_voice", "impact", "source", "themes")


@dataclass(frozen=True)
class LivedExperienceView:
    id: str
    family_id: str
    child_id: str
    visit_id: str | None
    occurred_at: datetime
    recorded_at: datetime
    part_of_day: str
    text: str
    child_voice: str
    impact: str
    source: str
    themes: tuple[str, ...]


def new_record_id(prefix: str) -> str:
    """An app-made id such as `L-3fa9c01b22de`: random, so two laptops never collide."""
    return f"{prefix}-{secrets.token_hex(6)}"


def checked_themes(themes: Sequence[str], catalogue: ThemeCatalogue | None) -> list[str]:
    """The themes as given (each once, in order); an id not in the catalogue is exit 2."""
    unknown = (catalogue or default_catalogue()).unknown(themes)
    if unknown:
        raise UsageError(f"'{unknown[0]}' is not one of the organisation's themes")
    return list(dict.fromkeys(themes))


def aware(moment: datetime, what: str) -> datetime:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise UsageError(f"the {what} must be a date and time with its UTC offset")
    return moment


def _check_choices(part_of_day: str, source: str) -> None:
    if part_of_day not in PART_OF_DAY:
        raise UsageError(f"the part of the day is one of {', '.join(PART_OF_DAY)}")
    if source not in SOURCE:
        raise UsageError(f"the source is one of {', '.join(SOURCE)}")


def _next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(LivedExperienceEntry.seq), 0))) or 0) + 1


def record_entry(
    uow: UnitOfWork,
    actor: str,
    child_id: str,
    *,
    occurred_at: datetime,
    part_of_day: str,
    text: str,
    source: str,
    child_voice: str = "",
    impact: str = "",
    themes: Sequence[str] = (),
    visit_id: str | None = None,
    recorded_at: datetime | None = None,
    catalogue: ThemeCatalogue | None = None,
    entry_id: str | None = None,
) -> LivedExperienceView:
    """Record what a day is like for a child; `recorded_at` defaults to now (with offset)."""
    session = uow.session
    child = session.get(Child, child_id)
    if child is None:
        raise UnknownRecord(f"no child with id '{child_id}'")
    if visit_id is not None:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.family_id != child.family_id:
            raise UnknownRecord(f"no visit with id '{visit_id}' in this child's family")
    _check_choices(part_of_day, source)
    row = LivedExperienceEntry(
        id=register(session, KIND, entry_id or new_record_id("L")),
        family_id=child.family_id,
        child_id=child_id,
        visit_id=visit_id,
        seq=_next_seq(session),
        occurred_at=aware(occurred_at, "time it happened"),
        recorded_at=aware(recorded_at or datetime.now().astimezone(), "time of entry"),
        part_of_day=part_of_day,
        text=text,
        child_voice=child_voice,
        impact=impact,
        source=source,
        themes=checked_themes(themes, catalogue or organisation_config(uow).themes.catalogue),
    )
    session.add(row)
    session.flush()
    record_event(
        session, actor=actor, action="create", record_kind=KIND, record_id=row.id,
        detail={"family_id": row.family_id, "child_id": child_id, "themes": row.themes},
    )
    return entry_view(row)


def update_entry(
    uow: UnitOfWork,
    actor: str,
    entry_id: str,
    catalogue: ThemeCatalogue | None = None,
    **changes: object,
) -> LivedExperienceView:
    """Correct an entry: any of occurred_at, part_of_day, text, child_voice, impact, source,
    themes. The audit event names the fields that changed."""
    session = uow.session
    row = session.get(LivedExperienceEntry, entry_id)
    if row is None:
        raise UnknownRecord(f"no lived-experience entry with id '{entry_id}'")
    for name in changes:
        if name not in _EDITABLE:
            raise UsageError(f"'{name}' cannot be changed on a lived-experience entry")
    if "themes" in changes:
        catalogue = catalogue or organisation_config(uow).themes.catalogue
        changes["themes"] = checked_themes(list(changes["themes"]), catalogue)  # type: ignore[call-overload]
    if "occurred_at" in changes:
        changes["occurred_at"] = aware(changes["occurred_at"], "time it happened")  # type: ignore[arg-type]
    _check_choices(
        str(changes.get("part_of_day", row.part_of_day)), str(changes.get("source", row.source))
    )
    changed = [n for n in _EDITABLE if n in changes and getattr(row, n) != changes[n]]
    for name in changed:
        setattr(row, name, changes[name])
    if changed:
        session.flush()
        record_event(
            session, actor=actor, action="update", record_kind=KIND, record_id=entry_id,
            detail={"fields": changed},
        )
    return entry_view(row)


def entries_of_child(uow: UnitOfWork, child_id: str) -> tuple[LivedExperienceView, ...]:
    """A child's entries, oldest first by the time they happened (then by entry order)."""
    rows = uow.session.scalars(
        select(LivedExperienceEntry)
        .where(LivedExperienceEntry.child_id == child_id)
        .order_by(LivedExperienceEntry.seq)
    )
    return tuple(sorted((entry_view(r) for r in rows), key=lambda e: e.occurred_at))


def entries_of_family(uow: UnitOfWork, family_id: str) -> tuple[LivedExperienceView, ...]:
    """A family's entries in entry order (the case-file order)."""
    rows = uow.session.scalars(
        select(LivedExperienceEntry)
        .where(LivedExperienceEntry.family_id == family_id)
        .order_by(LivedExperienceEntry.seq)
    )
    return tuple(entry_view(r) for r in rows)


def entry_view(row: LivedExperienceEntry) -> LivedExperienceView:
    return LivedExperienceView(
        id=row.id, family_id=row.family_id, child_id=row.child_id, visit_id=row.visit_id,
        occurred_at=row.occurred_at, recorded_at=row.recorded_at, part_of_day=row.part_of_day,
        text=row.text, child_voice=row.child_voice, impact=row.impact, source=row.source,
        themes=tuple(row.themes),
    )
