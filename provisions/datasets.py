"""The committed data the rules read: critical-minerals lists, the covered goods, countries.

Each file in ``provisions/data/`` opens with comment lines (``#``) giving its
source, the date it was compiled, its confidence and, on a ``# provisions:``
line, the ids of the provisions that use it.  Files are read once, through
``importlib.resources``, and never from the network.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Literal, get_args

from provisions.kit.periods import AdjournmentCalendar, read_adjournments

__all__ = [
    "STAGES",
    "ConcernCountry",
    "CoveredLine",
    "DataFile",
    "IncomeGroupEntry",
    "MineralList",
    "OrdinaryRate",
    "Section232Rate",
    "Section301Rate",
    "column2_countries",
    "committed_adjournments",
    "concern_countries",
    "covered_goods",
    "data_file_descriptions",
    "data_files",
    "declared_provisions",
    "income_groups",
    "iso_countries",
    "lookup_line",
    "mineral_lists",
    "ordinary_rates",
    "section232_holds_line",
    "section232_rate",
    "section232_rates",
    "section301_lines",
]

MINERALS_FILE = "critical_minerals.toml"
GOODS_FILE = "covered_goods.csv"
ADJOURNMENTS_FILE = "adjournments.csv"
VALUES_FILE = "values.toml"
CONCERN_FILE = "countries_of_concern.csv"
INCOME_FILE = "world_bank_income_groups.csv"
ISO_FILE = "iso3166_countries.csv"
SECTION232_FILE = "section232.csv"
ORDINARY_FILE = "ordinary_rates.csv"
COLUMN2_FILE = "column2_countries.csv"


@dataclass(frozen=True, slots=True)
class MineralList:
    """A final list of critical minerals as published, applying from ``published``."""

    name: str
    published: dt.date
    citation: str
    minerals: frozenset[str]
    confidence: str


Stage = Literal[
    "mined",
    "processed",
    "permanent-magnet",
    "li-ion-battery-ev",
    "li-ion-battery-other",
    "li-ion-battery",
    "battery-part",
    "not-covered",
    "basket",
]
STAGES: tuple[Stage, ...] = get_args(Stage)


@dataclass(frozen=True, slots=True)
class Section301Rate:
    """The section 301 rate on such a good of China on January 1, 2026, and where it comes from."""

    rate: Decimal  # percent
    heading: str  # the chapter 99 heading, e.g. 9903.91.06
    since: dt.date
    source: str
    confidence: str


@dataclass(frozen=True, slots=True)
class OrdinaryRate:
    """The column 1 general and column 2 rates of an 8-digit subheading, in percent where ad valorem."""

    hts: str
    general: Decimal | None  # None: the rate is specific or compound (``general_text``)
    general_text: str
    column2: Decimal | None
    column2_text: str


@dataclass(frozen=True, slots=True)
class Section232Rate:
    """A section 232 rate on the goods of an HTS heading or subheading from a day, and where it comes from."""

    hts: str  # the heading or subheading it covers, as written: every number that begins with it
    origin: str  # an ISO country code, or "*" for every origin
    rate: Decimal | None  # percent; None: not held for this origin and day
    applies_from: dt.date
    first_imposed: dt.date | None  # the day a section 232 duty first applied to these goods
    action: str
    source: str
    confidence: str


@dataclass(frozen=True, slots=True)
class CoveredLine:
    """One line of the table of covered goods: what the good is under the bill, and why we say so."""

    hts: str  # "2606.00.00" or a statistical line "2701.12.0010"
    description: str
    minerals: tuple[str, ...]
    stage: Stage
    form: str  # ore | intermediate | metal | powder | master-alloy | compound | product
    reading: tuple[str, str] | None  # (parameter, value) the line needs to be covered
    mapping_source: str
    mapping_confidence: str
    section301: Section301Rate | None  # None: no section 301 duty found on the line
    section301_note: str  # the source (or the search) behind ``section301``
    fails: tuple[str, ...]  # for a line held as not covered: the definitions it fails

    @property
    def good(self) -> str:
        """The stage, under the name the section 301 table used (kept for readers of the old table)."""
        return self.stage


@dataclass(frozen=True, slots=True)
class DataFile:
    """A committed data file: what it holds, where from, when, how sure, and who reads it."""

    file: str
    what: str
    source: str
    compiled: str
    confidence: str
    provisions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConcernCountry:
    """A country the bill names, directly or by reference, as a foreign country of concern."""

    code: str
    name: str
    basis: str
    provision: str  # the provision of the bill that brings it in


@dataclass(frozen=True, slots=True)
class IncomeGroupEntry:
    """A country's World Bank income group over a fiscal year of the Bank."""

    code: str
    group: str  # low | lower-middle | upper-middle | high
    valid_from: dt.date
    valid_to: dt.date
    confidence: str


