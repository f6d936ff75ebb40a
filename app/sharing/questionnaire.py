"""Our own GCP2 summary Questionnaire: the FHIR definition shared summaries answer.

No public FHIR Questionnaire for GCP2 exists, and the NSPCC's item wording and grade descriptors
are licensed, so this one holds only the public structure: one group per area with the
practitioner's confirmed area grade and the grade of each sub-area, each answered with a code
from our `gcp2-grade` CodeSystem (1 best to 5 worst, the scale's public "needs" wording).
linkIds are the stable GCP2 ids of `assessments.gcp2` (a contract), plus `<area>.grade`.
"""

from __future__ import annotations

from typing import Any

from assessments import gcp2, scale

# A domain we control would replace `homevisit.invalid` in a deployment; `.invalid` can never
# resolve to someone else's definitions in the meantime.
CANONICAL_BASE = "https://homevisit.invalid/fhir"
QUESTIONNAIRE_VERSION = "1.0.0"
QUESTIONNAIRE_URL = f"{CANONICAL_BASE}/Questionnaire/gcp2-summary|{QUESTIONNAIRE_VERSION}"
GRADE_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/gcp2-grade"


def grade_display(grade: int) -> str:
    return f"{grade}: {scale.meaning(grade).needs}"


def grade_coding(grade: int) -> dict[str, str]:
    return {"system": GRADE_SYSTEM, "code": str(grade), "display": grade_display(grade)}


def item_text(link_id: str) -> str:
    """The display name of an area (`physical_care`), its grade (`physical_care.grade`) or a
    sub-area (`physical_care.nutrition`)."""
    if gcp2.is_area(link_id):
        area = gcp2.area(link_id)
        return f"{area.letter} {area.name}"
    if link_id.endswith(".grade") and gcp2.is_area(link_id[: -len(".grade")]):
        return "Area grade (confirmed by the practitioner)"
    return gcp2.sub_area(link_id).name


def _choice(link_id: str) -> dict[str, Any]:
    return {"linkId": link_id, "text": item_text(link_id), "type": "choice", "required": True,
            "answerOption": [{"valueCoding": grade_coding(g)} for g in scale.GRADES]}


def gcp2_questionnaire() -> dict[str, Any]:
    """The Questionnaire resource at QUESTIONNAIRE_URL (for publishing and for tests)."""
    url, version = QUESTIONNAIRE_URL.split("|")
    return {
        "resourceType": "Questionnaire",
        "url": url,
        "version": version,
        "name": "GCP2Summary",
        "title": "Graded Care Profile 2: summary of grades",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [
            {"linkId": area.id, "text": item_text(area.id), "type": "group", "required": True,
             "item": [_choice(f"{area.id}.grade"), *(_choice(s) for s in area.sub_area_ids)]}
            for area in gcp2.AREAS
        ],
    }


def grade_code_system() -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "url": GRADE_SYSTEM,
        "status": "active",
        "content": "complete",
        "concept": [{"code": str(m.grade), "display": grade_display(m.grade),
                     "definition": f"{m.needs}; {m.commitment_to_care}"} for m in scale.SCALE],
    }
