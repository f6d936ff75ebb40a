"""Writing a `homevisit.case/1` file: `CaseFile` records to the contract's JSON, and to bytes.

Owns the exact output form: keys in the contract's order, timestamps in the offset they were
given (`2026-11-20T10:00:00+00:00`, with a fraction only when the record has one), dates as
`YYYY-MM-DD`, family sections after `visits` in registration order. Output read back with
`parse_case_file` gives equal records, and writing those again gives identical bytes.

The bytes are personal data in plaintext: only the export a person explicitly names may hold them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.casefile.records import CarerRecord, CaseFile, ChildRecord, FamilyRecord, VisitRecord
from app.casefile.sections import DEFAULT_SECTIONS, SectionRegistry
from app.casefile.validate import FORMAT

EXPORTED_KEYS = ("at", "by", "app_version")


def case_file_to_json(
    case: CaseFile,
    *,
    exported: dict[str, Any] | None,
    sections: SectionRegistry = DEFAULT_SECTIONS,
) -> dict[str, Any]:
    """The contract's JSON for `case`; with `exported` ({"at", "by", "app_version"}) as the
    second top-level key, where a person opening the file sees it before the families."""
    document: dict[str, Any] = {"format": FORMAT}
    if exported is not None:
        document["exported"] = _exported(exported)
    document["families"] = [_family(family, sections) for family in case.families]
    return document


def dump_case_file(obj: dict[str, Any]) -> bytes:
    """UTF-8, two-space indent, keys in the order given, trailing newline: the same input always
    gives the same bytes."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def timestamp_text(moment: datetime) -> str:
    if moment.utcoffset() is None:
        raise ValueError("case-file timestamps must carry a UTC offset")
    return moment.isoformat()


def _exported(exported: dict[str, Any]) -> dict[str, Any]:
    if set(exported) != set(EXPORTED_KEYS):
        raise ValueError(f"exported must have exactly the keys {EXPORTED_KEYS}")
    at = exported["at"]
    return {
        "at": timestamp_text(at) if isinstance(at, datetime) else at,
        "by": exported["by"],
        "app_version": exported["app_version"],
    }


def _family(family: FamilyRecord, sections: SectionRegistry) -> dict[str, Any]:
    unknown = [key for key in family.sections.keys() if key not in sections]
    if unknown:
        # Writing without them would drop data silently; this is a programming error.
        raise ValueError(f"family {family.id!r} holds unregistered sections {unknown}")
    out: dict[str, Any] = {
        "id": family.id,
        "name": family.name,
        "address": family.address,
        "carers": [_carer(carer) for carer in family.carers],
        "children": [_child(child) for child in family.children],
        "visits": [_visit(visit) for visit in family.visits],
    }
    for section in sections:
        value = section.of(family)
        if section.always_written or value != section.empty:
            out[section.key] = section.write(value)
    return out


def _carer(carer: CarerRecord) -> dict[str, Any]:
    return {
        "id": carer.id,
        "name": carer.name,
        "relationship": carer.relationship,
        "parental_responsibility": carer.parental_responsibility,
    }


def _child(child: ChildRecord) -> dict[str, Any]:
    return {
        "id": child.id,
        "name": child.name,
        "date_of_birth": child.date_of_birth.isoformat(),
        "nhs_number": child.nhs_number,
    }


def _visit(visit: VisitRecord) -> dict[str, Any]:
    return {
        "id": visit.id,
        "occurred_at": timestamp_text(visit.occurred_at),
        "recorded_at": timestamp_text(visit.recorded_at),
        "kind": visit.kind,
        "present": list(visit.present),
        "notes": visit.notes,
    }
