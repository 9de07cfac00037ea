"""SEC. 6. CRITICAL MINERAL MINING AND PROCESSING TRUST FUND."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from provisions.datasets import income_groups
from provisions.inputs import Alliance, InputError
from provisions.kit.determination import Determination, Reason
from provisions.kit.money import split_cents
from provisions.kit.periods import FiscalQuarter, long_date
from provisions.kit.rules import Section
from provisions.parameters import DEFAULTS, Parameters
from provisions.values import VALUES

section = Section(__name__, "s6")  # this section's rules and the provisions it leaves uncoded
implements, not_formalized = section.implements, section.not_formalized

__all__ = [
    "INCOME_GROUPS",
    "RECIPIENTS",
    "Allocation",
    "DfcSupport",
    "FundQuarter",
    "Transfer",
    "allocate",
    "dfc_may_support",
    "income_group",
    "quarterly_transfer",
    "trust_fund_quarter",
]

def _share(name: str) -> Fraction:
    """A share of sec. 6(c), as read from the values file (percent -> fraction)."""
    return Fraction(VALUES.number(name)) / 100


RECIPIENTS: tuple[tuple[str, Fraction, str, str], ...] = (
    ("doe_lpo", _share("DOE share"), "s6_c_1", "the Loan Programs Office of the Department of Energy"),
    ("dod", _share("DOD share"), "s6_c_2", "the Department of Defense"),
    ("dfc", _share("DFC share"), "s6_c_3", "the United States International Development Finance Corporation"),
)
"""Who receives the Trust Fund's amounts: key, share, provision id, name; in the order of sec. 6(c)."""

INCOME_GROUPS = ("low", "lower-middle", "upper-middle", "high")
_ZERO = Decimal("0.00")

not_formalized(
    "s6_a",
    reason="Establishes the Trust Fund as an account in the Treasury; it has no computation of its own. "
    "Its inflows are the transfers of subsection (b) and its outflows the allocations of subsection (c).",
)


@dataclass(frozen=True, slots=True)
class Transfer:
    """One transfer to the Trust Fund, and what did not go into it."""

    transfer: Decimal
    not_transferred: Decimal  # duties on other goods
    adjustment: Decimal  # signed, for earlier estimates
    carried_forward: Decimal  # a reduction not yet absorbed (zero or negative)
    quarter: str | None


@implements("s6_b_1", "s6_b_2")
def quarterly_transfer(
    critical_mineral_duties: Decimal,
    *,
    other_duties: Decimal = _ZERO,
    adjustment: Decimal = _ZERO,
    quarter: FiscalQuarter | None = None,
) -> Determination[Transfer]:
    """(b)(1) The Secretary of the Treasury shall transfer to the Trust Fund, not less
    frequently than quarterly, from the general fund of the Treasury, amounts equivalent to
    the duties collected during each fiscal year that are attributable to duties imposed on
    mined and processed critical minerals. (2) Proper adjustments shall be made in the
    amounts subsequently transferred under paragraph (1) to the extent prior estimates were
    in excess of or less than the amounts required to be transferred.

    ``critical_mineral_duties`` are the quarter's duties on mined and processed critical
    minerals; ``other_duties`` (on select derivative products and anything else) do not
    count.  ``adjustment`` is positive when earlier transfers fell short, negative when they
    were too large; a reduction larger than the quarter's amount is carried forward.

    Raises:
        InputError: a negative amount of duties.
    """
    for name, amount in (
        ("critical_mineral_duties", critical_mineral_duties),
        ("other_duties", other_duties),
    ):
        if amount < 0:
            raise InputError(name, f"negative amount {amount}")
    label = f" in {quarter}" if quarter is not None else ""
    reasons = [
        Reason(
            "s6_b_1",
            f"Duties collected{label} on mined and processed critical minerals: "
            f"{critical_mineral_duties}. An equivalent amount is transferred to the Trust Fund from the "
            "general fund of the Treasury (at least quarterly).",
            {"critical_mineral_duties": critical_mineral_duties},
        )
    ]
    if other_duties:
        reasons.append(
            Reason(
                "s6_b_1",
                f"Other duties ({other_duties}), such as those on select derivative products, "
                "are not attributable to duties on mined and processed critical minerals and are not "
                "transferred.",
                {"other_duties": other_duties},
            )
        )
    total = critical_mineral_duties + adjustment
    transfer = max(total, _ZERO)
    carried = min(total, _ZERO)
    if adjustment:
        direction = "fell short of" if adjustment > 0 else "exceeded"
        reasons.append(
            Reason(
                "s6_b_2",
                f"Earlier estimates {direction} the amounts required: the transfer is "
                f"adjusted by {adjustment}"
                + (
                    f", and {-carried} of the reduction is carried forward to later transfers."
                    if carried
                    else "."
                ),
                {"adjustment": adjustment},
            )
        )
    value = Transfer(
        transfer.quantize(Decimal("0.01")),
        other_duties,
        adjustment,
        carried,
        str(quarter) if quarter is not None else None,
    )
    return Determination(value, tuple(reasons))


