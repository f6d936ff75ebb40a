"""The GCP2 editor, used with the family beside the practitioner: its shell (title, status, tabs,
back) and Grades tab: sub-areas with progress, large grade buttons saying what each grade means,
keys 1-5 to grade and move on, autosaved evidence. The other tabs are `ui.assessment_areas`
(area grades confirmed), `ui.assessment_views` (the family's views) and `ui.assessment_summary`
(chart, targets, complete, addenda, re-grade).

Everything goes through `ui.assessment_operations` on the DB worker; the editor keeps only the
last `AssessmentScreen`. Evidence is autosaved as an encrypted draft per sub-area and saved with
the grade. "Show to family" hides the practitioner-only notes. A completed assessment is shown
read-only: its only change is an addendum.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.views import DraftView, FamilyDetail
from assessments import gcp2, prompts, scale
from ui import assessment_operations as ops
from ui import operations
from ui.assessment_areas import AreasTab
from ui.assessment_models import SubAreasModel, name_of
from ui.assessment_summary import SummaryTab
from ui.assessment_views import ViewsTab
from ui.autosave import NotesAutosave
from ui.background import Background, describe_failure
from ui.formatting import local_datetime_text
from ui.widgets import named_text

GRADE_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}


class SubAreaList(QListView):
    """The sub-area navigation; keys 1-5 grade the current sub-area instead of searching."""

    grade_key = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        grade = GRADE_KEYS.get(Qt.Key(event.key()))
        if grade is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.grade_key.emit(grade)
            return
        super().keyPressEvent(event)


class AssessmentEditor(QWidget):
    closed = Signal(str)  # family id
    opened = Signal()  # an assessment is showing (after start or open succeeded)
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.detail: FamilyDetail | None = None
        self.current: ops.AssessmentScreen | None = None
        self.sub_area = gcp2.SUB_AREA_IDS[0]
        self._evidence_known: dict[str, str] = {}
        self.family_view = False
        self.sub_areas_model = SubAreasModel(self)
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
            (self._grades_tab(), self.tr("&Grades")),
            (self.areas, self.tr("A&reas")),
            (self.family_views, self.tr("&Views")),
            (self.summary, self.tr("&Summary")),
        ):
            # Scrolled, so that a small window or a large system font never clips a page.
            scrolled = QScrollArea()
            scrolled.setWidgetResizable(True)
            scrolled.setWidget(page)
            self.tabs.addTab(scrolled, label)
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
        """The other tabs' parts, by the names the window and its tests reach them through."""
        self.area_rows = self.areas.rows
        self.views = self.family_views.views
        self.parent_agrees = self.family_views.parent_agrees
        self.save_views_button = self.family_views.save_views_button
        summary = self.summary
        self.chart = summary.chart
        self.chart_model = summary.chart_model
        self.targets_model = summary.targets_model
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

    def _grades_tab(self) -> QWidget:
        self.sub_area_list = SubAreaList()
        self.sub_area_list.setModel(self.sub_areas_model)
        self.sub_area_list.setAccessibleName(self.tr("Sub-areas"))
        self.sub_area_list.grade_key.connect(self.grade_by_key)
        self.sub_area_list.selectionModel().currentChanged.connect(self._sub_area_chosen)
        self.sub_area_name = QLabel()
        self.grade_buttons: list[QPushButton] = []
        buttons = QHBoxLayout()
        for meaning in scale.SCALE:
            button = QPushButton(
                f"{meaning.grade}\n{self.tr(meaning.needs)}\n{self.tr(meaning.commitment_to_care)}"
            )
            button.setCheckable(True)
            button.setMinimumHeight(96)
            button.setAccessibleName(self.tr("Grade %1").replace("%1", str(meaning.grade)))
            button.setAccessibleDescription(self.tr(meaning.for_parents))
            button.setToolTip(self.tr(meaning.for_parents))
            button.clicked.connect(lambda _on=False, g=meaning.grade: self.grade(g))
            buttons.addWidget(button)
            self.grade_buttons.append(button)
        self.prompts = QLabel()
        self.prompts.setWordWrap(True)
        self.evidence = named_text(self.tr("Evidence"))
        self.evidence.setPlaceholderText(self.tr("What you saw and heard; the child's experience"))
        self.autosave = NotesAutosave(self._background, self.evidence.toPlainText, self)
        self.evidence.textChanged.connect(self.autosave.text_changed)
        self.autosave.failed.connect(self.message)
        self.no_pack = QLabel(self.tr(prompts.NO_PACK_NOTICE))
        self.no_pack.setWordWrap(True)
        right = QVBoxLayout()
        for widget in (self.sub_area_name, self.no_pack):
            right.addWidget(widget)
        right.addLayout(buttons)
        right.addWidget(self.prompts)
        evidence_label = QLabel(self.tr("&Evidence:"))
        evidence_label.setBuddy(self.evidence)
        right.addWidget(evidence_label)
        right.addWidget(self.evidence, 1)
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.addWidget(self.sub_area_list, 1)
        columns.addLayout(right, 3)
        return page

    # -- opening and showing -------------------------------------------------------------------

    def start(self, detail: FamilyDetail, child_id: str, previous_id: str | None) -> None:
        """Start a new GCP2 for the child (a re-grade of `previous_id` when given)."""
        self.detail = detail
        self.run(ops.start_gcp2(child_id, previous_id=previous_id), first=True)

    def open(self, detail: FamilyDetail, assessment_id: str) -> None:
        self.detail = detail
        self.run(ops.open_assessment(assessment_id), first=True)

    def run(self, job: ops.Job[ops.AssessmentScreen], *, first: bool = False) -> None:
        self._background.run(
            job,
            success=lambda screen: self._show(screen, first=first),
            failure=lambda error: self._refused(describe_failure(error)),
        )

    def _refused(self, text: str) -> None:
        self.problem.setText(text)
        self.message.emit(text)

    def _show(self, screen: ops.AssessmentScreen, *, first: bool = False) -> None:
        if not self._background.unlocked or self.detail is None:
            return
        if self.current is not None and screen.view.id != self.current.view.id:
            first = True
        self.current = screen
        self.problem.clear()  # the last refusal no longer applies
        a = screen.view.assessment
        child = next((c.name for c in self.detail.children if c.id == a.child), "")
        self.title.setText(child)
        done = screen.view.is_complete
        self.sub_areas_model.set_assessment(a)
        self.status.setText(
            self.tr("Complete, %1").replace("%1", local_datetime_text(a.completed_at))
            if done
            else self.sub_areas_model.progress_text()
        )
        if first:
            self._evidence_known = {}
        for sub_id, entry in a.sub_areas.items():
            self._evidence_known[sub_id] = entry.evidence
        self.areas.show_assessment(screen)
        self.summary.show_assessment(screen)
        self.no_pack.setVisible(not screen.has_pack)
        if first:
            self.family_views.show_assessment(screen)
            self._choose(gcp2.SUB_AREA_IDS[0], load=True, save_last=False)
        else:
            self.sub_area_list.setCurrentIndex(
                self.sub_areas_model.index(self.sub_areas_model.row_of(self.sub_area))
            )
            self._show_grade()
        self._set_editable(not done)
        self.set_family_view(self.family_view)
        if first:
            self.opened.emit()

    def _set_editable(self, editable: bool) -> None:
        for button in self.grade_buttons:
            button.setEnabled(editable)
        self.evidence.setReadOnly(not editable)
        for tab in (self.areas, self.family_views, self.summary):
            tab.set_editable(editable)

    def set_family_view(self, on: bool) -> None:
        """ "Show to family": hide the practitioner-only notes."""
        self.family_view = on
        self.family_views.set_family_view(on)

    # -- grading --------------------------------------------------------------------------------

    def _sub_area_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.current is not None:
            chosen = self.sub_areas_model.sub_area_at(current.row())
            if chosen != self.sub_area:
                self._choose(chosen, load=True)

    def _choose(self, sub_area_id: str, *, load: bool, save_last: bool = True) -> None:
        """Move to a sub-area: keep the evidence typed in the last one, show this one's."""
        if save_last:
            self.save_evidence_if_changed()
        self.sub_area = sub_area_id
        self.sub_area_list.setCurrentIndex(
            self.sub_areas_model.index(self.sub_areas_model.row_of(sub_area_id))
        )
        self.sub_area_name.setText(name_of(sub_area_id))
        self.prompts.setText("\n".join(self.tr(p) for p in prompts.evidence_prompts(sub_area_id)))
        if load and self.current is not None:
            self.autosave.watch(None)
            self.evidence.setPlainText(self._evidence_known.get(sub_area_id, ""))
            key = ops.evidence_draft_key(self.current.view.id, sub_area_id)
            self.autosave.watch(None if self.current.view.is_complete else key)
            self._background.run(operations.load_draft(key), success=self._restore_draft)
        self._show_grade()

    def _restore_draft(self, draft: DraftView | None) -> None:
        if draft is None or self.current is None or draft.key != self.autosave.key:
            return
        self.autosave.watch(None)
        self.evidence.setPlainText(draft.text)
        self.autosave.watch(draft.key)

    def _show_grade(self) -> None:
        a = None if self.current is None else self.current.view.assessment
        grade = None if a is None else a.sub_area_grade(self.sub_area)
        for n, button in enumerate(self.grade_buttons, start=1):
            button.setChecked(n == grade)

    def save_evidence_if_changed(self) -> None:
        if self.current is None or self.current.view.is_complete:
            return
        text = self.evidence.toPlainText()
        if text == self._evidence_known.get(self.sub_area, ""):
            return
        grade = self.current.view.assessment.sub_area_grade(self.sub_area)
        self._send_sub_area(self.sub_area, grade, text)

    def _send_sub_area(self, sub_area_id: str, grade: int | None, evidence: str) -> None:
        assert self.current is not None
        self._evidence_known[sub_area_id] = evidence
        if sub_area_id == self.sub_area:
            self.autosave.watch(self.autosave.key)  # saved with the grade; draft discarded
        self.run(
            ops.save_sub_area(self.current.view.id, sub_area_id, grade=grade, evidence=evidence)
        )

    def grade(self, grade: int) -> None:
        """Grade the current sub-area (with the evidence as typed)."""
        if self.current is None or self.current.view.is_complete:
            return
        for n, button in enumerate(self.grade_buttons, start=1):
            button.setChecked(n == grade)
        self._send_sub_area(self.sub_area, grade, self.evidence.toPlainText())

    def grade_by_key(self, grade: int) -> None:
        """Keys 1-5: grade the current sub-area and move on to the next."""
        self.grade(grade)
        row = self.sub_areas_model.row_of(self.sub_area)
        if row + 1 < len(gcp2.SUB_AREA_IDS):
            self._choose(gcp2.SUB_AREA_IDS[row + 1], load=True)

    # -- leaving and locking ----------------------------------------------------------------------

    def flush(self) -> None:
        self.autosave.save_now()

    def clear(self) -> None:
        """Forget everything shown (on lock); typed evidence was flushed to its draft first."""
        self.autosave.watch(None)
        self.current = self.detail = None
        self._evidence_known = {}
        self.evidence.clear()
        for label in (self.title, self.status):
            label.clear()
        for tab in (self.areas, self.family_views, self.summary):
            tab.forget()
        self.sub_areas_model.clear()

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
