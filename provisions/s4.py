"""SEC. 4. CRITICAL MINERALS SECURITY ALLIANCE."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Literal

from provisions.candidate import COMMITMENTS, Candidate
from provisions.datasets import CoveredLine, MineralList, mineral_lists, section301_lines
from provisions.inputs import Alliance, InputError
from provisions.kit.determination import Determination, Reason
from provisions.kit.periods import AdjournmentCalendar, anniversary, day_number, long_date, nth_day_after
from provisions.kit.rules import Section
from provisions.kit.wording import counted
from provisions.parameters import DEFAULTS, Parameters
from provisions.s3 import LIST_DATE, SELECT_PRODUCTS, Good, appropriate_congressional_committees
from provisions.values import VALUES

section = Section(__name__, "s4")  # this section's rules and the provisions it leaves uncoded
implements, not_formalized = section.implements, section.not_formalized

__all__ = [
    "REVIEW_DAYS",
    "Coverage",
    "Disapproval",
    "DutyCommitmentCheck",
    "Eligibility",
    "MemberTreatment",
    "Shortfall",
    "Timeline",
    "admission_timeline",
    "annual_report_due_dates",
    "coverage_objective",
    "duty_commitment",
    "eligibility",
    "is_joint_resolution_of_disapproval",
    "member_duty_free",
    "other_commitments",
    "review_due_dates",
]

REVIEW_DAYS = int(VALUES.number("review period"))
"""The congressional review period of sec. 4(e)(2), in days."""

_COUNT_WINDOW = 4 * 366  # days searched for the 90th day of session; far more than any session needs

_PHASE_IN_YEARS = int(VALUES.number("phase-in limit"))
_OBJECTIVE = int(VALUES.number("mineral coverage objective"))  # percent
_FIRST_REVIEW = int(VALUES.number("first review"))
_REVIEW_EVERY = int(VALUES.number("review interval"))
_FIRST_REPORT = int(VALUES.number("annual report"))
_PERCENT = Decimal("0.01")

not_formalized(
    "s4_a_1",
    reason="Authority to negotiate and enter into agreements is a discretion of the Trade Representative; "
    "whether and with whom to agree is a decision, not a computation. The rules take the agreements in "
    "force as an input: the members of the Alliance and the dates their agreements entered into force.",
)
not_formalized(
    "s4_a_2",
    reason="A duty to consult the Secretaries of Commerce, the Treasury and State while negotiating: "
    "a process with no computable outcome.",
)


# --- (b) and (c): eligibility -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A covered good on which a candidate's duty commitment falls short of sec. 4(b)(1)."""

    hts: str
    required: Decimal  # the U.S. section 301 rate on January 1, 2026, percent
    committed: Decimal | None
    measure: str | None
    why: str


