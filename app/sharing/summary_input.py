"""What a shared summary may contain: a frozen input holding nothing else.

The builder (`summary.py`) can only put into the FHIR document what this input carries, so what
must never leave the laptop is kept out here, by construction: no `practitioner_only` notes, no
sub-area evidence, no item grades or anything else from a licensed content pack, no visit notes.
What is here is the minimum the front door needs to act (DfE advice: "share only relevant,
accurate information with those who need it"): the child, the carers, who assessed, the grades,
strengths, cumulative harm factors, targets and plan, the child's and the parent's views, any
correcting addenda, and the sharing decision itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ChildDetails:
    id: str
    name: str
    date_of_birth: date
    nhs_number: str | None
    address: str  # the household's address, for matching at the front door


@dataclass(frozen=True)
class CarerDetails:
    id: str
    name: str
    relationship: str
    parental_responsibility: bool


@dataclass(frozen=True)
class Grade:
    """A confirmed grade of an area or sub-area, keyed by the stable GCP2 id."""

    id: str
    grade: int


@dataclass(frozen=True)
class TargetDetails:
    sub_area: str
    current: int
    target: int
    review_by: date | None
    review_grade: int | None


@dataclass(frozen=True)
class PlanAction:
    """One action of the child's plan, as the plans feature records it."""

    what: str
    who: str
    by_when: date | None
    measure: str


@dataclass(frozen=True)
class AddendumDetails:
    at: datetime
    author: str
    reason: str
    text: str


@dataclass(frozen=True)
class SharingBasis:
    """The information-sharing decision as the summary states it."""

    recipient: str  # organisation code (the envelope's recipient)
    recipient_name: str
    purpose: str
    lawful_basis: str  # public_task, legal_obligation, vital_interests or consent
    special_category_condition: str
    consent: str  # given, refused or not_sought
    consent_reason: str
    identities_withheld: str
    advice_taken: str


@dataclass(frozen=True)
class SummaryInput:
    """Everything one shared GCP2 summary holds."""

    submission_id: str
    shared_at: datetime
    assessment_id: str
    started_at: datetime
    completed_at: datetime
    child: ChildDetails
    carers: tuple[CarerDetails, ...]
    practitioner: str
    organisation: str
    area_grades: tuple[Grade, ...]  # in GCP2 order
    sub_area_grades: tuple[Grade, ...]
    strengths: str
    harm_factors: tuple[str, ...]  # display names of the cumulative harm factors seen
    targets: tuple[TargetDetails, ...]
    plan: tuple[PlanAction, ...]
    child_voice: str
    parent_agrees: bool | None
    parent_comments: str
    addenda: tuple[AddendumDetails, ...]
    basis: SharingBasis
    repeats_submission: str | None = None  # a deliberate second share names the first
