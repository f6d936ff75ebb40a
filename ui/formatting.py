"""How dates and times are shown: in the laptop's local time, day-month-name-year.

Records are read by other agencies and in court: "2 May 2023" cannot be misread the way
"02/05/2023" can (and the C locale's short format, "2 05 2023", is no format at all). Month
names come from the system locale.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

DATE_FORMAT = "d MMM yyyy"
DATETIME_FORMAT = "d MMM yyyy HH:mm"


def local_datetime_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    # From the instant (cheap) rather than from date and time parts (a slow time-zone lookup);
    # Qt shows it in the laptop's local time zone.
    qt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(qt, DATETIME_FORMAT)


def date_text(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), DATE_FORMAT)
