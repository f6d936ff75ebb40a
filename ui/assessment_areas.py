"""The GCP2 editor's Areas tab: for each of the four areas, the range of its sub-area grades,
the pack's suggestion (only where the pack has a rule), and the grade the practitioner
confirms, with a rationale required when it falls outside that range."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from assessments import gcp2, scale
from assessments.grading import area_grade_needs_rationale
from assessments.record import AreaGrade
from ui import assessment_operations as ops
from ui.assessment_models import area_name
from ui.widgets import named_combo

if TYPE_CHECKING:
    from ui.assessment_editor import AssessmentEditor


class AreaRow:
    """One area's confirmation: range of its sub-area grades, the pack's suggestion (only when
    the pack has a rule), the confirmed grade and a rationale, required outside the range."""

    def __init__(self, tab: AreasTab, area: gcp2.Area, grid: QGridLayout) -> None:
        self.area = area
        self._tab = tab
        self._shown: tuple[str, AreaGrade | None] | None = None
        row = grid.rowCount()
        name = area_name(area.id)
        self.name = QLabel(tab.tr("%1. %2").replace("%1", area.letter).replace("%2", name))
        self.range = QLabel()
        self.suggestion = QLabel()
        self.grade = named_combo(tab.tr("Confirmed grade for %1").replace("%1", name))
        self.grade.addItem(tab.tr("Choose…"), None)
        for g in scale.GRADES:
            self.grade.addItem(str(g), g)
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText(tab.tr("Rationale (needed outside the range)"))
        self.rationale.setAccessibleName(tab.tr("Rationale for %1").replace("%1", name))
        self.confirm = QPushButton(tab.tr("Confirm"))
        self.confirm.setAccessibleName(tab.tr("Confirm the %1 grade").replace("%1", name))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        for column, widget in enumerate(
            (self.name, self.range, self.suggestion, self.grade, self.rationale, self.confirm)
        ):
            grid.addWidget(widget, row, column)
        grid.addWidget(self.problem, row + 1, 1, 1, 5)
        self.confirm.clicked.connect(lambda: tab.confirm(self))

    def forget(self) -> None:
        self._shown = None
        for label in (self.range, self.suggestion, self.problem):
            label.clear()
        self.rationale.clear()
        self.grade.setCurrentIndex(0)

    def sub_grades(self, screen: ops.AssessmentScreen) -> list[int | None]:
        a = screen.view.assessment
        return [a.sub_area_grade(s) for s in self.area.sub_area_ids]

    def show(self, screen: ops.AssessmentScreen) -> None:
        tr = self._tab.tr
        graded = [g for g in self.sub_grades(screen) if g is not None]
        self.range.setText(
            tr("Sub-areas: %1 to %2")
            .replace("%1", str(min(graded)))
            .replace("%2", str(max(graded)))
            if graded
            else tr("Sub-areas not graded yet")
        )
        confirmed = screen.view.assessment.areas.get(self.area.id)
        if (confirmed is not None and confirmed.grade is not None and not confirmed.rationale
                and area_grade_needs_rationale(confirmed.grade, graded)):
            # Sub-area grades changed after the area was confirmed: say so, as completing will.
            self.range.setText(tr("%1; ⚠ the confirmed grade is outside it: give your rationale")
                               .replace("%1", self.range.text()))
        suggested = screen.suggestions.get(self.area.id)
        self.suggestion.setVisible(suggested is not None)
        self.suggestion.setText(tr("Pack suggests %1").replace("%1", str(suggested)))
        shown = (screen.view.id, confirmed)
        if shown == self._shown:
            return  # keep a choice being made (and its problem) while other things save
        self._shown = shown
        self.grade.setCurrentIndex(self.grade.findData(confirmed.grade if confirmed else None))
        self.rationale.setText(confirmed.rationale if confirmed else "")
        self.problem.clear()


class AreasTab(QWidget):
    """One `AreaRow` per GCP2 area; confirming saves through the editor."""

    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__()
        self._editor = editor
        grid = QGridLayout(self)
        self.rows = [AreaRow(self, area, grid) for area in gcp2.AREAS]
        grid.setRowStretch(grid.rowCount(), 1)

    def show_assessment(self, screen: ops.AssessmentScreen) -> None:
        for row in self.rows:
            row.show(screen)

    def set_editable(self, editable: bool) -> None:
        for row in self.rows:
            for widget in (row.grade, row.rationale, row.confirm):
                widget.setEnabled(editable)

    def forget(self) -> None:
        for row in self.rows:
            row.forget()

    def confirm(self, row: AreaRow) -> None:
        current = self._editor.current
        if current is None:
            return
        grade = row.grade.currentData()
        if grade is None:
            row.problem.setText(self.tr("Choose the grade you confirm for this area."))
            return
        rationale = row.rationale.text().strip()
        if area_grade_needs_rationale(grade, row.sub_grades(current)) and not rationale:
            row.problem.setText(
                self.tr(
                    "This grade is outside the range of the sub-area grades: give your rationale."
                )
            )
            row.rationale.setFocus()
            return
        row.problem.clear()
        self._editor.run(
            ops.confirm_area(current.view.id, row.area.id, grade=grade, rationale=rationale)
        )
