"""``check duty --ledger FILE.csv``: an import ledger streamed through the duty rules.

Rows are read one at a time and never kept: each row's result goes to a spool file
(in memory while small, on disk past 1 MB) and its amounts into running totals, so a
ledger of any length runs in flat memory.  Only when the last row has passed does the
spool go to standard output, followed by the totals and the Trust Fund transfers; on
bad input nothing reaches standard output.  A progress bar is drawn on standard error
when it is a terminal (through the ``Writer`` the command line supplies).
"""

from __future__ import annotations

import codecs
import csv
import json
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, Any

from provisions.inputs import Alliance, InputError
from provisions.kit import Writer, to_jsonable
from provisions.ledger import LedgerTotals, ledger_reasons
from provisions.ledger_fast import FastLedger
from provisions.parameters import Parameters

__all__ = ["run_ledger"]

_SPOOL_IN_MEMORY = 1 << 20
_ROWS_PLACEHOLDER = "\x00rows\x00"


def run_ledger(
    source: IO[str],
    name: str,
    size: int | None,
    alliance: Alliance,
    params: Parameters,
    *,
    writer: Writer,
    as_json: bool,
    summary_only: bool,
) -> None:
    """Treat every row of the ledger read from ``source`` (called ``name``) and print the results.

    Raises:
        InputError: a missing column, or a bad field (naming the row, the line and the column).
    """
    with tempfile.SpooledTemporaryFile(_SPOOL_IN_MEMORY, mode="w+b") as spool:  # bytes: copied out as they are
        try:
            advance = writer.progress("Reading the ledger", size)
            ledger, has_id = _process(source, _position(source, size, advance), alliance, params, spool,
                                      as_json=as_json, summary_only=summary_only)
            totals = ledger.totals()
        except InputError as error:
            raise error.located(where=name) from None
        except csv.Error as error:
            raise InputError("", f"not a readable CSV file: {error}", where=name) from None
        except UnicodeDecodeError:
            raise InputError("", "not UTF-8 text", where=name) from None
        spool.seek(0)
        if as_json:
            _emit_json(name, spool, totals, params, writer, summary_only=summary_only)
        else:
            _emit_text(name, spool, totals, params, writer, summary_only=summary_only, has_id=has_id)


def _process(
    source: Iterable[str],
    progress: Callable[[], None],
    alliance: Alliance,
    params: Parameters,
    spool: IO[bytes],
    *,
    as_json: bool,
    summary_only: bool,
) -> tuple[FastLedger, bool]:
    reader = csv.reader(source)  # straight from the file: no Python step per line
    header = next(reader, None)
    if header is None:
        raise InputError("", "the ledger is empty: no header row")
    ledger = FastLedger(header, alliance, params=params)
    first = as_json  # the first JSON row has no separator before it
    try:
        for chunk in ledger.lines(reader, as_json=as_json, keep=not summary_only):
            data = chunk.encode("utf-8")
            if first:
                data, first = data[1:], False  # the comma of ",\n"
            spool.write(data)
            progress()
    except InputError as error:
        raise error.located(line=reader.line_num) from None
    progress()
    return ledger, ledger.has_id


def _position(source: IO[str], size: int | None, advance: Callable[[int], None]) -> Callable[[], None]:
    """A callback telling ``advance`` how many bytes of ``source`` have been read (for a progress bar)."""
    raw = getattr(source, "buffer", None)
    if size is None or raw is None or not raw.seekable():  # a pipe has no position to show
        return lambda: None
    return lambda: advance(raw.tell())


def _trust_fund(totals: LedgerTotals, params: Parameters) -> list[dict[str, Any]]:
    quarters = []
    for answer in totals.quarters(params=params):
        value = answer.value
        quarters.append(
            {
                "quarter": value.quarter,
                "transfer": value.transfer,
                "allocations": dict(value.allocations),
                "not_transferred": value.not_transferred,
            }
        )
    return quarters


def _emit_json(
    path: str, spool: IO[bytes], totals: LedgerTotals, params: Parameters, writer: Writer, *, summary_only: bool
) -> None:
    value: dict[str, Any] = {"ledger": path, "row_count": totals.rows}
    if not summary_only:
        value["rows"] = _ROWS_PLACEHOLDER
    value["totals"] = totals.summary()
    value["trust_fund"] = _trust_fund(totals, params)
    value["fund_base"] = _fund_base(totals, writer)
    document = {
        "value": to_jsonable(value),
        "reasons": writer.reasons_json(ledger_reasons(params)),
        "rule": "provisions.ledger.DutyCalculator (provisions.s5.duty_treatment, row by row)",
        "parameters": {name: to_jsonable(getattr(params, name)) for name in params.non_default()},
    }
    text = json.dumps(document, indent=2, ensure_ascii=False)
    out = sys.stdout
    if summary_only:
        out.write(text + "\n")
        return
    head, tail = text.split(json.dumps(_ROWS_PLACEHOLDER), 1)
    out.write(head + "[")
    _copy(spool, out)
    out.write("\n    ]" + tail + "\n")


