"""Mutations of bill text for robustness tests: the ways a real file gets damaged or is odd.

Used by test_robustness.py (hypothesis, a bounded number of cases) and by
fuzz_campaign.py (a long campaign run by hand).  Each mutation takes the lines of a
text and a random source and returns new lines; ``mutate`` applies a few in turn
and joins the result with one of the line endings files come with.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
STATUTE = HERE.parents[1] / "statute" / "s2839-is.txt"
SOURCES = [STATUTE, *sorted((HERE / "fixtures").glob("*.txt"))]

DESIGNATIONS = ["(a)", "(b)", "(i)", "(ii)", "(v)", "(1)", "(2)", "(A)", "(B)", "(I)", "(aa)", "(AA)", "(4A)",
                "(1)(A)", "(c)(1)(A)(i)", "(z)", "(zz)", "(99)"]
QUOTES = ["``", "''", '"', "``(a) ", "''.", "'';", "`", "'"]
# Digits that look like 0-9 and are not: Arabic-Indic, extended Arabic-Indic, fullwidth, Bengali, Devanagari.
FOREIGN_DIGITS = ["\u0661", "\u06f2", "\uff13", "\u09e7", "\u0967"]
ODD = ["\t", "\f", "\x00", "\ufeff", "\u00a0", "\ufffe", "\uffff", "\u2028", "\x85", "\x1b", "\u200b", "\U0010ffff"]
HEADERS = ["SEC. 7. A HEADING.", "SECTION 1. SHORT TITLE.", "TITLE I--GENERAL", "Subtitle A--Reports",
           "Sec. 3. Entry.", "1. TABLE OF CONTENTS.", "Attest:", "<all>", "<DOC>", "Be it enacted by the Senate",
           "Resolved, That", "Whereas the widget;", "Strike out all after the enacting clause and insert:",
           "    is amended by inserting ``which--", "the following:", "multiplied by", "minus"]


def _pick(lines: list[str], rng: random.Random) -> int:
    return rng.randrange(len(lines)) if lines else 0


def delete(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return lines
    start = _pick(lines, rng)
    return lines[:start] + lines[start + rng.randint(1, 5):]


def duplicate(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return lines
    start = _pick(lines, rng)
    end = min(len(lines), start + rng.randint(1, 8))
    return lines[:end] + lines[start:end] + lines[end:]


def swap(lines: list[str], rng: random.Random) -> list[str]:
    if len(lines) < 2:
        return lines
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines = list(lines)
    lines[a], lines[b] = lines[b], lines[a]
    return lines


def cut(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return lines
    at = _pick(lines, rng)
    if rng.random() < 0.5:
        return [*lines[:at], lines[at][:rng.randint(0, len(lines[at]))]]
    return lines[at:]


def insert_designation(lines: list[str], rng: random.Random) -> list[str]:
    at = _pick(lines, rng)
    indent = " " * rng.choice([0, 4, 12, 20, 28])
    line = indent + rng.choice(DESIGNATIONS) + rng.choice([" the Secretary; and", " In General.--The", "", " of such"])
    return [*lines[:at], line, *lines[at:]]


def insert_quote(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return [rng.choice(QUOTES)]
    at = _pick(lines, rng)
    line = lines[at]
    where = rng.randint(0, len(line))
    return [*lines[:at], line[:where] + rng.choice(QUOTES) + line[where:], *lines[at + 1:]]


def foreign_digits(lines: list[str], rng: random.Random) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
    if not candidates:
        return lines
    at = rng.choice(candidates)
    line = lines[at]
    digit_at = rng.choice([i for i, c in enumerate(line) if c.isdigit()])
    return [*lines[:at], line[:digit_at] + rng.choice(FOREIGN_DIGITS) + line[digit_at + 1:], *lines[at + 1:]]


def odd_character(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return [rng.choice(ODD)]
    at = _pick(lines, rng)
    line = lines[at]
    where = rng.randint(0, len(line))
    return [*lines[:at], line[:where] + rng.choice(ODD) + line[where:], *lines[at + 1:]]


def insert_header(lines: list[str], rng: random.Random) -> list[str]:
    at = _pick(lines, rng)
    return [*lines[:at], rng.choice(HEADERS), *lines[at:]]


def strip_indentation(lines: list[str], rng: random.Random) -> list[str]:
    return [line.lstrip() for line in lines]


def tabs_for_spaces(lines: list[str], rng: random.Random) -> list[str]:
    return [line.replace("    ", "\t") for line in lines]


MUTATIONS: list[Callable[[list[str], random.Random], list[str]]] = [
    delete, duplicate, swap, cut, insert_designation, insert_quote, foreign_digits, odd_character,
    insert_header, strip_indentation, tabs_for_spaces,
]


def window(text: str, rng: random.Random) -> list[str]:
    """A stretch of a source's lines, or all of them."""
    lines = text.split("\n")
    if rng.random() < 0.2:
        return lines
    start = rng.randrange(len(lines))
    return lines[start : start + rng.randint(1, 120)]


def mutate(lines: list[str], rng: random.Random, rounds: int = 3) -> str:
    """A few mutations in turn, joined with LF, CRLF or CR, sometimes behind a BOM."""
    for _ in range(rng.randint(1, rounds)):
        lines = rng.choice(MUTATIONS)(lines, rng)
    text = rng.choice(["\n", "\n", "\r\n", "\r"]).join(lines)
    if rng.random() < 0.05:
        text = "\ufeff" + text
    return text
