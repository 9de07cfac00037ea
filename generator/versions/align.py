"""Aligning the provisions of two texts of a bill: which provision of the new text is which of the old.

Ids come from designations, so they cannot say which provision is which once a text
inserts, drops or moves a unit.  The alignment uses the words, the headings, the
designations and the parents together, in four passes:

1. **Identical content.**  A provision whose words and parts' words (designations
   left out) occur exactly once in each text is paired with its twin, and so is
   everything below it.  A section inserted near the top therefore leaves every
   later section paired with itself, renumbered, not changed.
2. **Sequence alignment within a parent.**  Under each pair of parents, a part whose
   designation and nearly all words (``KEEP_SCORE``) are those of a part of the other
   text is paired with it; the parts left unpaired are aligned in order (a Needleman-Wunsch alignment over a score of
   shared words below them, shared own words and an equal designation); a pair needs
   a score of at least ``PAIR_SCORE``.
3. **Similarity across parents.**  Provisions still unpaired are paired with the
   unpaired provision of the other text whose words they share most (candidates found
   through rare shared words), if the score reaches ``MOVE_SCORE``: a moved provision.
4. **Split and merged.**  An unpaired new provision whose words are nearly all
   (``CONTAINED``) words of an old provision beside it splits that provision; an
   unpaired old provision nearly all of whose words stand in a new one was merged into it.

Each pair then gets its change type (``CHANGES``): ``moved`` when its parents are not a
pair; otherwise ``reworded`` when its own words or its list of parts changed,
``renumbered`` when only its designation did, ``same`` when nothing did.  Unpaired
provisions are ``added`` or ``removed``.  Everything here is a pure function of two
``Bill`` values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from generator.versions.references import quoted_references
from generator.versions.words import content_keys, dice, ratio, tokens
from grammar.model import Bill, Citation, Provision

__all__ = ["CHANGES", "CONTAINED", "KEEP_SCORE", "MOVE_SCORE", "PAIR_SCORE", "Alignment", "Match", "align"]

CHANGES = ("same", "reworded", "renumbered", "moved", "split", "merged", "added", "removed")
KEEP_SCORE = 0.85  # same designation under paired parents, nearly the same words: paired before the alignment
PAIR_SCORE = 0.5  # within a parent: 0.6 x shared words below + 0.25 x shared own words + 0.15 x same designation
MOVE_SCORE = 0.6  # across parents: 0.7 x shared words below + 0.3 x shared own words
CONTAINED = 0.8  # share of a provision's words found in the one it was split from or merged into
_MIN_WORDS = 3  # fewer words than this never pair across parents, split or merge: too little to tell
_NEIGHBOURS = 3  # how far from a unit its split-off or merged neighbours are looked for
_RARE = 50  # a word in more unpaired provisions than this does not propose candidates


@dataclass(frozen=True, slots=True)
class Match:
    """One line of the alignment: an old provision, a new one, or both, and how they differ.

    ``similarity`` is that of their own words (heading, text, flush), 0 to 1; for a pair
    whose own words are the same but whose list of parts changed, that of all their
    words.  ``details`` (typed changes) are filled in by ``generator.versions.changes``.
    """

    old: str | None
    new: str | None
    change: str
    similarity: float


@dataclass(frozen=True)
class Alignment:
    """The pairs of two texts, in the order of the new text (removed provisions where they stood)."""

    old: Bill
    new: Bill
    matches: tuple[Match, ...]
    _by_old: Mapping[str, tuple[Match, ...]] = field(init=False, repr=False, compare=False)
    _by_new: Mapping[str, tuple[Match, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_old: dict[str, list[Match]] = defaultdict(list)
        by_new: dict[str, list[Match]] = defaultdict(list)
        for match in self.matches:
            if match.old is not None:
                by_old[match.old].append(match)
            if match.new is not None:
                by_new[match.new].append(match)
        object.__setattr__(self, "_by_old", MappingProxyType({k: tuple(v) for k, v in by_old.items()}))
        object.__setattr__(self, "_by_new", MappingProxyType({k: tuple(v) for k, v in by_new.items()}))

    def of_old(self, old_id: str) -> tuple[Match, ...]:
        """The matches of an old provision (two or more when it was split)."""
        return self._by_old.get(old_id, ())

    def of_new(self, new_id: str) -> tuple[Match, ...]:
        """The matches of a new provision (two or more when it merges old ones)."""
        return self._by_new.get(new_id, ())

    @cached_property
    def old_keys(self) -> Mapping[str, str]:
        """Designation-free content keys of the old text (see ``words.content_keys``)."""
        return content_keys(self.old)

    @cached_property
    def new_keys(self) -> Mapping[str, str]:
        """Designation-free content keys of the new text."""
        return content_keys(self.new)

    @cached_property
    def old_citations(self) -> Mapping[str, tuple[Citation, ...]]:
        """The citations of the old text by the id of the provision making them: the layer's, then
        the references a quotation makes to this Act by its short title (``references``)."""
        return _by_source(self.old)

    @cached_property
    def new_citations(self) -> Mapping[str, tuple[Citation, ...]]:
        """The citations of the new text by the id of the provision making them (as ``old_citations``)."""
        return _by_source(self.new)

    def counterpart(self, old_id: str) -> str | None:
        """The one new id an old provision became, or None (removed, or split in several)."""
        matches = [m for m in self.of_old(old_id) if m.new is not None]
        return matches[0].new if len(matches) == 1 and matches[0].change != "merged" else None

    def content_changed(self, old_id: str) -> bool:
        """True unless the old provision has one counterpart with the same words at and below it."""
        new_id = self.counterpart(old_id)
        return new_id is None or self.old_keys[old_id] != self.new_keys[new_id]

    def count(self, change: str) -> int:
        """How many matches have this change type."""
        return sum(1 for m in self.matches if m.change == change)


def align(old: Bill, new: Bill) -> Alignment:
    """Align the provisions of ``old`` and ``new`` (see the module docstring for how)."""
    return _Aligner(old, new).run()


class _Aligner:
    def __init__(self, old: Bill, new: Bill) -> None:
        self.old, self.new = old, new
        self.o2n: dict[str, str] = {}
        self.n2o: dict[str, str] = {}
        self.split: dict[str, list[str]] = defaultdict(list)  # old id -> the new ids it was split into
        self.merged: dict[str, list[str]] = defaultdict(list)  # new id -> the old ids merged into it
        self._bags: dict[tuple[str, str], Counter[str]] = {}
        self._own: dict[tuple[str, str], Counter[str]] = {}

    # -- the passes ---------------------------------------------------------------------------

    def run(self) -> Alignment:
        self._identical_content()
        self._within_parents()
        for _ in range(3):  # a pair found across parents may pair its parts in turn
            if not self._across_parents():
                break
            self._within_parents()
        self._splits_and_merges()
        return Alignment(self.old, self.new, tuple(self._matches()))

    def _identical_content(self) -> None:
        old_keys, new_keys = content_keys(self.old), content_keys(self.new)
        old_count, new_count = Counter(old_keys.values()), Counter(new_keys.values())
        new_by_key = {key: pid for pid, key in new_keys.items() if new_count[key] == 1}
        for provision in self.old.walk():
            key = old_keys[provision.id]
            if provision.id in self.o2n or old_count[key] != 1 or key not in new_by_key:
                continue
            twin = self.new.get(new_by_key[key])
            if twin.id not in self.n2o:
                self._pair_subtrees(provision, twin)

    def _pair_subtrees(self, old: Provision, new: Provision) -> None:
        self._pair(old.id, new.id)
        for a, b in zip(old.children, new.children, strict=True):
            if a.id not in self.o2n and b.id not in self.n2o:
                self._pair_subtrees(a, b)

    def _within_parents(self) -> None:
        self._align_sequence([p for p in self.old.provisions if p.id not in self.o2n],
                             [p for p in self.new.provisions if p.id not in self.n2o])
        queue = list(self.o2n.items())  # every pair so far, whatever pass made it
        done: set[str] = set()
        while queue:
            old_id, new_id = queue.pop()
            if old_id in done:
                continue
            done.add(old_id)
            queue.extend(self._align_sequence(
                [p for p in self.old.get(old_id).children if p.id not in self.o2n],
                [p for p in self.new.get(new_id).children if p.id not in self.n2o]))

    def _align_sequence(self, olds: Sequence[Provision], news: Sequence[Provision]) -> list[tuple[str, str]]:
        """Pair two lists of siblings in order; returns the pairs made.

        Siblings with the same designation whose score reaches ``KEEP_SCORE`` are paired
        first (a text reworded in place keeps its numbering); the rest are aligned in order.
        """
        made: list[tuple[str, str]] = []
        if not olds or not news:
            return made
        by_designation = {p.designation: p for p in news}
        for old in olds:
            twin = by_designation.get(old.designation)
            if twin is not None and twin.id not in self.n2o and self._score(old, twin) >= KEEP_SCORE:
                self._pair(old.id, twin.id)
                made.append((old.id, twin.id))
        olds = [p for p in olds if p.id not in self.o2n]
        news = [p for p in news if p.id not in self.n2o]
        if not olds or not news:
            return made
        m, n = len(olds), len(news)
        scores = [[self._score(a, b) for b in news] for a in olds]
        gain = [[s - PAIR_SCORE if s >= PAIR_SCORE else -1.0 for s in row] for row in scores]
        best = [[0.0] * (n + 1) for _ in range(m + 1)]
        for i in range(m - 1, -1, -1):
            for j in range(n - 1, -1, -1):
                take = best[i + 1][j + 1] + gain[i][j] + 1e-9 if gain[i][j] >= 0 else -1.0
                best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
        i = j = 0
        while i < m and j < n:
            if gain[i][j] >= 0 and best[i][j] == best[i + 1][j + 1] + gain[i][j] + 1e-9:
                self._pair(olds[i].id, news[j].id)
                made.append((olds[i].id, news[j].id))
                i, j = i + 1, j + 1
            elif best[i][j] == best[i + 1][j]:
                i += 1
            else:
                j += 1
        return made

    def _across_parents(self) -> bool:
        olds = [p for p in self.old.walk() if p.id not in self.o2n and len(self._bag("old", p)) >= _MIN_WORDS]
        news = [p for p in self.new.walk() if p.id not in self.n2o and len(self._bag("new", p)) >= _MIN_WORDS]
        index: dict[str, list[Provision]] = defaultdict(list)
        for provision in news:
            for word in self._bag("new", provision):
                index[word].append(provision)
        scored: list[tuple[float, int, Provision, Provision]] = []
        for order, provision in enumerate(olds):
            hits: Counter[str] = Counter()
            for word in self._bag("old", provision):
                posting = index.get(word, ())
                if len(posting) <= _RARE:
                    hits.update(p.id for p in posting)
            for candidate_id, _ in hits.most_common(5):
                candidate = self.new.get(candidate_id)
                score = (0.7 * dice(self._bag("old", provision), self._bag("new", candidate))
                         + 0.3 * dice(self._own_bag("old", provision), self._own_bag("new", candidate)))
                if score >= MOVE_SCORE:
                    scored.append((score, order, provision, candidate))
        found = False
        for _, _, provision, candidate in sorted(scored, key=lambda s: (-s[0], s[1])):
            if provision.id not in self.o2n and candidate.id not in self.n2o:
                self._pair(provision.id, candidate.id)
                found = True
        return found

    def _splits_and_merges(self) -> None:
        for provision in self.new.walk():
            if provision.id in self.n2o or len(self._bag("new", provision)) < _MIN_WORDS:
                continue
            for source in self._nearby(self.new, self.old, provision, self.n2o, self.o2n):
                partner = self.o2n.get(source.id)
                if self._contained("new", provision, "old", source) and (
                        partner is None or not self._contained("new", provision, "new", self.new.get(partner))):
                    self.split[source.id].append(provision.id)
                    self.n2o[provision.id] = source.id
                    break
        for provision in self.old.walk():
            if provision.id in self.o2n or len(self._bag("old", provision)) < _MIN_WORDS:
                continue
            for target in self._nearby(self.old, self.new, provision, self.o2n, self.n2o):
                partner = self.n2o.get(target.id)
                if self._contained("old", provision, "new", target) and (
                        partner is None or not self._contained("old", provision, "old", self.old.get(partner))):
                    self.merged[target.id].append(provision.id)
                    self.o2n[provision.id] = target.id
                    break

    def _nearby(self, this: Bill, other: Bill, provision: Provision, here: Mapping[str, str],
                there: Mapping[str, str]) -> Iterator[Provision]:
        """The provisions of ``other`` a unit of ``this`` may have been split from or merged into:
        the counterparts of its nearest siblings (a split or a merger joins neighbours), then the
        unpaired children of its parent's counterpart."""
        parent = this.parent(provision.id)
        siblings = parent.children if parent is not None else this.provisions
        position = next(n for n, sibling in enumerate(siblings) if sibling is provision)
        seen: set[str] = set()
        for sibling in siblings[max(0, position - _NEIGHBOURS):position + _NEIGHBOURS + 1]:
            partner = here.get(sibling.id)
            if sibling is not provision and partner is not None and partner not in seen:
                seen.add(partner)
                yield other.get(partner)
        partner_parent = here.get(parent.id) if parent is not None else None
        if partner_parent is not None:
            for child in other.get(partner_parent).children:
                if child.id not in seen and child.id not in there:
                    seen.add(child.id)
                    yield child

    # -- scores -------------------------------------------------------------------------------

    def _score(self, old: Provision, new: Provision) -> float:
        return (0.6 * dice(self._bag("old", old), self._bag("new", new))
                + 0.25 * dice(self._own_bag("old", old), self._own_bag("new", new))
                + 0.15 * (old.designation == new.designation))

    def _contained(self, side: str, part: Provision, whole_side: str, whole: Provision) -> bool:
        words, other = self._bag(side, part), self._bag(whole_side, whole)
        total = words.total()
        if total == 0 or other.total() < CONTAINED * total:
            return False
        shared = sum(min(count, other.get(word, 0)) for word, count in words.items())
        return shared / total >= CONTAINED

    def _bag(self, side: str, provision: Provision) -> Counter[str]:
        """The words at and below a provision."""
        key = (side, provision.id)
        bag = self._bags.get(key)
        if bag is None:
            bag = Counter(self._own_bag(side, provision))
            for child in provision.children:
                bag.update(self._bag(side, child))
            self._bags[key] = bag
        return bag

    def _own_bag(self, side: str, provision: Provision) -> Counter[str]:
        key = (side, provision.id)
        bag = self._own.get(key)
        if bag is None:
            bag = self._own[key] = Counter(tokens(provision.full_text))
        return bag

    def _pair(self, old_id: str, new_id: str) -> None:
        self.o2n[old_id] = new_id
        self.n2o[new_id] = old_id

    # -- the result ---------------------------------------------------------------------------

    def _matches(self) -> Iterator[Match]:
        old_order = {p.id: n for n, p in enumerate(self.old.walk())}
        placed: list[tuple[tuple[int, int, int], Match]] = []
        new_position: dict[str, int] = {}
        for position, provision in enumerate(self.new.walk()):
            new_position[provision.id] = position
            old_ids = self._olds_of(provision.id)
            if not old_ids:
                placed.append(((position, 0, 0), Match(None, provision.id, "added", 0.0)))
            for old_id in old_ids:
                placed.append(((position, 0, old_order[old_id]), self._match(old_id, provision.id)))
        anchor = -1
        for provision in self.old.walk():
            partner = self.o2n.get(provision.id)
            if partner is not None:
                anchor = new_position[partner]
            elif not self.split.get(provision.id):
                placed.append(((anchor, 1, old_order[provision.id]), Match(provision.id, None, "removed", 0.0)))
        placed.sort(key=lambda item: item[0])
        return (match for _, match in placed)

    def _olds_of(self, new_id: str) -> list[str]:
        first = self.n2o.get(new_id)
        if first is None:
            return []
        return list(dict.fromkeys([first, *self.merged.get(new_id, ())]))

    def _match(self, old_id: str, new_id: str) -> Match:
        old, new = self.old.get(old_id), self.new.get(new_id)
        if old_id in self.split or (self.n2o.get(new_id) in self.split):
            return Match(old_id, new_id, "split", self._similarity(old, new))
        if new_id in self.merged or self.o2n.get(old_id) in self.merged:
            return Match(old_id, new_id, "merged", self._similarity(old, new))
        old_parent, new_parent = self.old.parent(old_id), self.new.parent(new_id)
        parents_paired = (old_parent is None and new_parent is None) or (
            old_parent is not None and new_parent is not None and self.o2n.get(old_parent.id) == new_parent.id)
        similarity = self._similarity(old, new)
        if not parents_paired:
            change = "moved"
        elif old.full_text != new.full_text or self._parts_changed(old, new):
            change = "reworded"
        elif old.designation != new.designation:
            change = "renumbered"
        else:
            change = "same"
        return Match(old_id, new_id, change, similarity)

    def _parts_changed(self, old: Provision, new: Provision) -> bool:
        """True when a part was added under ``new`` or dropped from ``old`` (not moved in or out)."""
        return (any(self.o2n.get(child.id) is None for child in old.children)
                or any(self.n2o.get(child.id) is None for child in new.children))

    def _similarity(self, old: Provision, new: Provision) -> float:
        if old.full_text == new.full_text and self._parts_changed(old, new):
            return round(ratio(_all_words(old), _all_words(new)), 3)
        return round(ratio(tokens(old.full_text), tokens(new.full_text)), 3)


def _all_words(provision: Provision) -> list[str]:
    return [word for part in provision.walk() for word in tokens(part.full_text)]


def _by_source(bill: Bill) -> Mapping[str, tuple[Citation, ...]]:
    found: dict[str, list[Citation]] = defaultdict(list)
    for citation in (*bill.citations, *quoted_references(bill)):
        found[citation.source].append(citation)
    return MappingProxyType({k: tuple(v) for k, v in found.items()})
