"""Working days in England and Wales: the calendar plans, reviews and escalations are timed by.

Owns the bank-holiday table (shipped as data, `bank_holidays_england_and_wales.json`, from
GOV.UK, 2015 to 2030, with the special days such as the 2022 state funeral and substitute days
when a holiday falls at a weekend), the `WorkingCalendar` over it, and the one rule for "how
late is this": a deadline is met if the thing is done on the due date; a deadline that falls on
a weekend or bank holiday moves to the next working day (the usual reading of "by" in
procedures); after that, each working day that passes adds one working day overdue. So a review
due on Friday is not overdue over the weekend and is 1 working day overdue on Monday.

A date outside the table's years is refused (`WorkingDaysError`) rather than counted without
its bank holidays: a silently wrong deadline is worse than a clear "update the table". An
organisation can add days the table does not know yet (`with_extra_days`). Pure: no clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from assessments.errors import AssessmentsError

__all__ = [
    "BankHoliday",
    "WorkingCalendar",
    "WorkingDaysError",
    "england_and_wales",
]

DATA_FILE = "bank_holidays_england_and_wales.json"
_FORMAT = "homevisit.bank-holidays/1"
_SATURDAY = 5


class WorkingDaysError(AssessmentsError):
    """A date the bank-holiday table does not cover, or a table that cannot be used."""


@dataclass(frozen=True)
class BankHoliday:
    day: date
    title: str


@dataclass(frozen=True)
class WorkingCalendar:
    """Monday to Friday less bank holidays, for the years `first_year`..`last_year`."""

    holidays: tuple[BankHoliday, ...]
    first_year: int
    last_year: int
    _days: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A set for the lookups; frozen dataclasses need object.__setattr__ for derived fields.
        object.__setattr__(self, "_days", frozenset(h.day for h in self.holidays))

    def covers(self, day: date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def _check(self, day: date) -> None:
        if not self.covers(day):
            raise WorkingDaysError(
                f"bank holidays are known only from {self.first_year} to {self.last_year}; "
                f"{day.isoformat()} is outside them, so this version cannot count working days there"
            )

    def is_bank_holiday(self, day: date) -> bool:
        self._check(day)
        return day in self._days

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < _SATURDAY and not self.is_bank_holiday(day)

    def on_or_after(self, day: date) -> date:
        """`day` if it is a working day, else the next working day."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (`start` itself never counts; 0 gives the
        first working day on or after `start`). A stage opened on Friday with 2 working days
        is due on Tuesday; opened on a Saturday with 1, on Monday."""
        if count < 0:
            raise ValueError("count must not be negative")
        if count == 0:
            return self.on_or_after(start)
        day = start
        while count:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_after(self, start: date, end: date) -> int:
        """Working days in (`start`, `end`]: 0 when `end` is not after `start`."""
        if end <= start:
            return 0
        self._check(start)
        self._check(end)
        return sum(
            1 for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + timedelta(days=n))
        )

    def working_days_overdue(self, due: date, today: date) -> int:
        """How many working days late something due on `due` is on `today` (0: not late).

        Only the calendar decides whether counting is needed, so a due date years ahead (or
        beyond the table) is simply not late and never raises."""
        if today <= due:
            return 0
        effective = self.on_or_after(due)
        return self.working_days_after(effective, today)

    def with_extra_days(self, days: Iterable[BankHoliday]) -> WorkingCalendar:
        """This calendar plus days the organisation has been told are holidays (a new
        proclamation, say); each must lie in the table's years."""
        extra = tuple(days)
        for holiday in extra:
            self._check(holiday.day)
        known = {h.day for h in self.holidays}
        merged = self.holidays + tuple(h for h in extra if h.day not in known)
        return WorkingCalendar(tuple(sorted(merged, key=lambda h: h.day)), self.first_year,
                               self.last_year)


def calendar_from_json(text: str) -> WorkingCalendar:
    """A calendar from the shipped table's JSON (see the data file for the shape)."""
    try:
        document = json.loads(text)
        if document.get("format") != _FORMAT:
            raise WorkingDaysError(f"the bank-holiday table is not {_FORMAT}")
        first, last = int(document["first_year"]), int(document["last_year"])
        holidays = tuple(
            BankHoliday(date.fromisoformat(e["date"]), str(e["title"]))
            for e in document["events"]
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise WorkingDaysError(f"the bank-holiday table cannot be read ({error})") from None
    outside = [h.day for h in holidays if not first <= h.day.year <= last]
    if outside:
        raise WorkingDaysError(f"the bank-holiday table lists {outside[0]} outside its years")
    return WorkingCalendar(tuple(sorted(holidays, key=lambda h: h.day)), first, last)


@lru_cache(maxsize=1)
def england_and_wales() -> WorkingCalendar:
    """The shipped table, read once per process."""
    text = resources.files("assessments").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return calendar_from_json(text)
