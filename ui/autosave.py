"""Autosave of notes being typed: debounced, saved as an encrypted draft on the DB worker.

Typing restarts a 1 s quiet-period timer; a second timer caps the wait at 1.5 s after the first
unsaved keystroke, so steady typing is still saved — a crash or a kill loses at most the last
~2 s (1.5 s plus one save). The worker runs jobs in order, so the last save queued is the
one that stays; text typed during a save is saved after it, in order. The text is read on the
GUI thread (cheap) and written off it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ui import operations
from ui.background import Background, describe_failure

QUIET_MS = 1000
MAX_WAIT_MS = 1500


class NotesAutosave(QObject):
    saved = Signal(str)  # the draft key, after each successful save
    failed = Signal(str)

    def __init__(
        self,
        background: Background,
        text_source: Callable[[], str],
        parent: QObject | None = None,
        *,
        quiet_ms: int = QUIET_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._background = background
        self._text_source = text_source
        self._key: str | None = None
        self._dirty = False
        self._in_flight = 0
        self._quiet = QTimer(self, singleShot=True, interval=quiet_ms)
        self._quiet.timeout.connect(self.save_now)
        self._max_wait = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._max_wait.timeout.connect(self.save_now)

    @property
    def key(self) -> str | None:
        return self._key

    @property
    def dirty(self) -> bool:
        return self._dirty or self._in_flight > 0

    def watch(self, key: str | None) -> None:
        """Autosave under `key` from now on (None: stop); pending text is dropped, not saved."""
        self._key = key
        self._dirty = False
        self._quiet.stop()
        self._max_wait.stop()

    def text_changed(self) -> None:
        if self._key is None:
            return
        self._dirty = True
        self._quiet.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def save_now(self) -> None:
        """Queue a save of the current text if anything is unsaved (also called before lock)."""
        self._quiet.stop()
        self._max_wait.stop()
        if self._key is None or not self._dirty:
            return
        key, text = self._key, self._text_source()
        self._dirty = False
        self._in_flight += 1
        self._background.run(
            operations.save_draft(key, text),
            success=lambda _none: self._done(key, None),
            failure=lambda error: self._done(key, error),
            quiet=True,
        )

    def _done(self, key: str, error: Exception | None) -> None:
        self._in_flight -= 1
        if error is not None:
            if key == self._key:
                self._dirty = True  # tried again on the next keystroke or flush
            self.failed.emit(describe_failure(error))
            return
        self.saved.emit(key)
