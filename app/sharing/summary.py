"""The shared GCP2 summary as a FHIR R4 document Bundle, built from a `SummaryInput` only.

Owns the document's shape: a `Bundle` of type `document` whose first entry is the
`Composition` (human-readable sections), then the `QuestionnaireResponse` against our own GCP2
summary Questionnaire (`questionnaire.py`), the child (`Patient`), the carers (`RelatedPerson`),
the practitioner (`Practitioner`) and the organisation (`Organization`). Pure and deterministic:
the same input gives the same dict, so the signed bytes are reproducible in tests.

Nothing here reads the database or a content pack: the input type carries no pack text and no
practitioner-only notes, so neither can reach the document (see `summary_input.py`). Values are
strings, booleans and integers only: RFC 8785 cannot carry floats faithfully. The section codes
`cumulative-harm`, `plan` and `information-sharing` and the `lawful-basis` / `consent-status`
extensions are what the gateway's inbox reads (docs/gateway.md).
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import Any

from app.sharing.questionnaire import (
    CANONICAL_BASE,
    GRADE_SYSTEM,
    QUESTIONNAIRE_URL,
    grade_coding,
    item_text,
)
from app.sharing.summary_input import SummaryInput
from assessments import gcp2

SECTION_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/summary-section"
DOCUMENT_TYPE_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/document-type"
EXTENSION_BASE = f"{CANONICAL_BASE}/StructureDefinition"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
_XHTML = "http://www.w3.org/1999/xhtml"

LAWFUL_BASIS_NAMES = {
    "public_task": "UK GDPR Article 6(1)(e) public task",
    "legal_obligation": "UK GDPR Article 6(1)(c) legal obligation",
    "vital_interests": "UK GDPR Article 6(1)(d) vital interests",
    "consent": "UK GDPR Article 6(1)(a) consent",
}
CONSENT_NAMES = {"given": "Consent given", "refused": "Consent refused",
                 "not_sought": "Consent not sought"}


def _instant(moment: datetime) -> str:
    """RFC 3339 UTC to the second (FHIR instant); an aware datetime is required."""
    if moment.utcoffset() is None:
        raise ValueError("summary times must carry a UTC offset")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(value: date | None) -> str:
    return "no date set" if value is None else value.strftime("%d %B %Y").lstrip("0")


def _full_url(submission_id: str, role: str) -> str:
    # Stable per submission and role, so the same input signs to the same bytes.
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'urn:fc-sync:{submission_id}/{role}')}"


def _narrative(lines: Iterable[str], empty: str) -> dict[str, str]:
    items = [line for line in lines if line.strip()]
    if not items:
        body = f"<p>{html.escape(empty)}</p>"
    elif len(items) == 1:
        body = f"<p>{html.escape(items[0])}</p>"
    else:
        body = "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
    return {"status": "generated", "div": f'<div xmlns="{_XHTML}">{body}</div>'}


def _section(code: str, title: str, lines: Iterable[str], empty: str = "None recorded.") -> dict[str, Any]:
    return {
        "title": title,
        "code": {"coding": [{"system": SECTION_SYSTEM, "code": code, "display": title}]},
        "text": _narrative(lines, empty),
    }


def _extension(name: str, value: str) -> dict[str, str]:
    return {"url": f"{EXTENSION_BASE}/{name}", "valueString": value}


def _grade_lines(summary: SummaryInput) -> list[str]:
    subs = {g.id: g.grade for g in summary.sub_area_grades}
    lines = []
    for area_grade in summary.area_grades:
        area = gcp2.area(area_grade.id)
        parts = [f"{gcp2.sub_area(s).name} {subs[s]}" for s in area.sub_area_ids if s in subs]
        lines.append(f"{area.letter} {area.name}: {area_grade.grade} ({', '.join(parts)})")
    return lines


def _plan_lines(summary: SummaryInput) -> list[str]:
    lines = []
    for t in summary.targets:
        review = "" if t.review_grade is None else f"; graded {t.review_grade} at review"
        lines.append(f"Target: {gcp2.sub_area(t.sub_area).name} from {t.current} to {t.target} "
                     f"by {_day(t.review_by)}{review}")
    for a in summary.plan:
        lines.append(f"Action: {a.what}: {a.who}, by {_day(a.by_when)}; we will know by: {a.measure}")
    return lines


def _sharing_lines(summary: SummaryInput) -> list[str]:
    b = summary.basis
    lines = [
        f"Lawful basis: {LAWFUL_BASIS_NAMES[b.lawful_basis]}",
        f"Consent: {CONSENT_NAMES[b.consent]}" + (f" ({b.consent_reason})" if b.consent_reason else ""),
        f"Special category condition: {b.special_category_condition}",
        f"Purpose: {b.purpose}",
        f"Shared with: {b.recipient_name}",
    ]
    if b.identities_withheld:
        lines.append(f"Identities withheld: {b.identities_withheld}")
    if b.advice_taken:
        lines.append(f"Advice taken: {b.advice_taken}")
    if summary.repeats_submission:
        lines.append(f"This is a second share of this assessment (first: {summary.repeats_submission})")
    return lines


def _parent_view(summary: SummaryInput) -> list[str]:
    agrees = {True: "The parent agrees with the scores.", False: "The parent disagrees with the scores.",
              None: "The parent has not been asked about the scores yet."}[summary.parent_agrees]
    return [agrees, summary.parent_comments]


def _composition(summary: SummaryInput, urls: dict[str, str]) -> dict[str, Any]:
    b = summary.basis
    sections = [
        _section("grades", "GCP2 grades", _grade_lines(summary)),
        _section("strengths", "Strengths", [summary.strengths]),
        _section("cumulative-harm", "Cumulative harm factors", summary.harm_factors),
        _section("plan", "Targets and plan", _plan_lines(summary)),
        _section("child-voice", "The child's voice", [summary.child_voice]),
        _section("parent-view", "The parent's view of the scores", _parent_view(summary)),
        _section("information-sharing", "Information sharing", _sharing_lines(summary)),
    ]
    if summary.addenda:
        sections.append(_section("addenda", "Addenda (corrections after completion)", [
            f"{_instant(a.at)} {a.author}: {a.reason}: {a.text}" for a in summary.addenda
        ]))
    extensions = [
        _extension("lawful-basis", LAWFUL_BASIS_NAMES[b.lawful_basis]),
        _extension("consent-status", CONSENT_NAMES[b.consent]
                   + (f": {b.consent_reason}" if b.consent_reason else "")),
        _extension("special-category-condition", b.special_category_condition),
        _extension("recipient", b.recipient),
    ]
    if summary.repeats_submission:
        extensions.append(_extension("repeats-submission", summary.repeats_submission))
    return {
        "resourceType": "Composition",
        "extension": extensions,
        "status": "final",
        "type": {"coding": [{"system": DOCUMENT_TYPE_SYSTEM, "code": "gcp2-summary",
                             "display": "GCP2 assessment summary"}],
                 "text": "GCP2 assessment summary"},
        "subject": {"reference": urls["patient"]},
        "date": _instant(summary.shared_at),
        "author": [{"reference": urls["practitioner"]}, {"reference": urls["organisation"]}],
        "title": "GCP2 assessment summary",
        "custodian": {"reference": urls["organisation"]},
        "section": sections,
    }


def _questionnaire_response(summary: SummaryInput, urls: dict[str, str]) -> dict[str, Any]:
    subs = {g.id: g.grade for g in summary.sub_area_grades}
    groups = []
    for area_grade in summary.area_grades:
        area = gcp2.area(area_grade.id)
        items = [{"linkId": f"{area.id}.grade", "text": item_text(f"{area.id}.grade"),
                  "answer": [{"valueCoding": grade_coding(area_grade.grade)}]}]
        items += [{"linkId": s, "text": item_text(s), "answer": [{"valueCoding": grade_coding(subs[s])}]}
                  for s in area.sub_area_ids if s in subs]
        groups.append({"linkId": area.id, "text": item_text(area.id), "item": items})
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": "urn:homevisit:assessment", "value": summary.assessment_id},
        "questionnaire": QUESTIONNAIRE_URL,
        "status": "completed",
        "subject": {"reference": urls["patient"]},
        "authored": _instant(summary.completed_at),
        "author": {"reference": urls["practitioner"]},
        "item": groups,
    }


def _patient(summary: SummaryInput) -> dict[str, Any]:
    child = summary.child
    identifiers = [{"system": "urn:homevisit:child", "value": child.id}]
    if child.nhs_number:
        identifiers.insert(0, {"system": NHS_NUMBER_SYSTEM, "value": child.nhs_number})
    return {
        "resourceType": "Patient",
        "identifier": identifiers,
        "name": [{"text": child.name}],
        "birthDate": child.date_of_birth.isoformat(),
        "address": [{"text": child.address}],
    }


def _carer(summary: SummaryInput, index: int, urls: dict[str, str]) -> dict[str, Any]:
    carer = summary.carers[index]
    return {
        "resourceType": "RelatedPerson",
        "extension": [{"url": f"{EXTENSION_BASE}/parental-responsibility",
                       "valueBoolean": carer.parental_responsibility}],
        "identifier": [{"system": "urn:homevisit:carer", "value": carer.id}],
        "patient": {"reference": urls["patient"]},
        "relationship": [{"text": carer.relationship}],
        "name": [{"text": carer.name}],
    }


def build_summary(summary: SummaryInput) -> dict[str, Any]:
    """The FHIR R4 document Bundle for one share: JSON-ready, no floats."""
    sid = summary.submission_id
    urls = {role: _full_url(sid, role) for role in
            ("composition", "response", "patient", "practitioner", "organisation")}
    entries: list[tuple[str, dict[str, Any]]] = [
        (urls["composition"], _composition(summary, urls)),
        (urls["response"], _questionnaire_response(summary, urls)),
        (urls["patient"], _patient(summary)),
    ]
    entries += [(_full_url(sid, f"carer-{i}"), _carer(summary, i, urls)) for i in range(len(summary.carers))]
    entries += [
        (urls["practitioner"], {"resourceType": "Practitioner", "name": [{"text": summary.practitioner}]}),
        (urls["organisation"], {"resourceType": "Organization", "name": summary.organisation}),
    ]
    return {
        "resourceType": "Bundle",
        "id": sid,
        "identifier": {"system": "urn:fc-sync:submission", "value": sid},
        "type": "document",
        "timestamp": _instant(summary.shared_at),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }


__all__ = ["GRADE_SYSTEM", "QUESTIONNAIRE_URL", "build_summary"]
