"""Fixtures of the version tests: the working text and the reported version we drafted from it."""

from __future__ import annotations

import pytest
from versions_texts import DRAFT, WORKING

from generator.versions import Comparison, compare
from grammar import Bill, parse_file


@pytest.fixture(scope="session")
def working() -> Bill:
    return parse_file(WORKING)


@pytest.fixture(scope="session")
def draft() -> Bill:
    return parse_file(DRAFT)


@pytest.fixture(scope="session")
def reported(working: Bill, draft: Bill) -> Comparison:
    """The working text against the drafted reported version."""
    return compare(working, draft)
