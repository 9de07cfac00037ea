"""Where quoted text ends: a pure reading of quotation marks, one unit of quoted text at a time.

GPO sets amendatory text in ````...''``: every quoted paragraph opens with its
own ``````, and only the last one closes, with ``''`` and the instruction's
punctuation (``''.``, ``''; and``).  Counting marks across lines would read
each paragraph's ``````` as a quotation nested one deeper, so a block would
never close; instead each line that opens a new quoted paragraph resets the
depth to one, the block's own quotation, and the block ends at the ``''`` that
brings the depth to nothing.  Quotations inside quoted text take single marks
(```widget'``) and are not counted; a doubled inner pair on one line is.

``carry`` is the whole rule: a quoted block's depth before a line in, its
depth after the line (and where on the line the block closed, if it did) out.

>>> carry(1, "``(A) a gadget; or", after_break=True)
Carried(depth=1, closed_at=None)
>>> carry(1, "``(B) a gizmo.''.", after_break=True)
Carried(depth=0, closed_at=16)
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from grammar.lexicon import curly_quoted_spans, straight_quoted_spans

__all__ = ["Carried", "Spans", "carry", "closes_straight", "ends_as_a_block_ends", "ends_paragraph", "opens_paragraph"]

_MARKS = re.compile(r"``|''")
_PARAGRAPH_END = re.compile(r"(?:[;.:,]|--|[;,]\s+(?:and|or))[)'\"]*$")


class Carried(NamedTuple):
    """A quoted block's depth after a line, and the index just past the ``''`` that closed it."""

    depth: int
    closed_at: int | None


def ends_paragraph(text: str) -> bool:
    """Whether a line of quoted text ends where a new quoted paragraph may begin.

    >>> ends_paragraph("``(A) a gadget; or"), ends_paragraph("``(3) Widget.--The term")
    (True, False)
    """
    return bool(_PARAGRAPH_END.search(text.rstrip()))


def opens_paragraph(content: str, *, after_break: bool) -> bool:
    """Whether a line opening with ```````` inside a quoted block opens the block's next paragraph
    (rather than a quotation nested in the words before it, wrapped onto this line).

    A designation (``(B)``) or a break in the text before it (the previous line
    ended a list, a sentence or a chapeau) says it is a new paragraph.
    """
    if not content.startswith("``"):
        return False
    return after_break or content[2:3] == "("


def carry(depth: int, content: str, *, after_break: bool) -> Carried:
    """Carry a quoted block's ``depth`` (at least one) over one line of it.

    ``after_break`` says whether the line before ended a paragraph (see
    ``opens_paragraph``).  The result's ``closed_at`` is where the block's
    closing ``''`` ends on this line; the marks after it are the running text's
    own, not the block's, and are not counted here.
    """
    position = 0
    if depth > 0 and opens_paragraph(content, after_break=after_break):
        depth, position = 1, 2
    for mark in _MARKS.finditer(content, position):
        if mark.group() == "``":
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                return Carried(0, mark.end())
    return Carried(depth, None)


def ends_as_a_block_ends(content: str, mark: str = "''") -> bool:
    """Whether a line ends as a quoted block does: the closing ``mark`` and then the
    instruction's punctuation (``''.``, ``''; and``).

    >>> ends_as_a_block_ends("``(B) a gizmo.''; and"), ends_as_a_block_ends("``(A) a gadget; or")
    (True, False)
    """
    text = content.rstrip()
    for end in ("; and", "; or", ", and", ", or"):
        if text.endswith(end):
            text = text[: -len(end)].rstrip()
            break
    return text.rstrip(".;,:").endswith(mark)


def closes_straight(content: str) -> bool:
    """Whether a line of a block in straight quotes ("...") ends it: a ``"`` before the punctuation."""
    return ends_as_a_block_ends(content, '"')


def _block_spans(text: str, blocks: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Where each quoted block stands in the words, in order."""
    cursor = 0
    for block in blocks:
        at = text.find(block, cursor)
        if at >= 0:
            yield at, at + len(block)
            cursor = at + len(block)


class Spans:
    """The quoted stretches of a provision's words, for asking of many positions whether
    each is inside one: built once, each question answered by bisection.

    The stretches are the inline ``quotations'' of the words and the quoted blocks the
    assembler found (``blocks``: their text, which stands in the words as it is).
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, text: str, blocks: Iterable[str] = ()) -> None:
        # Each kind of span comes in order: merged one at a time, and kept as arrays of
        # offsets (a provision of 25,000 quoted terms would otherwise hold a tuple and two
        # int objects for each, three times the text they stand for).
        starts, ends = array("q"), array("q")
        self._starts, self._ends = starts, ends
        blocks = tuple(blocks)
        if not blocks and "``" not in text and '"' not in text:
            return
        found = heapq.merge(curly_quoted_spans(text), straight_quoted_spans(text), _block_spans(text, blocks))
        for start, end in found:
            if starts and start < ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def holds(self, position: int, *, strictly: bool = False) -> bool:
        """Whether ``position`` is inside a quoted stretch (``strictly``: not at its first mark)."""
        index = bisect_right(self._starts, position - 1 if strictly else position) - 1
        return index >= 0 and position < self._ends[index]
