"""The parsed bill: one frozen value per concept (Bill, Provision, Meta, Diagnostic); the
records of its layers and their stores are ``grammar.stores``, and are named here too."""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import FrozenInstanceError, dataclass, field, fields
from types import MappingProxyType

from grammar.errors import UnknownProvisionError
from grammar.stores import (
    Citation,
    CitationRow,
    Citations,
    Definition,
    DefinitionRow,
    Definitions,
    TableOfContents,
    TableOfContentsWriter,
    TocEntry,
)

__all__ = [
    "Action",
    "Bill",
    "Citation",
    "CitationRow",
    "Citations",
    "Definition",
    "DefinitionRow",
    "Definitions",
    "Diagnostic",
    "Meta",
    "Provision",
    "QuotedBlock",
    "TableOfContents",
    "TableOfContentsWriter",
    "TocEntry",
]


@dataclass(frozen=True, slots=True)
class Action:
    """A dated line of the masthead: introduction, report, passage."""

    date: dt.date | None
    text: str


@dataclass(frozen=True, slots=True)
class Meta:
    """What the header and masthead say about the measure."""

    congress: int | None = None
    session: int | None = None
    measure: str | None = None  # "S.", "H.R.", "S.J.Res.", "H.Con.Res.", "H.Res." ...
    number: int | None = None
    version: str | None = None  # "IS", "RH", "ENR" ...
    version_name: str | None = None  # "Introduced in Senate"
    document_type: str | None = None  # "bill", "joint resolution", "act" ...
    chamber: str | None = None  # "Senate" or "House of Representatives"
    date: dt.date | None = None
    legislative_day: dt.date | None = None
    sponsor: str | None = None
    committees: tuple[str, ...] = ()
    long_title: str | None = None
    short_title: str | None = None
    actions: tuple[Action, ...] = ()

    @property
    def citation(self) -> str | None:
        """The measure as cited: ``S. 77``; None when the number is not known."""
        if self.measure is None or self.number is None:
            return None
        return f"{self.measure} {self.number}"


@dataclass(frozen=True, slots=True)
class QuotedBlock:
    """Amendatory text quoted by a provision: words of another law, not units of this bill."""

    line_start: int
    line_end: int
    text: str


_LINE_BITS = 30  # a unit's first and last line packed in one int below 2**60: one object, not two


