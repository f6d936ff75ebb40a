"""The recurring-theme prompts on the family page: a banner, shown while any prompt is raised,
listing each prompt with the records it cites and what to consider.

The tool prompts; the practitioner decides. The banner never acts by itself: its buttons emit
`action_chosen(prompt_key, action)` with one of STRATEGY_MEETING, ESCALATION or GCP2_REGRADE,
so that the page (and later the plans and escalation screens) can record what was decided, and
"Dismiss…" asks for a reason before emitting `dismissal_requested(prompt_key, reason)`; the
page saves the dismissal through the service, which audits it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.chronology_views import PromptView
from assessments.themes import ThemeCatalogue, default_catalogue
from ui.form_dialog import FormDialog
from ui.lived_wording import prompt_summary, tr
from ui.prompt_models import KEY_ROLE, CitedModel, PromptsModel
from ui.widgets import named_text

STRATEGY_MEETING = "strategy_meeting"
ESCALATION = "escalation"
GCP2_REGRADE = "gcp2_regrade"
VISIBLE_ROWS = 3


class DismissDialog(FormDialog):
    """Why the prompt needs no action now: required, kept with the dismissal."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dismiss a recurring-theme prompt"), parent)
        about = QLabel(summary)
        about.setWordWrap(True)
        about.setAccessibleName(self.tr("The prompt"))
        self.form.addRow(about)
        self.reason = named_text(self.tr("Reason for dismissing"))
        self.reason.setPlaceholderText(
            self.tr("for example, discussed with my safeguarding lead today; plan agreed")
        )
        label = QLabel(self.tr("&Why does it need no further action?"))
        label.setBuddy(self.reason)
        self.form.addRow(label)
        self.form.addRow(self.reason)

    def _try_accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.problem.setText(self.tr("Say why the prompt is dismissed."))
            self.reason.setFocus()
            return
        super()._try_accept()

    def values(self) -> str:
        return self.reason.toPlainText().strip()


def _list(name: str) -> QListView:
    view = QListView()
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setMaximumHeight(view.fontMetrics().lineSpacing() * (VISIBLE_ROWS + 1) + 8)
    return view


class PromptBanner(QFrame):
    action_chosen = Signal(str, str)  # prompt key, STRATEGY_MEETING | ESCALATION | GCP2_REGRADE
    dismissal_requested = Signal(str, str)  # prompt key, reason
    cited_activated = Signal(str)  # event id of a cited chronology row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Recurring-theme prompts"))
        self.catalogue = default_catalogue()
        self.dialog: DismissDialog | None = None
        self.model = PromptsModel(self)
        self.cited_model = CitedModel(self)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.list = _list(tr("Prompts"))
        self.list.setModel(self.model)
        self.heading.setBuddy(self.list)
        self.cited = _list(tr("Records behind the prompt"))
        self.cited.setModel(self.cited_model)
        self.cited.activated.connect(self._cited_activated)
        self.list.selectionModel().currentChanged.connect(self._show_cited)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Consider:")))
        for action, text, tip in (
            (STRATEGY_MEETING, tr("Strategy m&eeting…"), tr("Consider a strategy meeting")),
            (ESCALATION, tr("Escalat&ion…"), tr("Consider an escalation")),
            (GCP2_REGRADE, tr("GCP2 &re-grade…"), tr("Consider a GCP2 re-grade")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _on=False, a=action: self._choose(a))
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch()
        self.dismiss_button = QPushButton(tr("Dis&miss…"))
        self.dismiss_button.setToolTip(tr("Record why this prompt needs no action (audited)"))
        self.dismiss_button.clicked.connect(self.dismiss_current)
        row.addWidget(self.dismiss_button)
        lists = QHBoxLayout()
        lists.addWidget(self.list, 3)
        lists.addWidget(self.cited, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(lists)
        layout.addLayout(row)
        self.hide()

    # -- data -------------------------------------------------------------------------------

    def set_prompts(self, prompts: Sequence[PromptView], catalogue: ThemeCatalogue) -> None:
        current = self.current_prompt()
        self.catalogue = catalogue
        self.model.set_prompts(prompts, catalogue)
        self.heading.setText(
            QCoreApplication.translate(
                "LivedWording",
                "Recurring &themes: %n prompt(s) to consider. The tool prompts; you decide.",
                None,
                len(prompts),
            )
        )
        self.setVisible(bool(prompts))
        if prompts:
            row = self.model.row_of(current.key) if current is not None else -1
            self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        else:
            self.cited_model.set_prompt(None, catalogue)

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.model.clear()
        self.cited_model.set_prompt(None, self.catalogue)
        self.hide()

    def prompt(self, key: str) -> PromptView | None:
        row = self.model.row_of(key)
        return self.model.prompt_at(row) if row >= 0 else None

    def current_prompt(self) -> PromptView | None:
        index = self.list.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.prompt_at(index.row())

    # -- acting -------------------------------------------------------------------------------

    def _show_cited(self, current: QModelIndex, _previous: QModelIndex) -> None:
        prompt = self.model.prompt_at(current.row()) if current.isValid() else None
        self.cited_model.set_prompt(prompt, self.catalogue)

    def _cited_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cited_activated.emit(str(index.data(KEY_ROLE)))

    def _choose(self, action: str) -> None:
        prompt = self.current_prompt()
        if prompt is not None:
            self.action_chosen.emit(prompt.key, action)

    def dismiss_current(self) -> None:
        prompt = self.current_prompt()
        if prompt is None or self.dialog is not None:
            return
        dialog = DismissDialog(prompt_summary(prompt, self.catalogue), self)
        dialog.submitted.connect(lambda reason: self.dismissal_requested.emit(prompt.key, reason))
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _dialog_finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back
        self.list.setFocus()
