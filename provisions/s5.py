"""SEC. 5. DUTIES ON CRITICAL MINERALS AND SELECT DERIVATIVE PRODUCTS FROM FOREIGN COUNTRIES OF
CONCERN AND FOREIGN ENTITIES OF CONCERN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from provisions.datasets import (
    CoveredLine,
    MineralList,
    column2_countries,
    ordinary_rates,
    section232_holds_line,
    section232_rate,
)
from provisions.inputs import Alliance, Import
from provisions.kit.determination import Determination, Reason
from provisions.kit.money import duty_amount
from provisions.kit.periods import long_date
from provisions.kit.rules import Section
from provisions.parameters import DEFAULTS, Parameters
from provisions.s3 import Good, classify_good, is_foreign_country_of_concern
from provisions.s4 import member_duty_free

section = Section(__name__, "s5")  # this section's rules and the provisions it leaves uncoded
implements, not_formalized = section.implements, section.not_formalized

__all__ = [
    "TREATMENTS",
    "DutyLayer",
    "DutyTreatment",
    "concern_rate",
    "duty_layers",
    "duty_treatment",
    "layers_total",
    "sourced_from_concern",
]

Treatment = Literal["alliance-duty-free", "concern-rate", "unaffected", "out-of-scope"]
TREATMENTS: tuple[Treatment, ...] = ("alliance-duty-free", "concern-rate", "unaffected", "out-of-scope")
_FREE = Decimal("0")
_NOT_HELD = "not given, and no section 232 rate on this line is held in the data (a data limit)"


@dataclass(frozen=True, slots=True)
class DutyLayer:
    """One layer of duty on an entry: its rate under other law and what the bill does to it.

    ``before`` and ``under_bill`` are rates in percent; None where the rate is neither given
    nor held in the data.
    """

    layer: Literal["ordinary", "section-301", "section-232", "antidumping-countervailing", "section-5a"]
    before: Decimal | None
    under_bill: Decimal | None
    effect: str  # what the bill does to it, in words
    provision: str  # the provision that does it ("" when the bill leaves it alone)
    source: str  # where ``before`` comes from


@dataclass(frozen=True, slots=True)
class DutyTreatment:
    """How the bill treats one import, with the rate it sets and the duty at that rate.

    ``rate`` (percent) and ``duty`` (dollars) are what the bill sets: 0 for duty-free entry,
    the sec. 5(a) rate for a good sourced from a concern; None where the bill does not set the
    rate (``unaffected``, ``out-of-scope``); ``duty`` is also None without a customs value.
    ``layers`` shows each layer of duty the answer rests on; ``total_rate`` and ``total_duty``
    add them up where every layer is known.
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
    layers: tuple[DutyLayer, ...] = ()
    total_rate: Decimal | None = None
    total_duty: Decimal | None = None


