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

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from provisions.inputs import InputError, parse_country, parse_date
from provisions.kit import parameters as mechanism

__all__ = ["DEFAULTS", "PARAMETER_DOCS", "ParameterDoc", "Parameters", "parameter_descriptions"]

ReviewCounting = Literal["calendar-days", "days-of-session"]
ListReading = Literal["list-on-2026-01-01-plus-additions", "list-in-force"]
PhaseInFrom = Literal["entry-into-force", "certification"]
AllocationRounding = Literal["largest-remainder", "remainder-to-energy"]
MemberConcernGoods = Literal["concern-rate", "duty-free"]
LeapDay = Literal["february-28", "march-1"]
ProcessedCompounds = Literal["compounds-count", "metal-powder-alloy-only"]
MagnetLines = Literal["of-metal", "all-permanent-magnets"]
ConcernAndOrdinary = Literal["in-addition", "replaces-ordinary"]
ConcernWithout301 = Literal["not-set", "zero"]
AppliedOnOrAfter = Literal["applied-at-entry", "imposed-on-or-after"]
IntroducedOnCertification = Literal["outside-period", "within-period"]
CollectionBasis = Literal["entry-date", "deposit-date", "liquidation-date"]
IncomeYear = Literal["in-force-on-decision", "dfc-fiscal-year-start"]
HongKongMacau = Literal["separate", "part-of-china"]
SourcedFromCountry = Literal["origin", "any-stage"]
DfcConditions = Literal["necessary-only", "necessary-and-sufficient"]
AdcvdNotGiven = Literal["left-out", "unknown"]
ArtificialGraphite = Literal["natural-only", "artificial-counts"]
Section232NotHeld = Literal["unknown", "none"]



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

    The rest are described in ``PARAMETER_DOCS`` (one entry each: provisions, default,
    alternatives and what each value means), which the README table and the site render.
        """

    review_period_counting: ReviewCounting = "calendar-days"
    mineral_list_reading: ListReading = "list-on-2026-01-01-plus-additions"
    phase_in_from: PhaseInFrom = "entry-into-force"
    allocation_rounding: AllocationRounding = "largest-remainder"
    member_good_sourced_from_concern: MemberConcernGoods = "concern-rate"
    leap_day_anniversary: LeapDay = "february-28"
    state_designated_countries_of_concern: tuple[tuple[str, dt.date], ...] = ()
    processed_compounds: ProcessedCompounds = "compounds-count"
    permanent_magnet_lines: MagnetLines = "of-metal"
    concern_rate_and_ordinary: ConcernAndOrdinary = "in-addition"
    concern_rate_where_no_301: ConcernWithout301 = "not-set"
    duties_applied_on_or_after: AppliedOnOrAfter = "applied-at-entry"
    introduced_on_certification_day: IntroducedOnCertification = "outside-period"
    fund_collection_basis: CollectionBasis = "entry-date"
    income_classification_year: IncomeYear = "in-force-on-decision"
    hong_kong_macau: HongKongMacau = "separate"
    sourced_from_country: SourcedFromCountry = "origin"
    dfc_conditions: DfcConditions = "necessary-only"
    adcvd_not_given: AdcvdNotGiven = "left-out"
    artificial_graphite: ArtificialGraphite = "natural-only"
    section232_not_held: Section232NotHeld = "unknown"

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


@dataclass(frozen=True, slots=True)
class ParameterDoc:
    """A parameter as a reader sees it: the provisions it reads, its default, the alternatives."""

    name: str
    provisions: tuple[str, ...]
    default: str
    alternatives: tuple[str, ...]
    question: str  # the question the words leave open
    meanings: tuple[tuple[str, str], ...]  # (value, what it means), the default first


PARAMETER_DOCS: Mapping[str, tuple[tuple[str, ...], str, tuple[tuple[str, str], ...]]] = {
    "review_period_counting": (
        ("s4_e_2",),
        'How the "90 days" after a certification are counted.',
        (
            ("calendar-days", 'every day counts, as in 19 U.S.C. 2903(a) and 4205(a) ("90 calendar days")'),
            (
                "days-of-session",
                "19 U.S.C. 2194(b): leave out days either House is away because of an adjournment of more "
                "than 3 days to a day certain or an adjournment of the Congress sine die, and any Saturday "
                "and Sunday, not already left out, on which either House is not in session",
            ),
        ),
    ),
    "mineral_list_reading": (
        ("s3_2", "s3_2_A", "s3_2_B"),
        "Which critical-minerals list applies on a date.",
        (
            (
                "list-on-2026-01-01-plus-additions",
                "the list in force on January 1, 2026, plus minerals added by a later list on or before the "
                "date; a mineral later removed stays covered",
            ),
            ("list-in-force", "only the list in force on the date asked"),
        ),
    ),
    "phase_in_from": (
        ("s4_c_1",),
        'When the "period of not more than 5 years" of a phase-in starts.',
        (
            ("entry-into-force", "from the entry into force of the agreement"),
            ("certification", "from the Trade Representative's certification under sec. 4(e)(1)"),
        ),
    ),
    "allocation_rounding": (
        ("s6_c",),
        "How a transfer is split 60/20/20 in whole cents.",
        (
            ("largest-remainder", "shares rounded down, the cents left over to the largest remainders"),
            ("remainder-to-energy", "DOD and DFC rounded down, the rest to the Loan Programs Office"),
        ),
    ),
    "member_good_sourced_from_concern": (
        ("s4_g_1", "s5_a"),
        "A member's good that is sourced from a concern: sec. 4(g)(1) or sec. 5(a)?",
        (
            ("concern-rate", "sec. 5(a) prevails: the good pays the section 301 rate"),
            ("duty-free", "sec. 4(g)(1) prevails: the good enters free of duty"),
        ),
    ),
    "leap_day_anniversary": (
        ("s4_h_1", "s4_i"),
        'A date "N years after" February 29 in a year without one.',
        (("february-28", "the last day of February"), ("march-1", "the day after")),
    ),
    "state_designated_countries_of_concern": (
        ("s3_4_A",),
        "Countries the Department of State determines to be countries of concern, with the date.",
        (("", "none known"), ("CODE:DATE,...", "each country from the date of its determination")),
    ),
    "processed_compounds": (
        ("s3_6",),
        'Whether refined compounds (oxides, hydroxides, carbonates, sulfates ...) are "processed".',
        (
            (
                "compounds-count",
                '"includes" does not exhaust the term: intermediate refining into a compound is processing',
            ),
            ("metal-powder-alloy-only", "only intermediate products, metal, powder and master alloy"),
        ),
    ),
    "permanent_magnet_lines": (
        ("s3_7_A",),
        "Which HTS lines are permanent magnets that are derivative products.",
        (
            ("of-metal", "8505.11.00 only, the magnets of metal that incorporate rare earths or cobalt"),
            ("all-permanent-magnets", "also 8505.19 (ferrite and other non-metal magnets)"),
        ),
    ),
    "concern_rate_and_ordinary": (
        ("s5_a",),
        "Whether the sec. 5(a) rate comes on top of the ordinary (column 1) duty or replaces it.",
        (
            ("in-addition", "on top, as section 301 duties are under chapter 99 of the HTSUS"),
            ("replaces-ordinary", 'the sec. 5(a) rate is "the rate of duty applicable", the whole rate'),
        ),
    ),
    "concern_rate_where_no_301": (
        ("s5_a",),
        "What sec. 5(a) sets where China's line bore no section 301 duty on January 1, 2026.",
        (
            ("not-set", "there is no section 301 rate to apply, so sec. 5(a) sets nothing"),
            ("zero", "the rate is the section 301 rate, which was nil"),
        ),
    ),
    "duties_applied_on_or_after": (
        ("s4_g_2",),
        'Which section 301 and 232 duties are "applied on or after" the date of entry into force.',
        (
            ("applied-at-entry", "every such duty applied to an entry on or after that date"),
            ("imposed-on-or-after", "only duties imposed by actions taking effect on or after that date"),
        ),
    ),
    "introduced_on_certification_day": (
        ("s4_f_1_A",),
        "Whether a joint resolution introduced on the day of the certification is introduced "
        "during the 90-day period.",
        (
            ("outside-period", "no: the period begins the day after the certification"),
            ("within-period", "yes: the day of the certification counts as in the period"),
        ),
    ),
    "fund_collection_basis": (
        ("s6_b_1",),
        'When duties count as "collected during" a fiscal year.',
        (
            ("entry-date", "the date of entry"),
            ("deposit-date", "the date estimated duties were deposited (ledger column deposit_date)"),
            ("liquidation-date", "the date of liquidation (ledger column liquidation_date)"),
        ),
    ),
    "income_classification_year": (
        ("s6_d_2",),
        "Which World Bank classification applies to a decision.",
        (
            ("in-force-on-decision", "the classification in force on the day of the decision"),
            (
                "dfc-fiscal-year-start",
                "the classification in force on October 1 that began the Corporation's fiscal year, as "
                "22 U.S.C. 9601 as amended in December 2025 reads income",
            ),
        ),
    ),
    "hong_kong_macau": (
        ("s3_4_A", "s5_a"),
        "Whether goods of Hong Kong or Macau origin are goods of the People's Republic of China.",
        (
            ("separate", "separate customs territories, as for section 301 duties"),
            ("part-of-china", "parts of the People's Republic of China, a foreign country of concern"),
        ),
    ),
    "sourced_from_country": (
        ("s5_a",),
        'When a good is "sourced from a foreign country of concern".',
        (
            ("origin", "its country of origin is one"),
            ("any-stage", "it was mined, processed or manufactured in one (as sec. 5(b) reads entities)"),
        ),
    ),
    "dfc_conditions": (
        ("s6_d_1",),
        'What "only if" in sec. 6(d)(1) gives when its conditions are met.',
        (
            ("necessary-only", 'conditions necessary, not sufficient: "not barred by sec. 6(d)"'),
            ("necessary-and-sufficient", "the conditions met, support is allowed"),
        ),
    ),
    "adcvd_not_given": (
        ("s4_g_3", "s5_a"),
        "What a duty total does when no antidumping or countervailing duty rate is given (such duties are "
        "never waived, and whether an order covers the good is a fact these rules do not hold).",
        (
            (
                "left-out",
                "the total is the sum of the other layers, and the answer says antidumping and countervailing "
                "duties are not in it",
            ),
            (
                "unknown",
                "no total is given until the antidumping or countervailing rate is supplied (0 where no order "
                "covers the good); the answer says why",
            ),
        ),
    ),
    "artificial_graphite": (
        ("s3_2", "s3_6"),
        'Whether artificial (synthetic) graphite, HTS 3801.10, is the critical mineral "graphite".',
        (
            (
                "natural-only",
                "no: the list names the mineral, and artificial graphite is made from petroleum coke or pitch, "
                "not mined or refined from mined graphite; the USGS Mineral Commodity Summaries report graphite "
                "as \"Graphite (natural)\" under heading 2504",
            ),
            (
                "artificial-counts",
                'yes: the 2022 and 2025 lists name "graphite", dropping the 2018 list\'s "(natural)", so '
                "graphite however made is on the list; artificial graphite in powder, plates or rods is a "
                "processed form of it (sec. 3(6))",
            ),
        ),
    ),
    "section232_not_held": (
        ("s4_g_2", "s5_a"),
        "What a duty total takes as the section 232 rate on a line the committed data holds no section 232 "
        "action for (provisions/data/section232.csv holds unwrought aluminum and copper), when none is given "
        "(whether an action reaches the good is a fact of other law, not of the bill).",
        (
            (
                "unknown",
                "the section 232 layer is not known, so no total is given until --section232-rate is supplied "
                "(0 where no action reaches the good); the answer says it is a data limit",
            ),
            (
                "none",
                "a line the data holds no section 232 action for is taken to have none (0%), and the answer "
                "says so; a line the data holds, but not for that origin or day, stays not known",
            ),
        ),
    ),
}
"""For each parameter: the provisions it reads, the question, and (value, meaning) with the default first."""


def parameter_descriptions() -> tuple[ParameterDoc, ...]:
    """Every parameter with its provisions, default, alternatives and meanings: what the site renders."""
    described: list[ParameterDoc] = []
    for field in dataclasses.fields(Parameters):
        provisions, question, meanings = PARAMETER_DOCS[field.name]
        default = getattr(DEFAULTS, field.name)
        text = default if isinstance(default, str) else ""
        alternatives = tuple(value for value, _ in meanings if value != text)
        described.append(ParameterDoc(field.name, provisions, text, alternatives, question, meanings))
    return tuple(described)


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
