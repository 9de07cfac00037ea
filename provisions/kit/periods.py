"""Counting time the way the bill does: days after a date, anniversaries, fiscal quarters.

Periods "after" a date start counting on the next day (the day of the trigger is
day 0).  A day of session is a day on which neither House is away because of an
adjournment of more than 3 days to a day certain, or sine die (19 U.S.C. 2194(b)).
The federal fiscal year begins on October 1: fiscal year 2027 runs from
October 1, 2026 to September 30, 2027, and its first quarter is October to December.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from provisions.kit.inputs import InputError, parse_bool, parse_date

__all__ = [
    "Adjournment",
    "AdjournmentCalendar",
    "FiscalQuarter",
    "anniversary",
    "day_number",
    "long_date",
    "nth_day_after",
    "read_adjournments",
]

Chamber = Literal["senate", "house"]
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Adjournment:
    """Days on which one House is not in session: ``first_day`` to ``last_day``, inclusive."""

    chamber: Chamber
    first_day: dt.date
    last_day: dt.date
    sine_die: bool = False

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise InputError("last_day", f"{self.last_day} is before first_day {self.first_day}")

    @property
    def days(self) -> int:
        """How many days the House is away."""
        return (self.last_day - self.first_day).days + 1

    @property
    def breaks_the_count(self) -> bool:
        """True if these days are left out of a count of days of session (more than 3, or sine die)."""
        return self.sine_die or self.days > 3


@dataclass(frozen=True, slots=True)
class AdjournmentCalendar:
    """The adjournments of both Houses over a span of time; days not listed are days of session."""

    adjournments: tuple[Adjournment, ...] = ()

    def excluded(self) -> frozenset[dt.date]:
        """Every day on which either House is away because of an adjournment that breaks the count."""
        days: set[dt.date] = set()
        for adjournment in self.adjournments:
            if adjournment.breaks_the_count:
                day = adjournment.first_day
                while day <= adjournment.last_day:
                    days.add(day)
                    day += _ONE_DAY
        return frozenset(days)

    def ignored(self) -> tuple[Adjournment, ...]:
        """Adjournments of 3 days or fewer to a day certain, which do not break the count."""
        return tuple(a for a in self.adjournments if not a.breaks_the_count)


class FiscalQuarter(NamedTuple):
    """A quarter of a federal fiscal year (``FY2027 Q1`` is October to December 2026).

    A named tuple, so that it hashes and orders fast as a key of running totals.
    """

    fiscal_year: int
    quarter: int

    @classmethod
    def of(cls, day: dt.date) -> FiscalQuarter:
        """The fiscal quarter ``day`` falls in."""
        if day.month >= 10:
            return cls(day.year + 1, (day.month - 10) // 3 + 1)
        return cls(day.year, (day.month + 2) // 3 + 1)

    @property
    def first_day(self) -> dt.date:
        """October 1, January 1, April 1 or July 1."""
        month = (self.quarter - 1) * 3 + 10
        return (
            dt.date(self.fiscal_year - 1, month, 1)
            if month <= 12
            else dt.date(self.fiscal_year, month - 12, 1)
        )

    @property
    def last_day(self) -> dt.date:
        """December 31, March 31, June 30 or September 30."""
        following = FiscalQuarter(self.fiscal_year + (self.quarter == 4), self.quarter % 4 + 1)
        return following.first_day - _ONE_DAY

    def __str__(self) -> str:
        return f"FY{self.fiscal_year} Q{self.quarter}"


def nth_day_after(start: dt.date, n: int, *, excluded: Iterable[dt.date] = ()) -> dt.date:
    """The day that is ``n`` days after ``start``, not counting the ``excluded`` days.

    >>> nth_day_after(dt.date(2026, 3, 2), 90)
    datetime.date(2026, 5, 31)
    """
    skip = frozenset(excluded)
    if not skip:
        try:
            return start + dt.timedelta(days=n)
        except OverflowError:
            raise _beyond_the_calendar(start, f"{n} days") from None
    try:
        start + dt.timedelta(days=n + len(skip))  # the latest the counted day can be
    except OverflowError:
        raise _beyond_the_calendar(start, f"{n} days") from None
    day, counted = start, 0
    while counted < n:
        day += _ONE_DAY
        if day not in skip:
            counted += 1
    return day


def day_number(start: dt.date, day: dt.date, *, excluded: Iterable[dt.date] = ()) -> int:
    """Which counted day after ``start`` ``day`` is (0 for ``start`` itself or before).

    An excluded day takes the number of the last counted day before it.
    """
    if day <= start:
        return 0
    skip = frozenset(excluded)
    if not skip:
        return (day - start).days
    return sum(
        1 for offset in range(1, (day - start).days + 1) if start + dt.timedelta(days=offset) not in skip
    )


def anniversary(
    start: dt.date, years: int, *, leap_day: Literal["february-28", "march-1"] = "february-28"
) -> dt.date:
    """The date ``years`` years after ``start``.

    February 29 falls on February 28 (or March 1) in a year without one.

    >>> anniversary(dt.date(2028, 2, 29), 5)
    datetime.date(2033, 2, 28)
    >>> anniversary(dt.date(2028, 2, 29), 20)
    datetime.date(2048, 2, 29)
    """
    if not dt.MINYEAR <= start.year + years <= dt.MAXYEAR:
        raise _beyond_the_calendar(start, f"{years} years")
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # February 29 in a common year
        if leap_day == "march-1":
            return dt.date(start.year + years, 3, 1)
        return dt.date(start.year + years, 2, 28)


def _beyond_the_calendar(start: dt.date, span: str) -> InputError:
    return InputError("", f"{span} after {start.isoformat()} is beyond the last date the calendar has "
                          f"({dt.date.max.isoformat()})")


def long_date(day: dt.date) -> str:
    """``January 1, 2026``: a date as the bill writes one."""
    return f"{day:%B} {day.day}, {day.year}"


def read_adjournments(rows: Iterable[Mapping[str, str]]) -> AdjournmentCalendar:
    """An adjournment calendar from rows with ``chamber`` (senate or house), ``first_day``,
    ``last_day`` (the days the House is away, inclusive) and, optionally, ``sine_die``.

    Raises:
        InputError: a missing or malformed field, naming the row (counting from 1).
    """
    adjournments: list[Adjournment] = []
    for number, row in enumerate(rows, start=1):
        try:
            chamber = (row.get("chamber") or "").strip().lower()
            if chamber not in ("senate", "house"):
                raise InputError("chamber", f"{row.get('chamber')!r} is not senate or house")
            first = parse_date(row.get("first_day") or "", field="first_day")
            last = parse_date(row.get("last_day") or "", field="last_day")
            sine_die = parse_bool(row.get("sine_die") or "", field="sine_die")
            adjournments.append(
                Adjournment("senate" if chamber == "senate" else "house", first, last, sine_die)
            )
        except InputError as error:
            raise error.located(row=number) from None
    return AdjournmentCalendar(tuple(adjournments))
