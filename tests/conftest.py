"""Shared fixtures: the parsed text of S. 2839 the run is shown against."""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import Bill


@pytest.fixture(scope="session")
def bill(billtrace_bill: Bill) -> Bill:
    """S. 2839 as the project names it (statute/s2839-is.txt unless ``BILLTRACE_BILL`` says
    otherwise): a traced run points it at the copy of the words it records, so the rules'
    tests test those words and no others."""
    return billtrace_bill


@pytest.fixture(scope="session")
def bill_lines(billtrace_bill_path: Path) -> list[str]:
    """The lines of that same file, line ends kept."""
    return billtrace_bill_path.read_text(encoding="utf-8").splitlines(keepends=True)
