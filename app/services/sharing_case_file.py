"""The `sharing_decisions` case-file section against the profile: the ids an import registers,
the rows it writes and the records an export reads back.

The reader (`app/casefile/sharing_decisions.py`) has checked every rule a single decision can be
judged by; here the import also checks that a decision's assessment is an assessment of the
decision's child in the same family of the file (refused at its JSON path), before the
database's composite keys would refuse it less helpfully. Text is kept exactly as given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.casefile.assessments import ASSESSMENTS
from app.casefile.records import CaseFile, FamilyRecord
from app.casefile.sharing_decisions import KEY, KIND, SHARING_DECISIONS, SharingDecisionRecord
from app.errors import InvalidInput
from app.services.registry import utc_key
from app.storage.models_sharing import SharingDecision

SECTION_KEYS = frozenset({KEY})


def ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    for f, family in enumerate(case.families):
        for i, decision in enumerate(SHARING_DECISIONS.of(family)):
            yield decision.id, KIND, f"$.families[{f}].{KEY}[{i}].id"


def check_file(session: Session, case: CaseFile) -> None:
    """A decision's assessment must be an assessment of its child in the same family, and a
    submission id may name one decision only (in the file and in the profile)."""
    submissions: dict[str, str] = {}
    for f, family in enumerate(case.families):
        for i, decision in enumerate(SHARING_DECISIONS.of(family)):
            if decision.submission_id is None:
                continue
            at = f"$.families[{f}].{KEY}[{i}].submission_id"
            if decision.submission_id in submissions:
                raise InvalidInput(at, f"this submission id is already used at {submissions[decision.submission_id]}")
            submissions[decision.submission_id] = at
    if submissions:
        known = set(session.scalars(select(SharingDecision.submission_id).where(
            SharingDecision.submission_id.in_(list(submissions)))))
        for submission_id, at in submissions.items():
            if submission_id in known:
                raise InvalidInput(at, "a decision with this submission id already exists in this profile")
    for f, family in enumerate(case.families):
        children_of = {a.id: a.child for a in ASSESSMENTS.of(family)}
        for i, decision in enumerate(SHARING_DECISIONS.of(family)):
            if decision.assessment is None:
                continue
            if children_of.get(decision.assessment) != decision.child:
                raise InvalidInput(f"$.families[{f}].{KEY}[{i}].assessment",
                                   f"'{decision.assessment}' is not an assessment of this child "
                                   "in this family")


def insert_decisions(session: Session, case: CaseFile) -> int:
    """Write the file's decisions in file order (so `repeats` finds its row); returns how many."""
    first = int(session.scalar(select(func.coalesce(func.max(SharingDecision.seq), 0))) or 0) + 1
    rows: list[dict[str, Any]] = []
    for family in case.families:
        for d in SHARING_DECISIONS.of(family):
            rows.append({
                "id": d.id, "family_id": family.id, "child_id": d.child,
                "assessment_id": d.assessment, "seq": first + len(rows),
                "occurred_at": d.occurred_at, "recorded_at": d.recorded_at,
                "occurred_utc": utc_key(d.occurred_at), "recipient": d.recipient,
                "purpose": d.purpose, "shared": d.shared, "lawful_basis": d.lawful_basis,
                "special_category_condition": d.special_category_condition,
                "consent": d.consent, "consent_reason": d.consent_reason,
                "identities_withheld": d.identities_withheld, "advice_taken": d.advice_taken,
                "channel": d.channel, "practitioner": d.practitioner, "repeats_id": d.repeats,
                "submission_id": d.submission_id,
            })
    if rows:
        # SQLite runs the rows in file order, so a `repeats` row always finds the earlier one.
        session.execute(insert(cast(Table, SharingDecision.__table__)), rows)
    return len(rows)


def stored_decisions(session: Session) -> dict[str, list[SharingDecisionRecord]]:
    """Every stored decision as case-file records, by family id, in stored (seq) order."""
    found: dict[str, list[SharingDecisionRecord]] = defaultdict(list)
    for d in session.scalars(select(SharingDecision).order_by(SharingDecision.seq)):
        found[d.family_id].append(SharingDecisionRecord(
            id=d.id, child=d.child_id, assessment=d.assessment_id, occurred_at=d.occurred_at,
            recorded_at=d.recorded_at, recipient=d.recipient, purpose=d.purpose, shared=d.shared,
            lawful_basis=d.lawful_basis, special_category_condition=d.special_category_condition,
            consent=d.consent, consent_reason=d.consent_reason,
            identities_withheld=d.identities_withheld, advice_taken=d.advice_taken,
            channel=d.channel, practitioner=d.practitioner, repeats=d.repeats_id,
            submission_id=d.submission_id,
        ))
    return found


def with_decisions(family: FamilyRecord, decisions: dict[str, list[SharingDecisionRecord]]) -> FamilyRecord:
    return SHARING_DECISIONS.with_value(family, tuple(decisions.get(family.id, ())))
