"""Typed preferences over QSettings: idle-lock minutes and window geometry, nothing else.

Never secrets and never case data: QSettings is a plain file (or the registry) that anyone
with the laptop can read. No names, ids, notes or passphrases belong here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_IDLE_LOCK_MINUTES = 5
MIN_IDLE_LOCK_MINUTES = 1
MAX_IDLE_LOCK_MINUTES = 60


class Preferences:
    """Read and write the practitioner's preferences with their types and bounds."""

    IDLE_LOCK_MINUTES = "lock/idle_minutes"
    MAIN_WINDOW_GEOMETRY = "windows/main_geometry"
    MAIN_WINDOW_STATE = "windows/main_state"

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings("HomeVisit", "HomeVisit")

    @property
    def idle_lock_minutes(self) -> int:
        raw = self._settings.value(self.IDLE_LOCK_MINUTES, DEFAULT_IDLE_LOCK_MINUTES)
        try:
            minutes = int(str(raw))
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES
        return max(MIN_IDLE_LOCK_MINUTES, min(MAX_IDLE_LOCK_MINUTES, minutes))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        bounded = max(MIN_IDLE_LOCK_MINUTES, min(MAX_IDLE_LOCK_MINUTES, int(minutes)))
        self._settings.setValue(self.IDLE_LOCK_MINUTES, bounded)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def main_window_geometry(self) -> QByteArray | None:
        return self._bytes(self.MAIN_WINDOW_GEOMETRY)

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(self.MAIN_WINDOW_GEOMETRY, value)

    @property
    def main_window_state(self) -> QByteArray | None:
        return self._bytes(self.MAIN_WINDOW_STATE)

    @main_window_state.setter
    def main_window_state(self, value: QByteArray) -> None:
        self._settings.setValue(self.MAIN_WINDOW_STATE, value)

    def sync(self) -> None:
        self._settings.sync()
