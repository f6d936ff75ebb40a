"""What the GCP2 services hand back: frozen, plain data, never ORM objects (safe across threads).

An assessment is handed over as `assessments.record.Assessment` (the same value the rules in
`assessments/` take), wrapped with what only the profile knows: the family and the content pack
that was in use. Content-pack information never carries licensed text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from assessments.lifecycle import SubAreaChange
from assessments.record import Assessment, Target


@dataclass(frozen=True)
class AssessmentView:
    family_id: str
    assessment: Assessment
    pack_id: str | None = None  # the content pack in use when it was started, if any
    pack_version: int | None = None

    @property
    def id(self) -> str:
        return self.assessment.id

    @property
    def child_id(self) -> str:
        return self.assessment.child

    @property
    def status(self) -> str:
        return self.assessment.status

    @property
    def is_complete(self) -> bool:
        return self.assessment.status == "complete"


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of a child's list of assessments."""

    id: str
    child_id: str
    status: str
    started_at: datetime
    completed_at: datetime | None
    previous: str | None
    graded_sub_areas: int  # of 13
    reviews_overdue: int = 0  # targets past their review-by date with no grade at review


@dataclass(frozen=True)
class ProfileComparison:
    """Baseline versus now for the profile chart: one change per sub-area, in chart order."""

    baseline_id: str
    now_id: str
    changes: tuple[SubAreaChange, ...]
    baseline_targets: tuple[Target, ...] = ()  # reviewed at this re-grade (if not before)


@dataclass(frozen=True)
class ContentPackInfo:
    """What administrators see of the imported pack: never its licensed text."""

    pack_id: str
    version: int
    organisation: str
    imported_at: datetime
    key_id: str
    digest: str
    items_per_area: tuple[tuple[str, int], ...]  # (area id, number of items), chart order


@dataclass(frozen=True)
class PackItemText:
    """LICENSED: one pack item as the editor shows it. Never logged, exported or reported."""

    id: str
    text: str
    descriptors: Mapping[int, str] = field(default_factory=dict)  # the item's own, else the
    # sub-area's, per grade; only grades the pack describes


@dataclass(frozen=True)
class PackText:
    """LICENSED: the imported pack's wording for one assessment's editor, on screen only.

    `items` holds, per sub-area, the items that apply at the child's age when the assessment
    started (all of them when the pack has no age bands), plus any item already graded.
    """

    pack_id: str
    version: int
    age_months: int | None
    items: Mapping[str, tuple[PackItemText, ...]]
    descriptors: Mapping[str, Mapping[int, str]]  # sub-area id -> grade -> descriptor

    def items_of(self, sub_area_id: str) -> tuple[PackItemText, ...]:
        return self.items.get(sub_area_id, ())
