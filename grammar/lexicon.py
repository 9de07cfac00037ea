"""The vocabulary below the line: designations, their levels and sequences, headings.

The grammar (bill.lark) recognises the shape of whole lines; this module reads
the parts of a line the grammar leaves whole: the run of designations that
opens a unit, a unit's heading, and the ordinal value of a designation at each
level it can stand for.  Every pattern used on bill text below the line lives
here, in one place.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from enum import IntEnum
from functools import cache, lru_cache

__all__ = [
    "Level",
    "designation_run",
    "is_first",
    "levels_of",
    "ordinal",
    "split_heading",
    "successor_of",
]


class Level(IntEnum):
    """The levels below a section, shallowest first."""

    SUBSECTION = 1  # (a)
    PARAGRAPH = 2  # (1)
    SUBPARAGRAPH = 3  # (A)
    CLAUSE = 4  # (i)
    SUBCLAUSE = 5  # (I)
    ITEM = 6  # (aa)
    SUBITEM = 7  # (AA)

    @property
    def kind(self) -> str:
        """The level's name as a provision kind: ``subsection``, ``paragraph`` ... (one string
        for every unit of the kind, not a copy each)."""
        return _KINDS[self]


_KINDS = {level: sys.intern(level.name.lower()) for level in Level}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN = re.compile(r"^(m{0,3})(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_DESIGNATION = re.compile(r"\(([0-9]{1,4}[A-Z]{0,2}|[a-z]{1,6}|[A-Z]{1,6})\)")
_RUN = re.compile(r"(?:\([0-9A-Za-z]{1,8}\))+")
# A heading ends at the first ".--"; it starts with a capital and holds no sentence (it may
# hold a semicolon: ``Inspections; reports.--``).
_HEADING = re.compile(r"^([A-Z0-9](?:[^.]|\.(?! [A-Z])){0,160}?[^.\s])\.--(?!-)")


def roman_value(text: str) -> int | None:
    """The value of a lower-case roman numeral, or None if ``text`` is not one."""
    if not text or not _ROMAN.match(text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def _letters_value(text: str) -> int | None:
    """(a) = 1 ... (z) = 26, then (aa) = 27 ... (zz) = 52, as subsections run on."""
    if len(text) == 1:
        return ord(text) - ord("a") + 1
    if len(set(text)) == 1 and len(text) == 2:
        return 26 + ord(text[0]) - ord("a") + 1
    return None


def _doubled_value(text: str) -> int | None:
    """(aa) = 1, (bb) = 2 ..., the numbering of items."""
    if len(text) >= 2 and len(set(text)) == 1:
        return (len(text) - 2) * 26 + ord(text[0]) - ord("a") + 1
    return None


@cache
def ordinal(designation: str, level: Level) -> tuple[int, str] | None:
    """The designation's place in the sequence of ``level``: (number, inserted suffix).

    ``(4A)`` is (4, "A"): a paragraph inserted after (4).  None if the designation
    cannot stand at that level.
    """
    if level is Level.PARAGRAPH:
        match = re.fullmatch(r"([0-9]+)([A-Z]{0,2})", designation)
        return (int(match.group(1)), match.group(2)) if match else None
    if designation.isdigit():
        return None
    lower = designation.lower()
    is_lower = designation.islower()
    if (level is Level.SUBSECTION and is_lower) or (level is Level.SUBPARAGRAPH and not is_lower):
        value = _letters_value(lower)
    elif (level is Level.CLAUSE and is_lower) or (level is Level.SUBCLAUSE and not is_lower):
        value = roman_value(lower)
    elif (level is Level.ITEM and is_lower) or (level is Level.SUBITEM and not is_lower):
        value = _doubled_value(lower)
    else:
        value = None
    return None if value is None else (value, "")


@cache
def levels_of(designation: str) -> tuple[Level, ...]:
    """Every level a designation can stand for: ``(i)`` is a subsection or a clause."""
    return tuple(level for level in Level if ordinal(designation, level) is not None)


@cache
def is_first(designation: str, level: Level) -> bool:
    """Whether the designation opens a new run at ``level``: (a), (1), (A), (i), (I), (aa), (AA)."""
    return ordinal(designation, level) == (1, "")


@cache
def successor_of(previous: str, designation: str, level: Level) -> bool:
    """Whether ``designation`` may follow ``previous`` at ``level``: (i) after (h), (4A) after (4)."""
    before = ordinal(previous, level)
    after = ordinal(designation, level)
    if before is None or after is None:
        return False
    (before_n, before_s), (after_n, after_s) = before, after
    if after_s:  # an inserted unit: (4A) after (4), (4B) after (4A)
        return after_n == before_n and (not before_s or _next_suffix(before_s) == after_s)
    return after_n == before_n + 1


def _next_suffix(suffix: str) -> str:
    return suffix[:-1] + chr(ord(suffix[-1]) + 1)


def designation_run(text: str) -> tuple[tuple[str, ...], str]:
    """The designations opening a line, and what follows them.

    >>> designation_run("(1)(A) the alien; or")
    (('1', 'A'), ' the alien; or')
    """
    match = _RUN.match(text)
    if match is None:
        return (), text
    found = tuple(_DESIGNATION.findall(match.group()))
    if "".join(f"({d})" for d in found) != match.group():
        return (), text
    return found, text[match.end() :]


def split_heading(text: str) -> tuple[str, str]:
    """A unit's heading and the words after it: ``In general.--The Secretary`` -> both parts.

    >>> split_heading("In general.--The Secretary shall act.")
    ('In general', 'The Secretary shall act.')
    """
    match = _HEADING.match(text)
    if match is None:
        return "", text
    heading = match.group(1)
    if heading.count("``") > heading.count("''") or heading.count('"') % 2:
        # The ".--" is inside a quotation ("is amended to read as follows: ``(2) Cross
        # reference.--"): the quoted law's heading, not this unit's.
        return "", text
    return heading, text[match.end() :]


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "under",
     "with", "without"]
)


def heading_case(heading: str) -> bool | None:
    """True for a Title Case heading, False for sentence case, None if it cannot tell.

    Subsection headings are written in Title Case (``Authority To Negotiate``),
    lower levels in sentence case (``In general``).
    """
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", heading)[1:] if w.lower() not in _SMALL_WORDS]
    if not words:
        return None
    return all(word[0].isupper() for word in words)


_SECTION_HEADER = re.compile(r"^(?:SECTION|SEC\.|Sec\.)\s+([0-9]+[A-Za-z0-9-]*)\.\s*(.*)$", re.DOTALL)
_DIVISION_HEADING = re.compile(
    r"^(DIVISION|TITLE|SUBTITLE|CHAPTER|SUBCHAPTER|PART|SUBPART)\s+([A-Za-z0-9]+)\s*(?:--)?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
DIVISION_RANKS = {
    "division": 0, "title": 1, "subtitle": 2, "chapter": 3, "subchapter": 4, "part": 5, "subpart": 6,
}


def section_header(text: str) -> tuple[str, str] | None:
    """A section header's number and the rest: ``SEC. 5. DUTIES.`` -> ('5', 'DUTIES.')."""
    match = _SECTION_HEADER.match(text.strip())
    return (match.group(1), match.group(2).strip()) if match else None


