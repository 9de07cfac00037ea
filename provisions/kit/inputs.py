"""Validated inputs for any bill's rules, and the one error every bad input raises.

Past this module, dates are ``datetime.date`` between ``EARLIEST`` (1900-01-01) and
``LATEST`` (2199-12-31), and money is ``Decimal`` in dollars with at most two decimal
places and at most ``MAX_MONEY`` (10^15 dollars) in
magnitude: the range leaves every computation of the rules (anniversaries a century on,
sums of a ledger's rows) inside what ``date`` and ``Decimal`` hold exactly.  TOML files
are read by ``read_toml``: UTF-8, at most ``MAX_FILE_BYTES``, nesting bounded.

``InputError`` names the field (and, for a file of rows,
the row) it is about; its message is one line, e.g. ``--value: negative amount '-5'`` or
``ledger.csv: row 3 (line 4), field 'value': negative amount '-5'``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from grammar.errors import BilltraceError

__all__ = ["EARLIEST", "LATEST", "MAX_FILE_BYTES", "MAX_MONEY", "InputError", "check_date", "parse_bool",
           "parse_date", "parse_money", "parse_rate", "read_bounded", "read_csv_rows", "read_toml"]

_CENT = Decimal("0.01")
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
MAX_MONEY = Decimal(10) ** 15
"""The largest amount of money the parsers take (10^15 dollars): sums of millions of such amounts
stay exact in cents under the default decimal context of 28 digits."""
MAX_FILE_BYTES = 16 * 1024 * 1024
_PLAIN_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.([0-9]+))?")  # ASCII digits; no separators, no exponent
_PLAIN_RATE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class InputError(BilltraceError, ValueError):
    """Bad input: ``field`` is the option, key or column ("" for the file as a whole);
    ``row`` the ledger row, if any.

    ``where`` optionally names the file.  ``str()`` gives one line, e.g.
    ``ledger.csv: row 3 (line 4), field 'origin': unknown country code 'XX'``.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        row: int | None = None,
        line: int | None = None,
        where: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.row = row
        self.line = line
        self.where = where

    def located(
        self, *, row: int | None = None, line: int | None = None, where: str | None = None
    ) -> InputError:
        """A copy of this error naming the row, line and file it was found in."""
        return InputError(
            self.field,
            self.message,
            row=row if row is not None else self.row,
            line=line if line is not None else self.line,
            where=where or self.where,
        )

    def __str__(self) -> str:
        parts: list[str] = []
        if self.row is not None:
            parts.append(f"row {self.row}" + (f" (line {self.line})" if self.line is not None else ""))
        if parts:
            if self.field:  # a row's fault as a whole names no field
                parts.append(f"field {self.field!r}")
            text = ", ".join(parts) + f": {self.message}"
        elif self.field:
            text = f"{self.field}: {self.message}"
        else:
            text = self.message
        return f"{self.where}: {text}" if self.where else text


