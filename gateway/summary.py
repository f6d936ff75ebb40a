"""Reading a received summary (a FHIR R4 document Bundle) for the front door.

Two jobs: `content_issues` lists short, non-personal codes for what a well-signed summary lacks
(it is stored and flagged, never refused), and `read_summary` pulls out what triage needs to see
(child, grades per area, cumulative harm factors, plan, practitioner, lawful basis and consent).
Reading is tolerant: whatever is missing shows as "not stated" rather than failing the page.
The shape it expects is described in docs/gateway.md ("What the inbox reads from a summary").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

NOT_STATED = "not stated"
_SECTION_KINDS = {
    "cumulative-harm": ("harm",),
    "plan": ("plan",),
    "information-sharing": ("lawful", "consent", "information sharing", "information-sharing"),
}


@dataclass(frozen=True)
class AreaGrade:
    area: str
    grade: str


@dataclass(frozen=True)
class SummaryView:
    title: str
    child_name: str
    child_birth_date: str
    practitioner: str
    organisation: str
    grades: tuple[AreaGrade, ...]
    harm_factors: tuple[str, ...]
    plan: tuple[str, ...]
    lawful_basis: str
    consent: str
    other_sections: tuple[tuple[str, str], ...]


def _resources(summary: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    entries = summary.get("entry")
    if not isinstance(entries, list):
        return []
    found = []
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if isinstance(resource, Mapping):
            found.append(resource)
    return found


def _first(resources: Iterable[Mapping[str, Any]], kind: str) -> Mapping[str, Any] | None:
    return next((r for r in resources if r.get("resourceType") == kind), None)


def content_issues(summary: Mapping[str, Any], submission_id: str) -> list[str]:
    """Short codes for content problems (no personal data: they travel in the receipt)."""
    issues = []
    if summary.get("resourceType") != "Bundle" or summary.get("type") != "document":
        issues.append("not-a-fhir-document")
    identifier = summary.get("identifier")
    if not isinstance(identifier, Mapping) or identifier.get("value") != submission_id:
        issues.append("identifier-differs-from-submission-id")
    resources = _resources(summary)
    if not resources or resources[0].get("resourceType") != "Composition":
        issues.append("composition-not-first")
    for kind, code in (("Patient", "no-child"), ("Practitioner", "no-practitioner"),
                       ("QuestionnaireResponse", "no-assessment")):
        if _first(resources, kind) is None:
            issues.append(code)
    return issues


def _name(resource: Mapping[str, Any] | None) -> str:
    if resource is None:
        return NOT_STATED
    names = resource.get("name")
    if isinstance(names, str):
        return names
    if isinstance(names, list) and names and isinstance(names[0], Mapping):
        name = names[0]
        if isinstance(name.get("text"), str):
            return str(name["text"])
        given = name.get("given")
        parts = [str(p) for p in given if isinstance(p, str)] if isinstance(given, list) else []
        if isinstance(name.get("family"), str):
            parts.append(str(name["family"]))
        if parts:
            return " ".join(parts)
    return NOT_STATED


class _TextOnly(HTMLParser):
    """Narrative XHTML to plain lines: staff see the words, the browser never sees the markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._hidden = 0  # inside <script> or <style>: not words anyone wrote for a reader

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        if tag in ("li", "p", "br", "div", "tr"):
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.lines[-1] += data


def narrative_lines(div: object) -> tuple[str, ...]:
    if not isinstance(div, str):
        return ()
    parser = _TextOnly()
    parser.feed(div)
    parser.close()
    return tuple(" ".join(line.split()) for line in parser.lines if line.strip())


def _answer_text(item: Mapping[str, Any]) -> str | None:
    answers = item.get("answer")
    if not isinstance(answers, list) or not answers or not isinstance(answers[0], Mapping):
        return None
    answer = answers[0]
    for key in ("valueInteger", "valueString", "valueDecimal", "valueBoolean"):
        if key in answer:
            return str(answer[key])
    coding = answer.get("valueCoding")
    if isinstance(coding, Mapping):
        return str(coding.get("display") or coding.get("code") or NOT_STATED)
    return None


def _grades(response: Mapping[str, Any] | None) -> tuple[AreaGrade, ...]:
    grades: list[AreaGrade] = []

    def walk(items: object, prefix: str) -> None:
        if not isinstance(items, list):
            return
        for item in items:
            if not isinstance(item, Mapping):
                continue
            label = str(item.get("text") or item.get("linkId") or NOT_STATED)
            answer = _answer_text(item)
            if answer is not None:
                grades.append(AreaGrade(prefix + label, answer))
            walk(item.get("item"), f"{prefix}{label} › ")

    if response is not None:
        walk(response.get("item"), "")
    return tuple(grades)


def _section_kind(section: Mapping[str, Any]) -> str | None:
    code = section.get("code")
    codings = code.get("coding") if isinstance(code, Mapping) else None
    if isinstance(codings, list):
        for coding in codings:
            if isinstance(coding, Mapping) and coding.get("code") in _SECTION_KINDS:
                return str(coding["code"])
    title = str(section.get("title") or "").lower()
    return next((kind for kind, words in _SECTION_KINDS.items() if any(w in title for w in words)), None)


def _extension(resource: Mapping[str, Any] | None, suffix: str) -> str | None:
    extensions = resource.get("extension") if resource is not None else None
    if not isinstance(extensions, list):
        return None
    for ext in extensions:
        if isinstance(ext, Mapping) and str(ext.get("url", "")).endswith(suffix):
            for key in ("valueString", "valueCode"):
                if isinstance(ext.get(key), str):
                    return str(ext[key])
    return None


def read_summary(summary: Mapping[str, Any]) -> SummaryView:
    resources = _resources(summary)
    composition = _first(resources, "Composition")
    patient = _first(resources, "Patient")
    organisation = _first(resources, "Organization")
    sections: dict[str, tuple[str, ...]] = {}
    others: list[tuple[str, str]] = []
    raw_sections = composition.get("section") if composition is not None else None
    for section in raw_sections if isinstance(raw_sections, list) else []:
        if not isinstance(section, Mapping):
            continue
        text = section.get("text")
        lines = narrative_lines(text.get("div") if isinstance(text, Mapping) else None)
        kind = _section_kind(section)
        if kind is not None:
            sections[kind] = sections.get(kind, ()) + lines
        else:
            others.append((str(section.get("title") or NOT_STATED), " ".join(lines)))
    sharing = sections.get("information-sharing", ())
    birth = patient.get("birthDate") if patient is not None else None
    return SummaryView(
        title=str(composition.get("title") or NOT_STATED) if composition is not None else NOT_STATED,
        child_name=_name(patient),
        child_birth_date=birth if isinstance(birth, str) else NOT_STATED,
        practitioner=_name(_first(resources, "Practitioner")),
        organisation=str(organisation.get("name") or NOT_STATED) if organisation is not None else NOT_STATED,
        grades=_grades(_first(resources, "QuestionnaireResponse")),
        harm_factors=sections.get("cumulative-harm", ()),
        plan=sections.get("plan", ()),
        lawful_basis=_extension(composition, "lawful-basis") or (sharing[0] if sharing else NOT_STATED),
        consent=_extension(composition, "consent-status") or (sharing[1] if len(sharing) > 1 else NOT_STATED),
        other_sections=tuple(others),
    )
