"""The GCP2 editor, used with the family beside the practitioner: sub-areas with progress, large
grade buttons saying what each grade means, keys 1-5 to grade, autosaved evidence; area grades
the practitioner confirms; views; targeted items; the profile chart; complete; addenda; re-grade.

Everything goes through `ui.assessment_operations` on the DB worker; the editor keeps only the
last `AssessmentScreen`. Evidence is autosaved as an encrypted draft per sub-area and saved with
the grade. "Show to family" hides the practitioner-only notes. A completed assessment is shown
read-only: its only change is an addendum.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.views import DraftView, FamilyDetail
from assessments import gcp2, prompts, scale
from assessments.grading import area_grade_needs_rationale
from assessments.record import AreaGrade, Target
from ui import assessment_operations as ops
from ui import operations
from ui.assessment_models import (
    ProfileChartModel,
    SubAreasModel,
    TargetsModel,
    area_name,
    name_of,
)
from ui.autosave import NotesAutosave
from ui.background import Background, describe_failure
from ui.formatting import local_datetime_text
from ui.profile_chart import ProfileChart

GRADE_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}
VIEW_TEXTS = ("strengths", "carer_views", "child_views", "parent_comments", "practitioner_only")


def named_combo(name: str) -> QComboBox:
    """A combo box with an accessible name, also given as its list's header (read out by
    screen readers when the list opens)."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        model.setHorizontalHeaderLabels([name])
    return combo


class SubAreaList(QListView):
    """The sub-area navigation; keys 1-5 grade the current sub-area instead of searching."""

    grade_key = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        grade = GRADE_KEYS.get(Qt.Key(event.key()))
        if grade is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.grade_key.emit(grade)
            return
        super().keyPressEvent(event)


