"""Whether the words behind each link are still the words its rules and tests were reviewed against.

A provision is *tracked* when something rests on its words: a rule implements it
(its own rule, not an ancestor's), a test is marked for it with
``@pytest.mark.provision``, or it is declared not formalized (a decision not to
code it rests on the words too).  ``provisions/reviewed-text.toml`` records, per
tracked provision, what its words were when that was last reviewed::

    [s4_f_1]
    hash = "2ce53030e05a..."      # Provision.hash: its own words and everything below it
    words = "Definition In this section, the term ..."   # Provision.full_text

    [s4_f_1.below]                # a digest of the own words of each provision under it
    s4_f_1_A = "5d41402abc4b2a76"
    s4_f_1_B = "7d793037a0760186"

    [s4_f_1.rests_on]             # a digest of the words (at and below) of each provision its
    s3_1 = "1e02ad564e9ead62"     # meaning rests on: what it or a part of it cites (4(f)(1)(A):
    s4_e_2 = "264024dc949c7537"   # "subsection (e)(2)"), the definitions of the terms they use, and
                                  # theirs in turn (``generator.trace.resting``)

``rests_on`` is recorded for every such provision, tracked or not, as the "suspect links"
of Doorstop and sphinx-needs keep the fingerprint of each linked item in the item that
links: the rules of sec. 6(c)(2) were reviewed against the words of the paragraph (1) it
cites, whether or not anything else rests on those, and only a person re-reading sec.
6(c)(2) can say it still holds once they change (accepting sec. 6(c)(1) says nothing of it).

``review`` compares the bill with the file and gives each tracked provision a state:

``current``     its hash is the one reviewed, and so is the digest of every provision
                its meaning rests on;
``changed``     its hash differs: its own words changed (with a word-by-word diff of
                the reviewed words and the words now), or only words below it did
                (naming the provisions under it whose words changed, appeared or went);
``affected``    its hash is the one reviewed, but a provision its meaning rests on has
                words other than those its entry recorded (naming it and how this one
                rests on it: "sec. 6(c)(1) changed since review; this provision cites it
                (``paragraph (1)``)"), or is gone, or is one whose words the entry did not
                record ("the words of sec. 4(a) were not recorded when this provision was
                reviewed; ..."); accepting the provision records them as they are now;
``unreviewed``  the file has no entry for it (every tracked provision, when there is
                no file at all);
``removed``     the file has an entry for an id the bill no longer has.

An entry written before ``rests_on`` was kept reads as one that did not record it: a
provision it rests on counts as changed when some entry's hash or ``below`` says so (the
old rule), and one that no entry records at all makes it ``affected`` ("... were not
recorded ...") until it is accepted again.  An entry for a provision of the bill that
nothing rests on any more is left out of the review (``--accept-all`` drops it).
Reading a malformed file raises ReviewedTextError naming the file, the entry and what is
wrong.  All but ``read_reviewed`` and ``write_reviewed`` are pure functions.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import hashlib
import re
import reprlib
import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import tomli_w

from generator.errors import ReviewedTextError
from generator.project.files import write_atomically
from generator.trace.resting import Basis, words_digest
from generator.trace.results import Results
from grammar import Bill, Provision
from provisions.kit import Catalogue
from provisions.kit.wording import counted

if TYPE_CHECKING:
    from generator.versions.impact import Cause

__all__ = [
    "NOTHING_REVIEWED",
    "Review",
    "ReviewState",
    "Reviewed",
    "ReviewedText",
    "Reviews",
    "WordChange",
    "accept",
    "accept_all",
    "advice",
    "changed_since_review",
    "declared_tests",
    "diff_text",
    "own_digest",
    "read_reviewed",
    "review",
    "reviewed_to_toml",
    "snapshot",
    "tracked",
    "word_diff",
    "write_reviewed",
]

_HASH = re.compile(r"[0-9a-f]{64}")
_DIGEST = re.compile(r"[0-9a-f]{16}")
_EMPTY: Mapping[str, str] = MappingProxyType({})
_HEADER = """\
# The words of each tracked provision of the bill as they stood when its rules, its tests
# and its not_formalized declaration were last reviewed against them.  billtrace writes
# this file; do not edit it by hand.
#
# A provision is tracked when something rests on its words: a rule implements it (its own
# rule, not an ancestor's), a test is marked for it with @pytest.mark.provision, or it is
# declared not formalized.  One table per tracked provision, in the order of the text:
#   hash   Provision.hash: SHA-256 over its own words and the hashes of its parts, so it
#          changes when any word at or below it changes;
#   words  its heading, own text and flush language (Provision.full_text);
#   below  for each provision under it, the first 16 hex digits of a SHA-256 over that
#          provision's own words, so a change below it can be named;
#   rests_on  for each provision its meaning rests on (what it or a part of it cites, the
#          definitions of the terms they use, and theirs in turn), the first 16 hex digits
#          of that provision's hash, so a change there flags this one as affected.
#
# To update it: `billtrace review` lists each provision whose words changed since review
# (exit status 1 while there is one), with the word diff and the rules and tests to
# re-read.  Once a person has re-read them against the new words, record that with
# `billtrace review --accept ID [ID ...]`, or `billtrace review --accept-all`.
"""


class ReviewState(enum.StrEnum):
    """Whether a tracked provision's words are the ones its rules and tests were reviewed against."""

    CURRENT = "current"
    CHANGED = "changed"
    AFFECTED = "affected"
    UNREVIEWED = "unreviewed"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One entry of the file: a provision's words when they were last reviewed."""

    id: str
    hash: str
    words: str
    below: Mapping[str, str] = field(default_factory=lambda: _EMPTY)  # id -> own-words digest of each
    # provision under it, in the order of the text
    rests_on: Mapping[str, str] | None = None  # id -> words_digest of each provision its meaning rests on
    # (``generator.trace.resting``), in the order of the text; None: an entry written before they were kept


