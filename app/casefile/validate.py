"""Reading a `homevisit.case/1` file: bytes in, validated `CaseFile` out, or the first problem.

Owns the walk over the contract's records (family, carer, child, visit) and the rules that need
more than one field: ids unique across the file, `present` naming people of the same family,
`recorded_at` not before `occurred_at`, no date of birth in the future. Field-level wording lives
in `reading.py`; family-level keys added by later features come from a `SectionRegistry`.

The walk reads every object's members in the order the file gives them and stops at the first
problem, so the `InvalidInput` path is the first problem in document order. The one exception is
`format`, which is checked before anything else: until it says `homevisit.case/1`, no other rule
applies. `schema.json` states the same rules declaratively; tests keep the two in agreement.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any, cast

from app.casefile import nhs_number
from app.casefile.location import line_and_column
from app.casefile.reading import (
    ROOT,
    FieldReader,
    decode_json,
    decode_text,
    expect_object,
    item_path,
    member_path,
    quoted,
    read_bool,
    read_choice,
    read_date,
    read_list,
    read_name,
    read_object,
    read_text,
    read_timestamp,
    type_problem,
)
from app.casefile.records import (
    CarerRecord,
    CaseFile,
    ChildRecord,
    FamilyRecord,
    FamilySections,
    VisitKind,
    VisitRecord,
)
from app.casefile.sections import (
    DEFAULT_SECTIONS,
    FamilyContext,
    FamilyScope,
    FamilySection,
    IdRegister,
    SectionRegistry,
)
from app.errors import InvalidInput
from assessments.themes import ThemeCatalogue, default_catalogue

FORMAT = "homevisit.case/1"
VISIT_KINDS: tuple[VisitKind, ...] = ("announced", "unannounced")
PRESENT_KINDS = ("carer", "child")


def parse_case_file(
    raw: bytes,
    *,
    today: date | None = None,
    sections: SectionRegistry = DEFAULT_SECTIONS,
    themes: ThemeCatalogue | None = None,
) -> CaseFile:
    """Validate a case file and return its records; `InvalidInput(path, problem)` otherwise.

    The problem ends with the line and column of the path in the file, when the path is not `$`.
    `today` is the latest date a child may be born on; by default the current date in the
    earliest time zone (UTC+14), so no real birthday anywhere is refused.
    """
    text = decode_text(raw)
    document = decode_json(text)
    try:
        return _read_document(document, today or latest_date_on_earth(), sections,
                              themes or default_catalogue())
    except InvalidInput as problem:
        raise _located(problem, text) from None


def _located(problem: InvalidInput, text: str) -> InvalidInput:
    if problem.path == ROOT:
        return problem
    # Both appearances of a duplicated key share one path; the problem is the second one.
    occurrence = 2 if problem.problem.startswith("duplicate key") else 1
    where = line_and_column(text, problem.path, occurrence=occurrence)
    if where is None:
        return problem
    return InvalidInput(problem.path, f"{problem.problem} (line {where[0]} column {where[1]})")


def _read_document(
    document: Any, today: date, sections: SectionRegistry, themes: ThemeCatalogue
) -> CaseFile:
    top = expect_object(document, ROOT)
    for key, value in top.pairs:
        if key == "format":
            _read_format(value, member_path(ROOT, key))
            break
    else:
        raise InvalidInput(ROOT, "missing required key 'format' (is this a HomeVisit case file?)")
    walk = _Walk(IdRegister(), today, sections, themes)
    values = read_object(
        top,
        ROOT,
        {"format": _read_format, "families": walk.read_families},
        {"exported": _read_exported},
    )
    return CaseFile(families=values["families"])


def latest_date_on_earth() -> date:
    return (datetime.now(timezone.utc) + timedelta(hours=14)).date()


def _read_format(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem(quoted(FORMAT), value))
    if value != FORMAT:
        if value.startswith("homevisit.case/"):
            raise InvalidInput(
                path, f"this file is {quoted(value)}; this version of HomeVisit reads {quoted(FORMAT)}"
            )
        raise InvalidInput(path, f"expected {quoted(FORMAT)}")
    return value


def _read_exported(value: Any, path: str) -> None:
    # Written by export, ignored by import: only its shape is checked, never its content.
    expect_object(value, path)


class _Walk:
    """One reading of one file: the id register and the rules' reference date."""

    def __init__(
        self, ids: IdRegister, today: date, sections: SectionRegistry, themes: ThemeCatalogue
    ) -> None:
        self.ids = ids
        self.today = today
        self.sections = sections
        self.themes = themes

    def read_families(self, value: Any, path: str) -> tuple[FamilyRecord, ...]:
        return read_list(value, path, self.read_family)

    def read_family(self, value: Any, path: str) -> FamilyRecord:
        scope = FamilyScope()
        context = FamilyContext(self.ids, scope, self.today, self.themes)
        required: dict[str, FieldReader] = {
            "id": lambda v, p: self.ids.claim(v, p, "family"),
            "name": read_name,
            "address": read_text,
            "carers": self._people(scope, "carer", self.read_carer),
            "children": self._people(scope, "child", self.read_child),
            # Visits join the scope too, so a section's entry can name a visit of its family.
            "visits": self._people(
                scope, "visit", lambda item, ip: self.read_visit(scope, item, ip)
            ),
        }
        optional: dict[str, FieldReader] = {
            section.key: _section_reader(section, context) for section in self.sections
        }
        values = read_object(value, path, required, optional)
        scope.close()
        stored = FamilySections()
        for section in self.sections:
            if section.key in values and values[section.key] != section.empty:
                stored = stored.replaced(section.key, values[section.key])
        return FamilyRecord(
            id=values["id"],
            name=values["name"],
            address=values["address"],
            carers=values["carers"],
            children=values["children"],
            visits=values["visits"],
            sections=stored,
        )

    def _people(
        self, scope: FamilyScope, kind: str, read_one: Callable[[Any, str], Any]
    ) -> FieldReader:
        def read(value: Any, path: str) -> tuple[Any, ...]:
            records = read_list(value, path, read_one)
            for record in records:
                scope.add(kind, record.id)
            scope.complete(kind)
            return records

        return read

    def read_carer(self, value: Any, path: str) -> CarerRecord:
        values = read_object(
            value,
            path,
            {
                "id": lambda v, p: self.ids.claim(v, p, "carer"),
                "name": read_name,
                "relationship": read_name,
                "parental_responsibility": read_bool,
            },
        )
        return CarerRecord(**values)

    def read_child(self, value: Any, path: str) -> ChildRecord:
        values = read_object(
            value,
            path,
            {
                "id": lambda v, p: self.ids.claim(v, p, "child"),
                "name": read_name,
                "date_of_birth": self._read_date_of_birth,
                "nhs_number": _read_nhs_number,
            },
        )
        return ChildRecord(**values)

    def _read_date_of_birth(self, value: Any, path: str) -> date:
        born = read_date(value, path)
        if born > self.today:
            raise InvalidInput(path, "date of birth is in the future; add a child once born")
        return born

    def read_visit(self, scope: FamilyScope, value: Any, path: str) -> VisitRecord:
        times: dict[str, datetime] = {}
        recorded_path = member_path(path, "recorded_at")

        def timestamp(name: str) -> FieldReader:
            def read(item: Any, item_path_: str) -> datetime:
                times[name] = read_timestamp(item, item_path_)
                # Checked as soon as both are known, at the later of the two in the file.
                if len(times) == 2 and times["recorded_at"] < times["occurred_at"]:
                    raise InvalidInput(recorded_path, "recorded_at is before occurred_at")
                return times[name]

            return read

        values = read_object(
            value,
            path,
            {
                "id": lambda v, p: self.ids.claim(v, p, "visit"),
                "occurred_at": timestamp("occurred_at"),
                "recorded_at": timestamp("recorded_at"),
                "kind": lambda v, p: read_choice(v, p, VISIT_KINDS),
                "present": lambda v, p: _read_present(scope, v, p),
                "notes": read_text,
            },
        )
        values["kind"] = cast(VisitKind, values["kind"])
        return VisitRecord(**values)


def _read_present(scope: FamilyScope, value: Any, path: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidInput(path, type_problem("an array of carer and child ids", value))
    present: list[str] = []
    for index, item in enumerate(value):
        at = item_path(path, index)
        if not isinstance(item, str):
            raise InvalidInput(at, type_problem("a carer or child id", item))
        if item in present:
            raise InvalidInput(at, f"{quoted(item)} is listed twice")
        scope.refer(item, at, PRESENT_KINDS, "a carer or child")
        present.append(item)
    return tuple(present)


def _read_nhs_number(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(path, type_problem("a string of 10 digits or null", value))
    if not nhs_number.is_ten_digits(value):
        raise InvalidInput(path, "NHS number must be exactly 10 digits, without spaces")
    if not nhs_number.has_valid_check_digit(value):
        raise InvalidInput(path, "NHS number fails its Modulus 11 check digit (mistyped?)")
    return value


def _section_reader(section: FamilySection[Any], context: FamilyContext) -> FieldReader:
    return lambda value, path: section.read(context, value, path)