class Provision:
    """One unit of the bill: a division, title, section, subsection ... down to a subitem.

    ``text`` holds the unit's own words before its children (the whole of them for a
    unit without children; the chapeau for one with children); ``flush`` holds the
    words set after the children.  Headings and designations are kept apart.
    ``hash`` covers the unit's own words and its children's hashes, so it changes
    when any word at or below the unit changes.

    Frozen, and compared and hashed by its fields, like a frozen dataclass.  A bill has a
    unit every few dozen bytes, so a unit is stored tight: its two line numbers in one int,
    its hash as the number the hex digits spell, flush language and quoted blocks
    (which few units have) together in one slot, and no designation or label where its id
    spells them (as it does for most units: ``s4_b_1`` is ``1``, ``sec. 4(b)(1)``); each is
    read back as it was given.
    """

    __slots__ = ("_designation", "_digest", "_label", "_lines", "_rest", "children", "heading", "id", "kind",
                 "text")

    id: str
    kind: str
    heading: str
    text: str
    children: tuple[Provision, ...]
    _designation: str | None  # None: the one its id spells (``s12`` -> ``12``, ``s4_b_12`` -> ``12``)
    _label: str | None  # None: the one its id spells (``s4_b_1`` -> ``sec. 4(b)(1)``)
    _lines: int | tuple[int, int]
    _digest: int | str
    _rest: tuple[str, tuple[QuotedBlock, ...]] | None

    def __init__(self, *, id: str, kind: str, designation: str, heading: str, text: str, flush: str,
                 label: str, line_start: int, line_end: int, hash: str,
                 children: tuple[Provision, ...] = (), quoted: tuple[QuotedBlock, ...] = ()) -> None:
        init = object.__setattr__
        init(self, "id", id)
        init(self, "kind", kind)
        init(self, "_designation", None if designation == _designation_in(id) else designation)
        init(self, "heading", heading)
        init(self, "text", text)
        init(self, "_label", None if label == _label_in(id) else label)
        init(self, "children", children)
        fits = 0 <= line_start < 2**_LINE_BITS and 0 <= line_end < 2**_LINE_BITS
        init(self, "_lines", (line_start << _LINE_BITS) | line_end if fits else (line_start, line_end))
        # A SHA-256 hex digest as its number (64 bytes, not 128); any other string as given.
        init(self, "_digest", int(hash, 16) if len(hash) == 64 and _is_lower_hex(hash) else hash)
        init(self, "_rest", (flush, quoted) if flush or quoted else None)

    def share_hash(self, other: Provision) -> None:
        """Hold ``other``'s hash object where the two hashes are equal, so that a run of repeated
        units holds one; nothing a reader sees changes (the freezer calls this as it builds)."""
        if self._digest == other._digest:
            object.__setattr__(self, "_digest", other._digest)

    @property
    def designation(self) -> str:
        """The unit's designation as the text gives it (``4``, ``b``, ``iii``), without parentheses."""
        designation = self._designation
        return designation if designation is not None else _designation_in(self.id) or ""

    @property
    def label(self) -> str:
        """How the unit is cited: ``sec. 4(b)(1)``, ``title I``, ``resolving clause (1)``."""
        label = self._label
        return label if label is not None else _label_in(self.id) or ""

    @property
    def line_start(self) -> int:
        """The unit's first line in the file (1-based)."""
        lines = self._lines
        return lines >> _LINE_BITS if isinstance(lines, int) else lines[0]

    @property
    def line_end(self) -> int:
        """The last line of the unit and of everything below it."""
        lines = self._lines
        return lines & (2**_LINE_BITS - 1) if isinstance(lines, int) else lines[1]

    @property
    def hash(self) -> str:
        """SHA-256 over the unit's own words and its children's hashes, as 64 hex digits."""
        digest = self._digest
        return f"{digest:064x}" if isinstance(digest, int) else digest

    @property
    def flush(self) -> str:
        """The words set after the children (empty for most units)."""
        return self._rest[0] if self._rest is not None else ""

    @property
    def quoted(self) -> tuple[QuotedBlock, ...]:
        """The amendatory text the unit quotes: words of another law, not units of this bill."""
        return self._rest[1] if self._rest is not None else ()

    @property
    def chapeau(self) -> str:
        """The lead-in words completed by the children; empty for a unit without children."""
        return self.text if self.children else ""

    @property
    def full_text(self) -> str:
        """Heading, own words and flush language, as one string (children excluded)."""
        return " ".join(part for part in (self.heading, self.text, self.flush) if part)

    def walk(self) -> Iterator[Provision]:
        """This provision and every provision below it, in document order."""
        stack = [self]
        while stack:
            provision = stack.pop()
            yield provision
            stack.extend(reversed(provision.children))

    def _fields(self) -> tuple[object, ...]:
        """The fields in ``_FIELD_NAMES`` order, as they read."""
        return (self.id, self.kind, self.designation, self.heading, self.text, self.flush, self.label,
                self.line_start, self.line_end, self.hash, self.children, self.quoted)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Provision) or other.__class__ is not self.__class__:
            return NotImplemented
        return self is other or self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = zip(_FIELD_NAMES, self._fields(), strict=True)
        return "Provision(" + ", ".join(f"{name}={value!r}" for name, value in shown) + ")"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_provision, (dict(zip(_FIELD_NAMES, self._fields(), strict=True)),))


# A provision's fields as its constructor names them, in the order a dataclass would list them.
_FIELD_NAMES = ("id", "kind", "designation", "heading", "text", "flush", "label", "line_start",
                "line_end", "hash", "children", "quoted")


def _designation_in(pid: str) -> str | None:
    """The designation an id spells, or None: ``s12`` -> ``12``, ``s4_b_12`` -> ``12``.

    >>> _designation_in("s12"), _designation_in("s4_b_iii"), _designation_in("tI")
    ('12', 'iii', None)
    """
    _, under, tail = pid.rpartition("_")
    if under:
        return tail.partition(_REPEAT)[0]
    return pid[1:].partition(_REPEAT)[0] if pid.startswith("s") and len(pid) > 1 else None


def _label_in(pid: str) -> str | None:
    """The label a section's id, or the id of a unit below a section, spells; None for others.

    >>> _label_in("s4_b_1"), _label_in("s12"), _label_in("tI_s101")
    ('sec. 4(b)(1)', 'sec. 12', None)
    """
    if not pid.startswith("s") or len(pid) < 2:
        return None
    if _REPEAT in pid:  # a repeat is cited as the unit it repeats: ``s1_a-dup2_1`` is sec. 1(a)(1)
        pid = _REPEATS.sub("", pid)
    section, under, parts = pid[1:].partition("_")
    return "sec. " + section + ("(" + parts.replace("_", ")(") + ")" if under else "")


