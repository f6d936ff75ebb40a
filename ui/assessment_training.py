"""The training gate's dialog: starting a GCP2 needs the practitioner's GCP2 training date on the
profile, so when it is missing the editor asks for it here (a date no later than today) rather
than only refusing. Licensing allows trained practitioners only: the dialog says so."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from ui.form_dialog import FormDialog


class TrainingDateDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("GCP2 training date"), parent)
        explain = QLabel(
            self.tr(
                "Only practitioners trained in the Graded Care Profile 2 may use it. Record the "
                "date you completed your GCP2 training to start an assessment."
            )
        )
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.trained_on = QDateEdit(QDate.currentDate())
        self.trained_on.setCalendarPopup(True)
        self.trained_on.setMaximumDate(QDate.currentDate())
        self.trained_on.setAccessibleName(self.tr("Date of your GCP2 training"))
        self.form.addRow(self.tr("&Trained on:"), self.trained_on)
        self.trained_on.setFocus()

    def values(self) -> date:
        day = self.trained_on.date().toPython()
        assert isinstance(day, date)
        return day
