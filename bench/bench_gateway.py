"""Gateway throughput: submissions per second accepted on loopback by one instance with SQLite.

Target (issue 7): ≥ 300 accepted submissions/s on loopback by one instance with SQLite. One
`fc-gateway serve` process over TLS on 127.0.0.1 (certificates from trustme), SQLite in its home
with synchronous=FULL (a receipt means committed; submissions that arrive together share a
commit, none is answered before it). The client pre-builds every envelope and request token (the
device's work is not the gateway's), then posts them with 32 requests in flight from 8 enrolled
devices. Afterwards it checks exactly-once: a resend of some answers 200 and the gateway holds
one row per summary.

Run: .venv/bin/python -m bench.run gateway   (about 30 s; prints PASS/FAIL and the ratio)
Knobs (environment): FC_BENCH_PER_DEVICE (250), FC_BENCH_IN_FLIGHT (32), FC_BENCH_WORKERS (1,
`serve --workers`), FC_GATEWAY_WORKER_THREADS (4, the gateway's database threads).
The CPU line is the gateway's user+system time per submission. It is steadier than the rate but
not load-independent: with an idle second core the GIL hand-offs between the event loop and the
database threads cost more, under load less. On a shared machine the rate is a lower bound.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import trustme

from bench.harness import ROOT, Figure, checked_figures, checked_main
from fcsync.envelope import ENVELOPE_MEDIA_TYPE, idempotency_key
from fcsync.tokens import authorization_header, make_request_token
from tests.gateway.device import SimulatedDevice

TARGET_PER_SECOND = 300.0
DEVICES = 8
PER_DEVICE = int(os.environ.get("FC_BENCH_PER_DEVICE", "250"))
IN_FLIGHT = int(os.environ.get("FC_BENCH_IN_FLIGHT", "32"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(home: Path, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "gateway", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return done.stdout


async def _post_all(base: str, context: ssl.SSLContext, jobs: list[tuple[bytes, str, str]]) -> list[int]:
    """Post every job over IN_FLIGHT keep-alive TLS connections with a minimal HTTP/1.1 client.

    Like `wrk`, the load generator is kept light (pre-rendered requests, no client library),
    because on a small machine it shares the CPUs with the gateway it measures.
    """
    port = int(base.rsplit(":", 1)[1].strip("/"))
    queue: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue()
    for index, (envelope, submission_id, token) in enumerate(jobs):
        head = (f"POST /v1/submissions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Authorization: {authorization_header(token)}\r\nContent-Type: {ENVELOPE_MEDIA_TYPE}\r\n"
                f"Idempotency-Key: {idempotency_key(submission_id)}\r\nContent-Length: {len(envelope)}\r\n\r\n")
        queue.put_nowait((index, head.encode("ascii") + envelope))
    statuses = [0] * len(jobs)

    async def connection() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=context, server_hostname="127.0.0.1")
        try:
            while not queue.empty():
                index, request = queue.get_nowait()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:"))
                await reader.readexactly(length)
                statuses[index] = int(head.split(b" ", 2)[1])
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(min(IN_FLIGHT, len(jobs)))))
    return statuses


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its live children so far (Linux /proc), to
    separate our cost from the machine's load: on a shared machine wall-clock throughput
    understates the gateway."""
    total = 0.0
    for proc in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(child) for child in task.read_text().split()]
    return found


def measure() -> tuple[Figure, list[str], bool]:
    """One run: the throughput figure, the explanatory lines, and whether exactly-once held."""
    with tempfile.TemporaryDirectory(prefix="fc-gw-bench-") as temp:
        home, folder = Path(temp) / "gw", Path(temp)
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1")
        cert.private_key_and_cert_chain_pem.write_to_path(str(folder / "cert.pem"))
        cert.private_key_pem.write_to_path(str(folder / "key.pem"))
        context = ssl.create_default_context()
        ca.configure_trust(context)
        _cli(home, "init", "--org", "LA-BENCH", "--name", "Bench Council")
        codes = [_cli(home, "enrolment-code").strip() for _ in range(DEVICES)]
        port = _free_port()
        base = f"https://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "gateway", "--home", str(home), "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", os.environ.get("FC_BENCH_WORKERS", "1"), "--tls-cert", str(folder / "cert.pem"), "--tls-key", str(folder / "key.pem")],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with httpx.Client(verify=context, timeout=30) as client:
                for _ in range(200):
                    try:
                        if client.get(base + "v1/health").status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.05)
                devices = []
                for code in codes:
                    device = SimulatedDevice(base, client)
                    assert device.enrol(code).status_code == 201
                    devices.append(device)
            build_start = time.perf_counter()
            jobs: list[tuple[bytes, str, str]] = []
            first_of: dict[str, tuple[bytes, str]] = {}
            for device in devices:
                for _ in range(PER_DEVICE):
                    sealed = device.seal()
                    token = make_request_token(device.key, device.device_id, method="POST",
                                               url=base + "v1/submissions", body=sealed.envelope, lifetime=300)
                    jobs.append((sealed.envelope, sealed.submission_id, token))
                    first_of.setdefault(device.device_id, (sealed.envelope, sealed.submission_id))
            jobs.sort(key=lambda job: hash(job[1]))  # interleave devices
            built = time.perf_counter() - build_start
            warm, timed = jobs[:64], jobs[64:]
            asyncio.run(_post_all(base, context, warm))
            server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
            start = time.perf_counter()
            statuses = asyncio.run(_post_all(base, context, timed))
            elapsed = time.perf_counter() - start
            server_cpu, client_cpu = _cpu_seconds(server.pid) - server_cpu, time.process_time() - client_cpu
            accepted = statuses.count(201)
            # Exactly once: resending with fresh tokens answers 200 and adds nothing.
            again = asyncio.run(_post_all(base, context, [
                (envelope, sid, make_request_token(device.key, device.device_id, method="POST",
                                                   url=base + "v1/submissions", body=envelope))
                for device in devices for envelope, sid in [first_of[device.device_id]]]))
        finally:
            server.terminate()
            server.wait(timeout=30)
        rows = [json.loads(line) for line in _cli(home, "submissions", "--json").splitlines()]
    rate = accepted / elapsed
    figure = Figure("gateway: submissions accepted per second (SQLite)", rate, TARGET_PER_SECOND, 1.0,
                    unit="/s", higher_is_better=True,
                    note=f"({accepted}/{len(timed)} → 201 in {elapsed:.2f} s; envelopes built in {built:.1f} s)")
    lines = [
        f"      CPU per submission: gateway {server_cpu / len(timed) * 1000:.2f} ms, "
        f"client {client_cpu / len(timed) * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs (the gateway alone could do ≈ {len(timed) / server_cpu:.0f}/s)"
    ]
    once = (again == [200] * DEVICES and len(rows) == len(jobs)
            and len({r["submission_id"] for r in rows}) == len(jobs) and accepted == len(timed))
    lines.append(f"{'PASS' if once else 'FAIL'}  exactly once: resend → {again}, "
                 f"{len(rows)} rows for {len(jobs)} summaries")
    return figure, lines, once


def figures() -> list[Figure]:
    return checked_figures(measure, "gateway")


def main() -> int:
    return checked_main(measure)


if __name__ == "__main__":
    raise SystemExit(main())
