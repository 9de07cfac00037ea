"""The committed data the rules read: critical-minerals lists, section 301 rates, countries.

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

__all__ = [
    "ConcernCountry",
    "IncomeGroupEntry",
    "MineralList",
    "Section301Line",
    "concern_countries",
    "data_files",
    "declared_provisions",
    "income_groups",
    "iso_countries",
    "mineral_lists",
    "section301_lines",
]

MINERALS_FILE = "critical_minerals.toml"
SECTION301_FILE = "section301_china_2026-01-01.csv"
CONCERN_FILE = "countries_of_concern.csv"
INCOME_FILE = "world_bank_income_groups.csv"
ISO_FILE = "iso3166_countries.csv"


@dataclass(frozen=True, slots=True)
class MineralList:
    """A final list of critical minerals as published, applying from ``published``."""

    name: str
    published: dt.date
    citation: str
    minerals: frozenset[str]
    confidence: str


@dataclass(frozen=True, slots=True)
class Section301Line:
    """The section 301 rate on a China-origin good on January 1, 2026, and what the good is."""

    hts: str  # "8505.11.00"
    description: str
    good: str  # mined | processed | permanent-magnet | li-ion-battery | battery-part
    minerals: tuple[str, ...]
    rate: Decimal  # percent
    chapter99: str
    in_force_since: dt.date
    confidence: str
    source: str


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
    return (MINERALS_FILE, SECTION301_FILE, CONCERN_FILE, INCOME_FILE, ISO_FILE)


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
def section301_lines() -> Mapping[str, Section301Line]:
    """The section 301 table, keyed by 8-digit HTS subheading (``"8505.11.00"``)."""
    lines = {
        row["hts"]: Section301Line(
            hts=row["hts"],
            description=row["description"],
            good=row["good"],
            minerals=tuple(filter(None, row["minerals"].split(";"))),
            rate=Decimal(row["rate"]),
            chapter99=row["chapter99"],
            in_force_since=dt.date.fromisoformat(row["in_force_since"]),
            confidence=row["confidence"],
            source=row["source"],
        )
        for row in _csv(SECTION301_FILE)
    }
    return MappingProxyType(lines)


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
