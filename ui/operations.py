"""The use cases the GUI runs, each bound as a job for the database worker.

Every function returns a `Job` (`fn(profile) -> result`) for `Background.run`; none of them runs
anything itself. A job that changes records opens one unit of work and commits it, so a visit is
saved and its draft discarded together or not at all. Results are the services' frozen views.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from app.profile import OpenProfile
from app.services import drafts, families, professionals, visits
from app.services.unit_of_work import UnitOfWork
from app.services.views import (
    CarerView,
    CaseloadRow,
    ChildView,
    DraftView,
    FamilyDetail,
    FamilyView,
    PractitionerView,
    ProfessionalView,
    VisitView,
)

T = TypeVar("T")
Job = Callable[[OpenProfile], T]


def reading(fn: Callable[[UnitOfWork], T]) -> Job[T]:
    """A job that reads inside one unit of work and changes nothing."""

    def job(profile: OpenProfile) -> T:
        with profile.unit_of_work() as uow:
            return fn(uow)

    return job


def changing(fn: Callable[[UnitOfWork, str], T]) -> Job[T]:
    """A job that changes records as the signed-in practitioner and commits once."""

    def job(profile: OpenProfile) -> T:
        actor = profile.actor
        with profile.unit_of_work() as uow:
            result = fn(uow, actor)
            uow.commit()
        return result

    return job


def practitioner() -> Job[PractitionerView]:
    return lambda profile: profile.practitioner


def load_caseload() -> Job[list[CaseloadRow]]:
    return reading(families.caseload)


def open_family(family_id: str) -> Job[FamilyDetail]:
    # Opening a family is audited as a "view", so it commits.
    return changing(lambda uow, actor: families.get_family(uow, family_id, actor=actor))


def create_family(*, name: str, address: str) -> Job[FamilyView]:
    return changing(
        lambda uow, actor: families.create_family(uow, actor, name=name, address=address)
    )


def add_carer(
    family_id: str, *, name: str, relationship: str, parental_responsibility: bool
) -> Job[CarerView]:
    return changing(
        lambda uow, actor: families.add_carer(
            uow,
            actor,
            family_id,
            name=name,
            relationship=relationship,
            parental_responsibility=parental_responsibility,
        )
    )


def add_child(
    family_id: str, *, name: str, date_of_birth: date, nhs_number: str | None
) -> Job[ChildView]:
    return changing(
        lambda uow, actor: families.add_child(
            uow, actor, family_id, name=name, date_of_birth=date_of_birth, nhs_number=nhs_number
        )
    )


def add_professional(
    family_id: str, *, name: str, agency: str, role: str, contact: str, lead: bool
) -> Job[ProfessionalView]:
    return changing(
        lambda uow, actor: professionals.add_professional(
            uow, actor, family_id, name=name, agency=agency, role=role, contact=contact, lead=lead
        )
    )


def record_visit(
    family_id: str,
    *,
    occurred_at: datetime,
    kind: str,
    present: list[str],
    notes: str,
    draft_key: str | None,
) -> Job[VisitView]:
    def change(uow: UnitOfWork, actor: str) -> VisitView:
        visit = visits.record_visit(
            uow,
            actor,
            family_id,
            occurred_at=occurred_at,
            kind=kind,
            present=present,
            notes=notes,
        )
        if draft_key is not None:
            drafts.discard_draft(uow, draft_key)
        return visit

    return changing(change)


def update_visit_notes(visit_id: str, notes: str, *, draft_key: str | None) -> Job[VisitView]:
    def change(uow: UnitOfWork, actor: str) -> VisitView:
        visit = visits.update_visit_notes(uow, actor, visit_id, notes)
        if draft_key is not None:
            drafts.discard_draft(uow, draft_key)
        return visit

    return changing(change)


# -- drafts: unsaved notes, kept in the encrypted database ---------------------------------


def save_draft(key: str, text: str) -> Job[None]:
    def change(uow: UnitOfWork, _actor: str) -> None:
        drafts.save_draft(uow, key=key, text=text)

    return _changing_quietly(change)


def discard_draft(key: str) -> Job[None]:
    return _changing_quietly(lambda uow, _actor: drafts.discard_draft(uow, key))


def list_drafts() -> Job[list[DraftView]]:
    return reading(drafts.list_drafts)


def load_draft(key: str) -> Job[DraftView | None]:
    return reading(lambda uow: drafts.load_draft(uow, key))


def _changing_quietly(fn: Callable[[UnitOfWork, str], T]) -> Job[T]:
    """Like `_changing` without looking up the practitioner: drafts are not audited."""

    def job(profile: OpenProfile) -> T:
        with profile.unit_of_work() as uow:
            result = fn(uow, "")
            uow.commit()
        return result

    return job
