"""Sharing through the services, end to end to a real gateway: what the front door receives (and
never receives), the decision and the outbox row written together, a deliberate second share,
disclosures outside the app, the sharing history and the chronology."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.errors import UnknownRecord, UsageError
from app.services import outbox
from app.services.chronology import family_chronology
from app.services.sharing import DecisionBasis, record_disclosure, share_assessment, sharing_history
from app.services.sharing_views import NotEnrolled
from app.services.unit_of_work import UnitOfWork
from app.sharing.questionnaire import QUESTIONNAIRE_URL, gcp2_questionnaire
from app.storage.models import AuditEvent, RecordId
from app.storage.models_sharing import OutboxEnvelope, OutboxItem, SharingDecision
from app.sync.engine import SyncEngine
from fcsync.envelope import open_submission
from gateway.keys import load_keys
from gateway.summary import content_issues, read_summary
from gateway.triage import list_inbox, record_outcome
from tests.sync.conftest import Site
from tests.sync.profile import (
    ACTOR,
    CHILD_VOICE,
    EVIDENCE,
    PACK_ITEM,
    PACK_MARKER,
    PRACTITIONER_ONLY,
    STRENGTHS,
    Shareable,
)

BASIS = DecisionBasis("public_task", "not_sought", "asking would put the child at risk",
                      advice_taken="Named nurse for safeguarding, 28 Nov")
NEVER_SHARED = (PRACTITIONER_ONLY, "PRACTITIONER-ONLY", EVIDENCE, "EVIDENCE-QUUX", PACK_MARKER,
                PACK_ITEM, "moon-biscuit", "Invented item")


def share(shareable: Shareable, basis: DecisionBasis = BASIS, assessment: str | None = None):  # type: ignore[no-untyped-def]
    with UnitOfWork(shareable.db) as uow:
        result = share_assessment(uow, ACTOR, assessment or shareable.assessment_id, basis)
        uow.commit()
    return result


def opened_summary(site: Site, shareable: Shareable, submission_id: str) -> dict[str, object]:
    """Open the envelope exactly as the gateway does, with the gateway's own keys."""
    keys = load_keys(site.home)
    with UnitOfWork(shareable.db) as uow:
        row = uow.session.get(OutboxEnvelope, submission_id)
        assert row is not None
        envelope = row.envelope
    assert site.gateway is not None
    opened = open_submission(
        envelope, recipient_keys={keys.sealing_key_id: keys.sealing_key},
        device_public_key=lambda device: site.gateway.gateway.store.device(device).public_key,  # type: ignore[union-attr]
        max_bytes=4 * 1024 * 1024,
    )
    return opened.summary


