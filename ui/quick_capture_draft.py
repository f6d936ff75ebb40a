"""The quick-capture form as plain data, and how it is kept as an autosaved draft.

The drafts table keeps one text per key, so the whole form travels as JSON under
`lived-capture:<family_id>` (one unsaved entry per family): the family is in the key so that a
draft found after a crash can be reopened in its family without another lookup. The JSON is
read back leniently: a draft from an older version, or damaged, restores what it can.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime

from ui.lived_operations import NewEntry

KEY_PREFIX = "lived-capture:"


def capture_draft_key(family_id: str) -> str:
    return f"{KEY_PREFIX}{family_id}"


def family_of_capture_key(key: str) -> str | None:
    """The family a quick-capture draft key names; None for any other key."""
    if key.startswith(KEY_PREFIX) and len(key) > len(KEY_PREFIX):
        return key[len(KEY_PREFIX) :]
    return None


@dataclass(frozen=True)
class CaptureForm:
    """Everything typed or chosen in the quick-capture dialog."""

    child_id: str = ""
    visit_id: str | None = None
    occurred_at: str = ""  # ISO 8601 with offset
    part_of_day: str = ""
    text: str = ""
    child_voice: str = ""
    caring: str = ""
    impact: str = ""
    source: str = "observed"
    themes: tuple[str, ...] = field(default_factory=tuple)
    disabilities: bool = False

    @property
    def blank(self) -> bool:
        """Nothing typed and no theme ticked: not worth keeping as a draft."""
        return not (
            self.text.strip()
            or self.child_voice.strip()
            or self.caring.strip()
            or self.impact.strip()
            or self.themes
        )

    def occurred(self) -> datetime | None:
        try:
            moment = datetime.fromisoformat(self.occurred_at)
        except ValueError:
            return None
        return moment if moment.utcoffset() is not None else None

    def entry(self, caring_line: str) -> NewEntry | None:
        """The entry to save; None while there is nothing about the child's day, or no child.
        Who was caring has no field of its own: it closes the text as `caring_line` ("Who was
        caring: %1", in the practitioner's language) says."""
        moment = self.occurred()
        if not self.child_id or moment is None or not self.text.strip():
            return None
        text = self.text.strip()
        if self.caring.strip():
            text += "\n" + caring_line.replace("%1", self.caring.strip())
        return NewEntry(
            child_id=self.child_id, visit_id=self.visit_id, occurred_at=moment,
            part_of_day=self.part_of_day, text=text, child_voice=self.child_voice.strip(),
            impact=self.impact.strip(), source=self.source, themes=self.themes,
        )  # fmt: skip

    def to_json(self) -> str:
        values = asdict(self)
        values["themes"] = list(self.themes)
        return json.dumps(values, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CaptureForm | None:
        try:
            raw = json.loads(text)
        except ValueError:
            return None
        if not isinstance(raw, dict):
            return None
        values: dict[str, object] = {}
        for item in fields(cls):
            value = raw.get(item.name)
            if item.name == "themes":
                if isinstance(value, list):
                    values["themes"] = tuple(str(t) for t in value if isinstance(t, str))
            elif item.name == "disabilities":
                values["disabilities"] = value is True
            elif item.name == "visit_id":
                values["visit_id"] = value if isinstance(value, str) else None
            elif isinstance(value, str):
                values[item.name] = value
        return cls(**values)  # type: ignore[arg-type]
