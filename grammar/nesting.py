"""Deciding how units nest: a pure function of the designation and its neighbours.

A designation such as ``(i)`` can open subsection (i) after (h), or clause (i)
under a subparagraph; ``(I)`` can be subparagraph (I) or subclause (I); and a
line can open with a citation that only looks like a designation.  ``place``
settles each case from, in this order:

1. the words before it: mid-sentence or inside a quotation, a designation is a
   citation, not a unit; after a chapeau (``--`` or ``:``) it opens a new level;
2. sequence: a sibling must follow the last designation of an open level, a
   new level must start at its first designation;
3. the heading's case: subsections have Title Case headings, lower levels
   sentence case;
4. the punctuation before it: a list going on (``;``, ``; or``) keeps to the
   innermost level, a full stop hands back to an outer one;
5. indentation, as the last tie-break only, so that the same text with every
   leading space removed gives the same tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from grammar.lexicon import Level, is_first, levels_of, successor_of

__all__ = ["Cue", "LeadIn", "OpenUnit", "cites_a_list", "continues_citation", "lead_in_of", "nest", "place"]


class LeadIn(Enum):
    """What the words before a designation line end with."""

    CHAPEAU = "chapeau"  # "--", ":" or no words yet: a new level may open
    LIST = "list"  # ";", "; and", "; or", ",": a list goes on
    SENTENCE = "sentence"  # ".": a sentence, or a list, has ended
    BARE = "bare"  # no closing punctuation ("multiplied by"), and no citation going on
    OPEN = "open"  # mid-sentence after a unit word ("paragraph"), or inside a quotation


class OpenUnit(NamedTuple):
    """A unit still open above the next line: its level, designation and indentation (a tuple:
    the assembler makes one for each open unit at every designated line)."""

    level: Level
    designation: str
    indent: int | None = None


class Cue(NamedTuple):
    """What is known about a designation that might open a unit (a tuple: one for each designation read)."""

    designation: str
    lead_in: LeadIn
    run_in: bool = False  # follows another designation on the same line: (1)(A)
    title_case: bool | None = None  # the heading's case; None without a heading of 2+ words
    indent: int | None = None


_LIST_END = re.compile(r"(;|,|[;,]\s+(and|or))$")
# Words after which a designation is cited, not opened: "paragraph (2)", "(A) and (B)".
_CITING_END = re.compile(
    r"(?:\b(?:sections?|subsections?|paragraphs?|subparagraphs?|clauses?|subclauses?|items?"
    r"|subitems?|and|or|through|in|under|of|to|by|section\s+[0-9]+[A-Za-z]*)|[0-9)(`'\"-])$",
    re.IGNORECASE,
)
# What follows a designation that continues a list of citations: "(iii), (iv), and (v) of",
# "(1)(E) of subsection (a)".
_CITATION_GOES_ON = re.compile(r"^(?:\s*[,;)]|''|\s+(?:of|and|or|through)\b)")
_CITED_LIST_END = re.compile(r"\([A-Za-z0-9]{1,8}\)(?:,|,?\s+(?:and|or|through))$")
_BARE_WORDS = frozenset(["by", "minus", "plus", "times", "less", "over", "divided"])


def lead_in_of(text: str, *, count_quotes: bool = True) -> LeadIn:
    """Classify the end of the words before a line.

    With ``count_quotes`` an unclosed inline quotation in ``text`` makes it OPEN;
    a caller that tracks quotations itself passes only the tail and False.

    >>> lead_in_of("the Committee on Finance of the Senate; and")
    <LeadIn.LIST: 'list'>
    """
    words = text.rstrip()
    if not words:
        return LeadIn.CHAPEAU
    if count_quotes and (words.count("``") > words.count("''") or words.count('"') % 2 == 1):
        return LeadIn.OPEN
    if words.endswith(("--", ":")):
        return LeadIn.CHAPEAU
    bare = words.rstrip("'\"")
    if bare.endswith("."):
        return LeadIn.SENTENCE
    if _LIST_END.search(bare):
        return LeadIn.LIST
    last = words.rsplit(None, 1)[-1].lower()
    if last in _BARE_WORDS or not _CITING_END.search(words):
        return LeadIn.BARE
    return LeadIn.OPEN


def continues_citation(after: str) -> bool:
    """Whether the words after a line's opening designations go on with a list of citations
    (``(iii), (iv), and (v) of such Act``), so the designations open no unit.

    >>> continues_citation(", (iv), and (v) of such Act"), continues_citation(" the Secretary")
    (True, False)
    """
    return bool(_CITATION_GOES_ON.match(after))


def place(stack: Sequence[OpenUnit], cue: Cue) -> Level | None:
    """The level at which ``cue`` opens a unit under ``stack``, or None if it opens none.

    ``stack`` lists the open units from the outermost to the innermost.  None
    means the designation is part of the running text (a citation such as
    ``(c)(1)(A)(i) shall not`` at the start of a wrapped line).
    """
    if cue.lead_in is LeadIn.OPEN:
        return None
    if cue.lead_in is LeadIn.BARE:
        return _after_bare_words(stack, cue)
    deepest = stack[-1].level if stack else 0
    children = [
        level for level in levels_of(cue.designation)
        if level > deepest and is_first(cue.designation, level)
    ]
    if cue.run_in or cue.lead_in is LeadIn.CHAPEAU:
        return min(children) if children else None
    siblings = [
        unit.level for unit in stack
        if unit.level in levels_of(cue.designation)
        and successor_of(unit.designation, cue.designation, unit.level)
    ]
    if not siblings:
        # Only a unit's first child may follow words that do not end in a chapeau, and only
        # where nothing else could be meant: a section's first subsection, or a first
        # designation set a level in from the innermost unit (a chapeau left without its
        # "--" and ended with ";", as a metes and bounds description is printed).
        return min(children) if children and (not stack or _set_in_from(stack[-1], cue)) else None
    if len(siblings) == 1:
        return siblings[0]
    return _break_tie(stack, cue, siblings)


def _set_in_from(unit: OpenUnit, cue: Cue) -> bool:
    """Whether the cue's line is set at least a level (8 spaces) in from the unit's own line;
    a line wrapped in the unit sits left of it, at its continuation indent."""
    return cue.indent is not None and unit.indent is not None and cue.indent >= unit.indent + 8


def cites_a_list(words: str) -> bool:
    """Whether words end in a designation and the joint of a list of citations, so that a
    designation at the start of the next line is the list's last item, not a unit:
    ``paragraphs (1), (2), and`` / ``(3) can be undone``.

    >>> cites_a_list("described in paragraphs (1), (2), and"), cites_a_list("inspections; and")
    (True, False)
    """
    return bool(_CITED_LIST_END.search(words.rstrip()))


def _after_bare_words(stack: Sequence[OpenUnit], cue: Cue) -> Level | None:
    """After words with no closing punctuation (``multiplied by``, a period left out) only a
    sibling of an open unit may follow, and only at that unit's indentation if lines have any."""
    siblings = [
        unit for unit in stack
        if unit.level in levels_of(cue.designation)
        and successor_of(unit.designation, cue.designation, unit.level)
        and (cue.indent is None or unit.indent is None or unit.indent == cue.indent)
    ]
    if not siblings:
        return None
    return siblings[-1].level if len(siblings) == 1 else _break_tie(stack, cue, [u.level for u in siblings])