@dataclass(frozen=True, slots=True)
class ReviewedText:
    """The reviewed-text file: its entries by id, and whether the file exists at all."""

    path: str  # as messages name it
    present: bool
    entries: Mapping[str, Reviewed]


NOTHING_REVIEWED = ReviewedText("reviewed-text.toml", False, MappingProxyType({}))  # as an absent file reads


@dataclass(frozen=True, slots=True)
class WordChange:
    """One stretch of a word diff: words both texts share (``equal``), or old words giving way to new.

    ``op`` is difflib's opcode: ``equal``, ``replace``, ``delete`` (only ``old``) or
    ``insert`` (only ``new``).
    """

    op: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Review:
    """The review state of one tracked provision, or of an entry for an id the bill lacks."""

    id: str
    label: str  # "sec. 4(f)(1)"; the id itself when the bill no longer has it
    state: ReviewState
    own_words_changed: bool
    below: tuple[str, ...]  # provisions under it whose own words changed since review, in order
    added: tuple[str, ...]  # provisions under it that the reviewed text did not have
    dropped: tuple[str, ...]  # provisions that were under it when reviewed and are gone
    diff: tuple[WordChange, ...]  # reviewed own words -> own words now; () when they are the same
    reviewed_words: str | None  # None when unreviewed
    words: str | None  # None when removed
    reviewed_hash: str | None
    hash: str | None
    rules: tuple[str, ...]  # the names of the rules that implement it
    tests: tuple[str, ...]  # node ids of the tests marked for it or for another provision its rules implement
    not_formalized: bool  # declared not formalized
    affected_by: tuple[str, ...] = ()  # why its meaning may have changed though its words did not
    rests_on_changed: tuple[str, ...] = ()  # affected: the labels of the provisions it rests on whose words
    # changed since review, or that are gone (the id, then), in the order of the causes
    rests_on_unrecorded: tuple[str, ...] = ()  # affected: the labels of those whose words its entry did not record

    @property
    def stale(self) -> bool:
        """True unless the words are the ones reviewed."""
        return self.state is not ReviewState.CURRENT

    @property
    def summary(self) -> str:
        """What the state means for this provision, in a sentence.

        >>> Review("s9", "s9", ReviewState.REMOVED, False, (), (), (), (), "x", None, "0" * 64, None,
        ...        (), (), False).summary
        'the text no longer has provision s9'
        """
        if self.state is ReviewState.CURRENT:
            return "its words are the words reviewed"
        if self.state is ReviewState.UNREVIEWED:
            return "its words have never been reviewed: the reviewed text has no entry for it"
        if self.state is ReviewState.REMOVED:
            return f"the text no longer has provision {self.id}"
        if self.state is ReviewState.AFFECTED:
            return "its words are the words reviewed, but what they mean may have changed: " + "; ".join(
                self.affected_by)
        parts = []
        if self.below:
            parts.append(", ".join(self.below))
        if self.added:
            parts.append("new " + ", ".join(self.added))
        if self.dropped:
            parts.append("gone " + ", ".join(self.dropped))
        where = "; ".join(parts)
        if self.own_words_changed:
            return "its own words changed since review" + (f", and words below it ({where})" if where else "")
        if where:
            return f"only words below it changed since review: {where}"
        return "its words are the same, but its designation or the nesting of the parts below it changed"


