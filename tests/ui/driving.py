"""Helpers that drive the real windows the way a practitioner would (keyboard and buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.session import Session

PASSPHRASE = "correct horse battery staple"
WAIT_MS = 10_000


def practitioner() -> str:
    return "Priya Example"


def wait_for_worker(qtbot: QtBot, session: Session) -> None:
    qtbot.waitUntil(lambda: session.background.pending == 0, timeout=WAIT_MS)


def unlock(qtbot: QtBot, session: Session, passphrase: str = PASSPHRASE) -> None:
    window = session.unlock_window
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(window.unlock.isEnabled, timeout=WAIT_MS)
    window.passphrase.setText(passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: session.is_unlocked and session.main_window.isVisible(), timeout=WAIT_MS
    )
    wait_for_worker(qtbot, session)


def active_dialog() -> object:
    dialog = QApplication.activeModalWidget()
    assert dialog is not None, "no dialog is open"
    return dialog
