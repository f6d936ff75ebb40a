"""A working session: first run or unlock, the main window while unlocked, and locking again.

Owns the order of things at lock time — flush the draft being typed, clear every record from the
window, then (on the DB worker, after that flush) close the profile, which drops the key and the
engine — and, at unlock, returning to the same screen with the draft's text. Which windows exist
and when is decided here, so the windows themselves stay simple forms. What asks for a lock:
Ctrl+L, idle time or a suspended app (`ui.idle`), and the desktop locking or the laptop going to
sleep (`ui.system_lock`, over D-Bus where there is one).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.errors import WrongPassphrase
from app.paths import ProfilePaths
from ui.background import Background, describe_failure
from ui.first_run import FirstRunWindow
from ui.garbage import IdleCollector
from ui.idle import IdleLock
from ui.settings import Preferences
from ui.system_lock import SystemLockWatch
from ui.unlock import UnlockWindow

if TYPE_CHECKING:
    from app.profile import NewProfile, OpenProfile
    from app.vault import KdfParams, KeyStore
    from ui.main_window import MainWindow, Place

# The core (SQLAlchemy, Alembic, crypto) and the main window's modules take about a second to
# import. They load on the DB worker once the first window is showing, never before it.
CORE_MODULES = ("app.profile", "ui.operations", "ui.main_window")


def _load_core_modules() -> None:
    for name in CORE_MODULES:
        importlib.import_module(name)


@dataclass(frozen=True)
class ProfileAccess:
    """Where the profile is and how to reach its keys. Tests pass a memory key store and cheap
    KDF parameters; the app passes only the folder (the OS key store is then used)."""

    data_dir: Path
    keystore: KeyStore | None = None
    kdf: KdfParams | None = None


class Session(QObject):
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        access: ProfileAccess,
        preferences: Preferences,
        *,
        idle_limit_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.access = access
        self.preferences = preferences
        self.background = Background(self)
        self._main_window: MainWindow | None = None
        self.unlock_window = UnlockWindow()
        self.first_run_window: FirstRunWindow | None = None
        limit = idle_limit_ms or preferences.idle_lock_minutes * 60_000
        self.idle = IdleLock(limit, self)
        self.collector = IdleCollector(
            self.idle.seconds_idle, lambda: self.background.pending > 0, self
        )
        self._place: Place | None = None
        self._finished = False
        self.idle.lock_due.connect(self.lock)
        self.system_lock = SystemLockWatch(self)
        self.system_lock.lock_due.connect(lambda _source: self.lock())
        self.unlock_window.unlock_requested.connect(self._unlock)

    @property
    def main_window(self) -> MainWindow:
        """Built on first need: after the core modules have loaded on the worker, or at once
        if the practitioner unlocks before that (the worker runs the load first anyway)."""
        if self._main_window is None:
            from ui.main_window import build_main_window

            window = build_main_window(self.background, self.preferences)
            window.lock_requested.connect(self.lock)
            window.quit_requested.connect(self.quit)
            window.idle_minutes_changed.connect(
                lambda minutes: self.idle.set_limit_ms(minutes * 60_000)
            )
            self._main_window = window
        return self._main_window

    @property
    def is_unlocked(self) -> bool:
        return self.background.unlocked

    def start(self) -> None:
        self.collector.start()
        if ProfilePaths(self.access.data_dir).exists():
            self.unlock_window.show()
            self.unlock_window.passphrase.setFocus()
        else:
            self.first_run_window = FirstRunWindow()
            self.first_run_window.create_requested.connect(self._create)
            self.first_run_window.show()
            self.first_run_window.name.setFocus()
        self.background.prepare(
            _load_core_modules,
            success=lambda _none: QTimer.singleShot(0, self._warm_up_main_window),
        )
        # Once the first window is up: reaching the buses must not delay it.
        QTimer.singleShot(0, self.system_lock.start)

    def _warm_up_main_window(self) -> None:
        """Show the (empty, locked) main window once, off screen, and hide it again.

        Its first show makes PySide6 build ~150 Python enum classes on the GUI thread (lazy
        loading, 60-80 ms measured). Paying that now, while the practitioner reads the unlock
        window, keeps it out of the moment the caseload appears. Nothing is on it yet, and it
        is hidden again before control returns to the event loop.
        """
        window = self.main_window
        if self.background.unlocked or window.isVisible():
            return
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        QCoreApplication.processEvents()  # may deliver an unlock: `_enter` then ends this
        self._end_warm_up()

    def _end_warm_up(self) -> None:
        window = self.main_window
        if window.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            window.hide()
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)

    # -- first run and unlock ---------------------------------------------------------------

    def _create(self, new: NewProfile, passphrase: str) -> None:
        access = self.access

        def create() -> OpenProfile:
            from app.profile import create_profile

            return create_profile(
                access.data_dir, passphrase, new, keystore=access.keystore, kdf=access.kdf
            )

        self.background.open_profile(create, success=self._created, failure=self._not_created)

    def _created(self, _profile: OpenProfile) -> None:
        if self.first_run_window is not None:
            self.first_run_window.close()
            self.first_run_window.deleteLater()
            self.first_run_window = None
        self._enter()

    def _not_created(self, error: Exception) -> None:
        if self.first_run_window is not None:
            self.first_run_window.set_working(False)
            self.first_run_window.show_problem(describe_failure(error))

    def _unlock(self, passphrase: str) -> None:
        access = self.access

        def unlock() -> OpenProfile:
            from app.profile import unlock_profile

            return unlock_profile(access.data_dir, passphrase, keystore=access.keystore)

        self.background.open_profile(
            unlock,
            success=lambda _profile: self._unlocked(),
            failure=self._not_unlocked,
        )

    def _unlocked(self) -> None:
        self.unlock_window.unlocked()
        self._enter()

    def _not_unlocked(self, error: Exception) -> None:
        if isinstance(error, WrongPassphrase):
            self.unlock_window.wrong_passphrase(describe_failure(error))
        else:
            self.unlock_window.cannot_unlock(describe_failure(error))

    def _enter(self) -> None:
        self._end_warm_up()
        self.main_window.show()
        self.unlock_window.hide()
        self.main_window.activateWindow()
        place, self._place = self._place, None
        self.main_window.return_to(place)
        self.idle.restart()
        self.unlocked.emit()

    # -- locking and quitting ------------------------------------------------------------------

    def lock(self) -> None:
        """Hide every record, then drop the key and the engine; show the unlock window."""
        if not self.background.unlocked:
            return
        self.idle.stop()
        self._place = self.main_window.hide_records()  # queues the draft flush first
        self.background.close_profile(success=lambda _none: self.collector.collect_now())
        self.unlock_window.show()
        self.main_window.hide()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()
        self.unlock_window.passphrase.setFocus()
        self.locked.emit()

    def quit(self) -> None:
        self.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Flush, close the profile and stop the worker; safe to call more than once."""
        if self._finished:
            return
        self._finished = True
        self.idle.detach()
        self.collector.restore()
        if self.background.unlocked and self._main_window is not None:
            self._main_window.visit.flush()
        self.background.shutdown()
        self.unlock_window.close()
        if self.first_run_window is not None:
            self.first_run_window.close()
