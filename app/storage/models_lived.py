"""The tables of the child's lived experience, other agencies' chronology entries and the
recurring-theme prompt dismissals. Schema only.

Rules the schema enforces whatever SQL is run:
- both entry kinds are registered records (kinds `lived_experience`, `chronology_entry`);
- a lived-experience entry's child is a child *of its family* and its visit (if any) a visit
  *of its family* (composite keys), so an entry can never point across families;
- `part_of_day` and `source` are the contract values of `assessments.themes`.

Themes are a JSON list of theme ids (checked against the organisation's catalogue by the
services: the catalogue is configuration, not schema). The full-text index `notes_fts` is an
FTS5 virtual table kept in sync by triggers; it is created with raw SQL in revision 0004 and is
not an ORM model. Changing anything here needs an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models import (
    ID_LENGTH,
    Base,
    OffsetDateTime,
    _record_kind,
    _registered_as,
    _registered_id,
    one_of,
)
from assessments.themes import PART_OF_DAY, SOURCE


class LivedExperienceEntry(Base):
    """What a day is like for one child: seen, heard, felt, done, in the child's words."""

    __tablename__ = "lived_experience"
    __table_args__ = (
        *_registered_as("lived_experience"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        ForeignKeyConstraint(["visit_id", "family_id"], ["visits.id", "visits.family_id"]),
        CheckConstraint(one_of("part_of_day", PART_OF_DAY), name="part_of_day"),
        CheckConstraint(one_of("source", SOURCE), name="source"),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("lived_experience")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    visit_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    recorded_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    part_of_day: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    child_voice: Mapped[str] = mapped_column(Text)
    impact: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    themes: Mapped[list[str]] = mapped_column(JSON)


class ChronologyEntry(Base):
    """An event another agency told us about, entered by hand; `source` names the agency."""

    __tablename__ = "chronology_entries"
    __table_args__ = (
        *_registered_as("chronology_entry"),
        ForeignKeyConstraint(["child_id", "family_id"], ["children.id", "children.family_id"]),
        Index(None, "family_id", "seq"),
    )

    id: Mapped[str] = _registered_id()
    record_kind: Mapped[str] = _record_kind("chronology_entry")
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(OffsetDateTime())
    event: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    impact: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    themes: Mapped[list[str]] = mapped_column(JSON)


class PromptDismissal(Base):
    """A practitioner's decision that a recurring-theme prompt needs no action, with the reason.
    The key names the exact evidence (see `assessments.recurring_themes.prompt_key`)."""

    __tablename__ = "prompt_dismissals"
    __table_args__ = (CheckConstraint("length(trim(reason)) > 0", name="reason_given"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    prompt_key: Mapped[str] = mapped_column(String(64), index=True)
    family_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("families.id"))
    child_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("children.id"))
    reason: Mapped[str] = mapped_column(Text)
    dismissed_by: Mapped[str] = mapped_column(Text)
    dismissed_at: Mapped[datetime] = mapped_column(OffsetDateTime())
