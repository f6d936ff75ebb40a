"""The GCP2 editor's Summary tab: the profile chart (baseline against now on a re-grade),
targeted items with their grades at review (`ui.assessment_targets`; on a re-grade also the
baseline's targets, which the re-grade reviews), completing the assessment, and, once it is
complete, its addenda and the re-grade that starts a new assessment linked to it. Its problem
line also shows the editor's refusals."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessments import gcp2
from assessments.record import Target
from ui import assessment_operations as ops
from ui.assessment_models import ProfileChartModel, name_of
from ui.assessment_targets import TargetsBox
from ui.formatting import local_datetime_text
from ui.profile_chart import ProfileChart
from ui.widgets import named_combo, named_text

if TYPE_CHECKING:
    from ui.assessment_editor import AssessmentEditor


class SummaryTab(QWidget):
    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__()
        self._editor = editor
        self.chart_model = ProfileChartModel(editor)
        self.chart = ProfileChart(self.chart_model)
        self.targets = TargetsBox(self.tr("Targeted items"), self.tr("Record grade at revie&w"))
        self.targets.review.connect(self._review)
        self.baseline_targets = TargetsBox(
            self.tr("Targets set at the baseline, reviewed now"),
            self.tr("Record the base&line's grade at review"),
        )
        self.baseline_targets.review.connect(self._review_baseline)
        self.baseline_targets.hide()
        self.target_sub_area = named_combo(self.tr("Sub-area to target"))
        for sub in gcp2.SUB_AREAS:
            self.target_sub_area.addItem(name_of(sub.id), sub.id)
        self.target_sub_area.currentIndexChanged.connect(lambda _i: self.prefill_target())
        self.target_current, self.target_grade = QSpinBox(), QSpinBox()
        for spin, name in (
            (self.target_current, self.tr("Current grade")),
            (self.target_grade, self.tr("Target grade")),
        ):
            spin.setRange(1, 5)
            spin.setAccessibleName(name)
        self.target_review = QDateEdit(QDate.currentDate().addMonths(3))
        self.target_review.setCalendarPopup(True)
        self.target_review.setAccessibleName(self.tr("Review by"))
        self.add_target_button = QPushButton(self.tr("Add &target"))
        self.add_target_button.clicked.connect(self.add_target)
        target_row = QHBoxLayout()
        for widget in (
            self.target_sub_area,
            self.target_current,
            self.target_grade,
            self.target_review,
            self.add_target_button,
        ):
            target_row.addWidget(widget)
        self.complete_button = QPushButton(self.tr("&Complete assessment"))
        self.complete_button.clicked.connect(self.complete)
        self.regrade_button = QPushButton(self.tr("&Re-grade"))
        self.regrade_button.setToolTip(self.tr("Start a new assessment linked to this one"))
        self.regrade_button.clicked.connect(self.regrade)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.addenda = QLabel()
        self.addenda.setWordWrap(True)
        self.addenda.setProperty("record_text", True)
        self.addendum_reason = QLineEdit()
        self.addendum_reason.setPlaceholderText(self.tr("Reason for the addendum"))
        self.addendum_reason.setAccessibleName(self.tr("Reason for the addendum"))
        self.addendum_text = named_text(self.tr("Addendum"))
        self.addendum_text.setMaximumHeight(80)
        self.addendum_button = QPushButton(self.tr("Add a&ddendum"))
        self.addendum_button.clicked.connect(self.add_addendum)
        actions = QHBoxLayout()
        actions.addWidget(self.problem, 1)
        actions.addWidget(self.complete_button)
        actions.addWidget(self.regrade_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.targets, 1)
        layout.addLayout(target_row)
        layout.addWidget(self.baseline_targets, 1)
        layout.addWidget(self.addenda)
        layout.addWidget(self.addendum_reason)
        layout.addWidget(self.addendum_text)
        layout.addWidget(self.addendum_button)
        layout.addLayout(actions)

    def show_assessment(self, screen: ops.AssessmentScreen) -> None:
        a = screen.view.assessment
        self.chart_model.set_grades(
            {s: a.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}, screen.comparison
        )
        self.targets.show_targets(a.targets, regraded=screen.regraded_by is not None)
        comparison = screen.comparison
        reviews = comparison.baseline_targets if comparison is not None else ()
        self.baseline_targets.setVisible(bool(reviews))
        self.baseline_targets.show_targets(
            reviews, regraded=True, now={s: a.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}
        )
        self.addenda.setText(
            "\n".join(
                self.tr("Addendum %1 by %2 (%3): %4")
                .replace("%1", local_datetime_text(x.at))
                .replace("%2", x.author)
                .replace("%3", x.reason)
                .replace("%4", x.text)
                for x in a.addenda
            )
        )

    def set_editable(self, editable: bool) -> None:
        """A draft takes targets and completion; a completed assessment, addenda and re-grade
        (grades at review are open to both, by date: see `TargetsBox`)."""
        drafting: tuple[QWidget, ...] = (
            self.target_sub_area,
            self.target_current,
            self.target_grade,
            self.target_review,
            self.add_target_button,
            self.complete_button,
        )
        for widget in drafting:
            widget.setEnabled(editable)
        for widget in (
            self.addendum_reason,
            self.addendum_text,
            self.addendum_button,
            self.regrade_button,
        ):
            widget.setVisible(not editable)

    def forget(self) -> None:
        self.addendum_text.clear()
        self.addenda.clear()
        self.problem.clear()
        self.chart_model.clear()
        self.targets.forget()
        self.baseline_targets.forget()

    def add_target(self) -> None:
        current = self._editor.current
        if current is None:
            return
        review_by = self.target_review.date().toPython()
        assert isinstance(review_by, date)
        target = Target(
            self.target_sub_area.currentData(),
            self.target_current.value(),
            self.target_grade.value(),
            review_by,
        )
        self._editor.run(ops.set_targets(current.view.id, (*self.targets.model.targets, target)))

    def prefill_target(self) -> None:
        """A new target starts from the sub-area's grade now, aiming one grade better."""
        current = self._editor.current
        grade = None if current is None else current.view.assessment.sub_area_grade(
            self.target_sub_area.currentData())
        if grade is not None:
            self.target_current.setValue(grade)
            self.target_grade.setValue(max(grade - 1, 1))

    def _review(self, position: int, grade: int) -> None:
        current = self._editor.current
        if current is not None:
            self._editor.run(ops.record_review_grade(
                current.view.id, position, grade, shown_id=current.view.id))

    def _review_baseline(self, position: int, grade: int) -> None:
        current = self._editor.current
        if current is not None and current.comparison is not None:
            self._editor.run(ops.record_review_grade(
                current.comparison.baseline_id, position, grade, shown_id=current.view.id))

    def complete(self) -> None:
        current = self._editor.current
        if current is not None:
            self._editor.save_evidence_if_changed()
            self._editor.flush()  # and the views typed, before they become read-only
            self._editor.run(ops.complete(current.view.id))

    def add_addendum(self) -> None:
        current = self._editor.current
        if current is None:
            return
        reason, text = self.addendum_reason.text().strip(), self.addendum_text.toPlainText()
        if not reason or not text.strip():
            self.problem.setText(self.tr("An addendum needs its reason and its text."))
            return
        self.addendum_reason.clear()
        self.addendum_text.clear()
        self._editor.run(ops.add_addendum(current.view.id, reason=reason, text=text))

    def regrade(self) -> None:
        editor = self._editor
        if editor.current is not None and editor.detail is not None:
            editor.start(editor.detail, editor.current.view.child_id, editor.current.view.id)
