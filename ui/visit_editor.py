"""The visit tab: record a new visit or correct a saved one, with autosaved notes.

Notes are autosaved as an encrypted draft (`ui.autosave`) under a key naming the visit or, for a
visit not yet saved, the family. Saving the visit and discarding its draft happen in one
transaction. An entry made on a later day than the visit is marked "late entry" (NMC record
keeping). A saved visit's type, people, time and notes can be corrected; its time of entry is
never changed and the correction's own time is shown beside it (`app.services.visits`). Locking
keeps only the form's ids, choices and times in memory (`ui.visit_form`); the notes live in the
draft.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.views import DraftView, FamilyDetail, VisitView, is_late_entry
from ui import operations
from ui.autosave import NotesAutosave
from ui.background import Background, describe_failure
from ui.changes import family_changed
from ui.formatting import DATETIME_FORMAT, local_datetime_text
from ui.visit_form import DraftPlace, VisitForm, place_of_draft_key, qt_datetime
from ui.visit_operations import update_visit

__all__ = ["DraftPlace", "VisitEditor", "VisitForm", "place_of_draft_key"]


class VisitEditor(QWidget):
    closed = Signal(str)  # family id
    saved = Signal(object)  # VisitView
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.form: VisitForm | None = None
        self.detail: FamilyDetail | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setProperty("record_text", True)
        self.announced = QRadioButton(self.tr("&Announced"))
        self.unannounced = QRadioButton(self.tr("&Unannounced"))
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.announced)
        self.kinds.addButton(self.unannounced)
        self.announced.setChecked(True)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.announced)
        kind_row.addWidget(self.unannounced)
        kind_row.addStretch()
        self.present_box = QGroupBox(self.tr("Who was present"))
        self.present_layout = QVBoxLayout(self.present_box)
        self.present: dict[str, QCheckBox] = {}
        self.occurred = QDateTimeEdit()
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat(DATETIME_FORMAT)
        self.occurred.setAccessibleName(self.tr("Time of the visit"))
        self.occurred.dateTimeChanged.connect(self._show_late_entry)
        self.entered = QLabel()
        self.entered.setAccessibleName(self.tr("Time of entry"))
        self.amended = QLabel()
        self.amended.setAccessibleName(self.tr("Time of the last correction"))
        self.late_entry = QLabel(self.tr("Late entry: recorded on a later day than the visit"))
        late_font = self.late_entry.font()
        late_font.setBold(True)
        self.late_entry.setFont(late_font)
        self.late_entry.hide()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Visit notes"))
        self.notes.setTabChangesFocus(True)
        self.autosave = NotesAutosave(background, self.notes.toPlainText, self)
        self.notes.textChanged.connect(self._notes_changed)
        self.autosave.saved.connect(self._draft_saved)
        self.autosave.failed.connect(self.message)
        self.draft_state = QLabel()
        self.draft_state.setAccessibleName(self.tr("Draft state"))
        self.save_button = QPushButton(self.tr("&Save visit"))
        self.save_button.setToolTip(self.tr("Save the visit (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        back = QPushButton(self.tr("&Back to family"))
        back.setToolTip(self.tr("Back to the family; unsaved notes stay as a draft (Esc)"))
        back.clicked.connect(self.leave)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        top = QFormLayout()
        top.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        top.addRow(self.tr("Type of visit:"), kind_row)
        top.addRow(self.tr("&Time of the visit:"), self.occurred)
        top.addRow(self.tr("Time of entry:"), self.entered)
        top.addRow("", self.amended)
        top.addRow("", self.late_entry)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.present_box)
        left.addStretch()
        columns.addLayout(left, 1)
        notes_column = QVBoxLayout()
        notes_label = QLabel(self.tr("&Notes:"))
        notes_label.setBuddy(self.notes)
        notes_column.addWidget(notes_label)
        notes_column.addWidget(self.notes, 1)
        columns.addLayout(notes_column, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(back)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    # -- opening and closing -------------------------------------------------------------

    def start(self, detail: FamilyDetail, form: VisitForm, notes: str) -> None:
        """Show `form` for `detail`'s family with `notes`; then look for a newer draft."""
        self.autosave.watch(None)
        self.detail, self.form = detail, form
        visit = self._visit()
        if visit is None:
            self.title.setText(self.tr("New visit: %1").replace("%1", detail.name))
        else:
            self.title.setText(
                self.tr("Visit of %1: %2")
                .replace("%1", local_datetime_text(visit.occurred_at))
                .replace("%2", detail.name)
            )
        (self.announced if form.kind == "announced" else self.unannounced).setChecked(True)
        self._fill_present(detail, form.present)
        # A visit cannot have happened after it was entered: now for a new one, the time of
        # entry for a saved one (which a correction never changes).
        latest = QDateTime.currentDateTime().addSecs(60) if visit is None else (
            qt_datetime(visit.recorded_at))
        self.occurred.setMaximumDateTime(latest)
        self.occurred.setDateTime(qt_datetime(form.occurred_at))
        self.entered.setText(
            self.tr("Now, when you save")
            if visit is None
            else local_datetime_text(visit.recorded_at)
        )
        amended = visit.amended_at if visit is not None else None
        self.amended.setText(
            self.tr("Corrected %1").replace("%1", local_datetime_text(amended)) if amended else ""
        )
        self.amended.setVisible(amended is not None)
        self._show_late_entry()
        self.notes.setPlainText(notes)
        self.draft_state.clear()
        self.autosave.watch(form.draft_key)
        self._background.run(operations.load_draft(form.draft_key), success=self._restore_draft)
        self.notes.setFocus()

    def start_new(self, detail: FamilyDetail) -> None:
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        self.start(detail, VisitForm(detail.id, None, "announced", (), now), "")

    def start_existing(self, detail: FamilyDetail, visit: VisitView) -> None:
        form = VisitForm(detail.id, visit.id, visit.kind, visit.present, visit.occurred_at)
        self.start(detail, form, visit.notes)

    def _restore_draft(self, draft: DraftView | None) -> None:
        if draft is None or self.form is None or not self._background.unlocked:
            return
        if draft.key != self.form.draft_key:
            return  # the editor moved on to another visit meanwhile
        self.autosave.watch(None)
        self.notes.setPlainText(draft.text)
        self.autosave.watch(self.form.draft_key)
        self.draft_state.setText(
            self.tr("Unsaved notes restored from the draft of %1").replace(
                "%1", local_datetime_text(draft.saved_at)
            )
        )

    def current_form(self) -> VisitForm | None:
        """The form as it stands (for returning here after a lock, and for saving)."""
        if self.form is None:
            return None
        ticked = [pid for pid, box in self.present.items() if box.isChecked()]
        # Those already listed keep their order (the record's), newly ticked ones follow: an
        # untouched list must not read as a correction.
        kept = [pid for pid in self.form.present if pid in ticked]
        return replace(
            self.form,
            kind="announced" if self.announced.isChecked() else "unannounced",
            present=tuple(kept + [pid for pid in ticked if pid not in kept]),
            occurred_at=self._occurred_at(),
        )

    def flush(self) -> None:
        """Queue a save of any unsaved notes now (before a lock)."""
        self.autosave.save_now()

    def clear(self) -> None:
        """Forget everything shown (on lock); unsaved notes were flushed to the draft first."""
        self.autosave.watch(None)
        self.form = self.detail = None
        self.notes.clear()
        self.title.clear()
        self.draft_state.clear()
        self.entered.clear()
        self.amended.clear()
        self._fill_present(None, ())

    def leave(self) -> None:
        if self.form is None:
            return
        family_id = self.form.family_id
        self.flush()
        self.autosave.watch(None)
        self.closed.emit(family_id)

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        form = self.current_form()
        if form is None or not self.isVisible():
            return
        notes = self.notes.toPlainText()
        if form.visit_id is None:
            job = operations.record_visit(
                form.family_id,
                occurred_at=form.occurred_at,
                kind=form.kind,
                present=list(form.present),
                notes=notes,
                draft_key=form.draft_key,
            )
        else:
            job = update_visit(
                form.visit_id,
                kind=form.kind,
                present=list(form.present),
                occurred_at=form.occurred_at,
                notes=notes,
                draft_key=form.draft_key,
            )
        self.save_button.setEnabled(False)
        self._background.run(
            job,
            success=self._saved,
            failure=self._not_saved,
            changes=family_changed(form.family_id),
        )

    def _saved(self, visit: VisitView) -> None:
        self.save_button.setEnabled(True)
        self.autosave.watch(None)  # the draft went with the same transaction
        self.message.emit(self.tr("Visit saved."))
        self.saved.emit(visit)
        self.closed.emit(visit.family_id)

    def _not_saved(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.emit(describe_failure(error))

    # -- helpers -----------------------------------------------------------------------------

    def _visit(self) -> VisitView | None:
        if self.detail is None or self.form is None or self.form.visit_id is None:
            return None
        return next((v for v in self.detail.visits if v.id == self.form.visit_id), None)

    def _occurred_at(self) -> datetime:
        shown = self.occurred.dateTime()
        visit = self._visit()
        # The field shows minutes: a saved time left alone keeps its seconds and its offset,
        # so that saving other corrections never moves it.
        if visit is not None and shown.toSecsSinceEpoch() // 60 == int(
            visit.occurred_at.timestamp()
        ) // 60:
            return visit.occurred_at
        moment = shown.toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone()

    def _fill_present(self, detail: FamilyDetail | None, present: tuple[str, ...]) -> None:
        for box in self.present.values():
            self.present_layout.removeWidget(box)
            box.deleteLater()
        self.present = {}
        if detail is None:
            return
        people = [(c.id, f"{c.name} ({c.relationship})") for c in detail.carers]
        people += [(c.id, c.name) for c in detail.children]
        for person_id, label in people:
            box = QCheckBox(label)
            box.setChecked(person_id in present)
            box.setProperty("record_text", True)
            self.present_layout.addWidget(box)
            self.present[person_id] = box

    def _show_late_entry(self) -> None:
        visit = self._visit()
        if visit is not None:
            late = is_late_entry(self._occurred_at(), visit.recorded_at)
        elif self.form is not None:
            late = is_late_entry(self._occurred_at(), datetime.now().astimezone())
        else:
            late = False
        self.late_entry.setVisible(late)

    def _notes_changed(self) -> None:
        self.autosave.text_changed()
        if self.autosave.key is not None:
            self.draft_state.setText(self.tr("Saving draft…"))

    def _draft_saved(self, key: str) -> None:
        if self.form is not None and key == self.form.draft_key and not self.autosave.dirty:
            self.draft_state.setText(self.tr("Draft saved"))

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
