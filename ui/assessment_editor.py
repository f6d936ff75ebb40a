"""The GCP2 editor, used with the family beside the practitioner: its shell (title, status, tabs,
back), opening and starting (with the training gate), and what every tab shares. The tabs are
`ui.assessment_grades` (sub-areas, grade buttons, keys 1-5, the pack's items, evidence),
`ui.assessment_areas` (area grades confirmed), `ui.assessment_views` (the family's views) and
`ui.assessment_summary` (chart, targets and their reviews, complete, addenda, re-grade).

Everything goes through `ui.assessment_operations` on the DB worker; the editor keeps only the
last `AssessmentScreen`. Evidence is autosaved as an encrypted draft per sub-area and saved with
the grade; typed views are saved on leaving, completing or locking. "Show to family" hides the
practitioner-only notes. A completed assessment is shown read-only: its only changes are
addenda and the grades at review of its targets (each recorded as an addendum).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInput, UsageError
from app.services.views import FamilyDetail
from ui import assessment_operations as ops
from ui.assessment_areas import AreasTab
from ui.assessment_grades import GRADE_KEYS, GradesTab
from ui.assessment_summary import SummaryTab
from ui.assessment_training import TrainingDateDialog
from ui.assessment_views import ViewsTab
from ui.background import Background, describe_failure
from ui.formatting import local_datetime_text


def refusal_text(error: Exception) -> str:
    """One sentence for the practitioner; a validation problem without its JSON path, which
    means something in a case file, not on this screen."""
    if isinstance(error, InvalidInput):
        error = UsageError(error.problem)
    return describe_failure(error)


class AssessmentEditor(QWidget):
    closed = Signal(str)  # family id
    opened = Signal()  # an assessment is showing (after start or open succeeded)
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.detail: FamilyDetail | None = None
        self.current: ops.AssessmentScreen | None = None
        self.family_view = False
        self.training_dialog: TrainingDateDialog | None = None
        self.grades = GradesTab(self)
        self.areas = AreasTab(self)
        self.family_views = ViewsTab(self)
        self.summary = SummaryTab(self)
        self._name_tab_parts()
        self.title = QLabel()
        self.title.setProperty("record_text", True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Assessment status"))
        self.tabs = QTabWidget()
        for page, label in (
            (self.grades, self.tr("&Grades")),
            (self.areas, self.tr("A&reas")),
            (self.family_views, self.tr("&Views")),
            (self.summary, self.tr("&Summary")),
        ):
            # Scrolled, so that a small window or a large system font never clips a page.
            scrolled = QScrollArea()
            scrolled.setWidgetResizable(True)
            scrolled.setWidget(page)
            self.tabs.addTab(scrolled, label)
        # Opening the Summary (the last tab) starts a new target from the sub-area's grade.
        self.tabs.currentChanged.connect(
            lambda index: self.summary.prefill_target() if index == self.tabs.count() - 1 else None
        )
        back = QPushButton(self.tr("&Back to family"))
        back.setToolTip(self.tr("Back to the family; unsaved evidence stays as a draft (Esc)"))
        back.clicked.connect(self.leave)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        header.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _name_tab_parts(self) -> None:
        """The tabs' parts, by the names the window and its tests reach them through."""
        grades = self.grades
        self.sub_areas_model = grades.model
        self.sub_area_list = grades.sub_area_list
        self.grade_buttons = grades.grade_buttons
        self.evidence = grades.evidence
        self.autosave = grades.autosave
        self.no_pack = grades.no_pack
        self.items = grades.items
        self.area_rows = self.areas.rows
        self.views = self.family_views.views
        self.parent_agrees = self.family_views.parent_agrees
        self.save_views_button = self.family_views.save_views_button
        summary = self.summary
        self.chart = summary.chart
        self.chart_model = summary.chart_model
        self.targets = summary.targets
        self.targets_model = summary.targets.model
        self.baseline_targets = summary.baseline_targets
        self.target_current = summary.target_current
        self.target_grade = summary.target_grade
        self.add_target_button = summary.add_target_button
        self.complete_button = summary.complete_button
        self.regrade_button = summary.regrade_button
        self.problem = summary.problem  # also says why the editor refused something
        self.addenda = summary.addenda
        self.addendum_reason = summary.addendum_reason
        self.addendum_text = summary.addendum_text
        self.addendum_button = summary.addendum_button

    # -- opening and showing -------------------------------------------------------------------

    def start(self, detail: FamilyDetail, child_id: str, previous_id: str | None) -> None:
        """Start a new GCP2 for the child (a re-grade of `previous_id` when given). Without a
        GCP2 training date on the profile, offer to record it, then start."""
        self.detail = detail
        self.background.run(
            ops.start_gcp2(child_id, previous_id=previous_id),
            success=lambda screen: self._show(screen, first=True),
            failure=lambda error: self._start_refused(error, child_id, previous_id),
        )

    def _start_refused(self, error: Exception, child_id: str, previous_id: str | None) -> None:
        self._refused(refusal_text(error))
        if not isinstance(error, ops.TrainingDateNeeded) or self.detail is None:
            return
        detail = self.detail
        dialog = TrainingDateDialog(self.window())
        self.training_dialog = dialog
        dialog.submitted.connect(
            lambda day: self._record_training(day, detail, child_id, previous_id)
        )
        dialog.finished.connect(lambda _result: setattr(self, "training_dialog", None))
        dialog.open()

    def _record_training(
        self, day: date, detail: FamilyDetail, child_id: str, previous_id: str | None
    ) -> None:
        self.background.run(
            ops.record_training_date(day),
            success=lambda _me: self.start(detail, child_id, previous_id),
            failure=lambda error: self._refused(refusal_text(error)),
        )

    def open(self, detail: FamilyDetail, assessment_id: str) -> None:
        self.detail = detail
        self.run(ops.open_assessment(assessment_id), first=True)

    def run(self, job: ops.Job[ops.AssessmentScreen], *, first: bool = False) -> None:
        self.background.run(
            job,
            success=lambda screen: self._show(screen, first=first),
            failure=lambda error: self._refused(refusal_text(error)),
        )

    def _refused(self, text: str) -> None:
        self.problem.setText(text)
        self.message.emit(text)

    def _show(self, screen: ops.AssessmentScreen, *, first: bool = False) -> None:
        if not self.background.unlocked or self.detail is None:
            return
        if self.current is not None and screen.view.id != self.current.view.id:
            first = True
        self.current = screen
        self.problem.clear()  # the last refusal no longer applies
        a = screen.view.assessment
        child = next((c.name for c in self.detail.children if c.id == a.child), "")
        self.title.setText(child)
        done = screen.view.is_complete
        self.grades.show_assessment(screen, first=first)
        self.status.setText(
            self.tr("Complete, %1").replace("%1", local_datetime_text(a.completed_at))
            if done
            else self.sub_areas_model.progress_text()
        )
        self.areas.show_assessment(screen)
        self.summary.show_assessment(screen)
        if first:
            self.family_views.show_assessment(screen)
        for tab in (self.grades, self.areas, self.family_views, self.summary):
            tab.set_editable(not done)
        self.set_family_view(self.family_view)
        if first:
            self.opened.emit()

    def set_family_view(self, on: bool) -> None:
        """ "Show to family": hide the practitioner-only notes."""
        self.family_view = on
        self.family_views.set_family_view(on)

    # -- the Grades tab's use, by the names the window and the tests use -------------------------

    @property
    def sub_area(self) -> str:
        return self.grades.sub_area

    def save_evidence_if_changed(self) -> None:
        self.grades.save_evidence_if_changed()

    def grade_by_key(self, grade: int) -> None:
        self.grades.grade_by_key(grade)

    # -- leaving and locking ----------------------------------------------------------------------

    def flush(self) -> None:
        """Before a lock: queue saving what was typed, the evidence to its draft and the views
        to the assessment, ahead of the profile closing."""
        self.autosave.save_now()
        self.family_views.save_if_changed()

    def clear(self) -> None:
        """Forget everything shown (on lock); typed text was saved by `flush` first."""
        if self.training_dialog is not None:
            self.training_dialog.reject()
        self.current = self.detail = None
        for label in (self.title, self.status):
            label.clear()
        for tab in (self.grades, self.areas, self.family_views, self.summary):
            tab.forget()

    def leave(self) -> None:
        if self.current is None:
            return
        family_id = self.current.view.family_id
        self.save_evidence_if_changed()
        self.flush()
        self.autosave.watch(None)
        self.closed.emit(family_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        grade = GRADE_KEYS.get(Qt.Key(event.key()))
        if grade is not None and self.tabs.currentIndex() == 0:
            self.grade_by_key(grade)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)
