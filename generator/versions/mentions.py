"""Citations written in words inside the project's code ("duty ... under sec. 4(g)"), which no id carries.

An id in a string literal is a link and ``migrate`` re-points it; a citation in a help text,
a parameter's description, a reason's message or a comment is prose, and rewriting prose
by pattern would put words in the author's mouth.  So they are listed, not edited: every
``sec. N(x)...`` in a project file whose provision the new text numbers differently (or
no longer has), with the file, the line and what the provision is now.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from grammar import Bill

__all__ = ["Mention", "stale_mentions"]

# "sec. 4(g)(1)", "section 5(a)", "Sec. 6": one section, its parts in parentheses
_CITATION = re.compile(r"\b(?:sec\.|section)\s+(?P<number>[0-9]+[A-Za-z]?)(?P<parts>(?:\([A-Za-z0-9]+\))*)",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A citation in words that names a provision the new text numbers differently."""

    path: str
    line: int
    words: str  # as written: "sec. 4(g)"
    now: str  # "sec. 4(h)", or why there is none


def stale_mentions(files: Iterable[tuple[str, str, str]], old: Bill, new: Bill,
                   moves: Mapping[str, str]) -> tuple[Mention, ...]:
    """Each citation in words in ``files`` ((shown path, text before, text after the migration)) of an old
    provision whose label changed; lines the migration wrote itself (a re-pointed header) are skipped."""
    by_label = {p.label: p.id for p in old.walk() if p.label}
    found: list[Mention] = []
    for shown, before, after in files:
        lines = after.splitlines()
        kept = _unchanged_lines(before.splitlines(), lines)
        for number, line in enumerate(lines, start=1):
            if number not in kept:
                continue
            for match in _CITATION.finditer(line):
                label = f"sec. {match.group('number')}{match.group('parts')}"
                old_id = by_label.get(label)
                if old_id is None:
                    continue
                target = moves.get(old_id)
                if target is None:
                    found.append(Mention(shown, number, match.group(0), "not carried to the new text"))
                elif new.get(target).label != label:
                    found.append(Mention(shown, number, match.group(0), new.get(target).label))
    return tuple(found)


def _unchanged_lines(before: list[str], after: list[str]) -> set[int]:
    """The numbers (from 1) of the lines of ``after`` that stand as they stood in ``before``."""
    kept: set[int] = set()
    for tag, _, _, start, end in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            kept.update(range(start + 1, end + 1))
    return kept
