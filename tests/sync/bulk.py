"""Queue many shares quickly, for the 1,000-summary tests and the bench.

`share_assessment` does all of this for one share (about 15 ms: reading the profile and RFC 8785
of the summary in pure Python). Here the profile is read and the summary canonicalised once,
with a placeholder submission id that each of the `count` submissions replaces by its own (a
UUID of the same length and alphabet, so the bytes stay canonical); each then gets its own
signature, seal, sharing decision and outbox row, all written in one transaction.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select

from app.services.registry import new_id, utc_key
from app.services.sharing import APP_SHARED, DEFAULT_CONDITION, DEFAULT_PURPOSE
from app.services.sharing_enrolment import load_identity
from app.services.sharing_summary import summary_input
from app.services.unit_of_work import UnitOfWork
from app.sharing.summary import build_summary
from app.sharing.summary_input import SharingBasis
from app.storage.database import Database
from app.storage.models import RecordId
from app.storage.models_gcp2 import Gcp2Assessment
from app.storage.models_sharing import OutboxEnvelope, OutboxItem, SharingDecision
from fcsync import _jws
from fcsync._wire import canonical_json
from fcsync.envelope import SUMMARY_TYP, reseal


def queue_shares(db: Database, assessment_id: str, count: int) -> list[str]:
    """Queue `count` shares of one completed assessment; returns their submission ids."""
    now = datetime.now().astimezone()
    ids: list[str] = []
    with UnitOfWork(db) as uow:
        identity = load_identity(uow)
        row = uow.session.get(Gcp2Assessment, assessment_id)
        assert row is not None
        basis = SharingBasis(identity.organisation, identity.organisation_name, DEFAULT_PURPOSE,
                             "public_task", DEFAULT_CONDITION, "not_sought",
                             "asking would put the child at risk", "", "")
        placeholder = str(uuid.uuid4())
        template = summary_input(uow, row, submission_id=placeholder, shared_at=now, basis=basis,
                                 repeats_submission=None)
        canonical = canonical_json(build_summary(dataclasses.replace(template)))
        seq = int(uow.session.scalar(select(func.coalesce(func.max(SharingDecision.seq), 0))) or 0)
        out_seq = int(uow.session.scalar(select(func.coalesce(func.max(OutboxItem.seq), 0))) or 0)
        registered: list[dict[str, Any]] = []
        decisions: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        envelopes: list[dict[str, Any]] = []
        for n in range(1, count + 1):
            sid = str(uuid.uuid4())
            payload = canonical.replace(placeholder.encode("ascii"), sid.encode("ascii"))
            inner = _jws.sign(payload, identity.device_key, typ=SUMMARY_TYP, kid=identity.device_id,
                              sid=sid, aud=identity.organisation)
            sealed = reseal(inner, submission_id=sid, device_id=identity.device_id,
                            device_key=identity.device_key, recipient=identity.organisation,
                            recipient_key=identity.sealing_key,
                            recipient_key_id=identity.sealing_key_id, sealed_at=now)
            decision_id = new_id("sharing_decision")
            registered.append({"id": decision_id, "kind": "sharing_decision"})
            decisions.append({
                "id": decision_id, "family_id": row.family_id, "child_id": row.child_id,
                "assessment_id": assessment_id, "seq": seq + n, "occurred_at": now,
                "recorded_at": now, "occurred_utc": utc_key(now),
                "recipient": identity.organisation_name, "purpose": DEFAULT_PURPOSE,
                "shared": APP_SHARED, "lawful_basis": "public_task",
                "special_category_condition": DEFAULT_CONDITION, "consent": "not_sought",
                "consent_reason": "asking would put the child at risk", "identities_withheld": "",
                "advice_taken": "", "channel": "app", "practitioner": "Priya Shah",
                "repeats_id": None, "submission_id": sid,
            })
            rows.append({
                "submission_id": sid, "decision_id": decision_id, "family_id": row.family_id,
                "assessment_id": assessment_id, "seq": out_seq + n,
                "inner_digest": sealed.inner_digest, "state": "queued", "attempts": 0,
                "queued_at": now, "next_attempt_utc": None, "last_error": "",
            })
            envelopes.append({
                "submission_id": sid, "device_id": identity.device_id,
                "recipient": identity.organisation, "recipient_key_id": identity.sealing_key_id,
                "inner_jws": sealed.inner_jws, "envelope": sealed.envelope,
                "envelope_digest": sealed.envelope_digest,
            })
            ids.append(sid)
        for model, values in ((RecordId, registered), (SharingDecision, decisions), (OutboxItem, rows),
                              (OutboxEnvelope, envelopes)):
            uow.session.execute(insert(cast(Table, model.__table__)), values)
        uow.commit()
    return ids