@dataclass(frozen=True, slots=True)
class DutyCommitmentCheck:
    """Whether a candidate's duty commitment meets sec. 4(b)(1), as sec. 4(c) allows it to."""

    met: bool
    shortfalls: tuple[Shortfall, ...]
    goods_checked: int
    phase_in_limit: dt.date | None


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Whether a country is eligible to become a member, and which criteria it does not meet."""

    country: str
    eligible: bool
    unmet: tuple[str, ...]  # the provision ids of the criteria not met, in the order of the text
    shortfalls: tuple[Shortfall, ...]
    phase_in_limit: dt.date | None


@implements("s4_b")
def eligibility(
    candidate: Candidate,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
) -> Determination[Eligibility]:
    """A country is eligible to become a member of the Alliance if the country commits to--
    (1) ... (5) [the criteria of paragraphs (1) to (5), each a rule of its own above].

    Eligible only if every criterion is met; every criterion not met is cited.
    """
    duties = duty_commitment(candidate, params=params, table=table)
    others = other_commitments(candidate)
    unmet = (() if duties.value.met else ("s4_b_1",)) + others.value
    eligible = not unmet
    verdict = (
        f"{candidate.country} is eligible to become a member of the Alliance: it commits to every criterion."
        if eligible
        else f"{candidate.country} is not eligible to become a member of the Alliance: "
        f"{counted(len(unmet), 'criterion', 'criteria')} not met ({', '.join(unmet)})."
    )
    reasons = (*duties.reasons, *others.reasons, Reason("s4_b", verdict, {"unmet": list(unmet)}))
    value = Eligibility(
        candidate.country, eligible, unmet, duties.value.shortfalls, duties.value.phase_in_limit
    )
    return Determination(value, reasons)


def _reached_under(line: CoveredLine, params: Parameters) -> bool:
    """Whether the bill reaches a line's goods under the readings in force (a line read under another
    value of a parameter, or a compound where compounds are not processed, asks no commitment)."""
    if line.reading is not None and getattr(params, line.reading[0]) != line.reading[1]:
        return False
    return not (line.form == "compound" and line.stage == "processed"
                and params.processed_compounds == "metal-powder-alloy-only")


@implements("s4_b_1", "s4_c", "s4_c_1", "s4_c_2")
def duty_commitment(
    candidate: Candidate,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
) -> Determination[DutyCommitmentCheck]:
    """(b)(1) increase the rates of duty imposed by the country on mined and processed
    critical minerals and select derivative products that are sourced from a foreign
    country of concern or a foreign entity of concern to rates that are not less than the
    rates of duty imposed by the United States under section 301 of the Trade Act of 1974
    (19 U.S.C. 2411) on such minerals and products that were in effect on January 1, 2026,
    or adopt comparable measures, such as import prohibitions or quotas, with respect to
    such minerals and products;
    (c) In determining whether a country meets the criterion described in subsection (b)(1),
    the Trade Representative may-- (1) allow the country to phase in the increase in rates of
    duty described in that subsection over a period of not more than 5 years; or (2) accept
    non-tariff measures that the Trade Representative determines have an effect comparable
    to that increase in rates of duty.

    Checks every subheading of the committed section 301 table: the committed rate (or the
    ``default``) must be at least the U.S. rate; an import prohibition counts as a comparable
    measure; a quota or another measure counts only with the Trade Representative's finding
    of comparable effect.  A phase-in may not end more than 5 years after its start.
    """
    lines = {
        hts: line
        for hts, line in (table if table is not None else section301_lines()).items()
        if _reached_under(line, params)
    }
    reasons: list[Reason] = []
    shortfalls: list[Shortfall] = []
    by_measure: list[str] = []
    for hts, line in sorted(lines.items()):
        if line.section301 is None:
            continue
        required = line.section301.rate
        measure = candidate.measures.get(hts)
        rate = candidate.duty_rates.get(hts, candidate.default_rate)
        if measure == "import-prohibition" or (
            measure is not None and candidate.comparable_effect_determined
        ):
            by_measure.append(f"{hts} ({measure})")
        elif measure is not None:
            shortfalls.append(
                Shortfall(
                    hts,
                    required,
                    rate,
                    measure,
                    "a measure the Trade Representative has not "
                    "found to have an effect comparable to the increase in duty",
                )
            )
        elif rate is None:
            shortfalls.append(Shortfall(hts, required, None, None, "no commitment"))
        elif rate < required:
            shortfalls.append(
                Shortfall(hts, required, rate, None, f"{rate}% committed, {required}% required")
            )
    met_by_rate = len(lines) - len(shortfalls) - len(by_measure)
    reasons.append(
        Reason(
            "s4_b_1",
            f"{candidate.country} commits to rates not less than the U.S. section 301 rates "
            f"in effect on January 1, 2026 on {met_by_rate} of the {len(lines)} subheadings of mined and "
            "processed critical minerals and select derivative products.",
            {"country": candidate.country, "subheadings": len(lines)},
        )
    )
    if by_measure:
        reasons.append(
            Reason(
                "s4_c_2" if any("prohibition" not in m for m in by_measure) else "s4_b_1",
                "Comparable measures stand in for the rate on "
                + ", ".join(by_measure)
                + (
                    " (import prohibitions are comparable measures by the words of sec. 4(b)(1); other "
                    "measures count with the Trade Representative's finding of comparable effect)."
                ),
                {"measures": dict(candidate.measures)},
            )
        )
    if shortfalls:
        listed = "; ".join(f"{s.hts}: {s.why}" for s in shortfalls)
        reasons.append(
            Reason(
                "s4_b_1",
                f"The commitment falls short on {counted(len(shortfalls), 'subheading')}: {listed}.",
                {"shortfalls": len(shortfalls)},
            )
        )
    limit: dt.date | None = None
    phase_in_ok = True
    if candidate.phase_in_until is not None:
        start = (
            candidate.entry_into_force
            if params.phase_in_from == "entry-into-force"
            else candidate.certification
        )
        if start is None:
            key = "entry_into_force" if params.phase_in_from == "entry-into-force" else "certification"
            raise InputError(
                key,
                f"a phase-in runs from the {key.replace('_', ' ')} "
                f"({params.describe('phase_in_from')}), so that date is needed",
            )
        limit = anniversary(start, _PHASE_IN_YEARS, leap_day=params.leap_day_anniversary)
        phase_in_ok = candidate.phase_in_until <= limit
        verdict = "within" if phase_in_ok else "longer than"
        reasons.append(
            Reason(
                "s4_c_1",
                f"The rates are phased in until {long_date(candidate.phase_in_until)}, "
                f"{verdict} the 5 years the Trade Representative may allow (from "
                f"{long_date(start)}, so until {long_date(limit)}; {params.describe('phase_in_from')}).",
                {"phase_in_until": candidate.phase_in_until, "start": start, "limit": limit},
            )
        )
    met = not shortfalls and phase_in_ok
    return Determination(DutyCommitmentCheck(met, tuple(shortfalls), len(lines), limit), tuple(reasons))


@implements("s4_b_2", "s4_b_3", "s4_b_4", "s4_b_5", "s4_b_5_A", "s4_b_5_B", "s4_b_5_C")
def other_commitments(candidate: Candidate) -> Determination[tuple[str, ...]]:
    """(2) meet on a regular basis with the other members of the Alliance; (3) conduct, and
    share with the other members of the Alliance, reviews of the capacity of the country to
    mine and process critical minerals and to manufacture select derivative products;
    (4) eliminate duties (other than antidumping and countervailing duties) on mined and
    processed critical minerals and select derivative products imported from the other
    members of the Alliance; and (5) take complementary actions with respect to-- (A) illicit
    transshipment of critical minerals and select derivative products; (B) the screening of
    investments; and (C) trade remedies.

    The value is the ids of the commitments not made, in the order of the text.
    """
    reasons: list[Reason] = []
    unmet: list[str] = []
    for key, (provision, words) in COMMITMENTS.items():
        made = candidate.commitments.get(key, False)
        if not made:
            unmet.append(provision)
        verb = "commits" if made else "does not commit"
        reasons.append(Reason(provision, f"{candidate.country} {verb} to {words}.", {key: made}))
    return Determination(tuple(unmet), tuple(reasons))


# --- (d): negotiating objectives ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much the Alliance's agreements cover, against the objectives of sec. 4(d)."""

    minerals_covered: int
    minerals_on_list: int
    mineral_share: Decimal  # percent, rounded down to 0.01
    meets_mineral_objective: bool
    products_covered: tuple[str, ...]
    product_share: Decimal  # percent, rounded down to 0.01
    meets_product_objective: bool
    missing_minerals: tuple[str, ...]
    missing_products: tuple[str, ...]
    not_on_list: tuple[str, ...]


