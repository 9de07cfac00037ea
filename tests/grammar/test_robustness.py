"""Whatever the text, parsing ends in a Bill or in one BillError: never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grammar import Bill, BillError, parse_text

STATUTE = Path(__file__).resolve().parents[2] / "statute" / "s2839-is.txt"
LINES = STATUTE.read_text(encoding="utf-8").split("\n")

# Pieces of bill text, recombined at random: designations, run-ins, quotations,
# headers, divisions, contents lines, resolutions and the markers around them.
PIECES = [
    "SEC. 2. DEFINITIONS.", "SECTION 1. SHORT TITLE.", "SEC. 3. A HEADING THAT", "WRAPS.",
    "Sec. 4. Table entry.", "TITLE I--GENERAL", "Subtitle A--Reports", "DIVISION B--OTHER",
    "    (a) In General.--The Secretary shall--", "(1)(A) the alien; or", "(B)(i) the case--",
    "(I) one;", "(ii) two.", "(v) five", "(c)(1)(A)(i) shall not", "(A) and (B)'' and inserting",
    "``(c) Exception.--Subsection (a) shall not apply to--", "``(1) toy widgets; or", "widgets.''.",
    "\"(d) Straight quotes.--", "the following:", "Whereas widgets are safe;", "Resolved, That--",
    "Be it enacted by the Senate and House of Representatives of the", "<DOC>", "<all>",
    "[Congressional Bills 119th Congress]", "119th CONGRESS", "  1st Session", "S. 2839", "A BILL",
    "_____________", "Attest:", "Speaker of the House of Representatives.", "<DELETED>old</DELETED>",
    "In this section, the term ``widget'' means a gadget.", "under section 4(b)(1) of this Act",
    "paragraphs (1) through (3) of subsection (z)", "(30 U.S.C. 1606(c))", "Public Law 115-254",
    "", "   ", "text that goes on", "\t(b)\ttabs", "(aa) item", "(AA) subitem", "(4A) inserted",
]


def parsed(text: str) -> Bill | BillError:
    """The bill, or the BillError raised for it: any other exception escapes and fails the test."""
    try:
        return parse_text(text)
    except BillError as error:
        return error


def check(outcome: Bill | BillError) -> None:
    if isinstance(outcome, BillError):
        # one message: one "error:" heading line (the offending line it quotes may say "error:" too)
        assert sum(1 for line in str(outcome).splitlines() if not line.startswith(" ") and "error:" in line) == 1
    else:
        assert len(outcome.ids) == len(list(outcome.walk()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=40))
def test_any_mix_of_bill_lines_parses_or_fails_with_a_bill_error(pieces: list[str]) -> None:
    check(parsed("\n".join(pieces)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(LINES) - 1), min_size=1, max_size=60), st.booleans())
def test_any_selection_of_lines_of_the_working_text_parses_or_fails_cleanly(picks: list[int], strip: bool) -> None:
    chosen = [LINES[i].lstrip() if strip else LINES[i] for i in sorted(picks)]
    check(parsed("\n".join(chosen)))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_arbitrary_text_parses_or_fails_cleanly(text: str) -> None:
    check(parsed(text))
