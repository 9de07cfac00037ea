"""SEC. 5. DUTIES ON CRITICAL MINERALS AND SELECT DERIVATIVE PRODUCTS FROM FOREIGN COUNTRIES OF
CONCERN AND FOREIGN ENTITIES OF CONCERN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from provisions.datasets import MineralList, Section301Line
from provisions.inputs import Alliance, Import
from provisions.kit.determination import Determination, Reason
from provisions.kit.money import duty_amount
from provisions.kit.periods import long_date
from provisions.kit.rules import Section
from provisions.parameters import DEFAULTS, Parameters
from provisions.s3 import Good, classify_good, is_foreign_country_of_concern
from provisions.s4 import member_duty_free

section = Section(__name__)  # this section's rules and the provisions it leaves uncoded
implements, not_formalized = section.implements, section.not_formalized

__all__ = ["TREATMENTS", "DutyTreatment", "concern_rate", "duty_treatment", "sourced_from_concern"]

Treatment = Literal["alliance-duty-free", "concern-rate", "unaffected", "out-of-scope"]
TREATMENTS: tuple[Treatment, ...] = ("alliance-duty-free", "concern-rate", "unaffected", "out-of-scope")
_FREE = Decimal("0")


@dataclass(frozen=True, slots=True)
class DutyTreatment:
    """How the bill treats one import, with the rate it sets and the duty at that rate.

    ``rate`` (percent) and ``duty`` (dollars) are None where the bill does not set the
    rate (``unaffected``, ``out-of-scope``); ``duty`` is also None without a customs value.
    """

    treatment: Treatment
    rate: Decimal | None
    duty: Decimal | None
    hts: str
    origin: str
    entry_date: dt.date
    good: str  # the kind of good: mined, processed, select-derivative-product, not-covered
    category: str | None
    no_longer_apply: tuple[str, ...]
    antidumping_countervailing: str = "not affected"


@implements("s5_a")
def concern_rate(
    good: Good, imp: Import, alliance: Alliance, *, sourced: bool
) -> Determination[Decimal | None]:
    """(a) Beginning on the date on which the first agreement under section 4(a) enters into
    force, the rate of duty applicable to a mined or processed critical mineral or a select
    derivative product that is sourced from a foreign country of concern or a foreign entity
    of concern shall be the rate of duty applicable under section 301 of the Trade Act of
    1974 (19 U.S.C. 2411) to such a mineral or product of the People's Republic of China on
    January 1, 2026.

    The value is the rate in percent, or None when subsection (a) does not set it.
    """
    inputs = {"hts": good.hts, "origin": imp.origin, "entry_date": imp.entry_date}
    first = alliance.first_entry_into_force
    if not good.covered or good.line is None:
        return Determination(
            None,
            (
                Reason(
                    "s5_a",
                    f"{good.hts} is not a mined or processed critical mineral or a "
                    "select derivative product; subsection (a) does not reach it.",
                    inputs,
                ),
            )
        )
    if not sourced:
        return Determination(
            None,
            (
                Reason(
                    "s5_a",
                    f"{good.hts} from {imp.origin} is not sourced from a foreign "
                    "country of concern or a foreign entity of concern; subsection (a) "
                    "does not set its rate.",
                    inputs,
                ),
            )
        )
    if first is None or imp.entry_date < first:
        when = (
            f"the first agreement enters into force on {long_date(first)}, after this entry on "
            f"{long_date(imp.entry_date)}"
            if first is not None
            else "no Alliance agreement has entered into force"
        )
        return Determination(
            None,
            (
                Reason(
                    "s5_a",
                    f"Subsection (a) applies beginning on the date the first Alliance "
                    f"agreement enters into force, and {when}: the rate is not yet set by "
                    "it.",
                    {**inputs, "first_entry_into_force": first},
                ),
            )
        )
    line = good.line
    return Determination(
        line.rate,
        (
            Reason(
                "s5_a",
                f"The first Alliance agreement entered into force on "
                f"{long_date(first)}: the rate on {good.hts} sourced from a foreign "
                f"country or entity of concern is the section 301 rate on such a good "
                f"of the People's Republic of China on January 1, 2026, {line.rate}% "
                f"(heading {line.chapter99}, {line.source}; confidence "
                f"{line.confidence}).",
                {**inputs, "rate": line.rate, "first_entry_into_force": first},
            ),
        )
    )


@implements("s5_a", "s4_g_1")
def duty_treatment(
    imp: Import,
    alliance: Alliance,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, Section301Line] | None = None,
    lists: Sequence[MineralList] | None = None,
) -> Determination[DutyTreatment]:
    """Sec. 4(g)(1): "Beginning on the date on which an agreement under subsection (a) with a
    country enters into force, a mined or processed critical mineral or a select derivative
    product that is a product of that country shall enter the customs territory of the
    United States free of duty", read with sec. 5(a): "Beginning on the date on which the
    first agreement under section 4(a) enters into force, the rate of duty applicable to a
    mined or processed critical mineral or a select derivative product that is sourced from
    a foreign country of concern or a foreign entity of concern shall be the rate of duty
    applicable under section 301 ... on January 1, 2026."  Anything else is unaffected.

    When both apply -- a member's good made by a foreign entity of concern, or a member
    that is itself a foreign country of concern -- the text does not say which prevails;
    ``params.member_good_sourced_from_concern`` decides (default: sec. 5(a)).  A duty is the
    customs value times the rate, rounded to the nearest cent, halves up.
    """
    classified = classify_good(imp.hts, imp.entry_date, params=params, table=table, lists=lists)
    good = classified.value
    reasons = list(classified.reasons)
    if not good.covered:
        value = DutyTreatment(
            "out-of-scope", None, None, str(imp.hts), imp.origin, imp.entry_date, good.kind, None, ()
        )
        return Determination(value, tuple(reasons))
    sourced = sourced_from_concern(imp, params=params)
    member = member_duty_free(good, imp.origin, imp.entry_date, alliance)
    concern = concern_rate(good, imp, alliance, sourced=sourced.value)
    conflict = member.value is not None and concern.value is not None
    concern_prevails = conflict and params.member_good_sourced_from_concern == "concern-rate"
    # where sec. 5(a) prevails, the exemption of sec. 4(g)(2) does not reach the good
    member_reasons = [r for r in member.reasons if not (concern_prevails and r.provision == "s4_g_2")]
    reasons.extend((*sourced.reasons, *member_reasons, *concern.reasons))
    treatment: Treatment
    rate: Decimal | None
    waived: tuple[str, ...]
    if member.value is not None and concern.value is not None:
        if concern_prevails:
            treatment, rate, waived = "concern-rate", concern.value, ()
            reasons.append(
                Reason(
                    "s5_a",
                    "Sec. 4(g)(1) and sec. 5(a) both reach this good; sec. 5(a), the provision "
                    "on goods sourced from concerns, prevails over duty-free treatment "
                    f"({params.describe('member_good_sourced_from_concern')}).",
                    {},
                )
            )
        else:
            treatment, rate, waived = "alliance-duty-free", _FREE, member.value.no_longer_apply
            reasons.append(
                Reason(
                    "s4_g_1",
                    "Sec. 4(g)(1) and sec. 5(a) both reach this good; duty-free treatment of "
                    "a member's good prevails "
                    f"({params.describe('member_good_sourced_from_concern')}).",
                    {},
                )
            )
    elif member.value is not None:
        treatment, rate, waived = "alliance-duty-free", _FREE, member.value.no_longer_apply
    elif concern.value is not None:
        treatment, rate, waived = "concern-rate", concern.value, ()
    else:
        treatment, rate, waived = "unaffected", None, ()
        reasons.append(
            Reason(
                "s5_a",
                "Neither sec. 4(g) nor sec. 5(a) applies to this entry: the bill leaves its "
                "duties as they are.",
                {},
            )
        )
    duty = duty_amount(imp.value, rate) if imp.value is not None and rate is not None else None
    if duty is not None and treatment == "concern-rate":
        reasons.append(
            Reason(
                "s5_a",
                f"Duty: {imp.value} x {rate}% = {duty} (rounded to the cent, halves up).",
                {"value": imp.value, "rate": rate, "duty": duty},
            )
        )
    value = DutyTreatment(
        treatment, rate, duty, str(imp.hts), imp.origin, imp.entry_date, good.kind, good.category, waived
    )
    return Determination(value, tuple(reasons))


@implements("s5_b")
def sourced_from_concern(imp: Import, *, params: Parameters = DEFAULTS) -> Determination[bool]:
    """(b) For purposes of subsection (a), a good is sourced from a foreign entity of concern
    if the good is mined, processed, or manufactured by a foreign entity of concern.

    A good is sourced from a foreign country of concern when that country is its origin.
    """
    country = is_foreign_country_of_concern(imp.origin, imp.entry_date, params=params)
    reasons = list(country.reasons)
    if imp.producer_feoc:
        reasons.append(
            Reason(
                "s3_5",
                "The producer is flagged as a foreign entity of concern (42 U.S.C. 18741(a)); "
                "the flag is an input these rules take as given.",
                {"producer_feoc": True},
            )
        )
        reasons.append(
            Reason(
                "s5_b",
                "A good mined, processed or manufactured by a foreign entity of concern is "
                "sourced from a foreign entity of concern.",
                {"producer_feoc": True},
            )
        )
    return Determination(
        country.value or imp.producer_feoc, tuple(reasons))


not_formalized(
    "s5_c",
    reason="Directs the President to implement subsection (a), including by modifying the Harmonized Tariff "
    "Schedule; the rules apply subsection (a) directly and do not model the proclamation that would "
    "carry it out.",
)
