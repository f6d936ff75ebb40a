"""Sync in the background: the sync engine on its own thread, never on the GUI thread.

Why its own thread rather than the database worker or the network pool: a pass holds network
requests for seconds (a slow gateway, a timeout); on the one database worker it would hold up
every screen, and split into DB jobs and network jobs it would need the engine's state machine
re-told in Qt. So the thread runs `SyncEngine` itself. It READS through connections of its own
to the open profile's `Database` (WAL: readers and the writer never wait for each other), but
every WRITE (claim a batch, record a batch of receipts) goes to the GUI's database worker as a
quiet job through `ui.background`, and the sync thread waits for it: SQLite keeps exactly one
writer, so a screen's read-then-write can never be refused because sync committed in between.
The GUI thread only relays that job and hands frozen values back through signals.

A pass runs at unlock (a "send now" pass: everything waiting is tried at once), whenever
`wake()` is called (after a share; "send now" when the network comes back or the practitioner
asks), and otherwise when the earliest waiting row is due (at most `interval` apart).
`stop()` (before locking) never blocks the GUI: it asks the engine to stop and returns; the
profile's key is dropped right after, so the thread can write nothing more. A row it was sending
stays `sending` and is simply sent again later (services/outbox.py says why that is safe).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QObject, Signal

from app.services import outbox, sharing_enrolment
from app.services.sharing_views import OutboxCounts
from app.services.unit_of_work import UnitOfWork
from app.storage.database import Database
from app.sync.engine import SEND_NOW_LIMIT, SyncEngine, SyncReport
from ui.background import Background, ProfileLocked

if TYPE_CHECKING:
    from app.profile import OpenProfile

T = TypeVar("T")
WRITE_WAIT = 120.0  # seconds: longer means the database worker is gone (the app is closing)

log = logging.getLogger(__name__)
STATUS_EVERY = 0.3  # seconds: how often a long pass may update the status bar


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: enrolled or not, the outbox counts, why it is paused."""

    enrolled: bool
    counts: OutboxCounts
    paused: str = ""
    sending_now: bool = False


class _Write:
    """One engine write in flight to the database worker, and the sync thread waiting for it."""

    def __init__(self, work: Callable[[UnitOfWork], Any]) -> None:
        self.work = work
        self.done = threading.Event()
        self.result: Any = None
        self.error: Exception | None = None

    def job(self, profile: OpenProfile) -> Any:
        with profile.unit_of_work() as uow:
            result = self.work(uow)
            uow.commit()
            return result

    def succeeded(self, result: Any) -> None:
        self.result = result
        self.done.set()

    def failed(self, error: Exception) -> None:
        self.error = error
        self.done.set()


class SyncWorker(QObject):
    status = Signal(object)  # SyncStatus, from the sync thread, delivered on the GUI thread
    pass_finished = Signal(object)  # SyncReport
    _write_requested = Signal(object)  # _Write: relayed to the database worker on the GUI thread

    def __init__(self, background: Background, parent: QObject | None = None, *,
                 interval: float = 60.0, timeout: float = 15.0) -> None:
        super().__init__(parent)
        self._background = background
        self._write_requested.connect(self._relay)
        self.interval = interval
        self._timeout = timeout
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._send_now = False
        self._engine: SyncEngine | None = None
        self._last_status = 0.0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, db: Database) -> None:
        """Begin syncing the unlocked profile's outbox (call from the GUI thread)."""
        self.stop()
        self._stop = threading.Event()
        self._wake = threading.Event()
        # The first pass after unlocking tries everything at once: rows a locked (or killed)
        # session left `sending` go now rather than when their lease runs out.
        self._send_now = True
        self._thread = threading.Thread(target=self._loop, args=(db, self._stop, self._wake),
                                        name="homevisit-sync", daemon=True)
        self._thread.start()

    def wake(self, *, send_now: bool = False) -> None:
        """Run a pass now; `send_now` tries every waiting row whatever its schedule."""
        self._send_now = self._send_now or send_now
        self._wake.set()

    def stop(self) -> None:
        """Ask the thread to finish; returns at once (it ends within one request timeout)."""
        self._stop.set()
        self._wake.set()
        engine = self._engine
        if engine is not None:
            engine.stop()

    def join(self, timeout: float) -> bool:
        """Wait for the thread to end (tests and application exit only)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.running

    def _relay(self, write: _Write) -> None:
        """On the GUI thread: queue the write on the database worker (quiet: no busy bar)."""
        self._background.run(write.job, success=write.succeeded, failure=write.failed, quiet=True)

    # -- on the sync thread --------------------------------------------------------------------

    def _write(self, work: Callable[[UnitOfWork], T]) -> T:
        write = _Write(work)
        self._write_requested.emit(write)
        if not write.done.wait(WRITE_WAIT) or self._stop.is_set() and write.error is not None:
            raise ProfileLocked("sync stopped: the profile was locked")
        if write.error is not None:
            raise write.error
        return cast(T, write.result)

    def _read_status(self, db: Database, paused: str = "", sending_now: bool = False) -> SyncStatus:
        with UnitOfWork(db) as uow:
            enrolled = sharing_enrolment.current_enrolment(uow) is not None
            counts = outbox.outbox_counts(uow)
        return SyncStatus(enrolled, counts, paused, sending_now)

    def _progress(self, db: Database) -> None:
        now = time.monotonic()
        if now - self._last_status >= STATUS_EVERY:
            self._last_status = now
            self.status.emit(self._read_status(db, sending_now=True))

    def _next_delay(self, db: Database) -> float:
        with UnitOfWork(db) as uow:
            due = outbox.next_due(uow)
        if due is None:
            return self.interval
        seconds = (due - datetime.now(timezone.utc)).total_seconds()
        return min(max(seconds, 1.0), self.interval)

    def _loop(self, db: Database, stop: threading.Event, wake: threading.Event) -> None:
        engine = SyncEngine(db, timeout=self._timeout, progress=lambda: self._progress(db),
                            writer=self._write)
        self._engine = engine
        while not stop.is_set():
            delay = self.interval
            try:
                status = self._read_status(db)
                self.status.emit(status)
                if status.enrolled and not stop.is_set():
                    send_now, self._send_now = self._send_now, False
                    report: SyncReport = engine.run(send_now=send_now,
                                                    time_limit=SEND_NOW_LIMIT if send_now else None)
                    self.pass_finished.emit(report)
                    self.status.emit(self._read_status(db, paused=report.paused))
                    delay = self._next_delay(db)
            except Exception as error:  # noqa: BLE001 - the thread must survive (and say nothing personal)
                if stop.is_set():
                    break  # the profile was locked under us: nothing more to do
                log.warning("sync pass failed with %s", type(error).__name__)
            wake.wait(delay)
            wake.clear()
        self._engine = None
