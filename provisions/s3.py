"""SEC. 3. DEFINITIONS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from provisions.datasets import (
    GOODS_FILE,
    CoveredLine,
    MineralList,
    concern_countries,
    covered_goods,
    iso_countries,
    lookup_line,
    mineral_lists,
)
from provisions.inputs import Hts
from provisions.kit.determination import Determination, Reason
from provisions.kit.periods import long_date
from provisions.kit.rules import Section
from provisions.parameters import DEFAULTS, PARAMETER_DOCS, Parameters
from provisions.values import VALUES

section = Section(__name__, "s3")  # this section's rules and the provisions it leaves uncoded
implements, not_formalized = section.implements, section.not_formalized

__all__ = [
    "LIST_DATE",
    "SELECT_PRODUCTS",
    "Good",
    "appropriate_congressional_committees",
    "classify_good",
    "is_critical_mineral",
    "is_foreign_country_of_concern",
    "is_select_derivative_product",
    "mineral_stage",
]

LIST_DATE = VALUES.date("list date")
"""The date sec. 3(2)(A) fixes the critical-minerals list on, and sec. 3(7)(D) and 5(a) the 301 rates."""

SELECT_PRODUCTS: Mapping[str, tuple[str, str]] = {
    "permanent-magnet": ("s3_7_A", "a permanent magnet"),
    "li-ion-battery-ev": ("s3_7_B", "a lithium-ion battery for an electric vehicle"),
    "li-ion-battery-other": ("s3_7_C", "a lithium-ion battery for a use other than in an electric vehicle"),
    "battery-part": ("s3_7_D", "a battery part subject to section 301 duties on January 1, 2026"),
}
"""The four kinds of select derivative product: name -> (provision id, words of the bill)."""

GoodKind = Literal["mined", "processed", "select-derivative-product", "not-covered"]


@dataclass(frozen=True, slots=True)
class Good:
    """What an HTS subheading is under the bill on a date."""

    hts: str
    kind: GoodKind
    description: str = ""
    category: str | None = None  # for a select derivative product: a key of SELECT_PRODUCTS
    critical_minerals: tuple[str, ...] = ()
    line: CoveredLine | None = None  # the line of the table of covered goods, if it has one

    @property
    def covered(self) -> bool:
        """True for the goods secs. 4(g) and 5(a) apply to."""
        return self.kind != "not-covered"


@implements("s3_1", "s3_1_A", "s3_1_B")
def appropriate_congressional_committees() -> Determination[tuple[str, ...]]:
    """The term "appropriate congressional committees" means-- (A) the Committee on Finance
    of the Senate; and (B) the Committee on Ways and Means of the House of Representatives."""
    committees = (
        "Committee on Finance of the Senate",
        "Committee on Ways and Means of the House of Representatives",
    )
    return Determination(
        committees,
        (
            Reason(
                "s3_1_A",
                "The Committee on Finance of the Senate is one of the appropriate congressional committees.",
            ),
            Reason("s3_1_B", "The Committee on Ways and Means of the House of Representatives is the other."),
        )
    )


@implements("s3_2", "s3_2_A", "s3_2_B")
def is_critical_mineral(
    mineral: str,
    on: dt.date,
    *,
    params: Parameters = DEFAULTS,
    lists: Sequence[MineralList] | None = None,
) -> Determination[bool]:
    """The term "critical mineral" means any mineral-- (A) on the list of critical minerals
    required by paragraph (3) of section 7002(c) of the Energy Act of 2020 (30 U.S.C.
    1606(c)) on January 1, 2026; or (B) added to that list after January 1, 2026.

    ``lists`` defaults to the committed lists (provisions/data/critical_minerals.toml).
    """
    name = mineral.strip().lower()
    known = tuple(sorted(lists if lists is not None else mineral_lists(), key=lambda entry: entry.published))
    inputs = {"mineral": name, "date": on}
    base = _in_force(known, LIST_DATE)
    if params.mineral_list_reading == "list-in-force":
        current = _in_force(known, on)
        if current is None:
            return Determination(
                False,
                (
                    Reason(
                        "s3_2",
                        f"No list of critical minerals in the data was in force on "
                        f"{long_date(on)}; {params.describe('mineral_list_reading')}.",
                        inputs,
                    ),
                )
            )
        found = name in current.minerals
        provision = "s3_2_A" if current is base else ("s3_2_B" if current.published > LIST_DATE else "s3_2")
        verb = "is" if found else "is not"
        return Determination(
            found,
            (
                Reason(
                    provision,
                    f"{name} {verb} on the {current.name} ({current.citation}, "
                    f"published {long_date(current.published)}), the list in force on "
                    f"{long_date(on)}; {params.describe('mineral_list_reading')}.",
                    inputs,
                ),
            )
        )
    if base is not None and name in base.minerals:
        return Determination(
            True,
            (
                Reason(
                    "s3_2_A",
                    f"{name} is on the {base.name} ({base.citation}, published "
                    f"{long_date(base.published)}), the list in force on January 1, 2026.",
                    inputs,
                ),
            )
        )
    for later in known:
        if LIST_DATE < later.published <= on and name in later.minerals:
            return Determination(
                True,
                (
                    Reason(
                        "s3_2_B",
                        f"{name} was added to the list after January 1, 2026, by the "
                        f"{later.name} ({later.citation}, published "
                        f"{long_date(later.published)}).",
                        inputs,
                    ),
                )
            )
    base_name = base.name if base is not None else "no list in the data"
    return Determination(
        False,
        (
            Reason(
                "s3_2",
                f"{name} is not on the list in force on January 1, 2026 ({base_name}) "
                f"and was not added to it after that date and by {long_date(on)}.",
                inputs,
            ),
        )
    )


@implements("s3_3", "s3_3_A", "s3_3_B")
def classify_good(
    hts: Hts,
    on: dt.date,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
    lists: Sequence[MineralList] | None = None,
) -> Determination[Good]:
    """The term "derivative product"-- (A) means a good that incorporates a critical mineral
    as a material input in the production of the good; and (B) does not include a critical
    mineral that has been mined or processed but has not been incorporated into another good.

    Sorts an HTS number into a mined or processed critical mineral, a select derivative
    product, or neither, from the table of covered goods (provisions/data/covered_goods.csv).
    A number on no line of the table is out of scope as a limit of the data, and the reason
    says so; a line the table holds as outside the bill cites the definitions it fails.
    """
    lines = table if table is not None else covered_goods()
    line = lookup_line(hts.subheading, hts.suffix, lines)
    inputs = {"hts": str(hts)}
    if line is None:
        return Determination(Good(str(hts), "not-covered"), (_data_limit(hts, lines),))
    if line.stage == "not-covered":
        failed = tuple(
            Reason(provision, f"{hts} ({line.description}) {_FAILS.get(provision, 'fails this definition')}.", inputs)
            for provision in line.fails or ("s3_3",)
        )
        return Determination(Good(str(hts), "not-covered", line.description, line=line), failed)
    if line.stage == "basket":
        return Determination(Good(str(hts), "not-covered", line.description, line=line), (_basket_limit(hts, line),))
    if line.reading is not None and getattr(params, line.reading[0]) != line.reading[1]:
        name = line.reading[0]
        return Determination(
            Good(str(hts), "not-covered", line.description, line=line),
            (
                Reason(
                    "s3_7_A" if line.stage == "permanent-magnet" else PARAMETER_DOCS[name][0][0],
                    f"{hts} ({line.description}) is not counted as a good the bill reaches "
                    f"({params.describe(name)}; it would be with {name}={line.reading[1]!r}).",
                    inputs,
                ),
            )
        )
    if line.stage in ("mined", "processed"):
        stage = mineral_stage(hts, on, params=params, table=lines, lists=lists)
        reasons = list(stage.reasons)
        if stage.value is None:
            return Determination(
                Good(str(hts), "not-covered", line.description, line=line), tuple(reasons)
            )
        reasons.append(
            Reason(
                "s3_3_B",
                f"As a critical mineral {stage.value} but not incorporated into another good, "
                f"{hts} is not a derivative product.",
                inputs,
            )
        )
        minerals = _critical(line.minerals, on, params, lists)
        return Determination(
            Good(str(hts), stage.value, line.description, None, minerals, line), tuple(reasons)
        )
    select = is_select_derivative_product(hts, on, params=params, table=lines, lists=lists)
    minerals = _critical(line.minerals, on, params, lists)
    kind: GoodKind = "select-derivative-product" if select.value else "not-covered"
    return Determination(
        Good(str(hts), kind, line.description, select.value, minerals, line), select.reasons
    )


_FAILS = {
    "s3_2": "is or incorporates no mineral on the list of critical minerals, so it is no critical mineral",
    "s3_6": "is worked past metal, powder or master alloy (a wrought product or an article), so it is not "
    "a processed critical mineral",
    "s3_7": "is a derivative product but none of the select derivative products (a permanent magnet, a "
    "lithium-ion battery, or a battery part subject to section 301 duties on January 1, 2026)",
    "s3_3": "is not a good the bill reaches",
}


def _data_limit(hts: Hts, lines: Mapping[str, CoveredLine]) -> Reason:
    """The reason for a number on no line of the table: a limit of the data, not a reading of the law."""
    statistical = sorted(key for key in lines if len(key) > 10 and key.startswith(hts.subheading))
    if statistical and hts.suffix is None:
        statement = (
            f"Whether {hts} is a good the bill reaches depends on its statistical suffix: the table of "
            f"covered goods holds {', '.join(statistical)}. Give the 10-digit number."
        )
    else:
        statement = (
            f"Data limit: {hts} is on no line of the table of covered goods we hold (provisions/data/{GOODS_FILE}), "
            "so the rules cannot say it is a mined or processed critical mineral or a select "
            "derivative product and treat it as out of scope. That is a limit of the table, not a "
            "finding that the bill does not reach the good."
        )
    return Reason("s3", statement, {"hts": str(hts), "data_limit": True})


def _basket_limit(hts: Hts, line: CoveredLine) -> Reason:
    """The reason for a residual line that holds a mineral's forms among other goods: a limit of the data."""
    return Reason(
        "s3",
        f"Data limit: {hts} ({line.description}) is a basket line of the tariff: it holds forms of "
        f"{_and(line.minerals)} among other goods, so its number alone does not show that a good is a "
        "mined or processed critical mineral, and the rules treat it as out of scope. That is a limit of "
        f"the table, not a finding that the bill does not reach the good (mapping: {line.mapping_source}; "
        f"confidence {line.mapping_confidence}).",
        {"hts": str(hts), "data_limit": True},
    )