def _break_tie(stack: Sequence[OpenUnit], cue: Cue, siblings: list[Level]) -> Level:
    if cue.title_case is True and Level.SUBSECTION in siblings:
        return Level.SUBSECTION
    if cue.title_case is False:
        siblings = [level for level in siblings if level is not Level.SUBSECTION] or siblings
        if len(siblings) == 1:
            return siblings[0]
    if cue.lead_in is LeadIn.LIST:
        return max(siblings)
    if cue.lead_in is LeadIn.SENTENCE and cue.title_case is None:
        by_indent = _by_indent(stack, cue, siblings)
        return by_indent if by_indent is not None else min(siblings)
    by_indent = _by_indent(stack, cue, siblings)
    return by_indent if by_indent is not None else max(siblings)


def _by_indent(stack: Sequence[OpenUnit], cue: Cue, siblings: list[Level]) -> Level | None:
    if cue.indent is None:
        return None
    matching = [
        unit.level for unit in stack
        if unit.level in siblings and unit.indent == cue.indent
    ]
    return matching[0] if len(matching) == 1 else None


def nest(cues: Sequence[Cue]) -> list[Level | None]:
    """The level of each cue in turn, as a section's units would nest.

    A convenience over ``place`` for tables of cases: each cue that opens a unit
    closes the units at its level and below, then stays open.

    ``(i)`` after a chapeau under ``(A)`` opens clause (i); a run that cannot
    start a level (``(g)`` with nothing open) opens nothing:

    >>> [level.name if level else None for level in nest([
    ...     Cue("a", LeadIn.CHAPEAU), Cue("1", LeadIn.CHAPEAU), Cue("A", LeadIn.CHAPEAU),
    ...     Cue("i", LeadIn.CHAPEAU), Cue("ii", LeadIn.LIST), Cue("B", LeadIn.SENTENCE),
    ...     Cue("b", LeadIn.SENTENCE)])]
    ['SUBSECTION', 'PARAGRAPH', 'SUBPARAGRAPH', 'CLAUSE', 'CLAUSE', 'SUBPARAGRAPH', 'SUBSECTION']
    >>> nest([Cue("g", LeadIn.CHAPEAU)])
    [None]
    """
    stack: list[OpenUnit] = []
    levels: list[Level | None] = []
    for cue in cues:
        level = place(stack, cue)
        levels.append(level)
        if level is not None:
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(OpenUnit(level, cue.designation, cue.indent))
    return levels