def data_files() -> tuple[str, ...]:
    """The names of the committed data files."""
    return (
        MINERALS_FILE, GOODS_FILE, ORDINARY_FILE, COLUMN2_FILE, SECTION232_FILE, CONCERN_FILE, INCOME_FILE,
        ISO_FILE, ADJOURNMENTS_FILE, VALUES_FILE,
    )


_DESCRIPTIONS: Mapping[str, tuple[str, str, str]] = {
    MINERALS_FILE: (
        "The final lists of critical minerals under 30 U.S.C. 1606(c)(3): 2022 (50) and 2025 (60, in force "
        "on January 1, 2026), each from its date of publication",
        "87 FR 10381 (Feb 24, 2022); 90 FR 50494 (Nov 7, 2025), names agreed across USGS/Interior, EMA, ITT",
        "high (end page of 90 FR 50494: medium)",
    ),
    GOODS_FILE: (
        "The goods the bill reaches by HTS subheading: each mineral's mined and processed forms and the "
        "select derivative products, with the section 301 rate on such a good of China on January 1, 2026. Data "
        "limit: basket lines (lithium ores, pollucite, other chlorides) and numbers on no line are out of scope "
        "as a limit of the table, and the answer says so",
        "HTSUS subheading texts as cited by the USGS Mineral Commodity Summaries; 89 FR 76581 and "
        "89 FR 101682; Lists 1-4A via the USITC China Tariffs table (luv91/Laynes dataset)",
        "per line: high for the 89 FR 76581 lines, medium for named subheadings, low for baskets",
    ),
    ORDINARY_FILE: (
        "The column 1 general and column 2 rates of every 8-digit subheading of the covered goods, in percent where "
        "ad valorem, for the ordinary layer of a duty answer. Data limit: specific and compound rates are not "
        "held as a percent, nor are the special rates of free trade agreements and preference programs",
        "HTS 2025 Basic Edition rate columns as tabulated in the luv91/Laynes dataset (commit c756b6f)",
        "medium (a third-party tabulation of the 2025 edition; the 2026 edition not read)",
    ),
    COLUMN2_FILE: (
        "The countries whose products pay column 2 rates: Cuba and North Korea; Russia and Belarus from April 9, 2022",
        "HTSUS general note 3(b); P.L. 117-110 (Apr 8, 2022) and CBP CSMS #51575437",
        "high",
    ),
    SECTION232_FILE: (
        "Section 232 rates on covered goods where an action's reach and rate can be dated: unwrought aluminum "
        "(25% from March 12, 2025; 50% from June 4, 2025; the United Kingdom 25%) and the copper ores, mattes, "
        "anodes and cathodes the July 30, 2025 copper action leaves out. Data limit: no other line's section 232 rate "
        "is held; it is an input, and an answer without it says so",
        "Proclamations 9704 (83 FR 11619), 10895 (90 FR 9807) and 10947 (90 FR 24199); the copper proclamation "
        "of July 30, 2025 (House Document 119-82) as summarised by Mondaq and International Trade Today",
        "per row: high for the aluminum rates, medium for the copper exclusions and the United Kingdom; Russia "
        "and refined copper from 2027 not held",
    ),
    CONCERN_FILE: (
        "China, North Korea, Russia, Iran (42 U.S.C. 19221(a)(1)) and Venezuela (sec. 3(4)(B))",
        "US Code text; the bill",
        "high (which statute sec. 3(4)(A) cites is an assumption of the working text)",
    ),
    INCOME_FILE: (
        "World Bank income groups, FY2026 and FY2027 of the Bank, for likely members and countries of concern",
        "World Bank OGHIST workbook (FY25) plus the reported FY26 and FY27 moves",
        "FY2026 high (Argentina, Indonesia medium-high; Zambia medium); FY2027 medium",
    ),
    ISO_FILE: (
        "ISO 3166-1 alpha-2 codes, to validate every country code",
        "tz database iso3166.tab, tzdata 2025b (public domain)",
        "high",
    ),
    ADJOURNMENTS_FILE: (
        "Adjournments of the Senate and the House of more than 3 days, and sine die, for counting days "
        "of session under 19 U.S.C. 2194(b)",
        "see the file's header: each row names its source",
        "per row",
    ),
    VALUES_FILE: (
        "Every number, share, period and date the rules take from the text, with the provision and the "
        "exact words it is read from",
        "the bill's text (statute/s2839-is.txt); checked against it by tests/rules/test_values.py",
        "as the text: a value whose words change fails the check",
    ),
}


