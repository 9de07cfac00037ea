"""An import ledger, one entry per row: validated, treated under secs. 4(g) and 5, and totalled.

Columns (a header row names them, in any order; other columns are ignored):

=============  ========  ====================================================================
column         required  meaning
=============  ========  ====================================================================
hts            yes       HTS subheading, ``8505.11.00`` (or a statistical line ``8507.60.0010``)
origin         yes       country of origin, ISO 3166-1 alpha-2 (``CN``)
entry_date     yes       date of entry, ``YYYY-MM-DD``
value          yes       customs value in dollars, at most two decimal places, not negative
producer_feoc  no        ``true`` if a foreign entity of concern mined, processed or made it
mined_in       no        country where it was mined (also ``processed_in``, ``manufactured_in``)
mined_by_feoc  no        ``true`` if a foreign entity of concern mined it (also
                         ``processed_by_feoc``, ``manufactured_by_feoc``; sec. 5(b))
other_duties   no        duties collected on the entry under other law (dollars; default 0)
deposit_date   no        date estimated duties were deposited (needed with
                         ``fund_collection_basis = deposit-date``)
liquidation_date no      date of liquidation (needed with ``fund_collection_basis = liquidation-date``)
id             no        the entry's own reference, echoed in the results
=============  ========  ====================================================================

Duties count as collected on the day the parameter ``fund_collection_basis`` names (by
default the day of entry), so each falls in the federal fiscal quarter of that day (the
fiscal year begins on October 1).  The duties that feed the Trust Fund are those on mined
and processed critical minerals: the duty this bill sets plus ``other_duties`` -- any other duty
a row's ``other_duties`` leaves out is missing from the transfer, which the output says once
(``fund_base``).  The totals by treatment also add each row's total duty (every layer of
``s5.duty_treatment``'s answer) where every row's is known.

``DutyCalculator`` answers row after row in constant memory.  It asks the rule
(``s5.duty_treatment``) once per combination of subheading, origin, producer flag and
*period* -- the stretch of days between two dates on which some answer can change (an
entry into force, a list of critical minerals, a designation) -- and reuses the answer for
the other rows of that combination; the duty is then the row's value times the rate.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from provisions.datasets import (
    CoveredLine,
    MineralList,
    column2_countries,
    iso_countries,
    mineral_lists,
    section232_rates,
)
from provisions.inputs import (
    Alliance,
    Hts,
    Import,
    InputError,
    Sourcing,
    parse_bool,
    parse_country,
    parse_hts,
    parse_money,
)
from provisions.kit.determination import Determination, Reason
from provisions.kit.money import duty_amount
from provisions.kit.periods import FiscalQuarter
from provisions.parameters import DEFAULTS, Parameters
from provisions.s3 import LIST_DATE
from provisions.s5 import TREATMENTS, DutyTreatment, duty_treatment
from provisions.s6 import FundQuarter, trust_fund_quarter

__all__ = [
    "BASIS_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "SOURCING_COLUMNS",
    "DutyCalculator",
    "LedgerReader",
    "LedgerRow",
    "LedgerTotals",
    "RowResult",
    "ledger_reasons",
    "read_sourcing",
    "total_changes",
    "total_origins",
]

REQUIRED_COLUMNS = ("hts", "origin", "entry_date", "value")
SOURCING_COLUMNS = (
    "mined_in",
    "processed_in",
    "manufactured_in",
    "mined_by_feoc",
    "processed_by_feoc",
    "manufactured_by_feoc",
)
BASIS_COLUMNS = {"deposit-date": "deposit_date", "liquidation-date": "liquidation_date"}
OPTIONAL_COLUMNS = ("producer_feoc", *SOURCING_COLUMNS, "other_duties", "deposit_date", "liquidation_date", "id")
_ZERO = Decimal("0.00")
_CACHE_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One validated row: the import, the other duties collected on it, its own reference."""

    row: int
    imp: Import
    quarter: FiscalQuarter
    other_duties: Decimal = _ZERO
    ref: str | None = None