def parse_date(text: str, *, field: str = "date") -> dt.date:
    """``YYYY-MM-DD`` -> ``date``, between ``EARLIEST`` and ``LATEST``.

    Raises:
        InputError: another layout, a day the calendar does not have (2027-02-29), or
            a date outside the range.
    """
    raw = text.strip()
    if len(raw) != 10 or raw[4] != "-" or raw[7] != "-" or not re.fullmatch(r"[0-9]{8}", raw.replace("-", "")):
        raise InputError(field, f"malformed date {text!r} (expected YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(field, f"impossible date {text!r}") from None
    return check_date(day, field=field)


def check_date(day: dt.date, *, field: str = "date") -> dt.date:
    """``day`` when it lies between ``EARLIEST`` and ``LATEST`` (for dates TOML gives as dates).

    Raises:
        InputError: outside that range.
    """
    if not EARLIEST <= day <= LATEST:
        raise InputError(field, f"{day.isoformat()} is outside the dates the rules take "
                                f"({EARLIEST.isoformat()} to {LATEST.isoformat()})")
    return day



def parse_money(text: str | Decimal, *, field: str = "value", signed: bool = False) -> Decimal:
    """Dollars as a plain decimal (``1000``, ``1000.5``, ``1000.01``) -> ``Decimal``.

    No thousands separators (``1,000`` is refused, so ``1,0,0`` is never read as 100), no
    exponents (``1e309``), no NaN or infinities; at most ``MAX_MONEY`` in magnitude.

    Raises:
        InputError: not a plain decimal, more than two decimal places, beyond the maximum,
            or negative (unless ``signed``).
    """
    if isinstance(text, Decimal):
        if not text.is_finite():
            raise InputError(field, f"not an amount of money: {text!r}")
        amount, fraction = text, ""
    else:
        raw = text.strip()
        match = _PLAIN_DECIMAL.fullmatch(raw)
        if match is None:
            raise InputError(field, f"not an amount of money: {text!r} (write a plain decimal such as 1000 "
                                    f"or 1000.50: no thousands separators, no exponent)")
        amount = Decimal(raw)
        fraction = (match.group(1) or "")[2:]
    if abs(amount) > MAX_MONEY:
        raise InputError(field, f"{text!s} is beyond the largest amount the rules take "
                                f"({MAX_MONEY:,.0f} dollars)")
    if fraction.strip("0") or amount != amount.quantize(_CENT):
        raise InputError(field, f"{text!r} has fractions of a cent")
    if amount < 0 and not signed:
        raise InputError(field, f"negative amount {text!r}")
    return amount.quantize(_CENT)


def parse_rate(text: str, *, field: str = "rate") -> Decimal:
    """A rate of duty in percent (``25``, ``7.5``) -> ``Decimal``.

    Raises:
        InputError: not a plain decimal (no exponent, NaN or sign), or longer than 32 characters.
    """
    raw = text.strip().removesuffix("%").strip()
    if not _PLAIN_RATE.fullmatch(raw) or len(raw) > 32 or Decimal(raw) > 10_000:
        raise InputError(field, f"not a rate in percent: {text!r}")
    try:
        return Decimal(raw)
    except InvalidOperation:  # invariant: a plain decimal is a Decimal
        raise InputError(field, f"not a rate in percent: {text!r}") from None



def parse_bool(text: str, *, field: str) -> bool:
    """``true/false``, ``yes/no``, ``1/0`` or empty (false) -> ``bool``."""
    value = text.strip().lower()
    if value in ("true", "yes", "y", "1"):
        return True
    if value in ("false", "no", "n", "0", ""):
        return False
    raise InputError(field, f"{text!r} is not true or false")


def read_bounded(path: str | Path, *, where: str) -> bytes:
    """The bytes of a file the user gave, at most ``MAX_FILE_BYTES`` of them.

    Raises:
        InputError: unreadable or too large, naming ``where``.
    """
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError("", f"cannot read the file: {error.strerror or error}", where=where) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError("", f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", where=where)
    return data


def read_csv_rows(path: str | Path, *, name: str | None = None) -> list[dict[str, str]]:
    """The rows of a CSV file (at most ``MAX_FILE_BYTES``), each keyed by its lower-cased header.

    Raises:
        InputError: unreadable, too large, not UTF-8, not CSV, or a row with more fields than
            the header names.
    """
    where = name or str(path)
    data = read_bounded(path, where=where)
    try:
        rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        found = []
        for row in rows:
            if None in row:  # DictReader keeps the surplus fields of a row as a list under None
                raise InputError("", f"line {rows.line_num} has more fields than the header names", where=where)
            found.append({(k or "").strip().lower(): (v or "") for k, v in row.items()})
        return found
    except (csv.Error, UnicodeDecodeError) as error:
        raise InputError("", f"not a readable CSV file: {error}", where=where) from None


def read_toml(path: str | Path, *, name: str | None = None) -> dict[str, Any]:
    """The TOML document at ``path``: UTF-8, at most ``MAX_FILE_BYTES``, nested at most as deep as
    Python's parser can go.

    Raises:
        InputError: unreadable, too large, not UTF-8, not TOML or nested too deeply; ``where``
            names the file (``name``, else the path).
    """
    where = name or str(path)
    data = read_bounded(path, where=where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("", f"not UTF-8 text (byte {error.start} is {data[error.start]:#04x})", where=where) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError("", f"not valid TOML: {error}", where=where) from None
    except RecursionError:
        raise InputError("", "not valid TOML: nested too deeply", where=where) from None
