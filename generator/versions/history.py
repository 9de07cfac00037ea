"""The versions a project holds, compared: one comparison per consecutive pair, each provision's history.

A project holds its bill and, optionally, other texts of it (``versions`` in its
configuration, oldest first).  The chain runs through them in that order and ends at
the bill the links rest on.  ``history`` follows each provision of the bill back through
the chain: what it was called in each earlier text and how it changed on the way.
``version_coverage`` says, for each other text, how many of its provisions have a
counterpart in the bill, and how many of those carry a given status (the site passes
"verified"): what of that text the project's rules and tests already cover.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.versions.compare import Comparison, compare
from grammar.model import Bill

__all__ = ["Step", "VersionCoverage", "chain", "history", "version_coverage"]


@dataclass(frozen=True, slots=True)
class Step:
    """A provision in an earlier text: which text (its index in the chain), its id and label there,
    its id in the next text, and how it changed between the two."""

    text: int
    id: str | None  # None: the provision was not in that text (added after it)
    new_id: str  # its id in the next text
    label: str
    change: str


@dataclass(frozen=True, slots=True)
class VersionCoverage:
    """Of one text's provisions: how many, how many have a counterpart in the bill, how many of
    those have the status counted."""

    provisions: int
    carried: int
    counted: int


def chain(versions: Sequence[Bill], bill: Bill) -> tuple[Comparison, ...]:
    """The comparisons of each text with the next: versions in order, then the bill."""
    texts = [*versions, bill]
    return tuple(compare(a, b) for a, b in itertools.pairwise(texts))


def history(comparisons: Sequence[Comparison]) -> Mapping[str, tuple[Step, ...]]:
    """Provision id of the last text -> its steps back through the chain, nearest text first.

    Only provisions that changed somewhere on the way (anything but ``same`` with the same
    id) have a history.
    """
    if not comparisons:
        return {}
    last = comparisons[-1].new
    result: dict[str, tuple[Step, ...]] = {}
    for provision in last.walk():
        steps: list[Step] = []
        current: str | None = provision.id
        for index in range(len(comparisons) - 1, -1, -1):
            if current is None:
                break
            comparison = comparisons[index]
            matches = comparison.alignment.of_new(current)
            old = matches[0].old if matches else None
            change = matches[0].change if matches else "added"
            label = comparison.old.get(old).label if old is not None else ""
            steps.append(Step(index, old, current, label, change))
            current = old
        if any(s.change != "same" or s.id != provision.id for s in steps):
            result[provision.id] = tuple(steps)
    return result


def version_coverage(comparison: Comparison, counted: Mapping[str, bool]) -> VersionCoverage:
    """Coverage of ``comparison.old`` (another text) by the links of ``comparison.new`` (the bill):
    ``counted`` says, per id of the bill, whether its status is the one counted."""
    total = sum(1 for _ in comparison.old.walk())
    carried = [p.new for p in comparison.pairs if p.old is not None and p.new is not None
               and p.change not in {"split", "merged"}]
    return VersionCoverage(total, len(carried), sum(1 for pid in carried if pid and counted.get(pid, False)))
