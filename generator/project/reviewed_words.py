"""Which provisions an answer cites have words other than those reviewed, from the bill's cached facts.

``billtrace check`` answers from the rules as they stand; when the words a reason cites are no
longer the words those rules were reviewed against (``generator.trace.review``), the answer rests
on a reading nobody has checked against the text now, and the command says so after it.  The
comparison needs no parsed bill: the cached facts (``bill_labels.bill_facts``) carry each
provision's hash, its own-words digest and its parent.  A provision whose words are those
reviewed but whose entry recorded other words for a provision its meaning rests on (``rests_on``:
what it cites, the definitions it uses) is named too, with the one that changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.project.bill_labels import BillFacts
from generator.trace.resting import words_digest
from generator.trace.review import Reviewed, ReviewedText

__all__ = ["Moved", "changed_since_review"]


@dataclass(frozen=True, slots=True)
class Moved:
    """A cited provision whose words changed since review: its own words, only words below it, or
    (``own_words`` None) words at or below it, of which the review kept one digest; or, with
    ``rests_on``, the words of that provision, on which its meaning rests."""

    id: str
    own_words: bool | None
    rests_on: str = ""  # the id of a provision its meaning rests on whose words changed since review


def changed_since_review(cited: Iterable[str], facts: BillFacts, reviewed: ReviewedText) -> tuple[Moved, ...]:
    """The provisions among ``cited`` (in their order, once each) whose words changed since review.

    A provision with an entry of its own changed when its hash is not the one recorded (its own
    words or words below it moved).  One without, under a provision that has one (the nearest),
    changed when that entry keeps no digest of its words (it is new since the review), or the
    digest it keeps of its own words or of a part below it is not the digest now.  One with no
    entry at or above it changed when an entry that keeps it among the words its meaning rests on
    keeps another digest; otherwise (unreviewed) it has not: nothing it was reviewed against has
    moved; nor has an id the bill lacks.  A provision whose own entry is current is named once for
    each provision its entry keeps among those it rests on whose words changed or went.

    >>> facts = BillFacts({"s1": "sec. 1", "s1_a": "sec. 1(a)"}, {"s1": "", "s1_a": "A"},
    ...                   {"s1": "1" * 64, "s1_a": "2" * 64}, {"s1": "1" * 16, "s1_a": "3" * 16},
    ...                   {"s1": "", "s1_a": "s1"})
    >>> from generator.trace.review import Reviewed
    >>> reviewed = ReviewedText("reviewed-text.toml", True, {"s1": Reviewed("s1", "0" * 64, "", {"s1_a": "2" * 16})})
    >>> changed_since_review(["s1_a", "s1", "s1_a"], facts, reviewed)  # s1_a's own words moved, so s1's hash
    (Moved(id='s1_a', own_words=True, rests_on=''), Moved(id='s1', own_words=False, rests_on=''))
    """
    children: dict[str, list[str]] = {}
    for provision_id, parent in facts.parents.items():
        children.setdefault(parent, []).append(provision_id)
    changed = []
    for provision_id in dict.fromkeys(cited):
        if provision_id not in facts.hashes:
            continue
        entry = reviewed.entries.get(provision_id)
        if entry is not None:
            if entry.hash != facts.hashes[provision_id]:
                changed.append(Moved(provision_id, entry.words != facts.words[provision_id]))
                continue
            moved = [basis for basis, digest in (entry.rests_on or {}).items()
                     if basis not in facts.hashes or words_digest(facts.hashes[basis]) != digest]
            inside = {above for basis in moved for above in _ancestors(basis, facts)}
            changed.extend(Moved(provision_id, None, basis) for basis in moved if basis not in inside)
            continue
        above = _entry_above(provision_id, facts, reviewed)
        if above is None:
            now = words_digest(facts.hashes[provision_id])
            if any(other.rests_on is not None and other.rests_on.get(provision_id, now) != now
                   for other in reviewed.entries.values()):
                changed.append(Moved(provision_id, None))
            continue
        if any(above.below.get(part) != facts.digests[part] for part in _subtree(provision_id, children)):
            changed.append(Moved(provision_id, above.below.get(provision_id) != facts.digests[provision_id]))
    return tuple(changed)


def _entry_above(provision_id: str, facts: BillFacts, reviewed: ReviewedText) -> Reviewed | None:
    """The entry of the nearest provision above ``provision_id`` that has one, if any."""
    return next((reviewed.entries[p] for p in _ancestors(provision_id, facts) if p in reviewed.entries), None)


def _ancestors(provision_id: str, facts: BillFacts) -> list[str]:
    """The ids of the provisions containing ``provision_id``, nearest first (none for an id the bill lacks)."""
    found, parent = [], facts.parents.get(provision_id, "")
    while parent:
        found.append(parent)
        parent = facts.parents.get(parent, "")
    return found


def _subtree(provision_id: str, children: dict[str, list[str]]) -> list[str]:
    """``provision_id`` and every provision below it."""
    found, waiting = [], [provision_id]
    while waiting:
        current = waiting.pop()
        found.append(current)
        waiting.extend(children.get(current, ()))
    return found
