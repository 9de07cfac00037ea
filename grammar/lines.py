"""Running the grammar: bill text in, the document's typed lines out.

``read_lines`` parses the text with bill.lark and returns every line with the
name of its shape and the part of the document it belongs to.  A text the
grammar rejects raises BillSyntaxError, saying in words what the layout
expected at that point.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from lark import Lark, Token
from lark.exceptions import UnexpectedEOF, UnexpectedInput, UnexpectedToken

from grammar.errors import BillSyntaxError

__all__ = ["Line", "grammar_parser", "grammar_text", "lexing_grammar", "read_lines"]


class Line(NamedTuple):
    """One line of the document, as the grammar saw it (a tuple: there are many).

    The line is kept as its words and its indentation apart, so that the words the
    assembler gathers are the line's own string, not a copy of it.  A bill can have a line
    every few dozen bytes: the fields are only those that cannot be worked out from others.
    """

    kind: str  # the terminal's name: TEXT, DESIGNATED, SECTION_HEADER_LINE ...
    content: str  # the line without its indentation, newline or trailing spaces
    number: int  # 1-based line number in the file
    part: str  # "front", "body" or "back"
    prefix: str = ""  # the indentation itself (shared between lines that have the same)

    @property
    def indent(self) -> int:
        """Leading spaces (a tab counts as one)."""
        return len(self.prefix)

    @property
    def text(self) -> str:
        """The line as the file has it, without the newline or trailing spaces."""
        return self.prefix + self.content


# What each terminal is, in words, for error messages.
_DESCRIPTIONS = {
    "GPO_BRACKET": "a GPO header line such as [Congressional Bills 119th Congress]",
    "DOC_MARK": "the <DOC> marker",
    "CALENDAR": "a calendar line such as 'Calendar No. 123'",
    "CONGRESS": "a Congress line such as '119th CONGRESS'",
    "SESSION": "a session line such as '1st Session'",
    "MEASURE": "a measure number such as 'S. 77' or 'H. R. 1234'",
    "REPORT": "a report line such as '[Report No. 119-12]'",
    "RULE": "a rule of underscores",
    "CHAMBER": "a chamber line such as 'IN THE SENATE OF THE UNITED STATES'",
    "CHAMBER_IN_TEXT": "a line such as 'In the House of Representatives, U.S.,'",
    "DATE": "a date line such as 'September 17, 2025'",
    "DOCUMENT_TYPE": "a line such as 'A BILL' or 'JOINT RESOLUTION'",
    "ORDINAL_CONGRESS": "a line such as 'One Hundred Nineteenth Congress'",
    "SESSION_WORDS": "a line such as 'AT THE FIRST SESSION'",
    "BEGUN_AND_HELD": "the 'Begun and held at the City of Washington' line",
    "PUBLIC_LAW": "a line such as 'Public Law 119-1'",
    "PAGE_MARK": "a page marker such as '[[Page 139 STAT. 3]]'",
    "ENACTING": "the enacting clause ('Be it enacted by the Senate and House ...')",
    "RESOLVED": "a resolving clause ('Resolved, That ...')",
    "WHEREAS": "a preamble clause ('Whereas ...')",
    "STRIKE_ALL": "'Strike out all after the enacting clause and insert:'",
    "SECTION_HEADER_LINE": "a section header such as 'SEC. 2. DEFINITIONS.'",
    "SECTION_HEADER_OPEN": "a section header such as 'SEC. 2. DEFINITIONS.'",
    "HEADER_CONTINUED": "more of the section heading",
    "HEADER_CLOSE": "the end of the section heading, closing with a period",
    "DIVISION_HEADING": "a heading such as 'TITLE I--GENERAL PROVISIONS'",
    "TOC_ENTRY": "a table of contents line such as 'Sec. 2. Definitions.'",
    "DESIGNATED": "a line opening with a designation such as '(a)'",
    "QUOTED": "a line of quoted text",
    "DELETED": "a <DELETED> line",
    "SIGNATURE": "a signature line",
    "ATTEST": "the 'Attest:' line",
    "PASSED": "a line such as 'Passed the Senate September 30, 2025.'",
    "ALL_MARK": "the closing <all> marker",
    "TEXT": "a line of text",
    "BODY_TEXT": "a line of text",
    "_BLANK": "a blank line",
    "$END": "the end of the file",
}

# The openings of a bill, named when a file starts with something else.
_OPENINGS = (
    "the GPO header ([Congressional Bills ...] or <DOC>), a Congress line "
    "('119th CONGRESS'), a measure number ('S. 77'), the enacting clause "
    "('Be it enacted ...'), a resolving clause ('Resolved, That ...') or a "
    "section header ('SECTION 1. SHORT TITLE.')"
)


@cache
def grammar_parser(*, cached: bool = True) -> Lark:
    """The LALR parser for bill.lark, built once per process (strict: no conflicts, no collisions).

    The parser makes the document's ``Line``s as it goes (``_LineMaker``): no parse tree
    is built, and each token is let go as soon as its lines are made.

    Building checks every pair of terminals for collisions, which takes most of a
    second; with ``cached`` Lark keeps the built parser in the temporary directory,
    keyed by the grammar's hash, so later processes load it instead.
    """
    return Lark(lexing_grammar(grammar_text()), parser="lalr", lexer="contextual", strict=True,
                cache=cached, transformer=_LineMaker())


def grammar_text() -> str:
    """bill.lark as written: the form whose terminals Lark checks for collisions."""
    return resources.files("grammar").joinpath("bill.lark").read_text(encoding="utf-8")


_CONTINUED = re.compile(r"^(?P<head>[A-Z_]+\.[0-9]+: /[^\n]*)/ CONTINUATION\*$", re.MULTILINE)
_CONTINUATION = re.compile(r"^CONTINUATION: /(?P<regex>[^\n]*)/$", re.MULTILINE)


# Lines a token carries on through at most: the line after them opens a token of its own.
_MOST_CONTINUED = 100


def lexing_grammar(grammar: str) -> str:
    """The grammar as the parser lexes it: each ``/line/ CONTINUATION*`` terminal written as
    one regular expression whose repeat is possessive and bounded (``{0,100}+``).

    The lines come out the same: the repeat ends the terminal, so a greedy one never gives
    anything back, and a continuation line after the hundredth opens a BODY_TEXT token of
    its own, which makes it a TEXT line just as carrying on would.  But the regular
    expression engine keeps no backtracking state per repeated line (with the plain ``*``
    a paragraph of 70,000 wrapped lines held 25 times its size while it was matched), and
    no token copies more than a hundred lines of the text.  Lark's collision check cannot
    read a possessive repeat and skips these two terminals, so the check is made on
    ``grammar_text()`` (tests/grammar).
    """
    found = _CONTINUATION.search(grammar)
    if found is None:
        raise ValueError("bill.lark has no CONTINUATION terminal")
    continuation = found.group("regex")
    return _CONTINUED.sub(lambda m: f"{m.group('head')}(?:{continuation}){{0,{_MOST_CONTINUED}}}+/", grammar)


# What the callbacks hand up: a token's line or lines, a part's lines, nothing for a blank line.
_Piece = Line | tuple[Line, ...] | list[Line] | None


class _LineMaker:
    """Lark's callbacks, run as it parses: each token becomes its ``Line``s as it is shifted
    (a wrapped paragraph's token, one per physical line), and each part of the document
    (front, body, back) a list of them.  Lines are made as "body" lines; the front and
    back matter, which are short, are remade with their own part."""

    def __getattr__(self, name: str) -> Callable[[Token], Line | tuple[Line, ...] | None]:
        # Every terminal's callback (Lark looks them up by the terminal's name).
        if name.isupper() or name == "_BLANK":
            return _lines_of
        raise AttributeError(name)

    @staticmethod
    def start(children: list[list[Line]]) -> list[Line]:
        return [line for part in children for line in part]

    @staticmethod
    def front(children: Sequence[_Piece]) -> list[Line]:
        return [line._replace(part="front") for line in _flat(children)]

    @staticmethod
    def body(children: Sequence[_Piece]) -> list[Line]:
        return _flat(children)

    @staticmethod
    def back(children: Sequence[_Piece]) -> list[Line]:
        return [line._replace(part="back") for line in _flat(children)]

    end = back
    section_header = body


def _flat(children: Sequence[_Piece]) -> list[Line]:
    out: list[Line] = []
    for child in children:
        if isinstance(child, Line):
            out.append(child)
        elif child is not None:
            out.extend(child)
    return out


def _lines_of(token: Token) -> Line | tuple[Line, ...] | None:
    """The physical lines of one token: the words apart from the indentation (shared)."""
    kind = token.type
    if kind == "_BLANK":
        return None  # the grammar drops blank lines
    if kind == "BODY_TEXT":
        kind = "TEXT"
    number = token.line or 0
    value = str(token.value)
    end = value.find("\n")
    if end < 0 or end == len(value) - 1:
        return _line(kind, value[:end] if end >= 0 else value, number)
    # One physical line at a time, so that a paragraph's lines are never held twice.
    made = []
    start = 0
    while end >= 0:
        made.append(_line(kind, value[start:end], number))
        kind = "TEXT"  # the lines a multi-line token carries on with
        number += 1
        start = end + 1
        end = value.find("\n", start)
    if start < len(value):
        made.append(_line(kind, value[start:], number))
    return tuple(made)


def _line(kind: str, physical: str, number: int) -> Line:
    raw = physical.rstrip()
    content = raw.lstrip(" \t")
    indent = len(raw) - len(content)
    # The indentation is interned: a bill has a few dozen of them, shared by all its lines.
    return Line(kind, content, number, "body", sys.intern(raw[:indent]) if indent else "")


def read_lines(text: str) -> list[Line]:
    """Parse ``text`` (which must end with a newline) into its typed lines.

    Raises:
        BillSyntaxError: a line stands where the layout does not allow it.
    """
    try:
        lines: list[Line] = grammar_parser().parse(text)  # type: ignore[assignment]
    except UnexpectedInput as error:
        raise _syntax_error(text, error) from None
    return lines


def _syntax_error(text: str, error: UnexpectedInput) -> BillSyntaxError:
    source_lines = text.split("\n")
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        line = len(source_lines) - 1 if source_lines[-1] == "" else len(source_lines)
        expected = _expected(getattr(error, "expected", ()))
        return BillSyntaxError(
            "the file ends before the bill's text begins" if _before_body(error) else
            "the file ends in the middle of a section heading",
            line=line,
            column=len(source_lines[line - 1]) + 1 if line else 1,
            source_line=source_lines[line - 1] if line else "",
            expected=expected,
        )
    line = error.line or 1
    source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    column = len(source) - len(source.lstrip(" \t")) + 1
    if isinstance(error, UnexpectedToken):
        expected_names = set(error.expected)
        misplaced = f"{_a(error.token.type)} cannot stand here"
    else:  # UnexpectedCharacters: no terminal matches the line
        expected_names = set(getattr(error, "allowed", None) or ())
        misplaced = "this line cannot stand here"
    expected = _expected(expected_names)
    if expected_names <= {"HEADER_CONTINUED", "HEADER_CLOSE"}:
        message = "the section heading above is not finished"
    elif expected_names <= {"_BLANK", "$END"}:
        message = "nothing may follow the closing <all> marker"
    elif _at_first_line(text, line):
        message = ("this is not a bill in the GPO plain-text layout: its first line is neither "
                   "a header line nor the start of a bill's text")
        expected = _OPENINGS
    else:
        message = misplaced
    return BillSyntaxError(message, line=line, column=column, source_line=source, expected=expected)


def _before_body(error: UnexpectedInput) -> bool:
    expected = set(getattr(error, "expected", ()) or ())
    return not expected <= {"HEADER_CONTINUED", "HEADER_CLOSE"}


def _at_first_line(text: str, line: int) -> bool:
    for number, content in enumerate(text.split("\n"), start=1):
        if content.strip():
            return number == line
    return False


def _a(terminal: str) -> str:
    return _DESCRIPTIONS.get(terminal, terminal.lower())


def _expected(names: object) -> str:
    wanted = sorted(
        {_DESCRIPTIONS.get(name, name.lower()) for name in names if name not in ("_BLANK", "TEXT", "BODY_TEXT")}  # type: ignore[attr-defined]
    )
    if not wanted:
        return "a line of text"
    if len(wanted) > 6:
        return "; ".join(wanted[:6]) + "; or another part of the layout"
    return "; or ".join(wanted)