@implements("s4_d", "s4_d_1", "s4_d_2")
def coverage_objective(
    minerals: Iterable[str],
    products: Iterable[str],
    *,
    lists: Sequence[MineralList] | None = None,
) -> Determination[Coverage]:
    """In negotiating agreements under subsection (a), the Trade Representative shall seek to
    ensure that the agreements establishing the Alliance, taken together, cover-- (1) not
    less than 90 percent of the critical minerals on the list described in section 3(2)(A);
    and (2) all select derivative products.

    ``products`` are keys of ``s3.SELECT_PRODUCTS``; ``li-ion-battery`` stands for both kinds
    of lithium-ion battery.  The shares are compared exactly and shown rounded down.

    Raises:
        InputError: a product that is not a kind of select derivative product.
    """
    known = lists if lists is not None else mineral_lists()
    base = max((entry for entry in known if entry.published <= LIST_DATE), key=lambda entry: entry.published)
    named = {m.strip().lower() for m in minerals if m.strip()}
    covered = named & base.minerals
    not_on_list = tuple(sorted(named - base.minerals))
    kinds: set[str] = set()
    for product in products:
        key = product.strip().lower()
        if key == "li-ion-battery":
            kinds.update(("li-ion-battery-ev", "li-ion-battery-other"))
        elif key in SELECT_PRODUCTS:
            kinds.add(key)
        else:
            raise InputError(
                "products",
                f"{product!r} is not a select derivative product "
                f"(one of {', '.join(SELECT_PRODUCTS)}, or li-ion-battery)",
            )
    total = len(base.minerals)
    meets_minerals = len(covered) * 100 >= _OBJECTIVE * total
    meets_products = kinds >= set(SELECT_PRODUCTS)
    mineral_share = _share(len(covered), total)
    product_share = _share(len(kinds), len(SELECT_PRODUCTS))
    missing_products = tuple(k for k in SELECT_PRODUCTS if k not in kinds)
    reasons = [
        Reason(
            "s4_d_1",
            f"The agreements cover {len(covered)} of the {total} critical minerals on the {base.name} "
            f"({base.citation}), the list described in sec. 3(2)(A): {mineral_share}%, "
            f"{'meeting' if meets_minerals else 'short of'} the objective of not less than 90 percent "
            f"({-(-_OBJECTIVE * total // 100)} minerals).",
            {"covered": len(covered), "on_list": total},
        ),
        Reason(
            "s4_d_2",
            f"They cover {len(kinds)} of the {len(SELECT_PRODUCTS)} kinds of select derivative product "
            f"({product_share}%); the objective is all of them"
            + (f"; missing: {', '.join(missing_products)}." if missing_products else ", and it is met."),
            {"products": sorted(kinds)},
        ),
    ]
    if not_on_list:
        reasons.append(
            Reason(
                "s4_d_1",
                "Not on the list described in sec. 3(2)(A), so not counted: " + ", ".join(not_on_list) + ".",
                {"not_on_list": list(not_on_list)},
            )
        )
    value = Coverage(
        len(covered),
        total,
        mineral_share,
        meets_minerals,
        tuple(sorted(kinds)),
        product_share,
        meets_products,
        tuple(sorted(base.minerals - covered)),
        missing_products,
        not_on_list,
    )
    return Determination(value, tuple(reasons))