def data_file_descriptions() -> tuple[DataFile, ...]:
    """Every committed data file: what it holds, its source, compiled date, confidence and provisions.

    What the site's data-sources page renders.
    """
    described: list[DataFile] = []
    for name in data_files():
        what, source, confidence = _DESCRIPTIONS[name]
        compiled = next(
            (line.split(":", 1)[1].strip() for line in _text(name).splitlines() if line.startswith("# Compiled:")),
            "",
        )
        described.append(DataFile(name, what, source, compiled, confidence, declared_provisions(name)))
    return tuple(described)


def declared_provisions(name: str) -> tuple[str, ...]:
    """The provision ids on the ``# provisions:`` line of data file ``name``."""
    for line in _text(name).splitlines():
        if line.startswith("# provisions:"):
            return tuple(part.strip() for part in line.split(":", 1)[1].split(",") if part.strip())
    return ()


@functools.cache
def mineral_lists() -> tuple[MineralList, ...]:
    """Every final critical-minerals list in the data, oldest first."""
    document = tomllib.loads(_text(MINERALS_FILE))
    lists = [
        MineralList(
            name=entry["name"],
            published=entry["published"],
            citation=entry["citation"],
            minerals=frozenset(entry["minerals"]),
            confidence=entry["confidence"],
        )
        for entry in document["lists"]
    ]
    return tuple(sorted(lists, key=lambda entry: entry.published))


@functools.cache
def covered_goods() -> Mapping[str, CoveredLine]:
    """The table of covered goods, keyed by HTS number as written (8 or 10 digits)."""
    lines: dict[str, CoveredLine] = {}
    for row in _csv(GOODS_FILE):
        stage = row["stage"]
        if stage not in STAGES:
            raise ValueError(f"{GOODS_FILE}: {row['hts']}: unknown stage {stage!r}")
        name, _, value = row["reading"].partition("=")
        rate = (
            Section301Rate(
                Decimal(row["section301_rate"]),
                row["section301_heading"],
                dt.date.fromisoformat(row["section301_since"]),
                row["section301_source"],
                row["section301_confidence"],
            )
            if row["section301_rate"]
            else None
        )
        lines[row["hts"]] = CoveredLine(
            hts=row["hts"],
            description=row["description"],
            minerals=tuple(filter(None, row["minerals"].split(";"))),
            stage=stage,
            form=row["form"],
            reading=(name, value) if value else None,
            mapping_source=row["mapping_source"],
            mapping_confidence=row["mapping_confidence"],
            section301=rate,
            section301_note=f"{row['section301_source']}; confidence {row['section301_confidence']}",
            fails=tuple(filter(None, row["fails"].split(";"))),
        )
    return MappingProxyType(lines)


def committed_adjournments() -> AdjournmentCalendar:
    """The committed adjournment calendar (``adjournments.csv``), with its source and confidence."""
    return read_adjournments(
        list(_csv(ADJOURNMENTS_FILE)),
        source=f"provisions/data/{ADJOURNMENTS_FILE} (the 2026 recesses as scheduled; confidence low)",
    )


@functools.cache
def ordinary_rates() -> Mapping[str, OrdinaryRate]:
    """The committed ordinary rates, by 8-digit subheading."""

    def percent(text: str) -> Decimal | None:
        return Decimal(text) if text else None

    return MappingProxyType(
        {
            row["hts"]: OrdinaryRate(
                row["hts"], percent(row["general"]), row["general_text"], percent(row["column2"]), row["column2_text"]
            )
            for row in _csv(ORDINARY_FILE)
        }
    )


