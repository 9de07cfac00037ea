"""A candidate country's commitments under sec. 4(b), read and checked from a TOML document.

The document (every key optional except ``country``)::

    country = "AU"
    certification = 2026-03-02        # anchors a phase-in if phase_in_from = "certification"
    entry_into_force = 2026-06-01     # anchors a phase-in by default
    phase_in_until = 2030-06-01       # the day the committed rates are all reached (sec. 4(c)(1))
    comparable_effect_determined = true   # the Trade Representative's finding (sec. 4(c)(2))

    [duties]                          # sec. 4(b)(1): the rate, in percent, the country will
    default = 25                      # impose on goods sourced from a country or entity of
    "2804.61.00" = 50                 # concern, per HTS subheading; "default" for the rest

    [measures]                        # comparable measures instead of a rate, per subheading:
    "2611.00.60" = "import-prohibition"   # import-prohibition | quota | other

    [commitments]                     # sec. 4(b)(2) to (5); a missing key is no commitment
    meet_regularly = true
    share_capacity_reviews = true
    eliminate_member_duties = true
    counter_transshipment = true
    screen_investments = true
    trade_remedies = true
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from provisions.inputs import InputError, parse_country, parse_date, parse_hts, parse_rate
from provisions.kit.inputs import check_date

__all__ = ["COMMITMENTS", "MEASURES", "Candidate", "candidate_from_document", "candidate_parameters"]

COMMITMENTS: Mapping[str, tuple[str, str]] = {
    "meet_regularly": ("s4_b_2", "meet on a regular basis with the other members of the Alliance"),
    "share_capacity_reviews": (
        "s4_b_3",
        "conduct, and share with the other members, reviews of its capacity to "
        "mine and process critical minerals and to manufacture select derivative products",
    ),
    "eliminate_member_duties": (
        "s4_b_4",
        "eliminate duties (other than antidumping and countervailing duties) on "
        "mined and processed critical minerals and select derivative products imported "
        "from the other members",
    ),
    "counter_transshipment": (
        "s4_b_5_A",
        "take complementary actions with respect to illicit transshipment of "
        "critical minerals and select derivative products",
    ),
    "screen_investments": (
        "s4_b_5_B",
        "take complementary actions with respect to the screening of investments",
    ),
    "trade_remedies": ("s4_b_5_C", "take complementary actions with respect to trade remedies"),
}
"""The commitments of sec. 4(b)(2) to (5): TOML key -> (provision id, words of the bill)."""

MEASURES = ("import-prohibition", "quota", "other")

_TOP_KEYS = {
    "country",
    "certification",
    "entry_into_force",
    "phase_in_until",
    "comparable_effect_determined",
    "duties",
    "measures",
    "commitments",
    "parameters",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a country commits to, for the eligibility criteria of sec. 4(b)."""

    country: str
    duty_rates: Mapping[str, Decimal] = field(default_factory=dict)  # HTS subheading -> percent
    default_rate: Decimal | None = None
    measures: Mapping[str, str] = field(default_factory=dict)  # HTS subheading -> a MEASURES value
    comparable_effect_determined: bool = False
    phase_in_until: dt.date | None = None
    certification: dt.date | None = None
    entry_into_force: dt.date | None = None
    commitments: Mapping[str, bool] = field(default_factory=dict)  # COMMITMENTS key -> committed


def candidate_from_document(document: Mapping[str, Any]) -> Candidate:
    """A ``Candidate`` from a parsed TOML document (see the module docstring).

    Raises:
        InputError: a missing country, an unknown key, a malformed HTS number, rate or date.
    """
    unknown = set(document) - _TOP_KEYS
    if unknown:
        raise InputError(sorted(unknown)[0], f"unknown key (the keys are {', '.join(sorted(_TOP_KEYS))})")
    candidate_parameters(document)  # its shape, before anything reads it
    if "country" not in document:
        raise InputError("country", 'missing: the candidate country\'s ISO code, e.g. country = "AU"')
    if not isinstance(document["country"], str):
        raise InputError("country", f"{document['country']!r} should be an ISO code in quotes, e.g. \"AU\"")
    duties = _table(document, "duties")
    rates: dict[str, Decimal] = {}
    default: Decimal | None = None
    for key, value in duties.items():
        rate = parse_rate(_text(value, f"duties.{key}"), field=f"duties.{key}")
        if key == "default":
            default = rate
        else:
            rates[parse_hts(key, field=f"duties.{key}").subheading] = rate
    measures: dict[str, str] = {}
    for key, value in _table(document, "measures").items():
        if not isinstance(value, str) or value not in MEASURES:
            raise InputError(f"measures.{key}", f"{value!r} is not one of {', '.join(MEASURES)}")
        measures[parse_hts(key, field=f"measures.{key}").subheading] = value
    commitments: dict[str, bool] = {}
    for key, value in _table(document, "commitments").items():
        if key not in COMMITMENTS:
            raise InputError(
                f"commitments.{key}", f"unknown commitment (the commitments are {', '.join(COMMITMENTS)})"
            )
        if not isinstance(value, bool):
            raise InputError(f"commitments.{key}", f"{value!r} is not true or false")
        commitments[key] = value
    determined = document.get("comparable_effect_determined", False)
    if not isinstance(determined, bool):
        raise InputError("comparable_effect_determined", f"{determined!r} is not true or false")
    return Candidate(
        country=parse_country(str(document["country"]), field="country"),
        duty_rates=rates,
        default_rate=default,
        measures=measures,
        comparable_effect_determined=determined,
        phase_in_until=_date(document, "phase_in_until"),
        certification=_date(document, "certification"),
        entry_into_force=_date(document, "entry_into_force"),
        commitments=commitments,
    )


def _table(document: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = document.get(key, {})
    if not isinstance(value, Mapping):
        raise InputError(key, "should be a table ([" + key + "])")
    return value


def _text(value: Any, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(name, f"{value!r} is not a rate in percent")
    return str(value)


def _date(document: Mapping[str, Any], key: str) -> dt.date | None:
    value = document.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise InputError(key, f"{value!r} should be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return check_date(value, field=key)
    if not isinstance(value, str):
        raise InputError(key, f"{value!r} should be a date (YYYY-MM-DD)")
    return parse_date(value, field=key)


def candidate_parameters(document: Mapping[str, Any]) -> dict[str, str]:
    """The ``[parameters]`` table of a candidate document: parameter name -> value, as text.

    Raises:
        InputError: ``parameters`` is not a table, or a value is a table or a list.
    """
    table = _table(document, "parameters")
    overrides: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, (Mapping, list)):
            raise InputError(f"parameters.{key}", f"{value!r} should be a value, not a table or a list")
        overrides[str(key)] = str(value).lower() if isinstance(value, bool) else str(value)
    return overrides
