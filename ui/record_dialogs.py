"""The dialogs that add a family, a carer, a child or a professional involved.

Each is a `FormDialog` whose `values()` is a frozen dataclass the page hands to `ui.operations`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QWidget

from ui.form_dialog import FormDialog
from ui.formatting import DATE_FORMAT


@dataclass(frozen=True)
class NewFamily:
    name: str
    address: str


@dataclass(frozen=True)
class NewCarer:
    name: str
    relationship: str
    parental_responsibility: bool


@dataclass(frozen=True)
class NewChild:
    name: str
    date_of_birth: date
    nhs_number: str | None


@dataclass(frozen=True)
class NewProfessional:
    name: str
    agency: str
    role: str
    contact: str
    lead: bool


class FamilyDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New family"), parent)
        self.name = self.line(self.tr("Family &name:"), self.tr("Family name"), required=True)
        self.address = self.line(self.tr("&Address:"), self.tr("Address"))

    def values(self) -> NewFamily:
        return NewFamily(self.name.text().strip(), self.address.text().strip())


class CarerDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a carer"), parent)
        self.name = self.line(self.tr("&Name:"), self.tr("Carer's name"), required=True)
        self.relationship = self.line(
            self.tr("&Relationship to the children:"), self.tr("Relationship"), required=True
        )
        self.relationship.setPlaceholderText(self.tr("for example, mother, partner, grandmother"))
        self.parental_responsibility = QCheckBox(self.tr("Has &parental responsibility"))
        self.form.addRow("", self.parental_responsibility)

    def values(self) -> NewCarer:
        return NewCarer(
            self.name.text().strip(),
            self.relationship.text().strip(),
            self.parental_responsibility.isChecked(),
        )


class ChildDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a child"), parent)
        self.name = self.line(self.tr("&Name:"), self.tr("Child's name"), required=True)
        self.date_of_birth = QDateEdit(QDate.currentDate())
        self.date_of_birth.setCalendarPopup(True)
        self.date_of_birth.setDisplayFormat(DATE_FORMAT)
        # A child is recorded once born (the case file refuses a future date of birth too).
        self.date_of_birth.setMaximumDate(QDate.currentDate())
        self.date_of_birth.setAccessibleName(self.tr("Date of birth"))
        self.form.addRow(self.tr("&Date of birth:"), self.date_of_birth)
        self.nhs_number = self.line(self.tr("NHS n&umber (optional):"), self.tr("NHS number"))

    def values(self) -> NewChild:
        born = self.date_of_birth.date()
        return NewChild(
            self.name.text().strip(),
            date(born.year(), born.month(), born.day()),
            self.nhs_number.text().strip() or None,
        )


class ProfessionalDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a professional involved"), parent)
        self.name = self.line(self.tr("&Name:"), self.tr("Professional's name"), required=True)
        self.agency = self.line(self.tr("&Agency:"), self.tr("Agency"), required=True)
        self.role = self.line(self.tr("&Role:"), self.tr("Role"), required=True)
        self.contact = self.line(self.tr("&Contact:"), self.tr("Contact"))
        self.lead = QCheckBox(self.tr("This is the &lead practitioner for the family"))
        self.form.addRow("", self.lead)

    def values(self) -> NewProfessional:
        return NewProfessional(
            self.name.text().strip(),
            self.agency.text().strip(),
            self.role.text().strip(),
            self.contact.text().strip(),
            self.lead.isChecked(),
        )