@dataclass(frozen=True, slots=True)
class Reviews:
    """The review of a bill: each tracked provision in the order of the text, then each removed id."""

    path: str  # the reviewed-text file, as messages name it
    items: tuple[Review, ...]
    _by_id: Mapping[str, Review] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({r.id: r for r in self.items}))

    def of(self, provision_id: str) -> Review | None:
        """The review of ``provision_id``, or None when nothing rests on its words."""
        return self._by_id.get(provision_id)

    @property
    def stale(self) -> tuple[Review, ...]:
        """Every review that is not current: changed, unreviewed or removed."""
        return tuple(r for r in self.items if r.stale)

    @property
    def removed(self) -> tuple[Review, ...]:
        """The entries for ids the bill no longer has."""
        return tuple(r for r in self.items if r.state is ReviewState.REMOVED)

    def count(self, state: ReviewState) -> int:
        """How many reviews are in ``state``."""
        return sum(1 for r in self.items if r.state is state)


def declared_tests(results: Results) -> Mapping[str, tuple[str, ...]]:
    """Provision id -> the node ids of the tests marked for it, from a run's (or a collection's) results."""
    declared: dict[str, list[str]] = {}
    for test in results.tests:
        for provision_id in test.provisions:
            declared.setdefault(provision_id, []).append(test.nodeid)
    return MappingProxyType({k: tuple(v) for k, v in declared.items()})


