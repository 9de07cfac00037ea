"""Diagnostics whose cause repeats: the first few in full, then one that counts the rest.

A bill that repeats a designation by mistake does so a handful of times, and each
repeat gets a diagnostic naming its line and the id it is given.  A file that repeats
one designation tens of thousands of times (a generated or mangled text) would get
tens of thousands of diagnostics that say the same thing; a reader is better served by
the first ``LIMIT`` of them and one more that says how many followed, from which line
to which, and which ids they were given.  Every unit still gets its own id: only the
diagnostics are summarised.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from grammar.model import Diagnostic

__all__ = ["LIMIT", "Repeats"]

LIMIT = 10  # diagnostics given in full for each cause


@dataclass(slots=True)
class _Rest:
    """The diagnostics of one cause after the first ``LIMIT``: how many, the first, and how
    to make the last (made only when it is known to be the last)."""

    count: int
    first: Diagnostic
    last: Callable[[], Diagnostic]


class Repeats:
    """Counts the diagnostics of each cause: ``admit`` says whether to give one in full."""

    def __init__(self) -> None:
        self._seen: dict[Hashable, int] = {}
        self._rest: dict[Hashable, _Rest] = {}

    def admit(self, cause: Hashable, make: Callable[[], Diagnostic]) -> Diagnostic | None:
        """The diagnostic ``make`` gives, if fewer than ``LIMIT`` of this cause came before it;
        else None, and the diagnostic is counted (only the first and the last are kept)."""
        seen = self._seen.get(cause, 0) + 1
        self._seen[cause] = seen
        if seen <= LIMIT:
            return make()
        rest = self._rest.get(cause)
        if rest is None:
            self._rest[cause] = _Rest(1, make(), make)
        else:
            rest.count += 1
            rest.last = make
        return None

    def summaries(self, summary: Callable[[Hashable, int, Diagnostic, Diagnostic], str]) -> list[Diagnostic]:
        """One diagnostic for each cause that had more than ``LIMIT``: at the line of the first
        left out, naming its unit, with the message ``summary(cause, count, first, last)``."""
        made = []
        for cause, rest in self._rest.items():
            first = rest.first
            made.append(Diagnostic(first.code, summary(cause, rest.count, first, rest.last()), first.line,
                                   first.column, first.provision))
        return made