@dataclass(frozen=True, slots=True)
class FundQuarter:
    """A quarter's transfer to the Trust Fund and its allocation."""

    transfer: Decimal
    allocations: Mapping[str, Decimal]
    not_transferred: Decimal
    carried_forward: Decimal
    quarter: str | None


@implements("s6_b_1", "s6_c")
def trust_fund_quarter(
    critical_mineral_duties: Decimal,
    *,
    other_duties: Decimal = _ZERO,
    adjustment: Decimal = _ZERO,
    quarter: FiscalQuarter | None = None,
    params: Parameters = DEFAULTS,
) -> Determination[FundQuarter]:
    """Subsections (b)(1) and (c) in turn: "The Secretary of the Treasury shall transfer to the
    Trust Fund, not less frequently than quarterly, from the general fund of the Treasury,
    amounts equivalent to the duties collected ..."; "Amounts in the Trust Fund shall be
    available, without further appropriation, as follows: ..." -- a quarter's duties, the
    transfer, and its allocation.
    """
    moved = quarterly_transfer(
        critical_mineral_duties, other_duties=other_duties, adjustment=adjustment, quarter=quarter
    )
    split = allocate(moved.value.transfer, params=params)
    value = FundQuarter(
        moved.value.transfer,
        split.value.allocations,
        moved.value.not_transferred,
        moved.value.carried_forward,
        moved.value.quarter,
    )
    return Determination(value, moved.reasons + split.reasons)


@dataclass(frozen=True, slots=True)
class Allocation:
    """An amount split among the three recipients of sec. 6(c), in whole cents."""

    amount: Decimal
    allocations: Mapping[str, Decimal]  # doe_lpo, dod, dfc
    rounding: str


@implements("s6_c", "s6_c_1", "s6_c_2", "s6_c_3")
def allocate(amount: Decimal, *, params: Parameters = DEFAULTS) -> Determination[Allocation]:
    """Amounts in the Trust Fund shall be available, without further appropriation, as
    follows: (1) 60 percent to the Loan Programs Office of the Department of Energy to
    support projects for the mining and processing of critical minerals and the
    manufacturing of select derivative products. (2) 20 percent to the Department of
    Defense to support projects described in paragraph (1). (3) 20 percent to the United
    States International Development Finance Corporation to support projects described in
    paragraph (1) in countries that are members of the Alliance.

    Rounding (``params.allocation_rounding``): by default the largest-remainder rule in
    cents -- each share rounded down to the cent, the cents left over given one each to
    the largest remainders, ties in the order of the text -- so the three parts always add
    up to ``amount`` and none is a cent or more from its exact share.

    Raises:
        InputError: a negative amount, or one with a fraction of a cent.
    """
    if amount < 0:
        raise InputError("amount", f"negative amount {amount}")
    try:
        mode: Literal["largest-remainder", "remainder-to-first"] = (
            "remainder-to-first"
            if params.allocation_rounding == "remainder-to-energy"
            else "largest-remainder"
        )
        parts = split_cents(amount, [(key, share) for key, share, _, _ in RECIPIENTS], rounding=mode)
    except ValueError as error:
        raise InputError("amount", str(error)) from None
    reasons = [
        Reason(provision, f"{share * 100}% to {name}: {parts[key]}.", {"amount": amount, key: parts[key]})
        for key, share, provision, name in RECIPIENTS
    ]
    rule_words = (
        "each share rounded down to the cent, the cents left over to the largest remainders (ties: DOE, "
        "DOD, DFC)"
        if mode == "largest-remainder"
        else "DOD and DFC rounded down, the rest to DOE"
    )
    reasons.append(
        Reason(
            "s6_c",
            f"The amount, {amount}, is available without further appropriation and split in "
            f"whole cents, {rule_words}; the parts add up to it exactly "
            f"({params.describe('allocation_rounding')}).",
            {"amount": amount},
        )
    )
    return Determination(
        Allocation(amount, parts, params.allocation_rounding), tuple(reasons))


