"""The `assessments` family section: each child's Graded Care Profile 2, draft or complete.

Owns the section's JSON form (see docs/case-file.md) and its reading order; the records are
`assessments.record.Assessment` values and every GCP2 rule comes from `assessments/`:
`grading.assessment_problems` (a draft may be partial; a complete record must have all 13
sub-areas with evidence, all 4 confirmed areas, a rationale for an area grade outside its
sub-areas' range) and `lifecycle.previous_problems` (a re-grade links to an earlier assessment
of the same child, with no loop). Their relative paths are prefixed with the assessment's own.

What the file alone cannot settle is left to the import service, which knows the profile: a
`previous` that is not in this family's list (it may be in the profile), and item ids (they
belong to the content pack imported on the device). Storage is `app/services/case_files.py`'s.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

# Registered first, so a family is written with `professionals` before `assessments` whatever
# order the modules are imported in (registration order is the key order of an export).
from app.casefile import professionals as _professionals  # noqa: F401
from app.casefile.reading import (
    FieldReader,
    expect_object,
    member_path,
    quoted,
    read_bool,
    read_choice,
    read_date,
    read_id_text,
    read_list,
    read_name,
    read_object,
    read_text,
    read_timestamp,
    type_problem,
)
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput
from assessments import gcp2
from assessments.grading import assessment_problems
from assessments.lifecycle import previous_problems
from assessments.record import Addendum, AreaGrade, Assessment, SubAreaGrade, Target
from assessments.scale import is_grade

KEY = "assessments"
KIND = "assessment"
STATUSES = ("draft", "complete")
TOOLS = ("gcp2",)
# Problems only the import service can judge (it knows the device's content pack).
_LEFT_TO_THE_SERVICE = frozenset({"unknown_item"})


def problem_path(assessment_path: str, relative: str) -> str:
    """`$.families[0].assessments[1]` + `sub_areas['x'].grade` -> one case-file path."""
    return f"{assessment_path}.{relative}" if relative else assessment_path


def read_grade(value: Any, path: str) -> int:
    # `true` is an int in Python; a grade is a JSON whole number 1-5 and nothing else.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(path, type_problem("a grade, a whole number from 1 to 5", value))
    if not is_grade(value):
        raise InvalidInput(path, "a grade is a whole number from 1 (best) to 5 (worst)")
    return value


def _optional(reader: FieldReader) -> FieldReader:
    return lambda value, path: None if value is None else reader(value, path)


def _keyed(value: Any, path: str, ids: tuple[str, ...], what: str,
           read_one: FieldReader) -> dict[str, Any]:
    """An object keyed by GCP2 ids (sub-areas or areas), read in file order."""
    obj = expect_object(value, path)
    read: dict[str, Any] = {}
    for key, item in obj.pairs:
        at = member_path(path, key)
        if key in read:
            raise InvalidInput(at, f"duplicate key {quoted(key)}")
        if key not in ids:
            raise InvalidInput(at, f"{quoted(key)} is not a GCP2 {what} id")
        read[key] = read_one(item, at)
    return read


def _read_items(value: Any, path: str) -> dict[str, int]:
    obj = expect_object(value, path)
    items: dict[str, int] = {}
    for key, grade in obj.pairs:
        at = member_path(path, key)
        read_id_text(key, at)
        if key in items:
            raise InvalidInput(at, f"duplicate key {quoted(key)}")
        items[key] = read_grade(grade, at)
    return items


def _read_sub_area(value: Any, path: str) -> SubAreaGrade:
    values = read_object(
        value, path, {"grade": _optional(read_grade), "evidence": read_text},
        {"items": _read_items},
    )
    return SubAreaGrade(values["grade"], values["evidence"], values.get("items", {}))


def _read_area(value: Any, path: str) -> AreaGrade:
    values = read_object(value, path, {"grade": read_grade, "rationale": read_text})
    return AreaGrade(values["grade"], values["rationale"])


def _read_target(value: Any, path: str) -> Target:
    values = read_object(value, path, {
        "sub_area": lambda v, p: read_choice(v, p, gcp2.SUB_AREA_IDS),
        "current": read_grade,
        "target": read_grade,
        "review_by": read_date,
        "review_grade": _optional(read_grade),
    })
    return Target(values["sub_area"], values["current"], values["target"],
                  values["review_by"], values["review_grade"])


def _read_addendum(value: Any, path: str) -> Addendum:
    values = read_object(value, path, {
        "at": read_timestamp, "author": read_name, "reason": read_name, "text": read_name,
    })
    return Addendum(**values)


def read_assessments(context: FamilyContext, value: Any, path: str) -> tuple[Assessment, ...]:
    def read_one(item: Any, at: str) -> Assessment:
        def child(v: Any, p: str) -> str:
            child_id = read_id_text(v, p)
            context.family.refer(child_id, p, ("child",), "a child")
            return child_id

        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, KIND),
            "child": child,
            "tool": lambda v, p: read_choice(v, p, TOOLS),
            "status": lambda v, p: read_choice(v, p, STATUSES),
            "started_at": read_timestamp,
            "completed_at": _optional(read_timestamp),
            "previous": _optional(read_id_text),
            "sub_areas": lambda v, p: _keyed(v, p, gcp2.SUB_AREA_IDS, "sub-area",
                                             _read_sub_area),
            "areas": lambda v, p: _keyed(v, p, gcp2.AREA_IDS, "area", _read_area),
            "strengths": read_text,
            "carer_views": read_text,
            "child_views": read_text,
            "parent_agrees": _optional(read_bool),
            "parent_comments": read_text,
            "practitioner_only": read_text,
            "targets": lambda v, p: read_list(v, p, _read_target),
            "addenda": lambda v, p: read_list(v, p, _read_addendum),
        })
        record = Assessment(**values)
        for problem in assessment_problems(record, None):
            if problem.code not in _LEFT_TO_THE_SERVICE:
                raise InvalidInput(problem_path(at, problem.path), problem.message)
        return record

    records = read_list(value, path, read_one)
    _check_previous(context, records, path)
    return records


def _check_previous(context: FamilyContext, records: tuple[Assessment, ...], path: str) -> None:
    """Links inside this family's list are judged here; others wait for the import service
    (the earlier assessment may be in the profile). An id already read as some other record
    of the file can never be an earlier assessment of this child."""
    known = {record.id: record for record in records}
    for index, record in enumerate(records):
        at = f"{path}[{index}]"
        if record.previous is None:
            continue
        if record.previous not in known:
            if context.ids.kind_of(record.previous) is not None:
                raise InvalidInput(
                    problem_path(at, "previous"),
                    f"{quoted(record.previous)} is not an earlier assessment of the same child",
                )
            continue
        for problem in previous_problems(record, known):
            raise InvalidInput(problem_path(at, problem.path), problem.message)


def _timestamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.utcoffset() is None:
        raise ValueError("case-file timestamps must carry a UTC offset")
    return moment.isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sub_area_json(entry: SubAreaGrade) -> dict[str, Any]:
    out: dict[str, Any] = {"grade": entry.grade, "evidence": entry.evidence}
    if entry.items:  # optional: written only when there are item grades
        out["items"] = dict(entry.items)
    return out


def write_assessment(record: Assessment) -> dict[str, Any]:
    return {
        "id": record.id,
        "child": record.child,
        "tool": record.tool,
        "status": record.status,
        "started_at": _timestamp(record.started_at),
        "completed_at": _timestamp(record.completed_at),
        "previous": record.previous,
        "sub_areas": {k: _sub_area_json(v) for k, v in record.sub_areas.items()},
        "areas": {k: {"grade": v.grade, "rationale": v.rationale}
                  for k, v in record.areas.items()},
        "strengths": record.strengths,
        "carer_views": record.carer_views,
        "child_views": record.child_views,
        "parent_agrees": record.parent_agrees,
        "parent_comments": record.parent_comments,
        "practitioner_only": record.practitioner_only,
        "targets": [
            {"sub_area": t.sub_area, "current": t.current, "target": t.target,
             "review_by": _day(t.review_by), "review_grade": t.review_grade}
            for t in record.targets
        ],
        "addenda": [
            {"at": _timestamp(a.at), "author": a.author, "reason": a.reason, "text": a.text}
            for a in record.addenda
        ],
    }


def write_assessments(records: tuple[Assessment, ...]) -> list[dict[str, Any]]:
    return [write_assessment(record) for record in records]


def _ids(records: tuple[Assessment, ...]) -> list[str]:
    return [record.id for record in records]


ASSESSMENTS: FamilySection[tuple[Assessment, ...]] = register_family_section(
    FamilySection[tuple[Assessment, ...]](
        key=KEY,
        read=read_assessments,
        write=write_assessments,
        empty=(),
        ids=_ids,
    )
)
"""Registered in the default registry on import; `app/casefile/__init__.py` imports this module."""
