"""Assembling the body: typed lines in, a draft tree of units out.

The grammar has said what shape each line has; this module decides what each
line does, using the lines around it:

- a line that opens with a designation opens a unit only where ``nesting.place``
  says so (otherwise it is a citation at the start of a wrapped line);
- a quoted block (amendatory text) runs from the line after a colon (or from a
  quotation opened in the running text, ``inserting ``which--``) to the ``''`` that
  closes it, read one quoted paragraph at a time (grammar/quotes.py), and stays
  text of the unit that quotes it; where its marks never balance it ends at the
  first line that can only be this bill's own unit, with a diagnostic;
- a ``Sec. 2.`` line is a table of contents entry inside a table of contents,
  and a section (appropriations style) elsewhere;
- words after a list's last item belong to the list's parent (flush language)
  when the item has ended and no sibling follows.

The result is a list of ``Draft`` trees, mutable while assembling; grammar/tree.py
freezes them into provisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from grammar.errors import BillStructureError, BillSyntaxError
from grammar.lexicon import (
    DIVISION_RANKS,
    Level,
    designation_run,
    division_heading,
    ends_sentence,
    heading_case,
    is_capitals,
    is_first,
    join_lines,
    levels_of,
    section_header,
    split_heading,
    successor_of,
)
from grammar.lines import Line, Lines
from grammar.model import Diagnostic, QuotedBlock
from grammar.nesting import Cue, LeadIn, OpenUnit, cites_a_list, continues_citation, lead_in_of, place
from grammar.quotes import carry, closes_straight, ends_as_a_block_ends, ends_paragraph
from grammar.repeats import LIMIT, Repeats
from grammar.stores import TableOfContents, TableOfContentsWriter

__all__ = ["Assembly", "Draft", "assemble"]


@dataclass(eq=False, slots=True)
class Draft:
    """A unit being assembled: the words gathered so far and the units below it."""

    kind: str  # "division" ... "subpart", "section", "subsection" ... "subitem", "resolution", "whereas", "text"
    designation: str
    line_start: int
    heading: str = ""
    level: Level | None = None
    indent: int | None = None
    # Most units have one line of words and no flush language, children or quoted blocks:
    # the words are a tuple until a second piece is added, the children the empty tuple until
    # the first is (a list for each would be most of a small unit's size).
    words: list[str] | tuple[str, ...] = ()
    children: list[Draft] | tuple[()] = ()
    line_end: int = 0
    # Flush language, quoted blocks and open inline quotations, which most units never have,
    # in one object made for the few that do.  With ten fields a draft is the size of a
    # provision, so that a provision takes the memory a draft frozen before it let go.
    rare: _Rare | None = None

    @property
    def flush(self) -> list[str] | tuple[()]:
        """The words set after the children, in pieces."""
        return self.rare.flush if self.rare is not None else ()

    @flush.setter
    def flush(self, pieces: list[str] | tuple[()]) -> None:
        if self.rare is not None or pieces:
            self._rare().flush = pieces

    @property
    def quoted(self) -> list[QuotedBlock] | tuple[()]:
        """The quoted blocks of amendatory text, in order."""
        return self.rare.quoted if self.rare is not None else ()

    @property
    def in_quotation(self) -> bool:
        """Whether the words so far end inside an inline quotation."""
        return self.rare is not None and (self.rare.balance > 0 or self.rare.straight)

    @property
    def quote_balance(self) -> int:
        """Inline ``quotations'' opened and not yet closed."""
        return self.rare.balance if self.rare is not None else 0

    @quote_balance.setter
    def quote_balance(self, value: int) -> None:
        if self.rare is not None or value:
            self._rare().balance = value

    @property
    def straight_open(self) -> bool:
        """Whether an inline "quotation" is open and not yet closed."""
        return self.rare is not None and self.rare.straight

    @straight_open.setter
    def straight_open(self, value: bool) -> None:
        if self.rare is not None or value:
            self._rare().straight = value

    @property
    def quote_line(self) -> int:
        """The line on which the open inline quotation opened."""
        return self.rare.line if self.rare is not None else 0

    @quote_line.setter
    def quote_line(self, value: int) -> None:
        if self.rare is not None or value:
            self._rare().line = value

    def _rare(self) -> _Rare:
        if self.rare is None:
            self.rare = _Rare()
        return self.rare

    def __post_init__(self) -> None:
        self.line_end = max(self.line_end, self.line_start)

    def add_child(self, child: Draft) -> None:
        if isinstance(self.children, tuple):
            self.children = [child]
        else:
            self.children.append(child)

    def add_words(self, words: str, *, flush: bool = False) -> None:
        if not flush:
            if isinstance(self.words, list):
                self.words.append(words)
            else:
                self.words = [*self.words, words] if self.words else (words,)
        else:
            pieces = self.flush
            if isinstance(pieces, tuple):
                self.flush = [words]
            else:
                pieces.append(words)

    def extend_last(self, words: str, *, flush: bool = False) -> None:
        """Add ``words`` to the last piece of the words (or flush language) gathered so far."""
        pieces = self.flush if flush else self.words
        if not pieces:
            self.add_words(words, flush=flush)
        elif isinstance(pieces, list):
            pieces[-1] += words
        else:
            self.words = (*pieces[:-1], pieces[-1] + words)

    def add_quoted(self, block: QuotedBlock) -> None:
        rare = self._rare()
        if isinstance(rare.quoted, tuple):
            rare.quoted = [block]
        else:
            rare.quoted.append(block)


@dataclass(eq=False, slots=True)
class _Rare:
    """What few drafts have: flush language, quoted blocks, and the open inline quotations
    (``quotations'' opened and not closed, an open "quotation", the line the open one opened on)."""

    flush: list[str] | tuple[()] = ()
    quoted: list[QuotedBlock] | tuple[()] = ()
    balance: int = 0
    straight: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True)
class Assembly:
    """What the body is made of: its top-level drafts, table of contents and preamble."""

    drafts: tuple[Draft, ...]
    toc: TableOfContents
    preamble: str
    diagnostics: tuple[Diagnostic, ...]


def assemble(lines: Sequence[Line], *, release: bool = False) -> Assembly:
    """Assemble the body's lines (those with ``part == "body"``) into drafts.

    With ``release`` the caller gives ``lines`` up (``Lines`` of the body only): each
    line in it is replaced by a placeholder once read, so that a large bill's lines
    and its drafts are never both whole in memory.

    Raises:
        BillStructureError: a quoted block is never closed.
        BillSyntaxError: a section heading in capitals runs on into a unit's line.
    """
    if release and isinstance(lines, Lines) and lines.all_in("body"):
        return _Assembler(lines, release=True).run()
    return _Assembler([line for line in lines if line.part == "body"]).run()


@dataclass
class _Target:
    """Where running text goes: a draft's own words, its flush language, or the preamble."""

    draft: Draft | None
    flush: bool = False

    def pieces(self, preamble: list[str]) -> Sequence[str]:
        if self.draft is None:
            return preamble
        return self.draft.flush if self.flush else self.draft.words