class LedgerReader:
    """Validates rows of a ledger whose header is ``header``.

    Raises (from the constructor):
        InputError: a required column is missing from the header.
    """

    def __init__(self, header: Sequence[str], *, params: Parameters = DEFAULTS) -> None:
        names = [name.strip().lower() for name in header]
        twice = sorted({name for name in names if name and names.count(name) > 1})
        if twice:
            raise InputError(twice[0], "the header names this column more than once")
        self.fields = len(names)
        basis = BASIS_COLUMNS.get(params.fund_collection_basis)
        for column in (*REQUIRED_COLUMNS, *((basis,) if basis else ())):
            if column not in names:
                raise InputError(column, f"missing column (the header has: {', '.join(names) or 'nothing'})")
        self._basis = basis
        self._index = {
            name: names.index(name) for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if name in names
        }
        self.width = max(self._index.values()) + 1  # a row may stop after the last column read
        self._hts: dict[str, Hts] = {}
        self._countries: dict[str, str] = {}
        self._dates: dict[str, tuple[dt.date, FiscalQuarter]] = {}
        self._iso = iso_countries()

    def read(self, values: Sequence[str], row: int) -> LedgerRow:
        """The row ``values`` (row number ``row``, counting data rows from 1), validated.

        Raises:
            InputError: a missing field, a malformed HTS number, an unknown country code,
            an impossible date, a negative or malformed amount; naming the field and row.
        """
        try:
            return self._read(values, row)
        except InputError as error:
            raise error.located(row=row) from None

    def _read(self, values: Sequence[str], row: int) -> LedgerRow:
        index = self._index
        if len(values) > self.fields:
            raise InputError("", f"the row has {len(values)} fields where the header names {self.fields} "
                                 f"(a comma in a value must be quoted: \"1,000.00\")")
        if len(values) < self.width:
            for column, position in index.items():
                if position >= len(values):
                    raise InputError(column, "missing (the row has fewer fields than the header)")
        hts = self.hts(values[index["hts"]])
        origin = self.country(values[index["origin"]])
        day, quarter = self._cached_date(values[index["entry_date"]])
        value = _money(values[index["value"]], "value")
        feoc = (
            parse_bool(values[index["producer_feoc"]], field="producer_feoc")
            if "producer_feoc" in index
            else False
        )
        other = _money(values[index["other_duties"]], "other_duties") if "other_duties" in index else _ZERO
        ref = values[index["id"]] if "id" in index else None
        sourcing = read_sourcing(values, index)
        if self._basis is not None:
            collected, quarter = self._cached_date(values[index[self._basis]], self._basis)
            if collected < day:
                raise InputError(self._basis, f"{collected} is before the entry date {day}")
        return LedgerRow(row, Import(hts, origin, day, feoc, value, sourcing), quarter, other, ref)

    def hts(self, text: str) -> Hts:
        """An HTS number of the ledger, validated once per text."""
        hts = self._hts.get(text)
        if hts is None:
            hts = parse_hts(text, field="hts")
            if len(self._hts) < _CACHE_LIMIT:
                self._hts[text] = hts
        return hts

    def country(self, text: str) -> str:
        """An origin of the ledger, validated once per text."""
        code = self._countries.get(text)
        if code is None:
            code = text.strip().upper()
            if code not in self._iso:
                raise InputError(
                    "origin", f"unknown country code {text!r} (expected an ISO 3166-1 alpha-2 code)"
                )
            if len(self._countries) < _CACHE_LIMIT:
                self._countries[text] = code
        return code

    def _cached_date(self, text: str, column: str = "entry_date") -> tuple[dt.date, FiscalQuarter]:
        known = self._dates.get(text)
        if known is None:
            raw = text.strip()
            if len(raw) != 10 or raw[4] != "-" or raw[7] != "-" or not raw.replace("-", "").isdigit():
                raise InputError(column, f"malformed date {text!r} (expected YYYY-MM-DD)")
            try:
                day = dt.date.fromisoformat(raw)
            except ValueError:
                raise InputError(column, f"impossible date {text!r}") from None
            known = (day, FiscalQuarter.of(day))
            if len(self._dates) < _CACHE_LIMIT:
                self._dates[text] = known
        return known


def total_changes() -> set[dt.date]:
    """The days on which a duty answer's total can change though its treatment does not: a committed
    section 232 rate applies from one, or an origin's goods begin to pay the column 2 rate."""
    return {
        *(row.applies_from for row in section232_rates()),
        *(since for since in column2_countries().values() if since != dt.date.min),
    }


def total_origins() -> frozenset[str]:
    """The origins whose own facts, beside their standing as member or concern, a duty answer's total reads:
    China's section 301 rate (Hong Kong and Macau under ``hong_kong_macau``), the column 2 rate, and
    the committed section 232 rows for one origin."""
    return frozenset(
        {"CN", "HK", "MO", *column2_countries(), *(row.origin for row in section232_rates() if row.origin != "*")}
    )


@dataclass(frozen=True, slots=True)
class RowResult:
    """The treatment of one row, the duty the bill sets on it, and what it adds to the Trust Fund."""

    row: int
    ref: str | None
    hts: str
    origin: str
    entry_date: dt.date
    treatment: str
    rate: Decimal | None
    duty: Decimal | None
    fund_duties: Decimal  # duties attributable to mined and processed critical minerals
    quarter: FiscalQuarter
    total_duty: Decimal | None = None  # every layer of the duty answer (s5.duty_treatment's total_duty)
    mineral: bool = False  # a mined or processed critical mineral: its duties feed the Trust Fund


