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
from collections.abc import Iterable, Iterator

from grammar.lexicon import term_forms
from grammar.model import Bill, Provision
from grammar.quotes import Spans
from grammar.stores import DefinitionRow, Definitions

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


def find_definitions(bill: Bill) -> Definitions:
    """Every definition in ``bill``, in document order, with the provisions that use it."""
    in_flush: set[int] = set()  # where the definitions made in flush language stand
    # A term defined many times is held once: each repeat's term is the first one's string.
    terms: dict[str, str] = {}

    def rows() -> Iterator[DefinitionRow]:
        count = 0
        for provision in bill.walk():
            for row in _defined_in(bill, provision, provision.text, terms):
                count += 1
                yield row
            if provision.flush:
                # Flush language after a list defines too ("For purposes of this subsection, the
                # term ``X'' means ..."), and the list above it uses the term.
                for row in _defined_in(bill, provision, provision.flush, terms):
                    in_flush.add(count)
                    count += 1
                    yield row

    found = Definitions.of_rows(rows())
    terms.clear()
    return found.with_uses(_uses(bill, found, in_flush))


def _defined_in(bill: Bill, provision: Provision, text: str, terms: dict[str, str]) -> Iterable[DefinitionRow]:
    if "``" not in text:
        return
    spans: Spans | None = None
    for match in _TERMS.finditer(text):
        if spans is None:  # once per provision, not per match
            spans = Spans(text, (block.text for block in provision.quoted))
        if spans.holds(match.start(), strictly=True):
            continue  # another law's definition, quoted
        found = _QUOTED_TERM.findall(match.group("terms"))
        kind = _kind(text[match.end() : match.end() + 200], provision)
        scope = _scope(bill, provision, text)
        for term in found:
            if term.strip():  # ``  '' defines nothing (and would make every "s" a use)
                yield _row(term, provision, scope, kind, terms)
    for match in _REFERRED.finditer(text):
        if spans is None:
            spans = Spans(text, (block.text for block in provision.quoted))
        if spans.holds(match.start(), strictly=True):
            continue
        unit = match.group("unit") or match.group("unit2") or match.group("unit3") or "section"
        term = match.group("term") or match.group("term2") or match.group("term3")
        if not term.strip():
            continue
        yield _row(term, provision, _scope_of_unit(bill, provision, unit), "referred-to-as", terms)


def _row(term: str, provision: Provision, scope: str, kind: str, terms: dict[str, str]) -> DefinitionRow:
    term = " ".join(term.split())
    return terms.setdefault(term, term), provision.id, scope, kind, provision.line_start


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


def _uses(bill: Bill, definitions: Definitions, in_flush: set[int]) -> dict[int, tuple[str, ...]]:
    """The ids of the provisions that use each definition that is used, by its position."""
    if not definitions:
        return {}
    finder = _UseFinder(_FormIndex(definitions))
    # Only the definitions that are used get a set of uses (a term defined thousands of
    # times is used under one of them at most per scope).
    uses: dict[int, dict[str, None]] = {}
    for provision in bill.walk():
        words = provision.text + ("\n" + provision.flush if provision.flush else "")
        spans: Spans | None = None
        ids: tuple[str, ...] | None = None  # the provision and those above it, once it uses a term
        for start, entries in finder.uses(words):
            if spans is None:
                spans = Spans(words, (block.text for block in provision.quoted))
            if spans.holds(start):
                continue
            if ids is None:
                ids = (provision.id, *(above.id for above in bill.ancestors(provision.id)))
            chosen = _applying(entries, ids, definitions)
            if chosen is None:
                continue
            own = definitions.provision(chosen)
            if chosen in in_flush:
                if provision.id == own and start > len(provision.text):
                    continue  # the flush language that defines it
            elif own in ids:
                continue  # the definition's own words
            uses.setdefault(chosen, {})[provision.id] = None
    return {index: tuple(used) for index, used in uses.items()}


def _applying(entries: tuple[_Entry, ...], ids: tuple[str, ...], definitions: Definitions) -> int | None:
    """The definition of a form that applies in the provision ``ids[0]``: the one whose scope is
    the provision or the nearest above it, else one for the whole Act, else none; of the
    definitions ``entries`` hold there (a capitalised form's own and its lower case's), the first."""
    if len(entries) == 1:
        entry = entries[0]
        if isinstance(entry, int):
            scope = definitions.scope(entry)
            return entry if scope == "act" or scope in ids else None
        return next((entry[a] for a in ids if a in entry), entry.get("act"))
    for scope in (*ids, "act"):
        found = [index for entry in entries if (index := _in_scope(entry, scope, definitions)) is not None]
        if found:
            return min(found)
    return None


def _in_scope(entry: _Entry, scope: str, definitions: Definitions) -> int | None:
    if isinstance(entry, int):
        return entry if definitions.scope(entry) == scope else None
    return entry.get(scope)


# Which definitions a form is a form of: the index of the first with it, or where it is
# defined in more than one scope, scope id -> the first there.
_Entry = int | dict[str, int]


