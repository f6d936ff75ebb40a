"""An assessment as data: one child's GCP2, draft or complete, mirroring the case file's
`assessments[]` entry (see docs/gcp2.md).

Owns the shape only. Rules about it (what makes it complete, who may change it, how re-grades
link) live in `grading.py` and `lifecycle.py`. Mappings are keyed by the ids in `gcp2.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Status = Literal["draft", "complete"]


@dataclass(frozen=True)
class SubAreaGrade:
    grade: int | None  # None while a draft is still being worked on
    evidence: str = ""
    items: Mapping[str, int] = field(default_factory=dict)  # pack item id -> grade


@dataclass(frozen=True)
class AreaGrade:
    grade: int | None  # always the practitioner's confirmed grade, never a computed one
    rationale: str = ""


@dataclass(frozen=True)
class Target:
    """A targeted item from the summary sheet: where a sub-area is, where it should get to."""

    sub_area: str
    current: int
    target: int
    review_by: date | None
    review_grade: int | None = None


@dataclass(frozen=True)
class Addendum:
    at: datetime
    author: str
    reason: str
    text: str


@dataclass(frozen=True)
class Assessment:
    id: str
    child: str
    started_at: datetime
    status: Status = "draft"
    tool: str = "gcp2"
    completed_at: datetime | None = None
    previous: str | None = None  # id of the earlier assessment of the same child this re-grades
    sub_areas: Mapping[str, SubAreaGrade] = field(default_factory=dict)
    areas: Mapping[str, AreaGrade] = field(default_factory=dict)
    strengths: str = ""
    carer_views: str = ""
    child_views: str = ""
    parent_agrees: bool | None = None  # None: not yet asked
    parent_comments: str = ""
    practitioner_only: str = ""  # hidden in "show to family" mode and parent reports
    targets: tuple[Target, ...] = ()
    addenda: tuple[Addendum, ...] = ()

    def sub_area_grade(self, sub_area_id: str) -> int | None:
        entry = self.sub_areas.get(sub_area_id)
        return None if entry is None else entry.grade
