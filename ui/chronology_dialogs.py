"""The dialog that enters another agency's record on the family chronology by hand: when, about
which child (or the whole family), the agency and author, what happened, the impact on the
child, the action or outcome, and its themes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue
from ui.form_dialog import FormDialog
from ui.formatting import DATE_FORMAT
from ui.lived_operations import NewAgencyEntry
from ui.lived_themes import ThemeChecks, short_text
from ui.widgets import named_combo


class AgencyEntryDialog(FormDialog):
    def __init__(
        self, detail: FamilyDetail, catalogue: ThemeCatalogue, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add another agency's record"), parent)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setAccessibleName(self.tr("Date of the event"))
        self.form.addRow(self.tr("&Date:"), self.day)
        self.child: QComboBox = named_combo(self.tr("Which child"))
        self.child.addItem(self.tr("The whole family"), None)
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        self.form.addRow(self.tr("C&hild:"), self.child)
        self.agency = self.line(self.tr("&Agency:"), self.tr("Agency"), required=True)
        self.agency.setPlaceholderText(self.tr("for example, West Mercia Police, GP surgery"))
        self.author = self.line(self.tr("A&uthor:"), self.tr("Author"))
        self.author.setPlaceholderText(self.tr("who recorded it, and their role"))
        self.what = short_text(self.tr("What happened"))
        self.form.addRow(self.tr("&What happened:"), self.what)
        self.impact = short_text(self.tr("Impact on the child"), 2)
        self.form.addRow(self.tr("&Impact on the child:"), self.impact)
        self.outcome = short_text(self.tr("Action or outcome"), 2)
        self.form.addRow(self.tr("Action or &outcome:"), self.outcome)
        self.themes = ThemeChecks(catalogue)
        self.form.addRow(self.themes)
        self.setMinimumWidth(560)

    def _try_accept(self) -> None:
        if not self.what.toPlainText().strip():
            self.problem.setText(
                self.tr("Please fill in: %1").replace("%1", self.tr("What happened"))
            )
            self.what.setFocus()
            return
        super()._try_accept()

    def values(self) -> NewAgencyEntry:
        day = self.day.date()
        # Midnight where the laptop is: the chronology dates a record by its own calendar day.
        occurred = datetime(day.year(), day.month(), day.day()).astimezone()
        return NewAgencyEntry(
            child_id=self.child.currentData(),
            occurred_at=occurred,
            agency=self.agency.text().strip(),
            author=self.author.text().strip(),
            event=self.what.toPlainText().strip(),
            impact=self.impact.toPlainText().strip(),
            outcome=self.outcome.toPlainText().strip(),
            themes=self.themes.selected(),
            author_label=self.tr("recorded by"),
        )