# --- (e) and (f): admission, congressional review, joint resolutions of disapproval ---------


@dataclass(frozen=True, slots=True)
class Disapproval:
    """A joint resolution disapproving a certification: when enacted, and what else is known."""

    enacted_on: dt.date
    introduced_on: dt.date | None = None
    text: str | None = None  # the matter after the resolving clause
    country_name: str | None = None  # the name the second blank should hold


@dataclass(frozen=True, slots=True)
class Timeline:
    """The congressional review of a certification, and when the agreement may enter into force."""

    certified: dt.date
    subject: Literal["agreement", "modification"]
    counting: str
    period_first_day: dt.date
    period_last_day: dt.date  # the 90th day after the certification
    earliest_entry_into_force: dt.date | None  # None when blocked
    status: Literal["may-enter-into-force", "blocked"]
    days_not_counted: int


_RESOLUTION = (
    "That Congress disapproves the certification submitted by the United States Trade Representative "
    "under section 4(e)(1) of the Restoring American Mineral Security Act of 2025 on {date} with "
    "respect to {country}."
)


@implements("s4_e_1", "s4_e_2", "s4_e_3")
def admission_timeline(
    certified: dt.date,
    *,
    disapproval: Disapproval | None = None,
    calendar: AdjournmentCalendar | None = None,
    modification: bool = False,
    params: Parameters = DEFAULTS,
) -> Determination[Timeline]:
    """(e)(1) A country may become a member of the Alliance only if the Trade Representative
    certifies to the appropriate congressional committees that the country meets the
    criteria described in subsection (b). (2) An agreement under subsection (a) with a
    country may enter into force on or after the date that is 90 days after the date on
    which the Trade Representative submits the certification required by paragraph (1) with
    respect to the country, unless, before the end of that 90-day period, a joint resolution
    of disapproval is enacted into law. (3) Paragraphs (1) and (2) shall apply to any
    modification of an agreement under subsection (a) in the same manner as those
    paragraphs apply to the agreement.

    The period starts the day after the certification; its last day is the 90th day, which
    is also the earliest day of entry into force.  A joint resolution enacted on or before
    that day blocks entry into force.  Days are calendar days, or days of session under
    ``params.review_period_counting`` with an adjournment calendar.

    Raises:
        InputError: days of session without a calendar, or a resolution enacted on or
        before the day of the certification.
    """
    subject: Literal["agreement", "modification"] = "modification" if modification else "agreement"
    excluded: frozenset[dt.date] = frozenset()
    if params.review_period_counting == "days-of-session":
        if calendar is None:
            raise InputError(
                "adjournments",
                "counting days of session needs an adjournment calendar "
                f"({params.describe('review_period_counting')})",
            )
        horizon = dt.date.max - certified
        end = certified + min(dt.timedelta(days=_COUNT_WINDOW), horizon)  # never past the calendar's last day
        why = calendar.exclusions(certified, end)
        excluded = frozenset(why)
    committees = " and the ".join(appropriate_congressional_committees().value)
    reasons = [
        Reason(
            "s4_e_1",
            f"The Trade Representative certified to the {committees} on {long_date(certified)} "
            "that the country meets the criteria of sec. 4(b); without that certification it could not "
            "become a member.",
            {"certified": certified},
        )
    ]
    if modification:
        reasons.append(
            Reason(
                "s4_e_3",
                "The agreement is a modification of an agreement: the certification and the "
                "congressional review apply to it in the same manner.",
                {"modification": True},
            )
        )
    first = nth_day_after(certified, 1, excluded=excluded)
    last = nth_day_after(certified, REVIEW_DAYS, excluded=excluded)
    skipped = (last - certified).days - REVIEW_DAYS
    counting = (
        "calendar days"
        if not excluded and params.review_period_counting == "calendar-days"
        else f"days of session ({counted(skipped, 'day')} of adjournment not counted)"
    )
    reasons.append(
        Reason(
            "s4_e_2",
            f"The 90-day period runs from {long_date(first)} to {long_date(last)}, counting "
            f"{counting}; {params.describe('review_period_counting')}. Unless a joint resolution of "
            f"disapproval is enacted before the period ends, the {subject} may enter into force on or "
            f"after {long_date(last)}, the date that is 90 days after the certification.",
            {"period_first_day": first, "period_last_day": last},
        )
    )
    if calendar is not None and params.review_period_counting == "days-of-session":
        within = [why[day] for day in why if certified < day <= last]
        one, two = within.count("paragraph (1)"), within.count("paragraph (2)")
        reasons.append(
            Reason(
                "s4_e_2",
                f"Left out of the count as 19 U.S.C. 2194(b) does: {counted(one, 'day')} on which either House was "
                "not in session because of an adjournment of more than 3 days to a day certain or an "
                "adjournment of the Congress sine die (paragraph (1)), and "
                f"{counted(two, 'Saturday or Sunday', 'Saturdays and Sundays')} "
                "not left out under paragraph (1) on which either House was not in session "
                f"(paragraph (2)); calendar: {calendar.source or 'as given'}.",
                {"paragraph_1": one, "paragraph_2": two},
            )
        )
        if calendar.ignored():
            reasons.append(
                Reason(
                    "s4_e_2",
                    f"{counted(len(calendar.ignored()), 'adjournment leaves', 'adjournments leave')} out no day "
                    "under paragraph (1): "
                    "3 days or fewer to a day certain, or one House's adjournment sine die while the other "
                    "House sits (only an adjournment of the Congress sine die counts).",
                    {},
                )
            )
    status: Literal["may-enter-into-force", "blocked"] = "may-enter-into-force"
    earliest: dt.date | None = last
    if disapproval is not None:
        if disapproval.enacted_on <= certified:
            raise InputError(
                "disapproved_on",
                f"{disapproval.enacted_on} is not after the certification "
                f"({certified}); a resolution cannot disapprove it before it exists",
            )
        if disapproval.introduced_on is not None and disapproval.introduced_on > disapproval.enacted_on:
            raise InputError(
                "introduced_on",
                f"the resolution is introduced on {disapproval.introduced_on}, after its enactment on "
                f"{disapproval.enacted_on}; a resolution is introduced before it is enacted",
            )
        joint = is_joint_resolution_of_disapproval(
            disapproval, certified=certified, period_last_day=last, params=params
        )
        reasons.extend(joint.reasons)
        day = day_number(certified, disapproval.enacted_on, excluded=excluded)
        inputs = {"enacted_on": disapproval.enacted_on, "day": day}
        if not joint.value:
            reasons.append(
                Reason(
                    "s4_e_2",
                    "The resolution enacted is not a joint resolution of disapproval, so it "
                    "does not stop entry into force.",
                    inputs,
                )
            )
        elif disapproval.enacted_on <= last:
            status, earliest = "blocked", None
            reasons.append(
                Reason(
                    "s4_e_2",
                    f"A joint resolution of disapproval was enacted on "
                    f"{long_date(disapproval.enacted_on)}, day {day} of the period, before its end: "
                    f"the {subject} may not enter into force.",
                    inputs,
                )
            )
        else:
            reasons.append(
                Reason(
                    "s4_e_2",
                    f"A joint resolution of disapproval was enacted on "
                    f"{long_date(disapproval.enacted_on)}, after the 90-day period ended on "
                    f"{long_date(last)}: too late to stop entry into force under sec. 4(e)(2).",
                    inputs,
                )
            )
    value = Timeline(
        certified, subject, params.review_period_counting, first, last, earliest, status, skipped
    )
    return Determination(value, tuple(reasons))


