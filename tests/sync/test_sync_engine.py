"""The sync engine against a real gateway through the fault proxy, one behaviour at a time:
what counts as delivery, what moves a row aside, key rotation, Retry-After, a revoked device,
the schedule, crash leftovers and outcomes coming back."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from app.services import outbox
from app.services.sharing_enrolment import current_enrolment, enrol, load_identity
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import OutboxEnvelope, OutboxItem
from app.sync.engine import SEND_NOW_ATTEMPTS, SyncEngine
from fcsync.keys import generate_sealing_key, key_id, private_key_to_pem
from gateway.keys import write_secret_file
from gateway.models import Submission
from tests.sync.bulk import queue_shares
from tests.sync.conftest import Site
from tests.sync.profile import ACTOR, Shareable
from tests.sync.proxy import Fault, always, first_then


@dataclass(frozen=True)
class Row:
    """An outbox row with its envelope, as stored."""

    state: str
    attempts: int
    last_error: str
    receipt: str | None
    inner_digest: str
    inner_jws: str
    envelope_digest: str
    recipient_key_id: str


def rows(shareable: Shareable) -> dict[str, Row]:
    with UnitOfWork(shareable.db) as uow:
        return {r.submission_id: Row(*r[1:]) for r in uow.session.execute(
            select(OutboxItem.submission_id, OutboxItem.state, OutboxItem.attempts,
                   OutboxItem.last_error, OutboxItem.receipt, OutboxItem.inner_digest,
                   OutboxEnvelope.inner_jws, OutboxEnvelope.envelope_digest,
                   OutboxEnvelope.recipient_key_id)
            .join(OutboxEnvelope, OutboxEnvelope.submission_id == OutboxItem.submission_id))}


def held(site: Site) -> dict[str, tuple[str, str, str]]:
    """What the gateway holds: submission id -> (device id, inner digest, receipt)."""
    assert site.gateway is not None
    with site.gateway.gateway.store.read() as session:
        return {sid: (dev, digest, receipt) for dev, sid, digest, receipt in session.execute(
            select(Submission.device_id, Submission.submission_id, Submission.inner_digest,
                   Submission.receipt))}


def engine(shareable: Shareable, **kwargs: object) -> SyncEngine:
    return SyncEngine(shareable.db, timeout=2.0, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fault", "gateway_holds"), [(Fault.PORTAL, 0), (Fault.BAD_RECEIPT, 1)])
def test_a_portal_page_or_a_forged_receipt_is_never_delivery(
    site: Site, enrolled: Shareable, fault: Fault, gateway_holds: int
) -> None:
    [sid] = queue_shares(enrolled.db, enrolled.assessment_id, 1)
    site.proxy.plan = always(fault)
    report = engine(enrolled).run(send_now=True, time_limit=20)
    row = rows(enrolled)[sid]
    assert (row.state, row.receipt, row.attempts) == ("queued", None, SEND_NOW_ATTEMPTS)
    assert "bad-receipt" in row.last_error and report.counts.queued == 1
    assert len(held(site)) == gateway_holds

    site.proxy.plan = always(Fault.PASS)
    assert engine(enrolled).run(send_now=True, time_limit=20).counts.delivered == 1
    row = rows(enrolled)[sid]
    # After a forged receipt the gateway answers the resend with its original receipt.
    assert row.state == "delivered" and row.receipt == held(site)[sid][2]


def test_a_permanent_failure_needs_action_and_never_blocks_the_rest(site: Site, enrolled: Shareable) -> None:
    ids = queue_shares(enrolled.db, enrolled.assessment_id, 5)
    broken = ids[2]
    with UnitOfWork(enrolled.db) as uow:  # local damage: the outer signature no longer verifies
        envelope = uow.session.get(OutboxEnvelope, broken).envelope  # type: ignore[union-attr]
        damaged = envelope[:-10] + (b"A" if envelope[-10:-9] != b"A" else b"B") + envelope[-9:]
        uow.session.execute(update(OutboxEnvelope).where(OutboxEnvelope.submission_id == broken)
                            .values(envelope=damaged))
        uow.commit()
    report = engine(enrolled).run(send_now=True, time_limit=20)
    assert (report.counts.delivered, report.counts.needs_action) == (4, 1)
    row = rows(enrolled)[broken]
    assert row.state == "needs_action" and "bad-envelope-signature" in row.last_error
    assert row.attempts == 1 and broken not in held(site)

    with UnitOfWork(enrolled.db) as uow:
        assert outbox.send_again(uow, ACTOR, broken).state == "queued"
        uow.commit()
    assert engine(enrolled).run(send_now=False).counts.needs_action == 1  # still damaged


def test_key_rotation_reseals_the_same_signed_summary(site: Site, enrolled: Shareable) -> None:
    ids = queue_shares(enrolled.db, enrolled.assessment_id, 3)
    before = rows(enrolled)
    new_key = generate_sealing_key()
    write_secret_file(site.home / "keys" / "sealing.pem", private_key_to_pem(new_key))
    site.restart()
    report = engine(enrolled).run(send_now=True, time_limit=20)
    assert report.counts.delivered == 3
    after, gateway = rows(enrolled), held(site)
    new_kid = key_id(new_key.public_key())
    for sid in ids:
        # Same inner signed summary, new seal: the gateway holds exactly what was signed.
        assert after[sid].inner_digest == before[sid].inner_digest == gateway[sid][1]
        assert after[sid].inner_jws == before[sid].inner_jws
        assert after[sid].envelope_digest != before[sid].envelope_digest
        assert after[sid].recipient_key_id == new_kid
    with UnitOfWork(enrolled.db) as uow:
        assert load_identity(uow).sealing_key_id == new_kid
    # New shares are sealed to the new key straight away: one request each, no reseal.
    [fresh] = queue_shares(enrolled.db, enrolled.assessment_id, 1)
    requests_before = len(site.proxy.submissions())
    assert engine(enrolled).run(send_now=True, time_limit=20).counts.delivered == 4
    assert rows(enrolled)[fresh].recipient_key_id == new_kid
    assert len(site.proxy.submissions()) - requests_before == 1


def test_retry_after_is_honoured_within_the_run_and_kept_beyond_it(site: Site, enrolled: Shareable) -> None:
    [sid] = queue_shares(enrolled.db, enrolled.assessment_id, 1)
    site.proxy.retry_after = 2
    site.proxy.plan = first_then([Fault.RATE_LIMITED])
    assert engine(enrolled).run(send_now=True, time_limit=20).counts.delivered == 1
    (first, _), (second, _) = site.proxy.submissions()
    assert second - first >= 2.0

    [later] = queue_shares(enrolled.db, enrolled.assessment_id, 1)
    site.proxy.retry_after = 120
    site.proxy.plan = first_then([Fault.RATE_LIMITED])
    started = time.monotonic()
    report = engine(enrolled).run(send_now=True, time_limit=10)
    assert time.monotonic() - started < 8 and report.counts.queued == 1
    with UnitOfWork(enrolled.db) as uow:
        [row] = [r for r in outbox.outbox_rows(uow) if r.submission_id == later]
    assert row.next_attempt_at is not None
    wait = (row.next_attempt_at - datetime.now(timezone.utc)).total_seconds()
    assert 100 < wait <= 120 and "rate-limited" in row.last_error


def test_a_revoked_device_pauses_the_queue_until_enrolled_again(site: Site, enrolled: Shareable) -> None:
    ids = queue_shares(enrolled.db, enrolled.assessment_id, 3)
    with UnitOfWork(enrolled.db) as uow:
        old_device = load_identity(uow).device_id
    assert site.gateway is not None and site.gateway.cli("revoke", old_device) == 0
    report = engine(enrolled).run(send_now=True, time_limit=20)
    assert report.counts.paused == 3 and "revoked" in report.paused
    assert len(site.proxy.submissions()) <= 8  # the first refusal stops the queue

    view = enrol(enrolled.db, ACTOR, site.proxy.base_url, site.enrolment_code(),
                 ca_pem=site.tls.ca_file.read_text())
    assert view.device_id != old_device
    with UnitOfWork(enrolled.db) as uow:
        assert outbox.outbox_counts(uow).queued == 3  # released by enrolling again
    assert engine(enrolled).run(send_now=True, time_limit=20).counts.delivered == 3
    gateway = held(site)
    assert {gateway[sid][0] for sid in ids} == {view.device_id}  # re-signed by the new device


def test_the_background_pass_keeps_the_schedule_and_send_now_ignores_it(site: Site, enrolled: Shareable) -> None:
    [sid] = queue_shares(enrolled.db, enrolled.assessment_id, 1)
    with UnitOfWork(enrolled.db) as uow:
        outbox.mark_retry(uow, sid, error="earlier failure",
                          retry_at=datetime.now().astimezone() + timedelta(hours=1))
        uow.commit()
    assert engine(enrolled).run(send_now=False).attempts == 0
    report = engine(enrolled).run(send_now=True, time_limit=20)
    assert (report.attempts, report.counts.delivered) == (1, 1)


def test_rows_left_sending_by_a_crash_are_resent_and_never_duplicated(site: Site, enrolled: Shareable) -> None:
    ids = queue_shares(enrolled.db, enrolled.assessment_id, 4)
    site.proxy.plan = always(Fault.DROP_AFTER)  # the gateway commits; the app never hears
    engine(enrolled).run(send_now=True, time_limit=20)
    assert set(held(site)) == set(ids) and all(r.state == "queued" for r in rows(enrolled).values())
    with UnitOfWork(enrolled.db) as uow:  # as a process killed mid-attempt leaves them
        outbox.claim(uow, ids, now=datetime.now().astimezone())
        uow.commit()
    assert {r.state for r in rows(enrolled).values()} == {"sending"}
    site.proxy.plan = always(Fault.PASS)
    # A background pass leaves them to whoever may still be sending them, until the lease ends.
    assert engine(enrolled).run(send_now=False).attempts == 0
    later = datetime.now().astimezone() + outbox.LEASE + timedelta(seconds=1)
    assert engine(enrolled, now=lambda: later).run(send_now=False).counts.delivered == 4
    assert len(held(site)) == 4
    assert all(r.receipt == held(site)[sid][2] for sid, r in rows(enrolled).items())


def test_an_unreachable_gateway_leaves_rows_queued_within_seconds(site: Site, enrolled: Shareable) -> None:
    queue_shares(enrolled.db, enrolled.assessment_id, 2)
    site.proxy.stop()
    started = time.monotonic()
    report = engine(enrolled).run(send_now=True, time_limit=60)
    assert time.monotonic() - started < 15
    assert report.counts.queued == 2 and report.delivered == 0
    assert all("could not connect" in r.last_error for r in rows(enrolled).values())
    site.proxy.start()
    assert engine(enrolled).run(send_now=True, time_limit=20).counts.delivered == 2


def test_enrolment_pins_the_gateway_keys_and_copies_the_ca(site: Site, enrolled: Shareable) -> None:
    assert site.gateway is not None
    keys = site.gateway.gateway.keys
    with UnitOfWork(enrolled.db) as uow:
        view = current_enrolment(uow)
        identity = load_identity(uow)
    assert view is not None and view.has_ca and view.label == "test laptop"
    assert identity.receipt_key_id == keys.receipt_key_id
    assert identity.sealing_key_id == keys.sealing_key_id
    assert identity.ca_pem == site.tls.ca_file.read_text()