@dataclass(frozen=True, slots=True)
class DfcSupport:
    """Whether the Development Finance Corporation may use Trust Fund amounts for a project."""

    country: str
    barred: bool  # barred by sec. 6(c)(3) or 6(d)
    verdict: Literal["barred", "not-barred", "allowed"]  # "allowed" only under dfc_conditions=necessary-and-sufficient
    income_group: str | None
    conditions_apply: bool


@implements("s6_d_1", "s6_d_1_A", "s6_d_1_B", "s6_d_1_B_i", "s6_d_1_B_ii")
def dfc_may_support(
    country: str,
    on: dt.date,
    alliance: Alliance,
    *,
    presidential_certification: bool = False,
    us_private_participation: bool = False,
    dod_offtake: bool = False,
    income_group_override: str | None = None,
    params: Parameters = DEFAULTS,
) -> Determination[DfcSupport]:
    """(d)(1) Notwithstanding section 1412(c) of the BUILD Act of 2018 (22 U.S.C. 9612(c)),
    the United States International Development Finance Corporation may use amounts made
    available under subsection (c)(3) to support a project in a country that is a member of
    the Alliance and that has an upper-middle-income economy or a high-income economy only
    if-- (A) the President certifies to the appropriate congressional committees that such
    support furthers the national economic or foreign policy interests of the United
    States; and (B) the project-- (i) includes the participation of a United States person
    in the private sector; or (ii) is the subject of a commitment by the Department of
    Defense to purchase the output of the project.

    ``on`` is the day of the decision: membership is taken on it, and the income group on it
    or on the first day of the Corporation's fiscal year (``params.income_classification_year``).
    "Only if" makes the conditions necessary, not sufficient: met, the answer is "not barred by
    sec. 6(d)" (``params.dfc_conditions``), since the Corporation's other limits still apply.
    """
    member = alliance.member(country)
    if member is None or member.entry_into_force > on:
        why = (
            "not a member of the Alliance"
            if member is None
            else f"not a member until its agreement enters into force on {long_date(member.entry_into_force)}"
        )
        return Determination(
            DfcSupport(country, True, "barred", None, False),
            (
                Reason(
                    "s6_c_3",
                    f"{country} is {why} on {long_date(on)}: the Corporation's 20 percent supports "
                    "projects only in countries that are members of the Alliance.",
                    {"country": country, "date": on},
                ),
            )
        )
    classified_on = (
        on
        if params.income_classification_year == "in-force-on-decision"
        else dt.date(on.year if on.month >= 10 else on.year - 1, 10, 1)
    )
    group = income_group(country, classified_on, override=income_group_override)
    reasons = [
        Reason(
            "s6_c_3",
            f"{country} is a member of the Alliance (since {long_date(member.entry_into_force)}): "
            "the Corporation may use its 20 percent for projects there.",
            {"country": country},
        ),
        *group.reasons,
    ]
    if classified_on != on:
        reasons.append(
            Reason(
                "s6_d_2",
                f"The classification is taken on {long_date(classified_on)}, the first day of the "
                f"Corporation's fiscal year ({params.describe('income_classification_year')}).",
                {"classified_on": classified_on},
            )
        )
    sufficient = params.dfc_conditions == "necessary-and-sufficient"
    open_verdict: Literal["not-barred", "allowed"] = "allowed" if sufficient else "not-barred"
    if group.value not in ("upper-middle", "high"):
        reasons.append(
            Reason(
                "s6_d_1",
                f"The conditions of sec. 6(d)(1) apply only in upper-middle-income and "
                f"high-income economies; {country}'s is {group.value}-income, so sec. 6(d) does not bar "
                "support (the BUILD Act's own limits are not modelled).",
                {},
            )
        )
        return Determination(DfcSupport(country, False, open_verdict, group.value, False), tuple(reasons))
    reasons.append(
        Reason(
            "s6_d_1",
            f"{country} has a {group.value}-income economy: notwithstanding section 1412(c) "
            "of the BUILD Act of 2018 (rewritten on December 18, 2025 by the FY2026 National Defense "
            "Authorization Act, after the bill was introduced), support needs the conditions of "
            "sec. 6(d)(1)(A) and (B).",
            {"income_group": group.value},
        )
    )
    reasons.append(
        Reason(
            "s6_d_1_A",
            "The President has certified that the support furthers the national economic or "
            "foreign policy interests of the United States."
            if presidential_certification
            else "The President has not certified that the support furthers U.S. national economic or "
            "foreign policy interests.",
            {"presidential_certification": presidential_certification},
        )
    )
    reasons.append(
        Reason(
            "s6_d_1_B_i",
            "The project includes the participation of a United States person in the private sector."
            if us_private_participation
            else "The project does not include a United States private-sector participant.",
            {"us_private_participation": us_private_participation},
        )
    )
    reasons.append(
        Reason(
            "s6_d_1_B_ii",
            "The Department of Defense has committed to purchase the project's output."
            if dod_offtake
            else "No Department of Defense commitment to purchase the output.",
            {"dod_offtake": dod_offtake},
        )
    )
    project_ok = us_private_participation or dod_offtake
    met = presidential_certification and project_ok
    reasons.append(
        Reason(
            "s6_d_1_B",
            "The project meets subparagraph (B) (either clause suffices)."
            if project_ok
            else "The project meets neither clause of subparagraph (B).",
            {},
        )
    )
    if met and sufficient:
        verdict = (
            "The conditions of sec. 6(d)(1) are met: the Corporation may support the project "
            f"({params.describe('dfc_conditions')})."
        )
    elif met:
        verdict = (
            "The conditions of sec. 6(d)(1) are met, so sec. 6(d) does not bar the support; they are "
            'necessary, not sufficient ("only if"), and the Corporation\'s other limits still apply '
            f"({params.describe('dfc_conditions')})."
        )
    else:
        verdict = "Sec. 6(d)(1) bars the Corporation from supporting the project with Trust Fund amounts."
    reasons.append(Reason("s6_d_1", verdict, {"conditions_met": met}))
    value = DfcSupport(country, not met, open_verdict if met else "barred", group.value, True)
    return Determination(value, tuple(reasons))