@implements("s4_f_1", "s4_f_1_A", "s4_f_1_B")
def is_joint_resolution_of_disapproval(
    disapproval: Disapproval,
    *,
    certified: dt.date,
    period_last_day: dt.date,
    params: Parameters = DEFAULTS,
) -> Determination[bool]:
    """In this section, the term "joint resolution of disapproval" means only a joint
    resolution of the two Houses of Congress-- (A) that is introduced during the 90-day period
    described in subsection (e)(2); and (B) the sole matter after the resolving clause of
    which is as follows: "That Congress disapproves the certification submitted by the United
    States Trade Representative under section 4(e)(1) of the Restoring American Mineral
    Security Act of 2025 on ___ with respect to ___.", the first blank space being filled
    with the date of the certification and the second blank space being filled with the
    name of the country.

    What is not given (the day of introduction, the text) is assumed to qualify, and the
    reasons say so.
    """
    reasons: list[Reason] = []
    qualifies = True
    introduced = disapproval.introduced_on
    if introduced is None:
        reasons.append(
            Reason(
                "s4_f_1_A",
                "The day of introduction is not given; the resolution is taken to have been "
                "introduced during the 90-day period.",
                {},
            )
        )
    elif introduced == certified and params.introduced_on_certification_day == "within-period":
        reasons.append(
            Reason(
                "s4_f_1_A",
                f"Introduced on {long_date(introduced)}, the day of the certification, which is taken as "
                f"during the 90-day period ({params.describe('introduced_on_certification_day')}).",
                {"introduced_on": introduced},
            )
        )
    elif certified < introduced <= period_last_day:
        reasons.append(
            Reason(
                "s4_f_1_A",
                f"Introduced on {long_date(introduced)}, during the 90-day period "
                f"({long_date(certified + dt.timedelta(days=1))} to {long_date(period_last_day)}).",
                {"introduced_on": introduced},
            )
        )
    else:
        qualifies = False
        reasons.append(
            Reason(
                "s4_f_1_A",
                f"Introduced on {long_date(introduced)}, outside the 90-day period "
                f"({long_date(certified + dt.timedelta(days=1))} to {long_date(period_last_day)}): "
                "not a joint resolution of disapproval"
                + (f" ({params.describe('introduced_on_certification_day')})" if introduced == certified else "")
                + ".",
                {"introduced_on": introduced},
            )
        )
    if disapproval.text is None:
        reasons.append(
            Reason("s4_f_1_B", "The text is not given; it is taken to be the prescribed text.", {})
        )
    else:
        country = disapproval.country_name or "___"
        expected = _RESOLUTION.format(date=long_date(certified), country=country)
        matches = _words(disapproval.text) == _words(expected)
        qualifies = qualifies and matches
        reasons.append(
            Reason(
                "s4_f_1_B",
                "The matter after the resolving clause is the prescribed text, with the "
                "date of the certification and the name of the country."
                if matches
                else "The matter after the resolving clause is not the prescribed text "
                f'(expected: "{expected}"): not a joint resolution of disapproval.',
                {"text": disapproval.text},
            )
        )
    return Determination(qualifies, tuple(reasons))


