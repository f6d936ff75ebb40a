"""How dates and times are shown: in the laptop's local time and the system locale's format."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale


def local_datetime_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    # From the instant (cheap) rather than from date and time parts (a slow time-zone lookup);
    # Qt shows it in the laptop's local time zone.
    qt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(qt, QLocale.FormatType.ShortFormat)


def date_text(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
