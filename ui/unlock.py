"""The unlock window: the passphrase, and nothing else of the profile until it is right.

Wrong passphrases slow down (`app.vault.UnlockThrottle`: 0, 0, 1, 2, 4 … 30 s); the window stays
locked and says so in one sentence. The unlock itself (Argon2id) runs on the DB worker.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.vault import UnlockThrottle


class UnlockWindow(QWidget):
    unlock_requested = Signal(str)  # the passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.throttle = UnlockThrottle()
        self._failure_text = ""
        self.setWindowTitle(self.tr("HomeVisit: locked"))
        title = QLabel(self.tr("HomeVisit is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        explain = QLabel(self.tr("Enter your passphrase to open your caseload."))
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch()
        self._countdown = QTimer(self, interval=250)
        self._countdown.timeout.connect(self._count_down)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        if not self.unlock.isEnabled():
            return
        if not self.throttle.may_attempt():
            self._count_down()
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Please enter your passphrase."))
            return
        self.set_working(True)
        self.unlock_requested.emit(passphrase)

    def set_working(self, working: bool) -> None:
        self.unlock.setEnabled(not working)
        self.passphrase.setEnabled(not working)
        if working:
            self.message.setText(self.tr("Unlocking…"))

    def wrong_passphrase(self, sentence: str) -> None:
        """Stay locked: say why, clear the field, and make the next attempt wait if needed."""
        self.throttle.record_failure()
        self.passphrase.clear()
        self.set_working(False)
        self._failure_text = sentence
        self.message.setText(sentence)
        if not self.throttle.may_attempt():
            self.unlock.setEnabled(False)
            self._countdown.start()
            self._count_down()
        self.passphrase.setFocus()

    def cannot_unlock(self, sentence: str) -> None:
        """A failure that is not a wrong passphrase (no key store, damage): no throttling."""
        self.set_working(False)
        self.message.setText(sentence)

    def unlocked(self) -> None:
        self.throttle.record_success()
        self.passphrase.clear()
        self.message.clear()
        self.set_working(False)

    def _count_down(self) -> None:
        wait = self.throttle.seconds_to_wait()
        if wait <= 0:
            self._countdown.stop()
            self.unlock.setEnabled(True)
            self.message.setText(self._failure_text)
            return
        self.message.setText(
            self.tr("%1 Try again in %n second(s).", "", math.ceil(wait)).replace(
                "%1", self._failure_text
            )
        )
