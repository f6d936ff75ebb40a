"""Killing `homevisit sync` (SIGKILL, mid-run, twice) never loses or duplicates a summary.

300 summaries are queued; `homevisit sync` runs as a real process against a real gateway behind
the test proxy, which slows answers a little and drops some after the gateway committed. The
process is killed while rows are in flight, then run again; in the end every row is delivered
once, the gateway holds each summary once, and every stored receipt verifies.
"""

from __future__ import annotations

import signal
import time

from sqlalchemy import select

from app.profile import unlock_profile
from app.services.outbox import outbox_counts
from app.services.sharing_enrolment import load_identity
from app.storage.models_sharing import OutboxItem
from fcsync.receipts import verify_receipt
from gateway.models import Submission
from tests.e2e.conftest import PASSPHRASE, Cli
from tests.e2e.test_cli_sync import enrol, loaded
from tests.sync.bulk import queue_shares
from tests.sync.conftest import Site, running_site, sync_tls  # noqa: F401 - fixtures `site`, `tls`
from tests.sync.proxy import Fault, random_plan, slow

SUMMARIES = 300


def held(site: Site) -> list[tuple[str, str]]:
    assert site.gateway is not None
    with site.gateway.gateway.store.read() as session:
        return [(sid, digest) for sid, digest in session.execute(
            select(Submission.submission_id, Submission.inner_digest))]


def states(cli: Cli) -> dict[str, int]:
    with unlock_profile(cli.data_dir, PASSPHRASE) as profile, profile.unit_of_work() as uow:
        counts = outbox_counts(uow)
    return {"queued": counts.queued, "sending": counts.sending, "delivered": counts.delivered}


def kill_when(cli: Cli, site: Site, arrived: int) -> None:
    process = cli.popen("sync", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    deadline = time.monotonic() + 120
    while len(held(site)) < arrived and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the sync finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def test_killing_sync_mid_run_never_loses_or_duplicates_a_summary(cli: Cli, site: Site) -> None:
    loaded(cli)
    assert enrol(cli, site).code == 0
    with unlock_profile(cli.data_dir, PASSPHRASE) as profile:
        queued = set(queue_shares(profile.db, "G-done", SUMMARIES))
    site.proxy.plan = slow(random_plan(7, {Fault.PASS: 9, Fault.DROP_AFTER: 1}), 0.02)

    kill_when(cli, site, SUMMARIES // 3)
    first = states(cli)
    assert sum(first.values()) == SUMMARIES and first["sending"] > 0  # killed mid-attempt
    kill_when(cli, site, 2 * SUMMARIES // 3)
    assert sum(states(cli).values()) == SUMMARIES

    site.proxy.plan = random_plan(8, {Fault.PASS: 1})
    finished = cli.run("sync", "--passphrase-stdin")
    assert finished.code == 0, finished.err
    with unlock_profile(cli.data_dir, PASSPHRASE) as profile, profile.unit_of_work() as uow:
        identity = load_identity(uow)
        rows = list(uow.session.execute(select(OutboxItem.submission_id, OutboxItem.inner_digest,
                                               OutboxItem.receipt, OutboxItem.state)))
    assert len(rows) == SUMMARIES and {r.state for r in rows} == {"delivered"}
    for sid, digest, receipt, _ in rows:
        verify_receipt(receipt, pinned_key=identity.receipt_key, expected_submission_id=sid,
                       expected_inner_digest=digest, expected_device_id=identity.device_id)
    gateway = held(site)
    assert len(gateway) == SUMMARIES and {sid for sid, _ in gateway} == queued
    assert set(gateway) == {(sid, digest) for sid, digest, _, _ in rows}
