"""Values bound to the words: each number, share, period and date a rule takes from the text,
declared once with the provision it is read from and the exact words it is read in.

A values file is TOML, one ``[[value]]`` table per value::

    [[value]]
    name = "DOE share"            # how reports name it
    provision = "s6_c_1"          # the provision whose own words hold it
    words = "60 percent"          # the words it is read from, exactly as the text has them
    value = 60                    # what the rules use (a number, a date, or a word)
    unit = "percent"              # percent | days | years | date | frequency
    doc = "The share of each transfer to the Loan Programs Office."

``check_values`` compares each value's words with the provision's words as they stand now
(whitespace and the bill's ``` `` '' ``` quotes made plain) and returns one ``Mismatch`` per value
whose words are gone, so a test or ``billtrace review`` can name the value and its provision.
Like OpenFisca's parameters, each value carries its reference; unlike them, the reference is
checked against the text on every run.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from provisions.kit.inputs import InputError

__all__ = ["BoundValue", "Mismatch", "ValueTable", "check_values", "load_values"]

Scalar = int | Decimal | dt.date | str


@dataclass(frozen=True, slots=True)
class BoundValue:
    """One value a rule takes from the text, and the words it is read from."""

    name: str
    provision: str
    words: str
    value: Scalar
    unit: str
    doc: str


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A value whose words its provision no longer holds (or a provision the text no longer has)."""

    value: BoundValue
    message: str


@dataclass(frozen=True, slots=True)
class ValueTable:
    """The values of a values file, looked up by name."""

    values: tuple[BoundValue, ...]

    def __getitem__(self, name: str) -> BoundValue:
        for entry in self.values:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def number(self, name: str) -> Decimal:
        """The value ``name`` as a number."""
        value = self[name].value
        if isinstance(value, (dt.date, str)):
            raise TypeError(f"{name} is not a number: {value!r}")
        return Decimal(value)

    def date(self, name: str) -> dt.date:
        """The value ``name`` as a date."""
        value = self[name].value
        if not isinstance(value, dt.date):
            raise TypeError(f"{name} is not a date: {value!r}")
        return value


_KEYS = ("name", "provision", "words", "value", "unit", "doc")


def load_values(text: str, *, where: str = "values") -> ValueTable:
    """The values declared in the TOML ``text``.

    Raises:
        InputError: not TOML, a value table missing a key, a repeated name, or a value that is
        not a number, a date or a word.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError("", f"not a TOML document: {error}", where=where) from None
    entries = document.get("value", [])
    if not isinstance(entries, list):
        raise InputError("value", "should be an array of tables ([[value]])", where=where)
    values: list[BoundValue] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        missing = [key for key in _KEYS if key not in entry]
        if missing:
            raise InputError(missing[0], "missing", row=number, where=where)
        raw = entry["value"]
        if isinstance(raw, (float, bool)) or not isinstance(raw, (int, str, dt.date)):
            raise InputError("value", f"{raw!r} is not an integer, a decimal string, a date or a word", row=number,
                             where=where)
        value: Scalar = Decimal(raw) if isinstance(raw, str) and re.fullmatch(r"\d+\.\d+", raw) else raw
        name = str(entry["name"])
        if name in seen:
            raise InputError("name", f"{name!r} is declared twice", row=number, where=where)
        seen.add(name)
        values.append(BoundValue(name, str(entry["provision"]), str(entry["words"]), value, str(entry["unit"]),
                                 str(entry["doc"])))
    return ValueTable(tuple(values))


def check_values(
    values: ValueTable | Sequence[BoundValue],
    words_by_id: Mapping[str, str],
    *,
    labels: Mapping[str, str] | None = None,
) -> tuple[Mismatch, ...]:
    """The values whose words are not (or no longer) in their provision's words.

    ``words_by_id`` maps a provision id to its words as they stand now (heading, own text and
    flush language); a provision missing from it is a mismatch too.  ``labels`` (id -> a
    citation such as ``sec. 6(c)(1)``) names the provision in the messages.
    """
    entries = values.values if isinstance(values, ValueTable) else tuple(values)
    found: list[Mismatch] = []
    for entry in entries:
        text = words_by_id.get(entry.provision)
        where = (labels or {}).get(entry.provision) or entry.provision
        if text is None:
            found.append(Mismatch(entry, f"{entry.name}: provision {where} is not in the text"))
        elif _plain(entry.words) not in _plain(text):
            found.append(
                Mismatch(entry, f"{entry.name}: the words of {where} ({entry.provision}) no longer contain "
                                f"{entry.words!r}, which the value {entry.value} is read from")
            )
    return tuple(found)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("``", '"').replace("''", '"')).strip().lower()
