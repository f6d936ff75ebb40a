"""Working days in England and Wales from the shipped bank-holiday table: the special days,
substitute days, adding working days and the overdue rule, as parameter tables."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources

import pytest

from assessments.working_days import (
    DATA_FILE,
    BankHoliday,
    WorkingDaysError,
    calendar_from_json,
    england_and_wales,
)

CAL = england_and_wales()
D = date.fromisoformat


def test_the_table_covers_2015_to_2030_with_eight_or_more_days_a_year() -> None:
    assert (CAL.first_year, CAL.last_year) == (2015, 2030)
    per_year = {y: sum(1 for h in CAL.holidays if h.day.year == y) for y in range(2015, 2031)}
    assert all(count >= 8 for count in per_year.values()), per_year
    # 2022 had the spring holiday moved, the jubilee and the state funeral: 10 days.
    assert per_year[2022] == 10 and per_year[2023] == 9


def test_the_shipped_file_is_in_date_order_with_no_weekend_days() -> None:
    text = resources.files("assessments").joinpath(DATA_FILE).read_text(encoding="utf-8")
    days = [D(e["date"]) for e in json.loads(text)["events"]]
    assert days == sorted(days) and len(days) == len(set(days))
    assert all(day.weekday() < 5 for day in days)  # substitutes replace weekend holidays


@pytest.mark.parametrize(("day", "holiday"), [
    ("2020-05-08", True),   # early May moved to VE day (a Friday)
    ("2020-05-04", False),  # ... so the first Monday of May 2020 was a working day
    ("2022-06-02", True),   # spring bank holiday moved for the Platinum Jubilee
    ("2022-06-03", True),   # the jubilee holiday
    ("2022-05-30", False),  # the usual last Monday of May, not a holiday in 2022
    ("2022-09-19", True),   # state funeral of Queen Elizabeth II
    ("2023-05-08", True),   # coronation of King Charles III
    ("2023-05-01", True),   # early May as usual that year too
    ("2015-12-28", True),   # Boxing Day on a Saturday: substitute Monday
    ("2016-12-27", True),   # Christmas on a Sunday: substitute Tuesday
    ("2017-01-02", True),   # New Year's Day on a Sunday
    ("2021-12-27", True),   # Christmas and Boxing Day both at the weekend
    ("2021-12-28", True),
    ("2022-01-03", True),   # New Year's Day on a Saturday
    ("2026-12-28", True),   # Boxing Day 2026 is a Saturday
    ("2026-04-03", True),   # Good Friday 2026
    ("2026-04-06", True),   # Easter Monday 2026
    ("2026-11-27", False),  # an ordinary Friday
    ("2030-08-26", True),   # summer bank holiday, last year covered
])
def test_bank_holidays(day: str, holiday: bool) -> None:
    assert CAL.is_bank_holiday(D(day)) is holiday


@pytest.mark.parametrize(("day", "working"), [
    ("2026-11-27", True),    # Friday
    ("2026-11-28", False),   # Saturday
    ("2026-11-29", False),   # Sunday
    ("2026-12-25", False),   # Christmas, a Friday
    ("2022-09-19", False),   # state funeral, a Monday
])
def test_working_days(day: str, working: bool) -> None:
    assert CAL.is_working_day(D(day)) is working


@pytest.mark.parametrize(("start", "count", "expected"), [
    ("2026-11-23", 1, "2026-11-24"),  # Monday + 1
    ("2026-11-27", 1, "2026-11-30"),  # Friday + 1 skips the weekend
    ("2026-11-27", 2, "2026-12-01"),
    ("2026-11-28", 1, "2026-11-30"),  # opened on a Saturday
    ("2026-11-28", 0, "2026-11-30"),  # 0: the first working day on or after
    ("2026-11-27", 0, "2026-11-27"),
    ("2026-12-24", 1, "2026-12-29"),  # over Christmas and the Boxing Day substitute
    ("2023-05-05", 1, "2023-05-09"),  # over the coronation Monday
    ("2022-06-01", 1, "2022-06-06"),  # over the jubilee Thursday and Friday
    ("2022-09-16", 1, "2022-09-20"),  # over the state funeral
    ("2020-05-07", 1, "2020-05-11"),  # over VE day
    ("2026-01-30", 45, "2026-04-07"),  # 45 working days: 44 by 2 April, then Easter
])
def test_add_working_days(start: str, count: int, expected: str) -> None:
    assert CAL.add_working_days(D(start), count) == D(expected)


@pytest.mark.parametrize(("due", "today", "overdue"), [
    ("2026-11-27", "2026-11-27", 0),  # due today: not late
    ("2026-11-27", "2026-11-26", 0),  # due tomorrow
    ("2026-11-27", "2026-11-28", 0),  # due Friday, Saturday: no working day has passed
    ("2026-11-27", "2026-11-29", 0),
    ("2026-11-27", "2026-11-30", 1),  # Monday: one working day late
    ("2026-11-27", "2026-12-02", 3),  # Wednesday: three (SCENARIOS 5's "three working days")
    ("2026-11-28", "2026-11-30", 0),  # due on a Saturday moves to Monday
    ("2026-11-28", "2026-12-01", 1),
    ("2026-12-24", "2026-12-29", 1),  # Christmas Eve, then three holidays and a weekend
    ("2026-12-25", "2026-12-29", 0),  # due on Christmas Day moves to the 29th
    ("2022-06-01", "2022-06-06", 1),  # over the jubilee
    ("2023-05-05", "2023-05-09", 1),  # over the coronation
    ("2031-06-01", "2026-11-30", 0),  # a date beyond the table is simply not late yet
])
def test_working_days_overdue(due: str, today: str, overdue: int) -> None:
    assert CAL.working_days_overdue(D(due), D(today)) == overdue


def test_a_date_outside_the_table_is_refused_rather_than_miscounted() -> None:
    with pytest.raises(WorkingDaysError, match="2015 to 2030"):
        CAL.add_working_days(D("2030-12-20"), 10)
    with pytest.raises(WorkingDaysError):
        CAL.working_days_overdue(D("2014-12-30"), D("2015-01-05"))


def test_an_organisation_can_add_a_newly_announced_day() -> None:
    extra = CAL.with_extra_days([BankHoliday(D("2027-06-04"), "A new proclamation")])
    assert not CAL.is_bank_holiday(D("2027-06-04"))
    assert extra.is_bank_holiday(D("2027-06-04"))
    assert extra.add_working_days(D("2027-06-03"), 1) == D("2027-06-07")
    with pytest.raises(WorkingDaysError):
        CAL.with_extra_days([BankHoliday(D("2031-01-02"), "Too far")])


@pytest.mark.parametrize("text", [
    "{}",
    '{"format": "homevisit.bank-holidays/1", "first_year": 2015, "last_year": 2015, '
    '"events": [{"date": "2016-01-01", "title": "x"}]}',
    '{"format": "homevisit.bank-holidays/1", "first_year": 2015, "last_year": 2015, '
    '"events": [{"date": "not a date", "title": "x"}]}',
])
def test_a_broken_table_is_refused(text: str) -> None:
    with pytest.raises(WorkingDaysError):
        calendar_from_json(text)


def test_every_weekday_of_2026_less_the_eight_bank_holidays_is_a_working_day() -> None:
    days = [D("2026-01-01") + timedelta(days=n) for n in range(365)]
    assert sum(CAL.is_working_day(d) for d in days) == 261 - 8
