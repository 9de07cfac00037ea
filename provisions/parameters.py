"""The open questions of S. 2839 as named parameters, each with a documented default.

Where the text can be read more than one way, a rule never chooses silently: it
reads the choice from a ``Parameters`` value and says in its reasons which
choice it applied, marking a non-default one.

>>> Parameters().review_period_counting
'calendar-days'
>>> Parameters.from_strings({"review_period_counting": "days-of-session"}).non_default()
('review_period_counting',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from provisions.inputs import InputError, parse_country, parse_date
from provisions.kit import parameters as mechanism

__all__ = ["DEFAULTS", "Parameters"]

ReviewCounting = Literal["calendar-days", "days-of-session"]
ListReading = Literal["list-on-2026-01-01-plus-additions", "list-in-force"]
PhaseInFrom = Literal["entry-into-force", "certification"]
AllocationRounding = Literal["largest-remainder", "remainder-to-energy"]
MemberConcernGoods = Literal["concern-rate", "duty-free"]
LeapDay = Literal["february-28", "march-1"]


@dataclass(frozen=True, slots=True)
class Parameters:
    """Every reading of the bill a rule depends on.

    review_period_counting -- sec. 4(e)(2), the "90 days" after a certification.
        ``calendar-days`` (default): every day counts, as in the trade-agreement notice
        periods of 19 U.S.C. 2903(a) and 4205(a) ("90 calendar days").
        ``days-of-session``: days on which either House is away because of an adjournment
        of more than 3 days (to a day certain, or sine die) do not count, as in
        19 U.S.C. 2194(b); needs an adjournment calendar.
    mineral_list_reading -- sec. 3(2), which critical-minerals list applies on a date.
        ``list-on-2026-01-01-plus-additions`` (default): the list in force on January 1,
        2026 (clause (A)), plus any mineral on a list published after that date and on or
        before the date asked (clause (B)); a mineral later removed stays covered, since
        clause (A) fixes the list as of that day.
        ``list-in-force``: only the list in force on the date asked.
    phase_in_from -- sec. 4(c)(1), when the "period of not more than 5 years" starts.
        ``entry-into-force`` (default): the commitment binds from entry into force, so the
        phase-in runs from then. ``certification``: from the Trade Representative's
        certification under sec. 4(e)(1).
    allocation_rounding -- sec. 6(c), splitting a transfer 60/20/20 in whole cents.
        ``largest-remainder`` (default): each share is rounded down to the cent, and the
        cents left over go one each to the shares with the largest remainders, ties in the
        order of the text (DOE, DOD, DFC); no share moves by a cent or more from its exact
        value. ``remainder-to-energy``: the DOD and DFC shares are rounded down and the Loan
        Programs Office takes the rest (it may gain up to 2 cents).
    member_good_sourced_from_concern -- a good of an Alliance member that is mined,
        processed or manufactured by a foreign entity of concern (or a member that is
        itself a foreign country of concern). Sec. 4(g)(1) makes it duty-free; sec. 5(a)
        sets the section 301 rate; the text does not say which prevails.
        ``concern-rate`` (default): sec. 5(a) prevails, as the provision aimed at goods
        sourced from concerns, read with sec. 4(b)(1) and (b)(5)(A), which ask members to
        tax such goods and to stop transshipment. ``duty-free``: sec. 4(g)(1) prevails.
    leap_day_anniversary -- secs. 4(h)(1) and 4(i), a due date "N years after" February 29
        in a year without one. ``february-28`` (default): the last day of February, so a
        "not later than" deadline is never passed. ``march-1``: the day after.
    state_designated_countries_of_concern -- sec. 3(4)(A), countries the Department of
        State determines to be countries of concern under 42 U.S.C. 19221(a)(1), each with
        the date of the determination. Default: none known.
    """

    review_period_counting: ReviewCounting = "calendar-days"
    mineral_list_reading: ListReading = "list-on-2026-01-01-plus-additions"
    phase_in_from: PhaseInFrom = "entry-into-force"
    allocation_rounding: AllocationRounding = "largest-remainder"
    member_good_sourced_from_concern: MemberConcernGoods = "concern-rate"
    leap_day_anniversary: LeapDay = "february-28"
    state_designated_countries_of_concern: tuple[tuple[str, dt.date], ...] = ()

    def __post_init__(self) -> None:
        mechanism.check_choices(self)

    def non_default(self) -> tuple[str, ...]:
        """The names of the parameters set to something other than their default."""
        return mechanism.non_default(self)

    def describe(self, name: str) -> str:
        """``name='value' (default)`` or ``name='value' (non-default)``, for a reason."""
        return mechanism.describe(self, name)

    @classmethod
    def from_strings(cls, values: Mapping[str, str]) -> Parameters:
        """Parameters from ``name -> text`` pairs (command-line ``--param`` or a TOML table).

        ``state_designated_countries_of_concern`` is written ``CODE:DATE,CODE:DATE``.

        Raises:
            InputError: an unknown name, or a value that is not one of the choices.
        """
        return mechanism.from_strings(cls, values, converters={"state_designated_countries_of_concern": _designations})


def _designations(text: str) -> tuple[tuple[str, dt.date], ...]:
    pairs: list[tuple[str, dt.date]] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        code, _, day = item.partition(":")
        field = "state_designated_countries_of_concern"
        if not day:
            raise InputError(field, f"{item!r} should be CODE:YYYY-MM-DD")
        pairs.append((parse_country(code, field=field), parse_date(day, field=field)))
    return tuple(pairs)


DEFAULTS = Parameters()
