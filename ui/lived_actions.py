"""The main window's lived-experience actions: quick capture from anywhere (Ctrl+Shift+E) and
the search page (Ctrl+Shift+N, or Ctrl+F pressed again in the caseload's search box).

Kept out of `ui.main_window` so that the window stays a small switchboard. It decides which
family and child a quick entry is for from where the practitioner is, takes the search page in
and out of the window's stack, flushes and closes the quick-capture dialog on lock (noting
whose entry it was, to reopen it after unlocking), and reopens an entry left as a draft by a
crash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.services.views import DraftView
from ui.background import Background
from ui.lived_wording import tr
from ui.quick_capture import SHORTCUT as CAPTURE_SHORTCUT
from ui.quick_capture import QuickCapture
from ui.quick_capture_draft import family_of_capture_key
from ui.search_page import SHORTCUT as SEARCH_SHORTCUT
from ui.search_page import SearchPage

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LivedActions(QObject):
    def __init__(self, window: MainWindow, background: Background) -> None:
        super().__init__(window)
        self._window = window
        self._background = background
        self.capture = QuickCapture(background, window)
        self.capture.message.connect(window.show_message)
        self.search = SearchPage(background)
        self.search.back.connect(self._back_from_search)
        self.search.open_record.connect(self._open_record)
        self.search.message.connect(window.show_message)
        window.stack.addWidget(self.search)
        self._came_from: QWidget = window.caseload
        self.capture_action = QAction(tr("&Quick day-in-the-life entry…"), window)
        self.capture_action.setShortcut(CAPTURE_SHORTCUT)
        self.capture_action.setToolTip(
            tr("Record what a child's day is like, from anywhere (%1)").replace(
                "%1", CAPTURE_SHORTCUT
            )
        )
        self.capture_action.triggered.connect(self.quick_capture)
        self.search_action = QAction(tr("Search &notes and entries…"), window)
        self.search_action.setShortcut(SEARCH_SHORTCUT)
        self.search_action.triggered.connect(lambda: self.search_notes(""))
        for action in (self.capture_action, self.search_action):
            window.addAction(action)  # shortcuts work wherever the focus is in the window

    # -- quick capture ---------------------------------------------------------------------------

    def quick_capture(self) -> None:
        """An entry for the family in view: the open visit's, the family page's (its selected
        child), the assessment's child's, or else the family selected on the caseload."""
        window = self._window
        current = window.stack.currentWidget()
        if current is window.visit and window.visit.detail is not None:
            form = window.visit.form
            visit_id = form.visit_id if form is not None else None
            self.capture.open_for(window.visit.detail, visit_id=visit_id)
            return
        detail = window.family.detail
        if current in (window.family, window.assessment) and detail is not None:
            child_id = None
            screen = window.assessment.current
            if current is window.assessment and screen is not None:
                child_id = screen.view.child_id
            row = window.family.children_table.currentIndex().row()
            if current is window.family and 0 <= row < len(detail.children):
                child_id = detail.children[row].id
            self.capture.open_for(detail, child_id=child_id)
            return
        family_id = window.caseload.selected_family_id() if current is window.caseload else None
        family_id = family_id or window.family.family_id
        if family_id is None:
            window.show_message(
                tr("Select or open a family first: an entry is about one of its children.")
            )
            return
        self.capture.open_family(family_id)

    def reopen_draft(self, drafts: list[DraftView]) -> bool:
        """After unlocking with nowhere to return to: if the newest draft is an unsaved quick
        entry (the app was killed while typing it), open its family and the entry again."""
        if not drafts or not self._background.unlocked:
            return False
        newest = max(drafts, key=lambda d: d.saved_at)
        family_id = family_of_capture_key(newest.key)
        if family_id is None:
            return False
        self._window.open_family(family_id)
        self.capture.open_family(family_id)
        self._window.show_message(tr("An unsaved day-in-the-life entry was restored."))
        return True

    # -- search ----------------------------------------------------------------------------------

    def search_notes(self, text: str) -> None:
        window = self._window
        current = window.stack.currentWidget()
        if current is not self.search:
            if current is window.visit:  # the editors keep their typing as a draft
                window.visit.leave()
            elif current is window.assessment:
                window.assessment.leave()
            self._came_from = window.stack.currentWidget() or window.caseload
            window.stack.setCurrentWidget(self.search)
        self.search.start(text)

    def _back_from_search(self) -> None:
        window = self._window
        target = self._came_from
        if target is window.family and window.family.detail is None:
            target = window.caseload
        window.stack.setCurrentWidget(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_record(self, family_id: str, _kind: str, record_id: str) -> None:
        self._came_from = self._window.family
        self._window.open_family(family_id)
        self._window.family.show_record(record_id)

    # -- locking --------------------------------------------------------------------------------

    def hide(self) -> str | None:
        """On lock: keep the entry being typed as a draft, forget the search. Returns the
        family whose quick entry was open, if any."""
        family_id = self.capture.close_for_lock()
        self.search.clear()
        self._came_from = self._window.caseload
        return family_id

    def return_to(self, capture_family: str | None) -> None:
        if capture_family is not None:
            self.capture.open_family(capture_family)  # the draft brings back the typing
