"""Validated inputs of S. 2839's rules: HTS numbers, imports, countries, the Alliance's members.

The bill-neutral parsers (dates, money, rates, yes/no) and ``InputError`` are the rule
kit's (``provisions.kit.inputs``); they are offered here too, so a section module finds
every input it reads in one place.

Past this module, dates are ``datetime.date``, money is ``Decimal`` in dollars
with at most two decimal places, HTS numbers are ``Hts`` and country codes are
upper-case ISO 3166-1 alpha-2 codes that exist.

``InputError`` names the field (and, for a ledger, the row) it is about; its
message is one line, e.g. ``--origin: unknown country code 'XX' (expected ...)``
or ``ledger.csv: row 3 (line 4), field 'value': negative amount '-5'``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from provisions.datasets import iso_countries
from provisions.kit.inputs import MAX_MONEY, InputError, parse_bool, parse_date, parse_money, parse_rate

__all__ = [
    "MAX_MONEY",
    "Alliance",
    "Hts",
    "Import",
    "InputError",
    "Member",
    "OtherDuties",
    "Sourcing",
    "parse_bool",
    "parse_country",
    "parse_date",
    "parse_hts",
    "parse_member",
    "parse_money",
    "parse_rate",
]


@dataclass(frozen=True, slots=True)
class Hts:
    """An HTS number: the 8-digit subheading and, if given, the 2-digit statistical suffix."""

    subheading: str  # "8507.60.00"
    suffix: str | None = None  # "10" for 8507.60.0010

    def __str__(self) -> str:
        return self.subheading + (self.suffix or "")


@dataclass(frozen=True, slots=True)
class Sourcing:
    """Where a good was mined, processed and manufactured, and whether a foreign entity of concern did it.

    A country left None is not known; a flag left False is not known to be so.
    """

    mined_in: str | None = None
    processed_in: str | None = None
    manufactured_in: str | None = None
    mined_by_feoc: bool = False
    processed_by_feoc: bool = False
    manufactured_by_feoc: bool = False

    def countries(self) -> tuple[tuple[str, str], ...]:
        """(stage, country) for each stage whose country is known."""
        stages = (("mined", self.mined_in), ("processed", self.processed_in), ("manufactured", self.manufactured_in))
        return tuple((stage, code) for stage, code in stages if code is not None)

    def feoc_stages(self) -> tuple[str, ...]:
        """The stages a foreign entity of concern carried out."""
        flags = (
            ("mined", self.mined_by_feoc),
            ("processed", self.processed_by_feoc),
            ("manufactured", self.manufactured_by_feoc),
        )
        return tuple(stage for stage, flag in flags if flag)


@dataclass(frozen=True, slots=True)
class OtherDuties:
    """The duty layers an entry bears under other law, as given: rates in percent, None if not given.

    ``section232_since`` is the date the section 232 action took effect (for sec. 4(g)(2)).
    """

    ordinary_rate: Decimal | None = None
    section232_rate: Decimal | None = None
    section232_since: dt.date | None = None
    antidumping_countervailing_rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Import:
    """One entry of goods: what, from where, by whom, when and for how much.

    ``producer_feoc`` says a foreign entity of concern mined, processed or manufactured the
    good (at a stage not named); ``sourcing`` names the stages and their countries.
    """

    hts: Hts
    origin: str
    entry_date: dt.date
    producer_feoc: bool = False
    value: Decimal | None = None
    sourcing: Sourcing = Sourcing()
    duties: OtherDuties = OtherDuties()


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the Alliance and the date its agreement entered into force."""

    country: str
    entry_into_force: dt.date


@dataclass(frozen=True, slots=True)
class Alliance:
    """The Alliance as it stands: its members and their entry-into-force dates."""

    members: tuple[Member, ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for member in self.members:
            if member.country in seen:
                raise InputError("member", f"{member.country} is named more than once")
            seen.add(member.country)

    @classmethod
    def of(cls, members: Iterable[Member]) -> Alliance:
        """An Alliance of ``members``, ordered by entry into force."""
        return cls(tuple(sorted(members, key=lambda m: (m.entry_into_force, m.country))))

    @property
    def first_entry_into_force(self) -> dt.date | None:
        """The date on which the first agreement entered into force, if any has."""
        return min((m.entry_into_force for m in self.members), default=None)

    def member(self, country: str) -> Member | None:
        """The member ``country``, whether or not its agreement is in force yet."""
        return next((m for m in self.members if m.country == country), None)


def parse_hts(text: str, *, field: str = "hts") -> Hts:
    """``8505.11.00``, ``85051100``, ``8507.60.0010`` or ``8507600010`` -> ``Hts``.

    Raises:
        InputError: anything else, e.g. ``85.05`` or ``8505.11``.
    """
    raw = text.strip()
    digits = raw.replace(".", "")
    dotted_ok = "." not in raw or (raw[4:5] == "." and raw[7:8] == "." and raw.count(".") == 2)
    if not (digits.isascii() and digits.isdigit() and len(digits) in (8, 10) and dotted_ok):
        raise InputError(
            field,
            f"malformed HTS number {text!r} (expected a subheading such as 8505.11.00, "
            "or a statistical line such as 8507.60.0010)",
        )
    subheading = f"{digits[:4]}.{digits[4:6]}.{digits[6:8]}"
    return Hts(subheading, digits[8:] or None)


def parse_country(text: str, *, field: str = "country") -> str:
    """An ISO 3166-1 alpha-2 code (any case) -> the upper-case code.

    Raises:
        InputError: the code is not one ISO 3166-1 assigns.
    """
    code = text.strip().upper()
    if code not in iso_countries():
        raise InputError(
            field, f"unknown country code {text!r} (expected an ISO 3166-1 alpha-2 code such as CN)"
        )
    return code


def parse_member(text: str, *, field: str = "--member") -> Member:
    """``AU:2027-01-01`` -> ``Member("AU", date(2027, 1, 1))``."""
    code, sep, day = text.partition(":")
    if not sep:
        raise InputError(
            field, f"{text!r} should be COUNTRY:YYYY-MM-DD (the date its agreement entered into force)"
        )
    return Member(parse_country(code, field=field), parse_date(day, field=field))