not_formalized(
    "s4_f_2_A_i",
    reason="Referral of a resolution to the Senate Committee on Finance: congressional "
    "procedure, with no computable outcome.",
)
not_formalized(
    "s4_f_2_A_ii",
    reason="Referral of a resolution to the House Committee on Ways and Means: "
    "congressional procedure, with no computable outcome.",
)
not_formalized(
    "s4_f_2_B",
    reason="Applies the expedited procedures of section 152(b) to (f) of the Trade Act of "
    "1974 (19 U.S.C. 2192) to the resolution: procedure inside each House; the rules take only the "
    "outcome (the day a resolution is enacted) as an input.",
)
not_formalized(
    "s4_f_2_C",
    reason="Rulemaking-power boilerplate: enacts the procedure as rules of each House; nothing to compute.",
)
not_formalized(
    "s4_f_2_C_i",
    reason="Rulemaking-power boilerplate: the procedure is part of the rules of each "
    "House and supersedes other rules only where inconsistent; nothing to compute.",
)
not_formalized(
    "s4_f_2_C_ii",
    reason="Rulemaking-power boilerplate: each House keeps its constitutional right to "
    "change its rules; nothing to compute.",
)


# --- (g): treatment of imports from members ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberTreatment:
    """Duty-free entry of a member's good, and the duties that no longer apply to it."""

    member: str
    in_force_since: dt.date
    no_longer_apply: tuple[str, ...]


