"""Fixtures for the rules of S. 2839: an Alliance, imports, and a way to read reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from provisions.inputs import Alliance, Import, Member, parse_hts

D = dt.date


@pytest.fixture
def alliance() -> Alliance:
    """Australia from January 1, 2027 and Canada from April 1, 2027."""
    return Alliance.of([Member("AU", D(2027, 1, 1)), Member("CA", D(2027, 4, 1))])


@pytest.fixture
def make_import() -> Callable[..., Import]:
    """``make_import("8505.11.00", "CN", "2027-03-01", value="1000.00", feoc=False)``."""

    def build(
        hts: str, origin: str, day: str, *, value: str | None = "1000.00", feoc: bool = False
    ) -> Import:
        return Import(
            parse_hts(hts),
            origin,
            dt.date.fromisoformat(day),
            feoc,
            Decimal(value) if value is not None else None,
        )

    return build
