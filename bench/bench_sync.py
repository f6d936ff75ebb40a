"""Sync throughput: 1,000 queued summaries delivered to a gateway on loopback, exactly once.

Target (ARCHITECTURE.md, issue 8): ≥ 100 summaries/s. One `fc-gateway serve` process over TLS on
127.0.0.1 (trustme certificates, SQLite, synchronous=FULL); the desktop side is the real code: a
SQLCipher profile enrolled through `app.services.sharing_enrolment.enrol`, 1,000 shares queued
in its outbox (`tests/sync/bulk.py`: sealed and signed like `share_assessment`), then one
`SyncEngine.run(send_now=True)` — what `homevisit sync` does — timed from start to the last
receipt recorded. Every row must end `delivered` with a receipt that verifies, and the gateway
must hold exactly 1,000 submissions.

Run: .venv/bin/python -m bench.bench_sync   (about 20–30 s; prints PASS/FAIL and the ratio)
Knob: FC_BENCH_SYNC_SUMMARIES (1000), FC_BENCH_SYNC_CONCURRENCY (8 requests in flight).
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import trustme
from sqlalchemy import select

from app.services.sharing_enrolment import enrol, load_identity
from app.services.unit_of_work import UnitOfWork
from app.storage.models_sharing import OutboxItem
from app.sync.engine import SyncEngine
from bench.bench_gateway import _cli, _cpu_seconds, _free_port
from bench.harness import ROOT, Figure, checked_figures, checked_main
from fcsync.receipts import verify_receipt
from tests.sync.bulk import queue_shares
from tests.sync.profile import ACTOR, build_profile

TARGET_PER_SECOND = 100.0
SUMMARIES = int(os.environ.get("FC_BENCH_SYNC_SUMMARIES", "1000"))
CONCURRENCY = int(os.environ.get("FC_BENCH_SYNC_CONCURRENCY", "8"))
WARM_UP = 16


def _wait_healthy(base: str, context: ssl.SSLContext) -> None:
    with httpx.Client(verify=context, timeout=5) as client:
        for _ in range(400):
            try:
                if client.get(base + "v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise RuntimeError("the gateway did not start")


def measure() -> tuple[Figure, list[str], bool]:
    with tempfile.TemporaryDirectory(prefix="fc-sync-bench-") as temp:
        folder = Path(temp)
        home = folder / "gw"
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1")
        cert.private_key_and_cert_chain_pem.write_to_path(str(folder / "cert.pem"))
        cert.private_key_pem.write_to_path(str(folder / "key.pem"))
        ca_pem = ca.cert_pem.bytes().decode("ascii")
        context = ssl.create_default_context(cadata=ca_pem)
        _cli(home, "init", "--org", "LA-BENCH", "--name", "Bench Council")
        code = _cli(home, "enrolment-code").strip()
        port = _free_port()
        base = f"https://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "gateway", "--home", str(home), "serve", "--host", "127.0.0.1",
             "--port", str(port), "--tls-cert", str(folder / "cert.pem"),
             "--tls-key", str(folder / "key.pem")],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        profile = build_profile(folder / "homevisit.db")
        db = profile.db
        try:
            _wait_healthy(base, context)
            enrol(db, ACTOR, base, code, ca_pem=ca_pem, label="bench laptop")
            engine = SyncEngine(db, concurrency=CONCURRENCY)
            queue_shares(db, profile.assessment_id, WARM_UP)
            engine.run(send_now=True, time_limit=60, with_outcomes=False)  # connections, caches
            built = time.perf_counter()
            queue_shares(db, profile.assessment_id, SUMMARIES)
            built = time.perf_counter() - built
            server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
            start = time.perf_counter()
            report = engine.run(send_now=True, time_limit=120, with_outcomes=False)
            elapsed = time.perf_counter() - start
            server_cpu, client_cpu = _cpu_seconds(server.pid) - server_cpu, time.process_time() - client_cpu
            with UnitOfWork(db) as uow:
                identity = load_identity(uow)
                rows = list(uow.session.execute(select(OutboxItem.submission_id, OutboxItem.inner_digest,
                                                       OutboxItem.receipt, OutboxItem.state)))
        finally:
            server.terminate()
            server.wait(timeout=30)
            db.close()
        held = [json.loads(line) for line in _cli(home, "submissions", "--json").splitlines()]
    verified = 0
    for sid, digest, receipt, state in rows:
        if state == "delivered" and receipt:
            verify_receipt(receipt, pinned_key=identity.receipt_key, expected_submission_id=sid,
                           expected_inner_digest=digest, expected_device_id=identity.device_id)
            verified += 1
    total = SUMMARIES + WARM_UP
    rate = report.delivered / elapsed
    figure = Figure("sync: queued summaries delivered per second", rate, TARGET_PER_SECOND, 1.0,
                    unit="/s", higher_is_better=True,
                    note=f"({report.delivered}/{SUMMARIES} in {elapsed:.2f} s, {report.attempts} attempts, "
                         f"{CONCURRENCY} in flight; queued in {built:.1f} s)")
    once = (verified == total and len(held) == total
            and len({r["submission_id"] for r in held}) == total and report.attempts == SUMMARIES)
    lines = [
        f"      CPU per summary: app {client_cpu / SUMMARIES * 1000:.2f} ms, gateway "
        f"{server_cpu / SUMMARIES * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs",
        f"{'PASS' if once else 'FAIL'}  exactly once: {verified} receipts verified, gateway holds "
        f"{len(held)} rows for {total} summaries",
    ]
    return figure, lines, once


def figures() -> list[Figure]:
    return checked_figures(measure, "sync")


def main() -> int:
    return checked_main(measure)


if __name__ == "__main__":
    raise SystemExit(main())
