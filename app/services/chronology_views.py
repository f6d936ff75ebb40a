"""What the chronology services hand back: one merged chronology row and one recurring-theme
prompt, as frozen plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ChronologyRow:
    """One significant event. `kind` is visit, lived_experience, chronology_entry,
    assessment_started or assessment_completed; `record_id` the record it comes from (an
    assessment gives two rows with one id). `child_id` None: about the whole family."""

    kind: str
    record_id: str
    occurred_at: datetime
    child_id: str | None
    child: str  # the child's name, or "" for the family
    event: str
    source: str
    impact: str
    outcome: str
    themes: tuple[str, ...]

    @property
    def date(self) -> date:
        return self.occurred_at.date()

    @property
    def event_id(self) -> str:
        """Unique within a chronology (what a prompt cites)."""
        return f"{self.kind}:{self.record_id}"


@dataclass(frozen=True)
class PromptView:
    """A recurring-theme prompt with the chronology rows it cites, in date order."""

    key: str
    rule_id: str
    suggestion: str
    themes: tuple[str, ...]
    first_on: date
    last_on: date
    sources: tuple[str, ...]
    child_id: str | None
    cited: tuple[ChronologyRow, ...]
