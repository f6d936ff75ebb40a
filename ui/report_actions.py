"""The "Parent report…" and "Practitioner report…" buttons of the family page's GCP2 box: the
report is generated on the database worker (never on the GUI thread), then shown in one
preview window at a time, which closes when the family is cleared (on lock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.reports import GeneratedReport
from ui import report_operations
from ui.background import Background, describe_failure
from ui.report_preview import ReportPreview


class ReportActions(QObject):
    message = Signal(str)
    opened = Signal(object)  # the ReportPreview, once shown

    def __init__(self, background: Background, selected: Callable[[], str | None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._background = background
        self._selected = selected  # the assessment id the practitioner has chosen, if any
        self._window = parent
        self.preview: ReportPreview | None = None
        self.parent_button = QPushButton(self.tr("Pa&rent report…"), parent)
        self.parent_button.setToolTip(self.tr("Plain-language report for the family to keep"))
        self.parent_button.clicked.connect(lambda: self.generate("parent"))
        self.practitioner_button = QPushButton(self.tr("Prac&titioner report…"), parent)
        self.practitioner_button.setToolTip(
            self.tr("The whole assessment with evidence, notes and chronology: not for the family")
        )
        self.practitioner_button.clicked.connect(lambda: self.generate("practitioner"))

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.parent_button, self.practitioner_button

    def generate(self, kind: str) -> None:
        assessment_id = self._selected()
        if assessment_id is None:
            self.message.emit(self.tr("Select an assessment first."))
            return
        self._background.run(
            report_operations.generate(assessment_id, kind), success=self._show,
            failure=lambda error: self.message.emit(describe_failure(error)),
        )

    def _show(self, report: GeneratedReport) -> None:
        self.close_preview()
        if not self._background.unlocked:
            return  # locked while it was being made: the report is not shown
        self.preview = ReportPreview(report, self._background, self.message.emit, self._window)
        self.preview.show()
        self.opened.emit(self.preview)

    def close_preview(self) -> None:
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
            self.preview = None
