"""Revision 0006's representative rows for `tests/integration/test_migrations.py`: an enrolment,
a share through the app with its delivered outbox row and a front-door outcome, a deliberate
second share still queued, and a phone call recorded as a disclosure outside the app — as plain
SQL valid at 0006, and the case-file records they must read back as (the outbox and the
enrolment are not in the case file)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from typing import Any

from app.casefile.sharing_decisions import SHARING_DECISIONS, SharingDecisionRecord

BST = timezone(timedelta(hours=1))
_COLUMNS = ("(id, family_id, child_id, assessment_id, seq, occurred_at, recorded_at, occurred_utc, "
            "recipient, purpose, shared, lawful_basis, special_category_condition, consent, "
            "consent_reason, identities_withheld, advice_taken, channel, practitioner, repeats_id, "
            "submission_id)")

SHARING_ROWS = [
    "INSERT INTO device_enrolment (id, device_id, device_key_pem, gateway_url, endpoints, "
    "organisation, organisation_name, sealing_key, receipt_key, ca_pem, label, enrolled_at, "
    "enrolled_by, outcomes_cursor) VALUES (1, 'dev-old', X'00', 'https://fc.example/', "
    "'{\"submissions\": \"v1/submissions\"}', 'LA-1', 'Example Council', '{}', '{}', NULL, '', "
    "'2026-07-01T09:00:00+01:00', 'Priya Shah', '3')",
    "INSERT INTO record_ids (id, kind) VALUES ('S-app', 'sharing_decision'), "
    "('S-again', 'sharing_decision'), ('S-call', 'sharing_decision')",
    f"INSERT INTO sharing_decisions {_COLUMNS} VALUES "
    "('S-app', 'F-old', 'K-old', 'G-old1', 1, '2026-07-21T11:00:00+01:00', "
    "'2026-07-21T11:00:00+01:00', '2026-07-21T10:00:00.000000+00:00', 'Example Council (LA-1)', "
    "'Safeguarding referral', 'GCP2 summary', 'public_task', 'DPA 2018 Sch 1 para 18', "
    "'not_sought', 'would put the child at risk', '', 'named nurse', 'app', 'Priya Shah', NULL, "
    "'sub-1'), "
    "('S-again', 'F-old', 'K-old', 'G-old1', 2, '2026-07-22T11:00:00+01:00', "
    "'2026-07-22T11:00:00+01:00', '2026-07-22T10:00:00.000000+00:00', 'Example Council (LA-1)', "
    "'Safeguarding referral', 'GCP2 summary', 'public_task', 'DPA 2018 Sch 1 para 18', "
    "'given', '', '', '', 'app', 'Priya Shah', 'S-app', 'sub-2'), "
    "('S-call', 'F-old', NULL, NULL, 3, '2026-07-20T15:00:00+01:00', "
    "'2026-07-20T17:30:00+01:00', '2026-07-20T14:00:00.000000+00:00', 'Duty desk', "
    "'Immediate concern', 'Home conditions', 'vital_interests', 'Sch 1 para 18', 'refused', "
    "'mother refused', 'the neighbour', '', 'phone', 'Priya Shah', NULL, NULL)",
    "INSERT INTO outbox (submission_id, decision_id, family_id, assessment_id, seq, inner_digest, "
    "state, attempts, queued_at, next_attempt_utc, last_attempt_at, last_error, receipt, "
    "receipt_reference, receipt_status, delivered_at) VALUES "
    "('sub-1', 'S-app', 'F-old', 'G-old1', 1, 'd1', 'delivered', 2, '2026-07-21T11:00:00+01:00', "
    "NULL, '2026-07-21T12:00:00+01:00', '', 'r.e.c', 'FC-2026-000001', 'accepted', "
    "'2026-07-21T12:00:01+01:00'), "
    "('sub-2', 'S-again', 'F-old', 'G-old1', 2, 'd2', 'queued', 1, '2026-07-22T11:00:00+01:00', "
    "'2026-07-22T10:05:00.000000+00:00', NULL, 'could not connect to the gateway', NULL, NULL, "
    "NULL, NULL)",
    "INSERT INTO outbox_envelopes (submission_id, device_id, recipient, recipient_key_id, "
    "inner_jws, envelope, envelope_digest) VALUES ('sub-1', 'dev-old', 'LA-1', 'kid', 'a.b.c', "
    "X'01', 'e1'), ('sub-2', 'dev-old', 'LA-1', 'kid', 'a.b.c', X'02', 'e2')",
    "INSERT INTO front_door_outcomes (outcome_id, submission_id, decision, decided_at, reference, "
    "note, token, received_at) VALUES ('O-1', 'sub-1', 'early_help', '2026-07-22T09:00:00+00:00', "
    "'FC-2026-000001', 'Family support worker to call', 'o.u.t', '2026-07-22T10:00:00+01:00')",
]


def _record(record_id: str, **values: Any) -> SharingDecisionRecord:
    base: dict[str, Any] = {
        "id": record_id, "child": "K-old", "assessment": "G-old1",
        "recipient": "Example Council (LA-1)", "purpose": "Safeguarding referral",
        "shared": "GCP2 summary", "lawful_basis": "public_task",
        "special_category_condition": "DPA 2018 Sch 1 para 18", "identities_withheld": "",
        "advice_taken": "", "channel": "app", "practitioner": "Priya Shah", "repeats": None,
    }
    base.update(values)
    return SharingDecisionRecord(**base)


SHARING_RECORDS = (
    _record("S-app", occurred_at=datetime(2026, 7, 21, 11, tzinfo=BST),
            recorded_at=datetime(2026, 7, 21, 11, tzinfo=BST), consent="not_sought",
            consent_reason="would put the child at risk", advice_taken="named nurse",
            submission_id="sub-1"),
    _record("S-again", occurred_at=datetime(2026, 7, 22, 11, tzinfo=BST),
            recorded_at=datetime(2026, 7, 22, 11, tzinfo=BST), consent="given", consent_reason="",
            repeats="S-app", submission_id="sub-2"),
    _record("S-call", child=None, assessment=None, occurred_at=datetime(2026, 7, 20, 15, tzinfo=BST),
            recorded_at=datetime(2026, 7, 20, 17, 30, tzinfo=BST), recipient="Duty desk",
            purpose="Immediate concern", shared="Home conditions", lawful_basis="vital_interests",
            special_category_condition="Sch 1 para 18", consent="refused",
            consent_reason="mother refused", identities_withheld="the neighbour", channel="phone",
            submission_id=None),
)


def saved_with_sharing(previous: Any) -> Any:
    """The previous revision's `SavedAt` plus 0006's rows and what they read back as."""
    family = SHARING_DECISIONS.with_value(previous.family, SHARING_RECORDS)
    return dataclasses.replace(previous, statements=previous.statements + SHARING_ROWS, family=family)
