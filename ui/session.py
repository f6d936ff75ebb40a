"""A working session: first run or unlock, the main window while unlocked, and locking again.

Owns the order of things at lock time — flush the draft being typed, clear every record from the
window, then (on the DB worker, after that flush) close the profile, which drops the key and the
engine — and, at unlock, returning to the same screen with the draft's text. Which windows exist
and when is decided here, so the windows themselves stay simple forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.errors import WrongPassphrase
from app.paths import ProfilePaths
from app.profile import NewProfile, OpenProfile, create_profile, unlock_profile
from app.vault import KdfParams, KeyStore
from ui.background import Background, describe_failure
from ui.first_run import FirstRunWindow
from ui.garbage import IdleCollector
from ui.idle import IdleLock
from ui.main_window import MainWindow, Place, build_main_window
from ui.settings import Preferences
from ui.unlock import UnlockWindow


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
        self.main_window: MainWindow = build_main_window(self.background, preferences)
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
        self.unlock_window.unlock_requested.connect(self._unlock)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.quit_requested.connect(self.quit)
        self.main_window.idle_minutes_changed.connect(
            lambda minutes: self.idle.set_limit_ms(minutes * 60_000)
        )

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
        QTimer.singleShot(0, self._warm_up_main_window)

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
        self.background.open_profile(
            lambda: unlock_profile(access.data_dir, passphrase, keystore=access.keystore),
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
        self.idle.stop()
        self.collector.restore()
        if self.background.unlocked:
            self.main_window.visit.flush()
        self.background.shutdown()
        self.unlock_window.close()
        if self.first_run_window is not None:
            self.first_run_window.close()
