"""Lifecycle: the training gate, draft to complete, addenda only, re-grade links, comparison."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from assessments import gcp2
from assessments.errors import LifecycleError
from assessments.lifecycle import (
    add_addendum,
    check_change,
    compare,
    complete,
    previous_problems,
    start_assessment,
)
from assessments.record import AreaGrade, Assessment, SubAreaGrade
from tests.unit.test_assessments_grading import STARTED, UK, graded, ready, sample_pack

DONE = STARTED + timedelta(days=21)
LATER = DONE + timedelta(days=1)


def completed() -> Assessment:
    return complete(ready(), at=DONE)


# --- starting: the training gate --------------------------------------------------------------

@pytest.mark.parametrize(("trained_on", "reason"), [
    (None, "record your GCP2 training date"),
    (date(2026, 11, 3), "training date is after the start"),
])
def test_training_gate(trained_on: date | None, reason: str) -> None:
    with pytest.raises(LifecycleError, match=reason):
        start_assessment("A1", "K1", STARTED, trained_on=trained_on)


@pytest.mark.parametrize("trained_on", [date(2026, 11, 2), date(2019, 5, 1)])
def test_a_trained_practitioner_starts_a_draft(trained_on: date) -> None:
    draft = start_assessment("A1", "K1", STARTED, trained_on=trained_on)
    assert (draft.status, draft.completed_at, draft.previous, draft.tool) == (
        "draft", None, None, "gcp2")
    assert draft.sub_areas == {} and draft.areas == {}


def test_start_needs_a_time_with_offset() -> None:
    with pytest.raises(LifecycleError, match="UTC offset"):
        start_assessment("A1", "K1", datetime(2026, 11, 2, 10), trained_on=date(2020, 1, 1))


# --- completing -------------------------------------------------------------------------------

def test_complete_a_ready_draft() -> None:
    done = completed()
    assert (done.status, done.completed_at) == ("complete", DONE)
    assert done.sub_areas == ready().sub_areas


@pytest.mark.parametrize(("draft", "at", "reason"), [
    (ready(sub_areas={}), DONE, r"cannot complete yet: Nutrition is not graded \(and 12 more\)"),
    (ready(areas={a: AreaGrade(3) for a in gcp2.AREA_IDS} | {"safety": AreaGrade(1)}), DONE,
     "outside the range of its sub-area grades, so it needs a rationale"),
    (ready(), STARTED - timedelta(minutes=1), "before it was started"),
    (ready(), datetime(2026, 11, 23, 10), "UTC offset"),
])
def test_complete_refuses(draft: Assessment, at: datetime, reason: str) -> None:
    with pytest.raises(LifecycleError, match=reason):
        complete(draft, at=at)


def test_complete_checks_item_grades_against_the_pack() -> None:
    subs = graded() | {"safety.in_presence": SubAreaGrade(3, "seen", {"zephyr.carer.1": 3})}
    with pytest.raises(LifecycleError, match="has no item 'zephyr.carer.1'"):
        complete(ready(sub_areas=subs), at=DONE, pack=sample_pack())


def test_complete_only_once() -> None:
    with pytest.raises(LifecycleError, match="already complete"):
        complete(completed(), at=LATER)


# --- addenda ----------------------------------------------------------------------------------

def test_addenda_append_in_order() -> None:
    one = add_addendum(completed(), at=LATER, author="Priya Shah", reason="Typo in evidence",
                       text="Visit 3 was on the 12th, not the 13th.")
    two = add_addendum(one, at=LATER + timedelta(hours=1), author="Priya Shah",
                       reason="New information", text="GP confirms jabs are up to date.")
    assert [a.reason for a in two.addenda] == ["Typo in evidence", "New information"]
    assert dataclasses.replace(two, addenda=()) == completed()


@pytest.mark.parametrize(("record", "fields", "reason"), [
    (ready(), {}, "a draft is edited directly"),
    (completed(), {"author": " "}, "needs its author"),
    (completed(), {"reason": ""}, "needs its reason"),
    (completed(), {"text": "\n"}, "needs its text"),
    (completed(), {"at": DONE - timedelta(seconds=1)}, "before the assessment was completed"),
    (completed(), {"at": datetime(2026, 12, 1, 9)}, "UTC offset"),
])
def test_addendum_refused(record: Assessment, fields: dict[str, Any], reason: str) -> None:
    args: dict[str, Any] = {"at": LATER, "author": "Priya Shah", "reason": "Correction",
                            "text": "Corrected."}
    with pytest.raises(LifecycleError, match=reason):
        add_addendum(record, **(args | fields))


# --- what a save may change -------------------------------------------------------------------

def _edited_evidence(a: Assessment) -> Assessment:
    subs = dict(a.sub_areas)
    subs["physical_care.health"] = SubAreaGrade(2, "changed later")
    return dataclasses.replace(a, sub_areas=subs)


FORBIDDEN_EDITS = [
    ("regrade a sub-area", _edited_evidence, "never edited"),
    ("change strengths", lambda a: dataclasses.replace(a, strengths="More."), "never edited"),
    ("reopen", lambda a: dataclasses.replace(a, status="draft", completed_at=None),
     "never edited"),
    ("drop an addendum", lambda a: dataclasses.replace(a, addenda=a.addenda[1:]), "never edited"),
    ("rewrite an addendum", lambda a: dataclasses.replace(
        a, addenda=(dataclasses.replace(a.addenda[0], text="Other."),)), "never edited"),
    ("other child", lambda a: dataclasses.replace(a, child="K2"), "keeps its id and its child"),
    ("other id", lambda a: dataclasses.replace(a, id="A9"), "keeps its id and its child"),
]


@pytest.mark.parametrize(("edit", "reason"), [f[1:] for f in FORBIDDEN_EDITS],
                         ids=[f[0] for f in FORBIDDEN_EDITS])
def test_a_completed_assessment_is_never_edited(edit: Any, reason: str) -> None:
    before = add_addendum(completed(), at=LATER, author="P", reason="R", text="T")
    with pytest.raises(LifecycleError, match=reason):
        check_change(before, edit(before))


def test_appending_an_addendum_is_an_allowed_change() -> None:
    before = completed()
    check_change(before, add_addendum(before, at=LATER, author="P", reason="R", text="T"))
    check_change(before, before)


def test_a_draft_may_change_freely_but_completes_only_when_ready() -> None:
    draft = ready(sub_areas={})
    check_change(draft, ready())
    check_change(ready(), completed())
    half_done = dataclasses.replace(draft, status="complete", completed_at=DONE)
    with pytest.raises(LifecycleError, match="cannot complete yet"):
        check_change(draft, half_done)


# --- re-grading -------------------------------------------------------------------------------

BASE = completed()


def _regrade(**changes: Any) -> Assessment:
    fields: dict[str, Any] = {"id": "A2", "child": "K1", "previous": "A1",
                              "started_at": STARTED + timedelta(days=90)}
    return Assessment(**(fields | changes))


LINKS = [
    ("no link", _regrade(previous=None), {}, []),
    ("earlier, same child", _regrade(), {"A1": BASE}, []),
    ("unknown previous", _regrade(previous="A7"), {"A1": BASE}, ["there is no assessment 'A7'"]),
    ("other child", _regrade(child="K2"), {"A1": BASE}, ["same child"]),
    ("started at the same time", _regrade(started_at=STARTED), {"A1": BASE}, ["started before"]),
    ("started before its previous", _regrade(started_at=STARTED - timedelta(days=1)),
     {"A1": BASE}, ["started before"]),
    ("other child and later", _regrade(child="K2", started_at=STARTED), {"A1": BASE},
     ["same child", "started before"]),
    ("cycle", _regrade(), {"A1": dataclasses.replace(BASE, previous="A2")},
     ["loops back on itself"]),
    ("longer cycle", _regrade(), {
        "A1": dataclasses.replace(BASE, previous="A0"),
        "A0": dataclasses.replace(BASE, id="A0", previous="A2")}, ["loops back on itself"]),
    ("chain of three", _regrade(), {
        "A1": dataclasses.replace(BASE, previous="A0"),
        "A0": dataclasses.replace(BASE, id="A0", started_at=STARTED - timedelta(days=300))}, []),
]


@pytest.mark.parametrize(("new", "known", "reasons"), [x[1:] for x in LINKS],
                         ids=[x[0] for x in LINKS])
def test_previous_links(new: Assessment, known: dict[str, Assessment],
                        reasons: list[str]) -> None:
    found = previous_problems(new, known)
    assert len(found) == len(reasons)
    for problem, reason in zip(found, reasons, strict=True):
        assert (problem.code, problem.path) == ("invalid_previous", "previous")
        assert reason in problem.message


def test_start_a_regrade_of_the_same_child() -> None:
    new = start_assessment("A2", "K1", STARTED + timedelta(days=90), trained_on=date(2020, 1, 1),
                           previous=BASE)
    assert (new.previous, new.status) == ("A1", "draft")


@pytest.mark.parametrize(("child", "started_at", "reason"), [
    ("K2", STARTED + timedelta(days=90), "same child"),
    ("K1", STARTED - timedelta(days=1), "started before it"),
])
def test_start_refuses_a_bad_regrade(child: str, started_at: datetime, reason: str) -> None:
    with pytest.raises(LifecycleError, match=reason):
        start_assessment("A2", child, started_at, trained_on=date(2020, 1, 1), previous=BASE)


# --- baseline versus now ----------------------------------------------------------------------

def test_compare_baseline_and_now_per_sub_area() -> None:
    baseline = ready(sub_areas=graded(3, in_presence=5, stimulation=2))
    now_subs = graded(3, in_presence=2, stimulation=4)
    del now_subs["developmental_care.acceptance"]
    now = _regrade(sub_areas=now_subs, started_at=datetime(2027, 3, 1, 9, tzinfo=UK))
    changes = compare(baseline, now)
    assert [c.sub_area for c in changes] == list(gcp2.SUB_AREA_IDS)
    by_id = {c.sub_area: (c.baseline, c.now, c.change) for c in changes}
    assert by_id["safety.in_presence"] == (5, 2, "improved")
    assert by_id["developmental_care.stimulation"] == (2, 4, "worse")
    assert by_id["physical_care.nutrition"] == (3, 3, "same")
    assert by_id["developmental_care.acceptance"] == (3, None, "not_comparable")
    assert sum(c.change == "same" for c in changes) == 10


def test_compare_only_the_same_child() -> None:
    with pytest.raises(LifecycleError, match="same child"):
        compare(ready(), _regrade(child="K2"))