@implements("s4_g_1", "s4_g_2", "s4_g_3")
def member_duty_free(
    good: Good, origin: str, entry_date: dt.date, alliance: Alliance, *, params: Parameters = DEFAULTS
) -> Determination[MemberTreatment | None]:
    """(g)(1) Beginning on the date on which an agreement under subsection (a) with a country
    enters into force, a mined or processed critical mineral or a select derivative product
    that is a product of that country shall enter the customs territory of the United States
    free of duty. (2) A good described in paragraph (1) shall not be subject to any duty
    imposed under section 301 of the Trade Act of 1974 (19 U.S.C. 2411) or section 232 of the
    Trade Expansion Act of 1962 (19 U.S.C. 1862) that is applied on or after the date
    described in that paragraph. (3) Nothing in this subsection shall be construed to affect
    the imposition of antidumping or countervailing duties under title VII of the Tariff Act
    of 1930 (19 U.S.C. 1671 et seq.).

    The value is None when the good is not a member's covered good on the day of entry.
    """
    inputs = {"origin": origin, "entry_date": entry_date}
    member = alliance.member(origin)
    if member is None:
        members = ", ".join(f"{m.country} (from {m.entry_into_force})" for m in alliance.members) or "none"
        return Determination(
            None,
            (Reason("s4_g_1", f"{origin} is not a member of the Alliance (members: {members}).", inputs),)
        )
    since = member.entry_into_force
    if entry_date < since:
        return Determination(
            None,
            (
                Reason(
                    "s4_g_1",
                    f"{origin}'s agreement enters into force on {long_date(since)}; "
                    f"an entry on {long_date(entry_date)} is before that date, so duty-free "
                    "treatment does not yet apply.",
                    inputs,
                ),
            )
        )
    if not good.covered:
        return Determination(
            None,
            (
                Reason(
                    "s4_g_1",
                    f"{good.hts} is not a mined or processed critical mineral or a "
                    "select derivative product, so its entry is not made duty-free.",
                    inputs,
                ),
            )
        )
    if params.duties_applied_on_or_after == "applied-at-entry":
        waived = (
            f"section 301 duties applied on or after {since}",
            f"section 232 duties applied on or after {since}",
        )
        which = f"applied on or after {long_date(since)}, whenever the action imposing it was taken"
    else:
        waived = (
            f"section 301 duties imposed by actions taking effect on or after {since}",
            f"section 232 duties imposed by actions taking effect on or after {since}",
        )
        which = (
            f"imposed by an action taking effect on or after {long_date(since)}; duties imposed earlier "
            "still apply"
        )
    reasons = (
        Reason(
            "s4_g_1",
            f"{good.hts} from {origin}, a member whose agreement entered into force on "
            f"{long_date(since)}, enters free of duty (entry on {long_date(entry_date)}).",
            inputs,
        ),
        Reason(
            "s4_g_2",
            f"No section 301 duty and no section 232 duty {which} applies to it "
            f"({params.describe('duties_applied_on_or_after')}).",
            {"since": since},
        ),
        Reason(
            "s4_g_3",
            "Antidumping and countervailing duties under title VII of the Tariff Act of 1930 are not "
            "affected.",
            {},
        ),
    )
    return Determination(MemberTreatment(origin, since, waived), reasons)


# --- (h) and (i): reviews and annual reports --------------------------------------------------------


