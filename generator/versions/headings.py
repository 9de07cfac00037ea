"""A rules module's docstring heading, carried to the new text with the section the module stands for.

A section module opens with the header of its section as the bill prints it
(``SEC. 5. DUTIES ON ...`` inside its opening quotes) and declares the section it stands for by id
(``Section(__name__, "s5")``).  When the new text renumbers or retitles that section, the
id is re-pointed like any other; this module rewrites the header so that the docstring
says what the module now stands for.  Only a docstring that opens with the old header,
word for word (line breaks and spaces aside), is touched: anything else is the author's
prose and is left alone.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from grammar import Bill

__all__ = ["HeadingEdit", "carry_heading"]


@dataclass(frozen=True, slots=True)
class HeadingEdit:
    """The module docstring's header rewritten: the text after, and the headers before and after."""

    text: str
    line: int
    old: str  # "SEC. 5. DUTIES ON ..."
    new: str


def _declared_section(tree: ast.Module) -> str | None:
    """The id of ``section = Section(__name__, "ID")`` at the module's top level, if there is one."""
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if (isinstance(value, ast.Call) and ast.unparse(value.func).rsplit(".", 1)[-1] == "Section"
                and len(value.args) >= 2 and isinstance(value.args[1], ast.Constant)
                and isinstance(value.args[1].value, str)):
            return value.args[1].value
    return None


def _docstring_start(text: str, tree: ast.Module) -> int | None:
    """The offset of the first character inside the module docstring's opening quotes, or None."""
    if not (tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Constant)
            and isinstance(tree.body[0].value.value, str)):
        return None
    node = tree.body[0].value
    lines = text.splitlines(keepends=True)
    offset = sum(len(line) for line in lines[:node.lineno - 1])
    offset += len(lines[node.lineno - 1].encode("utf-8")[:node.col_offset].decode("utf-8"))
    for quotes in ('"""', "'''"):
        if text.startswith(quotes, offset):
            return offset + len(quotes)
    return None  # a prefixed or single-quoted docstring: not one to rewrite by hand


def _header_pattern(designation: str, heading: str) -> re.Pattern[str]:
    words = heading.rstrip(".").split()
    return re.compile(r"(?P<prefix>SEC\.|SECTION)\s+" + re.escape(designation) + r"\.\s+"
                      + r"\s+".join(map(re.escape, words)) + r"\.")


def carry_heading(before: str, text: str, old: Bill, new: Bill, moves: Mapping[str, str]) -> HeadingEdit | None:
    """``text`` (a module's source, its ids re-pointed from ``before``) with its docstring header naming
    the new text's section, or None when there is nothing to carry (no declaration, no such header,
    the header unchanged)."""
    try:
        declared = _declared_section(ast.parse(before))
        tree = ast.parse(text)
    except SyntaxError:
        return None
    start = _docstring_start(text, tree)
    if declared is None or start is None or declared not in old.ids or declared not in moves:
        return None
    was, now = old.get(declared), new.get(moves[declared])
    if was.kind != "section" or now.kind != "section" or not was.heading or not now.heading:
        return None
    match = _header_pattern(was.designation, was.heading).match(text, start)
    if match is None:
        return None
    header = f"{match.group('prefix')} {now.designation}. {now.heading.rstrip('.')}."
    if header.split() == match.group(0).split():  # the same header, however it is wrapped
        return None
    span = match.group(0)
    if "\n" in span:  # keep the wrapping: lines as long as the old header's longest (its quotes counted)
        first = text.rfind("\n", 0, start) + 1
        width = max(len(line) for line in (text[first:start] + span).splitlines())
        wrapped = textwrap.wrap(header, width=width, initial_indent=text[first:start], break_long_words=False)
        header = "\n".join(wrapped)[start - first:]
    line = text.count("\n", 0, start) + 1
    if was.heading.rstrip(".") == now.heading.rstrip("."):  # renumbered: the numbers say it all
        prefix = match.group("prefix")
        shown_old, shown_new = f"{prefix} {was.designation}.", f"{prefix} {now.designation}."
    else:
        shown_old, shown_new = " ".join(span.split()), " ".join(header.split())
    return HeadingEdit(text[:start] + header + text[match.end():], line, shown_old, shown_new)