def _emit_text(
    path: str,
    spool: IO[bytes],
    totals: LedgerTotals,
    params: Parameters,
    writer: Writer,
    *,
    summary_only: bool,
    has_id: bool,
) -> None:
    out = sys.stdout
    out.write(f"Import ledger {path}: {totals.rows:,} rows\n\n")
    if not summary_only:
        ref = "  id" if has_id else ""
        out.write(
            f"{'row':>9}  {'hts':<13} {'origin':<6}  {'entry date':<10}  {'treatment':<19} {'rate':>6} "
            f"{'duty':>15}{ref}\n"
        )
        _copy(spool, out)
        out.write("\n")
    out.write("Totals by treatment (duty: the layer this bill sets, as on each row; known total duty: every layer):\n")
    out.write(
        f"  {'treatment':<19} {'rows':>11} {'customs value':>20} {'duty':>18} {'known total duty':>18} "
        f"{'rows without one':>16}\n"
    )
    for name, tally in totals.summary().items():
        without = tally["rows_without_total"]
        known = "-" if tally["rows"] and without == tally["rows"] else _money(tally["known_total_duty"])
        out.write(
            f"  {name:<19} {tally['rows']:>11,} {_money(tally['value']):>20} {_money(tally['duty']):>18} "
            f"{known:>18} {without:>16,}\n"
        )
    out.write(_paragraph(
        f"Duty is the {writer.cite('s5_a')} duty, or 0 under {writer.cite('s4_g_1')}. Known total duty adds each "
        "row's total duty -- every layer of the duty answer: the ordinary rate (the committed column 1 general "
        "or column 2 rate; no free trade agreement or preference rate a good may claim is applied), section 301 "
        f"or the {writer.cite('s5_a')} rate, section 232, antidumping and countervailing -- over the rows whose "
        "total is known: it is the treatment's whole total duty only where no row is without one "
        f"({_total_readings(params)})."
    ))
    out.write(
        "\nTrust Fund transfers by federal fiscal quarter of entry (the fiscal year begins October 1):\n"
    )
    out.write(
        f"  {'quarter':<10} {'transfer':>18} {'DOE LPO (60%)':>18} {'DOD (20%)':>16} {'DFC (20%)':>16}"
        f" {'not transferred':>18}\n"
    )
    grand = [Decimal("0.00")] * 5
    for quarter in _trust_fund(totals, params):
        amounts = [quarter["transfer"], *quarter["allocations"].values(), quarter["not_transferred"]]
        grand = [a + b for a, b in zip(grand, amounts, strict=True)]
        out.write(
            f"  {quarter['quarter']:<10} "
            + " ".join(_money(a).rjust(w) for a, w in zip(amounts, (18, 18, 16, 16, 18), strict=True))
            + "\n"
        )
    out.write(
        f"  {'total':<10} "
        + " ".join(_money(a).rjust(w) for a, w in zip(grand, (18, 18, 16, 16, 18), strict=True))
        + "\n"
    )
    base = _fund_base(totals, writer)
    out.write(_paragraph(
        f"Each quarter's transfer is the sum, over its rows, of {base['includes']}. It leaves out "
        f"{base['leaves_out']}; "
        f"{base['mineral_rows_without_other_duties']:,} of the {base['mineral_rows']:,} rows of mined and processed "
        "critical minerals have other_duties empty or 0."
    ))
    out.write("\nWhy:\n" + writer.reasons_text(ledger_reasons(params)) + "\n")


def _fund_base(totals: LedgerTotals, writer: Writer) -> dict[str, Any]:
    """What the Trust Fund transfers are computed on, and what they leave out, said once for the ledger."""
    bare, rows = totals.fund_rows_without_other_duties, totals.fund_rows
    return {
        "includes": (
            "the duty this bill sets on each row of a mined or processed critical mineral (the "
            f"{writer.cite('s5_a')} duty, or 0 under {writer.cite('s4_g_1')}) plus that row's other_duties"
        ),
        "leaves_out": (
            "any ordinary, section 301, section 232, antidumping or countervailing duty on those rows that "
            "their other_duties do not include (it is not taken from the total duty, which other_duties may "
            "already hold), and the duties on select derivative products and goods outside the bill (not "
            "transferred)"
        ),
        "mineral_rows": rows,
        "mineral_rows_without_other_duties": bare,
    }


def _total_readings(params: Parameters) -> str:
    """The readings a ledger's totals rest on that a row cannot supply (it has no column for them)."""
    return "; ".join(params.describe(name) for name in ("section232_not_held", "adcvd_not_given"))


def _paragraph(text: str) -> str:
    """A note under a table: a blank line, then ``text`` wrapped and indented."""
    return "\n" + textwrap.fill(text, width=100, initial_indent="  ", subsequent_indent="  ") + "\n"


def _copy(spool: IO[bytes], out: IO[str]) -> None:
    """The spooled rows to ``out``: as bytes to its buffer when it has one, else decoded in chunks."""
    out.flush()
    raw = getattr(out, "buffer", None)
    if raw is not None:
        shutil.copyfileobj(spool, raw)
        raw.flush()
        return
    decoder = codecs.getincrementaldecoder("utf-8")()  # a character may straddle two chunks
    while chunk := spool.read(1 << 20):
        out.write(decoder.decode(chunk))
    out.write(decoder.decode(b"", final=True))


def _money(amount: Any) -> str:
    return f"{Decimal(amount):,.2f}"