class AreaRow:
    """One area's confirmation: range of its sub-area grades, the pack's suggestion (only when
    the pack has a rule), the confirmed grade and a rationale, required outside the range."""

    def __init__(self, editor: AssessmentEditor, area: gcp2.Area, grid: QGridLayout) -> None:
        self.area = area
        self._shown: tuple[str, AreaGrade | None] | None = None
        row = grid.rowCount()
        name = area_name(area.id)
        self.name = QLabel(editor.tr("%1. %2").replace("%1", area.letter).replace("%2", name))
        self.range = QLabel()
        self.suggestion = QLabel()
        self.grade = named_combo(editor.tr("Confirmed grade for %1").replace("%1", name))
        self.grade.addItem(editor.tr("Choose…"), None)
        for g in scale.GRADES:
            self.grade.addItem(str(g), g)
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText(editor.tr("Rationale (needed outside the range)"))
        self.rationale.setAccessibleName(editor.tr("Rationale for %1").replace("%1", name))
        self.confirm = QPushButton(editor.tr("Confirm"))
        self.confirm.setAccessibleName(editor.tr("Confirm the %1 grade").replace("%1", name))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        for column, widget in enumerate(
            (self.name, self.range, self.suggestion, self.grade, self.rationale, self.confirm)
        ):
            grid.addWidget(widget, row, column)
        grid.addWidget(self.problem, row + 1, 1, 1, 5)
        self.confirm.clicked.connect(lambda: editor.confirm_area(self))

    def forget(self) -> None:
        self._shown = None
        for label in (self.range, self.suggestion, self.problem):
            label.clear()
        self.rationale.clear()
        self.grade.setCurrentIndex(0)

    def sub_grades(self, screen: ops.AssessmentScreen) -> list[int | None]:
        a = screen.view.assessment
        return [a.sub_area_grade(s) for s in self.area.sub_area_ids]

    def show(self, editor: AssessmentEditor, screen: ops.AssessmentScreen) -> None:
        graded = [g for g in self.sub_grades(screen) if g is not None]
        self.range.setText(
            editor.tr("Sub-areas: %1 to %2")
            .replace("%1", str(min(graded)))
            .replace("%2", str(max(graded)))
            if graded
            else editor.tr("Sub-areas not graded yet")
        )
        suggested = screen.suggestions.get(self.area.id)
        self.suggestion.setVisible(suggested is not None)
        self.suggestion.setText(editor.tr("Pack suggests %1").replace("%1", str(suggested)))
        confirmed = screen.view.assessment.areas.get(self.area.id)
        shown = (screen.view.id, confirmed)
        if shown == self._shown:
            return  # keep a choice being made (and its problem) while other things save
        self._shown = shown
        self.grade.setCurrentIndex(self.grade.findData(confirmed.grade if confirmed else None))
        self.rationale.setText(confirmed.rationale if confirmed else "")
        self.problem.clear()


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
        self.chart_model = ProfileChartModel(self)
        self.targets_model = TargetsModel(self)
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
            (self._areas_tab(), self.tr("A&reas")),
            (self._views_tab(), self.tr("&Views")),
            (self._summary_tab(), self.tr("&Summary")),
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

    # -- building ----------------------------------------------------------------------------

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
        self.evidence = QPlainTextEdit()
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setPlaceholderText(self.tr("What you saw and heard; the child's experience"))
        self.evidence.setTabChangesFocus(True)
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

    def _areas_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.area_rows = [AreaRow(self, area, grid) for area in gcp2.AREAS]
        grid.setRowStretch(grid.rowCount(), 1)
        return page

    def _text(self, name: str) -> QPlainTextEdit:
        field = QPlainTextEdit()
        field.setAccessibleName(name)
        field.setTabChangesFocus(True)
        return field

    def _views_tab(self) -> QWidget:
        self.views = {
            "strengths": self._text(self.tr("Strengths")),
            "carer_views": self._text(self.tr("Carer's views")),
            "child_views": self._text(self.tr("Child's views")),
            "parent_comments": self._text(self.tr("Parent's comments")),
            "practitioner_only": self._text(self.tr("Practitioner-only notes")),
        }
        self.parent_agrees = named_combo(self.tr("Parent agrees with the grades"))
        for text, value in (
            (self.tr("Not asked yet"), None),
            (self.tr("Yes"), True),
            (self.tr("No"), False),
        ):
            self.parent_agrees.addItem(text, value)
        self.save_views_button = QPushButton(self.tr("Save &views"))
        self.save_views_button.clicked.connect(self.save_views)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Strengths:"), self.views["strengths"])
        form.addRow(self.tr("Carer's views:"), self.views["carer_views"])
        form.addRow(self.tr("Child's views:"), self.views["child_views"])
        form.addRow(self.tr("Parent agrees with the grades:"), self.parent_agrees)
        form.addRow(self.tr("Parent's comments:"), self.views["parent_comments"])
        self.practitioner_only_label = QLabel(self.tr("Practitioner only:"))
        form.addRow(self.practitioner_only_label, self.views["practitioner_only"])
        form.addRow("", self.save_views_button)
        return page

    def _summary_tab(self) -> QWidget:
        self.chart = ProfileChart(self.chart_model)
        self.targets_table = QTableView()
        self.targets_table.setModel(self.targets_model)
        self.targets_table.setAccessibleName(self.tr("Targeted items"))
        self.target_sub_area = named_combo(self.tr("Sub-area to target"))
        for sub in gcp2.SUB_AREAS:
            self.target_sub_area.addItem(name_of(sub.id), sub.id)
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
        self.addendum_text = self._text(self.tr("Addendum"))
        self.addendum_text.setMaximumHeight(80)
        self.addendum_button = QPushButton(self.tr("Add a&ddendum"))
        self.addendum_button.clicked.connect(self.add_addendum)
        actions = QHBoxLayout()
        actions.addWidget(self.problem, 1)
        actions.addWidget(self.complete_button)
        actions.addWidget(self.regrade_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.targets_table, 1)
        layout.addLayout(target_row)
        layout.addWidget(self.addenda)
        layout.addWidget(self.addendum_reason)
        layout.addWidget(self.addendum_text)
        layout.addWidget(self.addendum_button)
        layout.addLayout(actions)
        return page

    # -- opening and showing -------------------------------------------------------------------

    def start(self, detail: FamilyDetail, child_id: str, previous_id: str | None) -> None:
        """Start a new GCP2 for the child (a re-grade of `previous_id` when given)."""
        self.detail = detail
        self._run(ops.start_gcp2(child_id, previous_id=previous_id), first=True)

    def open(self, detail: FamilyDetail, assessment_id: str) -> None:
        self.detail = detail
        self._run(ops.open_assessment(assessment_id), first=True)

    def _run(self, job: ops.Job[ops.AssessmentScreen], *, first: bool = False) -> None:
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
        self.chart_model.set_grades(
            {s: a.sub_area_grade(s) for s in gcp2.SUB_AREA_IDS}, screen.comparison
        )
        self.targets_model.set_targets(a.targets)
        for row in self.area_rows:
            row.show(self, screen)
        self.no_pack.setVisible(not screen.has_pack)
        if first:
            for name, field in self.views.items():
                field.setPlainText(getattr(a, name))
            self.parent_agrees.setCurrentIndex(self.parent_agrees.findData(a.parent_agrees))
            self._choose(gcp2.SUB_AREA_IDS[0], load=True, save_last=False)
        else:
            self.sub_area_list.setCurrentIndex(
                self.sub_areas_model.index(self.sub_areas_model.row_of(self.sub_area))
            )
            self._show_grade()
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
        self._set_editable(not done)
        self.set_family_view(self.family_view)
        if first:
            self.opened.emit()

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            *self.grade_buttons,
            *self.views.values(),
            self.parent_agrees,
            self.save_views_button,
            self.add_target_button,
            self.complete_button,
        ):
            widget.setEnabled(editable)
        self.evidence.setReadOnly(not editable)
        for row in self.area_rows:
            for widget in (row.grade, row.rationale, row.confirm):
                widget.setEnabled(editable)
        for widget in (
            self.addendum_reason,
            self.addendum_text,
            self.addendum_button,
            self.regrade_button,
        ):
            widget.setVisible(not editable)

    def set_family_view(self, on: bool) -> None:
        """ "Show to family": hide the practitioner-only notes."""
        self.family_view = on
        self.views["practitioner_only"].setVisible(not on)
        self.practitioner_only_label.setVisible(not on)

    # -- grading --------------------------------------------------------------------------------

    def _sub_area_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.current is not None:
            chosen = self.sub_areas_model.sub_area_at(current.row())
            if chosen != self.sub_area:
                self._choose(chosen, load=True)

    def _choose(self, sub_area_id: str, *, load: bool, save_last: bool = True) -> None:
        """Move to a sub-area: keep the evidence typed in the last one, show this one's."""
        if save_last:
            self._save_evidence_if_changed()
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
        grade = (
            None
            if self.current is None
            else self.current.view.assessment.sub_area_grade(self.sub_area)
        )
        for n, button in enumerate(self.grade_buttons, start=1):
            button.setChecked(n == grade)

    def _save_evidence_if_changed(self) -> None:
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
        self._run(
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

    # -- areas, views, targets, completion, addenda -----------------------------------------------

    def confirm_area(self, row: AreaRow) -> None:
        if self.current is None:
            return
        grade = row.grade.currentData()
        if grade is None:
            row.problem.setText(self.tr("Choose the grade you confirm for this area."))
            return
        rationale = row.rationale.text().strip()
        if area_grade_needs_rationale(grade, row.sub_grades(self.current)) and not rationale:
            row.problem.setText(
                self.tr(
                    "This grade is outside the range of the sub-area grades: give your rationale."
                )
            )
            row.rationale.setFocus()
            return
        row.problem.clear()
        self._run(
            ops.confirm_area(self.current.view.id, row.area.id, grade=grade, rationale=rationale)
        )

    def save_views(self) -> None:
        if self.current is None:
            return
        fields: dict[str, str | bool | None] = {
            name: field.toPlainText() for name, field in self.views.items()
        }
        fields["parent_agrees"] = self.parent_agrees.currentData()
        self._run(ops.update_views(self.current.view.id, fields))

    def add_target(self) -> None:
        if self.current is None:
            return
        review_by = self.target_review.date().toPython()
        assert isinstance(review_by, date)
        target = Target(
            self.target_sub_area.currentData(),
            self.target_current.value(),
            self.target_grade.value(),
            review_by,
        )
        self._run(ops.set_targets(self.current.view.id, (*self.targets_model.targets, target)))

    def complete(self) -> None:
        if self.current is not None:
            self.flush()
            self._save_evidence_if_changed()
            self._run(ops.complete(self.current.view.id))

    def add_addendum(self) -> None:
        if self.current is None:
            return
        reason, text = self.addendum_reason.text().strip(), self.addendum_text.toPlainText()
        if not reason or not text.strip():
            self.problem.setText(self.tr("An addendum needs its reason and its text."))
            return
        self.addendum_reason.clear()
        self.addendum_text.clear()
        self._run(ops.add_addendum(self.current.view.id, reason=reason, text=text))

    def regrade(self) -> None:
        if self.current is not None and self.detail is not None:
            self.start(self.detail, self.current.view.child_id, self.current.view.id)

    # -- leaving and locking ----------------------------------------------------------------------

    def flush(self) -> None:
        self.autosave.save_now()

    def clear(self) -> None:
        """Forget everything shown (on lock); typed evidence was flushed to its draft first."""
        self.autosave.watch(None)
        self.current = self.detail = None
        self._evidence_known = {}
        self.evidence.clear()
        for field in (*self.views.values(), self.addendum_text):
            field.clear()
        for label in (self.title, self.status, self.addenda, self.problem):
            label.clear()
        for row in self.area_rows:
            row.forget()
        self.sub_areas_model.clear()
        self.chart_model.clear()
        self.targets_model.clear()

    def leave(self) -> None:
        if self.current is None:
            return
        family_id = self.current.view.family_id
        self._save_evidence_if_changed()
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
