"""The family page's next-visit line: the next visit booked with the family (overdue marked),
and buttons to book one, move it or cancel it with a reason.

Fed the family view the page loaded (`show_detail`); runs its changes on the database worker
through `ui.visit_operations`, whose `Changes` make the family page and the caseload reload. It
holds the family's planned visits only while the page does: `clear()` on lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.views import FamilyDetail, PlannedVisitView
from ui import visit_operations
from ui.background import Background, Job, describe_failure
from ui.changes import family_changed
from ui.form_dialog import FormDialog
from ui.formatting import local_datetime_text
from ui.planned_visit_dialog import (
    BookVisitDialog,
    CancelVisitDialog,
    VisitBooking,
    VisitCancellation,
)


class NextVisitBar(QWidget):
    message = Signal(str)

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self.detail: FamilyDetail | None = None
        self.dialog: FormDialog | None = None
        caption = QLabel(self.tr("Next visit:"))
        self.next_visit = QLabel()
        self.next_visit.setProperty("record_text", True)  # the purpose and names are case data
        self.next_visit.setAccessibleName(self.tr("Next visit"))
        self.next_visit.setWordWrap(True)
        caption.setBuddy(self.next_visit)
        self.book_button = QPushButton(self.tr("&Book a visit…"))
        self.book_button.clicked.connect(self.book)
        self.move_button = QPushButton(self.tr("Move the next visi&t…"))
        self.move_button.clicked.connect(self.move_next)
        self.cancel_button = QPushButton(self.tr("Cancel the ne&xt visit…"))
        self.cancel_button.clicked.connect(self.cancel_next)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.next_visit, 1)
        for button in (self.book_button, self.move_button, self.cancel_button):
            layout.addWidget(button)
        self.show_detail(None)

    @classmethod
    def on_family_page(cls, page: Any, background: Background) -> NextVisitBar:
        """Put the bar under the family page's address, fed by its `loaded` signal and
        speaking through its `message` signal (the page itself needs only to clear it)."""
        bar = cls(background, page)
        page.loaded.connect(bar.show_detail)
        bar.message.connect(page.message)
        layout = page.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(page.address) + 1, bar)
        return bar

    @property
    def planned(self) -> PlannedVisitView | None:
        return self.detail.next_visit if self.detail is not None else None

    def show_detail(self, detail: FamilyDetail | None) -> None:
        self.detail = detail
        planned = self.planned
        self.book_button.setEnabled(detail is not None)
        self.move_button.setEnabled(planned is not None)
        self.cancel_button.setEnabled(planned is not None)
        self.next_visit.setText(self._describe(detail, planned))

    def clear(self) -> None:
        """Forget the family (on lock)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.show_detail(None)

    def _describe(self, detail: FamilyDetail | None, planned: PlannedVisitView | None) -> str:
        if detail is None:
            return ""
        if planned is None:
            return self.tr("None booked")
        parts = [local_datetime_text(planned.planned_for)]
        if planned.overdue(datetime.now().astimezone()):
            parts[0] = self.tr("%1 (overdue)").replace("%1", parts[0])
        names = {c.id: c.name for c in detail.children}
        if planned.child_id in names:
            parts.append(self.tr("about %1").replace("%1", names[planned.child_id or ""]))
        if planned.purpose:
            parts.append(planned.purpose)
        return " — ".join(parts)

    # -- dialogs -------------------------------------------------------------------------

    def book(self) -> None:
        if self.detail is not None:
            self._open(BookVisitDialog(self.detail, None, self), self._booked)

    def move_next(self) -> None:
        if self.detail is not None and self.planned is not None:
            self._open(BookVisitDialog(self.detail, self.planned, self), self._moved)

    def cancel_next(self) -> None:
        if self.planned is not None:
            self._open(CancelVisitDialog(self), self._cancelled)

    def _open(self, dialog: FormDialog, submitted: Callable[..., None]) -> None:
        if self.dialog is not None:
            return
        self.dialog = dialog
        dialog.submitted.connect(submitted)
        dialog.finished.connect(self._finished)
        dialog.open()

    def _finished(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # not every platform hands activation back

    def _booked(self, booking: VisitBooking) -> None:
        if self.detail is not None:
            self._run(self.detail.id, visit_operations.book_visit(
                self.detail.id, planned_for=booking.planned_for, purpose=booking.purpose,
                child_id=booking.child_id,
            ), self.tr("Visit booked."))

    def _moved(self, booking: VisitBooking) -> None:
        if self.detail is not None and self.planned is not None:
            self._run(self.detail.id, visit_operations.move_visit(
                self.planned.id, planned_for=booking.planned_for, purpose=booking.purpose,
            ), self.tr("Visit moved."))

    def _cancelled(self, cancellation: VisitCancellation) -> None:
        if self.detail is not None and self.planned is not None:
            self._run(self.detail.id, visit_operations.cancel_visit(
                self.planned.id, reason=cancellation.reason,
            ), self.tr("Visit cancelled."))

    def _run(self, family_id: str, job: Job[PlannedVisitView], done: str) -> None:
        self._background.run(
            job,
            success=lambda _view: self.message.emit(done),
            failure=lambda error: self.message.emit(describe_failure(error)),
            changes=family_changed(family_id),
        )