@implements("s4_h_1")
def review_due_dates(
    first_entry_into_force: dt.date,
    *,
    count: int = 4,
    params: Parameters = DEFAULTS,
) -> Determination[tuple[dt.date, ...]]:
    """Not later than 5 years after the date on which the first agreement under subsection
    (a) enters into force, and every 5 years thereafter, the Trade Representative shall
    conduct a review of the Alliance.

    The first ``count`` due dates: 5, 10, 15 ... years after the first entry into force,
    each counted from that date (so a February 29 start comes back in leap years).
    """
    if count < 1:
        raise InputError("count", f"{count} is not a positive number of due dates")
    dates = tuple(
        anniversary(
            first_entry_into_force, _FIRST_REVIEW + _REVIEW_EVERY * (n - 1), leap_day=params.leap_day_anniversary
        )
        for n in range(1, count + 1)
    )
    leap = first_entry_into_force.month == 2 and first_entry_into_force.day == 29
    note = (
        f" The first agreement entered into force on February 29; {params.describe('leap_day_anniversary')}."
        if leap
        else ""
    )
    reason = Reason(
        "s4_h_1",
        f"The first agreement entered into force on {long_date(first_entry_into_force)}: a "
        f"review of the Alliance is due not later than {long_date(dates[0])}, and every 5 years "
        f"thereafter ({', '.join(str(d) for d in dates[1:]) or 'none listed'}).{note}",
        {"first_entry_into_force": first_entry_into_force, "count": count},
    )
    return Determination(dates, (reason,))


not_formalized(
    "s4_h_2",
    reason="Lists what a review must do; each element is a judgment of the Trade "
    "Representative. The rules give when a review is due (sec. 4(h)(1)), not its outcome.",
)
not_formalized(
    "s4_h_2_A",
    reason="Assessing U.S. capacity to extract and process critical minerals is an "
    "analysis, not a computation.",
)
not_formalized(
    "s4_h_2_B",
    reason="Whether to terminate or modify the Alliance is a decision of the Trade Representative.",
)
not_formalized(
    "s4_h_2_C",
    reason="Whether U.S. production of a mineral is commercially significant, and whether "
    "to remove it from coverage, are judgments of the Trade Representative; a removal would reach the "
    "rules as a change to the goods an agreement covers.",
)
not_formalized(
    "s4_h_2_D",
    reason="Reassessing members' rates of duty is a judgment; the rules check a "
    "candidate's rates against sec. 4(b)(1) but do not decide what follows from a reassessment.",
)


@implements("s4_i")
def annual_report_due_dates(
    first_entry_into_force: dt.date,
    *,
    count: int = 5,
    params: Parameters = DEFAULTS,
) -> Determination[tuple[dt.date, ...]]:
    """Not later than 1 year after the date on which the first agreement under subsection
    (a) enters into force, and annually thereafter, the Trade Representative shall submit to
    the appropriate congressional committees a report that describes-- (1) ... (3) ...

    The first ``count`` due dates: 1, 2, 3 ... years after the first entry into force.
    """
    if count < 1:
        raise InputError("count", f"{count} is not a positive number of due dates")
    dates = tuple(
        anniversary(first_entry_into_force, _FIRST_REPORT + n - 1, leap_day=params.leap_day_anniversary)
        for n in range(1, count + 1)
    )
    committees = " and the ".join(appropriate_congressional_committees().value)
    leap = first_entry_into_force.month == 2 and first_entry_into_force.day == 29
    note = f" A February 29 start: {params.describe('leap_day_anniversary')}." if leap else ""
    reason = Reason(
        "s4_i",
        f"A report to the {committees} is due not later than {long_date(dates[0])}, one year "
        f"after the first agreement entered into force, and annually thereafter "
        f"({', '.join(str(d) for d in dates[1:]) or 'none listed'}).{note}",
        {"first_entry_into_force": first_entry_into_force, "count": count},
    )
    return Determination(dates, (reason,))


not_formalized(
    "s4_i_1",
    reason="Report contents: the Trade Representative's engagement with trading partners is "
    "a narrative, not a computation.",
)
not_formalized(
    "s4_i_2",
    reason="Report contents: partners' deficiencies against sec. 4(b) are a narrative; the "
    "eligibility rule finds the unmet criteria of a candidate, but the report is the Trade "
    "Representative's.",
)
not_formalized(
    "s4_i_3",
    reason="Report contents: the capacity information members share under sec. 4(b)(3) is "
    "reported as given; nothing to compute.",
)


def _share(part: int, whole: int) -> Decimal:
    return (Decimal(part * 100) / Decimal(whole)).quantize(_PERCENT, rounding=ROUND_DOWN)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("``", '"').replace("''", '"')).strip().strip('"').lower()