def _provision(fields: dict[str, object]) -> Provision:
    """Rebuild a pickled ``Provision`` (it has keyword-only fields)."""
    return Provision(**fields)  # type: ignore[arg-type]


_LOWER_HEX = re.compile(r"[0-9a-f]*")


def _is_lower_hex(text: str) -> bool:
    return _LOWER_HEX.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something in the text a reader should check; ``--strict`` turns these into errors."""

    code: str  # "unresolved-citation", "duplicate-id", "out-of-sequence", "toc-mismatch" ...
    message: str
    line: int
    column: int = 1
    provision: str | None = None


_REPEAT = "-dup"  # how ``grammar.tree`` marks the n-th unit of a repeated designation
_REPEATS = re.compile(r"-dup[0-9]+")


def _tree_walk(provisions: Sequence[Provision]) -> Iterator[tuple[int, Provision, Provision | None]]:
    """Depth first in document order: each provision, where it stands among its holder's children,
    and its holder.  Each level is an iterator over its children: a section of a million units
    is never copied onto a stack."""
    levels: list[Iterator[tuple[int, Provision]]] = [enumerate(provisions)]
    holders: list[Provision | None] = [None]
    while levels:
        step = next(levels[-1], None)
        if step is None:
            levels.pop()
            holders.pop()
            continue
        position, provision = step
        yield position, provision, holders[-1]
        if provision.children:
            levels.append(enumerate(provision.children))
            holders.append(provision)


@dataclass(frozen=True, slots=True)
class Bill:
    """A parsed bill: its metadata, its provision tree and the layers computed over it."""

    meta: Meta
    provisions: tuple[Provision, ...]
    definitions: Sequence[Definition] = ()  # a Definitions, once parsed
    citations: Sequence[Citation] = ()  # a Citations, once parsed
    diagnostics: tuple[Diagnostic, ...] = ()
    toc: Sequence[TocEntry] = ()  # a TableOfContents, once parsed
    preamble: str = ""
    source: str = "<text>"
    _index: Mapping[str, Provision] = field(init=False, repr=False, compare=False)
    _parents: Mapping[str, str | None] = field(init=False, repr=False, compare=False)
    _repeats: Mapping[str, array[int]] = field(init=False, repr=False, compare=False)
    _order: tuple[Provision, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Provision] = {}
        # Most ids name their parent: ``s4_b_1`` is in ``s4_b``.  Only the others (a section
        # in a title, a top-level unit whose id holds a ``_``) are written down here, so that
        # the index of a bill of many small units is not twice its size.
        parents: dict[str, str | None] = {}
        # A designation repeated under one parent gives ``s1_a``, ``s1_a-dup2``, ``s1_a-dup3``
        # ...: those repeats are found from ``s1_a`` and where each stands among the parent's
        # children (4 bytes each), not by an entry of the index each (a mangled text can
        # repeat one designation a million times).
        repeats: dict[str, array[int]] = {}
        count = skipped = 0
        for position, provision, holder in _tree_walk(self.provisions):
            pid = provision.id
            count += 1
            holder_id = holder.id if holder is not None else None
            if pid.rpartition("_")[0] != (holder_id or ""):
                parents[pid] = holder_id
            if self._is_next_repeat(pid, holder_id, index, parents, repeats):
                repeats.setdefault(pid.rpartition(_REPEAT)[0], array("I")).append(position)
                skipped += 1
            else:
                index[pid] = provision
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(self, "_parents", MappingProxyType(parents))
        object.__setattr__(self, "_repeats", MappingProxyType(repeats))
        # The index is filled in document order, so it is the order too, unless repeats were
        # left out of it or a bill made by hand uses an id twice (the parser never does).
        whole = not skipped and count == len(index)
        object.__setattr__(self, "_order", None if whole else tuple(self._walk_tree()))

    def with_layers(self, *, definitions: Sequence[Definition], citations: Sequence[Citation],
                    diagnostics: tuple[Diagnostic, ...]) -> Bill:
        """This bill with these layers: its provisions and the index made for them, not made again
        (for a bill of a unit every 26 bytes the index is a twentieth of the parse)."""
        layers: dict[str, object] = {"definitions": definitions, "citations": citations, "diagnostics": diagnostics}
        bill = object.__new__(Bill)
        for known in fields(self):
            object.__setattr__(bill, known.name, layers.get(known.name, getattr(self, known.name)))
        return bill

    def __reduce__(self) -> tuple[type[Bill], tuple[object, ...]]:
        # Pickled (and deep-copied) as the fields it was made from; the index is made again.
        return (Bill, (self.meta, self.provisions, self.definitions, self.citations, self.diagnostics,
                       self.toc, self.preamble, self.source))

    @staticmethod
    def _is_next_repeat(pid: str, holder_id: str | None, index: Mapping[str, Provision],
                        parents: Mapping[str, str | None], repeats: Mapping[str, array[int]]) -> bool:
        """Whether ``pid`` is ``base-dupN`` for a ``base`` already read under the same holder,
        with N the next number after its repeats so far (2 for the first)."""
        base, mark, number = pid.rpartition(_REPEAT)
        if not mark or base not in index:
            return False
        known = repeats.get(base)
        if number != str(2 + (len(known) if known is not None else 0)):
            return False
        return (parents[base] if base in parents else base.rpartition("_")[0] or None) == holder_id

    def _find(self, provision_id: object) -> Provision | None:
        """The provision with this id, or None."""
        found = self._index.get(provision_id) if isinstance(provision_id, str) else None
        if found is not None or not self._repeats or not isinstance(provision_id, str):
            return found
        base, mark, number = provision_id.rpartition(_REPEAT)
        positions = self._repeats.get(base) if mark else None
        if positions is None or not (number.isascii() and number.isdigit()) or len(number) > 9:
            return None
        k = int(number) - 2
        if not 0 <= k < len(positions):
            return None
        holder_id = self._parents[base] if base in self._parents else base.rpartition("_")[0] or None
        holder = self._find(holder_id) if holder_id is not None else None
        siblings = self.provisions if holder_id is None else holder.children if holder is not None else ()
        candidate = siblings[positions[k]] if positions[k] < len(siblings) else None
        return candidate if candidate is not None and candidate.id == provision_id else None

    def walk(self) -> Iterator[Provision]:
        """Every provision, in document order."""
        return iter(self._index.values() if self._order is None else self._order)

    def walk_with_holders(self) -> Iterator[tuple[Provision, Provision | None]]:
        """Every provision in document order, with the one that holds it (None at the top): a
        reader of every unit's parent asks no lookup by id (several for a repeat's)."""
        return ((provision, holder) for _, provision, holder in _tree_walk(self.provisions))

    def _walk_tree(self) -> Iterator[Provision]:
        for top in self.provisions:
            yield from top.walk()

    @property
    def ids(self) -> frozenset[str]:
        """The ids of every provision."""
        return frozenset(self._index) if not self._repeats else frozenset(p.id for p in self.walk())

    def __contains__(self, provision_id: object) -> bool:
        return provision_id in self._index or self._find(provision_id) is not None

    def get(self, provision_id: str) -> Provision:
        """The provision with this id.

        Raises:
            UnknownProvisionError: no provision has this id; the message names the
                closest ids that do exist.
        """
        found = self._find(provision_id)
        if found is None:
            raise UnknownProvisionError(provision_id, self._index)
        return found

    def parent(self, provision_id: str) -> Provision | None:
        """The provision that contains this one, or None at the top."""
        if provision_id not in self._index:
            self.get(provision_id)  # a repeat's id is found; an unknown one is told
        if provision_id in self._parents:
            parent_id = self._parents[provision_id]
        else:
            parent_id = provision_id.rpartition("_")[0] or None
        if parent_id is None:
            return None
        return self._index.get(parent_id) or self.get(parent_id)

    def ancestors(self, provision_id: str) -> tuple[Provision, ...]:
        """The containing provisions, nearest first."""
        chain: list[Provision] = []
        parent = self.parent(provision_id)
        while parent is not None:
            chain.append(parent)
            parent = self.parent(parent.id)
        return tuple(chain)

    def section_of(self, provision_id: str) -> Provision | None:
        """The section a provision stands in (itself if it is one), or None above sections."""
        provision = self.get(provision_id)
        for candidate in (provision, *self.ancestors(provision_id)):
            if candidate.kind == "section":
                return candidate
        return None
