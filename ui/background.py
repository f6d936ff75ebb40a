"""The one way the GUI gets work done off its thread: a single database worker.

SQLite has one writer, so every database job — unlock included (Argon2id takes ~0.4 s) — runs in
order on one QThread that holds the open profile. A job is `fn(profile) -> result`; its result or
failure comes back on the GUI thread through a Signal and is handed to the caller's callbacks.
After a successful change operation one typed `changed` signal carries a `Changes` value so that
views refresh only what they show. A busy indicator is asked for only when work has been pending
for ~600 ms, so quick jobs never flicker. Network work (later: sync) gets its own small pool so a
slow gateway never queues behind, or in front of, the database.

Widgets must never call services or open the database themselves; `ui.operations` holds the jobs.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)

from app.errors import HomeVisitError
from ui.changes import Changes

if TYPE_CHECKING:
    from app.profile import OpenProfile

T = TypeVar("T")
Job = Callable[["OpenProfile"], T]
Success = Callable[[Any], None]
Failure = Callable[[Exception], None]

PROGRESS_DELAY_MS = 600
WORKER_NICENESS = 5
GIL_SWITCH_INTERVAL_S = 0.001
GUI_CATCH_UP_S = 0.25  # the longest the worker waits for the GUI to show a result
# Posted below UpdateRequest's own priority (low), so it is handled after pending paints.
_CAUGHT_UP = QEvent.Type(QEvent.registerEventType())
_AFTER_PAINTS = int(Qt.EventPriority.LowEventPriority.value) - 1
log = logging.getLogger(__name__)


class ProfileLocked(HomeVisitError):
    """A job arrived while the profile is locked (its key and engine dropped)."""


def describe_failure(error: BaseException) -> str:
    """One sentence for the practitioner. Unexpected errors may hold case data: not shown."""
    if isinstance(error, HomeVisitError):
        # The core writes CLI-style lines ("the passphrase is not correct"); a window shows
        # them as sentences.
        text = error.message.strip()
        text = text[:1].upper() + text[1:]
        return text if text.endswith((".", "!", "?")) else text + "."
    return QCoreApplication.translate(
        "Background",
        "Something unexpected went wrong. Please try again; if it keeps happening, "
        "tell your IT support.",
    )


@dataclass
class _Pending:
    success: Success | None
    failure: Failure | None
    changes: Changes | Callable[[Any], Changes] | None
    quiet: bool


class _DbThread(QThread):
    """Runs queued tasks one after another; owns the open profile (touched only on this thread)."""

    finished_task = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("homevisit-db-worker")
        self._tasks: queue.SimpleQueue[tuple[int, Callable[[], object]] | None] = (
            queue.SimpleQueue()
        )
        self.profile: OpenProfile | None = None
        # Set once the GUI thread has handled the last result and painted what it changed.
        self.gui_caught_up = threading.Event()
        self.gui_caught_up.set()
        self.stopping = False

    def submit(self, number: int, task: Callable[[], object]) -> None:
        self._tasks.put((number, task))

    def stop(self) -> None:
        self.stopping = True  # at exit nobody paints: no more waiting for the GUI
        self.gui_caught_up.set()
        self._tasks.put(None)

    def run(self) -> None:
        _yield_to_the_gui_thread()
        while True:
            item = self._tasks.get()
            if item is None:
                return
            # The next job waits until the GUI thread has shown the last result. On a two-core
            # laptop a job running while a result is painted stretches that paint (the GIL and
            # the CPU are shared): a caseload painted while its concerns load took twice as
            # long. A GUI thread busy elsewhere delays a job by at most GUI_CATCH_UP_S.
            self.gui_caught_up.wait(GUI_CATCH_UP_S)
            number, task = item
            try:
                result: object = task()
                ok = True
            except Exception as error:  # delivered to the caller's failure callback
                if not isinstance(error, HomeVisitError):
                    # Type only: the message of an unexpected error may quote case data.
                    log.error("background job failed with %s", type(error).__name__)
                result, ok = error, False
            if not self.stopping:
                self.gui_caught_up.clear()
            self.finished_task.emit(number, ok, result)


def _yield_to_the_gui_thread() -> None:
    """Run this thread at a lower CPU priority than the GUI thread (Linux: per-thread nice).

    When the machine is busy, the scheduler then wakes the GUI thread first; Qt's own thread
    priorities are ignored by Linux's default scheduler. Elsewhere this is a no-op.
    """
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)


class _NetworkSignals(QObject):
    finished_task = Signal(int, bool, object)


class _NetworkTask(QRunnable):
    def __init__(self, number: int, fn: Callable[[], object], signals: _NetworkSignals) -> None:
        super().__init__()
        self._number, self._fn, self._signals = number, fn, signals

    def run(self) -> None:
        try:
            result, ok = self._fn(), True
        except Exception as error:
            result, ok = error, False
        self._signals.finished_task.emit(self._number, ok, result)


class Background(QObject):
    """Queue database jobs and get their outcomes back on the GUI thread."""

    changed = Signal(object)  # Changes, after every successful change operation
    busy = Signal(bool)  # True once work has been pending ~600 ms; False when it is all done
    failed = Signal(str)  # a failure no caller handled, as one sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._visible = 0
        self._showing_busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(PROGRESS_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        # The worker's Python shares the GIL with the GUI thread. At the default 5 ms switch
        # interval every slot the GUI thread runs can wait up to 5 ms for it, and a screen
        # update runs many slots; 1 ms bounds those waits without costing the worker much.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        self._thread = _DbThread()
        self._thread.finished_task.connect(self._deliver)
        self._thread.start()
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(2)
        self._network_signals = _NetworkSignals(self)
        self._network_signals.finished_task.connect(self._deliver_result)
        self.unlocked = False  # GUI-side view of whether a profile is open

    # -- database jobs -------------------------------------------------------------------

    def run(
        self,
        job: Job[T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Failure | None = None,
        changes: Changes | Callable[[T], Changes] | None = None,
        quiet: bool = False,
    ) -> None:
        """Queue `job(profile)` on the database worker. `quiet` jobs (autosave) never show busy."""
        worker = self._thread

        def task() -> object:
            if worker.profile is None:
                raise ProfileLocked("the profile is locked; unlock it to continue")
            return job(worker.profile)

        self._submit(task, _Pending(success, failure, changes, quiet))

    def open_profile(
        self,
        opener: Callable[[], OpenProfile],
        *,
        success: Callable[[OpenProfile], None] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Unlock (or create) on the worker; the profile then stays there until `close_profile`."""
        worker = self._thread

        def task() -> object:
            if worker.profile is not None:
                worker.profile.close()
                worker.profile = None
            worker.profile = opener()
            return worker.profile

        def opened(profile: OpenProfile) -> None:
            self.unlocked = True
            if success is not None:
                success(profile)

        self._submit(task, _Pending(opened, failure, None, False))

    def prepare(self, fn: Callable[[], T], *, success: Callable[[T], None] | None = None) -> None:
        """Quietly run work that needs no profile on the worker: loading the core's modules
        after the first window is up, so start-up shows a window before SQLAlchemy loads."""
        self._submit(fn, _Pending(success, None, None, True))

    def close_profile(self, *, success: Callable[[None], None] | None = None) -> None:
        """Drop the key and engine (after every job queued before this one has run)."""
        worker = self._thread
        self.unlocked = False

        def task() -> object:
            profile, worker.profile = worker.profile, None
            if profile is not None:
                profile.close()
            return None

        self._submit(task, _Pending(success, None, None, True))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Close the profile, finish queued work and stop the worker (at application exit)."""
        if not self._thread.isRunning():
            return
        self.close_profile()
        self._thread.stop()
        self._thread.wait(timeout_ms)
        self._network.waitForDone(timeout_ms)

    # -- network jobs (sync, later) --------------------------------------------------------

    def run_network(
        self,
        fn: Callable[[], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Failure | None = None,
    ) -> None:
        number = next(self._numbers)
        self._track(number, _Pending(success, failure, None, True))
        self._network.start(_NetworkTask(number, fn, self._network_signals))

    # -- delivery on the GUI thread ---------------------------------------------------------

    @property
    def pending(self) -> int:
        return len(self._pending)

    def _submit(self, task: Callable[[], object], pending: _Pending) -> None:
        number = next(self._numbers)
        self._track(number, pending)
        # Whatever asked for this job has usually just changed the screen too (a page shown,
        # a list cleared): the job starts once that is painted.
        self._thread.gui_caught_up.clear()
        self._thread.submit(number, task)
        self._after_paints()

    def _after_paints(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_CAUGHT_UP), _AFTER_PAINTS)

    def _track(self, number: int, pending: _Pending) -> None:
        self._pending[number] = pending
        if not pending.quiet:
            self._visible += 1
            if self._visible == 1 and not self._showing_busy:
                self._busy_timer.start()

    def _show_busy(self) -> None:
        if self._visible > 0:
            self._showing_busy = True
            self.busy.emit(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == _CAUGHT_UP:
            self._thread.gui_caught_up.set()
            return True
        return super().event(event)

    def _deliver(self, number: int, ok: bool, result: object) -> None:
        try:
            self._deliver_result(number, ok, result)
        finally:
            self._after_paints()  # the worker goes on once the callbacks' paints are done

    def _deliver_result(self, number: int, ok: bool, result: object) -> None:
        pending = self._pending.pop(number, None)
        if pending is None:
            return
        if not pending.quiet:
            self._visible -= 1
            if self._visible == 0:
                self._busy_timer.stop()
                if self._showing_busy:
                    self._showing_busy = False
                    self.busy.emit(False)
        if not ok:
            assert isinstance(result, Exception)
            if pending.failure is not None:
                pending.failure(result)
            else:
                self.failed.emit(describe_failure(result))
            return
        if pending.success is not None:
            pending.success(result)
        changes = pending.changes(result) if callable(pending.changes) else pending.changes
        if changes is not None and not changes.empty:
            self.changed.emit(changes)
