"""Validated inputs for any bill's rules, and the one error every bad input raises.

Past this module, dates are ``datetime.date`` and money is ``Decimal`` in dollars with
at most two decimal places.  ``InputError`` names the field (and, for a file of rows,
the row) it is about; its message is one line, e.g. ``--value: negative amount '-5'`` or
``ledger.csv: row 3 (line 4), field 'value': negative amount '-5'``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from grammar.errors import BilltraceError

__all__ = ["InputError", "parse_bool", "parse_date", "parse_money", "parse_rate"]

_CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 15
"""The largest amount of money the parsers take (10^15 dollars): sums of millions of such amounts
stay exact in cents under the default decimal context of 28 digits."""


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
            parts.append(f"field {self.field!r}")
            text = ", ".join(parts) + f": {self.message}"
        elif self.field:
            text = f"{self.field}: {self.message}"
        else:
            text = self.message
        return f"{self.where}: {text}" if self.where else text


def parse_date(text: str, *, field: str = "date") -> dt.date:
    """``YYYY-MM-DD`` -> ``date``.

    Raises:
        InputError: another layout, or a day the calendar does not have (2027-02-29).
    """
    raw = text.strip()
    if len(raw) != 10 or raw[4] != "-" or raw[7] != "-" or not raw.replace("-", "").isdigit():
        raise InputError(field, f"malformed date {text!r} (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(field, f"impossible date {text!r}") from None



def parse_money(text: str | Decimal, *, field: str = "value", signed: bool = False) -> Decimal:
    """Dollars as text (``1000``, ``1000.5``, ``1000.01``) -> ``Decimal``.

    Raises:
        InputError: not a number, more than two decimal places, or negative (unless ``signed``).
    """
    try:
        amount = text if isinstance(text, Decimal) else Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        raise InputError(field, f"not an amount of money: {text!r}") from None
    if not amount.is_finite():
        raise InputError(field, f"not an amount of money: {text!r}")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise InputError(field, f"{text!r} has fractions of a cent")
    if amount < 0 and not signed:
        raise InputError(field, f"negative amount {text!r}")
    if abs(amount) > MAX_AMOUNT:
        raise InputError(field, f"{text!r} is beyond the supported range (at most 10^15 dollars)")
    return amount.quantize(_CENT)



def parse_rate(text: str, *, field: str = "rate") -> Decimal:
    """A rate of duty in percent (``25``, ``7.5``) -> ``Decimal``.

    Raises:
        InputError: not a number, or negative.
    """
    try:
        rate = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        raise InputError(field, f"not a rate in percent: {text!r}") from None
    if not rate.is_finite() or rate < 0 or rate > 10_000:
        raise InputError(field, f"not a rate in percent: {text!r}")
    return rate



def parse_bool(text: str, *, field: str) -> bool:
    """``true/false``, ``yes/no``, ``1/0`` or empty (false) -> ``bool``."""
    value = text.strip().lower()
    if value in ("true", "yes", "y", "1"):
        return True
    if value in ("false", "no", "n", "0", ""):
        return False
    raise InputError(field, f"{text!r} is not true or false")
