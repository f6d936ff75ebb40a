"""The summary builder: a FHIR R4 document Bundle from a frozen input, pure and deterministic.

Built from hand-made inputs here (no database): the shape the gateway's inbox reads, references
that resolve inside the Bundle, values RFC 8785 can sign, escaped narrative, and an input type
that has nowhere to carry what must never be shared.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.sharing.questionnaire import (
    GRADE_SYSTEM,
    QUESTIONNAIRE_URL,
    gcp2_questionnaire,
    grade_code_system,
)
from app.sharing.summary import build_summary
from app.sharing.summary_input import (
    AddendumDetails,
    CarerDetails,
    ChildDetails,
    Grade,
    PlanAction,
    SharingBasis,
    SummaryInput,
    TargetDetails,
)
from assessments import gcp2
from fcsync._wire import canonical_json
from gateway.summary import content_issues, read_summary

BST = timezone(timedelta(hours=1))


def sample(**changes: Any) -> SummaryInput:
    base = SummaryInput(
        submission_id="9b1f0c3e-5d2a-4c1b-8e57-0c7f6f0d2a11",
        shared_at=datetime(2026, 11, 29, 9, 30, tzinfo=timezone.utc),
        assessment_id="G-1", started_at=datetime(2026, 10, 1, 9, tzinfo=BST),
        completed_at=datetime(2026, 10, 20, 16, tzinfo=BST),
        child=ChildDetails("K-1", "Ada Okafor", date(2023, 5, 1), "9434765919", "14 Mill Lane"),
        carers=(CarerDetails("C-1", "Ife Okafor", "mother", True),
                CarerDetails("C-2", "Dean Smith", "mother's partner", False)),
        practitioner="Priya Shah", organisation="Telford Health Visiting",
        area_grades=tuple(Grade(a, 2 + n % 3) for n, a in enumerate(gcp2.AREA_IDS)),
        sub_area_grades=tuple(Grade(s, 1 + n % 5) for n, s in enumerate(gcp2.SUB_AREA_IDS)),
        strengths="Warm <b>bedtime</b> & stories", harm_factors=("Domestic abuse",),
        targets=(TargetDetails("physical_care.nutrition", 4, 2, date(2027, 1, 15), None),),
        plan=(PlanAction("Weigh Ada monthly", "Health visitor", date(2027, 1, 5), "weight on 9th centile"),),
        child_voice="I like the park", parent_agrees=False, parent_comments="Mum disagrees on housing",
        addenda=(AddendumDetails(datetime(2026, 10, 21, 10, tzinfo=BST), "Priya Shah", "typo", "Housing is 2"),),
        basis=SharingBasis("LA-1", "Example Council", "Safeguarding referral", "public_task",
                           "DPA 2018 Sch 1 para 18", "not_sought", "would put Ada at risk", "", ""),
    )
    return dataclasses.replace(base, **changes)


def resources(bundle: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for entry in bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def test_the_bundle_is_a_fhir_document_with_the_composition_first() -> None:
    bundle = build_summary(sample())
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "document")
    assert bundle["identifier"]["value"] == bundle["id"] == sample().submission_id
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Composition", "QuestionnaireResponse", "Patient", "RelatedPerson",
                     "RelatedPerson", "Practitioner", "Organization"]
    assert content_issues(bundle, sample().submission_id) == []


def test_every_reference_resolves_inside_the_bundle_and_urls_are_stable() -> None:
    bundle = build_summary(sample())
    urls = {e["fullUrl"] for e in bundle["entry"]}
    text = json.dumps(bundle)
    references = {part.split('"')[0] for part in text.split('"reference": "')[1:]}
    assert references and references <= urls
    assert build_summary(sample()) == bundle  # deterministic: the same input signs the same
    other = build_summary(sample(submission_id="another-id"))
    assert {e["fullUrl"] for e in other["entry"]}.isdisjoint(urls)


def test_it_signs_canonically_with_no_floats() -> None:
    payload = canonical_json(build_summary(sample()))
    assert json.loads(payload) == build_summary(sample())


def test_grades_answer_our_questionnaire_with_codes() -> None:
    bundle = build_summary(sample())
    [response] = resources(bundle)["QuestionnaireResponse"]
    assert response["questionnaire"] == QUESTIONNAIRE_URL and response["status"] == "completed"
    defined = {i["linkId"]: i for g in gcp2_questionnaire()["item"] for i in [g, *g["item"]]}
    codes = {c["code"] for c in grade_code_system()["concept"]}
    for group in response["item"]:
        assert group["linkId"] in defined
        for item in group["item"]:
            coding = item["answer"][0]["valueCoding"]
            assert item["linkId"] in defined and coding["system"] == GRADE_SYSTEM
            assert coding["code"] in codes
    nutrition = response["item"][0]["item"][1]
    assert (nutrition["linkId"], nutrition["answer"][0]["valueCoding"]["code"]) == ("physical_care.nutrition", "1")


def test_the_inbox_reads_child_grades_harm_plan_basis_and_consent() -> None:
    view = read_summary(build_summary(sample()))
    assert (view.child_name, view.child_birth_date, view.practitioner, view.organisation) == (
        "Ada Okafor", "2023-05-01", "Priya Shah", "Telford Health Visiting")
    assert view.harm_factors == ("Domestic abuse",)
    assert view.plan == ("Target: Nutrition from 4 to 2 by 15 January 2027",
                         "Action: Weigh Ada monthly: Health visitor, by 5 January 2027; "
                         "we will know by: weight on 9th centile")
    assert view.lawful_basis == "UK GDPR Article 6(1)(e) public task"
    assert view.consent == "Consent not sought: would put Ada at risk"
    others = dict(view.other_sections)
    assert others["Strengths"] == "Warm <b>bedtime</b> & stories"  # escaped, then read back as words
    assert others["The child's voice"] == "I like the park"
    assert "disagrees" in others["The parent's view of the scores"]


@pytest.mark.parametrize(("repeat", "present"), [(None, False), ("first-share-id", True)])
def test_a_second_share_names_the_first(repeat: str | None, present: bool) -> None:
    [composition] = resources(build_summary(sample(repeats_submission=repeat)))["Composition"]
    urls = {e["url"].rsplit("/", 1)[1]: e["valueString"] for e in composition["extension"]}
    assert ("repeats-submission" in urls) is present
    assert urls["recipient"] == "LA-1"


def test_empty_parts_say_none_recorded() -> None:
    [composition] = resources(build_summary(sample(harm_factors=(), addenda=())))["Composition"]
    sections = {s["code"]["coding"][0]["code"]: s for s in composition["section"]}
    assert "None recorded." in sections["cumulative-harm"]["text"]["div"]
    assert "addenda" not in sections


def test_the_input_has_nowhere_to_carry_what_must_never_be_shared() -> None:
    names: set[str] = set()
    for cls in (SummaryInput, ChildDetails, CarerDetails, Grade, TargetDetails, PlanAction,
                AddendumDetails, SharingBasis):
        names |= {f.name for f in dataclasses.fields(cls)}
    assert not names & {"practitioner_only", "evidence", "items", "pack", "pack_id", "notes",
                        "rationale", "carer_views"}
