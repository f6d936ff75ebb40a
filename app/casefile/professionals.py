"""The `professionals` family section: who else is involved with a household, and who leads.

Owns the section's JSON form — a list of `{"id", "name", "agency", "role", "contact", "lead"}`
— its reading rules and its frozen record. At most one professional per family is the lead
(the learning review behind the product found nobody sure who led); the second one is refused
at its `lead` path, the same rule the database's partial unique index enforces. Storage is
`app/services/case_files.py`'s business, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.casefile.reading import read_bool, read_list, read_name, read_object, read_text
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput

KEY = "professionals"
KIND = "professional"


@dataclass(frozen=True)
class ProfessionalRecord:
    id: str
    name: str
    agency: str
    role: str
    contact: str
    lead: bool


def read_professionals(
    context: FamilyContext, value: Any, path: str
) -> tuple[ProfessionalRecord, ...]:
    first_lead: list[str] = []  # path of the family's lead, once one has been read

    def read_one(item: Any, at: str) -> ProfessionalRecord:
        def lead(flag: Any, flag_path: str) -> bool:
            is_lead = read_bool(flag, flag_path)
            if is_lead and first_lead:
                raise InvalidInput(
                    flag_path, f"only one professional may lead; the lead is {first_lead[0]}"
                )
            if is_lead:
                first_lead.append(at)
            return is_lead

        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, KIND),
            "name": read_name,
            "agency": read_text,
            "role": read_text,
            "contact": read_text,
            "lead": lead,
        })
        return ProfessionalRecord(**values)

    return read_list(value, path, read_one)


def write_professionals(records: tuple[ProfessionalRecord, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": record.id,
            "name": record.name,
            "agency": record.agency,
            "role": record.role,
            "contact": record.contact,
            "lead": record.lead,
        }
        for record in records
    ]


def _ids(records: tuple[ProfessionalRecord, ...]) -> list[str]:
    return [record.id for record in records]


PROFESSIONALS: FamilySection[tuple[ProfessionalRecord, ...]] = register_family_section(
    FamilySection[tuple[ProfessionalRecord, ...]](
        key=KEY,
        read=read_professionals,
        write=write_professionals,
        empty=(),
        ids=_ids,
    )
)
"""Registered in the default registry on import; `app/casefile/__init__.py` imports this module."""