@implements("s3_4", "s3_4_A", "s3_4_B")
def is_foreign_country_of_concern(
    country: str, on: dt.date, *, params: Parameters = DEFAULTS
) -> Determination[bool]:
    """The term "foreign country of concern"-- (A) has the meaning given the term in section
    10612(a)(1) of the Research and Development, Competition, and Innovation Act (42 U.S.C.
    19221(a)(1)); and (B) includes Venezuela."""
    inputs = {"country": country, "date": on}
    for entry in concern_countries():
        if entry.code == country:
            how = (
                "named by sec. 3(4)(B)"
                if entry.provision == "s3_4_B"
                else f"named in {entry.basis}, to which sec. 3(4)(A) refers"
            )
            return Determination(
                True,
                (
                    Reason(
                        entry.provision,
                        f"{country} ({entry.name}) is a foreign country of concern: {how}.",
                        inputs,
                    ),
                )
            )
    if country in ("HK", "MO") and params.hong_kong_macau == "part-of-china":
        return Determination(
            True,
            (
                Reason(
                    "s3_4_A",
                    f"{country} ({iso_countries().get(country, country)}) is treated as part of the "
                    "People's Republic of China, a foreign country of concern named in 42 U.S.C. "
                    f"19221(a)(1) ({params.describe('hong_kong_macau')}).",
                    inputs,
                ),
            ),
        )
    for code, since in params.state_designated_countries_of_concern:
        if code == country and since <= on:
            return Determination(
                True,
                (
                    Reason(
                        "s3_4_A",
                        f"{country} is a foreign country of concern: the Department "
                        f"of State determined it one under 42 U.S.C. 19221(a)(1) on "
                        f"{long_date(since)} "
                        f"({params.describe('state_designated_countries_of_concern')}).",
                        inputs,
                    ),
                )
            )
    listed = ", ".join(entry.code for entry in concern_countries())
    name = iso_countries().get(country, country)
    separate = (
        f" It is a customs territory separate from China ({params.describe('hong_kong_macau')})."
        if country in ("HK", "MO")
        else ""
    )
    return Determination(
        False,
        (
            Reason(
                "s3_4",
                f"{country} ({name}) is not a foreign country of concern on "
                f"{long_date(on)}: the countries are {listed}, and no Department of State "
                f"determination adds it.{separate}",
                inputs,
            ),
        )
    )


