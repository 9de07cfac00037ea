"""The ledger's fast path: rows in, output lines and running totals out, near the cost of reading them.

The rules are asked once per distinct question -- subheading, the origin's standing, producer
flag and era (``_resolve``) -- and what is left per row is one loop (``lines``): reading its
fields, two dictionary look-ups, integer arithmetic and its output line.  Amounts are whole
cents in ``int``, so they are exact at any size the input allows (up to 10^15 dollars a row,
``MAX_MONEY``); a duty is ``value x rate / 100`` rounded to the cent, halves up, done as
``(cents x rate_scaled + 500,000) // 1,000,000`` with the rate scaled by 10^4 (no rate in
the data has more than four decimal places; a rate that does is refused when built).

Anything out of the ordinary in a row -- a malformed number, a date, a country -- goes to
the validating reader (``LedgerReader``), which raises the one message naming the row and
field; the fast path never decides what is valid on its own.  A test compares its answers
with the rules', row for row, on a sample (tests/rules/test_ledger.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from provisions.datasets import CoveredLine, MineralList, iso_countries, mineral_lists
from provisions.inputs import MAX_MONEY, Alliance, Hts, Import, InputError, Sourcing, parse_bool
from provisions.kit.determination import Determination
from provisions.kit.periods import FiscalQuarter
from provisions.ledger import (
    BASIS_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    SOURCING_COLUMNS,
    LedgerReader,
    LedgerTotals,
    read_sourcing,
    total_changes,
    total_origins,
)
from provisions.parameters import DEFAULTS, Parameters
from provisions.s3 import LIST_DATE, Good, classify_good, is_foreign_country_of_concern
from provisions.s5 import TREATMENTS, Treatment, duty_treatment, layers_total

__all__ = ["FastLedger", "cents_text"]

_RATE_SCALE = 10_000  # rates in percent, scaled to integers
_HALF = 500_000  # half of 100 x _RATE_SCALE
_WHOLE = 1_000_000
_MAX_CENTS = int(MAX_MONEY) * 100
_CACHE_LIMIT = 100_000
_BATCH = 4096  # output lines joined per chunk


def cents_text(cents: int) -> str:
    """``123456`` -> ``"1234.56"``."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


