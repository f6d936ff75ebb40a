"""The `assessments` section of a case file against the profile: what only the profile can judge,
and the rows an import writes.

The case-file reader (`app/casefile/assessments.py`) has already applied every rule the file
alone settles. Left for here: a `previous` outside the family's own list (it must be an earlier
assessment of the same child, in the file or the profile) and item ids, which must be items of
the content pack imported on this device. Importing through a case file is not training-gated:
the records were made elsewhere, by someone whose training their own system recorded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.casefile.assessments import ASSESSMENTS, problem_path
from app.casefile.records import CaseFile
from app.errors import InvalidInput
from app.services import assessment_store as store
from app.services.content_packs import current_content_pack
from app.services.unit_of_work import UnitOfWork
from app.storage.models_gcp2 import Gcp2Assessment
from assessments.grading import record_problems
from assessments.lifecycle import previous_problems
from assessments.record import Assessment


def _each(case: CaseFile) -> Iterator[tuple[str, str, Assessment]]:
    """(family id, JSON path, record) for every assessment, in file order."""
    for f, family in enumerate(case.families):
        for j, record in enumerate(ASSESSMENTS.of(family)):
            yield family.id, f"$.families[{f}].assessments[{j}]", record


def assessment_ids_with_paths(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(id, kind, JSON path of the id) for the import's id registration."""
    for _family, path, record in _each(case):
        yield record.id, "assessment", f"{path}.id"


def check_against_profile(uow: UnitOfWork, case: CaseFile) -> None:
    """Refuse (InvalidInput at the first problem's path) what the file alone could not settle."""
    found = list(_each(case))
    if not found:
        return
    in_file = {record.id: record for _f, _p, record in found}
    if any(s.items for _f, _p, r in found for s in r.sub_areas.values()):
        pack = current_content_pack(uow)
        for _family, path, record in found:
            for problem in record_problems(record, pack):
                if problem.code == "unknown_item":
                    raise InvalidInput(problem_path(path, problem.path), problem.message)
    outside = {r.previous for _f, _p, r in found if r.previous is not None} - set(in_file)
    known = {**store.stored_chain(uow.session, outside), **in_file}
    for _family, path, record in found:
        for problem in previous_problems(record, known):
            raise InvalidInput(problem_path(path, problem.path), problem.message)


def insert_assessments(session: Session, case: CaseFile, first_seq: int) -> int:
    """Write the file's assessments (seq in file order); returns how many were written."""
    rows: list[dict[str, Any]] = []
    details: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for seq, (family_id, _path, record) in enumerate(_each(case), start=first_seq):
        rows.append({"id": record.id, "family_id": family_id, "seq": seq,
                     "pack_id": None, "pack_version": None, **store.assessment_values(record)})
        for model, model_rows in store.detail_rows(record).items():
            details[model].extend(model_rows)
    if rows:
        # A re-grade's `previous` must already be stored when its row arrives; an earlier
        # assessment always started earlier, so start order satisfies the foreign key.
        rows.sort(key=lambda row: row["started_at"])
        session.execute(insert(store.table(Gcp2Assessment)), rows)
        store.insert_details(session, details)
    return len(rows)
