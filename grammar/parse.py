"""From text to ``Bill``: the grammar, the assembly, the tree, then the two layers."""

from __future__ import annotations

import dataclasses
import gc
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from grammar.assemble import assemble
from grammar.citations import find_citations
from grammar.definitions import find_definitions
from grammar.errors import BillError, BillStrictError
from grammar.front import read_meta
from grammar.lines import Lines, read_lines
from grammar.model import Bill, Diagnostic, Provision
from grammar.repeats import LIMIT, Repeats
from grammar.source import decode_source, read_source, refuse_unsafe_characters
from grammar.stores import TocEntry
from grammar.tree import freeze

__all__ = ["parse_file", "parse_text"]

_SHORT_TITLE = re.compile(r"This Act may be cited as the (?:``|\")(.+?)(?:''|\")")


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Bill:
    """Parse the bill file at ``path``.

    Raises:
        BillError: the file cannot be read or parsed (BillSourceError,
            BillSyntaxError, BillStructureError), or ``strict`` is set and the
            bill has diagnostics (BillStrictError).  The error names the file.
    """
    name = os.fspath(path)
    text = read_source(name)
    try:
        return _parse(text, source=name, strict=strict)
    except BillError as error:
        raise error.with_path(name) from None


def parse_text(text: str, *, source: str = "<text>", strict: bool = False) -> Bill:
    """Parse bill text held in memory; ``source`` names it in errors.

    Raises:
        BillError: as ``parse_file``.
    """
    try:
        try:
            decoded = decode_source(text.encode("utf-8"), path=source)  # the bytes go once decoded
        except UnicodeEncodeError:  # a lone surrogate: say where it is
            refuse_unsafe_characters(text, path=source)
            raise
        if decoded == text:  # the caller's text as it is: parse it, not a second copy of it
            decoded = text
        return _parse(decoded, source=source, strict=strict)
    except BillError as error:
        raise error.with_path(source) from None


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: parsing builds many objects and no cycles,
    and the collector's full passes would make a large bill cost more per megabyte."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, *, source: str, strict: bool) -> Bill:
    with _no_cyclic_gc():
        return _parse_text(text, source=source, strict=strict)


def _parse_text(text: str, *, source: str, strict: bool) -> Bill:
    lines = read_lines(text)
    meta = read_meta(lines)
    back_diagnostics = [*_back_matter_diagnostics(lines), *_cut_short_diagnostics(lines)]
    lines.cut_to("body")
    # The assembler lets go of each line once read: its words live on in the drafts.
    assembly = assemble(lines, release=True)
    del lines
    drafts = list(assembly.drafts)
    assembly = dataclasses.replace(assembly, drafts=())
    provisions, tree_diagnostics = freeze(drafts)  # empties the list: drafts go as they are frozen
    del drafts
    short_title = _short_title(provisions)
    if short_title is not None:
        meta = dataclasses.replace(meta, short_title=short_title)
    bill = Bill(meta=meta, provisions=provisions, toc=assembly.toc, preamble=assembly.preamble,
                source=source)
    definitions = find_definitions(bill)
    citations, citation_diagnostics = find_citations(bill, text)
    diagnostics = (
        *back_diagnostics,
        *assembly.diagnostics,
        *tree_diagnostics,
        *_toc_diagnostics(bill),
        *citation_diagnostics,
    )
    bill = bill.with_layers(
        definitions=definitions,
        citations=citations,
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.line, d.column, d.code))),
    )
    if strict and bill.diagnostics:
        first = bill.diagnostics[0]
        source_lines = text.split("\n")
        more = len(bill.diagnostics) - 1
        others = f" (and {more} more {'diagnostic' if more == 1 else 'diagnostics'})" if more else ""
        raise BillStrictError(
            f"{first.message} [{first.code}]" + others,
            line=first.line,
            column=first.column,
            source_line=source_lines[first.line - 1] if 0 < first.line <= len(source_lines) else None,
        )
    return bill


_BILL_TEXT_SHAPE = re.compile(r"^(?:(?:SECTION|SEC\.) +[0-9]+[A-Za-z0-9-]*\. |Be it enacted |Resolved, That)")


def _back_matter_diagnostics(lines: Lines) -> list[Diagnostic]:
    """Bill text after the back matter (a second copy of the bill after ``Attest:``) is not
    read: say so, at its first section header or enacting clause, rather than lose it silently."""
    for line in lines.of_part("back"):
        if _BILL_TEXT_SHAPE.match(line.content):
            return [Diagnostic(
                "text-after-back-matter",
                f"line {line.number} is bill text after the back matter (a second copy of the bill?); "
                "it is not read",
                line.number, line.indent + 1,
            )]
    return []


