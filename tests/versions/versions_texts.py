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


# A subsection of our own writing, joined and cut in two (its second sentence a subsection of its own).
JOINED = """\
SEC. 2. GRANTS.

    (a) In General.--The Secretary shall award grants to eligible
entities for research on the safety of consumer gadgets, and each
recipient shall submit to the Secretary an annual report on the use of
the grant funds and the results of the research.
    (b) Duration.--A grant shall be for a period of not more than 3 years.
"""
CUT = """\
SEC. 2. GRANTS.

    (a) In General.--The Secretary shall award grants to eligible
entities for research on the safety of consumer gadgets.
    (b) Reports.--Each recipient shall submit to the Secretary an annual
report on the use of the grant funds and the results of the research.
    (c) Duration.--A grant shall be for a period of not more than 3 years.
"""
