"""The citations layer: every reference a provision makes, resolved where it points inside the bill.

A pass over the finished tree.  Internal references are read in the forms
bills use and resolved to provision ids:

- compound: ``section 4(b)(1)``, ``subsection (e)(2)``;
- relative: a bare ``subsection (a)`` is subsection (a) of the section it
  stands in; ``paragraph (2)`` is paragraph (2) of the nearest unit above that
  has one, and so on up;
- lists and ranges: ``subparagraphs (A) and (B)``, ``paragraphs (1) through (3)``;
- chained: ``paragraph (3) of section 4(c)``;
- ``this section``, ``this subsection`` ..., and ``this Act``.

Inside an amendment (``Section 207 of the X Act is amended-- (1) in
subsection (a) ...``) a bare reference, or one anchored in other units
(``paragraph (5) of section 42(d)``), is to the amended law: it is kept as
``amended-law`` and not resolved against this bill unless it says ``of this Act``.
``such section 603(c)`` that names none of this bill's units is the law named
before it, and so is ``section 619`` in ``section 619 or part C of the X Act``.

A reference followed by ``of the ... Act``, ``of title 10, United States Code``,
``of Public Law ...``, ``of article I of the Constitution`` or ``of the Revised Statutes`` is
external, and so is one followed by ``, D.C. Official Code`` or preceded by ``article I,``.
A list under ``The following provisions of the X Act are repealed:`` is of the repealed law.
External references are collected with a link: U.S. Code citations to the official U.S.
Code site, the Code of Federal Regulations to eCFR, Public Laws to govinfo.  Text inside
quotations (amendatory text, a quoted joint resolution) is another law's, or no law's, and
is skipped.  An internal reference that resolves to nothing is a diagnostic.
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from grammar.model import Bill, Diagnostic, Provision
from grammar.quotes import Spans
from grammar.stores import CitationRow, Citations

__all__ = ["find_citations", "usc_url"]

_UNIT_WORDS = {
    "section": "section", "subsection": "subsection", "paragraph": "paragraph",
    "subparagraph": "subparagraph", "clause": "clause", "subclause": "subclause",
    "item": "item", "subitem": "subitem",
}
_DESIGS = r"(?:\([A-Za-z0-9]{1,8}\))"
_GROUP = rf"(?:[0-9]+[A-Za-z]{{0,3}}(?:-[0-9]+)?{_DESIGS}*|{_DESIGS}+)"
_PAREN_GROUP = rf"(?:{_DESIGS}+)"
_JOIN = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through)\s+)"
_INTERNAL = re.compile(
    # The look-ahead on first letters lets the engine skip ahead quickly.
    r"(?=[tSsPpCcIi])\b(?:(?P<this>this\s+(?P<this_unit>Act|section|subsection|paragraph|subparagraph"
    r"|clause|subclause|item|subitem|title|subtitle|division|part|chapter|subchapter)\b)"
    rf"|(?P<unit>[Ss]ections?)\s+(?P<groups>{_GROUP}(?:{_JOIN}{_GROUP})*)"
    rf"|(?P<subunit>[Ss]ubsections?|[Pp]aragraphs?|[Ss]ubparagraphs?|[Cc]lauses?"
    rf"|[Ss]ubclauses?|[Ii]tems?|[Ss]ubitems?)\s+(?P<subgroups>{_PAREN_GROUP}(?:{_JOIN}{_PAREN_GROUP})*))"
)
_GROUP_ONLY = re.compile(rf"{_GROUP}|\s+through\s+")
_OF_SECTION = re.compile(rf"\s+of\s+section\s+(?P<group>[0-9]+[A-Za-z]{{0,3}}(?:-[0-9]+[A-Za-z]{{0,3}})?{_DESIGS}*)")
_OF_UNIT = re.compile(
    rf"\s+of\s+(?P<of_unit>subsection|paragraph|subparagraph|clause|subclause|item|subitem)\s+(?P<group>{_DESIGS}+)"
)
_OF_THIS_UNIT = re.compile(
    r"\s+of\s+this\s+(?P<of_this>Act|section|subsection|paragraph|subparagraph|clause|title|subtitle|division)\b"
)
# The name of another law: capitalised words (and the small words between them) ending in
# "Act", "Code", "Constitution" or "Revised Statutes", with its year if given: "the Trade Act
# of 1974".
_ACT_NAME = (
    r"(?:(?:[A-Z0-9][\w'.&-]*|\([A-Z][\w'.&-]*\)),?\s+(?:(?:of|and|for|on|to|in|the|with)\s+)*)*?"
    r"(?:Act|Code|Constitution|Revised\s+Statutes)(?:\s+of\s+[0-9]{4})?"
)
_OF_EXTERNAL = re.compile(
    r"(?:,\s+article\s+[IVX]+)?"
    r"\s+of\s+(?:(?:article|part|title|subtitle|chapter|subchapter|division)\s+[A-Z0-9]+\s+of\s+)*(?:"
    # "title 38, United States Code"; a title in arabic numerals is the Code's even when the
    # name is left out ("section 1710 of title 38"): a bill's own titles take roman ones.
    r"(?P<title>title\s+(?P<usc_title>[0-9]+)(?:,\s+United\s+States\s+Code)?)(?![0-9A-Za-z(])"
    r"|(?P<pl>Public\s+Law\s+[0-9]+[-\u2013][0-9]+)"
    rf"|(?P<such>(?:such|that)\s+(?:Act|title|Code|section(?:\s+[0-9]+[A-Za-z]*{_DESIGS}*)?"
    rf"|(?:subsection|paragraph|subparagraph|clause|subclause|item|subitem)(?:\s+{_DESIGS}+)?))"
    rf"|(?:the\s+)?(?P<act>{_ACT_NAME})"
    r")"
)
_USC = re.compile(
    r"\b(?P<title>[0-9]{1,2})\s+U\.\s?S\.\s?C\.\s+(?:App\.\s+)?(?:(?:section|sec\.|\u00a7+)\s*)?"
    r"(?P<section>[0-9]+[a-zA-Z]*(?:-[0-9]+[a-zA-Z]*)?)(?P<sub>(?:\([A-Za-z0-9]+\))*)"
    r"(?P<tail>\s+et\s+seq\.|\s+note)?"
)
_SECTION_OF_TITLE = re.compile(
    r"\b[Ss]ection\s+(?P<section>[0-9]+[a-zA-Z]*)(?P<sub>(?:\([A-Za-z0-9]+\))*)\s+of\s+title\s+(?P<title>[0-9]+),"
    r"\s+United\s+States\s+Code"
)
_CFR = re.compile(
    r"\b(?:[Ss]ection|[Pp]art)\s+(?P<section>[0-9]+(?:\.[0-9]+)?)(?:\([A-Za-z0-9]+\))*\s+of\s+title\s+(?P<title>[0-9]+),"
    r"\s+Code\s+of\s+Federal\s+Regulations"
    r"|\b(?P<title2>[0-9]+)\s+C\.?F\.?R\.?\s+(?:(?:part|section|\u00a7+)\s*)?(?P<section2>[0-9]+(?:\.[0-9]+)?)"
)
# "sections 1-401 and 1-402, D.C. Official Code": a reference into the District of Columbia's code.
_DC_CODE = re.compile(r"(?:\s+note)?,\s+(?:D\.\s?C\.|District\s+of\s+Columbia)\s+Official\s+Code\b")
# "article I, section 10": a section of the Constitution's article.
_ARTICLE_BEFORE = re.compile(r"\barticle\s+[IVX]+,\s+$")
_PUBLIC_LAW = re.compile(r"\b(?:Public\s+Law|Pub\.\s+L\.)\s+(?P<congress>[0-9]+)[-\u2013](?P<number>[0-9]+)")
_DESIGNATION = re.compile(r"\(([A-Za-z0-9]{1,8})\)")
# How each of _OF_SECTION, _OF_UNIT, _OF_THIS_UNIT, _OF_EXTERNAL and _DC_CODE opens.
_FOLLOWED = re.compile(r"\s+of\s|\s+note|,")
_SECTION_NUMBER = re.compile(r"[0-9]+[A-Za-z]{0,3}(?:-[0-9]+)?")
# "such section 603(c)", "that section 134(c)(3)": the unit last named, of whichever law named it.
_SUCH = re.compile(r"\b(?:such|that)\s+$")
# Words before a reference that make it one to this Act's own units, inside an amendment too.
_BY_THIS_ACT = re.compile(r"\b(?:as\s+(?:amended|added|inserted|redesignated)\s+by|made\s+by)\s+(?:the\s+)?$")
# "title VII of the Tariff Act of 1930": a division of another law.
_DIVISION_OF_ACT = re.compile(
    r"\b(?:title|subtitle|chapter|subchapter|part|division)\s+[A-Z0-9]+"
    rf"\s+of\s+(?:the\s+)?{_ACT_NAME}"
)


def usc_url(title: str, section: str) -> str:
    """Where a U.S. Code section can be read on the official site (uscode.house.gov)."""
    return f"https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title{title}-section{section}"


def find_citations(
    bill: Bill, source_lines: str | Sequence[str] = ()
) -> tuple[Citations, tuple[Diagnostic, ...]]:
    """Every citation in ``bill`` in document order, and a diagnostic for each that resolves to nothing.

    ``source_lines`` (the file's text, or its lines) lets each citation carry its
    line and column; without them it carries its provision's first line.
    """
    locator = _Locator(source_lines)
    resolver = _Resolver(bill)
    diagnostics: list[Diagnostic] = []

    def citations() -> Iterator[CitationRow]:
        # One at a time into the compact store: a run of thousands is never held as objects.
        for provision, holder in bill.walk_with_holders():
            resolver.walking = (provision, holder)
            for text in (provision.text, provision.flush):
                if not text:
                    continue
                cursor = locator.start(provision)
                for hit in _scan(resolver, provision, text):
                    line, column, cursor = locator.locate(provision, hit.text, cursor)
                    yield (provision.id, hit.text, hit.kind, line, column, hit.targets, hit.url, hit.resolved)
                    if not hit.resolved:
                        diagnostics.append(Diagnostic(
                            "unresolved-citation",
                            f"{provision.label}: {hit.text!r} refers to no provision of this bill",
                            line, column, provision.id,
                        ))

    return Citations.of_rows(citations()), tuple(diagnostics)


class _Hit(NamedTuple):  # a tuple: one for each reference found, made fast
    start: int
    text: str
    kind: str
    targets: tuple[str, ...] = ()
    url: str | None = None
    resolved: bool = True


def _scan(resolver: _Resolver, provision: Provision, text: str) -> Iterator[_Hit]:
    spans: Spans | None = None

    def quoted(position: int) -> bool:
        nonlocal spans
        if spans is None:
            spans = Spans(text, (block.text for block in provision.quoted))
        return spans.holds(position)

    if not provision.quoted and "``" not in text and '"' not in text:
        quoted = _nowhere  # nothing quoted (most units): no spans to make

    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    if "U.S.C" in text or "U. S. C" in text:
        for match in _USC.finditer(text):
            if not quoted(match.start()):
                url = usc_url(match.group("title"), match.group("section"))
                hits.append(_Hit(match.start(), match.group().strip(), "usc", url=url))
    if "United States Code" in text:
        for match in _SECTION_OF_TITLE.finditer(text):
            if not quoted(match.start()):
                url = usc_url(match.group("title"), match.group("section"))
                hits.append(_Hit(match.start(), match.group(), "usc", url=url))
                taken.append((match.start(), match.end()))
    if "Code of Federal Regulations" in text or "CFR" in text or "C.F.R" in text:
        for match in _CFR.finditer(text):
            if not quoted(match.start()):
                title = match.group("title") or match.group("title2")
                section = match.group("section") or match.group("section2")
                kind = "section" if "." in section else "part"
                url = f"https://www.ecfr.gov/current/title-{title}/{kind}-{section}"
                hits.append(_Hit(match.start(), " ".join(match.group().split()), "cfr", url=url))
                taken.append((match.start(), match.end()))
    if "Public Law" in text or "Pub. L." in text:
        for match in _PUBLIC_LAW.finditer(text):
            if not quoted(match.start()):
                url = f"https://www.govinfo.gov/link/plaw/{match.group('congress')}/public/{match.group('number')}"
                hits.append(_Hit(match.start(), match.group(), "public-law", url=url))
    if " of " in text and ("Act" in text or "Code" in text):
        for match in _DIVISION_OF_ACT.finditer(text):
            if not quoted(match.start()):
                hits.append(_external(match.start(), match.group(), text, match.end()))
                taken.append((match.start(), match.end()))
    # The internal references come in order, one at a time: merged with the others (few, and
    # sorted) rather than gathered, so that a run of thousands is never held twice.
    internal = _internal_hits(resolver, provision, text, taken, quoted)
    if not hits:
        return _sharing_a_law(internal, text)
    hits.sort(key=_start)
    return _sharing_a_law(heapq.merge(hits, internal, key=_start), text)


def _nowhere(position: int) -> bool:
    return False


def _start(hit: _Hit) -> int:
    return hit.start


def _internal_hits(resolver: _Resolver, provision: Provision, text: str, taken: list[tuple[int, int]],
                   quoted: Callable[[int], bool]) -> Iterator[_Hit]:
    # The stretches other references took, searched by bisection; the internal references come
    # in order, so only the last one's stretch can hold the next match.
    taken.sort()
    taken_starts = [a for a, _ in taken]
    last_end = -1
    for match in _INTERNAL.finditer(text):
        at = match.start()
        index = bisect_right(taken_starts, at) - 1 if taken else -1
        if at < last_end or (index >= 0 and at < taken[index][1]) or quoted(at):
            continue
        hit = _internal(resolver, provision, text, match)
        if hit is not None:
            yield hit
            # "section 7002(c)" in "paragraph (3) of section 7002(c) of ..." is part of this reference
            last_end = max(last_end, hit.start + len(hit.text))


_LIST_JOIN = re.compile(r"\s*,?\s+(?:and|or)\s+")


def _sharing_a_law(hits: Iterable[_Hit], text: str) -> Iterator[_Hit]:
    """"section 619 or part C of the X Act": a reference that is none of this bill's, joined by
    "and"/"or" to one into another law, is that law's too (a resolved one is left as it is).
    The hits pass one at a time; only a run of unresolved ones joined to each other waits."""
    pending: list[_Hit] = []
    for hit in hits:
        if pending and _joined(pending[-1], hit, text):
            if hit.kind == "statute":
                yield from (_Hit(p.start, p.text, "statute") for p in pending)
                pending = []
            elif hit.resolved:
                yield from pending
                pending = []
        elif pending:
            yield from pending
            pending = []
        if hit.resolved:
            yield hit
        else:
            pending.append(hit)
    yield from pending


def _joined(hit: _Hit, following: _Hit, text: str) -> bool:
    end = hit.start + len(hit.text)
    return end <= following.start and _LIST_JOIN.fullmatch(text, end, following.start) is not None


def _internal(resolver: _Resolver, provision: Provision, text: str, match: re.Match[str]) -> _Hit | None:
    if match.group("this"):
        unit = match.group("this_unit")
        if unit == "Act":
            return _Hit(match.start(), match.group(), "act-self")
        target = resolver.enclosing(provision, unit.lower())
        return _Hit(match.start(), match.group(), "internal", (target,) if target else (), resolved=bool(target))
    word = (match.group("unit") or match.group("subunit")).lower()
    unit = _UNIT_WORDS[word[:-1] if word.endswith("s") and word[:-1] in _UNIT_WORDS else word]
    groups = match.group("groups") or match.group("subgroups")
    end = match.end()
    # What follows decides whose units these are: "of paragraph (2)", "of section 4",
    # "of this section" anchor them in this bill; "of the X Act" makes them another law's.
    anchors: list[tuple[str, str]] = []
    # Each of the words that can follow a reference opens with "of", "note" or a comma: where
    # none does (most references), none of their patterns is tried.
    followed = _FOLLOWED.match(text, end) is not None
    while followed:
        of_unit = _OF_UNIT.match(text, end) or _OF_SECTION.match(text, end)
        if of_unit is None:
            break
        anchors.append((of_unit.group("of_unit") if "of_unit" in of_unit.groupdict() else "section",
                        of_unit.group("group")))
        end = of_unit.end()
        followed = _FOLLOWED.match(text, end) is not None
    dc_code = _DC_CODE.match(text, end) if followed else None
    if dc_code is not None:
        return _Hit(match.start(), " ".join(text[match.start() : dc_code.end()].split()), "statute")
    if _ARTICLE_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        return _Hit(match.start(), text[match.start() : end], "statute")
    external = _OF_EXTERNAL.match(text, end) if followed else None
    if external is not None and not _names_this_act(resolver, external):
        whole = text[match.start() : external.end()]
        return _external(match.start(), whole, text, external.end())
    # "as amended by section 101", "the amendment made by section 201": this Act's own.  Inside
    # an amendment "paragraph (5) of section 42(d)" is the amended law's as "section 42(d)" is.
    explicit = bool(_BY_THIS_ACT.search(text, max(0, match.start() - 40), match.start())) or (
        bool(anchors) and not resolver.amending(provision))
    of_this = _OF_THIS_UNIT.match(text, end) if followed else None
    if of_this is not None:
        if of_this.group("of_this") != "Act":
            anchors.append(("this", of_this.group("of_this").lower()))
        end = of_this.end()
        explicit = True
    if not explicit and resolver.amending(provision):
        # "Section 207 of the X Act is amended-- (1) in subsection (a) ...": the
        # subsection is the amended law's, not this bill's.
        return _Hit(match.start(), text[match.start() : end], "amended-law")
    whole = text[match.start() : end]
    targets = resolver.resolve(provision, unit, groups, anchors)
    if not targets and _SUCH.search(text, max(0, match.start() - 8), match.start()):
        # "such section 603(c)" that is none of this bill's: the law named before it
        return _Hit(match.start(), whole, "statute")
    return _Hit(match.start(), whole, "internal", targets, resolved=bool(targets))


def _names_this_act(resolver: _Resolver, external: re.Match[str]) -> bool:
    name = external.group("act")
    return bool(name and resolver.short_title and " ".join(name.split()) == resolver.short_title)


_PARENTHETICAL = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


def _external(start: int, whole: str, text: str, after: int) -> _Hit:
    """A reference into another law; its U.S. Code parenthetical (in ``text`` from ``after``),
    if any, gives the link."""
    url = None
    parenthetical = _PARENTHETICAL.match(text, after)
    if parenthetical is not None:
        usc = _USC.search(parenthetical.group(1))
        if usc is not None:
            url = usc_url(usc.group("title"), usc.group("section"))
    return _Hit(start, " ".join(whole.split()), "statute", url=url)


# "as amended by section 101" cites the amending section; it amends nothing itself.
_AMENDING = re.compile(
    r"\b(?:is|are)\s+(?:further\s+|each\s+)?amended\b|\bamended\s+to\s+read\b"
    r"|\bby\s+(?:striking|inserting|adding|redesignating)\b"
)
# "The following provisions of the X Act are repealed:" lists the units of the law it repeals.
# The law's name is looked for only in the words just before "repealed", so that the search
# stays linear in a provision's length.
_REPEALED = re.compile(r"\s+(?:is|are)\s+(?:hereby\s+)?repealed\b")
_OF_LAW_END = re.compile(rf"\bof\s+(?:the\s+)?{_ACT_NAME}$")


def _repeals_another_law(text: str) -> bool:
    """Whether the words repeal units of a law they name (``provisions of the X Act are repealed``).

    >>> _repeals_another_law("The following provisions of the Widget Act of 1990 are repealed:")
    True
    >>> _repeals_another_law("Subsections (a) through (c) are repealed.")
    False
    """
    if "repealed" not in text:
        return False
    return any(_OF_LAW_END.search(text, max(0, found.start() - 160), found.start())
               for found in _REPEALED.finditer(text))


class _Resolver:
    """Turns designations into provision ids, relative to the citing provision."""

    def __init__(self, bill: Bill) -> None:
        self.bill = bill
        self._amending: dict[str, bool] = {}
        self._last: tuple[Provision, bool] | None = None
        self.walking: tuple[Provision, Provision | None] | None = None  # the provision read, and its holder
        self.short_title = bill.meta.short_title
        # Sections by number, made when a citation first needs them; a number's one section
        # as itself, a list only where the number repeats (a bill of many short sections
        # would otherwise keep a list for each).
        self._sections: dict[str, Provision | list[Provision]] | None = None

    def sections_numbered(self, number: str) -> Sequence[Provision]:
        """The sections that bear ``number``, in document order (more than one only across divisions)."""
        if self._sections is None:
            self._sections = {}
            for provision in self.bill.walk():
                if provision.kind == "section":
                    known = self._sections.setdefault(provision.designation, provision)
                    if known is provision:
                        continue
                    if isinstance(known, list):
                        known.append(provision)
                    else:
                        self._sections[provision.designation] = [known, provision]
        found = self._sections.get(number)
        return () if found is None else (found,) if isinstance(found, Provision) else found

    def amending(self, provision: Provision) -> bool:
        """Whether the provision, or one above it in its section, amends another law."""
        # Asked once for each citation, and a provision's citations come one after another:
        # the last answer is kept, and one for each unit with units below it, so that a
        # section of many thousand leaves keeps no entry for each of them.
        if self._last is not None and self._last[0] is provision:
            return self._last[1]
        known = self._amending_words(provision)
        self._last = (provision, known)
        return known

    def _amending_words(self, provision: Provision) -> bool:
        if _AMENDING.search(provision.text) or _repeals_another_law(provision.text):
            return True
        if provision.kind == "section":
            return False
        walking = self.walking
        parent = walking[1] if walking is not None and walking[0] is provision else self.bill.parent(provision.id)
        return parent is not None and self._amending_unit(parent)

    def _amending_unit(self, provision: Provision) -> bool:
        known = self._amending.get(provision.id)
        if known is None:
            known = self._amending[provision.id] = self._amending_words(provision)
        return known

    def enclosing(self, provision: Provision, kind: str) -> str | None:
        for candidate in (provision, *self.bill.ancestors(provision.id)):
            if candidate.kind == kind:
                return candidate.id
        return None

    def resolve(self, provision: Provision, unit: str, groups: str,
                anchors: Sequence[tuple[str, str]] = ()) -> tuple[str, ...]:
        """The ids ``unit`` + ``groups`` refer to from ``provision``, under the ``of ...`` anchors
        (innermost first); empty if any part refers to nothing."""
        anchor: Provision | None = None
        for anchor_unit, anchor_group in reversed(anchors):
            if anchor_unit == "section":
                anchor = self._compound_section(provision, anchor_group)
            elif anchor_unit == "this":
                found = self.enclosing(provision, anchor_group)
                anchor = self.bill.get(found) if found else None
            else:
                anchor = self._relative(provision, anchor_unit, anchor_group, anchor)
            if anchor is None:
                return ()
        targets: list[str] = []
        previous: Provision | None = None
        pending_range = False
        for token in _GROUP_ONLY.findall(groups):
            if token.strip() == "through":
                pending_range = True
                continue
            if unit == "section":
                found_unit = self._compound_section(provision, token)
            else:
                found_unit = self._relative(provision, unit, token, anchor)
            if found_unit is None:
                return ()
            if pending_range and previous is not None:
                between = self._range(previous, found_unit)
                if between is None:
                    return ()
                targets.extend(between[1:])
            else:
                targets.append(found_unit.id)
            previous, pending_range = found_unit, False
        return tuple(dict.fromkeys(targets))

    def _compound_section(self, citing: Provision, token: str) -> Provision | None:
        number = _SECTION_NUMBER.match(token)
        if number is None:
            return None
        candidates = self.sections_numbered(number.group())
        if not candidates:
            return None
        section = candidates[0]
        if len(candidates) > 1:  # repeated numbers: the one in the citing provision's division
            division = next((a.id for a in self.bill.ancestors(citing.id) if a.kind == "division"), None)
            section = next((c for c in candidates if division and c.id.startswith(division + "_")), candidates[0])
        return self._descend(section, _DESIGNATION.findall(token[number.end() :]))

    def _relative(self, citing: Provision, unit: str, token: str, anchor: Provision | None) -> Provision | None:
        designations = _DESIGNATION.findall(token)
        if not designations:
            return None
        first, rest = designations[0], designations[1:]
        if anchor is not None:
            holder = self._holder(anchor, unit, first)
            return None if holder is None else self._descend(holder, rest)
        for candidate in (citing, *self.bill.ancestors(citing.id)):
            holder = self._holder(candidate, unit, first)
            if holder is not None:
                return self._descend(holder, rest)
            if candidate.kind == "section":
                break
        return None

    def _holder(self, scope: Provision, unit: str, designation: str) -> Provision | None:
        """The child of ``scope`` that is the ``unit`` designated ``designation``."""
        for child in scope.children:
            if child.kind == unit and child.designation == designation:
                return child
        return None

    @staticmethod
    def _descend(provision: Provision, designations: Sequence[str]) -> Provision | None:
        current = provision
        for designation in designations:
            found = next((c for c in current.children if c.designation == designation), None)
            if found is None:
                return None
            current = found
        return current

    def _range(self, first: Provision, last: Provision) -> list[str] | None:
        parent = self.bill.parent(first.id)
        if parent is None or self.bill.parent(last.id) is not parent:
            return None
        ids = [child.id for child in parent.children]
        start, end = ids.index(first.id), ids.index(last.id)
        return ids[start : end + 1] if start <= end else None


class _Locator:
    """Finds where a citation stands in the file, from the provision's line range.

    For each provision that cites anything, its lines, each stripped, are joined by
    single spaces into a stream in which its citations are searched in order; of the
    whole file only the offset of each line is kept (a large bill has hundreds of
    thousands of lines, and a copy of its text would be a copy too many).
    """

    def __init__(self, lines: str | Sequence[str]) -> None:
        self.empty = not lines
        self.text = lines if isinstance(lines, str) else "\n".join(lines)
        # Four bytes a line where the offsets allow it: a large bill has a million lines.
        self.starts = array("I" if len(self.text) < 2**32 else "q", [0])
        for newline in _NEWLINE.finditer(self.text):
            self.starts.append(newline.end())
        self._view: tuple[str, int, str, array[int], array[int]] | None = None

    def start(self, provision: Provision) -> int:
        return 0

    def _view_of(self, provision: Provision) -> tuple[int, str, array[int], array[int]]:
        """The provision's lines as one stream: (index of its first line, stream, offset and
        indentation of each line in it)."""
        if self._view is not None and self._view[0] == provision.id:
            return self._view[1:]
        count = len(self.starts)
        first = max(min(provision.line_start, count) - 1, 0)
        last = max(provision.line_end, first + 1)
        segment = self.text[self.starts[first] : self.starts[last] if last < count else len(self.text)]
        if segment and "\n" not in segment[:-1]:
            view = self._one_line_view(segment)
            self._view = (provision.id, first, *view)
            return (first, *view)
        offsets, indents = array("q"), array("q")
        offset = 0
        for row in _ROW.finditer(segment):
            offsets.append(offset)
            indents.append(row.end(1) - row.start(1))
            offset += row.end(2) - row.start(2) + 1
        stream = _LINE_BREAK.sub(" ", _LEADING_SPACE.sub("", segment, count=1))
        self._view = (provision.id, first, stream, offsets, indents)
        return first, stream, offsets, indents

    @staticmethod
    def _one_line_view(segment: str) -> tuple[str, array[int], array[int]]:
        """The view of a provision of one line (most are) as the general case makes it, without
        its regular expressions: the words, a space for the line's end, and past it an empty row.
        Worked out by index: a line can be a whole bill, and is copied once."""
        ends = segment.endswith("\n")
        stop = len(segment) - 1 if ends else len(segment)
        start = 0
        while start < stop and segment[start].isspace():
            start += 1
        end = stop
        while end > start and segment[end - 1].isspace():
            end -= 1
        if ends:
            stream = segment[start:end]
            stream += " "  # in place: the slice is the string's only reference
        else:
            stream = segment[start:stop]
        return stream, array("q", [0, end - start + 1]), array("q", [start, 0])

    def locate(self, provision: Provision, text: str, cursor: int) -> tuple[int, int, int]:
        if self.empty:
            return provision.line_start, 1, cursor
        first, stream, offsets, indents = self._view_of(provision)
        space = text.find(" ")
        head = len(text) if space < 0 else space  # the reference's first word
        at = stream.find(text, cursor)
        if at < 0:
            at = stream.find(text[:head], cursor)
        if at < 0:
            return provision.line_start, 1, cursor
        index = bisect_right(offsets, at) - 1
        column = at - offsets[index] + indents[index] + 1
        return first + index + 1, column, at + head


_NEWLINE = re.compile(r"\n")
# A line: its indentation, its words (up to the trailing spaces) and its end.
_ROW = re.compile(r"([^\S\n]*)([^\n]*?)[^\S\n]*(?:\n|\Z)")
_LINE_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*")
_LEADING_SPACE = re.compile(r"\A[^\S\n]+")
