"""The GCP2 editor's Views tab: strengths, the carer's, child's and parent's views, whether
the parent agrees with the grades (with a nudge to write down their comments when they do not),
and the practitioner-only notes, hidden while the screen is shown to the family. Saved with its
button, and also on leaving the editor, completing or locking, so typing is never lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from ui import assessment_operations as ops
from ui.widgets import named_combo, named_text

if TYPE_CHECKING:
    from ui.assessment_editor import AssessmentEditor


class ViewsTab(QWidget):
    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__()
        self._editor = editor
        self.views = {
            "strengths": named_text(self.tr("Strengths")),
            "carer_views": named_text(self.tr("Carer's views")),
            "child_views": named_text(self.tr("Child's views")),
            "parent_comments": named_text(self.tr("Parent's comments")),
            "practitioner_only": named_text(self.tr("Practitioner-only notes")),
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
        self.disagreement = QLabel(
            self.tr("The parent does not agree with the grades: write down what they say, in "
                    "their words, in the parent's comments.")
        )
        self.disagreement.setWordWrap(True)
        self.disagreement.hide()
        self.parent_agrees.currentIndexChanged.connect(lambda _i: self._nudge())
        self.views["parent_comments"].textChanged.connect(self._nudge)
        form = QFormLayout(self)
        form.addRow(self.tr("Strengths:"), self.views["strengths"])
        form.addRow(self.tr("Carer's views:"), self.views["carer_views"])
        form.addRow(self.tr("Child's views:"), self.views["child_views"])
        form.addRow(self.tr("Parent agrees with the grades:"), self.parent_agrees)
        form.addRow(self.tr("Parent's comments:"), self.views["parent_comments"])
        form.addRow("", self.disagreement)
        self.practitioner_only_label = QLabel(self.tr("Practitioner only:"))
        form.addRow(self.practitioner_only_label, self.views["practitioner_only"])
        form.addRow("", self.save_views_button)

    def show_assessment(self, screen: ops.AssessmentScreen) -> None:
        """Fill the fields from a newly opened assessment (not on each save: typing stays)."""
        a = screen.view.assessment
        for name, field in self.views.items():
            field.setPlainText(getattr(a, name))
        self.parent_agrees.setCurrentIndex(self.parent_agrees.findData(a.parent_agrees))

    def _nudge(self) -> None:
        disagrees = self.parent_agrees.currentData() is False
        blank = not self.views["parent_comments"].toPlainText().strip()
        self.disagreement.setVisible(disagrees and blank)

    def typed(self) -> dict[str, str | bool | None]:
        fields: dict[str, str | bool | None] = {
            name: field.toPlainText() for name, field in self.views.items()
        }
        fields["parent_agrees"] = self.parent_agrees.currentData()
        return fields

    def save_if_changed(self) -> None:
        """Save the views if they differ from the assessment's (a draft's only)."""
        current = self._editor.current
        if current is None or current.view.is_complete:
            return
        a = current.view.assessment
        if any(getattr(a, name) != value for name, value in self.typed().items()):
            self.save_views()

    def set_editable(self, editable: bool) -> None:
        for widget in (*self.views.values(), self.parent_agrees, self.save_views_button):
            widget.setEnabled(editable)

    def set_family_view(self, on: bool) -> None:
        self.views["practitioner_only"].setVisible(not on)
        self.practitioner_only_label.setVisible(not on)

    def forget(self) -> None:
        for field in self.views.values():
            field.clear()
        self.parent_agrees.setCurrentIndex(0)

    def save_views(self) -> None:
        current = self._editor.current
        if current is None:
            return
        self._editor.run(ops.update_views(current.view.id, self.typed()))
