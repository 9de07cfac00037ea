"""Shared fixtures: the parsed working text of S. 2839."""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import Bill, parse_file

ROOT = Path(__file__).resolve().parent.parent
STATUTE = ROOT / "statute" / "s2839-is.txt"


@pytest.fixture(scope="session")
def bill() -> Bill:
    """S. 2839 as parsed from statute/s2839-is.txt."""
    return parse_file(STATUTE)
