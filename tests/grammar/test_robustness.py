"""Whatever the text, parsing ends in a Bill or in one BillError: never another exception."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import SOURCES, mutate, window

from grammar import Bill, BillError, BillSourceError, parse_text

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


# Mutations of the working text and the fixtures: the damage real files carry.

SOURCE_TEXTS = [path.read_text(encoding="utf-8") for path in SOURCES]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(SOURCE_TEXTS) - 1), st.randoms(use_true_random=False))
def test_any_mutation_of_a_bill_parses_or_fails_with_one_bill_error(source: int, rng: random.Random) -> None:
    # lines deleted, duplicated, swapped, cut; designations, unbalanced quotes, headers,
    # digits that are not 0-9, tabs, NUL, form feeds, noncharacters inserted; CRLF, CR, BOM
    check(parsed(mutate(window(SOURCE_TEXTS[source], rng), rng)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SEC. \u0661. SHORT TITLE.\n", "<text>:1:6: error: the digit '\u0661' (ARABIC-INDIC DIGIT ONE) is not one of 0-9"),
        ("SEC. 1. A.\n    (\uff11) The Secretary.\n", "<text>:2:6: error: the digit '\uff11' (FULLWIDTH DIGIT ONE)"),
        ("SEC. 1. A.\n    (\u09e7) The Secretary.\n", "<text>:2:6: error: the digit '\u09e7' (BENGALI DIGIT ONE)"),
        ("SEC. 1. A.\n    The \ufffe Secretary.\n", "<text>:2:9: error: the text contains the noncharacter U+FFFE"),
        ("SEC. 1. A.\n    The \U0001ffff Secretary.\n", "<text>:2:9: error: the text contains the noncharacter U+1FFFF"),
        ("SEC. 1. A.\n    The \x85 Secretary.\n", "<text>:2:9: error: the text contains the control character U+0085"),
        ("SEC. 1. A.\n    The \x1b Secretary.\n", "<text>:2:9: error: the text contains the control character U+001B"),
        ("SEC. 1. A.\n    The \ud800 Secretary.\n", "<text>:2:9: error: the text contains the lone surrogate U+D800"),
        ("SEC. 1. A.\n    The \x00 Secretary.\n", "<text>:2:9: error: this is a binary file (it contains NUL bytes)"),
    ],
)
def test_characters_no_page_or_yaml_file_can_hold_are_refused_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(BillSourceError) as raised:
        parse_text(text)
    assert str(raised.value).startswith(message)
    assert str(raised.value).count("error:") == 1


def test_digits_in_patterns_are_ascii_only() -> None:
    # The grammar's and the lexicon's patterns say [0-9], never \d (which takes any script's digits).
    for path in (Path(__file__).resolve().parents[2] / "grammar").glob("*"):
        if path.suffix in (".py", ".lark") and path.name != "source.py":
            assert "\\d" not in path.read_text(encoding="utf-8"), path.name
