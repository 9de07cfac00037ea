"""Texts of our own writing for the version tests, and where the two bill texts are."""

from __future__ import annotations

from pathlib import Path

from grammar import Bill, parse_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORKING = ROOT / "statute" / "s2839-is.txt"
DRAFT = HERE / "fixtures" / "s2839-rs-draft.txt"


def bill(body: str) -> Bill:
    """A bill of our own writing: the enacting clause, then ``body`` (sections in the GPO layout)."""
    return parse_text("    Be it enacted by the Senate and House of Representatives of the \n"
                      "United States of America in Congress assembled,\n\n" + body)
