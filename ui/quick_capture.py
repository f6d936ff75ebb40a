"""Quick capture from anywhere (Ctrl+Shift+E): which family and child an entry is for, and the
one quick-capture dialog open at a time.

The main window says where the practitioner is (a family in view, a visit open, a family
selected on the caseload); this picks the child — the one chosen last in that family, else
the one given, else the first — and opens `QuickCaptureDialog`. It remembers the last child
by id only, in memory, and forgets it on lock.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.services.lived_experience import LivedExperienceView
from app.services.views import FamilyDetail
from assessments.themes import ThemeCatalogue
from ui import lived_operations, operations
from ui.background import Background, describe_failure
from ui.quick_capture_dialog import QuickCaptureDialog

SHORTCUT = "Ctrl+Shift+E"


class QuickCapture(QObject):
    message = Signal(str)
    saved = Signal(object)  # LivedExperienceView

    def __init__(self, background: Background, window: QWidget) -> None:
        super().__init__(window)
        self._background = background
        self._window = window
        self.dialog: QuickCaptureDialog | None = None
        self._last_child: dict[str, str] = {}  # family id -> child id
        self._opening = False

    @property
    def family_id(self) -> str | None:
        return self.dialog.detail.id if self.dialog is not None else None

    def open_for(
        self,
        detail: FamilyDetail,
        *,
        child_id: str | None = None,
        visit_id: str | None = None,
    ) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if self._opening:
            return  # Ctrl+Shift+E pressed twice: one dialog is on its way
        if not detail.children:
            self.message.emit(
                self.tr("Add a child to this family first: an entry is about one child's day.")
            )
            return
        chosen = self._last_child.get(detail.id) if child_id is None else child_id
        self._opening = True
        self._background.run(
            lived_operations.themes(),
            success=lambda catalogue: self._open(detail, catalogue, chosen, visit_id),
            failure=self._not_opened,
        )

    def _not_opened(self, error: Exception) -> None:
        self._opening = False
        self.message.emit(describe_failure(error))

    def _open(
        self,
        detail: FamilyDetail,
        catalogue: ThemeCatalogue,
        child_id: str | None,
        visit_id: str | None,
    ) -> None:
        self._opening = False
        if self.dialog is not None or not self._background.unlocked:
            return
        dialog = QuickCaptureDialog(
            self._background,
            detail,
            catalogue,
            child_id=child_id,
            visit_id=visit_id,
            parent=self._window,
        )
        dialog.saved.connect(self._saved)
        dialog.message.connect(self.message)
        dialog.finished.connect(self._finished)
        self.dialog = dialog
        dialog.open()

    def open_family(self, family_id: str) -> None:
        """Load the family (audited as a view, like opening it), then open the dialog."""
        self._background.run(
            operations.open_family(family_id),
            success=self.open_for,
            failure=lambda error: self.message.emit(describe_failure(error)),
        )

    def _saved(self, view: LivedExperienceView) -> None:
        self._last_child[view.family_id] = view.child_id
        self.saved.emit(view)

    def _finished(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            child = dialog.child.currentData()
            if child:
                self._last_child[dialog.detail.id] = str(child)
            dialog.deleteLater()
        self._window.activateWindow()  # not every platform hands activation back

    def flush(self) -> None:
        if self.dialog is not None:
            self.dialog.flush()

    def close_for_lock(self) -> str | None:
        """Save the typing as a draft, close the dialog and forget the children chosen.
        Returns the family whose entry was open, to reopen it after unlocking."""
        family_id = self.family_id
        if self.dialog is not None:
            self.dialog.close_for_lock()
        self._last_child.clear()
        return family_id