def test_the_front_door_gets_the_minimal_summary_and_nothing_private(site: Site, enrolled: Shareable) -> None:
    result = share(enrolled)
    assert not result.repeat and result.decision.channel == "app"
    report = SyncEngine(enrolled.db).run(send_now=True, time_limit=30)
    assert report.counts.delivered == 1
    summary = opened_summary(site, enrolled, result.submission_id)
    text = json.dumps(summary, ensure_ascii=False)
    for secret in NEVER_SHARED:
        assert secret not in text, secret
    for expected in (STRENGTHS, CHILD_VOICE, "Ada Okafor", "Ife Okafor", "9434765919", "Priya Shah",
                     "Telford Health Visiting", "Domestic abuse", "Nutrition", QUESTIONNAIRE_URL):
        assert expected in text, expected
    assert content_issues(summary, result.submission_id) == []
    view = read_summary(summary)
    assert (view.child_name, view.child_birth_date, view.practitioner) == ("Ada Okafor", "2023-05-01", "Priya Shah")
    assert view.harm_factors == ("Domestic abuse",)
    assert "public task" in view.lawful_basis and view.consent.startswith("Consent not sought")
    assert any("Nutrition from 3 to 2" in line for line in view.plan)
    grades = dict((g.area, g.grade) for g in view.grades)
    assert grades["A Physical care › Nutrition"] == "3: Some essential needs unmet"
    # Every answered linkId is one our published Questionnaire defines.
    defined = {i["linkId"] for g in gcp2_questionnaire()["item"] for i in [g, *g["item"]]}
    [response] = [e["resource"] for e in summary["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"]  # type: ignore[index,union-attr]
    answered = {g["linkId"] for g in response["item"]} | {i["linkId"] for g in response["item"] for i in g["item"]}
    assert answered <= defined and len(answered) == 4 + 4 + 13


def test_sharing_again_is_a_new_submission_recorded_as_a_repeat(site: Site, enrolled: Shareable) -> None:
    first = share(enrolled)
    second = share(enrolled)
    assert second.repeat and second.submission_id != first.submission_id
    assert second.decision.repeats == first.decision.id
    summary = opened_summary(site, enrolled, second.submission_id)
    assert first.submission_id in json.dumps(summary)  # the front door can link the two
    assert SyncEngine(enrolled.db).run(send_now=True, time_limit=30).counts.delivered == 2


@pytest.mark.parametrize(
    ("which", "basis", "error", "words"),
    [
        ("draft", BASIS, UsageError, "completed"),
        ("unknown", BASIS, UnknownRecord, "G-nowhere"),
        ("complete", DecisionBasis("public_task", "refused", "  "), UsageError, "say why consent"),
        ("complete", DecisionBasis("consent", "not_sought", "no time"), UsageError, "consent can only"),
        ("complete", DecisionBasis("legitimate_interests", "given", ""), UsageError, "lawful basis"),
    ],
)
def test_what_cannot_be_shared_is_refused_and_changes_nothing(
    enrolled: Shareable, which: str, basis: DecisionBasis, error: type[Exception], words: str
) -> None:
    target = {"draft": enrolled.draft_id, "unknown": "G-nowhere", "complete": enrolled.assessment_id}[which]
    with pytest.raises(error, match=words):
        share(enrolled, basis, target)
    with UnitOfWork(enrolled.db) as uow:
        assert uow.session.scalar(select(func.count()).select_from(SharingDecision)) == 0
        assert uow.session.scalar(select(func.count()).select_from(OutboxItem)) == 0


def test_a_profile_that_never_enrolled_cannot_share(shareable: Shareable) -> None:
    with pytest.raises(NotEnrolled, match="homevisit enrol"):
        share(shareable)


def test_the_decision_and_the_outbox_row_are_written_together_or_not_at_all(
    enrolled: Shareable, monkeypatch: pytest.MonkeyPatch
) -> None:
    share(enrolled)
    with UnitOfWork(enrolled.db) as uow:
        before = (uow.session.scalar(select(func.count()).select_from(RecordId)),
                  uow.session.scalar(select(func.count()).select_from(AuditEvent)))
    monkeypatch.setattr(outbox, "next_seq", lambda uow: 1)  # the outbox insert will fail
    with pytest.raises(Exception, match="UNIQUE|IntegrityError|unique"):
        share(enrolled)
    with UnitOfWork(enrolled.db) as uow:
        assert uow.session.scalar(select(func.count()).select_from(SharingDecision)) == 1
        assert uow.session.scalar(select(func.count()).select_from(OutboxItem)) == 1
        after = (uow.session.scalar(select(func.count()).select_from(RecordId)),
                 uow.session.scalar(select(func.count()).select_from(AuditEvent)))
    assert after == before


def test_history_and_chronology_show_shares_disclosures_and_outcomes(site: Site, enrolled: Shareable) -> None:
    result = share(enrolled)
    SyncEngine(enrolled.db).run(send_now=True, time_limit=30)
    call = datetime(2026, 11, 28, 15, 5, tzinfo=timezone(timedelta(hours=0)))
    with UnitOfWork(enrolled.db) as uow:
        phoned = record_disclosure(
            uow, ACTOR, enrolled.family_id, DecisionBasis("public_task", "given", "Mum agreed"),
            recipient="Family Connect duty desk", shared="Concerns about Ada's weight",
            channel="phone", occurred_at=call, child_id=enrolled.child_id)
        uow.commit()
    assert site.gateway is not None
    store = site.gateway.gateway.store
    [item] = list_inbox(store)
    record_outcome(store, item.reference, "early_help", "Family support worker to call", "amira")
    report = SyncEngine(enrolled.db).run(send_now=False)
    assert report.outcomes_received == 1
    with UnitOfWork(enrolled.db) as uow:
        history = sharing_history(uow, enrolled.family_id, child_id=enrolled.child_id)
        chronology = family_chronology(uow, enrolled.family_id)
    latest, earliest = history
    assert latest.decision.id == result.decision.id and latest.delivery is not None
    assert latest.delivery.state == "delivered" and latest.delivery.receipt_reference == item.reference
    assert [o.decision for o in latest.outcomes] == ["early_help"]
    assert earliest.decision.id == phoned.id and earliest.delivery is None and earliest.outcomes == ()
    events = {r.kind: r for r in chronology if r.kind in ("sharing_decision", "front_door_outcome")}
    assert events["front_door_outcome"].event == f"Front door decision: Early help ({item.reference})"
    assert events["front_door_outcome"].outcome == "Family support worker to call"
    shares = [r for r in chronology if r.kind == "sharing_decision"]
    assert [r.outcome for r in shares] == ["", f"Delivered, reference {item.reference}"]
    assert shares[0].event == "Information shared with Family Connect duty desk (phone call)"
    # Sending again only re-sends what is not delivered; outcomes are kept once.
    assert SyncEngine(enrolled.db).run(send_now=True, time_limit=10).outcomes_received == 0
    with UnitOfWork(enrolled.db) as uow:
        assert [r.state for r in outbox.outbox_rows(uow)] == ["delivered"]