class DutyCalculator:
    """The duty treatment of ledger rows, the same as ``s5.duty_treatment`` gives, row after row."""

    def __init__(
        self,
        alliance: Alliance,
        *,
        params: Parameters = DEFAULTS,
        table: Mapping[str, CoveredLine] | None = None,
        lists: Sequence[MineralList] | None = None,
    ) -> None:
        self.alliance = alliance
        self.params = params
        self._table = table
        self._lists = lists
        known = lists if lists is not None else mineral_lists()
        changes = {
            LIST_DATE,
            *(m.entry_into_force for m in alliance.members),
            *(entry.published for entry in known),
            *(since for _, since in params.state_designated_countries_of_concern),
            *total_changes(),
        }
        self._changes = sorted(changes)
        self._answers: dict[tuple[object, ...], tuple[str, Decimal | None, bool, Decimal | None]] = {}

    def determination(self, imp: Import) -> Determination[DutyTreatment]:
        """The rule's full answer for one import, with its reasons."""
        return duty_treatment(imp, self.alliance, params=self.params, table=self._table, lists=self._lists)

    def result(self, entry: LedgerRow) -> RowResult:
        """The treatment, rate, duty and Trust Fund share of one row."""
        imp = entry.imp
        period = bisect.bisect_right(self._changes, imp.entry_date)
        key = (imp.hts.subheading, imp.hts.suffix, imp.origin, imp.producer_feoc, period, imp.sourcing)
        answer = self._answers.get(key)
        if answer is None:
            found = duty_treatment(
                Import(imp.hts, imp.origin, imp.entry_date, imp.producer_feoc, None, imp.sourcing),
                self.alliance,
                params=self.params,
                table=self._table,
                lists=self._lists,
            ).value
            answer = (found.treatment, found.rate, found.good in ("mined", "processed"), found.total_rate)
            if len(self._answers) < _CACHE_LIMIT:
                self._answers[key] = answer
        treatment, rate, mineral, total_rate = answer
        duty = duty_amount(imp.value, rate) if rate is not None and imp.value is not None else None
        total = duty_amount(imp.value, total_rate) if total_rate is not None and imp.value is not None else None
        fund = ((duty or _ZERO) + entry.other_duties) if mineral else _ZERO
        return RowResult(
            entry.row,
            entry.ref,
            str(imp.hts),
            imp.origin,
            imp.entry_date,
            treatment,
            rate,
            duty,
            fund,
            entry.quarter,
            total,
            mineral,
        )


@dataclass
class _Tally:
    rows: int = 0
    value: Decimal = _ZERO
    duty: Decimal = _ZERO
    total_duty: Decimal = _ZERO  # of the rows whose total is known
    without_total: int = 0  # rows whose total is not known


@dataclass
class LedgerTotals:
    """Running totals over a ledger: rows, values and duties by treatment; duties by fiscal quarter.

    ``fund_rows`` counts the rows of mined and processed critical minerals (whose duties feed the
    Trust Fund), ``fund_rows_without_other_duties`` those of them whose ``other_duties`` is empty or 0.
    """

    by_treatment: dict[str, _Tally] = field(default_factory=lambda: {name: _Tally() for name in TREATMENTS})
    fund_duties: dict[FiscalQuarter, Decimal] = field(default_factory=dict)
    other_duties: dict[FiscalQuarter, Decimal] = field(default_factory=dict)
    fund_rows: int = 0
    fund_rows_without_other_duties: int = 0

    def add(self, entry: LedgerRow, result: RowResult) -> None:
        """Count one row in."""
        tally = self.by_treatment[result.treatment]
        tally.rows += 1
        tally.value += entry.imp.value or _ZERO
        if result.duty is not None:
            tally.duty += result.duty
        if result.total_duty is None:
            tally.without_total += 1
        else:
            tally.total_duty += result.total_duty
        if result.mineral:
            self.fund_rows += 1
            self.fund_rows_without_other_duties += not entry.other_duties
        quarter = result.quarter
        self.fund_duties[quarter] = self.fund_duties.get(quarter, _ZERO) + result.fund_duties
        not_fund = (result.duty or _ZERO) + entry.other_duties - result.fund_duties
        self.other_duties[quarter] = self.other_duties.get(quarter, _ZERO) + not_fund

    @property
    def rows(self) -> int:
        """How many rows were counted."""
        return sum(tally.rows for tally in self.by_treatment.values())

    def summary(self) -> dict[str, dict[str, object]]:
        """Rows, customs value and duty under the bill, by treatment.

        ``duty`` is the layer the bill sets (as on each row); ``total_duty`` adds each row's total duty
        (every layer of ``s5.duty_treatment``'s answer), None unless every row's is known;
        ``known_total_duty`` adds those of the rows whose total is known, ``rows_without_total``
        counts the others.
        """
        return {
            name: {
                "rows": t.rows,
                "value": t.value.quantize(_ZERO),
                "duty": t.duty.quantize(_ZERO),
                "total_duty": t.total_duty.quantize(_ZERO) if not t.without_total else None,
                "known_total_duty": t.total_duty.quantize(_ZERO),
                "rows_without_total": t.without_total,
            }
            for name, t in self.by_treatment.items()
        }

    def quarters(self, *, params: Parameters = DEFAULTS) -> list[Determination[FundQuarter]]:
        """The Trust Fund transfer and its allocation for each fiscal quarter, in order."""
        return [
            trust_fund_quarter(
                self.fund_duties[quarter],
                other_duties=self.other_duties.get(quarter, _ZERO),
                quarter=quarter,
                params=params,
            )
            for quarter in sorted(self.fund_duties)
        ]


