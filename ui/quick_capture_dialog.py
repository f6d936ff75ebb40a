"""The quick-capture dialog: one day-in-the-life entry for a child in a few seconds.

Opens with the child, the time (now) and the part of the day already chosen, focus in "what
the child sees, hears, feels and does"; Ctrl+S (or Ctrl+Enter) saves. Beside the form, the
age-banded day-in-the-life prompts for this child and part of the day are shown as hints. The
whole form autosaves as an encrypted draft (`ui.autosave`, at most ~2 s lost to a crash);
closing keeps the draft, saving or "Discard draft" removes it. Saving runs on the DB worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.lived_experience import LivedExperienceView
from app.services.views import DraftView, FamilyDetail
from assessments.themes import PART_OF_DAY, SOURCE, ThemeCatalogue
from ui import lived_operations, operations
from ui.autosave import NotesAutosave
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.formatting import DATETIME_FORMAT, local_datetime_text
from ui.lived_themes import ThemeChecks, short_text
from ui.lived_wording import (
    band_for,
    day_prompts_html,
    part_of_day_for,
    part_of_day_name,
    source_name,
)
from ui.quick_capture_draft import CaptureForm, capture_draft_key
from ui.widgets import named_combo

T = TypeVar("T")


class QuickCaptureDialog(QDialog):
    saved = Signal(object)  # LivedExperienceView
    message = Signal(str)

    def __init__(
        self,
        background: Background,
        detail: FamilyDetail,
        catalogue: ThemeCatalogue,
        *,
        child_id: str | None = None,
        visit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._background = background
        self.detail = detail
        self.visit_id = visit_id
        self.draft_key = capture_draft_key(detail.id)
        self._draft_checked = False  # whether an earlier draft has been looked for yet
        self.setWindowTitle(self.tr("Day in the life: %1").replace("%1", detail.name))
        self.setModal(True)
        self.child = named_combo(self.tr("Child"))
        for child in detail.children:
            self.child.addItem(child.name, child.id)
        if child_id is not None and self.child.findData(child_id) >= 0:
            self.child.setCurrentIndex(self.child.findData(child_id))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(DATETIME_FORMAT)
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.when.setAccessibleName(self.tr("When it happened"))
        self.part_of_day = named_combo(self.tr("Part of the day"))
        for value in PART_OF_DAY:
            self.part_of_day.addItem(part_of_day_name(value), value)
        now_part = part_of_day_for(datetime.now().hour).value
        self.part_of_day.setCurrentIndex(self.part_of_day.findData(now_part))
        self.text = short_text(self.tr("What the child sees, hears, feels and does"), 4)
        self.child_voice = QLineEdit()
        self.child_voice.setAccessibleName(self.tr("The child's own words, quoted exactly"))
        self.child_voice.setPlaceholderText(self.tr("exactly as the child said it"))
        self.caring = named_combo(self.tr("Who was caring"))
        self.caring.setEditable(True)
        self.caring.addItem("")
        for carer in detail.carers:
            self.caring.addItem(f"{carer.name} ({carer.relationship})")
        self.impact = short_text(self.tr("Impact on the child"), 2)
        self.source = named_combo(self.tr("Source"))
        for value in SOURCE:
            self.source.addItem(source_name(value), value)
        self.themes = ThemeChecks(catalogue)
        self.disabilities = QCheckBox(self.tr("Prompts for a child with &disabilities"))
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        self.hints.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hints.setAccessibleName(self.tr("Day-in-the-life prompts"))
        self.hints.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.draft_state = QLabel()
        self.draft_state.setAccessibleName(self.tr("Draft state"))
        self.save_button = QPushButton(self.tr("&Save entry"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the entry (Ctrl+S or Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close, &keep draft"))
        close.setToolTip(self.tr("Close; what you typed stays as a draft (Esc)"))
        close.clicked.connect(self.reject)
        discard = QPushButton(self.tr("Discard dra&ft"))
        discard.clicked.connect(self.discard)
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return")):
            QShortcut(keys, self, self.save)
        self._lay_out(close, discard)
        # No Qt parent: a save still on the worker when the dialog is deleted must find its
        # autosave alive (the pending callback holds it until the answer is delivered).
        self.autosave = NotesAutosave(background, lambda: self.form().to_json())
        self.autosave.saved.connect(self._draft_saved)
        self.autosave.failed.connect(self.message)
        hinted = (self.child.currentIndexChanged, self.when.dateChanged,
                  self.part_of_day.currentIndexChanged, self.disabilities.toggled)  # fmt: skip
        for signal in hinted:  # the hints follow these, not every keystroke
            signal.connect(self._show_hints)
        for signal in (*hinted, self.when.dateTimeChanged, self.text.textChanged,
                       self.child_voice.textChanged, self.caring.currentTextChanged,
                       self.impact.textChanged, self.source.currentIndexChanged,
                       self.themes.changed):  # fmt: skip
            signal.connect(self._changed)
        self._show_hints()
        self.autosave.watch(self.draft_key)
        background.run(
            operations.load_draft(self.draft_key), success=self._if_open(self._restore_draft)
        )
        self.text.setFocus()

    def _if_open(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        """An answer from the worker for this dialog, dropped if it was closed meanwhile (a
        lock while saving: the entry is saved all the same, and shown on the chronology)."""

        def deliver(result: T) -> None:
            if shiboken6.isValid(self) and self.isVisible():
                callback(result)

        return deliver

    def _lay_out(self, close: QPushButton, discard: QPushButton) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.part_of_day, 1)
        words_row = QHBoxLayout()
        opening, closing = QLabel(self.tr("“")), QLabel(self.tr("”"))  # marks a quotation
        for mark in (opening, closing):
            mark.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        words_row.addWidget(opening)
        words_row.addWidget(self.child_voice, 1)
        words_row.addWidget(closing)
        for text, field, buddy in (
            (self.tr("C&hild:"), self.child, self.child),
            (self.tr("&When:"), when_row, self.when),
            (self.tr("Wh&at the child sees, hears, feels and does:"), self.text, self.text),
            (self.tr("The child's own w&ords:"), words_row, self.child_voice),
            (self.tr("Who was &caring:"), self.caring, self.caring),
            (self.tr("&Impact on the child:"), self.impact, self.impact),
            (self.tr("So&urce:"), self.source, self.source),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow(self.themes)
        side = QVBoxLayout()
        side.addWidget(self.hints, 1)
        side.addWidget(self.disabilities)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(discard)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    # -- the form -------------------------------------------------------------------------------

    def form(self) -> CaptureForm:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return CaptureForm(
            child_id=str(self.child.currentData() or ""),
            visit_id=self.visit_id,
            occurred_at=moment.astimezone().isoformat(),
            part_of_day=str(self.part_of_day.currentData()),
            text=self.text.toPlainText(),
            child_voice=self.child_voice.text(),
            caring=self.caring.currentText(),
            impact=self.impact.toPlainText(),
            source=str(self.source.currentData()),
            themes=self.themes.selected(),
            disabilities=self.disabilities.isChecked(),
        )

    def fill(self, form: CaptureForm) -> None:
        if self.child.findData(form.child_id) >= 0:
            self.child.setCurrentIndex(self.child.findData(form.child_id))
        moment = form.occurred()
        if moment is not None:
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        for combo, value in ((self.part_of_day, form.part_of_day), (self.source, form.source)):
            if combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        self.text.setPlainText(form.text)
        self.child_voice.setText(form.child_voice)
        self.caring.setCurrentText(form.caring)
        self.impact.setPlainText(form.impact)
        self.themes.set_selected(form.themes)
        self.disabilities.setChecked(form.disabilities)
        if form.visit_id is not None and self.visit_id is None:
            self.visit_id = form.visit_id

    def _restore_draft(self, draft: DraftView | None) -> None:
        self._draft_checked = True
        form = CaptureForm.from_json(draft.text) if draft is not None else None
        if draft is None or form is None or form.blank or not self._background.unlocked:
            return
        self.autosave.watch(None)
        self.fill(form)
        self.autosave.watch(self.draft_key)
        self.draft_state.setText(
            self.tr("Unsaved entry restored from the draft of %1").replace(
                "%1", local_datetime_text(draft.saved_at)
            )
        )
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def _changed(self) -> None:
        if self.autosave.key is not None:
            self.autosave.text_changed()
            saving = self.tr("Saving draft…")
            if self.draft_state.text() != saving:
                self.draft_state.setText(saving)

    def _draft_saved(self, key: str) -> None:
        if key == self.draft_key and not self.autosave.dirty:
            self.draft_state.setText(self.tr("Draft saved"))

    def _show_hints(self) -> None:
        child = next((c for c in self.detail.children if c.id == self.child.currentData()), None)
        day = self.when.date().toPython()
        assert isinstance(day, date)
        band = band_for(child.date_of_birth, day, self.disabilities.isChecked()) if child else None
        if band is None:
            self.hints.setText(self.tr("No day-in-the-life prompts for this child on that date."))
            return
        self.hints.setText(day_prompts_html(band, str(self.part_of_day.currentData())))

    # -- closing --------------------------------------------------------------------------------

    def save(self) -> None:
        entry = self.form().entry(self.tr("Who was caring: %1"))
        if entry is None:
            self.problem.setText(
                self.tr("Please fill in: %1").replace(
                    "%1", self.tr("What the child sees, hears, feels and does")
                )
            )
            self.text.setFocus()
            return
        self.save_button.setEnabled(False)
        self._background.run(
            lived_operations.record_entry(entry, draft_key=self.draft_key),
            success=self._if_open(self._saved),
            failure=self._if_open(self._not_saved),
            changes=family_changed(self.detail.id, caseload=False),
        )

    def _saved(self, view: LivedExperienceView) -> None:
        self.autosave.watch(None)  # the draft went in the same transaction
        self.saved.emit(view)
        self.message.emit(self.tr("Day-in-the-life entry saved."))
        self.accept()

    def _not_saved(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.problem.setText(describe_failure(error))

    def flush(self) -> None:
        """Queue a save of anything unsaved now (before a lock or quit)."""
        self.autosave.save_now()

    def reject(self) -> None:
        """Close, keeping what was typed as a draft (a blank form leaves no draft)."""
        if self.autosave.key is not None:
            if self.form().blank:
                self.autosave.watch(None)
                if self._draft_checked:  # else an earlier draft is still on its way here
                    self._background.run(operations.discard_draft(self.draft_key), quiet=True)
            else:
                self.flush()
                self.autosave.watch(None)
                self.message.emit(
                    self.tr("The entry is kept as a draft: press Ctrl+Shift+E to go on with it.")
                )
        super().reject()

    def close_for_lock(self) -> None:
        """Save what was typed as a draft and close, saying nothing (the app is locking)."""
        self.flush()
        self.autosave.watch(None)
        super().reject()

    def discard(self) -> None:
        self.autosave.watch(None)
        self._background.run(operations.discard_draft(self.draft_key), quiet=True)
        self.message.emit(self.tr("The unsaved entry was discarded."))
        super().reject()
