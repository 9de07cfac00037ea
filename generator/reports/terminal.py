"""Output for a terminal: its width, and colour only where it is one (``NO_COLOR`` respected).

``terminal_width`` is the width to wrap to: the terminal's (``COLUMNS`` when set),
or None when standard output is not a terminal (a pipe or a file keeps whole
lines, for ``grep``).  ``paint`` styles a word with click's styling; ``echo``
writes with colour only on a terminal and never when ``NO_COLOR`` is set
(https://no-color.org), so the words are the same with or without it.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

import click

__all__ = ["STATUS_COLOURS", "colour_wanted", "echo", "fit", "paint", "terminal_width", "wrap"]

STATUS_COLOURS = {
    "verified": "green", "failing": "red", "changed since review": "magenta", "untested": "yellow",
    "claimed": "magenta", "pending": "yellow",
    "not formalized": "bright_black", "container": "blue", "changed": "magenta", "unreviewed": "yellow",
    "removed": "red", "current": "green", "passed": "green", "failed": "red", "error": "red",
    "xpassed": "red", "skipped": "bright_black", "xfailed": "bright_black",
}
_MIN_WIDTH = 40


def terminal_width() -> int | None:
    """The columns of the terminal standard output is, or None when it is not one (and COLUMNS is unset)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(_MIN_WIDTH, int(columns))
    if not sys.stdout.isatty():
        return None
    return max(_MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns)


def colour_wanted() -> bool | None:
    """False when ``NO_COLOR`` is set (to anything but empty); otherwise None: click decides (a terminal)."""
    return False if os.environ.get("NO_COLOR") else None


def paint(text: str, word: str | None = None, *, bold: bool = False) -> str:
    """``text`` styled by the colour of ``word`` (a status, review state or outcome; ``text`` itself if None)."""
    colour = STATUS_COLOURS.get(word if word is not None else text.strip())
    if colour is None and not bold:
        return text
    return click.style(text, fg=colour, bold=bold)


def echo(text: str, *, err: bool = False) -> None:
    """``text`` on standard output (or error): coloured on a terminal, plain elsewhere or with ``NO_COLOR``."""
    click.echo(text, err=err, color=colour_wanted())


def wrap(text: str, width: int | None, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` wrapped to ``width`` with the indents given (one line when ``width`` is None).

    Words are never broken except a word longer than a line (a test's node id).
    """
    rest = indent if subsequent is None else subsequent
    if width is None:
        return [indent + " ".join(text.split())]
    return textwrap.wrap(text, max(width, len(rest) + 20), initial_indent=indent, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=True) or [indent]


def fit(text: str, width: int | None) -> str:
    """Every line of ``text`` longer than ``width`` wrapped, its continuation indented two more columns.

    A table's row keeps its columns; only what runs past the width goes below,
    under its own indentation.  ``width`` None leaves ``text`` as it is.
    """
    if width is None:
        return text
    out = []
    for line in text.splitlines():
        if len(click.unstyle(line)) <= width:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        out += textwrap.wrap(line.strip(" "), width, initial_indent=" " * lead, subsequent_indent=" " * (lead + 2),
                             break_on_hyphens=False, break_long_words=True, drop_whitespace=True)
    return "\n".join(out)