def read_sourcing(values: Sequence[str], index: Mapping[str, int]) -> Sourcing:
    """The sourcing columns of a row (those the header has), validated."""
    if not any(column in index for column in SOURCING_COLUMNS):
        return _NO_SOURCING

    def country(column: str) -> str | None:
        text = values[index[column]].strip() if column in index else ""
        return parse_country(text, field=column) if text else None

    def flag(column: str) -> bool:
        return parse_bool(values[index[column]], field=column) if column in index else False

    return Sourcing(
        country("mined_in"),
        country("processed_in"),
        country("manufactured_in"),
        flag("mined_by_feoc"),
        flag("processed_by_feoc"),
        flag("manufactured_by_feoc"),
    )


_NO_SOURCING = Sourcing()


def _money(text: str, column: str) -> Decimal:
    """``parse_money`` of a ledger's amount (an empty ``other_duties`` is 0).

    The reader sees only the rows the fast path does not take as they are, so it keeps to the one
    parser every amount goes through (ASCII digits only: ``Decimal`` alone would take ``1_000``
    and other scripts' digits, which ``--value`` refuses).
    """
    if not text:
        if column == "value":
            raise InputError(column, "missing")
        return _ZERO
    return parse_money(text, field=column)


def ledger_reasons(params: Parameters = DEFAULTS) -> tuple[Reason, ...]:
    """What a ledger's answers rest on, provision by provision, for the summary of a run."""
    table = "provisions/data/covered_goods.csv"
    return (
        Reason(
            "s3_2",
            "A row is out-of-scope when its subheading is on a line the table of covered goods "
            f"({table}) holds as outside the bill, or is no critical mineral on its entry date "
            f"({params.describe('mineral_list_reading')}); a subheading on no line of the table is "
            "out-of-scope as a limit of the data, not of the bill.",
            {},
        ),
        Reason(
            "s4_g_1",
            "alliance-duty-free: a member's covered good, entered on or after the day its agreement "
            "entered into force, enters free of duty; section 301 and 232 duties applied from that day "
            "do not apply to it (sec. 4(g)(2)), antidumping and countervailing duties still do "
            "(sec. 4(g)(3)).",
            {},
        ),
        Reason(
            "s5_a",
            "concern-rate: a covered good sourced from a foreign country of concern, or made by a "
            "foreign entity of concern (sec. 5(b)), entered on or after the first agreement's entry into "
            "force, pays the section 301 rate on such a good of China on January 1, 2026; the duty is "
            "value x rate, to the nearest cent, halves up. A member's good made by a foreign entity of "
            f"concern: {params.describe('member_good_sourced_from_concern')}.",
            {},
        ),
        Reason(
            "s6_b_1",
            "The Trust Fund receives amounts equal to the duties on mined and processed critical "
            "minerals (the duty set here plus the ledger's other_duties), counted in the federal fiscal "
            "quarter in which they are collected (the fiscal year begins October 1; "
            f"{params.describe('fund_collection_basis')}); duties on select derivative products do not count.",
            {},
        ),
        Reason(
            "s6_c",
            "Each quarter's transfer goes 60 percent to the Department of Energy's Loan Programs Office, "
            "20 percent to the Department of Defense and 20 percent to the Development Finance "
            "Corporation, in whole cents that add up to the transfer "
            f"({params.describe('allocation_rounding')}).",
            {},
        ),
    )
