"""Enrolling this laptop with a Family Connect gateway, from settings.

The administrator gives a gateway address, a one-time code and, for a gateway whose certificate
comes from the council's own CA, that CA's certificate file. The network half runs on the
network pool, the result is stored by the database worker (the CA certificate is copied into
the encrypted profile), and the dialog then shows the gateway's key fingerprints so the
practitioner can compare them with the administrator's, read aloud or on paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.sharing_views import EnrolmentView
from app.sync.enrolment import NewEnrolment
from ui import sync_operations
from ui.background import Background, describe_failure
from ui.form_dialog import FormDialog


def fingerprint_text(view: EnrolmentView) -> str:
    return (f"{view.organisation_name} ({view.organisation})\n"
            f"Sealing key: {view.sealing_key_fingerprint}\n"
            f"Receipt key: {view.receipt_key_fingerprint}")


class EnrolDialog(FormDialog):
    enrolled = Signal(object)  # EnrolmentView

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enrol with Family Connect"), parent)
        self._background = background
        self.url = self.line(self.tr("Gateway &address"), self.tr("Gateway address"), required=True)
        self.url.setPlaceholderText("https://")
        self.code = self.line(self.tr("One-time &code"), self.tr("One-time code"), required=True)
        self.label = self.line(self.tr("Name for this &laptop"), self.tr("Name for this laptop"))
        self.ca_file = self.line(self.tr("CA &certificate"), self.tr("CA certificate file"))
        self.ca_file.setPlaceholderText(self.tr("Only if your administrator gave you one"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(browse)
        self.form.addRow(row)
        self.fingerprints = QLabel()
        self.fingerprints.setAccessibleName(self.tr("Gateway key fingerprints"))
        self.fingerprints.setWordWrap(True)
        self.form.addRow(self.fingerprints)
        self.submitted.connect(self._enrol)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt);;All files (*)"))
        if name:
            self.ca_file.setText(name)

    def values(self) -> tuple[str, str, str, str]:
        return (self.url.text().strip(), self.code.text().strip(), self.ca_file.text().strip(),
                self.label.text().strip())

    def _try_accept(self) -> None:
        # Stay open while enrolling: the dialog closes only once the fingerprints are shown.
        for field in (self.url, self.code):
            if not field.text().strip():
                self.problem.setText(self.tr("Please fill in: %1").replace("%1", field.accessibleName()))
                field.setFocus()
                return
        self.submitted.emit(self.values())

    def _enrol(self, values: tuple[str, str, str, str]) -> None:
        url, code, ca_path, label = values
        ca_pem = None
        if ca_path:
            try:
                ca_pem = Path(ca_path).read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError):
                self.problem.setText(self.tr("The CA certificate file cannot be read."))
                return
        self.problem.setText(self.tr("Enrolling…"))
        self.buttons.setEnabled(False)
        self._background.run_network(sync_operations.enrol_network(url, code, ca_pem, label),
                                     success=self._store, failure=self._failed)

    def _store(self, new: NewEnrolment) -> None:
        self._background.run(sync_operations.save_enrolment(new), success=self._done,
                             failure=self._failed)

    def _done(self, view: EnrolmentView) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(self.tr("Enrolled. Compare these fingerprints with your administrator's:"))
        self.fingerprints.setText(fingerprint_text(view))
        self.code.clear()
        self.enrolled.emit(view)

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(describe_failure(error))
