"""When Python's full garbage collection may run: only while nobody is typing.

A full (generation 2) collection stops every Python thread while it walks all objects: with a
caseload loaded that was measured at 75-110 ms, long enough to freeze the window mid-keystroke
if it starts by chance while the DB worker builds a result. So, while the app runs, automatic
collection is limited to the young generations (cheap, a few ms at most) and the full one is
run here instead: after the practitioner has been idle a few seconds with no database work
pending, at most once a minute, and straight after locking. Objects made at start-up are moved
out of the collector's way (`gc.freeze`). `restore()` puts the previous settings back.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

YOUNG_ONLY_THRESHOLD = 1_000_000  # young collections before an automatic full one: never
CHECK_MS = 2_000
QUIET_SECONDS = 5.0
MIN_GAP_SECONDS = 60.0


class IdleCollector(QObject):
    def __init__(
        self,
        seconds_idle: Callable[[], float],
        work_pending: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._seconds_idle = seconds_idle
        self._work_pending = work_pending
        self._previous = gc.get_threshold()
        self._last_full = time.monotonic()
        self._active = False
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self._maybe_collect)

    def start(self) -> None:
        if self._active:
            return
        self._active = True
        gc.collect()
        gc.freeze()  # what start-up made lives as long as the app: never scan it again
        young, middle, _full = self._previous
        gc.set_threshold(young, middle, YOUNG_ONLY_THRESHOLD)
        self._timer.start()

    def restore(self) -> None:
        if not self._active:
            return
        self._active = False
        self._timer.stop()
        gc.set_threshold(*self._previous)
        gc.unfreeze()

    def collect_now(self) -> None:
        """A full collection now (after locking, when nothing is on screen)."""
        gc.collect()
        self._last_full = time.monotonic()

    def _maybe_collect(self) -> None:
        if time.monotonic() - self._last_full < MIN_GAP_SECONDS:
            return
        if self._seconds_idle() >= QUIET_SECONDS and not self._work_pending():
            self.collect_now()