@implements("s5_a")
def concern_rate(
    good: Good, imp: Import, alliance: Alliance, *, sourced: bool, params: Parameters = DEFAULTS
) -> Determination[Decimal | None]:
    """(a) Beginning on the date on which the first agreement under section 4(a) enters into
    force, the rate of duty applicable to a mined or processed critical mineral or a select
    derivative product that is sourced from a foreign country of concern or a foreign entity
    of concern shall be the rate of duty applicable under section 301 of the Trade Act of
    1974 (19 U.S.C. 2411) to such a mineral or product of the People's Republic of China on
    January 1, 2026.

    The value is the rate in percent, or None when subsection (a) does not set it.  Where
    China's line bore no section 301 duty on January 1, 2026, ``params.concern_rate_where_no_301``
    decides.
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
    duty = line.section301
    if duty is None or duty.rate == 0:
        found = (
            f"no section 301 duty on such a good of the People's Republic of China on January 1, 2026 is "
            f"known ({line.section301_note})"
        )
        if params.concern_rate_where_no_301 == "zero":
            return Determination(
                _FREE,
                (
                    Reason(
                        "s5_a",
                        f"The first Alliance agreement entered into force on {long_date(first)}; {found}, so "
                        f"the rate sec. 5(a) sets on {good.hts} is 0% "
                        f"({params.describe('concern_rate_where_no_301')}).",
                        {**inputs, "rate": _FREE},
                    ),
                ),
            )
        return Determination(
            None,
            (
                Reason(
                    "s5_a",
                    f"{good.hts} is sourced from a concern and the first Alliance agreement entered into "
                    f"force on {long_date(first)}, but {found}: sec. 5(a) has no section 301 rate to "
                    f"apply and sets none ({params.describe('concern_rate_where_no_301')}).",
                    inputs,
                ),
            ),
        )
    return Determination(
        duty.rate,
        (
            Reason(
                "s5_a",
                f"The first Alliance agreement entered into force on "
                f"{long_date(first)}: the rate on {good.hts} sourced from a foreign "
                f"country or entity of concern is the section 301 rate on such a good "
                f"of the People's Republic of China on January 1, 2026, {duty.rate}% "
                f"(heading {duty.heading}, {duty.source}; confidence "
                f"{duty.confidence}).",
                {**inputs, "rate": duty.rate, "first_entry_into_force": first},
            ),
        )
    )


@implements("s5_a", "s4_g_1")
def duty_treatment(
    imp: Import,
    alliance: Alliance,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
    lists: Sequence[MineralList] | None = None,
    classified: Determination[Good] | None = None,
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
    customs value times the rate, rounded to the nearest cent, halves up.  The answer's
    ``layers`` show the ordinary duty, section 301, section 232 and antidumping and
    countervailing duties, and what the bill does to each.  ``classified`` is
    ``s3.classify_good``'s answer for the same good and day, when the caller already has it.
    """
    if classified is None:
        classified = classify_good(imp.hts, imp.entry_date, params=params, table=table, lists=lists)
    good = classified.value
    reasons = list(classified.reasons)
    if not good.covered:
        layers = duty_layers(imp, good, "out-of-scope", None, (), params=params)
        value = DutyTreatment(
            "out-of-scope", None, None, str(imp.hts), imp.origin, imp.entry_date, good.kind, None, (), layers=layers
        )
        return Determination(value, tuple(reasons))
    sourced = sourced_from_concern(imp, params=params)
    member = member_duty_free(good, imp.origin, imp.entry_date, alliance, params=params)
    concern = concern_rate(good, imp, alliance, sourced=sourced.value, params=params)
    conflict = member.value is not None and concern.value is not None
    concern_prevails = conflict and params.member_good_sourced_from_concern == "concern-rate"
    if concern_prevails:
        # sec. 4(g)(1) does not decide this entry: no reason may say the good enters free of duty
        member_reasons = [
            Reason(
                "s4_g_1",
                f"{good.hts} from {imp.origin} is a product of a member whose agreement entered into force "
                f"on {long_date(member.value.in_force_since) if member.value else ''}, which sec. 4(g)(1) "
                "reaches, but it is sourced from a concern (below).",
                {"origin": imp.origin, "entry_date": imp.entry_date},
            ),
            *(r for r in member.reasons if r.provision == "s4_g_3"),
        ]
    else:
        member_reasons = list(member.reasons)
    if conflict and not concern_prevails:
        # sec. 5(a) does not decide this entry: no reason may say the good pays its rate
        concern_reasons = [
            Reason(
                "s5_a",
                f"{good.hts} is sourced from a concern, which sec. 5(a) reaches (it would set "
                f"{concern.value}%), but it is a member's good (above).",
                {"rate": concern.value},
            )
        ]
    else:
        concern_reasons = list(concern.reasons)
    reasons.extend((*sourced.reasons, *member_reasons, *concern_reasons))
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
                "Neither sec. 4(g) nor sec. 5(a) sets a rate for this entry: the bill leaves its "
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
    since = member.value.in_force_since if member.value is not None else None
    layers = duty_layers(imp, good, treatment, rate, waived, params=params, member_since=since)
    total = _total(layers, params)
    total_duty = duty_amount(imp.value, total) if total is not None and imp.value is not None else None
    provision = "s4_g_1" if treatment == "alliance-duty-free" else "s5_a"
    reasons.append(_layers_reason(layers, total, total_duty, params, provision))
    value = DutyTreatment(
        treatment,
        rate,
        duty,
        str(imp.hts),
        imp.origin,
        imp.entry_date,
        good.kind,
        good.category,
        waived,
        layers=layers,
        total_rate=total,
        total_duty=total_duty,
    )
    return Determination(value, tuple(reasons))


