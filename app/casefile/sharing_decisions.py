"""The `sharing_decisions` family section of the case file: every information-sharing decision.

Owns its JSON form, reading rules and frozen record. Each entry is one disclosure, through the
app (`channel` "app", with the FC-Sync `submission_id` it travelled under) or outside it (a phone
call, a meeting, ...; `submission_id` null):
`{"id", "child" (or null), "assessment" (or null), "occurred_at", "recorded_at", "recipient",
"purpose", "shared", "lawful_basis", "special_category_condition", "consent", "consent_reason",
"identities_withheld", "advice_taken", "channel", "practitioner", "repeats" (or null),
"submission_id" (or null)}`.

Rules (each refused at its JSON path): `child` is a child of this family; `assessment` needs a
child and may not name another kind of record (that it is this child's assessment the import
service checks, as the assessment may come later in the file); consent refused or not sought
needs a reason; the `consent` lawful basis needs consent given; `repeats` names an earlier
decision of this family's list. The outbox (this device's transport state) is not in the case
file. Storage is `app/services/sharing_case_file.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.casefile.reading import (
    FieldReader,
    quoted,
    read_choice,
    read_id_text,
    read_list,
    read_name,
    read_object,
    read_text,
    read_timestamp,
)
from app.casefile.sections import FamilyContext, FamilySection, register_family_section
from app.errors import InvalidInput
from app.sharing.decision import CHANNELS, CONSENT, LAWFUL_BASES, is_wire_id

KIND = "sharing_decision"
KEY = "sharing_decisions"


@dataclass(frozen=True)
class SharingDecisionRecord:
    id: str
    child: str | None
    assessment: str | None
    occurred_at: datetime
    recorded_at: datetime
    recipient: str
    purpose: str
    shared: str
    lawful_basis: str
    special_category_condition: str
    consent: str
    consent_reason: str
    identities_withheld: str
    advice_taken: str
    channel: str
    practitioner: str
    repeats: str | None
    submission_id: str | None


def _optional(reader: FieldReader) -> FieldReader:
    return lambda value, path: None if value is None else reader(value, path)


def _submission_id(value: Any, path: str) -> str:
    text = read_text(value, path)
    if not is_wire_id(text):
        raise InvalidInput(path, "a submission id is 1 to 128 of A-Z a-z 0-9 . _ ~ : -")
    return text


def _check(record: SharingDecisionRecord, at: str, earlier: list[str]) -> None:
    if record.consent != "given" and not record.consent_reason.strip():
        raise InvalidInput(f"{at}.consent_reason", "say why consent was refused or not sought")
    if record.lawful_basis == "consent" and record.consent != "given":
        raise InvalidInput(f"{at}.lawful_basis", "consent is the lawful basis only when consent was given")
    if (record.channel == "app") != (record.submission_id is not None):
        raise InvalidInput(f"{at}.submission_id",
                           "a share through the app has a submission id; any other channel has none")
    if record.assessment is not None and record.child is None:
        raise InvalidInput(f"{at}.child", "a decision about an assessment names the assessment's child")
    if record.repeats is not None and record.repeats not in earlier:
        raise InvalidInput(f"{at}.repeats",
                           f"{quoted(record.repeats)} is not an earlier sharing decision of this family")


def read_sharing_decisions(context: FamilyContext, value: Any, path: str) -> tuple[SharingDecisionRecord, ...]:
    earlier: list[str] = []

    def child(value: Any, at: str) -> str | None:
        if value is None:
            return None
        record_id = read_id_text(value, at)
        context.family.refer(record_id, at, ("child",), "a child")
        return record_id

    def assessment(value: Any, at: str) -> str | None:
        if value is None:
            return None
        record_id = read_id_text(value, at)
        kind = context.ids.kind_of(record_id)
        if kind is not None and kind != "assessment":
            raise InvalidInput(at, f"{quoted(record_id)} is not an assessment")
        return record_id

    def read_one(item: Any, at: str) -> SharingDecisionRecord:
        values = read_object(item, at, {
            "id": lambda v, p: context.ids.claim(v, p, KIND),
            "child": child,
            "assessment": assessment,
            "occurred_at": read_timestamp,
            "recorded_at": read_timestamp,
            "recipient": read_name,
            "purpose": read_name,
            "shared": read_name,
            "lawful_basis": lambda v, p: read_choice(v, p, LAWFUL_BASES),
            "special_category_condition": read_name,
            "consent": lambda v, p: read_choice(v, p, CONSENT),
            "consent_reason": read_text,
            "identities_withheld": read_text,
            "advice_taken": read_text,
            "channel": lambda v, p: read_choice(v, p, CHANNELS),
            "practitioner": read_name,
            "repeats": _optional(read_id_text),
            "submission_id": _optional(_submission_id),
        })
        record = SharingDecisionRecord(**values)
        _check(record, at, earlier)
        earlier.append(record.id)
        return record

    return read_list(value, path, read_one)


def _time(moment: datetime) -> str:
    return moment.isoformat()


def write_sharing_decisions(records: tuple[SharingDecisionRecord, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "child": r.child, "assessment": r.assessment,
         "occurred_at": _time(r.occurred_at), "recorded_at": _time(r.recorded_at),
         "recipient": r.recipient, "purpose": r.purpose, "shared": r.shared,
         "lawful_basis": r.lawful_basis, "special_category_condition": r.special_category_condition,
         "consent": r.consent, "consent_reason": r.consent_reason,
         "identities_withheld": r.identities_withheld, "advice_taken": r.advice_taken,
         "channel": r.channel, "practitioner": r.practitioner, "repeats": r.repeats,
         "submission_id": r.submission_id}
        for r in records
    ]


SHARING_DECISIONS: FamilySection[tuple[SharingDecisionRecord, ...]] = register_family_section(
    FamilySection[tuple[SharingDecisionRecord, ...]](
        key=KEY, read=read_sharing_decisions, write=write_sharing_decisions, empty=(),
        ids=lambda records: [r.id for r in records],
    )
)
