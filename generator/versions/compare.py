"""Two texts of a bill compared: the alignment, the typed changes of each pair and the impact."""

from __future__ import annotations

from dataclasses import dataclass

from generator.versions.align import CHANGES, Alignment, Match, align
from generator.versions.changes import Detail, details
from generator.versions.impact import Affected, impact
from grammar.model import Bill

__all__ = ["Comparison", "Pair", "compare"]


@dataclass(frozen=True, slots=True)
class Pair:
    """One line of the comparison: ids on each side (None for added or removed), change, details."""

    old: str | None
    new: str | None
    change: str
    similarity: float
    details: tuple[Detail, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from ``old`` to ``new``: the pairs in the order of the new text, and the impact."""

    alignment: Alignment
    pairs: tuple[Pair, ...]
    impact: tuple[Affected, ...]

    @property
    def old(self) -> Bill:
        """The old text."""
        return self.alignment.old

    @property
    def new(self) -> Bill:
        """The new text."""
        return self.alignment.new

    def counts(self) -> dict[str, int]:
        """How many pairs of each change type, every type present (0 when none)."""
        return {change: sum(1 for p in self.pairs if p.change == change) for change in CHANGES}


def compare(old: Bill, new: Bill) -> Comparison:
    """Align ``old`` and ``new``, type the changes of every pair and find what they affect."""
    alignment = align(old, new)
    return Comparison(alignment, tuple(_pair(alignment, m) for m in alignment.matches), impact(alignment))


def _pair(alignment: Alignment, match: Match) -> Pair:
    return Pair(match.old, match.new, match.change, match.similarity, details(alignment, match))
