"""The grammar's tests read the committed working text: they pin what the parser makes of a
known input, whatever bill a run is pointed at (``BILLTRACE_BILL`` moves the rules' tests only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import Bill, parse_file

WORKING_TEXT = Path(__file__).resolve().parents[2] / "statute" / "s2839-is.txt"


@pytest.fixture(scope="session")
def bill() -> Bill:
    """S. 2839 as parsed from the committed statute/s2839-is.txt."""
    return parse_file(WORKING_TEXT)
