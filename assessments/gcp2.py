"""The public structure of the Graded Care Profile 2: 4 areas, 13 sub-areas, their ids and names.

Owns the stable ids (a contract: case files, the database and reports key on them) and the
display names every screen and report uses. Only the public structure lives here; item lists and
grade descriptors are licensed and arrive in a content pack (`content_pack.py`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubArea:
    id: str  # "<area id>.<sub-area key>", e.g. "physical_care.nutrition"
    area_id: str
    name: str


@dataclass(frozen=True)
class Area:
    id: str
    letter: str  # the paper form labels areas A-D
    name: str
    sub_areas: tuple[SubArea, ...]

    @property
    def sub_area_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sub_areas)


def _area(area_id: str, letter: str, name: str, subs: list[tuple[str, str]]) -> Area:
    return Area(
        id=area_id,
        letter=letter,
        name=name,
        sub_areas=tuple(SubArea(f"{area_id}.{key}", area_id, label) for key, label in subs),
    )


AREAS: tuple[Area, ...] = (
    _area(
        "physical_care",
        "A",
        "Physical care",
        [
            ("nutrition", "Nutrition"),
            ("housing", "Housing"),
            ("clothing", "Clothing"),
            ("hygiene", "Hygiene"),
            ("health", "Health"),
        ],
    ),
    _area(
        "safety",
        "B",
        "Safety",
        [("in_presence", "In presence of carer"), ("in_absence", "In absence of carer")],
    ),
    _area(
        "emotional_care",
        "C",
        "Emotional care",
        [("carer", "Carer"), ("mutual_engagement", "Mutual engagement")],
    ),
    _area(
        "developmental_care",
        "D",
        "Developmental care",
        [
            ("stimulation", "Stimulation"),
            ("approval", "Approval"),
            ("disapproval", "Disapproval"),
            ("acceptance", "Acceptance"),
        ],
    ),
)

# Profile-chart order: areas A-D, sub-areas in the order of the paper summary sheet.
SUB_AREAS: tuple[SubArea, ...] = tuple(s for a in AREAS for s in a.sub_areas)
AREA_IDS: tuple[str, ...] = tuple(a.id for a in AREAS)
SUB_AREA_IDS: tuple[str, ...] = tuple(s.id for s in SUB_AREAS)

_AREAS_BY_ID = {a.id: a for a in AREAS}
_SUB_AREAS_BY_ID = {s.id: s for s in SUB_AREAS}


def is_area(area_id: object) -> bool:
    return isinstance(area_id, str) and area_id in _AREAS_BY_ID


def is_sub_area(sub_area_id: object) -> bool:
    return isinstance(sub_area_id, str) and sub_area_id in _SUB_AREAS_BY_ID


def area(area_id: str) -> Area:
    """The area with this id; KeyError names the unknown id (a programming error, not input)."""
    try:
        return _AREAS_BY_ID[area_id]
    except KeyError:
        raise KeyError(f"unknown GCP2 area id {area_id!r}") from None


def sub_area(sub_area_id: str) -> SubArea:
    try:
        return _SUB_AREAS_BY_ID[sub_area_id]
    except KeyError:
        raise KeyError(f"unknown GCP2 sub-area id {sub_area_id!r}") from None


def area_of(sub_area_id: str) -> Area:
    return _AREAS_BY_ID[sub_area(sub_area_id).area_id]
