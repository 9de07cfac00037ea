"""Counting time the way the bill does: days after a date, anniversaries, fiscal quarters.

Periods "after" a date start counting on the next day (the day of the trigger is
day 0).  Days of session are counted as 19 U.S.C. 2194(b) counts them: leave out (1) the
days on which either House is not in session because of an adjournment of more than 3
days to a day certain or an adjournment of the Congress sine die, and (2) any Saturday and
Sunday, not left out under (1), on which either House is not in session.
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
        """True for an adjournment of more than 3 days to a day certain (paragraph (1) of 19 U.S.C.
        2194(b)); one House's adjournment sine die leaves out days only while the other House is
        adjourned sine die too, as an adjournment of the Congress."""
        return not self.sine_die and self.days > 3


@dataclass(frozen=True, slots=True)
class AdjournmentCalendar:
    """The adjournments of both Houses, and the Saturdays and Sundays on which a House sat.

    A weekday not inside a listed adjournment is a day of session; a Saturday or Sunday is
    one only for a House listed in ``weekend_sessions`` on that day.  ``source`` says where
    the calendar comes from.
    """

    adjournments: tuple[Adjournment, ...] = ()
    weekend_sessions: frozenset[tuple[Chamber, dt.date]] = frozenset()
    source: str = ""

    def exclusions(self, start: dt.date, end: dt.date) -> dict[dt.date, str]:
        """Each day from ``start`` to ``end`` left out of a count of days of session, and why:
        ``"paragraph (1)"`` or ``"paragraph (2)"`` of 19 U.S.C. 2194(b)."""
        left_out: dict[dt.date, str] = {}
        sine_die: dict[Chamber, set[dt.date]] = {"senate": set(), "house": set()}
        for adjournment in self.adjournments:
            day = max(adjournment.first_day, start)
            last = min(adjournment.last_day, end)
            while day <= last:
                if adjournment.sine_die:
                    sine_die[adjournment.chamber].add(day)
                elif adjournment.days > 3:
                    left_out[day] = "paragraph (1)"
                day += _ONE_DAY
        for day in sine_die["senate"] & sine_die["house"]:  # an adjournment of the Congress sine die
            left_out[day] = "paragraph (1)"
        day = start
        while day <= end:
            if day.weekday() >= 5 and day not in left_out and not self._both_sat(day):
                left_out[day] = "paragraph (2)"
            day += _ONE_DAY
        return left_out

    def excluded(self, start: dt.date, end: dt.date) -> frozenset[dt.date]:
        """The days from ``start`` to ``end`` left out of a count of days of session."""
        return frozenset(self.exclusions(start, end))

    def ignored(self) -> tuple[Adjournment, ...]:
        """Adjournments that leave out no day under paragraph (1): 3 days or fewer to a day certain,
        or one House's adjournment sine die while the other sits."""
        return tuple(a for a in self.adjournments if not a.breaks_the_count)

    def _both_sat(self, day: dt.date) -> bool:
        return ("senate", day) in self.weekend_sessions and ("house", day) in self.weekend_sessions


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


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def _beyond_the_calendar(start: dt.date, span: str) -> InputError:
    return InputError("", f"{span} after {start.isoformat()} is beyond the last date the calendar has "
                          f"({dt.date.max.isoformat()})")


def long_date(day: dt.date) -> str:
    """``January 1, 2026``: a date as the bill writes one (in English whatever the locale)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def read_adjournments(rows: Iterable[Mapping[str, str]], *, source: str = "") -> AdjournmentCalendar:
    """An adjournment calendar from rows with ``chamber`` (senate or house), ``first_day``,
    ``last_day`` (the days the House is away, inclusive) and, optionally, ``kind``
    (``day-certain``, the default; ``sine-die``; or ``weekend-session``, a Saturday or Sunday
    on which the House sat, given as ``first_day`` = ``last_day``) or the older ``sine_die``
    flag.

    Raises:
        InputError: a missing or malformed field, or impossible dates, naming the row (counting from 1).
    """
    adjournments: list[Adjournment] = []
    sessions: set[tuple[Chamber, dt.date]] = set()
    for number, row in enumerate(rows, start=1):
        try:
            chamber = (row.get("chamber") or "").strip().lower()
            if chamber not in ("senate", "house"):
                raise InputError("chamber", f"{row.get('chamber')!r} is not senate or house")
            house: Chamber = "senate" if chamber == "senate" else "house"
            first = parse_date(row.get("first_day") or "", field="first_day")
            last = parse_date(row.get("last_day") or "", field="last_day")
            kind = (row.get("kind") or "").strip().lower() or (
                "sine-die" if parse_bool(row.get("sine_die") or "", field="sine_die") else "day-certain"
            )
            if kind == "weekend-session":
                if first != last or first.weekday() < 5:
                    raise InputError("first_day", f"a weekend session is one Saturday or Sunday, not {first} to {last}")
                sessions.add((house, first))
            elif kind in ("day-certain", "sine-die"):
                adjournments.append(Adjournment(house, first, last, kind == "sine-die"))
            else:
                raise InputError("kind", f"{kind!r} is not day-certain, sine-die or weekend-session")
        except InputError as error:
            raise error.located(row=number) from None
    return AdjournmentCalendar(tuple(adjournments), frozenset(sessions), source)
