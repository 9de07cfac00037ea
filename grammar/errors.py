"""Errors raised while reading a bill, each naming the file, line and column.

    BilltraceError              root of every error billtrace raises: path, line, column, the
    |                           offending line, what was expected (grammar is upstream of all)
    +-- BillError               base of the errors about a bill's text
        +-- BillSourceError         the file is not GPO plain text at all (empty, binary,
    |                           not UTF-8, an HTML or XML page, line breaks lost)
        +-- BillSyntaxError         the grammar rejects a line
        +-- BillStructureError      the lines parse but do not fit together (an unclosed quotation)
        +-- BillStrictError         diagnostics promoted to errors by ``strict=True``
        +-- UnknownProvisionError   an id that names no provision of the bill

Other packages derive their own families from ``BilltraceError`` (``provisions.kit``'s
``InputError``, ``generator.errors.GeneratorError``), so a command catches one root.

``str(error)`` gives the whole message, compiler style::

    statute/bill.txt:42:1: error: the section heading is not finished
       42 | (a) In General.--The Secretary shall ...
          | ^
    expected: more of the heading, ending with a period
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Self

__all__ = [
    "BillError",
    "BillSourceError",
    "BillStrictError",
    "BillStructureError",
    "BillSyntaxError",
    "BilltraceError",
    "UnknownProvisionError",
    "close_ids",
]


class BilltraceError(Exception):
    """Root of every error billtrace raises: a message, and where it is when that is known."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source_line: str | None = None,
        expected: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.source_line = source_line
        self.expected = expected

    def with_path(self, path: str) -> Self:
        """This error, naming ``path`` as the file it is about."""
        self.path = path
        return self

    def __str__(self) -> str:
        if self.path is None and self.line is None:
            parts = [f"error: {self.message}"]
        else:
            where = self.path or "<text>"
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts = [f"{where}: error: {self.message}"]
        if self.source_line is not None and self.line is not None:
            shown = self.source_line.rstrip("\n").expandtabs(4)
            gutter = f"{self.line:>5} | "
            parts.append(gutter + shown)
            # The caret sits under the column as shown, with tabs expanded as in the line above.
            before = self.source_line.rstrip("\n")[: max((self.column or 1) - 1, 0)]
            caret_at = len(before.expandtabs(4))
            parts.append(" " * (len(gutter) - 2) + "| " + " " * caret_at + "^")
        if self.expected:
            parts.append(f"expected: {self.expected}")
        return "\n".join(parts)


class BillError(BilltraceError):
    """Base of the errors about a bill or one of its provisions."""


class BillSourceError(BillError):
    """The file cannot be read as a bill in the GPO plain-text layout."""


class BillSyntaxError(BillError):
    """A line stands where the layout does not allow it."""


class BillStructureError(BillError):
    """The lines are each well formed but do not fit together."""


class BillStrictError(BillError):
    """The bill parsed, but with diagnostics, and strict parsing was asked for."""


class UnknownProvisionError(BillError, KeyError):
    """A provision id that the bill does not have."""

    def __init__(self, provision_id: str, known: Iterable[str] = (), *, near: str | None = None,
                 what: str = "id") -> None:
        close = close_ids(near or provision_id, known)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        super().__init__(f"no provision has the {what} {provision_id!r}{hint}")
        self.provision_id = provision_id
        self.suggestions = tuple(close)

    def __str__(self) -> str:  # KeyError would quote the message; keep BillError's form
        return BilltraceError.__str__(self)


def close_ids(wanted: str, known: Iterable[str], *, n: int = 4) -> list[str]:
    """The ids nearest ``wanted`` by structure: the deepest ancestor it reaches, then that one's parts;
    by spelling only when no ancestor is found.  The one did-you-mean of billtrace.

    >>> close_ids("s4_c_9", ["s4", "s4_c", "s4_c_1", "s4_c_2", "s6_c_9"])
    ['s4_c', 's4_c_1', 's4_c_2']
    >>> close_ids("S4_C_3", ["s4", "s4_c", "s4_c_1"])
    ['s4_c', 's4_c_1']
    """
    known = list(known)
    by_fold = {k.casefold(): k for k in known}
    parts = wanted.casefold().split("_")
    for depth in range(len(parts) - 1, 0, -1):
        ancestor = by_fold.get("_".join(parts[:depth]))
        if ancestor is None:
            continue
        children = [k for k in known if k != ancestor and k.rsplit("_", 1)[0] == ancestor]
        return [ancestor, *children][:n]
    return difflib.get_close_matches(wanted, known, n=n, cutoff=0.6)
