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

from grammar import Bill, Provision

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


def _header_pattern(was: Provision) -> re.Pattern[str]:
    """The section's header as a docstring opens with it: ``SEC. 5.``, ``SECTION 5.`` or its label in
    capitals (``DIV. A, SEC. 101.``, as ``billtrace init`` writes it), then its heading."""
    words = was.heading.rstrip(".").split()
    numbered = r"(?P<prefix>SEC\.|SECTION)\s+" + re.escape(was.designation)
    labelled = r"(?P<label>" + r"\s+".join(map(re.escape, was.label.upper().split())) + r")"
    return re.compile(f"(?:{numbered}|{labelled})" + r"\.\s+" + r"\s+".join(map(re.escape, words)) + r"\.")


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
    match = _header_pattern(was).match(text, start)
    if match is None:
        return None
    number = f"{match.group('prefix')} {now.designation}" if match.group("prefix") else now.label.upper()
    header = f"{number}. {now.heading.rstrip('.')}."
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
        was_number = f"{match.group('prefix')} {was.designation}" if match.group("prefix") else was.label.upper()
        shown_old, shown_new = f"{was_number}.", f"{number}."
    else:
        shown_old, shown_new = " ".join(span.split()), " ".join(header.split())
    return HeadingEdit(text[:start] + header + text[match.end():], line, shown_old, shown_new)


_UNIT_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<id>[A-Za-z0-9_-]+) \((?P<label>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\):$",
                        re.MULTILINE)


def carry_unit_lines(text: str, old: Bill, new: Bill, moves: Mapping[str, str]) -> tuple[str, list[HeadingEdit]]:
    """``text`` with each ``ID (LABEL):`` line of its module docstring (the list of words ``billtrace init``
    writes) naming the provision's new id and label; the edits made.  Lines naming an id that is
    not carried are left for the report's decisions on the id itself."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text, []
    start = _docstring_start(text, tree)
    if start is None:
        return text, []
    node = tree.body[0]
    lines = text.splitlines(keepends=True)
    end = sum(len(line) for line in lines[:(node.end_lineno or node.lineno)])
    edits: list[HeadingEdit] = []
    cuts: list[tuple[int, int, str]] = []
    for match in _UNIT_LINE.finditer(text, start, end):
        pid, label = match.group("id"), match.group("label")
        if pid not in old.ids or old.get(pid).label != label or pid not in moves:
            continue
        target = new.get(moves[pid])
        if (target.id, target.label) == (pid, label):
            continue
        cuts.append((match.start("id"), match.end("label") + 1, f"{target.id} ({target.label})"))
        edits.append(HeadingEdit("", text.count("\n", 0, match.start()) + 1, f"{pid} ({label})",
                                 f"{target.id} ({target.label})"))
    for cut_start, cut_end, replacement in sorted(cuts, reverse=True):
        text = text[:cut_start] + replacement + text[cut_end:]
    return text, [HeadingEdit(text, e.line, e.old, e.new) for e in edits]
