"""Running the grammar: bill text in, the document's typed lines out.

``read_lines`` parses the text with bill.lark and returns every line with the
name of its shape and the part of the document it belongs to.  A text the
grammar rejects raises BillSyntaxError, saying in words what the layout
expected at that point.
"""

from __future__ import annotations

import re
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple, overload

from lark import Lark, Token
from lark.exceptions import UnexpectedEOF, UnexpectedInput, UnexpectedToken

from grammar.errors import BillSyntaxError

__all__ = ["Line", "Lines", "grammar_parser", "grammar_text", "lexing_grammar", "read_lines"]


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


_PARTS = ("front", "body", "back")
# A ``Line`` made from its five fields without the keyword handling of its own ``__new__``: the
# assembler reads a line several times, and each read makes one.
_new_line = tuple.__new__


class _Table:
    """The distinct values of a column that has few (kinds, indentations), each with its code."""

    __slots__ = ("codes", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.codes: dict[str, int] = {}

    def code(self, value: str) -> int:
        code = self.codes.get(value)
        if code is None:
            code = self.codes[value] = len(self.values)
            self.values.append(value)
        return code


class Lines(Sequence[Line]):
    """The document's lines stored by column: each line's words, and a few bytes for its kind,
    number, part and indentation; a ``Line`` is made as one is read.

    A bill can have a line every 26 bytes: as ``Line`` tuples in a list, each line held a tuple
    (80 bytes) and its number (28) beside its words, while the text was read the largest part
    of the parse's memory.  A line is written in place to give it another kind, or to let it go.
    """

    __slots__ = ("_contents", "_gone", "_kind_codes", "_kinds", "_numbers", "_part_codes", "_prefix_codes",
                 "_prefixes")

    def __init__(self, lines: Iterable[Line] = ()) -> None:
        self._contents: list[str] = []
        self._numbers = array("I")
        self._part_codes = bytearray()
        self._kind_codes = array("H")
        self._prefix_codes = array("I")
        self._kinds = _Table()
        self._prefixes = _Table()
        self._gone: tuple[Line, int, int, int] | None = None
        for line in lines:
            self.append(line)

    def append(self, line: Line) -> None:
        """Add ``line`` at the end."""
        self.add(line.kind, line.content, line.number, line.prefix, line.part)

    def extend(self, lines: Iterable[Line]) -> None:
        """Add ``lines`` at the end."""
        for line in lines:
            self.append(line)

    def __eq__(self, other: object) -> bool:
        # Equal to a list (what the lines were before) or another store of the same lines.
        if not isinstance(other, (list, Lines)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # written in place, as a list is

    def add(self, kind: str, content: str, number: int, prefix: str = "", part: str = "body") -> None:
        """Add a line at the end."""
        self._contents.append(content)
        self._numbers.append(number)
        self._part_codes.append(_PARTS.index(part))
        self._kind_codes.append(self._kinds.code(kind))
        self._prefix_codes.append(self._prefixes.code(prefix))

    def set_part(self, start: int, stop: int, part: str) -> None:
        """Put the lines from ``start`` up to ``stop`` in ``part``."""
        self._part_codes[start:stop] = bytes([_PARTS.index(part)]) * max(0, stop - start)

    def let_go(self, start: int, stop: int, gone: Line) -> None:
        """Put ``gone`` in place of the lines from ``start`` up to ``stop`` (their words are let go)."""
        if self._gone is None or self._gone[0] is not gone:  # its codes, worked out once
            self._gone = (gone, self._kinds.code(gone.kind), _PARTS.index(gone.part), self._prefixes.code(gone.prefix))
        _, kind, part, prefix = self._gone
        contents = self._contents
        for k in range(start, min(stop, len(contents))):  # most often one line
            contents[k] = gone.content
            self._numbers[k] = gone.number
            self._part_codes[k] = part
            self._kind_codes[k] = kind
            self._prefix_codes[k] = prefix

    def all_in(self, part: str) -> bool:
        """Whether every line is in ``part``."""
        return self._part_codes.count(_PARTS.index(part)) == len(self)

    def cut_to(self, part: str) -> None:
        """Keep only the lines of ``part``.  They stand together (the body between the front and
        back matter), so that is two cuts in place: a bill of a million lines is not listed twice."""
        code = _PARTS.index(part)
        first, last = self._part_codes.find(code), self._part_codes.rfind(code)
        if first < 0:
            del self[:]
            return
        if self._part_codes.count(code) == last + 1 - first:
            del self[last + 1 :]
            del self[:first]
            return
        kept = [k for k in range(first, last + 1) if self._part_codes[k] == code]
        self._contents = [self._contents[k] for k in kept]
        self._numbers = array("I", (self._numbers[k] for k in kept))
        self._part_codes = bytearray(bytes([code]) * len(kept))
        self._kind_codes = array("H", (self._kind_codes[k] for k in kept))
        self._prefix_codes = array("I", (self._prefix_codes[k] for k in kept))

    def of_part(self, part: str) -> Iterator[Line]:
        """The lines of one part of the document, in order."""
        code = _PARTS.index(part)
        first, last = self._part_codes.find(code), self._part_codes.rfind(code)
        if first < 0:
            return
        for k in range(first, last + 1):
            if self._part_codes[k] == code:
                yield self[k]

    def __len__(self) -> int:
        return len(self._contents)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        return _new_line(Line, (self._kinds.values[self._kind_codes[index]], self._contents[index],
                                self._numbers[index], _PARTS[self._part_codes[index]],
                                self._prefixes.values[self._prefix_codes[index]]))

    def __setitem__(self, index: int, line: Line) -> None:
        if not isinstance(index, int):
            raise TypeError("lines are written one at a time: lines[k] = line")
        self._contents[index] = line.content
        self._numbers[index] = line.number
        self._part_codes[index] = _PARTS.index(line.part)
        self._kind_codes[index] = self._kinds.code(line.kind)
        self._prefix_codes[index] = self._prefixes.code(line.prefix)

    def __delitem__(self, index: slice) -> None:
        for column in (self._contents, self._numbers, self._part_codes, self._kind_codes, self._prefix_codes):
            del column[index]

    def __iter__(self) -> Iterator[Line]:
        kinds, prefixes = self._kinds.values, self._prefixes.values
        for content, number, part, kind, prefix in zip(
                self._contents, self._numbers, self._part_codes, self._kind_codes, self._prefix_codes, strict=True):
            yield _new_line(Line, (kinds[kind], content, number, _PARTS[part], prefixes[prefix]))

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


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

    The parser fills the document's ``Lines`` as it goes (``_LineMaker``) and returns them:
    no parse tree is built, and each token is let go as soon as its lines are added.

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


# The lines the parse running on this thread is filling, and how many of them are in a part
# so far: Lark's callbacks are the parser's, made once, so what they fill is found here.
_reading = threading.local()


class _LineMaker:
    """Lark's callbacks, run as it parses: each token's physical lines are added to the
    ``Lines`` being read as the token is shifted (a wrapped paragraph's token, one per line),
    as body lines; when a part of the document (front, body, back) is reduced, the lines
    since the last part are put in it.  Nothing is handed up: no parse tree is built."""

    def __getattr__(self, name: str) -> Callable[[Token], None]:
        # Every terminal's callback (Lark looks them up by the terminal's name).
        if name.isupper() or name == "_BLANK":
            return _add_lines_of
        raise AttributeError(name)

    @staticmethod
    def start(children: object) -> Lines:
        lines: Lines = getattr(_reading, "lines", None) or Lines()
        _reading.lines = None  # handed over: the thread holds no lines between parses
        return lines

    @staticmethod
    def front(children: object) -> None:
        _close_part("front")

    @staticmethod
    def body(children: object) -> None:
        _close_part("body")

    @staticmethod
    def back(children: object) -> None:
        _close_part("back")

    end = back

    @staticmethod
    def section_header(children: object) -> None:
        return None  # a part of the body: its lines stay where they are


def _close_part(part: str) -> None:
    lines: Lines = _reading.lines
    lines.set_part(_reading.closed, len(lines), part)
    _reading.closed = len(lines)


def _reading_from(token: Token) -> Lines:
    """The lines the parse of ``token`` fills: new ones at the text's first token, so that each
    parse starts afresh, whoever started it (``read_lines`` or the parser's own ``parse``)."""
    if token.start_pos == 0 or getattr(_reading, "lines", None) is None:
        _reading.lines = Lines()
        _reading.closed = 0
    lines: Lines = _reading.lines
    return lines


def _add_lines_of(token: Token) -> None:
    """Add the physical lines of one token: the words apart from the indentation (shared)."""
    lines = _reading_from(token)
    kind = token.type
    if kind == "_BLANK":
        return  # the grammar drops blank lines
    if kind == "BODY_TEXT":
        kind = "TEXT"
    number = token.line or 0
    value = str(token.value)
    start = 0
    end = value.find("\n")
    # One physical line at a time, so that a paragraph's lines are never held twice.
    while end >= 0:
        _add_line(lines, kind, value[start:end], number)
        kind = "TEXT"  # the lines a multi-line token carries on with
        number += 1
        start = end + 1
        end = value.find("\n", start)
    if start < len(value):
        _add_line(lines, kind, value[start:], number)


def _add_line(lines: Lines, kind: str, physical: str, number: int) -> None:
    raw = physical.rstrip()
    content = raw.lstrip(" \t")
    indent = len(raw) - len(content)
    lines.add(kind, content, number, raw[:indent] if indent else "")


def read_lines(text: str) -> Lines:
    """Parse ``text`` (which must end with a newline) into its typed lines.

    Raises:
        BillSyntaxError: a line stands where the layout does not allow it.
    """
    try:
        lines: Lines = grammar_parser().parse(text)  # type: ignore[assignment]
    except UnexpectedInput as error:
        raise _syntax_error(text, error) from None
    finally:
        _reading.lines = None  # a parse that failed lets go of what it read
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
