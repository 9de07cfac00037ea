"""The values S. 2839's rules take from the text, read once from provisions/data/values.toml.

>>> VALUES.number("DOE share")
Decimal('60')
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources

from provisions.kit.values import Mismatch, ValueTable, check_values, load_values

__all__ = ["VALUES", "VALUES_FILE", "value_mismatches"]

VALUES_FILE = "values.toml"
VALUES: ValueTable = load_values(
    resources.files("provisions").joinpath("data", VALUES_FILE).read_text(encoding="utf-8"),
    where=f"provisions/data/{VALUES_FILE}",
)


def value_mismatches(words_by_id: Mapping[str, str], labels: Mapping[str, str] | None = None) -> tuple[Mismatch, ...]:
    """The values of S. 2839 whose words the text (``words_by_id``: id -> heading, own text and
    flush language) no longer holds, each naming the value and its provision (for ``billtrace review``)."""
    return check_values(VALUES, words_by_id, labels=labels)
