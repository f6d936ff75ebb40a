"""A small modal form with OK/Cancel, used by the dialogs that add records.

Opened with `open()` (never `exec()`), so the GUI keeps running and tests can fill it in; the
caller connects `submitted` and runs the change on the DB worker. A dialog refuses to close
while a required field is empty, saying which one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class FormDialog(QDialog):
    submitted = Signal(object)  # the dialog's frozen values

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        # Explicit context: `self.tr` would look for the subclass's (CarerDialog…) strings.
        self.problem.setAccessibleName(QCoreApplication.translate("FormDialog", "Problem"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def line(self, label: str, accessible: str, *, required: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(accessible)
        field.setProperty("required_name", accessible if required else None)
        self.form.addRow(label, field)
        return field

    def values(self) -> object:
        raise NotImplementedError

    def _try_accept(self) -> None:
        for index in range(self.form.rowCount()):
            item = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if isinstance(field, QLineEdit) and field.property("required_name"):
                if not field.text().strip():
                    missing = str(field.property("required_name"))
                    self.problem.setText(
                        QCoreApplication.translate("FormDialog", "Please fill in: %1").replace(
                            "%1", missing
                        )
                    )
                    field.setFocus()
                    return
        self.submitted.emit(self.values())
        self.accept()