def tracked(bill: Bill, catalogue: Catalogue, declared: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The ids of the provisions whose words something rests on, in the order of the text.

    Something rests on a provision's words when a rule implements it, a test is
    marked for it (``declared``: id -> node ids), or it is declared not formalized.
    """
    resting = {pid for rule in catalogue.rules for pid in rule.provisions}
    resting |= {entry.provision for entry in catalogue.not_formalized}
    resting |= {pid for pid, tests in declared.items() if tests}
    return tuple(p.id for p in bill.walk() if p.id in resting)


def review(bill: Bill, catalogue: Catalogue, declared: Mapping[str, Sequence[str]],
           reviewed: ReviewedText) -> Reviews:
    """The review state of every tracked provision, and of every entry for an id the bill lacks."""
    items = [_review_one(bill.get(pid), reviewed.entries.get(pid), catalogue, declared)
             for pid in tracked(bill, catalogue, declared)]
    for provision_id, entry in reviewed.entries.items():
        if provision_id not in bill:
            rules, tests, not_formalized = _resting(provision_id, catalogue, declared)
            items.append(Review(
                id=provision_id, label=provision_id, state=ReviewState.REMOVED, own_words_changed=False,
                below=(), added=(), dropped=(), diff=(), reviewed_words=entry.words, words=None,
                reviewed_hash=entry.hash, hash=None, rules=rules, tests=tests, not_formalized=not_formalized))
    return Reviews(reviewed.path, tuple(_with_impact(bill, reviewed, items)))


def _with_impact(bill: Bill, reviewed: ReviewedText, items: Sequence[Review]) -> list[Review]:
    """Current reviews turned ``affected`` where a provision their meaning rests on (a definition
    they use, a provision they cite, and theirs in turn) has words other than those the entry
    recorded, or words it did not record; the causes are worded by ``generator.versions.impact``."""
    from generator.versions.impact import impact_of_changes  # the versions package builds on this module

    changed = changed_since_review(bill, reviewed)
    causes = {a.provision: a.causes for a in impact_of_changes(bill, changed)} if changed else {}
    basis = Basis(bill)
    recorded = {*reviewed.entries, *(pid for entry in reviewed.entries.values() for pid in entry.below)}
    out = []
    for item in items:
        found = causes.get(item.id, ())
        entry = reviewed.entries.get(item.id)
        if item.state is not ReviewState.CURRENT or entry is None:
            out.append(dataclasses.replace(item, affected_by=tuple(c.message for c in found)))
            continue
        why = _meaning_moved(bill, basis, entry, found, recorded)
        out.append(dataclasses.replace(
            item, state=ReviewState.AFFECTED, affected_by=why.messages, rests_on_changed=why.changed,
            rests_on_unrecorded=why.unrecorded) if why.messages else item)
    return out


@dataclass(frozen=True, slots=True)
class _Moved:
    """Why the meaning of a provision may have moved: the messages, and the provisions they name."""

    messages: tuple[str, ...]
    changed: tuple[str, ...]  # labels of the provisions whose words changed or went
    unrecorded: tuple[str, ...]  # labels of the provisions whose words the entry did not record


def _meaning_moved(bill: Bill, basis: Basis, entry: Reviewed, found: Sequence[Cause],
                   recorded: Collection[str]) -> _Moved:
    """Why the meaning of a provision whose words are those reviewed may have moved: ``found`` (the
    impact of the changes) less the causes whose changed provision the entry records as it is now,
    then each provision it rests on whose recorded words changed or went, and each whose words the
    entry did not record.  An entry written before they were recorded keeps ``found`` and names only
    those whose words no entry records at all (for the others, the old review's rule holds: they
    changed when the entries recording them say so)."""
    now = basis.of(entry.id)
    kept: list[str] = []
    changed: list[str] = []
    if entry.rests_on is None:
        kept.extend(c.message for c in found)
        changed.extend(c.label for c in found)
        unrecorded = [pid for pid in now if pid not in recorded]
    else:
        named = set()
        for cause in found:
            root = cause.changed
            if root in bill and entry.rests_on.get(root) == words_digest(bill.get(root).hash):
                continue  # reviewed against its words as they are now
            kept.append(cause.message)
            changed.append(cause.label)
            named.add(root)
        for pid, digest in entry.rests_on.items():
            if pid not in bill:
                kept.append(f"{pid}, whose words this provision rested on when reviewed, is gone from the text")
                changed.append(pid)
            elif pid not in named and words_digest(bill.get(pid).hash) != digest:
                kept.append(f"{bill.get(pid).label} changed since review; "
                            + now.get(pid, "this provision rested on it when reviewed"))
                changed.append(bill.get(pid).label)
        unrecorded = [pid for pid in now if pid not in entry.rests_on]
    kept.extend(f"the words of {bill.get(pid).label} were not recorded when this provision was reviewed; {now[pid]}"
                for pid in unrecorded)
    return _Moved(tuple(dict.fromkeys(kept)), tuple(dict.fromkeys(changed)),
                  tuple(bill.get(pid).label for pid in unrecorded))


def changed_since_review(bill: Bill, reviewed: ReviewedText) -> frozenset[str]:
    """The ids whose words differ from those some entry of the file recorded: its own words, the
    digest it keeps of a provision below it (own words), or of a provision its meaning rests on
    (words at or below it)."""
    changed: set[str] = set()
    for provision_id, entry in reviewed.entries.items():
        if provision_id not in bill:
            continue
        if entry.words != bill.get(provision_id).full_text:
            changed.add(provision_id)
        for below_id, digest in entry.below.items():
            if below_id in bill and own_digest(bill.get(below_id)) != digest:
                changed.add(below_id)
        for basis_id, digest in (entry.rests_on or {}).items():
            if basis_id in bill and words_digest(bill.get(basis_id).hash) != digest:
                changed.add(basis_id)
    return frozenset(changed)


def _review_one(provision: Provision, entry: Reviewed | None, catalogue: Catalogue,
                declared: Mapping[str, Sequence[str]]) -> Review:
    rules, tests, not_formalized = _resting(provision.id, catalogue, declared)
    unreviewed = Review(
        id=provision.id, label=provision.label, state=ReviewState.UNREVIEWED, own_words_changed=False,
        below=(), added=(), dropped=(), diff=(), reviewed_words=None, words=provision.full_text,
        reviewed_hash=None, hash=provision.hash, rules=rules, tests=tests, not_formalized=not_formalized)
    if entry is None:
        return unreviewed
    if entry.hash == provision.hash:
        return dataclasses.replace(unreviewed, state=ReviewState.CURRENT, reviewed_words=entry.words,
                                   reviewed_hash=entry.hash)
    now = _below(provision)
    own = entry.words != provision.full_text
    return dataclasses.replace(
        unreviewed, state=ReviewState.CHANGED, own_words_changed=own,
        below=tuple(pid for pid, digest in now.items() if pid in entry.below and entry.below[pid] != digest),
        added=tuple(pid for pid in now if pid not in entry.below),
        dropped=tuple(pid for pid in entry.below if pid not in now),
        diff=word_diff(entry.words, provision.full_text) if own else (),
        reviewed_words=entry.words, reviewed_hash=entry.hash)


def _resting(provision_id: str, catalogue: Catalogue,
             declared: Mapping[str, Sequence[str]]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The rules, the tests and the declaration that rest on a provision's words.

    Its tests are those marked for it and those marked for any other provision its
    rules implement (they check the same rules).
    """
    rules = catalogue.rules_for(provision_id)
    ids = dict.fromkeys([provision_id, *(pid for rule in rules for pid in rule.provisions)])
    tests = sorted({nodeid for pid in ids for nodeid in declared.get(pid, ())})
    return (tuple(rule.name for rule in rules), tuple(tests),
            catalogue.reason_not_formalized(provision_id) is not None)


def own_digest(provision: Provision) -> str:
    """The first 16 hex digits of a SHA-256 over a provision's own words (its parts left out)."""
    material = "\x1f".join((provision.kind, provision.designation, provision.heading, provision.text,
                            provision.flush))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def _below(provision: Provision) -> dict[str, str]:
    return {p.id: own_digest(p) for p in provision.walk() if p is not provision}


def snapshot(provision: Provision, *, bill: Bill | None = None, basis: Basis | None = None) -> Reviewed:
    """The entry that records ``provision``'s words as they are now and, given the ``bill`` it is
    part of (or its ``basis``), the words of every provision its meaning rests on; without either
    those are not recorded (``rests_on`` is None)."""
    if basis is None and bill is not None:
        basis = Basis(bill)
    rests_on = None if basis is None else MappingProxyType(basis.digests(provision.id))
    return Reviewed(provision.id, provision.hash, provision.full_text, MappingProxyType(_below(provision)), rests_on)


def accept(reviewed: ReviewedText, bill: Bill, ids: Iterable[str]) -> ReviewedText:
    """``reviewed`` with the words of ``ids`` recorded as they are now (with the words of what their
    meaning rests on); an id the bill lacks is dropped.

    Every other entry is kept as it is.
    """
    entries = dict(reviewed.entries)
    basis = Basis(bill)
    for provision_id in ids:
        if provision_id in bill:
            entries[provision_id] = snapshot(bill.get(provision_id), basis=basis)
        else:
            entries.pop(provision_id, None)
    return ReviewedText(reviewed.path, True, MappingProxyType(entries))


def accept_all(reviewed: ReviewedText, bill: Bill, ids: Collection[str]) -> ReviewedText:
    """A file recording the words of exactly ``ids`` (the tracked provisions) as they are now."""
    return accept(ReviewedText(reviewed.path, True, MappingProxyType({})), bill,
                  [p.id for p in bill.walk() if p.id in ids])


def word_diff(old: str, new: str) -> tuple[WordChange, ...]:
    """The difference of two texts word by word (difflib on whitespace-separated words, no autojunk).

    >>> [(c.op, c.old, c.new) for c in word_diff("of either House", "of the two Houses")]
    [('equal', 'of', 'of'), ('replace', 'either House', 'the two Houses')]
    """
    before, after = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return tuple(WordChange(op, " ".join(before[i1:i2]), " ".join(after[j1:j2]))
                 for op, i1, i2, j1, j2 in matcher.get_opcodes())


def diff_text(diff: Sequence[WordChange], *, context: int | None = 8) -> str:
    """A word diff for a terminal: ``[-old words-]{+new words+}``, shared words around them.

    With ``context``, a run of shared words keeps only that many words next to each
    change and shows ``...`` for the rest.

    >>> diff_text(word_diff("a joint resolution of either House", "a joint resolution of the two Houses"),
    ...           context=2)
    '... resolution of [-either House-]{+the two Houses+}'
    """
    parts = []
    for n, change in enumerate(diff):
        if change.op != "equal":
            old = f"[-{change.old}-]" if change.old else ""
            new = f"{{+{change.new}+}}" if change.new else ""
            parts.append(old + new)
            continue
        words = change.old.split()
        first, last = n == 0, n == len(diff) - 1
        if context is None or len(words) <= context * (1 if first or last else 2):
            parts.append(change.old)
        elif first:
            parts.append("... " + " ".join(words[-context:]))
        elif last:
            parts.append(" ".join(words[:context]) + " ...")
        else:
            parts.append(" ".join(words[:context]) + " ... " + " ".join(words[-context:]))
    return " ".join(parts)


def advice(item: Review) -> str:
    """What a person should do about a stale review, in a sentence that names the rules to re-read.

    Empty for a current one.
    """
    if not item.stale:
        return ""
    accept_it = f"`billtrace review --accept {item.id}`"
    basis = ("its rules" if item.rules else "its declaration not to formalize it" if item.not_formalized
             else "its tests")
    reread = [*item.rules]
    if item.not_formalized and not item.rules:
        reread.append("the reason it is not formalized")
    if item.tests:
        reread.append("its tests" if reread else f"its {counted(len(item.tests), 'test')}")
    what = _join(reread) or "what rests on it"
    if item.state is ReviewState.REMOVED:
        if not item.rules and not item.tests:
            return f"the text no longer has provision {item.id}; run {accept_it} to drop its entry"
        return (f"the text no longer has provision {item.id}, on which {_join([*item.rules, *item.tests])} rest; "
                f"point them at the provision that now holds those words (or remove them), then run {accept_it} "
                f"to drop its entry")
    if item.state is ReviewState.AFFECTED:
        return (f"the words of {item.label} are those reviewed, but {'; '.join(item.affected_by)}; re-read "
                f"{what} against the words they rest on now, then run {accept_it}")
    if item.state is ReviewState.UNREVIEWED:
        return (f"the words of {item.label} were never reviewed against {basis}; read {what}, "
                f"then run {accept_it}")
    if item.own_words_changed:
        return f"the words of {item.label} changed since {basis} were reviewed; re-read {what}, then run {accept_it}"
    below = ", ".join((*item.below, *item.added, *item.dropped)) or "its parts' order or nesting"
    return (f"the words below {item.label} ({below}) changed since {basis} were reviewed; re-read {what}, "
            f"then run {accept_it}")


def _join(parts: Sequence[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def read_reviewed(path: Path, *, name: str | None = None) -> ReviewedText:
    """Read the reviewed-text file; an absent file reads as one with no entries.

    ``name`` is how messages call the file (default: ``path``).

    Raises:
        ReviewedTextError: the file is not UTF-8 TOML, or an entry is not a table
            with a 64-digit ``hash``, a string ``words`` and optional ``below`` and
            ``rests_on`` tables of 16-digit digests, or it has other keys.
    """
    shown = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReviewedText(shown, False, MappingProxyType({}))
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ReviewedTextError(f"{shown} is not valid TOML: {error}") from None
    except RecursionError:
        raise ReviewedTextError(f"{shown} is not valid TOML: nested too deeply") from None
    entries = {}
    for key, entry in document.items():
        if not isinstance(entry, dict):
            raise ReviewedTextError(f"{shown}: {key} must be a table [{key}] with hash and words, "
                                    f"got {type(entry).__name__}")
        extra = sorted(set(entry) - {"hash", "words", "below", "rests_on"})
        if extra:
            raise ReviewedTextError(f"{shown}: [{key}] has unknown key {extra[0]!r} "
                                    f"(expected hash, words, below and rests_on)")
        hash_, words, below = entry.get("hash"), entry.get("words"), entry.get("below", {})
        rests_on = entry.get("rests_on")
        if not isinstance(hash_, str) or not _HASH.fullmatch(hash_):
            raise ReviewedTextError(f"{shown}: [{key}] hash must be 64 lowercase hex digits, got {hash_!r}")
        if not isinstance(words, str):
            raise ReviewedTextError(f"{shown}: [{key}] words must be a string, got {words!r}")
        if not isinstance(below, dict) or not all(
                isinstance(v, str) and _DIGEST.fullmatch(v) for v in below.values()):
            raise ReviewedTextError(f"{shown}: [{key}.below] must map provision ids to 16 hex digits")
        if rests_on is not None:
            _check_rests_on(shown, key, rests_on)
        entries[key] = Reviewed(key, hash_, words, MappingProxyType(dict(below)),
                                None if rests_on is None else MappingProxyType(dict(rests_on)))
    return ReviewedText(shown, True, MappingProxyType(entries))


def _check_rests_on(shown: str, key: str, rests_on: object) -> None:
    """Raise ReviewedTextError unless ``rests_on`` maps ids to 16 hex digits, naming the first that does not."""
    if not isinstance(rests_on, dict):
        raise ReviewedTextError(f"{shown}: [{key}.rests_on] must be a table of provision ids and 16 hex digits, "
                                f"got {type(rests_on).__name__} {reprlib.repr(rests_on)}")
    for basis_id, digest in rests_on.items():
        if not (isinstance(digest, str) and _DIGEST.fullmatch(digest)):
            raise ReviewedTextError(f"{shown}: [{key}.rests_on] must map provision ids to 16 hex digits, got "
                                    f"{reprlib.repr(basis_id)} = {reprlib.repr(digest)}")


def reviewed_to_toml(reviewed: ReviewedText, bill: Bill) -> str:
    """The file's text: the header, then one table per entry in the order of the text (ids the bill
    lacks last, sorted).  The same entries always give the same bytes."""
    order = {p.id: n for n, p in enumerate(bill.walk())}
    keys = sorted(reviewed.entries, key=lambda k: (0, order[k], "") if k in order else (1, 0, k))
    document: dict[str, dict[str, Any]] = {}
    for key in keys:
        entry = reviewed.entries[key]
        document[key] = {"hash": entry.hash, "words": entry.words}
        if entry.below:
            document[key]["below"] = dict(entry.below)
        if entry.rests_on is not None:  # an empty table too: it says the provision rests on nothing else
            document[key]["rests_on"] = dict(entry.rests_on)
    return _HEADER + "\n" + tomli_w.dumps(document)


def write_reviewed(path: Path, reviewed: ReviewedText, bill: Bill) -> None:
    """Write the file atomically: a temporary file beside it, then a rename.

    Raises:
        OSError: naming ``path``; it could not be written, and is as it was.
    """
    write_atomically(path, reviewed_to_toml(reviewed, bill))