not_formalized(
    "s3_5",
    reason="Whether a producer is a foreign entity of concern under 42 U.S.C. 18741(a) turns on "
    "designations, ownership, control and jurisdiction that no committed data can settle; the "
    "rules take it as an input (the producer flag) and cite this paragraph when it is set.",
)


@implements("s3_6")
def mineral_stage(
    hts: Hts,
    on: dt.date,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
    lists: Sequence[MineralList] | None = None,
) -> Determination[Literal["mined", "processed"] | None]:
    """The term "processed", with respect to a critical mineral, includes intermediate
    refining of the critical mineral through conversion into metal, powder, or master alloy.

    Says whether an HTS number is a critical mineral as mined, as processed, or neither.
    Whether a refined compound (an oxide, a carbonate ...) is processed is
    ``params.processed_compounds``.
    """
    line = lookup_line(hts.subheading, hts.suffix, table)
    inputs = {"hts": str(hts)}
    if line is None or line.stage not in ("mined", "processed"):
        return Determination(
            None,
            (Reason("s3_6", f"{hts} is not a mined or processed mineral in the table of covered goods.", inputs),),
        )
    reasons: list[Reason] = []
    critical: list[str] = []
    for mineral in line.minerals:
        answer = is_critical_mineral(mineral, on, params=params, lists=lists)
        reasons.extend(answer.reasons)
        if answer.value:
            critical.append(mineral)
    if not critical:
        reasons.append(
            Reason("s3_2", f"{hts} ({line.description}) is no critical mineral on {long_date(on)}.", inputs)
        )
        return Determination(None, tuple(reasons))
    minerals = _and(critical)
    mapping = f"mapping: {line.mapping_source}; confidence {line.mapping_confidence}"
    if line.stage == "processed":
        if line.form == "compound" and params.processed_compounds == "metal-powder-alloy-only":
            reasons.append(
                Reason(
                    "s3_6",
                    f"{hts} ({line.description}) is a compound of {minerals}, not metal, powder or master "
                    f"alloy, so it is not counted as processed ({params.describe('processed_compounds')}).",
                    inputs,
                )
            )
            return Determination(None, tuple(reasons))
        how = {
            "compound": "refined into a compound, an intermediate refining that \"processed\" includes "
            f"({params.describe('processed_compounds')})",
            "intermediate": "an intermediate product of refining",
            "metal": "converted into metal",
            "powder": "converted into powder",
            "master-alloy": "converted into a master alloy",
        }.get(line.form, "processed")
        reasons.append(
            Reason(
                "s3_6",
                f"{hts} ({line.description}) is {minerals} processed: {how} ({mapping}).",
                inputs,
            )
        )
        return Determination("processed", tuple(reasons))
    reasons.append(
        Reason(
            "s3_2",
            f"{hts} ({line.description}) is {minerals} as mined (an ore, a concentrate or the "
            f'natural mineral; the bill does not define "mined"; {mapping}).',
            inputs,
        )
    )
    return Determination("mined", tuple(reasons))