def duty_layers(
    imp: Import,
    good: Good,
    treatment: Treatment,
    rate: Decimal | None,
    waived: tuple[str, ...],
    *,
    params: Parameters = DEFAULTS,
    member_since: dt.date | None = None,
) -> tuple[DutyLayer, ...]:
    """Each layer of duty on the entry, before the bill and under it (a helper of ``duty_treatment``)."""
    given = imp.duties
    line = good.line
    china = imp.origin == "CN" or (imp.origin in ("HK", "MO") and params.hong_kong_macau == "part-of-china")
    s301 = line.section301.rate if line is not None and line.section301 is not None else None
    s301_before = (s301 if s301 is not None else _FREE) if china else _FREE
    s301_source = (
        f"China's rate on January 1, 2026 ({line.section301_note})" if china and line is not None else
        "section 301 actions on China reach products of China only"
    )
    ordinary, ordinary_source = _ordinary(imp)
    s232, s232_since, s232_source = _section232(imp, params)
    adcvd = given.antidumping_countervailing_rate
    adcvd_source = "as given" if adcvd is not None else "not given"
    never = DutyLayer("antidumping-countervailing", adcvd, adcvd, "never waived", "s4_g_3", adcvd_source)
    if treatment == "alliance-duty-free":
        keep_232 = (
            params.duties_applied_on_or_after == "imposed-on-or-after"
            and s232_since is not None
            and member_since is not None
            and s232_since < member_since
        )
        return (
            DutyLayer("ordinary", ordinary, _FREE, "free of duty", "s4_g_1", ordinary_source),
            DutyLayer("section-301", s301_before, _FREE, "not applied to the good", "s4_g_2", s301_source),
            DutyLayer(
                "section-232",
                s232,
                s232 if keep_232 else _FREE,
                "imposed before entry into force: still applies" if keep_232 else "not applied to the good",
                "s4_g_2",
                s232_source,
            ),
            never,
        )
    if treatment == "concern-rate":
        replaces = params.concern_rate_and_ordinary == "replaces-ordinary"
        return (
            DutyLayer(
                "ordinary",
                ordinary,
                _FREE if replaces else ordinary,
                "replaced by the sec. 5(a) rate" if replaces else "unchanged; the sec. 5(a) rate comes on top",
                "s5_a",
                ordinary_source,
            ),
            DutyLayer("section-301", s301_before, _FREE, "replaced by the sec. 5(a) rate", "s5_a", s301_source),
            DutyLayer(
                "section-5a", None, rate, "set by sec. 5(a)", "s5_a", "China's section 301 rate on January 1, 2026"
            ),
            DutyLayer("section-232", s232, s232, "unchanged", "", s232_source),
            never,
        )
    return (
        DutyLayer("ordinary", ordinary, ordinary, "unchanged", "", ordinary_source),
        DutyLayer("section-301", s301_before, s301_before, "unchanged", "", s301_source),
        DutyLayer("section-232", s232, s232, "unchanged", "", s232_source),
        never,
    )


def layers_total(
    imp: Import,
    good: Good,
    treatment: Treatment,
    rate: Decimal | None,
    waived: tuple[str, ...],
    *,
    params: Parameters = DEFAULTS,
    member_since: dt.date | None = None,
) -> Decimal | None:
    """The ``total_rate`` ``duty_treatment`` gives for an answer of ``treatment`` at ``rate`` (what it waived,
    and the member's entry into force for a member's good): the sum of ``duty_layers``, without the reasons
    (for the ledger, which asks the rules once per question and adds the origin's own layers here)."""
    return _total(duty_layers(imp, good, treatment, rate, waived, params=params, member_since=member_since), params)


def _ordinary(imp: Import) -> tuple[Decimal | None, str]:
    """The ordinary (column 1 general, or column 2) rate on the entry and where it comes from.

    A rate given with the import wins; else the committed rate of its subheading
    (provisions/data/ordinary_rates.csv) where that is ad valorem: column 2 for products of a
    country in provisions/data/column2_countries.csv, else column 1 general; else not known.
    """
    if imp.duties.ordinary_rate is not None:
        return imp.duties.ordinary_rate, "as given"
    held = ordinary_rates().get(imp.hts.subheading)
    if held is None:
        return None, "not given, and not held in the data"
    edition = "HTS 2025 Basic Edition; confidence medium"
    since = column2_countries().get(imp.origin)
    if since is not None and imp.entry_date >= since:
        if held.column2 is None:
            return None, (
                f"not given; products of {imp.origin} pay the column 2 rate, {held.column2_text} ({edition}), "
                "which is not held as a percent"
            )
        return held.column2, (
            f"committed data: the column 2 rate, {held.column2_text}, on products of {imp.origin} ({edition})"
        )
    if held.general is None:
        return None, f"not given; the column 1 general rate is {held.general_text} ({edition}), not held as a percent"
    return held.general, (
        f"committed data: the column 1 general rate, {held.general_text} ({edition}); a free trade agreement or "
        "preference rate the good may claim is not applied"
    )