@dataclass(frozen=True, slots=True)
class _Answer:
    """One distinct question's answer, with the pieces of its output lines made once."""

    treatment: Treatment
    rate_scaled: int | None
    rate: Decimal | None
    waived: tuple[str, ...]  # the duties that no longer apply to a member's good (sec. 4(g)(2))
    mineral: bool
    fund_slot: int  # 0: the duties feed the Trust Fund (a mined or processed critical mineral); 1: they do not
    text_tail: str  # "  treatment rate " for the text line
    json_tail: str  # '"treatment": ..., "rate": ...'
    # its tally and total rate for an origin's own facts and a member's date (``FastLedger._total``)
    totals: dict[tuple[str, dt.date | None], tuple[list[int], int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Day:
    """A date as the ledger writes it, read once: its period, its quarter's sums and its output text."""

    date: dt.date
    period: int  # between two days on which some answer can change (for some origin)
    era: int  # between two days on which an answer can change for every origin alike
    sums: list[int]  # the quarter's Trust Fund duties and other duties, in cents
    text: str  # "2027-03-01"
    json_date: str  # '"entry_date": "2027-03-01", '
    json_quarter: str  # ', "quarter": "FY2027 Q2"}'


@dataclass(frozen=True, slots=True)
class _Known:
    """The answer for a combination of subheading, origin and producer flag as written, in a period."""

    answer: _Answer
    tally: list[int]  # the running sums of its treatment, total known or not, mineral or not (``_tallies``)
    total_scaled: int  # every layer of the duty answer (its total_rate), scaled as the rate; 0 if not known
    text_lead: str  # "8505.11.00    CN      " padded for the text line
    json_lead: str  # '"hts": "8505.11.00", "origin": "CN", '


class FastLedger:
    """Treats the rows of one ledger, keeping its totals in whole cents.

    Raises (from the constructor):
        InputError: a required column is missing from the header.
    """

    def __init__(
        self,
        header: Sequence[str],
        alliance: Alliance,
        *,
        params: Parameters = DEFAULTS,
        table: Mapping[str, CoveredLine] | None = None,
        lists: Sequence[MineralList] | None = None,
    ) -> None:
        self.params = params
        self._reader = LedgerReader(header, params=params)  # checks the header; validates odd rows
        names = [name.strip().lower() for name in header]
        self._index = {
            name: names.index(name) for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if name in names
        }
        self._i_hts, self._i_origin = self._index["hts"], self._index["origin"]
        self._i_date, self._i_value = self._index["entry_date"], self._index["value"]
        self._i_feoc = self._index.get("producer_feoc", -1)
        self._i_other = self._index.get("other_duties", -1)
        self._i_id = self._index.get("id", -1)
        self.has_id = "id" in self._index
        self._sourced = any(column in self._index for column in SOURCING_COLUMNS)
        self._basis = BASIS_COLUMNS.get(params.fund_collection_basis)
        known = lists if lists is not None else mineral_lists()
        self._changes = sorted(
            {
                LIST_DATE,
                *(m.entry_into_force for m in alliance.members),
                *(entry.published for entry in known),
                *(since for _, since in params.state_designated_countries_of_concern),
                *total_changes(),
            }
        )
        # The answer for a good of one origin depends on the Alliance only through that origin's own
        # agreement (sec. 4(g)(1): its standing, below) and the first agreement's entry into force
        # (sec. 5(a)); the other members' dates split the periods of the rows, not the questions.
        first = alliance.first_entry_into_force
        self._eras = sorted(
            {
                LIST_DATE,
                *((first,) if first is not None else ()),
                *(entry.published for entry in known),
                *(since for _, since in params.state_designated_countries_of_concern),
                *total_changes(),
            }
        )
        # The total also reads a few origins' own facts (China's section 301 rate, column 2, a section 232
        # row for one origin) and, for sec. 4(g)(2) read as imposed-on-or-after, a member's own date: it is
        # added to an answer once per such combination (``_total``), not asked of the rules with it.
        self._total_origins = total_origins()
        self._member_dates = params.duties_applied_on_or_after == "imposed-on-or-after"
        self._layers_totals: dict[tuple[object, ...], Decimal | None] = {}
        self._iso = iso_countries()
        self._dates: dict[str, _Day] = {}
        self._answers: dict[tuple[object, ...], _Answer] = {}
        self._known: dict[tuple[str, str, str, int], _Known] = {}
        self._classified: dict[tuple[Hts, int], Determination[Good]] = {}
        self._quarters: dict[FiscalQuarter, list[int]] = {}  # fund, other (cents)
        self._seen: set[FiscalQuarter] = set()  # the quarters the duties of some row fall in
        self._table, self._lists = table, lists
        self._standing: dict[tuple[str, int], tuple[bool, bool]] = {}
        self._alliance = alliance
        # By treatment, whether the rows' total is known, and whether their duties feed the Trust Fund: rows,
        # value, duty, total duty (cents) and rows with other_duties empty or 0 -- kept apart so that a row
        # adds to one list and never tests which (the totals add them up).
        self._tallies: dict[tuple[str, bool, bool], list[int]] = {
            (name, known, mineral): [0, 0, 0, 0, 0]
            for name in TREATMENTS for known in (True, False) for mineral in (True, False)
        }

    def row(self, values: Sequence[str], number: int, *, as_json: bool) -> str:
        """Treat one row (``number`` counts data rows from 1) and return its output line.

        Raises:
            InputError: a bad field, naming the row and field.
        """
        return "".join(self.lines([values], as_json=as_json, first=number))

    def lines(
        self, rows: Iterable[Sequence[str]], *, as_json: bool, keep: bool = True, first: int = 1
    ) -> Iterator[str]:
        """Treat ``rows`` in order (numbered from ``first``; empty rows are skipped, not counted),
        yielding their output lines joined in batches of ``_BATCH`` rows (empty if not ``keep``:
        a batch still marks progress).

        A JSON line begins with its separator (``",\n"``): the caller drops the first row's comma.
        This loop is the cost of a ledger, so it keeps to local names and does only what the
        usual row needs; anything else goes to the validating reader through ``_slow_row``.

        Raises:
            InputError: a bad field, naming the row and field.
        """
        reader = self._reader
        fields, width = reader.fields, reader.width
        i_hts, i_origin, i_date, i_value = self._i_hts, self._i_origin, self._i_date, self._i_value
        i_feoc, i_other, i_id = self._i_feoc, self._i_other, self._i_id
        dates, known = self._dates, self._known
        sourced, basis = self._sourced, self._basis is not None
        under_a_dollar = _UNDER_A_DOLLAR
        batch: list[str] = []
        keep_line = batch.append
        number = first - 1
        flush_at = number + _BATCH
        try:
            for values in rows:
                if not values:
                    continue
                number += 1
                count = len(values)
                if count != fields and (count > fields or count < width):
                    reader.read(values, number)  # raises, naming the row: a surplus field is never dropped
                hts_text = values[i_hts]
                origin_text = values[i_origin]
                date_text = values[i_date]
                value_text = values[i_value]
                feoc_text = values[i_feoc] if i_feoc >= 0 else ""
                other_text = values[i_other] if i_other >= 0 else ""
                day = dates.get(date_text)
                # dollars and cents in ASCII digits, under 10^15 dollars: the usual case
                if (
                    3 < len(value_text) < 19
                    and value_text[-3] == "."
                    and (digits := value_text.replace(".", "", 1)).isdigit()
                    and digits.isascii()
                ):
                    value: int | None = int(digits)
                else:
                    value = _cents(value_text)
                if not other_text:
                    other: int | None = 0
                elif (
                    3 < len(other_text) < 19
                    and other_text[-3] == "."
                    and (digits := other_text.replace(".", "", 1)).isdigit()
                    and digits.isascii()
                ):
                    other = int(digits)
                else:
                    other = _cents(other_text)
                if day is None or value is None or other is None:
                    day, value, other = self._slow_row(values, number)
                found = known.get((hts_text, origin_text, feoc_text, day.period))
                if found is None:
                    found = self._resolve(values, number, hts_text, origin_text, feoc_text, day)
                answer, tally, total = found.answer, found.tally, found.total_scaled
                if sourced:
                    answer, tally, total = self._sourced_answer(values, number, day, found)
                sums = self._collected(values, number, day.date).sums if basis else day.sums
                rate = answer.rate_scaled
                tally[0] += 1
                tally[1] += value
                tally[3] += (value * total + _HALF) // _WHOLE
                if not other:
                    tally[4] += 1
                if rate is None:
                    sums[answer.fund_slot] += other
                    duty_text = "-"
                else:
                    duty = (value * rate + _HALF) // _WHOLE
                    tally[2] += duty
                    sums[answer.fund_slot] += duty + other
                    if duty >= 100:
                        digits = str(duty)
                        duty_text = f"{digits[:-2]}.{digits[-2:]}"
                    else:
                        duty_text = under_a_dollar[duty]
                if not keep:
                    pass
                elif as_json:
                    ref = ""
                    if i_id >= 0:  # a JSON string as json.dumps(ensure_ascii=False) writes it
                        ident = values[i_id]
                        plain = ident.isprintable() and '"' not in ident and "\\" not in ident
                        ref = f', "id": "{ident}"' if plain else f', "id": {json.dumps(ident, ensure_ascii=False)}'
                    duty_json = "null" if rate is None else f'"{duty_text}"'
                    keep_line(
                        f',\n      {{"row": {number}{ref}, {found.json_lead}{day.json_date}'
                        f'{answer.json_tail}"duty": {duty_json}{day.json_quarter}'
                    )
                else:
                    ref = ""
                    if i_id >= 0:  # a tab, a newline or a terminal's escape sequence must not reach it raw
                        ident = values[i_id]
                        ref = f"  {ident}" if ident.isprintable() else f"  {json.dumps(ident)}"
                    keep_line(
                        f"{str(number).rjust(9)}  {found.text_lead}{day.text}{answer.text_tail}"
                        f"{duty_text.rjust(15)}{ref}\n"
                    )
                if number >= flush_at:  # a chunk at a time: the caller writes it and shows progress
                    flush_at = number + _BATCH
                    yield "".join(batch)
                    batch.clear()
        except InputError as error:
            raise error.located(row=number) from None
        if batch:
            yield "".join(batch)

    @property
    def rows(self) -> int:
        """How many rows have been treated."""
        return sum(tally[0] for tally in self._tallies.values())

    def totals(self) -> LedgerTotals:
        """The running totals, in the form the summary and the Trust Fund rules take (Decimal dollars)."""
        totals = LedgerTotals()
        for (name, known, mineral), (rows, value, duty, total, bare) in self._tallies.items():
            tally = totals.by_treatment[name]
            tally.rows += rows
            tally.value += _dollars(value)
            tally.duty += _dollars(duty)
            tally.total_duty += _dollars(total)
            tally.without_total += 0 if known else rows
            if mineral:
                totals.fund_rows += rows
                totals.fund_rows_without_other_duties += bare
        totals.fund_duties = {q: _dollars(fund) for q, (fund, _) in self._quarters.items() if self._used(q)}
        totals.other_duties = {q: _dollars(other) for q, (_, other) in self._quarters.items() if self._used(q)}
        return totals

    def _used(self, quarter: FiscalQuarter) -> bool:
        return quarter in self._seen

    def _day(self, day: dt.date) -> _Day:
        quarter = FiscalQuarter.of(day)
        sums = self._quarters.get(quarter)
        if sums is None:
            sums = self._quarters[quarter] = [0, 0]
        iso = day.isoformat()
        return _Day(
            day,
            bisect.bisect_right(self._changes, day),
            bisect.bisect_right(self._eras, day),
            sums,
            iso,
            f'"entry_date": "{iso}", ',
            f', "quarter": "{quarter}"}}',
        )

    def _slow_row(self, values: Sequence[str], number: int) -> tuple[_Day, int, int]:
        """The validating reader's view of a row whose date or amounts the fast path did not recognise."""
        entry = self._reader.read(values, number)  # raises InputError, naming row and field
        imp = entry.imp
        day = self._dates.get(values[self._i_date])
        if day is None:
            day = self._day(imp.entry_date)
            if len(self._dates) < _CACHE_LIMIT:
                self._dates[values[self._i_date]] = day
        if self._basis is None:
            self._seen.add(entry.quarter)
        return day, _to_cents(imp.value or Decimal(0)), _to_cents(entry.other_duties)

    def _resolve(
        self,
        values: Sequence[str],
        number: int,
        hts_text: str,
        origin_text: str,
        feoc_text: str,
        day: _Day,
    ) -> _Known:
        """The answer for a combination of subheading, origin and producer flag in a period."""
        try:  # the three fields the combination is made of; the rest of the row is checked elsewhere
            hts = self._reader.hts(hts_text)
            origin = self._reader.country(origin_text)
            feoc = parse_bool(feoc_text, field="producer_feoc")
        except InputError as error:
            raise error.located(row=number) from None
        period = day.period
        standing = self._standing.get((origin, period)) or self._stand(origin, day.date, period)
        key = (hts, standing, feoc, day.era, _NO_SOURCING)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._ask(hts, origin, period, feoc, _NO_SOURCING)
            if len(self._answers) < _CACHE_LIMIT:
                self._answers[key] = answer
        tally, total = self._total(hts, origin, standing, period, answer)
        found = _Known(answer, tally, total, f"{hts!s:<13} {origin:<6}  ", f'"hts": "{hts}", "origin": "{origin}", ')
        if len(self._known) < _CACHE_LIMIT:
            self._known[(hts_text, origin_text, feoc_text, period)] = found
        return found

    def _sourced_answer(
        self, values: Sequence[str], number: int, day: _Day, plain: _Known
    ) -> tuple[_Answer, list[int], int]:
        """The answer, its tally and total for a row with sourcing columns (which may make the good sourced
        from a concern)."""
        sourcing = read_sourcing(values, self._index)
        if sourcing == _NO_SOURCING:
            return plain.answer, plain.tally, plain.total_scaled
        imp = self._reader.read(values, number).imp
        period = day.period
        standing = self._standing.get((imp.origin, period)) or self._stand(imp.origin, day.date, period)
        key = (imp.hts, standing, imp.producer_feoc, day.era, sourcing)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._ask(imp.hts, imp.origin, period, imp.producer_feoc, sourcing)
            if len(self._answers) < _CACHE_LIMIT:
                self._answers[key] = answer
        return (answer, *self._total(imp.hts, imp.origin, standing, period, answer))

    def _collected(self, values: Sequence[str], number: int, entry_date: dt.date) -> _Day:
        """The day the row's duties count as collected (its basis column), with its quarter's sums."""
        text = values[self._index[self._basis or "entry_date"]]
        known = self._dates.get(text)
        if known is None or known.date < entry_date:
            entry = self._reader.read(values, number)  # validates, or raises naming the row
            self._seen.add(entry.quarter)
            known = self._day(dt.date.fromisoformat(text.strip()))
            if len(self._dates) < _CACHE_LIMIT:
                self._dates[text] = known
        return known

    def _stand(self, origin: str, day: dt.date, period: int) -> tuple[bool, bool]:
        """What the answer needs to know of an origin in a period: a member in force, a country of concern.

        Within a period neither can change (entries into force and designations bound the
        periods), so two origins that stand alike get the same answer from the rules.
        """
        member = self._alliance.member(origin)
        in_force = member is not None and member.entry_into_force <= day
        concern = is_foreign_country_of_concern(origin, day, params=self.params).value
        standing = (in_force, concern)
        if len(self._standing) < _CACHE_LIMIT:
            self._standing[(origin, period)] = standing
        return standing

    def _total(
        self, hts: Hts, origin: str, standing: tuple[bool, bool], period: int, answer: _Answer
    ) -> tuple[list[int], int]:
        """The tally of the answer for a good of ``origin`` in ``period`` and its total rate, scaled (0 if not
        known): ``s5.layers_total`` of it.

        An answer is one subheading's in one era, and the total can change only where the answer or an
        era does (``total_changes``), so two origins get the same total for the same answer unless one has
        facts of its own the total reads (``total_origins``), or, as members, their own dates
        (``duties_applied_on_or_after``): the answer keeps its totals by those.
        """
        member = self._alliance.member(origin) if standing[0] else None
        since = member.entry_into_force if member is not None and answer.treatment == "alliance-duty-free" else None
        key = (origin if origin in self._total_origins else "", since if self._member_dates else None)
        known = answer.totals.get(key)
        if known is not None:
            return known
        day = self._first_day(period)
        # answers that differ only in what the total does not read (a producer flag, a standing) share it
        shared = (hts, bisect.bisect_right(self._eras, day), answer.treatment, answer.rate, answer.waived, *key)
        if shared in self._layers_totals:
            total = self._layers_totals[shared]
        else:
            total = layers_total(
                Import(hts, origin, day, False, None), self._classify(hts, period).value, answer.treatment,
                answer.rate, answer.waived, params=self.params, member_since=since,
            )
            if len(self._layers_totals) < _CACHE_LIMIT:
                self._layers_totals[shared] = total
        found = answer.totals[key] = self._tallies[(answer.treatment, total is not None, answer.mineral)], (
            _scaled(total) or 0)
        return found

    def _first_day(self, period: int) -> dt.date:
        """A day of ``period`` (every day of a period gets the same answer)."""
        return self._changes[period - 1] if period > 0 else self._changes[0] - dt.timedelta(days=1)

    def _classify(self, hts: Hts, period: int) -> Determination[Good]:
        classified = self._classified.get((hts, period))
        if classified is None:
            classified = classify_good(hts, self._first_day(period), params=self.params, table=self._table,
                                       lists=self._lists)
            self._classified[(hts, period)] = classified
        return classified

    def _ask(self, hts: Hts, origin: str, period: int, feoc: bool, sourcing: Sourcing) -> _Answer:
        """Ask the rules, on the period's first day (every day of a period gets the same answer)."""
        day = self._first_day(period)
        classified = self._classify(hts, period)
        found = duty_treatment(
            Import(hts, origin, day, feoc, None, sourcing),
            self._alliance,
            params=self.params,
            table=self._table,
            lists=self._lists,
            classified=classified,
        ).value
        rate = found.rate
        scaled = _scaled(rate)
        rate_text = "-" if rate is None else f"{rate}%"
        rate_json = "null" if rate is None else f'"{rate}"'
        return _Answer(
            found.treatment,
            scaled,
            rate,
            found.no_longer_apply,
            found.good in ("mined", "processed"),
            0 if found.good in ("mined", "processed") else 1,
            f"  {found.treatment:<19} {rate_text:>6} ",
            f'"treatment": "{found.treatment}", "rate": {rate_json}, ',
        )


_UNDER_A_DOLLAR = tuple(f"0.{cents:02d}" for cents in range(100))
_FLAGS = {"": False, "false": False, "true": True, "no": False, "yes": True, "0": False, "1": True}
_NO_SOURCING = Sourcing()


def _scaled(rate: Decimal | None) -> int | None:
    """A rate in percent scaled to an integer (``_RATE_SCALE``), or None for None.

    Raises:
        InputError: a rate with more than four decimal places.
    """
    if rate is None:
        return None
    exact = rate * _RATE_SCALE
    if exact != exact.to_integral_value():
        raise InputError("rate", f"a rate of {rate}% has more than four decimal places")
    return int(exact)


def _cents(text: str) -> int | None:
    """Whole cents of a plain amount (``1234``, ``1234.5``, ``1234.56``), or None for anything else."""
    if not text.isascii():
        return None
    dot = text.find(".")
    if dot < 0:
        if not text.isdigit():
            return None
        cents = int(text) * 100
    else:
        whole, part = text[:dot], text[dot + 1 :]
        if not whole.isdigit() or len(part) > 2 or (part and not part.isdigit()):
            return None
        cents = int(whole) * 100 + (int(part) * (10 if len(part) == 1 else 1) if part else 0)
    return cents if cents <= _MAX_CENTS else None


def _to_cents(amount: Decimal) -> int:
    return int(amount * 100)


def _dollars(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)
