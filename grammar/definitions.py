"""The definitions layer: each defined term, where it is defined, where it applies, where it is used.

A pass over the finished tree.  Definitions are found, in a unit's words and in its flush
language after a list, in the forms bills use:
``The term ``X'' means ...``, ``The terms ``X'' and ``Y'' have the meanings
...``, ``The term ``X''--`` completed by its children, and ``(in this Act
referred to as the ``X'')``.  The scope comes from the lead-in (``In this
Act:``, ``In this section,`` ...) of the definition or of the nearest
provision above it that has one; a definition without any applies to its
section.  Uses are found in the provisions within the scope, outside
quotations, for the term and its plural, longest term first (``select
derivative product`` is not also a use of ``derivative product``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from grammar.lexicon import pluralize
from grammar.model import Bill, Definition, Provision
from grammar.quotes import Spans

__all__ = ["find_definitions"]

_TERMS = re.compile(
    r"\b[Tt]he terms? (?P<terms>``(?:[^`']|'(?!'))++''(?:,? (?:and |or )?``(?:[^`']|'(?!'))++'')*)"
)
_REFERRED = re.compile(
    r"\((?:in|for purposes of) this (?P<unit>Act|section|subsection|paragraph|title|subtitle|division)"
    r",? referred to as (?:the )?``(?P<term>(?:[^`']|'(?!'))++)''\)"
    r"|\(referred to in this (?P<unit2>Act|section|subsection|paragraph|title|subtitle|division)"
    r" as (?:the )?``(?P<term2>(?:[^`']|'(?!'))++)''\)"
    r"|\(hereinafter (?:in this (?P<unit3>Act|section|subsection|title) )?"
    r"referred to as (?:the )?``(?P<term3>(?:[^`']|'(?!'))++)''\)"
)
# A term may hold an apostrophe (``registrar's jurisdiction''), never a closing quotation mark.
# The repeats are possessive: a term's characters never give anything back (none of them can
# begin the closing ''), so the regular expression engine keeps no state per character, which
# for a quotation never closed was a hundred times the text.
_QUOTED_TERM = re.compile(r"``((?:[^`']|'(?!'))++)''")
_LEAD_IN = re.compile(
    r"^(?:In|For (?:the )?purposes of) this "
    r"(Act|section|subsection|paragraph|subparagraph|title|subtitle|division|part|chapter)\b"
)
_KIND_WORDS = (
    ("has the meaning", "has-meaning"),
    ("have the meaning", "has-meaning"),
    ("means", "means"),
    ("mean ", "means"),
    ("includes", "includes"),
    ("include ", "includes"),
)
_UNIT_KINDS = {
    "section": "section", "subsection": "subsection", "paragraph": "paragraph",
    "subparagraph": "subparagraph", "title": "title", "subtitle": "subtitle",
    "division": "division", "part": "part", "chapter": "chapter",
}


def find_definitions(bill: Bill) -> tuple[Definition, ...]:
    """Every definition in ``bill``, in document order, with the provisions that use it."""
    found: list[Definition] = []
    in_flush: set[int] = set()  # the definitions made in flush language
    known: dict[str, tuple[str, ...]] = {}  # term -> its forms
    for provision in bill.walk():
        found.extend(_defined_in(bill, provision, provision.text, known))
        if provision.flush:
            # Flush language after a list defines too ("For purposes of this subsection, the term
            # ``X'' means ..."), and the list above it uses the term.
            before = len(found)
            found.extend(_defined_in(bill, provision, provision.flush, known))
            in_flush.update(range(before, len(found)))
    return tuple(_with_uses(bill, found, in_flush))


def _defined_in(bill: Bill, provision: Provision, text: str,
                known: dict[str, tuple[str, ...]]) -> Iterable[Definition]:
    if "``" not in text:
        return
    spans: Spans | None = None
    for match in _TERMS.finditer(text):
        if spans is None:  # once per provision, not per match
            spans = Spans(text, (block.text for block in provision.quoted))
        if spans.holds(match.start(), strictly=True):
            continue  # another law's definition, quoted
        terms = _QUOTED_TERM.findall(match.group("terms"))
        kind = _kind(text[match.end() : match.end() + 200], provision)
        scope = _scope(bill, provision, text)
        for term in terms:
            yield _definition(term, provision, scope, kind, known)
    for match in _REFERRED.finditer(text):
        if spans is None:
            spans = Spans(text, (block.text for block in provision.quoted))
        if spans.holds(match.start(), strictly=True):
            continue
        unit = match.group("unit") or match.group("unit2") or match.group("unit3") or "section"
        term = match.group("term") or match.group("term2") or match.group("term3")
        yield _definition(term, provision, _scope_of_unit(bill, provision, unit), "referred-to-as", known)


def _definition(term: str, provision: Provision, scope: str, kind: str,
                known: dict[str, tuple[str, ...]]) -> Definition:
    """The definition of ``term``; ``known`` holds the forms of the terms met so far, so that a
    term defined many times shares one set of strings."""
    term = " ".join(term.split())
    forms = known.get(term)
    if forms is None:
        found = [term, pluralize(term)]
        if term[:1].islower():
            found += [f[:1].upper() + f[1:] for f in found]
        forms = known[term] = tuple(dict.fromkeys(found))
    return Definition(term=forms[0], provision=provision.id, scope=scope, kind=kind,
                      line=provision.line_start, forms=forms)


def _kind(after: str, provision: Provision) -> str:
    window = after[:160]
    if window.lstrip(",' ").startswith("--") or not window.strip():
        window = " ".join(child.text[:80] for child in provision.children)
    best = ("", len(window) + 1)
    for words, kind in _KIND_WORDS:
        at = window.find(words)
        if 0 <= at < best[1]:
            best = (kind, at)
    return best[0] or "means"


def _scope(bill: Bill, provision: Provision, text: str) -> str:
    """Where a definition applies: its own lead-in, else the nearest one above it."""
    for candidate in (provision, *bill.ancestors(provision.id)):
        lead = _LEAD_IN.match(candidate.text if candidate is not provision else text)
        if lead:
            return _scope_of_unit(bill, provision, lead.group(1))
    section = bill.section_of(provision.id)
    return section.id if section is not None else "act"


def _scope_of_unit(bill: Bill, provision: Provision, unit: str) -> str:
    if unit == "Act":
        return "act"
    wanted = _UNIT_KINDS.get(unit.lower())
    for candidate in (provision, *bill.ancestors(provision.id)):
        if candidate.kind == wanted:
            return candidate.id
    return "act"


def _with_uses(bill: Bill, definitions: list[Definition], in_flush: set[int]) -> list[Definition]:
    if not definitions:
        return []
    # form -> the definition that applies where it is used: most forms are defined once, and
    # have its index; a form defined in more than one scope has scope id -> the first there.
    by_form: dict[str, int | dict[str, int]] = {}
    for index, definition in enumerate(definitions):
        for form in definition.forms:
            entry = by_form.get(form)
            if entry is None:
                by_form[form] = index
            elif isinstance(entry, int):
                if definitions[entry].scope != definition.scope:
                    by_form[form] = {definitions[entry].scope: entry, definition.scope: index}
            else:
                entry.setdefault(definition.scope, index)
    finder = _UseFinder(by_form)
    # Only the definitions that are used get a set of uses (a term defined thousands of
    # times is used under one of them at most per scope).
    uses: dict[int, dict[str, None]] = {}
    for provision in bill.walk():
        words = provision.text + ("\n" + provision.flush if provision.flush else "")
        spans: Spans | None = None
        ids: tuple[str, ...] | None = None  # the provision and those above it, once it uses a term
        for start, form in finder.uses(words):
            if spans is None:
                spans = Spans(words, (block.text for block in provision.quoted))
            if spans.holds(start):
                continue
            if ids is None:
                ids = (provision.id, *(above.id for above in bill.ancestors(provision.id)))
            chosen = _applying(by_form[form], ids, definitions)
            if chosen is None:
                continue
            own = definitions[chosen].provision
            if chosen in in_flush:
                if provision.id == own and start > len(provision.text):
                    continue  # the flush language that defines it
            elif own in ids:
                continue  # the definition's own words
            uses.setdefault(chosen, {})[provision.id] = None
    for index, used in uses.items():
        d = definitions[index]
        definitions[index] = Definition(d.term, d.provision, d.scope, d.kind, d.line, d.forms, tuple(used))
    return definitions


def _applying(entry: int | dict[str, int], ids: tuple[str, ...], definitions: list[Definition]) -> int | None:
    """The definition of a form that applies in the provision ``ids[0]``: the one whose scope is
    the provision or the nearest above it, else one for the whole Act, else none."""
    if isinstance(entry, int):
        scope = definitions[entry].scope
        return entry if scope == "act" or scope in ids else None
    return next((entry[a] for a in ids if a in entry), entry.get("act"))


class _UseFinder:
    """Where the defined forms stand in a text: left to right, the longest form first at each
    place, a form standing alone (not inside a word or a hyphenated word), each use taken
    whole before the search goes on after it.

    At each place a word begins, the forms that begin with that word are tried by their
    lengths, longest first, each length one lookup: a bill defining thousands of terms
    (``widget 1'' to ``widget 9000'') is searched in time that grows with its text, not
    with its text times its terms, as one regular expression of every form did.
    """

    def __init__(self, forms: Mapping[str, object]) -> None:
        self._forms = forms
        lengths: dict[str, set[int]] = {}
        for form in self._forms:
            lengths.setdefault(_first_word(form), set()).add(len(form))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        letters = "".join(sorted({re.escape(first[0]) for first in self._lengths}))
        self._starts = re.compile(rf"(?<!\w)(?<!\w-)[{letters}]") if letters else None

    def uses(self, words: str) -> Iterable[tuple[int, str]]:
        if self._starts is None:
            return
        after = 0
        for start in self._starts.finditer(words):
            at = start.start()
            if at < after:
                continue
            for length in self._lengths.get(_first_word(words, at), ()):
                form = words[at : at + length]
                if form in self._forms and not _GOES_ON.match(words, at + length):
                    yield at, form
                    after = at + length
                    break


_WORD = re.compile(r"\w+|.", re.DOTALL)
_GOES_ON = re.compile(r"\w|-\w")  # a form followed by these is part of a longer word


def _first_word(text: str, at: int = 0) -> str:
    match = _WORD.match(text, at)
    return match.group() if match else ""
