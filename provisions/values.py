"""The values S. 2839's rules take from the text, read once from provisions/data/values.toml.

>>> VALUES.number("DOE share")
Decimal('60')
"""

from __future__ import annotations

from importlib import resources

from provisions.kit.values import ValueTable, load_values

__all__ = ["VALUES", "VALUES_FILE"]

VALUES_FILE = "values.toml"
VALUES: ValueTable = load_values(
    resources.files("provisions").joinpath("data", VALUES_FILE).read_text(encoding="utf-8"),
    where=f"provisions/data/{VALUES_FILE}",
)
