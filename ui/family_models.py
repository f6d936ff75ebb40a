"""Table models of the family view: carers, children, professionals involved, visit timeline.

Each has column constants, a `RECORD_ID_ROLE` and is filled with the services' frozen views by
the family page; `clear()` forgets everything (on lock). Tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from app.services.views import CarerView, ChildView, ProfessionalView, VisitView
from ui.formatting import date_text, local_datetime_text
from ui.rows_model import Index, RowsModel

R = TypeVar("R")
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def yes_no(flag: bool) -> str:
    return (
        QCoreApplication.translate("FamilyModels", "Yes")
        if flag
        else QCoreApplication.translate("FamilyModels", "No")
    )


class _RecordsModel(RowsModel[R]):
    """Rows of one kind of record; subclasses say the headers and each cell's text."""

    COLUMN_COUNT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: dict[tuple[int, int], str] = {}  # texts made once: views ask many times

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, record: R, column: int) -> str:
        raise NotImplementedError

    def record_id(self, record: R) -> str:
        return str(getattr(record, "id", ""))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            # The model's own tooltip (whole notes), else the cell's text, which a narrow
            # column may have elided.
            tip = self.role_data(self._rows[index.row()], index.column(), role)
            return tip if tip is not None else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            key = (index.row(), index.column())
            text = self._cells.get(key)
            if text is None:
                text = self._cells[key] = self.cell(self._rows[key[0]], key[1])
            return text
        record = self._rows[index.row()]
        if role == RECORD_ID_ROLE:
            return self.record_id(record)
        return self.role_data(record, index.column(), role)

    def role_data(self, record: R, column: int, role: int) -> object:
        return None


class CarersModel(_RecordsModel[CarerView]):
    NAME, RELATIONSHIP, PARENTAL_RESPONSIBILITY = range(3)
    COLUMN_COUNT = 3

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("FamilyModels", "Name"),
            QCoreApplication.translate("FamilyModels", "Relationship"),
            QCoreApplication.translate("FamilyModels", "Parental responsibility"),
        ]

    def cell(self, record: CarerView, column: int) -> str:
        if column == self.NAME:
            return record.name
        if column == self.RELATIONSHIP:
            return record.relationship
        return yes_no(record.parental_responsibility)


class ChildrenModel(_RecordsModel[ChildView]):
    NAME, DATE_OF_BIRTH, NHS_NUMBER = range(3)
    COLUMN_COUNT = 3

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("FamilyModels", "Name"),
            QCoreApplication.translate("FamilyModels", "Date of birth"),
            QCoreApplication.translate("FamilyModels", "NHS number"),
        ]

    def cell(self, record: ChildView, column: int) -> str:
        if column == self.NAME:
            return record.name
        if column == self.DATE_OF_BIRTH:
            return date_text(record.date_of_birth)
        return nhs_number_text(record.nhs_number)


def nhs_number_text(number: str | None) -> str:
    """NHS numbers are read aloud and written as 3-3-4 digits."""
    if number is None:
        return ""
    if len(number) == 10 and number.isdigit():
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number


class ProfessionalsModel(_RecordsModel[ProfessionalView]):
    """Professionals involved; the lead practitioner is marked in words, not only by style."""

    NAME, AGENCY, ROLE, CONTACT, LEAD = range(5)
    COLUMN_COUNT = 5

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("FamilyModels", "Name"),
            QCoreApplication.translate("FamilyModels", "Agency"),
            QCoreApplication.translate("FamilyModels", "Role"),
            QCoreApplication.translate("FamilyModels", "Contact"),
            QCoreApplication.translate("FamilyModels", "Lead"),
        ]

    def cell(self, record: ProfessionalView, column: int) -> str:
        values = {
            self.NAME: record.name,
            self.AGENCY: record.agency,
            self.ROLE: record.role,
            self.CONTACT: record.contact,
            self.LEAD: QCoreApplication.translate("FamilyModels", "Lead") if record.lead else "",
        }
        return str(values.get(column, ""))

    def role_data(self, record: ProfessionalView, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.FontRole and record.lead:
            font = QFont()
            font.setBold(True)
            return font
        return None


class VisitsModel(_RecordsModel[VisitView]):
    """The visit timeline, newest first as the service returns it."""

    WHEN, KIND, PRESENT, ENTERED, NOTES = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}

    def set_people(self, names: dict[str, str]) -> None:
        """Names of the family's carers and children by id, to show who was present."""
        self._names = dict(names)

    def clear(self) -> None:
        self._names = {}
        super().clear()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("FamilyModels", "Visit"),
            QCoreApplication.translate("FamilyModels", "Type"),
            QCoreApplication.translate("FamilyModels", "Present"),
            QCoreApplication.translate("FamilyModels", "Entered"),
            QCoreApplication.translate("FamilyModels", "Notes"),
        ]

    def cell(self, record: VisitView, column: int) -> str:
        if column == self.WHEN:
            return local_datetime_text(record.occurred_at)
        if column == self.KIND:
            return (
                QCoreApplication.translate("FamilyModels", "Announced")
                if record.kind == "announced"
                else QCoreApplication.translate("FamilyModels", "Unannounced")
            )
        if column == self.PRESENT:
            return ", ".join(self._names.get(p, p) for p in record.present)
        if column == self.ENTERED:
            entered = local_datetime_text(record.recorded_at)
            return (
                QCoreApplication.translate("FamilyModels", "%1 (late entry)").replace("%1", entered)
                if record.late_entry
                else entered
            )
        first_line = record.notes.strip().splitlines()[0] if record.notes.strip() else ""
        return first_line[:120]

    def role_data(self, record: VisitView, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTES:
            return record.notes[:2000]
        return None