def _section232(imp: Import, params: Parameters) -> tuple[Decimal | None, dt.date | None, str]:
    """The section 232 rate on the entry, the day such a duty was first imposed, and where both come from.

    A rate given with the import wins; else the committed table (provisions/data/section232.csv)
    where it holds one for the line, origin and day; else, on a line the table holds no row for,
    0% if ``params.section232_not_held`` is ``none``; else the rate is not known.
    """
    given = imp.duties
    if given.section232_rate is not None:
        return given.section232_rate, given.section232_since, "as given"
    hts = str(imp.hts)
    held = section232_rate(hts, imp.origin, imp.entry_date)
    if held is None:
        if section232_holds_line(hts):  # entered before the table's first row for the line
            return None, None, "not given, and no section 232 rate on this line is held for this day (a data limit)"
        if params.section232_not_held == "none":
            return _FREE, None, (
                "not given, and no section 232 action on this line is held in the data: taken to have none "
                f"({params.describe('section232_not_held')})"
            )
        return None, None, _NOT_HELD
    where = f"{held.action}; {held.source}; confidence {held.confidence}"
    if held.rate is None:
        return None, None, f"not given, and not held for this origin and day ({where})"
    return held.rate, held.first_imposed, f"committed data, from {long_date(held.applies_from)} ({where})"


def _total(layers: tuple[DutyLayer, ...], params: Parameters) -> Decimal | None:
    """The sum of the layers under the bill; None where a layer it needs is not known.

    An antidumping or countervailing rate that was not given is left out of the sum, or makes
    the total unknown, as ``params.adcvd_not_given`` says.
    """
    rates = [
        layer.under_bill
        for layer in layers
        if layer.layer != "antidumping-countervailing" or layer.before is not None
        or params.adcvd_not_given == "unknown"
    ]
    if any(rate is None for rate in rates):
        return None
    return sum((rate for rate in rates if rate is not None), _FREE)


def _layers_reason(
    layers: tuple[DutyLayer, ...],
    total: Decimal | None,
    total_duty: Decimal | None,
    params: Parameters,
    provision: str,
) -> Reason:
    def shown(rate: Decimal | None) -> str:
        return "not known" if rate is None else f"{rate}%"

    def effect(layer: DutyLayer) -> str:
        # where an ordinary or section 232 rate was not given, say where it comes from, or that it is a data limit
        if layer.source == "as given" or layer.layer not in ("ordinary", "section-232"):
            return layer.effect
        return f"{layer.effect}; {'rate' if layer.layer == 'ordinary' else 'section 232 rate'} {layer.source}"

    parts = [f"{layer.layer} {shown(layer.before)} -> {shown(layer.under_bill)} ({effect(layer)})" for layer in layers]
    adcvd_missing = any(layer.layer == "antidumping-countervailing" and layer.before is None for layer in layers)
    others_missing = any(
        layer.under_bill is None for layer in layers if layer.layer != "antidumping-countervailing"
    )
    readings = [params.describe("concern_rate_and_ordinary")]
    if total is not None:
        summed = f"all layers: {total}%" + (f", {total_duty} on the value" if total_duty is not None else "")
        if adcvd_missing:
            # Never waived (sec. 4(g)(3)), and not known here: the total says what it leaves out.
            summed += ", not counting antidumping or countervailing duty (no rate given)"
            readings.append(params.describe("adcvd_not_given"))
    elif adcvd_missing and not others_missing:
        summed = (
            "no total: antidumping and countervailing duties are never waived (sec. 4(g)(3)) and no rate for "
            "them was given, so the total is not known (give the rate with --adcvd-rate, 0 where no order "
            "covers the good)"
        )
        readings.append(params.describe("adcvd_not_given"))
    else:
        # each rate the total lacks, and the input or the reading that would supply it, so that a user
        # is not asked for a rate the data already gave
        lacking = [_lacking(layer) for layer in layers if layer.under_bill is None
                   and (layer.layer != "antidumping-countervailing" or params.adcvd_not_given == "unknown")]
        summed = "no total: it needs " + "; and ".join(lacking)
        if any(layer.layer == "section-232" and layer.under_bill is None and layer.source == _NOT_HELD
               for layer in layers):
            readings.append(params.describe("section232_not_held"))
        if any(layer.layer == "section-5a" and layer.under_bill is None for layer in layers):
            readings.append(params.describe("concern_rate_where_no_301"))
        if adcvd_missing and params.adcvd_not_given == "unknown":
            readings.append(params.describe("adcvd_not_given"))
    return Reason(
        provision,
        "Duty layers: " + "; ".join(parts) + f"; {summed} ({'; '.join(readings)}).",
        {"layers": len(layers)},
    )


