"""The sync engine: sends the outbox and fetches outcomes, without ever losing or duplicating.

One coordinating thread (the caller's) owns every database write; a small pool of sending threads
does network and crypto only (`delivery.deliver`). For each row: claim it (`sending`, committed),
hand it to a sending thread, then record the verdict — delivered with its verified receipt,
retry later (full-jitter backoff, or the gateway's Retry-After), needs action (permanent for this
row; the rest carry on), or pause the whole queue (revoked or unknown device, app too old).

Two ways to run (`run`):
- background pass (`send_now=False`): each row that is due is tried once; failures get their next
  time in `next_attempt_utc`. The GUI's sync thread calls this whenever something may have changed.
- send now (`send_now=True`, `homevisit sync`): every undelivered row is tried at once whatever its
  schedule, and retried within the run (short backoff, Retry-After honoured, at most
  SEND_NOW_ATTEMPTS tries a row) while the time limit allows; what is left keeps a schedule.
A killed process leaves claimed rows `sending`; any later run resends them (see services/outbox).
"""

from __future__ import annotations

import heapq
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol, TypeVar

from sqlalchemy.exc import OperationalError

from app.services import outbox, sharing_enrolment
from app.services.outbox import OutboxSend
from app.services.sharing_outcomes import store_outcomes
from app.services.sharing_views import OutboxCounts
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.sync.backoff import BACKGROUND, SEND_NOW, Backoff
from app.sync.delivery import AttemptResult, GatewayClock, GatewayKeys, deliver
from app.sync.identity import DeviceIdentity
from app.sync.outcomes import fetch_outcomes
from app.sync.transport import GatewayTransport
from app.sync.verdicts import Delivered, NeedsAction, PauseQueue, RetryLater

T = TypeVar("T")


class Writer(Protocol):
    """Runs `work` in one committed unit of work and returns its result."""

    def __call__(self, work: Callable[[UnitOfWork], T]) -> T: ...

SEND_NOW_LIMIT = 60.0  # seconds: the contract's limit for `homevisit sync`
# "Send now" tries a row at most this often per run: enough to ride out a dropped connection or
# a proxy's hiccup, few enough that an offline laptop hears "not delivered" in seconds.
SEND_NOW_ATTEMPTS = 3
_WRITE_RETRIES = 5


@dataclass(frozen=True)
class SyncReport:
    counts: OutboxCounts
    delivered: int = 0  # rows delivered by this run
    attempts: int = 0
    outcomes_received: int = 0
    outcomes_ignored: int = 0
    paused: str = ""  # why the queue is paused, if it is
    notes: tuple[str, ...] = ()  # plain words about anything else that went wrong


@dataclass
class _Run:
    identity: DeviceIdentity
    send_now: bool
    deadline: float | None
    candidates: deque[str]
    waiting: list[tuple[float, int, str]] = field(default_factory=list)  # (ready at, tie, id)
    in_flight: dict[Future[AttemptResult], tuple[str, int]] = field(default_factory=dict)  # id, attempts
    tries: dict[str, int] = field(default_factory=dict)  # attempts per row in this run
    claimed: deque[OutboxSend] = field(default_factory=deque)  # claimed, not yet handed out
    delivered: int = 0
    attempts: int = 0
    paused: str = ""

    def time_left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()


