"""1,000 summaries through a hostile network end delivered exactly once, every receipt verified.

Between the app and a real gateway (uvicorn, loopback TLS) sits the fault-injecting proxy:
connections refused, timeouts before and after the gateway committed, 500s before and after,
connections dropped after the gateway committed (so the app never sees the receipt), 200s with a
captive portal's page, receipts whose signature does not verify — and the gateway is restarted
mid-queue. `homevisit sync`'s engine keeps sending until every row is delivered.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from app.services.outbox import outbox_counts
from app.services.sharing_enrolment import load_identity
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import OutboxItem
from app.sync.engine import SyncEngine
from fcsync.receipts import verify_receipt
from gateway.models import Submission
from tests.sync.bulk import queue_shares
from tests.sync.conftest import Site
from tests.sync.profile import Shareable
from tests.sync.proxy import Fault, random_plan

SUMMARIES = 1000
REFUSALS = 6
WEIGHTS = {  # per submission request; about one in six meets a fault
    Fault.PASS: 100,
    Fault.ERROR_BEFORE: 3,
    Fault.ERROR_AFTER: 3,
    Fault.DROP_BEFORE: 2,
    Fault.DROP_AFTER: 4,
    Fault.HANG_BEFORE: 1,
    Fault.HANG_AFTER: 1,
    Fault.PORTAL: 3,
    Fault.BAD_RECEIPT: 4,
}


def _gateway_rows(site: Site) -> list[tuple[str, str, str]]:
    assert site.gateway is not None
    with site.gateway.gateway.store.read() as session:
        return [tuple(r) for r in session.execute(
            select(Submission.device_id, Submission.submission_id, Submission.inner_digest))]


def test_a_thousand_summaries_arrive_exactly_once_through_every_fault(
    site: Site, enrolled: Shareable
) -> None:
    queued = set(queue_shares(enrolled.db, enrolled.assessment_id, SUMMARIES))
    site.proxy.hang_seconds = 1.0
    site.proxy.plan = random_plan(20261129, WEIGHTS)
    engine = SyncEngine(enrolled.db, concurrency=8, timeout=0.6)
    started = time.monotonic()
    disturbances_done = threading.Event()

    def delivered() -> int:
        with UnitOfWork(enrolled.db) as uow:
            return outbox_counts(uow).delivered

    def disturb() -> None:
        # Refusal windows while the queue drains, and one gateway restart once 40% arrived.
        while site.restarts == 0 or site.proxy.refusals < REFUSALS:
            time.sleep(0.5)
            if site.proxy.refusals < REFUSALS:
                site.proxy.refuse(0.3)
            if site.restarts == 0 and delivered() >= SUMMARIES * 0.4:
                site.restart()
            if time.monotonic() - started > 90:
                return
        disturbances_done.set()

    thread = threading.Thread(target=disturb, daemon=True)
    thread.start()
    reports = []
    for _ in range(8):  # each `homevisit sync` run is bounded (3 tries a row); a few runs drain the rest
        reports.append(engine.run(send_now=True, time_limit=60))
        if reports[-1].counts.delivered == SUMMARIES:
            break
    thread.join(timeout=30)
    elapsed = time.monotonic() - started

    with UnitOfWork(enrolled.db) as uow:
        identity = load_identity(uow)
        counts = outbox_counts(uow)
        rows = list(uow.session.execute(
            select(OutboxItem.submission_id, OutboxItem.inner_digest, OutboxItem.receipt,
                   OutboxItem.state, OutboxItem.attempts)))
    assert counts.delivered == SUMMARIES and counts.undelivered == 0, (counts, reports)
    # Every receipt verifies with the pinned key and matches its own row.
    for sid, digest, receipt, state, _attempts in rows:
        assert state == "delivered" and receipt is not None
        verify_receipt(receipt, pinned_key=identity.receipt_key, expected_submission_id=sid,
                       expected_inner_digest=digest, expected_device_id=identity.device_id)
    # The gateway holds each summary exactly once, with the same content the device signed.
    held = _gateway_rows(site)
    assert len(held) == SUMMARIES
    assert {sid for _, sid, _ in held} == queued
    assert {(sid, digest) for _, sid, digest in held} == {(sid, d) for sid, d, *_ in rows}
    # The faults really happened (and were survived), including after-commit ones.
    applied = site.proxy.applied
    for fault in WEIGHTS:
        assert applied[fault] > 0, (fault, applied)
    assert site.proxy.refusals == REFUSALS and site.restarts == 1 and disturbances_done.is_set()
    attempts = sum(r[4] for r in rows)
    assert attempts > SUMMARIES  # retries happened ...
    print(f"\n{SUMMARIES} delivered exactly once in {elapsed:.1f} s over {attempts} attempts; "
          f"faults: { {f.name: n for f, n in applied.items()} }; runs: {len(reports)}; "
          f"gateway stops took {site.stop_seconds}")
