"""The GCP2 editor's Grades tab: the 13 sub-areas with progress, large grade buttons saying what
each grade means, keys 1-5 to grade and move on, our own evidence prompts, autosaved evidence,
and, where an imported pack has them, the pack's descriptors and items (`ui.assessment_items`).

Without a pack the tab says it is a data-collection shell (`prompts.NO_PACK_NOTICE`). Pack text
(descriptors, items) is licensed: shown here, on the device, and never written anywhere else.
Evidence is autosaved as an encrypted draft per sub-area and saved with the grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from app.services.views import DraftView
from assessments import gcp2, prompts, scale
from ui import assessment_operations as ops
from ui import operations
from ui.assessment_items import ItemsPanel
from ui.assessment_models import SubAreasModel, name_of
from ui.autosave import NotesAutosave
from ui.widgets import named_text

if TYPE_CHECKING:
    from ui.assessment_editor import AssessmentEditor

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


class GradesTab(QWidget):
    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__()
        self._editor = editor
        self.sub_area = gcp2.SUB_AREA_IDS[0]
        self._evidence_known: dict[str, str] = {}
        self.model = SubAreasModel(self)
        self.sub_area_list = SubAreaList()
        self.sub_area_list.setModel(self.model)
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
            button.clicked.connect(lambda _on=False, g=meaning.grade: self.grade(g))
            buttons.addWidget(button)
            self.grade_buttons.append(button)
        self.descriptor = QLabel()  # the pack's description of the chosen grade (licensed)
        self.descriptor.setWordWrap(True)
        self.descriptor.setAccessibleName(self.tr("What the pack says about this grade"))
        self.descriptor.setProperty("record_text", True)  # the pack's text: data, not interface
        self.items = ItemsPanel(self._grade_item)
        self.prompts = QLabel()
        self.prompts.setWordWrap(True)
        self.evidence = named_text(self.tr("Evidence"))
        self.evidence.setPlaceholderText(self.tr("What you saw and heard; the child's experience"))
        self.autosave = NotesAutosave(editor.background, self.evidence.toPlainText, self)
        self.evidence.textChanged.connect(self.autosave.text_changed)
        self.autosave.failed.connect(editor.message)
        self.no_pack = QLabel(self.tr(prompts.NO_PACK_NOTICE))
        self.no_pack.setWordWrap(True)
        self.no_pack.setAccessibleName(self.tr("No content pack"))
        right = QVBoxLayout()
        right.addWidget(self.sub_area_name)
        right.addWidget(self.no_pack)
        right.addLayout(buttons)
        below: tuple[QWidget, ...] = (self.descriptor, self.items, self.prompts)
        for widget in below:
            right.addWidget(widget)
        evidence_label = QLabel(self.tr("&Evidence:"))
        evidence_label.setBuddy(self.evidence)
        right.addWidget(evidence_label)
        right.addWidget(self.evidence, 1)
        columns = QHBoxLayout(self)
        columns.addWidget(self.sub_area_list, 1)
        columns.addLayout(right, 3)

    # -- showing ----------------------------------------------------------------------------------

    def show_assessment(self, screen: ops.AssessmentScreen, *, first: bool) -> None:
        a = screen.view.assessment
        self.model.set_assessment(a)
        if first:
            self._evidence_known = {}
        for sub_id, entry in a.sub_areas.items():
            self._evidence_known[sub_id] = entry.evidence
        self.no_pack.setVisible(not screen.has_pack)
        if first:
            self._choose(gcp2.SUB_AREA_IDS[0], load=True, save_last=False)
        else:
            self.sub_area_list.setCurrentIndex(self.model.index(self.model.row_of(self.sub_area)))
            self._show_grade(moved=False)

    def set_editable(self, editable: bool) -> None:
        for button in self.grade_buttons:
            button.setEnabled(editable)
        self.evidence.setReadOnly(not editable)
        self.items.set_editable(editable)

    def forget(self) -> None:
        self.autosave.watch(None)
        self._evidence_known = {}
        self.evidence.clear()
        self.descriptor.clear()
        self.items.forget()
        self.model.clear()

    def _sub_area_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._editor.current is not None:
            chosen = self.model.sub_area_at(current.row())
            if chosen != self.sub_area:
                self._choose(chosen, load=True)

    def _choose(self, sub_area_id: str, *, load: bool, save_last: bool = True) -> None:
        """Move to a sub-area: keep the evidence typed in the last one, show this one's."""
        if save_last:
            self.save_evidence_if_changed()
        self.sub_area = sub_area_id
        self.sub_area_list.setCurrentIndex(self.model.index(self.model.row_of(sub_area_id)))
        self.sub_area_name.setText(name_of(sub_area_id))
        self.prompts.setText("\n".join(self.tr(p) for p in prompts.evidence_prompts(sub_area_id)))
        current = self._editor.current
        if load and current is not None:
            self.autosave.watch(None)
            self.evidence.setPlainText(self._evidence_known.get(sub_area_id, ""))
            key = ops.evidence_draft_key(current.view.id, sub_area_id)
            self.autosave.watch(None if current.view.is_complete else key)
            self._editor.background.run(operations.load_draft(key), success=self._restore_draft)
        self._show_grade(moved=True)

    def _restore_draft(self, draft: DraftView | None) -> None:
        if draft is None or self._editor.current is None or draft.key != self.autosave.key:
            return
        self.autosave.watch(None)
        self.evidence.setPlainText(draft.text)
        self.autosave.watch(draft.key)

    def _show_grade(self, *, moved: bool) -> None:
        """The sub-area's grade on the buttons, with the pack's descriptors and items if any."""
        screen = self._editor.current
        a = None if screen is None else screen.view.assessment
        grade = None if a is None else a.sub_area_grade(self.sub_area)
        self._check(grade)
        pack = None if screen is None else screen.pack_text
        described = {} if pack is None else pack.descriptors.get(self.sub_area, {})
        for meaning, button in zip(scale.SCALE, self.grade_buttons, strict=True):
            tip = self.tr(meaning.for_parents)
            if meaning.grade in described:
                tip += "\n\n" + described[meaning.grade]
            button.setToolTip(tip)
        self.descriptor.setVisible(grade in described)
        self.descriptor.setText(described.get(grade, "") if grade is not None else "")
        entry = None if a is None else a.sub_areas.get(self.sub_area)
        self.items.show_items(
            self.sub_area,
            () if pack is None else pack.items_of(self.sub_area),
            {} if entry is None else entry.items,
            None if screen is None else screen.item_suggestions.get(self.sub_area),
            moved=moved,
        )

    def _check(self, grade: int | None) -> None:
        for n, button in enumerate(self.grade_buttons, start=1):
            button.setChecked(n == grade)

    # -- grading --------------------------------------------------------------------------------

    def save_evidence_if_changed(self) -> None:
        current = self._editor.current
        if current is None or current.view.is_complete:
            return
        text = self.evidence.toPlainText()
        if text == self._evidence_known.get(self.sub_area, ""):
            return
        self._send_sub_area(self.sub_area, current.view.assessment.sub_area_grade(self.sub_area),
                            text)

    def _send_sub_area(self, sub_area_id: str, grade: int | None, evidence: str) -> None:
        current = self._editor.current
        assert current is not None
        self._evidence_known[sub_area_id] = evidence
        if sub_area_id == self.sub_area:
            self.autosave.watch(self.autosave.key)  # saved with the grade; draft discarded
        self._editor.run(
            ops.save_sub_area(current.view.id, sub_area_id, grade=grade, evidence=evidence)
        )

    def grade(self, grade: int) -> None:
        """Grade the current sub-area (with the evidence as typed)."""
        current = self._editor.current
        if current is None or current.view.is_complete:
            return
        self._check(grade)
        self._send_sub_area(self.sub_area, grade, self.evidence.toPlainText())

    def grade_by_key(self, grade: int) -> None:
        """Keys 1-5: grade the current sub-area and move on to the next."""
        self.grade(grade)
        row = self.model.row_of(self.sub_area)
        if row + 1 < len(gcp2.SUB_AREA_IDS):
            self._choose(gcp2.SUB_AREA_IDS[row + 1], load=True)

    def _grade_item(self, item_id: str, grade: int | None) -> None:
        current = self._editor.current
        if current is None or current.view.is_complete:
            return
        self._editor.run(ops.grade_item(current.view.id, self.sub_area, item_id, grade))