def _lacking(layer: DutyLayer) -> str:
    """The rate of a layer the total lacks, why it is not known, and what would supply it."""
    if layer.layer == "ordinary":
        return f"the ordinary rate, which is {layer.source}: give it with --ordinary-rate"
    if layer.layer == "section-232":
        supply = "give it with --section232-rate (0 where no section 232 action covers the good)"
        if layer.source == _NOT_HELD:
            supply += (", or take a line the data holds no section 232 action for to have none with "
                       "--param section232_not_held=none")
        return f"the section 232 rate, which is {layer.source}: {supply}"
    if layer.layer == "section-5a":
        return ("the sec. 5(a) rate, which sec. 5(a) sets none of on this line (above): "
                "--param concern_rate_where_no_301=zero reads it as 0%")
    if layer.layer == "antidumping-countervailing":
        return ("the antidumping or countervailing rate, which was not given: give it with --adcvd-rate "
                "(0 where no order covers the good)")
    return f"the {layer.layer} rate, which is not known ({layer.source})"


@implements("s5_b")
def sourced_from_concern(imp: Import, *, params: Parameters = DEFAULTS) -> Determination[bool]:
    """(b) For purposes of subsection (a), a good is sourced from a foreign entity of concern
    if the good is mined, processed, or manufactured by a foreign entity of concern.

    A good is sourced from a foreign country of concern when that country is its origin, or,
    with ``params.sourced_from_country = "any-stage"``, when it was mined, processed or
    manufactured there.  Whether an entity is a foreign entity of concern is an input.
    """
    country = is_foreign_country_of_concern(imp.origin, imp.entry_date, params=params)
    reasons = list(country.reasons)
    sourced = country.value
    if params.sourced_from_country == "any-stage":
        for stage, code in imp.sourcing.countries():
            if code == imp.origin:
                continue
            found = is_foreign_country_of_concern(code, imp.entry_date, params=params)
            if found.value:
                sourced = True
                reasons.extend(found.reasons)
                reasons.append(
                    Reason(
                        "s5_a",
                        f"The good was {stage} in {code}, a foreign country of concern: it is sourced from "
                        f"one ({params.describe('sourced_from_country')}).",
                        {f"{stage}_in": code},
                    )
                )
    elif any(code != imp.origin for _, code in imp.sourcing.countries()):
        reasons.append(
            Reason(
                "s5_a",
                "Where the good was mined, processed or manufactured does not make it sourced from a "
                f"country ({params.describe('sourced_from_country')}: the country of origin decides).",
                {},
            )
        )
    stages = imp.sourcing.feoc_stages()
    if imp.producer_feoc or stages:
        done = _and_words(stages) if stages else "mined, processed or manufactured"
        reasons.append(
            Reason(
                "s3_5",
                f"A foreign entity of concern (42 U.S.C. 18741(a)) {done} the good; that the entity "
                "is one is an input these rules take as given.",
                {"producer_feoc": imp.producer_feoc, "stages": list(stages)},
            )
        )
        reasons.append(
            Reason(
                "s5_b",
                f"A good {done} by a foreign entity of concern is sourced from a foreign entity of concern.",
                {"producer_feoc": True},
            )
        )
        sourced = True
    return Determination(sourced, tuple(reasons), "provisions.s5.sourced_from_concern")


def _and_words(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


not_formalized(
    "s5_c",
    reason="Directs the President to implement subsection (a), including by modifying the Harmonized Tariff "
    "Schedule; the rules apply subsection (a) directly and do not model the proclamation that would "
    "carry it out.",
)
