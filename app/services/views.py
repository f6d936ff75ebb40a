"""What the services hand back: frozen, plain data, never ORM objects (safe across threads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PractitionerView:
    id: str
    name: str
    organisation: str | None
    role: str | None
    agency: str | None
    gcp2_trained_on: date | None


@dataclass(frozen=True)
class FamilyView:
    id: str
    name: str
    address: str


@dataclass(frozen=True)
class CarerView:
    id: str
    family_id: str
    name: str
    relationship: str
    parental_responsibility: bool


@dataclass(frozen=True)
class ChildView:
    id: str
    family_id: str
    name: str
    date_of_birth: date
    nhs_number: str | None


def is_late_entry(occurred_at: datetime, recorded_at: datetime) -> bool:
    """Recorded on a later calendar day than the visit, both read on the visit's local clock."""
    return recorded_at.astimezone(occurred_at.tzinfo).date() > occurred_at.date()


@dataclass(frozen=True)
class VisitView:
    id: str
    family_id: str
    occurred_at: datetime
    recorded_at: datetime
    kind: str
    present: tuple[str, ...]
    notes: str
    # When the saved visit was last corrected; None if never. `recorded_at` stays the time
    # the entry was first made (app/services/visits.update_visit says why).
    amended_at: datetime | None = None

    @property
    def late_entry(self) -> bool:
        """NMC record keeping: an entry made after the day of the visit is marked as late."""
        return is_late_entry(self.occurred_at, self.recorded_at)


@dataclass(frozen=True)
class PlannedVisitView:
    """A visit booked with a family: `booked`, `held` (by the visit `visit_id`) or `cancelled`
    (with its reason)."""

    id: str
    family_id: str
    child_id: str | None  # None: the whole family
    planned_for: datetime
    purpose: str
    status: str
    visit_id: str | None = None
    cancel_reason: str = ""

    def overdue(self, now: datetime) -> bool:
        """Still booked although its time has passed: held elsewhere, missed, or not recorded."""
        return self.status == "booked" and self.planned_for < now


@dataclass(frozen=True)
class ProfessionalView:
    id: str
    family_id: str
    name: str
    agency: str
    role: str
    contact: str
    lead: bool  # the lead practitioner for the family; at most one per family


@dataclass(frozen=True)
class DraftView:
    """Unsaved typing kept by autosave, under the key the screen that owns it chose."""

    key: str  # e.g. "visit:<visit_id>:notes", "new-visit:<family_id>:notes"
    text: str
    saved_at: datetime  # UTC


@dataclass(frozen=True)
class FamilyDetail:
    family: FamilyView
    carers: tuple[CarerView, ...]
    children: tuple[ChildView, ...]
    visits: tuple[VisitView, ...]  # newest first
    professionals: tuple[ProfessionalView, ...] = ()  # in entry order
    planned_visits: tuple[PlannedVisitView, ...] = ()  # booked ones first, each by time

    @property
    def next_visit(self) -> PlannedVisitView | None:
        """The earliest visit still booked (it may be overdue)."""
        return next((p for p in self.planned_visits if p.status == "booked"), None)

    @property
    def id(self) -> str:
        return self.family.id

    @property
    def name(self) -> str:
        return self.family.name

    @property
    def address(self) -> str:
        return self.family.address


@dataclass(frozen=True)
class CaseloadRow:
    family_id: str
    family_name: str
    child_names: tuple[str, ...]
    last_visit_at: datetime | None  # in UTC; the caller shows it in local time
    visit_count: int
    next_visit_at: datetime | None = None  # the earliest visit still booked, in UTC


@dataclass(frozen=True)
class ImportSummary:
    families: int
    carers: int
    children: int
    visits: int
    professionals: int = 0
    assessments: int = 0

    def __str__(self) -> str:
        text = (
            f"{self.families} families, {self.carers} carers, {self.children} children, "
            f"{self.visits} visits"
        )
        # Only when there are some, so the line callers already parse stays as it was.
        if self.professionals:
            text = f"{text}, {self.professionals} professionals"
        return f"{text}, {self.assessments} assessments" if self.assessments else text