@implements("s6_d_2")
def income_group(country: str, on: dt.date, *, override: str | None = None) -> Determination[str]:
    """In this subsection, the terms "upper-middle-income economy" and "high-income economy"
    have the meanings given those terms by the World Bank.

    The group in force on ``on`` from the committed World Bank data
    (provisions/data/world_bank_income_groups.csv), unless ``override`` gives it.

    Raises:
        InputError: no data for the country on that date and no override.
    """
    if override is not None:
        if override not in INCOME_GROUPS:
            raise InputError("income_group", f"{override!r} is not one of {', '.join(INCOME_GROUPS)}")
        return Determination(
            override,
            (
                Reason(
                    "s6_d_2",
                    f"{country} has a {override}-income economy, as given (the World Bank's classification).",
                    {"income_group": override},
                ),
            )
        )
    for entry in income_groups():
        if entry.code == country and entry.valid_from <= on <= entry.valid_to:
            return Determination(
                entry.group,
                (
                    Reason(
                        "s6_d_2",
                        f"The World Bank classes {country} as a "
                        f"{entry.group}-income economy from {long_date(entry.valid_from)}"
                        f" to {long_date(entry.valid_to)} (confidence "
                        f"{entry.confidence}).",
                        {"country": country, "date": on},
                    ),
                )
            )
    raise InputError(
        "income_group",
        f"no World Bank income group for {country} on {on} in the committed data; "
        "give one (low, lower-middle, upper-middle or high)",
    )
