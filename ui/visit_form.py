"""What the visit editor keeps outside its widgets: the form's ids, type, people and time (never
its notes, which live in the encrypted draft), and the draft keys that name a visit's notes.

Kept over a lock in the main window's `Place`, so unlocking returns to the same visit with the
same choices; and read back from a draft key after a crash, to reopen the visit it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime


@dataclass(frozen=True)
class VisitForm:
    """What the editor shows apart from the notes: ids and times only, no case text."""

    family_id: str
    visit_id: str | None
    kind: str
    present: tuple[str, ...]
    occurred_at: datetime

    @property
    def draft_key(self) -> str:
        # The family id is in both keys so that a draft found after a crash can be reopened
        # in its family without another lookup.
        if self.visit_id is not None:
            return f"visit:{self.family_id}:{self.visit_id}:notes"
        return f"new-visit:{self.family_id}:notes"


@dataclass(frozen=True)
class DraftPlace:
    """Where a draft key says its notes belong."""

    family_id: str
    visit_id: str | None


def place_of_draft_key(key: str) -> DraftPlace | None:
    """The family (and visit) a visit-notes draft key names; None for any other key."""
    parts = key.split(":")
    if len(parts) == 3 and parts[0] == "new-visit" and parts[2] == "notes" and parts[1]:
        return DraftPlace(parts[1], None)
    if len(parts) == 4 and parts[0] == "visit" and parts[3] == "notes" and parts[1] and parts[2]:
        return DraftPlace(parts[1], parts[2])
    return None


def qt_datetime(moment: datetime) -> QDateTime:
    """The instant as Qt holds it (shown in the laptop's local time)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
