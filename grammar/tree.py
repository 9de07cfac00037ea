"""Freezing drafts into provisions: ids, citation labels, headings, text and hashes.

Ids follow the USLM temporalId form: ``s4`` for section 4, ``s4_b_1_A`` for
subparagraph (A) of paragraph (1) of subsection (b).  Divisions, titles and
their kin get ``d``/``t``/``st``/``ch``/``sch``/``pt``/``spt`` ids chained from
their container (``tI_stA``); sections keep plain ids unless their numbers
repeat across divisions, when the division leads (``dA_s101``).  A
resolution's resolving clauses are ``res``, ``res2`` ..., its preamble
clauses ``wh1``, ``wh2`` ..., and their numbered parts hang below them by the
same scheme (``res_1_A``).  This module is the only place ids are made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from grammar.assemble import Draft
from grammar.lexicon import join_lines, split_heading
from grammar.model import Diagnostic, Provision
from grammar.repeats import LIMIT, Repeats

__all__ = ["freeze"]

_CONTAINER_PREFIX = {
    "division": "d", "title": "t", "subtitle": "st", "chapter": "ch",
    "subchapter": "sch", "part": "pt", "subpart": "spt",
}
_CONTAINER_LABEL = {
    "division": "division", "title": "title", "subtitle": "subtitle", "chapter": "chapter",
    "subchapter": "subchapter", "part": "part", "subpart": "subpart",
}


def freeze(drafts: Sequence[Draft]) -> tuple[tuple[Provision, ...], tuple[Diagnostic, ...]]:
    """Turn the assembled drafts into frozen provisions with unique ids.

    Returns the top-level provisions and the diagnostics raised on the way
    (ids made unique after a repeated designation).  The drafts are used up: their
    words are let go as each is frozen, and a list of them is emptied as it is read.
    """
    builder = _Builder(_repeated_section_numbers(drafts))
    if isinstance(drafts, list):  # given up by the caller: each top-level draft goes once frozen
        drafts.reverse()
        built: list[Provision] = []
        while drafts:
            built.append(builder.build(drafts.pop(), parent_id="", parent_label="", division=""))
        provisions = tuple(built)
        del built
    else:
        provisions = tuple(builder.build(draft, parent_id="", parent_label="", division="") for draft in drafts)
    return provisions, (*builder.diagnostics, *builder.repeats.summaries(_more_duplicates))


def _more_duplicates(pid: object, count: int, first: Diagnostic, last: Diagnostic) -> str:
    return (f"{count} more units, from line {first.line} to line {last.line}, repeat the designation "
            f"of {pid}; they are given the ids {first.provision} to {last.provision} (the first "
            f"{LIMIT} are listed one by one)")


def _repeated_section_numbers(drafts: Sequence[Draft]) -> frozenset[str]:
    """Section numbers that stand in more than one division (the omnibus case)."""
    # A loop, not a recursive inner function: such a function refers to itself, and with the
    # cyclic collector paused while parsing (``grammar.parse``) the cycle would keep this
    # table of every section alive until the parse ends.
    first_division: dict[str, str] = {}  # a section number -> the division it first stands in
    repeated: set[str] = set()
    for top in drafts:
        stack: list[tuple[Draft, str]] = [(top, "")]
        while stack:
            draft, division = stack.pop()
            if draft.kind == "division":
                division = draft.designation
            if draft.kind == "section":
                if first_division.setdefault(draft.designation, division) != division:
                    repeated.add(draft.designation)
                continue
            stack.extend((child, division) for child in reversed(draft.children))
    return frozenset(repeated)


class _Builder:
    def __init__(self, repeated: frozenset[str]) -> None:
        self.repeated = repeated
        self.used: set[str] = set()
        self.next_dup: dict[str, int] = {}
        self.diagnostics: list[Diagnostic] = []
        self.repeats = Repeats()  # a designation repeated many times: the first few in full
        self.resolutions = 0

    def build(self, draft: Draft, *, parent_id: str, parent_label: str, division: str,
              siblings: dict[str, _Sibling] | None = None, model: Provision | None = None) -> Provision:
        """Freeze ``draft``; ``siblings`` holds the units built before it under the same parent,
        by designation (a unit below a section is unique once its designation is); ``model`` is
        the unit this one may repeat (the one at its place under the unit its parent repeats)."""
        kind = draft.kind
        heading = draft.heading
        text = join_lines(draft.words)
        draft.words = ()  # the drafts are used up as they are frozen: one copy of the words at a time
        sibling: _Sibling | None = None
        if kind in _CONTAINER_PREFIX:
            base = _CONTAINER_PREFIX[kind] + draft.designation
            pid = f"{parent_id}_{base}" if parent_id else base
            label = f"{_CONTAINER_LABEL[kind]} {draft.designation}"
            label = f"{parent_label}, {label}" if parent_label else label
            if kind == "division":
                division = draft.designation
        elif kind == "section":
            base = f"s{draft.designation}"
            label = f"sec. {draft.designation}"
            if draft.designation in self.repeated and division:
                base = f"d{division}_{base}"
                label = f"div. {division}, {label}"
            pid = base
        elif kind == "resolution":
            self.resolutions += 1
            pid = "res" if self.resolutions == 1 else f"res{self.resolutions}"
            label = "resolving clause" if self.resolutions == 1 else f"resolving clause {self.resolutions}"
        elif kind == "whereas":
            pid = f"wh{draft.designation}"
            label = f"whereas clause {draft.designation}"
        elif kind == "text":
            pid, label = "txt", "enacted text"
        else:  # a unit below a section
            sibling = siblings.get(draft.designation) if siblings is not None else None
            pid = f"{parent_id}_{draft.designation}"
            if sibling is not None:
                label = sibling.label  # the same designation under the same parent: the same label
            else:
                # "sec. 4" + "(b)" -> "sec. 4(b)"; "resolving clause" + "(1)" -> "resolving clause (1)"
                cited_as_section = parent_label.endswith(")") or parent_label.startswith(("sec.", "div."))
                joiner = "" if cited_as_section else " "
                label = f"{parent_label}{joiner}({draft.designation})"
            if not heading:
                heading, text = split_heading(text)
        if siblings is not None and kind not in _GLOBAL_KINDS:
            pid = self._unique_among_siblings(pid, draft, sibling)
        else:
            pid = self._unique(pid, draft)
        # Each child draft is let go as soon as it is frozen, so that a large bill's drafts
        # and its provisions are never both whole in memory.
        pending = draft.children if isinstance(draft.children, list) else []
        draft.children = ()
        pending.reverse()
        built: list[Provision] = []
        below: dict[str, _Sibling] = {}
        # A unit that repeats an earlier one (its sibling of the same designation, or its model)
        # often repeats its children too: each child shares what it repeats of the one at its place.
        if sibling is not None:
            model = sibling.last
        models = model.children if model is not None else ()
        while pending:
            built.append(self.build(pending.pop(), parent_id=pid, parent_label=label, division=division,
                                    siblings=below, model=models[len(built)] if len(built) < len(models) else None))
        del below
        children = tuple(built)
        del built
        flush = join_lines(draft.flush) if draft.flush else ""
        draft.flush = ()
        # The last line at or below the unit (most units have no children: their own last line).
        line_end = max(draft.line_end, max(child.line_end for child in children)) if children else draft.line_end
        digest = _hash(kind, draft.designation, heading, text, flush, children)
        designation = draft.designation
        if model is not None:
            # A repeated unit often repeats its words too: share the strings rather than copy them.
            designation = model.designation if designation == model.designation else designation
            heading = model.heading if heading == model.heading else heading
            text = model.text if text == model.text else text
            flush = model.flush if flush == model.flush else flush
        provision = Provision(
            id=pid,
            kind=kind,
            designation=designation,
            heading=heading,
            text=text,
            flush=flush,
            label=label,
            line_start=draft.line_start,
            line_end=line_end,
            hash=digest,
            children=children,
            quoted=tuple(draft.quoted),
        )
        if model is not None:
            provision.share_hash(model)
        if siblings is not None and kind not in _GLOBAL_KINDS:
            if sibling is None:
                siblings[designation] = _Sibling(1, label, provision)
            else:
                sibling.last = provision
        return provision

    def _unique_among_siblings(self, pid: str, draft: Draft, sibling: _Sibling | None) -> str:
        """A unit below a section can only share its id with a sibling of the same designation
        (every other id has another parent's id before it, or no ``_``): the n-th of them is
        given ``-dup``n."""
        if sibling is None:
            return pid
        sibling.count += 1
        return self._duplicate(pid, f"{pid}-dup{sibling.count}", draft)

    def _unique(self, pid: str, draft: Draft) -> str:
        if pid not in self.used:
            self.used.add(pid)
            return pid
        # Where the last -dupN of this id left off, so that many repeats cost one step each.
        n = self.next_dup.get(pid, 2)
        while f"{pid}-dup{n}" in self.used:
            n += 1
        unique = f"{pid}-dup{n}"
        self.next_dup[pid] = n + 1
        self.used.add(unique)
        return self._duplicate(pid, unique, draft)

    def _duplicate(self, pid: str, unique: str, draft: Draft) -> str:
        diagnostic = self.repeats.admit(pid, lambda: Diagnostic(
            "duplicate-id",
            f"the {draft.kind} at line {draft.line_start} repeats the designation of {pid}; "
            f"it is given the id {unique}",
            draft.line_start,
            provision=unique,
        ))
        if diagnostic is not None:
            self.diagnostics.append(diagnostic)
        return unique


@dataclass(slots=True)
class _Sibling:
    """The units of one designation under one parent: how many so far, their label, the last."""

    count: int
    label: str
    last: Provision


# Kinds whose ids are made unique across the whole bill (the rest among their siblings).
_GLOBAL_KINDS = frozenset({*_CONTAINER_PREFIX, "section", "resolution", "whereas", "text"})


def _hash(kind: str, designation: str, heading: str, text: str, flush: str,
          children: tuple[Provision, ...]) -> str:
    """SHA-256 over the unit's own words and its children's hashes."""
    digest = hashlib.sha256("\x1f".join((kind, designation, heading, text, flush)).encode("utf-8"))
    # The children's hashes fed one by one: a section of 30,000 units would make its material
    # a string of two megabytes.  The same bytes as joining them all by "\x1f".
    for child in children:
        digest.update(b"\x1f")
        digest.update(child.hash.encode("ascii"))
    return digest.hexdigest()