@dataclass
class _Quote:
    """A quoted block being read: from the line it opens on to the ``''`` that ends it."""

    draft: Draft | None
    start: int
    pieces: list[str]
    straight: bool
    depth: int = 0  # quotations open in the block (see grammar/quotes.py)
    after_break: bool = True  # the block's last line ended a paragraph
    last: int = 0  # the block's last line so far


_QUOTE_OPENERS = ("(", "SEC", "Sec", "SECTION", "TITLE", "Subtitle", "SUBTITLE", "CHAPTER",
                  "Chapter", "PART", "Part", "DIVISION", "Subchapter", "SUBCHAPTER")
_HEADER_KINDS = ("SECTION_HEADER_LINE", "SECTION_HEADER_OPEN")
_LOOKAHEAD = 400  # lines a look-ahead reads at most: a paragraph is never longer
_STRUCK_CLOSE = "</DELETED>"
_FORMULA_ONLY = re.compile(r"^Resolved by the [^,]*(?:assembled|concurring(?: therein)?\)),$")
_BARE_SECTION_ONE = re.compile(r"^1\.\s+([A-Z][A-Z ,;'-]*[A-Z])\.$")


# What a line that has been read and let go is replaced by.
_GONE = Line("_GONE", "", 0, "body")


class _Assembler:
    def __init__(self, lines: list[Line] | Lines, *, release: bool = False) -> None:
        self.lines = lines
        self.release = release
        self.kept: dict[int, Line] = {}  # released lines an open quotation opened on
        self.roots: list[Draft] = []
        self.containers: list[Draft] = []
        self.section: Draft | None = None
        self.units: list[Draft] = []  # open units below the section, outermost first
        self.target = _Target(None)
        self.preamble: list[str] = []
        self.toc = TableOfContentsWriter()  # by column: a table can list a section every 20 bytes
        self.in_toc = False
        self.quote: _Quote | None = None
        self.diagnostics: list[Diagnostic] = []
        self.repeats = Repeats()  # the same designation out of sequence many times: the first few in full
        self.position = 0  # index of the line being read
        self.whereas_count = 0
        self.roots_have_sections = False  # a section has been opened
        self.resolution_count = 0
        # The words a unit opened with, kept to be shared by the next unit that opens with the
        # same ones: a run of repeated units then holds one copy of them, not one per unit.
        self.opening_words: tuple[str, ...] = ()

    # The walk over the lines -------------------------------------------------

    def run(self) -> Assembly:
        i = 0
        lines = self.lines
        while i < len(lines):
            following = self._step(i)
            if following < 0:
                break
            if self.release:
                self._release(i, following)
            i = following
        if self.quote is not None:
            opening = self.kept.get(self.quote.start) or next(
                (line for line in lines if line.number == self.quote.start), None)
            raise BillStructureError(
                f"the quotation opened on line {self.quote.start} is never closed",
                line=self.quote.start,
                column=opening.indent + 1 if opening is not None else 1,
                source_line=opening.text if opening is not None else None,
                expected="a line ending the quotation with '' (or \") and its punctuation, "
                "such as ''. or '';",
            )
        self._close_section()
        self.diagnostics += self.repeats.summaries(_more_out_of_sequence)
        return Assembly(tuple(self.roots), self.toc.finish(), join_lines(self.preamble),
                        tuple(self.diagnostics))

    def _release(self, start: int, stop: int) -> None:
        """Let go of the lines just read (their words live on in the drafts), keeping only the
        line an open quotation opened on, for the error if it never closes."""
        draft = self.target.draft
        if self.quote is not None or self.kept or (draft is not None and draft.in_quotation):
            # A quotation is open: keep the line it opened on (most lines skip this).
            wanted = {self.quote.start} if self.quote is not None else set()
            if draft is not None and draft.in_quotation:
                wanted.add(draft.quote_line)
            for number in [n for n in self.kept if n not in wanted]:
                del self.kept[number]
            for k in range(start, stop) if wanted else ():
                line = self.lines[k]
                if line.number in wanted:
                    self.kept[line.number] = line
        if isinstance(self.lines, Lines):
            self.lines.let_go(start, stop, _GONE)
        else:
            self.lines[start:stop] = [_GONE] * (stop - start)

    def _step(self, i: int) -> int:
        """Read the line at index ``i`` (and any lines that go with it); the index to read next,
        or -1 where the body ends."""
        line = self.lines[i]
        self.position = i
        if self.quote is not None and not self._recovers_from_quote(line):
            self._quoted_line(line)
            return i + 1
        kind = line.kind
        if kind in _HEADER_KINDS:
            return self._section_header(i)
        if kind == "DELETED":
            return self._past_struck(i)
        if kind == "_BLANK" or kind == "PAGE_MARK" or not line.content:
            return i + 1
        if self.in_toc and kind not in ("TOC_ENTRY", "DIVISION_HEADING", "TEXT"):
            self.in_toc = False
        if kind == "TOC_ENTRY":
            return self._sec_line(i)
        if kind == "DIVISION_HEADING":
            return self._division_heading(i)
        if kind == "DESIGNATED":
            self._designated(line)
        elif kind == "QUOTED":
            self._quoted_start(line)
        elif kind == "WHEREAS":
            self._whereas(line)
        elif kind == "RESOLVED":
            self._resolved(line)
        elif kind in ("ENACTING", "STRIKE_ALL"):
            self._close_section()
            self.target = _Target(None)
            self.preamble.append(line.content)
        elif kind == "SIGNATURE" and self._only_signatures_from(i):
            return -1
        elif self.section is None and not self.roots_have_sections and (
                bare := _BARE_SECTION_ONE.match(line.content)) is not None:
            # "1. TABLE OF CONTENTS.": a Senate amendment's first section without "SECTION"
            draft = self._open_section("1", line, bare.group(1))
            draft.line_end = line.number
        else:
            return self._text(i)
        return i + 1

    def _past_struck(self, i: int) -> int:
        """The index after the struck paragraph that opens at ``i``.

        A committee's struck text opens with ``<DELETED>`` and closes with ``</DELETED>``,
        often lines later: the paragraph's wrapped lines in between are bare, and are struck
        too.  A paragraph never runs past a blank line or into the next ``<DELETED>``: where
        no closing marker comes before one, only the marked line is struck (nothing unmarked
        is dropped), and the search has looked at each line once.
        """
        if _STRUCK_CLOSE in self.lines[i].content:
            return i + 1
        previous = self.lines[i]
        for j, line in enumerate(self._ahead(i + 1), start=i + 1):
            if line.number != previous.number + 1 or line.kind == "DELETED":
                break
            if _STRUCK_CLOSE in line.content:
                return j + 1
            previous = line
        return i + 1

    # Sections and divisions --------------------------------------------------

    def _section_header(self, i: int) -> int:
        first = self.lines[i]
        pieces = [first.content]
        j = i + 1
        if first.kind == "SECTION_HEADER_OPEN":
            while j < len(self.lines) and self.lines[j].kind in ("HEADER_CONTINUED", "HEADER_CLOSE"):
                if self.lines[j].content.startswith(("(", "`", '"')):
                    # Only a heading in capitals wraps onto "(ITOR) ACCOUNT."; run-in words
                    # ("SEC. 101. Section 5 is amended--") go on with their own units.
                    if not _heading_so_far(pieces):
                        self._retype_from(j)
                        break
                    if not is_capitals(self.lines[j].content):
                        raise _unfinished_heading(self.lines[j])
                pieces.append(self.lines[j].content)
                j += 1
        self.in_toc = False
        header = section_header(join_lines(pieces))
        if header is None:  # the grammar only gives this shape a header's number; say so if not
            raise _not_a_header(first)
        number, rest = header
        heading, words = (rest.rstrip(".").strip(), "") if is_capitals(rest) else ("", rest)
        draft = self._open_section(number, first, heading)
        last = first if j == i + 1 else self.lines[j - 1]
        draft.line_end = last.number
        self._section_words(draft, words, last)
        return j

    def _retype_from(self, j: int) -> None:
        """Give the lines the grammar read as a heading's continuation from ``j`` on the shapes
        they have in the body (a designation, a quotation, text)."""
        k = j
        while k < len(self.lines) and self.lines[k].kind in ("HEADER_CONTINUED", "HEADER_CLOSE"):
            line = self.lines[k]
            content = line.content
            kind = ("QUOTED" if content.startswith(("``", '"')) else
                    "DESIGNATED" if designation_run(content)[0] else "TEXT")
            self.lines[k] = line._replace(kind=kind)
            k += 1

    def _section_words(self, draft: Draft, words: str, line: Line) -> None:
        """Words on a section's header line: its text, or its first unit run in (``Sec. 115. (a) ...``)."""
        words = join_lines([words])  # drops a Statutes at Large margin note before "(a)"
        if not words:
            return
        if designation_run(words)[0]:
            self._designated(Line("DESIGNATED", words, line.number, line.part))
        else:
            self._append(draft, words, line.number)

    def _open_section(self, number: str, line: Line, heading: str) -> Draft:
        self._formula_to_preamble()
        self._close_section()
        self.roots_have_sections = True
        draft = Draft("section", number, line.number, heading=heading, indent=line.indent)
        self._add_root_or_child(draft)
        self.section = draft
        self.units = []
        self.target = _Target(draft)
        return draft

    def _formula_to_preamble(self) -> None:
        """A resolving clause that stops at ``assembled,`` and is followed by a section is the
        formula of a resolution in sections, as ``Be it enacted`` is a bill's: the preamble's,
        not a unit (a clause that goes on with ``That ...`` holds the resolution's words)."""
        draft = self.section
        if (draft is None or draft.kind != "resolution" or draft.children or draft.rare is not None
                or not self.roots or self.roots[-1] is not draft):
            return
        words = join_lines(draft.words)
        if not _FORMULA_ONLY.match(words):
            return
        self.roots.pop()
        self.resolution_count -= 1
        self.preamble.append(words)

    def _add_root_or_child(self, draft: Draft) -> None:
        if self.containers:
            self.containers[-1].add_child(draft)
        else:
            self.roots.append(draft)

    def _close_section(self) -> None:
        self.section = None
        self.units = []

    def _division_heading(self, i: int) -> int:
        line = self.lines[i]
        # A heading inside a table of contents lists a division; the first one after the
        # table that is followed by a section, not an entry, is the body's own.
        if (self.in_toc or self._toc_context()) and self._toc_follows(i):
            return self._toc_division(i)
        self.in_toc = False
        parsed = division_heading(line.content)
        if parsed is None:
            return self._text(i)
        kind, designation, heading = parsed
        pieces = [heading]
        j = self._heading_goes_on(i + 1, line, pieces)
        if not join_lines(pieces) and j < len(self.lines) and self._names_a_bare_heading(self.lines[j]):
            # "TITLE I" alone on its line: its name is the line of capitals below it.
            pieces.append(self.lines[j].content)
            j = self._heading_goes_on(j + 1, self.lines[j], pieces)
        self._formula_to_preamble()
        self._close_section()
        rank = DIVISION_RANKS[kind]
        while self.containers and DIVISION_RANKS[self.containers[-1].kind] >= rank:
            self.containers.pop()
        draft = Draft(kind, designation, line.number, heading=join_lines(pieces).strip(" -"),
                      indent=line.indent)
        draft.line_end = self.lines[j - 1].number
        self._add_root_or_child(draft)
        self.containers.append(draft)
        self.target = _Target(draft)
        return j

    def _heading_goes_on(self, j: int, heading: Line, pieces: list[str]) -> int:
        """Gather into ``pieces`` the lines from ``j`` on that wrap ``heading``; the index after them."""
        while j < len(self.lines) and self._continues_heading(self.lines[j], heading,
                                                              self.lines[j - 1]):
            pieces.append(self.lines[j].content)
            j += 1
        return j

    @staticmethod
    def _names_a_bare_heading(line: Line) -> bool:
        return line.kind == "TEXT" and is_capitals(line.content)

    @staticmethod
    def _continues_heading(line: Line, heading: Line, previous: Line) -> bool:
        # A heading wraps onto the very next line; capitals after a blank line are the next
        # heading (an appropriation's agency), not more of this one.
        if line.kind != "TEXT" or line.number != previous.number + 1:
            return False
        content = line.content
        if is_capitals(heading.content):
            return is_capitals(content)
        return content[:1].isupper() and not content.rstrip().endswith((".", ";", ":"))

    # The table of contents ---------------------------------------------------

    def _toc_context(self) -> bool:
        if self.in_toc:
            return True
        section = self.section
        if section is not None and "CONTENTS" in section.heading.upper():
            return True
        words = self._target_tail()
        return words.endswith("follows:") and "contents" in self._target_text().lower()

    def _toc_follows(self, i: int) -> bool:
        for line in self._ahead(i + 1):
            if line.kind in ("_BLANK", "TEXT", "DIVISION_HEADING", "PAGE_MARK"):
                continue
            return line.kind == "TOC_ENTRY"
        return False

    def _sec_line(self, i: int) -> int:
        line = self.lines[i]
        if not (self.in_toc or self._toc_context()):
            return self._appropriations_section(i)
        self.in_toc = True
        pieces = [line.content]
        j = i + 1
        while j < len(self.lines) and self.lines[j].kind == "TEXT":
            pieces.append(self.lines[j].content)
            j += 1
        header = section_header(join_lines(pieces))
        if header is not None:
            self.toc.add("section", header[0], header[1].rstrip(".").strip(), line.number)
        return j

    def _toc_division(self, i: int) -> int:
        self.in_toc = True
        line = self.lines[i]
        pieces = [line.content]
        j = i + 1
        j = self._heading_goes_on(i + 1, line, pieces)
        parsed = division_heading(join_lines(pieces))
        if parsed is not None:
            kind, designation, heading = parsed
            self.toc.add(kind, designation, heading, line.number)
        return j

    def _appropriations_section(self, i: int) -> int:
        line = self.lines[i]
        header = section_header(line.content)
        if header is None:
            raise _not_a_header(line)
        number, rest = header
        draft = self._open_section(number, line, "")
        self._section_words(draft, rest, line)
        return i + 1

    # Resolutions -----------------------------------------------------------------

    def _whereas(self, line: Line) -> None:
        self._close_section()
        self.whereas_count += 1
        draft = Draft("whereas", str(self.whereas_count), line.number, indent=line.indent)
        self.roots.append(draft)
        self.section = draft
        self.units = []
        self.target = _Target(draft)
        self._append(draft, line.content, line.number)

    def _resolved(self, line: Line) -> None:
        self._close_section()
        self.resolution_count += 1
        draft = Draft("resolution", str(self.resolution_count), line.number, indent=line.indent)
        self.roots.append(draft)
        self.section = draft
        self.units = []
        self.target = _Target(draft)
        self._append(draft, line.content, line.number)

    # Units below the section -----------------------------------------------------

    def _designated(self, line: Line) -> None:
        content = line.content
        designations, rest = designation_run(content)
        if designations:
            self._recover_from_inline_quotation(line, designations[0])
        lead_in = self._lead_in()
        if lead_in is LeadIn.OPEN and designations and not continues_citation(rest):
            lead_in = self._lead_in_by_indentation(designations[0], line) or lead_in
        if self.section is None and not self.units:
            if lead_in in (LeadIn.OPEN, LeadIn.BARE):
                self._continue(line)
                return
            self._open_text_root(line)
        if continues_citation(rest) and not self._opens_a_unit(designations, lead_in, line):
            self._continue(line)  # "(iii), (iv), and (v) of such Act": citations wrapped onto the line
            return
        heading, after_heading = split_heading(rest.lstrip()) if ".--" in rest else ("", rest)
        # "(a) In General.--(1) The Secretary ...": a child run in after the heading.
        run_after_heading, words_after_run = (
            designation_run(after_heading) if heading and after_heading.startswith("(") else ((), "")
        )
        last = len(designations) - 1
        cues = [
            Cue(
                designation,
                lead_in if position == 0 else LeadIn.CHAPEAU,
                run_in=position > 0,
                title_case=heading_case(heading) if heading and position == last else None,
                indent=line.indent if position == 0 else None,
            )
            for position, designation in enumerate(designations)
        ]
        if run_after_heading:
            cues += [Cue(designation, LeadIn.CHAPEAU, run_in=True) for designation in run_after_heading]
        stack = [OpenUnit(d.level, d.designation, d.indent) for d in self.units if d.level]
        opened: list[Draft] = []
        for position, cue in enumerate(cues):
            level = place(stack, cue)
            if (level is None and position == 0 and cue.lead_in not in (LeadIn.OPEN, LeadIn.BARE)
                    and not cites_a_list(self._target_tail())):
                level = self._out_of_sequence(stack, cue, line)
            if level is None:
                break
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(OpenUnit(level, cue.designation, cue.indent))
            opened.append(Draft(level.kind, cue.designation, line.number, level=level, indent=cue.indent))
        if not opened:
            self._continue(line)
            return
        if len(opened) > len(designations):
            # The heading belongs to the last unit of the first run; the rest to the run-in child.
            opened[last].add_words(f"{heading}.--")
            consumed = "".join(f"({d.designation})" for d in opened[len(designations) :])
            words = words_after_run if len(opened) == len(cues) else after_heading[len(consumed) :]
        elif len(opened) == len(designations):
            words = rest
        else:
            consumed = "".join(f"({d.designation})" for d in opened)
            words = content[len(consumed) :]
        self._attach(opened)
        self._append(opened[-1], words, line.number)

    def _lead_in_by_indentation(self, designation: str, line: Line) -> LeadIn | None:
        """After words that could go on with a citation (``Act (29 U.S.C. 3101)``, ``September
        30, 2026``, ``contributions and``) but not inside a quotation, a designation where the
        indentation puts a new unit: next in sequence at an open unit's own indentation (read as
        after bare words), or a first designation set in a level below the innermost unit (read
        as after a chapeau).  A wrapped line sits left of both, at its unit's continuation indent."""
        draft = self.target.draft
        if draft is None or draft.in_quotation or not line.indent or self.target.flush:
            return None
        if any(unit.level is not None and unit.indent == line.indent
               and successor_of(unit.designation, designation, unit.level) for unit in self.units):
            return LeadIn.BARE
        innermost = self.units[-1] if self.units else self.section
        if innermost is None or innermost is not draft:
            return None
        deepest = innermost.level
        parent_indent = innermost.indent if deepest is not None else 4  # a section's text: indent 4
        if parent_indent is None or line.indent < parent_indent + 8:
            return None
        if any(is_first(designation, level) and (deepest is None or level > deepest)
               for level in levels_of(designation)):
            return LeadIn.CHAPEAU
        return None

    def _opens_a_unit(self, designations: tuple[str, ...], lead_in: LeadIn, line: Line) -> bool:
        """Whether a designation followed by "of", "and" or "through" (``(ii) of whom--``) opens a
        unit all the same: after a chapeau, or where it is the next in sequence of an open unit
        at that unit's indentation (a wrapped citation sits at the continuation indent)."""
        if lead_in is LeadIn.CHAPEAU:
            return bool(designations)
        if lead_in not in (LeadIn.LIST, LeadIn.SENTENCE) or not designations or not line.indent:
            return False
        return any(unit.level is not None and unit.indent == line.indent
                   and successor_of(unit.designation, designations[0], unit.level)
                   for unit in self.units)

    def _out_of_sequence(self, stack: list[OpenUnit], cue: Cue, line: Line) -> Level | None:
        """A designation at a break in the text that continues no sequence: report it."""
        open_levels = [unit.level for unit in stack if unit.level in levels_of(cue.designation)]
        where = self.section.designation if self.section is not None else "?"
        if open_levels:
            level = max(open_levels)
            previous = next(u.designation for u in reversed(stack) if u.level == level)
            diagnostic = self.repeats.admit((cue.designation, previous, level.kind, where), lambda: Diagnostic(
                "out-of-sequence",
                f"({cue.designation}) follows ({previous}) at the {level.kind} level "
                f"in section {where}; read as its next {level.kind}",
                line.number, line.indent + 1,
            ))
            if diagnostic is not None:
                self.diagnostics.append(diagnostic)
            return level
        return None

    def _attach(self, opened: list[Draft]) -> None:
        # Units are opened only under a section or the text root (``_designated`` opens one
        # first), and every opened unit has a level.
        level = opened[0].level or Level.SUBSECTION
        while self.units and self.units[-1].level is not None and self.units[-1].level >= level:
            self.units.pop()
        parent = self.units[-1] if self.units else self.section
        if parent is None:
            parent = Draft("text", "", opened[0].line_start)
            self.roots.append(parent)
            self.section = parent
        for draft in opened:
            parent.add_child(draft)
            self.units.append(draft)
            parent = draft
        self.target = _Target(opened[-1])

    def _open_text_root(self, line: Line) -> None:
        """Designated units with no section above them: the words after the enacting clause."""
        draft = Draft("text", "", line.number)
        enacted = join_lines(self.preamble)
        marker = "assembled,"
        if marker in enacted:
            head, _, tail = enacted.partition(marker)
            self.preamble = [head + marker]
            if tail.strip():
                draft.add_words(tail.strip())
        self.roots.append(draft)
        self.section = draft
        self.units = []
        self.target = _Target(draft)

    # Running text and flush language -------------------------------------------

    def _text(self, i: int) -> int:
        self._continue(self.lines[i])
        return i + 1

    def _continue(self, line: Line) -> None:
        if self.in_toc:
            return
        flush_owner = self._flush_owner(line)
        if flush_owner is not None:
            while self.units and self.units[-1] is not flush_owner:
                self.units.pop()
            self.target = _Target(flush_owner, flush=True)
        draft = self.target.draft
        if draft is None:
            self.preamble.append(line.content)
            return
        self._append(draft, line.content, line.number, flush=self.target.flush)

    def _flush_owner(self, line: Line) -> Draft | None:
        """The unit whose flush language this line begins, if it begins any."""
        if self.target.flush or not self.units or self.target.draft is not self.units[-1]:
            return None
        current = self.units[-1]
        words = current.words[-1].rstrip() if current.words else ""
        first = line.content.lstrip("`'\"")[:1]
        if words.endswith(",") and first.islower():
            # "..., the Secretary shall" could continue the item or start flush
            # language: only indentation can tell, so without it the item goes on.
            if not self._indented_left_of(current, line):
                return None
            outermost = False
        elif ends_sentence(words) and first.isupper() and not current.in_quotation:
            if current.indent and line.indent and line.indent >= current.indent - 4:
                # At the unit's own continuation indent: its next sentence, not flush language.
                return None
            outermost = True
        else:
            return None
        chain = self._chapeau_chain()
        if not chain:
            return None
        owner = chain[0] if outermost else chain[-1]
        if outermost and line.indent:
            # Flush language sits at the continuation indent of the unit it belongs to.
            owner = next((d for d in chain if d.indent and line.indent == d.indent - 4), owner)
        if self._sibling_follows(current) or (outermost and self._children_follow(current)):
            return None
        return owner

    @staticmethod
    def _indented_left_of(current: Draft, line: Line) -> bool:
        """Whether the line sits left of the unit's continuation lines (GPO: 4 left of its designation)."""
        if not current.indent:
            return False
        return line.indent < current.indent - 4

    def _chapeau_chain(self) -> list[Draft]:
        """The open units (or the section) whose words end in a chapeau, outermost first,
        unbroken up to the innermost unit's parent."""
        parents = [self.section, *self.units[:-1]] if self.section is not None else self.units[:-1]
        chain: list[Draft] = []
        for draft in reversed(parents):
            words = " ".join(draft.words).rstrip()
            _, after = split_heading(words)
            if after.strip() and after.endswith("--"):
                chain.insert(0, draft)
            else:
                break
        return chain

    def _children_follow(self, current: Draft) -> bool:
        """Whether the words from this line on end in a chapeau that the next designation opens
        a first child under: then they are ``current``'s own next sentence (``... found unsafe.
        The State shall send a notice that states-- (i) ...``), not flush language."""
        if current.level is None:
            return False
        last_words = ""
        for following in self._ahead(self.position):
            if following.kind == "DESIGNATED":
                designations, _ = designation_run(following.content)
                if not designations or not last_words.endswith(("--", ":")):
                    return False
                return any(level > current.level and is_first(designations[0], level)
                           for level in levels_of(designations[0]))
            if following.kind == "TEXT":
                last_words = following.content.rstrip()
            elif following.kind not in ("_BLANK", "PAGE_MARK"):
                return False
        return False

    def _sibling_follows(self, current: Draft) -> bool:
        """Whether the next unit after ``line`` continues ``current``'s own list."""
        for following in self._ahead(self.position + 1):
            if following.kind == "DESIGNATED":
                designations, _ = designation_run(following.content)
                if designations and current.level is not None:
                    return successor_of(current.designation, designations[0], current.level)
                continue
            if following.kind in ("TEXT", "_BLANK", "PAGE_MARK"):
                continue
            return False
        return False

    # Quoted blocks ------------------------------------------------------------------

    def _quoted_start(self, line: Line) -> None:
        content = line.content
        draft = self.target.draft
        straight = content.startswith('"')
        # "is amended by inserting ``which--" and then quoted paragraphs: the quotation
        # opened in the running text goes on as a block.
        continuing = draft is not None and (
            draft.straight_open if straight else draft.quote_balance > 0
        )
        if not continuing:
            tail = self._target_tail()
            structural = content.lstrip('`"').startswith(_QUOTE_OPENERS)
            if not (tail.endswith(":") or (structural and self._lead_in() is not LeadIn.OPEN)):
                self._continue(line)
                return
        start = line.number
        depth = 0
        if continuing and draft is not None:
            start, depth = draft.quote_line or line.number, draft.quote_balance
            words = (draft.flush if self.target.flush else draft.words)
            quoted_from = next((k for k in range(len(words) - 1, -1, -1) if "``" in words[k] or '"' in words[k]),
                               len(words) - 1)
            pieces = words[quoted_from:]
            if pieces:  # from the mark that opened the quotation
                opener = max(pieces[0].rfind("``"), pieces[0].rfind('"'), 0)
                pieces = [pieces[0][opener:], *pieces[1:]]
            draft.quote_balance, draft.straight_open = 0, False
        else:
            pieces = []
        self.quote = _Quote(draft, start, list(pieces), straight, depth=depth)
        self._quoted_line(line)

    def _quoted_line(self, line: Line) -> None:
        quote = self.quote
        if quote is None:  # only called while a block is open
            return
        content = line.content
        quote.pieces.append(content)
        quote.last = line.number
        if quote.straight:
            closed_at: int | None = len(content) if closes_straight(content) else None
        else:
            carried = carry(quote.depth, content, after_break=quote.after_break)
            quote.depth, closed_at = carried
            if closed_at is None and ends_as_a_block_ends(content) and not self._quoted_paragraph_follows():
                # The marks do not balance (GPO text has stray ones), but the line ends as a
                # block ends and no quoted paragraph follows: the block ends here.
                self.diagnostics.append(Diagnostic(
                    "unbalanced-quotation",
                    f"the quotation opened on line {quote.start} has unbalanced quotation marks; "
                    f"read as ending on line {line.number}, where it ends as a quoted block does",
                    line.number, line.indent + 1,
                ))
                closed_at = len(content)
        quote.after_break = ends_paragraph(content)
        if quote.draft is not None:
            self._append(quote.draft, content[: closed_at if closed_at is not None else len(content)],
                         line.number, flush=self.target.flush, count_quotes=False)
            if closed_at is not None and closed_at < len(content):
                # The words after the block's closing '' are the running text's own.
                quote.draft.extend_last(content[closed_at:], flush=self.target.flush)
                self._count_quotes(quote.draft, content[closed_at:], line.number)
        else:
            self.preamble.append(content)
        if closed_at is not None:
            self._close_quote(line.number)

    def _close_quote(self, last_line: int) -> None:
        quote = self.quote
        if quote is not None and quote.draft is not None:
            quote.draft.add_quoted(QuotedBlock(quote.start, last_line, join_lines(quote.pieces)))
        self.quote = None

    def _quoted_paragraph_follows(self) -> bool:
        for following in self._ahead(self.position + 1):
            if following.kind in ("_BLANK", "PAGE_MARK") or not following.content:
                continue
            return following.kind == "QUOTED"
        return False

    def _recovers_from_quote(self, line: Line) -> bool:
        """Whether ``line`` can only be this bill's own unit, so that an open quoted block
        must have ended before it (its closing marks lost): if so, end it and say so."""
        quote = self.quote
        if quote is None or not self._only_this_bills(line, quote.after_break):
            return False
        self.diagnostics.append(Diagnostic(
            "unclosed-quotation",
            f"the quotation opened on line {quote.start} is not closed before line {line.number}, "
            "which can only be a unit of this bill; read as ending on the line before",
            line.number, line.indent + 1,
        ))
        self._close_quote(quote.last or quote.start)
        return True

    def _only_this_bills(self, line: Line, after_break: bool) -> bool:
        """A line no quoted text could hold: a section header or division heading without its
        opening quotation mark, or a designation after a break that goes on with one of this
        bill's open units (every quoted paragraph opens with its own mark)."""
        if line.kind in _HEADER_KINDS:
            return True
        if line.kind == "DIVISION_HEADING":
            return division_heading(line.content) is not None and line.content[:1].isupper()
        if line.kind != "DESIGNATED" or not after_break or _closes_a_quotation(line.content):
            return False
        designations, _ = designation_run(line.content)
        if not designations:
            return False
        return any(
            unit.level is not None and successor_of(unit.designation, designations[0], unit.level)
            and (unit.indent is None or unit.indent == line.indent or not line.indent)
            for unit in self.units
        )

    # Helpers ------------------------------------------------------------------------

    def _append(self, draft: Draft, words: str, number: int, *, flush: bool = False,
                count_quotes: bool = True) -> None:
        if flush or draft.words:
            draft.add_words(words, flush=flush)
        elif self.opening_words and words == self.opening_words[0]:
            draft.words = self.opening_words
        else:
            draft.words = self.opening_words = (words,)
        draft.line_end = max(draft.line_end, number)
        if count_quotes:
            self._count_quotes(draft, words, number)

    @staticmethod
    def _count_quotes(draft: Draft, words: str, number: int) -> None:
        was_open = draft.in_quotation
        if "``" in words or "''" in words:
            draft.quote_balance += words.count("``") - words.count("''")
        if '"' in words and words.count('"') % 2:
            draft.straight_open = not draft.straight_open
        if draft.in_quotation and not was_open:
            draft.quote_line = number

    def _recover_from_inline_quotation(self, line: Line, designation: str) -> None:
        """A quotation opened in the running text and never closed (a stray mark) ends before
        a designation that can only be this bill's: after a break in the words, going on
        with one of this bill's open units, on a line that closes no quotation."""
        draft = self.target.draft
        if draft is None or not draft.in_quotation or _closes_a_quotation(line.content):
            return
        pieces = self.target.pieces(self.preamble)
        if lead_in_of(join_lines(pieces[-2:]), count_quotes=False) not in (LeadIn.LIST, LeadIn.SENTENCE):
            return
        if not any(unit.level is not None and successor_of(unit.designation, designation, unit.level)
                   and (unit.indent is None or not line.indent or unit.indent == line.indent)
                   for unit in self.units):
            return
        self.diagnostics.append(Diagnostic(
            "unclosed-quotation",
            f"the quotation opened on line {draft.quote_line} is not closed before line {line.number}, "
            "which can only be a unit of this bill; read as ending on the line before",
            line.number, line.indent + 1,
        ))
        draft.quote_balance, draft.straight_open = 0, False

    def _lead_in(self) -> LeadIn:
        """What the words gathered so far end with (their tail is enough)."""
        draft = self.target.draft
        if draft is None:
            return LeadIn.CHAPEAU
        if draft.in_quotation:
            return LeadIn.OPEN
        pieces = self.target.pieces(self.preamble)
        return lead_in_of(join_lines(pieces[-2:]), count_quotes=False)

    def _target_text(self) -> str:
        return join_lines(self.target.pieces(self.preamble))

    def _target_tail(self) -> str:
        pieces = self.target.pieces(self.preamble)
        return pieces[-1].rstrip() if pieces else ""

    def _only_signatures_from(self, i: int) -> bool:
        return all(self.lines[k].kind in ("SIGNATURE", "_BLANK", "PAGE_MARK") or not self.lines[k].content
                   for k in range(i, len(self.lines)))

    def _ahead(self, start: int) -> Iterator[Line]:
        """The lines from index ``start`` on, as many as a look-ahead may read."""
        for k in range(start, min(len(self.lines), start + _LOOKAHEAD)):
            yield self.lines[k]