@functools.cache
def column2_countries() -> Mapping[str, dt.date]:
    """The countries whose products pay column 2 rates, each with the first day of entry it applies to."""
    return MappingProxyType(
        {
            row["code"]: dt.date.fromisoformat(row["applies_from"]) if row["applies_from"] else dt.date.min
            for row in _csv(COLUMN2_FILE)
        }
    )


@functools.cache
def section232_rates() -> tuple[Section232Rate, ...]:
    """Every row of the committed section 232 table, in the order of the file."""
    rows: list[Section232Rate] = []
    for row in _csv(SECTION232_FILE):
        rows.append(
            Section232Rate(
                hts=row["hts"],
                origin=row["origin"],
                rate=Decimal(row["rate"]) if row["rate"] else None,
                applies_from=dt.date.fromisoformat(row["applies_from"]),
                first_imposed=dt.date.fromisoformat(row["first_imposed"]) if row["first_imposed"] else None,
                action=row["action"],
                source=row["source"],
                confidence=row["confidence"],
            )
        )
    return tuple(rows)


def section232_rate(hts: str, origin: str, on: dt.date) -> Section232Rate | None:
    """The committed section 232 row for a good of ``origin`` entered ``on``, or None when none is held.

    The row for the longest heading or subheading the number begins with; among those, the
    row for the origin before the ``*`` row; among those, the latest on or before ``on``.
    """
    digits = hts.replace(".", "")
    found: Section232Rate | None = None
    best: tuple[int, bool, dt.date] | None = None
    for row in section232_rates():
        prefix = row.hts.replace(".", "")
        if not digits.startswith(prefix) or row.origin not in ("*", origin) or row.applies_from > on:
            continue
        rank = (len(prefix), row.origin != "*", row.applies_from)
        if best is None or rank > best:
            found, best = row, rank
    return found


def section232_holds_line(hts: str) -> bool:
    """Whether the committed section 232 table has a row for ``hts`` (its heading or subheading), for any
    origin or day: a line it holds no row for is one it holds no section 232 action for."""
    digits = hts.replace(".", "")
    return any(digits.startswith(row.hts.replace(".", "")) for row in section232_rates())


def lookup_line(
    subheading: str, suffix: str | None, table: Mapping[str, CoveredLine] | None = None
) -> CoveredLine | None:
    """The line for an HTS number: its 10-digit statistical line if the table has one, else its subheading."""
    lines = table if table is not None else covered_goods()
    if suffix is not None:
        found = lines.get(subheading + suffix)
        if found is not None:
            return found
    return lines.get(subheading)


@functools.cache
def section301_lines() -> Mapping[str, CoveredLine]:
    """The covered goods on which China's good bore a section 301 duty on January 1, 2026, by HTS number."""
    return MappingProxyType(
        {
            hts: line
            for hts, line in covered_goods().items()
            if line.stage not in ("not-covered", "basket") and line.section301 is not None and line.section301.rate > 0
        }
    )


@functools.cache
def concern_countries() -> tuple[ConcernCountry, ...]:
    """The statutory foreign countries of concern, in the order of the data file."""
    return tuple(
        ConcernCountry(row["code"], row["name"], row["basis"], row["basis_provision"])
        for row in _csv(CONCERN_FILE)
    )


@functools.cache
def income_groups() -> tuple[IncomeGroupEntry, ...]:
    """World Bank income groups by country and Bank fiscal year."""
    return tuple(
        IncomeGroupEntry(
            code=row["code"],
            group=row["income_group"],
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_to=dt.date.fromisoformat(row["valid_to"]),
            confidence=row["confidence"],
        )
        for row in _csv(INCOME_FILE)
    )


@functools.cache
def iso_countries() -> Mapping[str, str]:
    """ISO 3166-1 alpha-2 codes and their usual English names."""
    return MappingProxyType({row["code"]: row["name"] for row in _csv(ISO_FILE)})


@functools.cache
def _text(name: str) -> str:
    return resources.files("provisions").joinpath("data", name).read_text(encoding="utf-8")


def _csv(name: str) -> Iterator[dict[str, str]]:
    body = "\n".join(line for line in _text(name).splitlines() if not line.startswith("#"))
    yield from csv.DictReader(io.StringIO(body))