class _FormIndex:
    """Every defined form, and the definitions whose form it is, holding only each term and
    its plural: a capitalised form (``Widget`` of ``widget'') is found through the form in
    lower case, so a bill of thousands of terms holds no second pair of strings for each.
    A capitalised form that does not give back its form in lower case (a first letter whose
    capital is another length, or another letter in lower case) is held as it is."""

    def __init__(self, definitions: Definitions) -> None:
        self._definitions = definitions
        self.entries: dict[str, _Entry] = {}
        for index in range(len(definitions)):
            scope = definitions.scope(index)
            forms = term_forms(definitions.term(index))
            for form in forms:
                if not _capital_of(form, forms):
                    self._add(form, index, scope)

    def _add(self, form: str, index: int, scope: str) -> None:
        entry = self.entries.get(form)
        if entry is None:
            self.entries[form] = index
        elif isinstance(entry, int):
            if self._definitions.scope(entry) != scope:
                self.entries[form] = {self._definitions.scope(entry): entry, scope: index}
        else:
            entry.setdefault(scope, index)

    def get(self, form: str) -> tuple[_Entry, ...]:
        """The entries of the definitions ``form`` is a form of: its own and, for a capitalised
        form, its spelling in lower case's (looked in both where a use is judged, not merged
        here: a form defined in a thousand scopes would be merged at every use)."""
        entry = self.entries.get(form)
        lower = _lower_of_capital(form) if form[:1].isupper() else None
        other = self.entries.get(lower) if lower is not None else None
        if other is None:
            return () if entry is None else (entry,)
        return (other,) if entry is None else (entry, other)


def _lower_of_capital(form: str) -> str | None:
    """The form in lower case that ``form`` is the capitalised spelling of, or None."""
    if not form[:1].isupper():
        return None
    lower = form[:1].lower() + form[1:]
    return lower if lower[:1].islower() and lower[:1].upper() + lower[1:] == form else None


def _capital_of(form: str, forms: tuple[str, ...]) -> bool:
    """Whether ``form`` is found through another of ``forms`` (its spelling in lower case)."""
    lower = _lower_of_capital(form)
    return lower is not None and lower in forms


class _UseFinder:
    """Where the defined forms stand in a text: left to right, the longest form first at each
    place, a form standing alone (not inside a word or a hyphenated word), each use taken
    whole before the search goes on after it.

    At each place a word begins, the forms that begin with that word (or with it in lower case,
    for a capitalised one) are tried by their lengths, longest first, each length one lookup: a
    bill defining thousands of terms (``widget 1'' to ``widget 9000'') is searched in time that
    grows with its text, not with its text times its terms, as one regular expression of every
    form did.
    """

    def __init__(self, forms: _FormIndex) -> None:
        self._forms = forms
        found: dict[str, set[int]] = {}
        for form in forms.entries:
            first = _first_word(form)
            # A one-word form is its own first word: the key is the form's string, not a copy.
            found.setdefault(form if len(first) == len(form) else first, set()).add(len(form))
        # One length as itself (a small int is shared), more as a tuple, longest first.
        self._lengths: dict[str, int | tuple[int, ...]] = {
            first: next(iter(sizes)) if len(sizes) == 1 else tuple(sorted(sizes, reverse=True))
            for first, sizes in found.items()}
        del found
        initials = {first[0] for first in self._lengths}
        initials |= {letter.upper() for letter in initials if letter.islower()}
        letters = "".join(sorted(re.escape(letter) for letter in initials))
        self._starts = re.compile(rf"(?<!\w)(?<!\w-)[{letters}]") if letters else None

    def uses(self, words: str) -> Iterable[tuple[int, tuple[_Entry, ...]]]:
        """Each use in ``words``: where it stands, and the entries of the definitions of the form used."""
        if self._starts is None:
            return
        lengths = self._lengths
        after = 0
        for start in self._starts.finditer(words):
            at = start.start()
            if at < after:
                continue
            word = _first_word(words, at)
            own = lengths.get(word)
            # A capitalised word may open a capitalised form: the lengths of the forms that open
            # with it in lower case are tried too (one that is no form is turned down by ``get``).
            other = lengths.get(word[:1].lower() + word[1:]) if word[:1].isupper() else None
            if other is None:
                if own is None:
                    continue
                tried: Iterable[int] = (own,) if isinstance(own, int) else own
            else:
                tried = sorted({*_sizes(own), *_sizes(other)}, reverse=True)
            for length in tried:
                entries = self._forms.get(words[at : at + length])
                if entries and not _GOES_ON.match(words, at + length):
                    yield at, entries
                    after = at + length
                    break


def _sizes(lengths: int | tuple[int, ...] | None) -> tuple[int, ...]:
    return () if lengths is None else (lengths,) if isinstance(lengths, int) else lengths


_WORD = re.compile(r"\w+|.", re.DOTALL)
_GOES_ON = re.compile(r"\w|-\w")  # a form followed by these is part of a longer word


def _first_word(text: str, at: int = 0) -> str:
    match = _WORD.match(text, at)
    return match.group() if match else ""