class SyncEngine:
    """Sends one profile's outbox. `transport_factory` and `now` are seams for tests; `progress`
    lets a status display follow a long pass (it runs on the engine's coordinating thread);
    `writer` hands every write to the GUI's database worker, so SQLite keeps one writer there."""

    def __init__(
        self,
        db: Database,
        *,
        concurrency: int = 8,
        timeout: float = 30.0,
        transport_factory: Callable[[DeviceIdentity], GatewayTransport] | None = None,
        now: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
        progress: Callable[[], None] | None = None,
        writer: Writer | None = None,
    ) -> None:
        self._db = db
        self._writer = writer
        self._progress = progress or (lambda: None)  # called after each claim and each result batch
        self._concurrency = max(1, concurrency)
        self._timeout = timeout
        self._transport_factory = transport_factory or self._default_transport
        self._now = now or (lambda: datetime.now().astimezone())
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        self._clock = GatewayClock()
        self._stop = threading.Event()

    def _default_transport(self, identity: DeviceIdentity) -> GatewayTransport:
        return GatewayTransport(identity.gateway_url, identity.ca_pem, timeout=self._timeout,
                                connections=self._concurrency)

    def stop(self) -> None:
        """Ask a running `run` to finish its attempts in flight and return (thread-safe)."""
        self._stop.set()

    def _write(self, work: Callable[[UnitOfWork], T]) -> T:
        """One committed transaction: through the `writer` when given (the GUI's database
        worker, its one writer), else here, retried while another process holds the database."""
        if self._writer is not None:
            return self._writer(work)
        for attempt in range(_WRITE_RETRIES):
            try:
                with UnitOfWork(self._db) as uow:
                    result = work(uow)
                    uow.commit()
                    return result
            except OperationalError:
                if attempt == _WRITE_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def counts(self) -> OutboxCounts:
        with UnitOfWork(self._db) as uow:
            return outbox.outbox_counts(uow)

    def run(self, *, send_now: bool, time_limit: float | None = None,
            with_outcomes: bool = True) -> SyncReport:
        self._stop.clear()
        with UnitOfWork(self._db) as uow:
            identity = sharing_enrolment.load_identity(uow)
            candidates = outbox.eligible_ids(uow, now=self._now(), send_now=send_now)
        deadline = None if time_limit is None else time.monotonic() + time_limit
        run = _Run(identity, send_now, deadline, deque(candidates))
        notes: list[str] = []
        received = ignored = 0
        transport = self._transport_factory(identity)
        try:
            keys = GatewayKeys(transport, identity)
            with ThreadPoolExecutor(self._concurrency, thread_name_prefix="homevisit-sync") as pool:
                self._send_all(run, pool, transport, keys)
            if with_outcomes and not run.paused and run.time_left() > 1 and not self._stop.is_set():
                received, ignored, note = self._outcomes(run.identity, transport)
                if note:
                    notes.append(note)
        finally:
            transport.close()
        return SyncReport(self.counts(), run.delivered, run.attempts, received, ignored, run.paused,
                          tuple(notes))

    # -- sending -------------------------------------------------------------------------------

    def _ready_ids(self, run: _Run, slots: int) -> list[str]:
        chosen: list[str] = []
        now = time.monotonic()
        while run.waiting and run.waiting[0][0] <= now and len(chosen) < slots:
            chosen.append(heapq.heappop(run.waiting)[2])
        while run.candidates and len(chosen) < slots:
            chosen.append(run.candidates.popleft())
        return chosen

    def _request_timeout(self, run: _Run) -> float | None:
        left = run.time_left()
        return None if left >= self._timeout else max(left, 1.0)

    def _stopping(self, run: _Run) -> bool:
        return bool(run.paused) or self._stop.is_set() or run.time_left() <= 0

    def _hand_out(self, run: _Run, pool: ThreadPoolExecutor, transport: GatewayTransport,
                  keys: GatewayKeys) -> None:
        """Fill the free sending slots, claiming rows in batches ahead of need (fewer commits)."""
        free = self._concurrency - len(run.in_flight)
        if free <= 0:
            return
        if len(run.claimed) < free:
            ids = self._ready_ids(run, 2 * self._concurrency - len(run.claimed))
            if ids:
                run.claimed.extend(self._write(partial(outbox.claim, submission_ids=ids, now=self._now())))
                self._progress()
        while run.claimed and len(run.in_flight) < self._concurrency:
            row = run.claimed.popleft()
            run.attempts += 1
            run.tries[row.submission_id] = run.tries.get(row.submission_id, 0) + 1
            future = pool.submit(deliver, row, run.identity, transport, self._clock, keys,
                                 self._request_timeout(run))
            run.in_flight[future] = (row.submission_id, row.attempts)

    def _send_all(self, run: _Run, pool: ThreadPoolExecutor, transport: GatewayTransport,
                  keys: GatewayKeys) -> None:
        while True:
            if not self._stopping(run):
                self._hand_out(run, pool, transport, keys)
            if not run.in_flight:
                if self._stopping(run) or not (run.candidates or run.waiting or run.claimed):
                    if run.claimed and not run.paused:
                        unsent = [row.submission_id for row in run.claimed]
                        self._write(partial(outbox.release, submission_ids=unsent))
                    run.claimed.clear()
                    return
                if not (run.candidates or run.claimed):  # only in-run retries left: sleep till due
                    pause = min(run.waiting[0][0] - time.monotonic(), run.time_left(), 0.5)
                    time.sleep(max(pause, 0.0))
                continue
            done, _ = wait(list(run.in_flight), timeout=0.5, return_when=FIRST_COMPLETED)
            if done:
                self._settle(run, [(future, run.in_flight.pop(future)) for future in done])

    @staticmethod
    def _result(future: Future[AttemptResult], sid: str) -> AttemptResult:
        try:
            return future.result()
        except Exception as error:  # noqa: BLE001 - a bug in one attempt must not lose the row
            return AttemptResult(sid, RetryLater(f"internal error ({type(error).__name__})"))

    def _settle(self, run: _Run, finished: list[tuple[Future[AttemptResult], tuple[str, int]]]) -> None:
        """Decide what each finished attempt means (updating the run once), then write it all
        in one transaction; the writes are safe to repeat if the database was busy."""
        now = self._now()
        writes: list[Callable[[UnitOfWork], object]] = []
        receipts = []
        for future, (sid, attempts) in finished:
            result = self._result(future, sid)
            verdict = result.verdict
            if result.rebuilt is not None:
                writes.append(partial(outbox.store_rebuilt, submission_id=sid, rebuilt=result.rebuilt))
            if result.new_sealing_key is not None:
                kid, key = result.new_sealing_key
                run.identity = run.identity.with_sealing_key(key, kid)
                writes.append(partial(sharing_enrolment.store_sealing_key, identity=run.identity))
            if isinstance(verdict, Delivered):
                receipts.append(verdict.receipt)
            elif isinstance(verdict, NeedsAction):
                writes.append(partial(outbox.mark_needs_action, submission_id=sid, error=verdict.reason))
            elif isinstance(verdict, PauseQueue):
                run.paused = verdict.reason
                run.candidates.clear()
                run.waiting.clear()
            else:  # RetryLater; NewToken and Reseal are settled inside the attempt
                retry = verdict if isinstance(verdict, RetryLater) else RetryLater(verdict.reason)
                at = now + timedelta(seconds=self._retry_delay(run, sid, attempts, retry))
                writes.append(partial(outbox.mark_retry, submission_id=sid, error=retry.reason, retry_at=at))
        writes.append(partial(outbox.mark_delivered, receipts=receipts, now=now))
        if run.paused:  # after the rest, so rows answered in the same batch are paused too
            writes.append(partial(outbox.pause_queue, error=run.paused))
        run.delivered += len(receipts)

        def write_all(uow: UnitOfWork) -> None:
            for write in writes:
                write(uow)

        self._write(write_all)
        self._progress()

    def _retry_delay(self, run: _Run, sid: str, attempts: int, verdict: RetryLater) -> float:
        """Seconds until the row's next try; within "send now", queue it for this run if it fits."""
        policy: Backoff = SEND_NOW if run.send_now else BACKGROUND
        delay = verdict.retry_after if verdict.retry_after is not None else policy.delay(attempts, self._rng)
        if (run.send_now and not run.paused and delay < run.time_left()
                and run.tries.get(sid, 0) < SEND_NOW_ATTEMPTS):
            heapq.heappush(run.waiting, (time.monotonic() + delay, attempts, sid))
        elif run.send_now and verdict.retry_after is None:
            # Left over from "send now": the background worker takes it on its own schedule.
            delay = BACKGROUND.delay(attempts, self._rng)
        return delay

    # -- outcomes ------------------------------------------------------------------------------

    def _outcomes(self, identity: DeviceIdentity, transport: GatewayTransport) -> tuple[int, int, str]:
        with UnitOfWork(self._db) as uow:
            cursor = sharing_enrolment.outcomes_cursor(uow)
        fetched = fetch_outcomes(transport, identity, self._clock, cursor)

        def keep(uow: UnitOfWork) -> int:
            added = store_outcomes(uow, fetched.outcomes, now=self._now())
            sharing_enrolment.store_outcomes_cursor(uow, fetched.cursor)
            return added

        added = self._write(keep)
        return added, fetched.ignored, fetched.problem

