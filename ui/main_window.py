"""The main window: caseload, family and visit tabs in one stack, menus, shortcuts, status bar.
Quick capture (Ctrl+Shift+E) and the search page come from `ui.lived_actions`.

It owns no records itself: the pages load through the DB worker, and on lock `hide_records()`
flushes the draft being typed and clears every model and field, keeping only a `Place` (ids and
times) so that `return_to()` after unlocking opens the same screen with the draft's text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QProgressBar, QStackedWidget, QWidget

from app.services.views import DraftView, FamilyDetail, VisitView
from ui import operations
from ui.assessment_editor import AssessmentEditor
from ui.background import Background, describe_failure
from ui.caseload_page import CaseloadPage
from ui.changes import Changes
from ui.connectivity import ConnectivityLabel, SyncStateLabel
from ui.family_page import FamilyPage
from ui.lived_actions import LivedActions
from ui.record_dialogs import FamilyDialog, NewFamily
from ui.settings import Preferences
from ui.sync_panel import SyncControl
from ui.visit_editor import VisitEditor, VisitForm, place_of_draft_key

IDLE_CHOICES = (1, 2, 5, 10, 15, 30)
MESSAGE_MS = 8000


@dataclass(frozen=True)
class Place:
    """Where the practitioner was when the app locked: ids and times, never case text."""

    family_id: str | None = None
    visit: VisitForm | None = None
    capture_family: str | None = None  # the family whose quick entry was open


class MainWindow(QMainWindow):
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)
    quit_requested = Signal()

    def __init__(
        self, background: Background, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._background = background
        self._preferences = preferences
        self.dialog: FamilyDialog | None = None
        self._pending_visit: VisitForm | None = None
        self.setWindowTitle(self.tr("HomeVisit"))
        self.caseload = CaseloadPage(background)
        self.family = FamilyPage(background)
        self.visit = VisitEditor(background)
        self.assessment = AssessmentEditor(background)
        self.stack = QStackedWidget()
        for page in (self.caseload, self.family, self.visit, self.assessment):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.lived = LivedActions(self, background)
        self._build_status_bar()
        self.sync = SyncControl(self, background, self.sync_state, self.connectivity)
        self._build_menus()

        self.caseload.open_family.connect(self.open_family)
        self.caseload.new_family.connect(self.new_family)
        self.family.back.connect(self.show_caseload)
        self.family.loaded.connect(self._family_loaded)
        self.family.new_visit.connect(self._start_new_visit)
        self.family.open_visit.connect(self._open_visit)
        self.family.message.connect(self.show_message)
        self.visit.closed.connect(self._visit_closed)
        self.family.gcp2_requested.connect(self._start_assessment)
        self.family.open_assessment.connect(self._open_assessment)
        self.assessment.closed.connect(self._assessment_closed)
        self.assessment.opened.connect(lambda: self.stack.setCurrentWidget(self.assessment))
        self.assessment.message.connect(self.show_message)
        self.visit.message.connect(self.show_message)
        background.changed.connect(self._on_changes)
        background.busy.connect(self._busy.setVisible)
        background.failed.connect(self.show_message)
        geometry = preferences.main_window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)

    # -- building --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)  # indeterminate
        self._busy.setMaximumWidth(120)
        self._busy.setAccessibleName(self.tr("Working"))
        self._busy.hide()
        self.connectivity = ConnectivityLabel()
        self.sync_state = SyncStateLabel()
        bar = self.statusBar()
        bar.addPermanentWidget(self._busy)
        bar.addPermanentWidget(self.sync_state)
        bar.addPermanentWidget(self.connectivity)

    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in the window
        return action

    def _build_menus(self) -> None:
        profile = self.menuBar().addMenu(self.tr("&Profile"))
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", self.lock_requested)
        profile.addAction(self.lock_action)
        idle = profile.addMenu(self.tr("Lock when &idle for"))
        group = QActionGroup(self)
        current = self._preferences.idle_lock_minutes
        for minutes in IDLE_CHOICES:
            choice = QAction(self.tr("%n minute(s)", "", minutes), self, checkable=True)
            choice.setChecked(minutes == current)
            choice.triggered.connect(lambda _on=False, m=minutes: self._set_idle(m))
            group.addAction(choice)
            idle.addAction(choice)
        profile.addSeparator()
        profile.addAction(self.sync.panel_action)
        # Through closeEvent: the geometry is kept and every draft flushed on the way out.
        profile.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close))
        family = self.menuBar().addMenu(self.tr("&Family"))
        key = QKeySequence.StandardKey
        self.new_family_action = self._action(self.tr("&New family…"), key.New, self.new_family)
        self.find_action = self._action(self.tr("&Find on caseload"), key.Find, self.find_on_caseload)
        self.caseload_action = self._action(
            self.tr("Back to &caseload"), "Alt+Left", self.show_caseload
        )
        self.new_visit_action = self._action(
            self.tr("New &visit…"), "Ctrl+Shift+V", self.family.new_visit_button.click
        )
        family.addActions([self.new_family_action, self.find_action, self.caseload_action])
        family.addSeparator()
        family.addAction(self.new_visit_action)
        family.addAction(self._action(self.tr("Add &carer…"), None, self.family.add_carer))
        family.addAction(self._action(self.tr("Add c&hild…"), None, self.family.add_child))
        family.addAction(
            self._action(self.tr("Add &professional…"), None, self.family.add_professional)
        )
        family.addSeparator()
        self.show_to_family_action = self._action(
            self.tr("&Show to family"), "Ctrl+Shift+F", self.assessment.set_family_view
        )
        self.show_to_family_action.setCheckable(True)
        self.show_to_family_action.setToolTip(self.tr("Hide practitioner-only notes"))
        family.addAction(self.show_to_family_action)
        family.addSeparator()
        family.addActions([self.lived.capture_action, self.lived.search_action])

    # -- navigation --------------------------------------------------------------------------

    def show_caseload(self) -> None:
        if self.stack.currentWidget() is self.visit:
            self.visit.leave()
        elif self.stack.currentWidget() is self.assessment:
            self.assessment.leave()
        self.stack.setCurrentWidget(self.caseload)
        if self.family.family_id is not None:
            self.caseload.select_family(self.family.family_id)
        self.caseload.table.setFocus()

    def find_on_caseload(self) -> None:
        words = self.caseload.search.text()
        if self.caseload.search.hasFocus() and words.strip():
            self.lived.search_notes(words)  # Find again: the same words in every note
            return
        self.show_caseload()
        self.caseload.focus_search()

    def open_family(self, family_id: str) -> None:
        self.family.load(family_id)

    def _family_loaded(self, detail: FamilyDetail) -> None:
        pending, self._pending_visit = self._pending_visit, None
        if pending is not None and pending.family_id == detail.id:
            notes = ""
            if pending.visit_id is not None:
                notes = next((v.notes for v in detail.visits if v.id == pending.visit_id), "")
            self.visit.start(detail, pending, notes)
            self.stack.setCurrentWidget(self.visit)
            return
        if self.stack.currentWidget() not in (self.visit, self.assessment):
            self.stack.setCurrentWidget(self.family)
            if self.family.visits_table.model().rowCount() > 0:
                self.family.visits_table.selectRow(0)
            self.family.new_visit_button.setFocus()

    def _start_new_visit(self, detail: FamilyDetail) -> None:
        self.visit.start_new(detail)
        self.stack.setCurrentWidget(self.visit)

    def _open_visit(self, detail: FamilyDetail, visit: VisitView) -> None:
        self.visit.start_existing(detail, visit)
        self.stack.setCurrentWidget(self.visit)

    def _visit_closed(self, family_id: str) -> None:
        self.stack.setCurrentWidget(self.family)
        if self.family.family_id != family_id:
            self.family.load(family_id)

    def _start_assessment(self, detail: FamilyDetail, child_id: str, previous: str | None) -> None:
        self.assessment.start(detail, child_id, previous)  # shown once it has started

    def _open_assessment(self, detail: FamilyDetail, assessment_id: str) -> None:
        self.assessment.open(detail, assessment_id)

    def _assessment_closed(self, family_id: str) -> None:
        self.stack.setCurrentWidget(self.family)
        self.family.load(family_id)  # its list of assessments has changed

    def new_family(self) -> None:
        if self.dialog is not None:
            return
        self.show_caseload()
        self.dialog = FamilyDialog(self)
        self.dialog.submitted.connect(self._create_family)
        self.dialog.finished.connect(self._dialog_finished)
        self.dialog.open()

    def _dialog_finished(self) -> None:
        self.dialog = None
        self.activateWindow()  # not every platform hands activation back to the parent

    def _create_family(self, new: NewFamily) -> None:
        self._background.run(
            operations.create_family(name=new.name, address=new.address),
            success=lambda family: self.open_family(family.id),
            failure=lambda error: self.show_message(describe_failure(error)),
            changes=Changes(caseload=True),
        )

    def _on_changes(self, changes: Changes) -> None:
        self.caseload.on_changes(changes)
        if self.stack.currentWidget() is not self.visit:
            self.family.on_changes(changes)
        elif changes.touches_family(self.family.family_id):
            # Refreshed when the editor closes; reloading now would swap the page under it.
            self.family.load(self.family.family_id or "")

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _set_idle(self, minutes: int) -> None:
        self._preferences.idle_lock_minutes = minutes
        self.idle_minutes_changed.emit(minutes)

    # -- lock and return ----------------------------------------------------------------------

    def place(self) -> Place:
        current = self.stack.currentWidget()
        if current is self.visit:
            form = self.visit.current_form()
            return Place(form.family_id if form else None, form)
        if current is self.family or current is self.assessment:
            return Place(self.family.family_id, None)
        return Place()

    def hide_records(self) -> Place:
        """Flush the draft being typed, then forget every record shown. Returns where we were."""
        place = replace(self.place(), capture_family=self.lived.hide())
        self.visit.flush()
        self.assessment.flush()
        if self.dialog is not None:
            self.dialog.close()
        self.visit.clear()
        self.assessment.clear()
        self.family.clear()
        self.caseload.clear()
        self.sync.stop()
        self.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.caseload)
        return place

    def return_to(self, place: Place | None) -> None:
        """After unlocking: reload, reopen `place`, or else the newest visit draft, if any."""
        self.caseload.reload()
        self.sync.start()
        capture = place.capture_family if place is not None else None
        self.lived.return_to(capture)  # the quick entry that was open, if any
        if place is not None and place.family_id is not None:
            self._pending_visit = place.visit
            self.open_family(place.family_id)
            return
        if capture is None:
            self._background.run(
                operations.list_drafts(), success=self._reopen_newest_draft, failure=lambda _e: None
            )
        self.caseload.table.setFocus()

    def _reopen_newest_draft(self, drafts: list[DraftView]) -> None:
        if self.lived.reopen_draft(drafts):
            return
        found = [(d, place_of_draft_key(d.key)) for d in drafts]
        found = [(d, p) for d, p in found if p is not None]
        if not found or not self._background.unlocked:
            return
        draft, where = max(found, key=lambda pair: pair[0].saved_at)
        assert where is not None
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        self._pending_visit = VisitForm(where.family_id, where.visit_id, "announced", (), now)
        if where.visit_id is not None:
            self._pending_visit = None  # the visit's own fields come from the family view
            self.family.loaded.connect(self._open_existing_once(where.visit_id))
        self.open_family(where.family_id)
        self.show_message(self.tr("Unsaved notes from before were restored."))

    def _open_existing_once(self, visit_id: str) -> Any:
        def open_it(detail: FamilyDetail) -> None:
            self.family.loaded.disconnect(open_it)
            visit = next((v for v in detail.visits if v.id == visit_id), None)
            if visit is not None:
                self._open_visit(detail, visit)

        return open_it

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._preferences.main_window_geometry = self.saveGeometry()
        self.visit.flush()
        self.assessment.flush()
        self.lived.capture.flush()
        self.sync.stop()
        super().closeEvent(event)
        self.quit_requested.emit()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.stack.currentWidget() is self.family:
            self.show_caseload()
            return
        super().keyPressEvent(event)


def build_main_window(background: Background, preferences: Preferences) -> MainWindow:
    """The main window wired to a background worker; shown and filled by the session."""
    return MainWindow(background, preferences)
