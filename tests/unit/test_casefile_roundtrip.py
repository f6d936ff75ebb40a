"""Writing case files: the exact output form, and parse(write(x)) == x for any valid case file."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.casefile import nhs_number
from app.casefile.records import CarerRecord, CaseFile, ChildRecord, FamilyRecord, VisitRecord
from app.casefile.serialise import case_file_to_json, dump_case_file
from app.casefile.validate import parse_case_file
from tests.unit.test_casefile_parse import SAMPLES, TODAY


def test_export_sample_is_reproduced_byte_for_byte() -> None:
    raw = (SAMPLES / "valid-export.json").read_bytes()
    exported = json.loads(raw)["exported"]
    case = parse_case_file(raw, today=TODAY)
    assert dump_case_file(case_file_to_json(case, exported=exported)) == raw


def test_empty_profile_exports_the_empty_sample() -> None:
    raw = (SAMPLES / "valid-empty.json").read_bytes()
    assert dump_case_file(case_file_to_json(CaseFile(families=()), exported=None)) == raw


def test_lenient_input_is_written_in_the_one_export_form_and_then_stays_put() -> None:
    case = parse_case_file((SAMPLES / "valid-other-forms.json").read_bytes(), today=TODAY)
    written = case_file_to_json(case, exported=None)
    family = written["families"][0]
    assert list(written) == ["format", "families"]
    assert list(family) == ["id", "name", "address", "carers", "children", "visits"]
    assert list(family["visits"][0]) == [
        "id", "occurred_at", "recorded_at", "kind", "present", "notes"]
    assert family["visits"][0]["occurred_at"] == "2026-11-20T10:00:00.500000+00:00"
    assert family["visits"][0]["recorded_at"] == "2026-11-20T10:30:00+00:00"  # from ...10:30Z
    once = dump_case_file(written)
    twice = dump_case_file(case_file_to_json(parse_case_file(once, today=TODAY), exported=None))
    assert once == twice


def test_exported_goes_second_with_its_three_keys_and_a_datetime_is_written_with_offset() -> None:
    at = datetime(2026, 11, 29, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    written = case_file_to_json(
        CaseFile(families=()), exported={"app_version": "0.1.0", "by": "Priya Shah", "at": at})
    assert list(written) == ["format", "exported", "families"]
    assert written["exported"] == {
        "at": "2026-11-29T09:15:00+01:00", "by": "Priya Shah", "app_version": "0.1.0"}
    assert list(written["exported"]) == ["at", "by", "app_version"]


@pytest.mark.parametrize("exported", [{"at": "x", "by": "y"}, {"at": "x", "by": "y",
                                                                  "app_version": "z", "host": "h"}])
def test_exported_with_other_keys_is_a_programming_error(exported: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="exactly the keys"):
        case_file_to_json(CaseFile(families=()), exported=exported)


def test_dump_is_utf8_indented_with_a_trailing_newline() -> None:
    raw = dump_case_file({"format": "homevisit.case/1", "families": [{"name": "Zoë"}]})
    assert raw == '{\n  "format": "homevisit.case/1",\n  "families": [\n    {\n      "name": "Zoë"\n    }\n  ]\n}\n'.encode()


def test_a_naive_timestamp_cannot_be_written() -> None:
    visit = VisitRecord("V1", datetime(2026, 11, 20, 10), datetime(2026, 11, 20, 11), "announced",
                        (), "")
    family = FamilyRecord("F1", "A", "", (), (), (visit,))
    with pytest.raises(ValueError, match="UTC offset"):
        case_file_to_json(CaseFile((family,)), exported=None)


# --- property: any valid case file survives writing and reading -----------------------------

ids = st.text(
    st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=64
).filter(lambda s: s == s.strip())
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
                max_size=40)
names = texts.filter(lambda s: s.strip() != "")
offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1), timezones=offsets)


@st.composite
def nhs_numbers(draw: st.DrawFn) -> str | None:
    if draw(st.booleans()):
        return None
    first_nine = draw(st.text("0123456789", min_size=9, max_size=9).filter(
        lambda s: nhs_number.check_digit(s) is not None))
    return first_nine + str(nhs_number.check_digit(first_nine))


@st.composite
def case_files(draw: st.DrawFn) -> CaseFile:
    shape = draw(st.lists(st.tuples(*(st.integers(0, 3) for _ in range(3))), max_size=4))
    total = sum(1 + carers + children + visits for carers, children, visits in shape)
    pool = iter(draw(st.lists(ids, min_size=total, max_size=total, unique=True)))
    families = []
    for carer_count, child_count, visit_count in shape:
        family_id = next(pool)
        carers = tuple(
            CarerRecord(next(pool), draw(names), draw(names), draw(st.booleans()))
            for _ in range(carer_count))
        children = tuple(
            ChildRecord(next(pool), draw(names), draw(st.dates(date(1990, 1, 1), TODAY)),
                        draw(nhs_numbers()))
            for _ in range(child_count))
        people = [p.id for p in carers] + [c.id for c in children]
        visits = []
        for _ in range(visit_count):
            occurred = draw(moments)
            recorded = (occurred + draw(st.timedeltas(timedelta(0), timedelta(days=40)))).astimezone(
                draw(offsets))
            present = draw(st.permutations(people))[: draw(st.integers(0, len(people)))]
            visits.append(VisitRecord(next(pool), occurred, recorded,
                                      draw(st.sampled_from(["announced", "unannounced"])),
                                      tuple(present), draw(texts)))
        families.append(FamilyRecord(family_id, draw(names), draw(texts), carers, children,
                                     tuple(visits)))
    return CaseFile(tuple(families))


def _reversed_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reversed_keys(v) for k, v in reversed(value.items())}
    if isinstance(value, list):
        return [_reversed_keys(v) for v in value]
    return value


PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(case_files())
def test_parse_of_written_case_file_gives_it_back(case: CaseFile) -> None:
    written = case_file_to_json(case, exported=None)
    raw = dump_case_file(written)
    again = parse_case_file(raw, today=TODAY)
    assert again == case
    # `==` compares aware datetimes by instant; the JSON also proves every offset survived.
    assert case_file_to_json(again, exported=None) == written
    assert dump_case_file(case_file_to_json(again, exported=None)) == raw


@PROPERTY
@given(case_files())
def test_key_order_layout_and_escaping_do_not_change_what_is_read(case: CaseFile) -> None:
    written = case_file_to_json(case, exported=None)
    other_form = json.dumps(_reversed_keys(written), ensure_ascii=True).encode("ascii")
    assert parse_case_file(other_form, today=TODAY) == case