def _more_out_of_sequence(cause: object, count: int, first: Diagnostic, last: Diagnostic) -> str:
    designation, previous, kind, where = cause if isinstance(cause, tuple) else ("?", "?", "unit", "?")
    return (f"{count} more times, from line {first.line} to line {last.line}, ({designation}) follows "
            f"({previous}) at the {kind} level in section {where}; each is read as its next {kind} "
            f"(the first {LIMIT} are listed one by one)")


def _closes_a_quotation(content: str) -> bool:
    """Whether a line closes more quotations than it opens (so is still quoted text)."""
    return content.count("''") > content.count("``") or content.count('"') % 2 == 1


def _heading_so_far(pieces: list[str]) -> bool:
    """Whether a wrapped section header's words so far are a heading in capitals."""
    header = section_header(join_lines(pieces))
    return header is not None and is_capitals(header[1])


def _unfinished_heading(line: Line) -> BillSyntaxError:
    """A heading in capitals followed by a unit's line (``(a) In General.--``): its period is missing."""
    return BillSyntaxError(
        "the section heading above is not finished",
        line=line.number, column=line.indent + 1, source_line=line.text,
        expected="more of the section heading; or the end of the section heading, closing with a period",
    )


def _not_a_header(line: Line) -> BillStructureError:
    return BillStructureError(
        "this line opens like a section header but its number cannot be read",
        line=line.number, column=line.indent + 1, source_line=line.text,
        expected="a header such as 'SEC. 5. DUTIES.' (the number in the digits 0-9)",
    )
