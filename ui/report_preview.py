"""The report preview: the PDF shown from memory, printed, or saved as a PDF on request.

The PDF lives in a QByteArray behind a QBuffer that QtPdf reads: it is never a file. Printing
goes through the print dialog (its "print to file" choice is switched off, so a plaintext copy
can only come from "Save as PDF…"), and runs on the database worker. "Save as PDF…" is the one
explicit way to a plaintext file: it warns first, then asks where, and is audited with where it
went. Closing the preview (or locking) drops the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.reports import GeneratedReport
from ui import report_operations
from ui.background import Background, describe_failure

Notify = Callable[[str], None]


def _tr(text: str) -> str:
    # Callbacks may arrive after the window has closed: translate without touching it.
    return QCoreApplication.translate("ReportPreview", text)


class ReportPreview(QDialog):
    def __init__(self, report: GeneratedReport, background: Background, notify: Notify,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: GeneratedReport | None = report
        self._background = background
        self._notify = notify
        self._printer: QPrinter | None = None
        title = (self.tr("Parent report: %1") if report.kind == "parent"
                 else self.tr("Practitioner report: %1"))
        self.setWindowTitle(title.replace("%1", report.child_name))
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(report.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Report pages"))
        about = self.tr("Record fingerprint %1 · %2 pages · shown from memory, not saved")
        self.about = QLabel(about.replace("%1", report.short_fingerprint)
                            .replace("%2", str(report.pages)))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setToolTip(self.tr("Write an unencrypted copy to a file you choose"))
        self.save_button.clicked.connect(self.save_as_pdf)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.about, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(760, 900)

    # -- printing --------------------------------------------------------------------------

    def print_report(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        # A plaintext file only through "Save as PDF…", with its warning and audit.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print on the database worker (rendering pages takes seconds), then audit it."""
        if self.report is None:
            return
        self._printer = printer  # kept alive until the job is done
        notify = self._notify

        def done(pages: int) -> None:
            notify(_tr("Sent %1 pages to the printer.").replace("%1", str(pages)))

        self._background.run(report_operations.print_report(self.report, printer),
                             success=done, failure=lambda e: notify(describe_failure(e)))

    # -- saving ----------------------------------------------------------------------------

    def confirm_unencrypted(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Save an unencrypted copy?"),
            self.tr("The PDF file will not be encrypted. Anyone who can open the file can read "
                    "the child's name, grades and notes. Save it only where your organisation "
                    "allows, and delete it when it is no longer needed. Saving is recorded in "
                    "the audit log with where the file went."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def choose_path(self) -> Path | None:
        # The suggested name holds no name of a child: file lists are seen by others.
        suggested = f"gcp2-{self.report.kind if self.report else 'report'}-report.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), suggested, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_as_pdf(self) -> None:
        """The explicit act: a warning first, then where; nothing is written if either is
        declined."""
        if self.report is None or not self.confirm_unencrypted():
            return
        path = self.choose_path()
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        if self.report is None:
            return
        notify = self._notify
        self._background.run(
            report_operations.save(self.report, path),
            success=lambda saved: notify(_tr("Saved an unencrypted copy to %1.")
                                         .replace("%1", str(saved))),
            failure=lambda e: notify(describe_failure(e)),
        )

    # -- closing ---------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop the report's bytes from this window (on close and on lock)."""
        self.report = None
        self.document.close()  # the view then shows nothing
        self._buffer.close()
        self._buffer.setData(QByteArray())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.forget()
        super().closeEvent(event)