@implements("s3_7", "s3_7_A", "s3_7_B", "s3_7_C", "s3_7_D")
def is_select_derivative_product(
    hts: Hts,
    on: dt.date,
    *,
    params: Parameters = DEFAULTS,
    table: Mapping[str, CoveredLine] | None = None,
    lists: Sequence[MineralList] | None = None,
) -> Determination[str | None]:
    """The term "select derivative product" means a derivative product that is any of the
    following: (A) A permanent magnet. (B) A lithium-ion battery for an electric vehicle.
    (C) A lithium-ion battery for a use other than in an electric vehicle. (D) A battery
    part that is subject to duties imposed under section 301 of the Trade Act of 1974
    (19 U.S.C. 2411) on January 1, 2026.

    The value is the kind (a key of ``SELECT_PRODUCTS``; ``li-ion-battery-ev`` or
    ``-other`` by the statistical suffix 10 or 20 of 8507.60.00, else ``li-ion-battery``),
    or None.
    """
    inputs = {"hts": str(hts)}
    line = lookup_line(hts.subheading, hts.suffix, table)
    if line is None or line.stage in ("mined", "processed", "not-covered"):
        return Determination(
            None,
            (
                Reason(
                    "s3_7",
                    f"{hts} is none of the select derivative products (a permanent "
                    "magnet, a lithium-ion battery, or a battery part subject to section 301 "
                    "duties on January 1, 2026).",
                    inputs,
                ),
            )
        )
    critical = _critical(line.minerals, on, params, lists)
    if not critical:
        return Determination(
            None,
            (
                Reason(
                    "s3_3_A",
                    f"{hts} ({line.description}) incorporates no critical mineral "
                    f"on {long_date(on)}, so it is not a derivative product "
                    f"({params.describe('mineral_list_reading')}).",
                    inputs,
                ),
            )
        )
    what = (
        f"{critical[0]}, a critical mineral, as a material input"
        if len(critical) == 1
        else f"{_and(critical)}, critical minerals, as material inputs"
    )
    reasons = [
        Reason(
            "s3_3_A",
            f"{hts} ({line.description}) incorporates {what}: it is a derivative product "
            f"(mapping confidence {line.mapping_confidence}).",
            inputs,
        )
    ]
    if line.stage == "permanent-magnet":
        reasons.append(
            Reason(
                "s3_7_A",
                f"{hts} is a permanent magnet: a select derivative product "
                f"({params.describe('permanent_magnet_lines')}).",
                inputs,
            )
        )
        return Determination("permanent-magnet", tuple(reasons))
    if line.stage == "li-ion-battery-ev":
        reasons.append(
            Reason(
                "s3_7_B",
                f"{hts} is a lithium-ion battery for an electric vehicle: a select derivative product.",
                inputs,
            )
        )
        return Determination("li-ion-battery-ev", tuple(reasons))
    if line.stage == "li-ion-battery-other":
        reasons.append(
            Reason(
                "s3_7_C",
                f"{hts} is a lithium-ion battery for a use other than in an electric "
                "vehicle: a select derivative product.",
                inputs,
            )
        )
        return Determination("li-ion-battery-other", tuple(reasons))
    if line.stage == "li-ion-battery":
        reasons.append(
            Reason(
                "s3_7_B",
                f"{hts} is a lithium-ion battery, for an electric vehicle (8507.60.0010) or "
                "another use (8507.60.0020): a select derivative product either way.",
                inputs,
            )
        )
        reasons.append(
            Reason(
                "s3_7_C", "A lithium-ion battery for another use is a select derivative product too.", inputs
            )
        )
        return Determination("li-ion-battery", tuple(reasons))
    duty = line.section301
    if duty is not None and duty.rate > 0 and duty.since <= LIST_DATE:
        reasons.append(
            Reason(
                "s3_7_D",
                f"{hts} is a battery part subject to section 301 duties on January 1, 2026 "
                f"({duty.rate}% under {duty.heading}, in force since "
                f"{long_date(duty.since)}): a select derivative product.",
                inputs,
            )
        )
        return Determination("battery-part", tuple(reasons))
    reasons.append(
        Reason(
            "s3_7_D",
            f"{hts} is a battery part not subject to section 301 duties on January 1, 2026, "
            "so not a select derivative product.",
            inputs,
        )
    )
    return Determination(None, tuple(reasons))


not_formalized(
    "s3_8",
    reason="Names the officer (the United States Trade Representative) who acts under sec. 4; "
    "nothing is computed from it.",
)


def _in_force(lists: Sequence[MineralList], on: dt.date) -> MineralList | None:
    current = None
    for entry in lists:
        if entry.published <= on:
            current = entry
    return current


def _critical(
    minerals: Sequence[str], on: dt.date, params: Parameters, lists: Sequence[MineralList] | None
) -> tuple[str, ...]:
    return tuple(m for m in minerals if is_critical_mineral(m, on, params=params, lists=lists).value)


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
