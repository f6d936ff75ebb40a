"""The public GCP2 grade scale: 1 (best) to 5 (worst), its two public columns, and what each
grade means in plain words for a parent.

The two columns ("needs", "commitment to care") are the public scale as published; the parent
meaning is our own wording, written to read easily (Flesch reading ease of 60 or more, checked in
tests with `readability.flesch_reading_ease`). Licensed per-item descriptors are not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

BEST_GRADE = 1
WORST_GRADE = 5
GRADES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class GradeMeaning:
    grade: int
    needs: str
    commitment_to_care: str
    for_parents: str


SCALE: tuple[GradeMeaning, ...] = (
    GradeMeaning(
        1,
        "All the child's needs met",
        "Child first",
        "Your child gets all that they need. You put your child first.",
    ),
    GradeMeaning(
        2,
        "Essential needs fully met",
        "Child first most of the time",
        "Your child gets the main things they need. You put your child first most of the time.",
    ),
    GradeMeaning(
        3,
        "Some essential needs unmet",
        "Child and carer at par",
        "Your child does not get some of the main things they need. "
        "Your needs and your child's needs often count the same.",
    ),
    GradeMeaning(
        4,
        "Most essential needs unmet",
        "Child second",
        "Your child does not get most of the main things they need. "
        "Your child's needs often come after other things.",
    ),
    GradeMeaning(
        5,
        "Essential needs entirely unmet / hostile",
        "Child not considered",
        "Your child does not get the main things they need. "
        "Their needs are not being thought about, and home may feel unsafe for them.",
    ),
)


def is_grade(value: object) -> TypeGuard[int]:
    """True for an int from 1 to 5. `True`/`False` are ints in Python and are refused: a JSON
    `true` in a grade field is a mistake, not grade 1."""
    return isinstance(value, int) and not isinstance(value, bool) and value in GRADES


def meaning(grade: int) -> GradeMeaning:
    if not is_grade(grade):
        raise ValueError(f"a GCP2 grade is a whole number from 1 to 5, not {grade!r}")
    return SCALE[grade - 1]


def is_better(grade: int, than: int) -> bool:
    """Lower is better on this scale; the name keeps callers from getting the direction wrong."""
    return grade < than