# How a bill's last line of words ends: a sentence, a list item, a quotation, a heading or a dash.
_ENDS_WORDS = re.compile(r"""(?:[.;:!?)\]}"']|--|''|<all>)\s*$""")


def _cut_short_diagnostics(lines: Lines) -> list[Diagnostic]:
    """A text that stops mid-sentence with no back matter after it (a download cut short, a copy
    pasted in part) is read as far as it goes: say so, at its last line, rather than pass in silence."""
    if next(lines.of_part("back"), None) is not None:
        return []
    last = next((line for line in reversed(lines) if line.part == "body" and line.content), None)
    if last is None or _ENDS_WORDS.search(last.content):
        return []
    tail = last.content[-40:]
    return [Diagnostic(
        "text-cut-short",
        f"the text ends at line {last.number} in the middle of a sentence (...{tail!r}), with no back "
        "matter after it: it may be cut short",
        last.number, last.indent + len(last.content) + 1,
    )]


def _short_title(provisions: tuple[Provision, ...]) -> str | None:
    for top in provisions:
        for provision in top.walk():
            if provision.kind in ("section", "subsection"):
                match = _SHORT_TITLE.search(provision.text)
                if match:
                    return " ".join(match.group(1).split())
            if provision.kind == "section" and provision.designation not in ("1", "2"):
                return None
    return None


def _toc_diagnostics(bill: Bill) -> list[Diagnostic]:
    """A table of contents that disagrees with the sections it lists."""
    if not any(entry.kind == "section" for entry in bill.toc):
        return []
    # A listed number is looked up in the division the table lists it under, then anywhere;
    # only sections inside a division are keyed by it (two keys a section would be most of
    # the memory of a bill of many short sections).
    first_numbered: dict[str, Provision] = {}
    in_division: dict[tuple[str, str], Provision] = {}
    for provision in bill.walk():
        if provision.kind == "section":
            first_numbered.setdefault(provision.designation, provision)
            division = next((a.designation for a in bill.ancestors(provision.id) if a.kind == "division"), "")
            if division:
                in_division.setdefault((division, provision.designation), provision)
    found: list[Diagnostic] = []
    # A table that lists thousands of sections the text lacks (a text cut short after it)
    # gets the first few one by one and one diagnostic that counts the rest.
    repeats = Repeats()
    division = ""
    for entry in bill.toc:
        if entry.kind == "division":
            division = entry.designation
            continue
        if entry.kind != "section":
            continue
        section = ((in_division.get((division, entry.designation)) if division else None)
                   or first_numbered.get(entry.designation))
        if section is None:
            diagnostic = repeats.admit("missing", _missing_section(entry))
        elif _plain(section.heading) != _plain(entry.heading):
            diagnostic = repeats.admit("heading", _other_heading(entry, section))
        else:
            continue
        if diagnostic is not None:
            found.append(diagnostic)
    return [*found, *repeats.summaries(_more_toc_mismatches)]


def _missing_section(entry: TocEntry) -> Callable[[], Diagnostic]:
    return lambda: Diagnostic(
        "toc-mismatch",
        f"the table of contents lists section {entry.designation}, which the bill does not have",
        entry.line,
    )


def _other_heading(entry: TocEntry, section: Provision) -> Callable[[], Diagnostic]:
    return lambda: Diagnostic(
        "toc-mismatch",
        f"the table of contents calls section {entry.designation} {entry.heading!r}; "
        f"its heading is {section.heading!r}",
        entry.line,
        provision=section.id,
    )


def _more_toc_mismatches(cause: object, count: int, first: Diagnostic, last: Diagnostic) -> str:
    if count == 1:
        return (f"1 more section the table of contents lists, at line {first.line}, "
                + ("is not in the bill" if cause == "missing" else
                   "has another heading in the bill than the table of contents gives it")
                + f" (the first {LIMIT} are listed one by one)")
    what = ("are not in the bill" if cause == "missing" else
            "have other headings in the bill than the table of contents gives them")
    return (f"{count} more sections the table of contents lists, from line {first.line} to line "
            f"{last.line}, {what} (the first {LIMIT} are listed one by one)")


def _plain(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", heading.lower()).strip()




