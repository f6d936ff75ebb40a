"""When to lock by itself: after a spell without keyboard or mouse input, or when the system
suspends the app or leaves it in the background for long (a closed lid, a locked session, where
the platform tells Qt so). On Linux desktops the session's own lock and the laptop going to sleep
arrive over D-Bus instead (`ui.system_lock`); the session (`ui.session`) listens to both.

Input is noticed by an event filter on the whole application, which only stamps the time; a
coarse timer compares that stamp with the limit, so a moving mouse costs next to nothing.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
BACKGROUND_LOCK_MS = 60_000  # away from the app (another window, screen locked) this long: lock


class IdleLock(QObject):
    """Emits `lock_due` once when the limit passes; `restart()` after each unlock."""

    lock_due = Signal()

    def __init__(self, limit_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit_ms = limit_ms
        self._last_input = time.monotonic()
        self._armed = False
        self._background_since: float | None = None
        self._check = QTimer(self)
        self._check.timeout.connect(self._tick)
        self._set_check_interval()
        self._app: QGuiApplication | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.installEventFilter(self)
            app.applicationStateChanged.connect(self._state_changed)
            self._app = app

    @property
    def limit_ms(self) -> int:
        return self._limit_ms

    def seconds_idle(self) -> float:
        """Seconds since the last keyboard, mouse or touch input anywhere in the app."""
        return time.monotonic() - self._last_input

    def set_limit_ms(self, limit_ms: int) -> None:
        self._limit_ms = max(1, limit_ms)
        self._set_check_interval()

    def _set_check_interval(self) -> None:
        self._check.setInterval(max(20, min(1000, self._limit_ms // 4)))

    def restart(self) -> None:
        """Count idle time from now and start watching (after an unlock)."""
        self._last_input = time.monotonic()
        self._background_since = None
        self._armed = True
        self._check.start()

    def stop(self) -> None:
        """Stop watching (while locked there is nothing to protect)."""
        self._armed = False
        self._check.stop()

    def detach(self) -> None:
        """Stop watching and let go of the application (at the end of a session).

        The filter sees every event of every window; left behind by a finished session it
        would keep costing each later session's GUI thread, and keep this object alive.
        """
        self.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app.applicationStateChanged.disconnect(self._state_changed)
            self._app = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if not self._armed:
            return
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._fire()  # the OS is about to sleep or hibernate: lock now
        elif state == Qt.ApplicationState.ApplicationActive:
            self._background_since = None
        elif self._background_since is None:
            self._background_since = time.monotonic()

    def _tick(self) -> None:
        now = time.monotonic()
        idle_ms = (now - self._last_input) * 1000
        away_ms = (now - self._background_since) * 1000 if self._background_since else 0.0
        if idle_ms >= self._limit_ms or away_ms >= max(BACKGROUND_LOCK_MS, self._limit_ms):
            self._fire()

    def _fire(self) -> None:
        if self._armed:
            self.stop()
            self.lock_due.emit()
