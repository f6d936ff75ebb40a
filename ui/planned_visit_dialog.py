"""The dialogs that book a visit with a family, move a booked one, and cancel one with a reason.

Each is a `FormDialog` whose `values()` is a frozen dataclass the family page's next-visit bar
hands to `ui.visit_operations`. Times are entered on the laptop's clock and kept with its offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from app.services.views import FamilyDetail, PlannedVisitView
from ui.form_dialog import FormDialog
from ui.formatting import DATETIME_FORMAT
from ui.visit_form import qt_datetime
from ui.widgets import named_combo


@dataclass(frozen=True)
class VisitBooking:
    planned_for: datetime
    purpose: str
    child_id: str | None  # None: the whole family


@dataclass(frozen=True)
class VisitCancellation:
    reason: str


def suggested_time(now: datetime | None = None) -> datetime:
    """Tomorrow at 10:00 on the laptop's clock: a sensible first guess for a home visit."""
    tomorrow = (now or datetime.now().astimezone()) + timedelta(days=1)
    return tomorrow.replace(hour=10, minute=0, second=0, microsecond=0)


class BookVisitDialog(FormDialog):
    """Book a new visit, or (given `planned`) move a booked one to another time."""

    def __init__(
        self,
        detail: FamilyDetail,
        planned: PlannedVisitView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Book a visit") if planned is None else self.tr("Move the next visit"), parent
        )
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(DATETIME_FORMAT)
        self.when.setAccessibleName(self.tr("Time of the visit"))
        self.when.setMinimumDateTime(QDateTime.currentDateTime().addSecs(60))
        start = planned.planned_for if planned is not None else suggested_time()
        self.when.setDateTime(qt_datetime(start))
        if planned is None:
            self.when.setTime(QTime(10, 0))
        self.form.addRow(self.tr("&When:"), self.when)
        self.about = named_combo(self.tr("Who the visit is about"))
        self.about.addItem(self.tr("The whole family"), None)
        for child in detail.children:
            self.about.addItem(child.name, child.id)
        if planned is not None:
            # Moving changes the time (and purpose); a visit about someone else is a new one.
            self.about.setCurrentIndex(max(0, self.about.findData(planned.child_id)))
            self.about.setEnabled(False)
        self.form.addRow(self.tr("&About:"), self.about)
        self.purpose = self.line(self.tr("&Purpose (optional):"), self.tr("Purpose of the visit"))
        self.purpose.setPlaceholderText(self.tr("for example, six-week review, GCP2 continued"))
        if planned is not None:
            self.purpose.setText(planned.purpose)
        self.when.setFocus()

    def values(self) -> VisitBooking:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        child = self.about.currentData()
        return VisitBooking(
            moment.astimezone().replace(second=0, microsecond=0),
            self.purpose.text().strip(),
            str(child) if child else None,
        )


class CancelVisitDialog(FormDialog):
    """Cancel the next booked visit: the reason is required (no access, family cancelled …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cancel the next visit"), parent)
        self.reason = self.line(
            self.tr("&Why is it cancelled?"), self.tr("Reason for cancelling"), required=True
        )
        self.reason.setPlaceholderText(self.tr("for example, no access; the family rearranged"))

    def values(self) -> VisitCancellation:
        return VisitCancellation(self.reason.text().strip())