def division_heading(text: str) -> tuple[str, str, str] | None:
    """A division heading's kind, designation and heading: ``TITLE I--FOO`` -> ('title', 'I', 'FOO').

    A margin note of the Statutes at Large is no part of it:

    >>> division_heading("TITLE <<NOTE: Widget Act.>>  I--GENERAL")
    ('title', 'I', 'GENERAL')
    """
    if "<<NOTE:" in text:
        text = _NOTE.sub(" ", text)
    match = _DIVISION_HEADING.match(text.strip())
    if match is None:
        return None
    return match.group(1).lower(), match.group(2), match.group(3).strip()


def is_capitals(text: str) -> bool:
    """Whether the words are set in capitals (a section heading), not in running text."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


_NOTE = re.compile(r"\s*<<NOTE:[^>]*>>\s*")
_SPACES = re.compile(r"\s+")


def join_lines(pieces: Sequence[str]) -> str:
    """Unwrap printed lines into running text, whitespace normalised.

    A line ending in a hyphen or ``--`` joins the next without a space
    (``self-`` + ``employment``); margin notes of the Statutes at Large
    (``<<NOTE: ...>>``) are dropped.
    """
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].endswith("-") and not out[-1].endswith(" -") and piece[0].isalnum():
            out[-1] = out[-1] + piece  # "self-" + "employment", "Tax.--" + "Congress finds"
        else:
            out.append(piece)
    text = " ".join(out)
    if "<<NOTE:" in text:
        text = _NOTE.sub(" ", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:U\.S\.C|No|Nos|Stat|seq|etc|Inc|Co|Corp|Jr|Sr|Mr|Ms|Mrs|Dr|St|Res|Con|Rept|Sess|Cong|Pub|L|Fed|Reg|vs|v)\.)$"
)


def ends_sentence(text: str) -> bool:
    """Whether the words end a sentence: a full stop that closes no abbreviation (``U.S.``)."""
    words = text.rstrip().rstrip("'\")")
    return words.endswith(".") and not _ABBREVIATION_END.search(words)


_QUOTE_MARKS = re.compile(r"``|''")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``quoted'' (and "quoted") text, nested quotations included in their outer span.

    >>> quoted_spans("the term ``Assembly'' means")
    [(9, 21)]
    """
    return sorted([*curly_quoted_spans(text), *straight_quoted_spans(text)])


def curly_quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``quoted'' text, in order (an unclosed one runs to the end)."""
    if "``" not in text:
        return
    depth = 0
    start = 0
    for mark in _QUOTE_MARKS.finditer(text):
        if mark.group() == "``":
            if depth == 0:
                start = mark.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield start, mark.end()
    if depth:
        yield start, len(text)


def straight_quoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of "quoted" text, in order: each mark and the next."""
    if '"' not in text:
        return
    opened = -1
    at = text.find('"')
    while at >= 0:
        if opened < 0:
            opened = at
        else:
            yield opened, at + 1
            opened = -1
        at = text.find('"', at + 1)


@lru_cache(maxsize=1024)  # a term defined many times is worked out once
def term_forms(term: str) -> tuple[str, ...]:
    """The spellings of a defined term that are uses of it: the term and its plural, and where
    the term is in lower case, both capitalised (as at the start of a sentence).

    >>> term_forms("eligible widget")
    ('eligible widget', 'eligible widgets', 'Eligible widget', 'Eligible widgets')
    >>> term_forms("Secretary")
    ('Secretary', 'Secretaries')
    """
    found = [term, pluralize(term)]
    if term[:1].islower():
        found += [form[:1].upper() + form[1:] for form in found]
    return tuple(dict.fromkeys(found))


def pluralize(term: str) -> str:
    """The plural of a defined term: ``foreign country of concern`` -> ``foreign countries of concern``."""
    words = term.split(" ")
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[head]
    if (word.endswith("s") and not word.endswith("ss")) or word.endswith(("ed", "ing")):
        return term  # already plural, or not a noun ("processed")
    words[head] = _plural_word(word)
    return " ".join(words)


def _plural_word(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2].lower() not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"
