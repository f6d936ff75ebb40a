"""First run: who the practitioner is, and the passphrase that protects the profile.

Only gathers and checks input; creating the profile (Argon2id, the database) happens on the DB
worker, started by the session when `create_requested` fires.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import DATE_FORMAT
from ui.passphrase_strength import assess


class FirstRunWindow(QWidget):
    create_requested = Signal(object, str)  # NewProfile, passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HomeVisit: set up your profile"))
        intro = QLabel(
            self.tr(
                "Everything you record stays on this laptop, in a database encrypted with a key "
                "that only your passphrase (with your computer account) can unlock. Nobody "
                "without them can read it, so choose a passphrase you will remember."
            )
        )
        intro.setWordWrap(True)
        self.name = self._line(self.tr("Your name"))
        self.role = self._line(self.tr("Role"), self.tr("for example, Health visitor"))
        self.agency = self._line(self.tr("Agency"), self.tr("for example, Health visiting"))
        self.organisation = self._line(self.tr("Organisation"))
        self.gcp2_trained = QCheckBox(self.tr("I have completed GCP2 training"))
        self.gcp2_date = QDateEdit(QDate.currentDate())
        self.gcp2_date.setCalendarPopup(True)
        self.gcp2_date.setDisplayFormat(DATE_FORMAT)
        self.gcp2_date.setEnabled(False)
        self.gcp2_date.setAccessibleName(self.tr("GCP2 training date"))
        self.gcp2_trained.toggled.connect(self.gcp2_date.setEnabled)
        self.passphrase = self._line(self.tr("Passphrase"), password=True)
        self.confirmation = self._line(self.tr("Passphrase again"), password=True)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_text = QLabel()
        self.recovery_key = self._line(self.tr("Organisation recovery key file (optional)"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the organisation recovery key file"))
        browse.clicked.connect(self._browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.create_button = QPushButton(self.tr("&Create profile"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("A&gency:"), self.agency)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        gcp2 = QHBoxLayout()
        gcp2.addWidget(self.gcp2_trained)
        gcp2.addWidget(self.gcp2_date)
        gcp2.addStretch()
        gcp2_label = QLabel(self.tr("GCP2 &training:"))
        gcp2_label.setBuddy(self.gcp2_trained)
        form.addRow(gcp2_label, gcp2)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Confirm passphrase:"), self.confirmation)
        strength = QHBoxLayout()
        strength.addWidget(self.strength, 1)
        strength.addWidget(self.strength_text, 2)
        form.addRow(self.tr("Strength:"), strength)
        recovery = QHBoxLayout()
        recovery.addWidget(self.recovery_key, 1)
        recovery.addWidget(browse)
        recovery_label = QLabel(self.tr("Recovery &key:"))
        recovery_label.setBuddy(self.recovery_key)  # a row holding a layout gets no buddy
        form.addRow(recovery_label, recovery)
        recovery_help = QLabel(
            self.tr(
                "If your organisation gave you a recovery key file, it lets your team restore "
                "access if you forget your passphrase."
            )
        )
        recovery_help.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(recovery_help)
        layout.addWidget(self.problem)
        layout.addStretch()
        layout.addLayout(buttons)
        self.passphrase.textChanged.connect(self._show_strength)
        self._show_strength("")
        # Wide enough for the form's rows to sit on one line each at any font size.
        self.setMinimumWidth(40 * self.fontMetrics().averageCharWidth() + 200)

    def _line(self, accessible: str, placeholder: str = "", *, password: bool = False) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(accessible)
        if placeholder:
            line.setPlaceholderText(placeholder)
        if password:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def _show_strength(self, text: str) -> None:
        strength = assess(text)
        self.strength.setValue(strength.score)
        self.strength_text.setText(strength.label if text else "")

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Organisation recovery key"), "", self.tr("Public keys (*.pem *.pub)")
        )
        if chosen:
            self.recovery_key.setText(chosen)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def set_working(self, working: bool) -> None:
        self.create_button.setEnabled(not working)
        if working:
            self.problem.setText(self.tr("Creating your encrypted profile…"))

    def submit(self) -> None:
        """Check the form; emit `create_requested` when it is complete."""
        name = self.name.text().strip()
        passphrase = self.passphrase.text()
        if not name:
            self.show_problem(self.tr("Please enter your name."))
            self.name.setFocus()
            return
        if not assess(passphrase).acceptable:
            self.show_problem(assess(passphrase).label)
            self.passphrase.setFocus()
            return
        if passphrase != self.confirmation.text():
            self.show_problem(self.tr("The two passphrases are not the same."))
            self.confirmation.setFocus()
            return
        recovery_pem: bytes | None = None
        key_path = self.recovery_key.text().strip()
        if key_path:
            try:
                recovery_pem = Path(key_path).read_bytes()
            except OSError:
                self.show_problem(self.tr("The recovery key file cannot be read."))
                return
        trained: date | None = None
        if self.gcp2_trained.isChecked():
            trained = self.gcp2_date.date().toPython()  # type: ignore[assignment]
        from app.profile import NewProfile  # the core loads after the first window shows

        new = NewProfile(
            practitioner_name=name,
            organisation=self.organisation.text().strip() or None,
            role=self.role.text().strip() or None,
            agency=self.agency.text().strip() or None,
            gcp2_trained_on=trained,
            recovery_public_key_pem=recovery_pem,
        )
        self.set_working(True)
        self.create_requested.emit(new, passphrase)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Enter submits, as in a dialog
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
