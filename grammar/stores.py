"""The bill's many small records (its definitions, citations and table-of-contents entries)
and the stores that hold them by column.

A bill can define a term every 40 bytes, cite every 12 and list a section every 20: each
store keeps its records as a few arrays and shared strings, and makes a record again as
it is read.  A store reads, compares and hashes as the tuple of its records (``_Columns``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from grammar.lexicon import term_forms

__all__ = [
    "Citation",
    "CitationRow",
    "Citations",
    "Definition",
    "DefinitionRow",
    "Definitions",
    "TableOfContents",
    "TableOfContentsWriter",
    "TocEntry",
]


_Item = TypeVar("_Item")


class _Columns(Sequence[_Item]):
    """A sequence stored by column, each item made again as it is read: read, compared, added
    and hashed as the tuple of its items (equal to a tuple, or another store, of the same items;
    the citations, as they always were, to any sequence of them)."""

    __slots__ = ()
    _WHAT = "item"  # what an item is called in an error
    _EQUAL_TO: tuple[type, ...] = (tuple,)  # what a store is compared with, beside another store

    def _item(self, i: int) -> _Item:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _Item: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_Item, ...]: ...

    def __getitem__(self, index: int | slice) -> _Item | tuple[_Item, ...]:
        if isinstance(index, slice):
            return tuple(self._item(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{self._WHAT} index out of range")
        return self._item(index)

    def __iter__(self) -> Iterator[_Item]:
        return (self._item(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if (not isinstance(other, Sequence) or isinstance(other, str)
                or not isinstance(other, (*self._EQUAL_TO, _Columns))):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[object, ...]:
        if not isinstance(other, (tuple, _Columns)):
            return NotImplemented
        return (*self, *other)

    def __radd__(self, other: object) -> tuple[object, ...]:
        if not isinstance(other, tuple):
            return NotImplemented
        return (*other, *self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Definition:
    """A term the bill defines, where it is defined, where it applies and where it is used."""

    term: str
    provision: str  # id of the defining provision
    scope: str  # "act", or the id of the provision the definition is limited to
    kind: str  # "means", "includes", "has-meaning", "referred-to-as"
    line: int
    forms: tuple[str, ...]  # the spellings searched for: the term and its plural (grammar.lexicon.term_forms)
    uses: tuple[str, ...] = ()  # ids of the provisions that use the term


# A definition's fields in ``Definition``'s order but its uses: term, provision, scope, kind, line.
DefinitionRow = tuple[str, str, str, str, int]


class Definitions(_Columns[Definition]):
    """A bill's definitions, in document order: a sequence of ``Definition``, stored by column.

    A bill of distinct terms can define one every 40 bytes, and a ``Definition`` object with
    its line number and tuple of uses takes three times that; here each is its term's string
    and a few bytes (the ids it names are the provisions' own strings), made again as a
    ``Definition`` when it is read.  Equal to any sequence of the same definitions.
    """

    __slots__ = ("_forms", "_kind_table", "_kinds", "_lines", "_provisions", "_scopes", "_terms", "_uses")
    _WHAT = "definition"

    def __init__(self, definitions: Iterable[Definition] = ()) -> None:
        given = list(definitions)
        self._fill(((d.term, d.provision, d.scope, d.kind, d.line) for d in given),
                   {k: d.uses for k, d in enumerate(given) if d.uses})
        # A definition's forms are worked out from its term when read; any given otherwise are kept.
        self._forms.update((k, d.forms) for k, d in enumerate(given) if d.forms != term_forms(d.term))

    @classmethod
    def of_rows(cls, rows: Iterable[DefinitionRow], uses: Mapping[int, tuple[str, ...]] | None = None) -> Definitions:
        """The store of definitions given as rows, with the uses of those used (by position)."""
        store = cls.__new__(cls)
        store._fill(rows, uses or {})
        return store

    def _fill(self, rows: Iterable[DefinitionRow], uses: Mapping[int, tuple[str, ...]]) -> None:
        self._terms: list[str] = []
        self._provisions: list[str] = []
        self._scopes: list[str] = []
        self._kind_table: list[str] = []
        self._kinds = array("B")
        self._lines = array("q")
        self._forms: dict[int, tuple[str, ...]] = {}
        for term, provision, scope, kind, line in rows:
            self._terms.append(term)
            self._provisions.append(provision)
            self._scopes.append(scope)
            if kind not in self._kind_table:
                self._kind_table.append(kind)
            self._kinds.append(self._kind_table.index(kind))
            self._lines.append(line)
        self._uses: dict[int, tuple[str, ...]] = {k: v for k, v in uses.items() if v}

    def with_uses(self, uses: Mapping[int, tuple[str, ...]]) -> Definitions:
        """The same definitions with these uses (by position); the columns are shared, not copied."""
        store = Definitions.__new__(Definitions)
        store._terms, store._provisions, store._scopes = self._terms, self._provisions, self._scopes
        store._kind_table, store._kinds, store._lines = self._kind_table, self._kinds, self._lines
        store._forms = self._forms
        store._uses = {k: v for k, v in uses.items() if v}
        return store

    def term(self, index: int) -> str:
        """The term of the definition at ``index`` (no ``Definition`` made)."""
        return self._terms[index]

    def scope(self, index: int) -> str:
        """The scope of the definition at ``index``."""
        return self._scopes[index]

    def provision(self, index: int) -> str:
        """The id of the provision that makes the definition at ``index``."""
        return self._provisions[index]

    def __len__(self) -> int:
        return len(self._terms)

    def _item(self, i: int) -> Definition:
        term = self._terms[i]
        forms = self._forms.get(i)
        return Definition(term, self._provisions[i], self._scopes[i], self._kind_table[self._kinds[i]],
                          self._lines[i], term_forms(term) if forms is None else forms, self._uses.get(i, ()))



@dataclass(frozen=True, slots=True)
class Citation:
    """A reference made by a provision, internal (resolved to ids) or external (with a URL)."""

    source: str  # id of the citing provision
    text: str
    kind: str  # "internal", "act-self", "amended-law", "usc", "cfr", "statute", "public-law"
    line: int
    column: int
    targets: tuple[str, ...] = ()  # internal: the provision ids referred to
    url: str | None = None  # external: where the cited law can be read
    resolved: bool = True


# A citation's fields in ``Citation``'s order: source, text, kind, line, column, targets, url, resolved.
CitationRow = tuple[str, str, str, int, int, tuple[str, ...], "str | None", bool]


class Citations(_Columns[Citation]):
    """A bill's citations, in document order: a sequence of ``Citation``, stored by column.

    A run of references packs one into every dozen bytes of text, and a ``Citation``
    object with its column number takes ten times that; here each takes some 26 bytes
    (the strings and target tuples it shares with others are held once), and is made
    again as a ``Citation`` when it is read.  Equal to any sequence of the same citations.
    """

    __slots__ = ("_columns", "_kind_table", "_kinds", "_lines", "_resolved", "_sources", "_strings",
                 "_target_tables", "_targets", "_texts", "_url_of")
    _WHAT = "citation"
    _EQUAL_TO = (Sequence,)  # as it always was: equal to any sequence of the same citations

    def __init__(self, citations: Iterable[Citation] = ()) -> None:
        self._fill((c.source, c.text, c.kind, c.line, c.column, c.targets, c.url, c.resolved) for c in citations)

    @classmethod
    def of_rows(cls, rows: Iterable[CitationRow]) -> Citations:
        """The store of citations given as rows, each its fields in ``Citation``'s order: a
        layer that finds thousands makes no ``Citation`` object for any of them."""
        store = cls.__new__(cls)
        store._fill(rows)
        return store

    def _fill(self, rows: Iterable[CitationRow]) -> None:
        self._strings: list[str | None] = [None]  # shared strings (ids, texts, urls); 0 is None
        self._target_tables: list[tuple[str, ...]] = []
        self._kind_table: list[str] = []
        self._sources, self._texts, self._url_of = array("I"), array("I"), array("I")
        self._targets, self._lines, self._columns = array("I"), array("I"), array("I")
        self._kinds, self._resolved = array("B"), array("B")
        # Where each shared value stands in its table: only while building.
        strings: dict[str | None, int] = {None: 0}
        targets: dict[tuple[str, ...], int] = {}
        kinds: dict[str, int] = {}

        def string(value: str | None) -> int:
            at = strings.get(value)
            if at is None:
                at = strings[value] = len(self._strings)
                self._strings.append(value)
            return at

        # A provision's citations come one after another: its id is looked up once, not once
        # for each (a bill-wide table of the citing ids would be the size of the bill's index).
        last_source: tuple[str | None, int] = (None, 0)
        for source, text, kind_name, line, column, target_ids, url, resolved in rows:
            if source != last_source[0]:
                last_source = (source, len(self._strings))
                self._strings.append(source)
            self._sources.append(last_source[1])
            self._texts.append(string(text))
            self._url_of.append(string(url))
            at = targets.get(target_ids)
            if at is None:
                at = targets[target_ids] = len(self._target_tables)
                self._target_tables.append(target_ids)
            self._targets.append(at)
            kind = kinds.get(kind_name)
            if kind is None:
                kind = kinds[kind_name] = len(self._kind_table)
                self._kind_table.append(kind_name)
            self._kinds.append(kind)
            self._lines.append(line)
            self._columns.append(column)
            self._resolved.append(resolved)

    def __len__(self) -> int:
        return len(self._lines)

    def _item(self, i: int) -> Citation:
        strings = self._strings
        return Citation(
            source=strings[self._sources[i]] or "",
            text=strings[self._texts[i]] or "",
            kind=self._kind_table[self._kinds[i]],
            line=self._lines[i],
            column=self._columns[i],
            targets=self._target_tables[self._targets[i]],
            url=strings[self._url_of[i]],
            resolved=bool(self._resolved[i]),
        )


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A line of the bill's table of contents."""

    kind: str  # "section" or a division kind ("title", "subtitle" ...)
    designation: str
    heading: str
    line: int


class TableOfContents(_Columns[TocEntry]):
    """A bill's table of contents, in order: a sequence of ``TocEntry``, stored by column.

    A table lists a section every 20 bytes or so, and a ``TocEntry`` object with its line
    number takes five times that; here an entry is its designation's string and a few bytes
    (a heading the entry before has too is held once), made again as a ``TocEntry`` when
    it is read.  Equal to any sequence of the same entries.
    """

    __slots__ = ("_designations", "_headings", "_kind_table", "_kinds", "_lines")
    _WHAT = "table of contents"

    def __init__(self, entries: Iterable[TocEntry] = ()) -> None:
        self._kind_table: list[str] = []
        self._kinds = array("B")
        self._designations: list[str] = []
        self._headings: list[str] = []
        self._lines = array("q")
        for entry in entries:
            self._add(entry.kind, entry.designation, entry.heading, entry.line)

    def _add(self, kind: str, designation: str, heading: str, line: int) -> None:
        if kind not in self._kind_table:
            self._kind_table.append(kind)
        self._kinds.append(self._kind_table.index(kind))
        self._designations.append(designation)
        if self._headings and self._headings[-1] == heading:
            heading = self._headings[-1]
        self._headings.append(heading)
        self._lines.append(line)

    def __len__(self) -> int:
        return len(self._lines)

    def _item(self, i: int) -> TocEntry:
        return TocEntry(self._kind_table[self._kinds[i]], self._designations[i], self._headings[i], self._lines[i])



class TableOfContentsWriter:
    """Fills a ``TableOfContents`` as the bill is read; ``finish`` hands it over."""

    __slots__ = ("_table",)

    def __init__(self) -> None:
        self._table = TableOfContents()

    def add(self, kind: str, designation: str, heading: str, line: int) -> None:
        self._table._add(kind, designation, heading, line)

    def __len__(self) -> int:
        return len(self._table)

    def finish(self) -> TableOfContents:
        table, self._table = self._table, TableOfContents()
        return table
