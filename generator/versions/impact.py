"""Impact beyond a provision's own words: what changes meaning because a definition or a cited provision did.

A provision's hash covers only its own words and those below it.  Yet when sec. 3(4)
changes what ``foreign country of concern`` means, every provision that uses the term
means something else, and a provision applying "the criteria described in subsection
(b)" applies other criteria when (b) changes.  ``impact`` finds them in the new text:

- **definition**: a definition whose defining provision is new, or whose words at or
  below it changed (renumbering alone is no change), affects every provision in its
  scope that uses the term (the definitions layer's ``uses``);
- **citation**: an internal citation whose target is new or changed affects the citing
  provision; so does a citation whose words stayed the same but which, in the new text,
  names a provision that is not the counterpart of the one it named in the old text, or
  names nothing where it named something (``subsection (b)(3)`` after the old (b)(3) was
  struck and (b)(4) renumbered in its place);
- **chains**: an affected provision affects in turn: a definition with an affected part
  affects the users of its term, a provision citing an affected one (or one containing
  it) is affected; a chain does not run into a provision whose own words changed or
  that is new (its own review shows it, and its links start chains of their own), and
  neither does a single link: such a provision is never listed as merely affected.  The
  search is breadth first and passes a change on from each provision once, along the
  first (shortest) chain that reached it, so circles end and the work stays linear in
  the links; a provision resting on a change directly is not told the longer ways round.
  The message reads the chain back ("sec. 2(1) changed; this provision uses `gadget`
  (sec. 2(2)), which uses `widget` (sec. 2(3)), whose sec. 2(3)(A) uses `device`").

A provision inside the changed one, or containing it, is left out: its own review shows
the change.  ``impact`` works on an ``Alignment`` of two texts; ``impact_of_changes`` on one
text and the ids whose words changed (the review uses it against the reviewed words).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.versions.align import Alignment
from generator.versions.references import pair_references
from grammar.model import Bill, Citation

__all__ = ["Affected", "Cause", "Repointed", "affected", "affected_by_id", "impact", "impact_of_changes",
           "repointed", "words_changed"]

_SHOWN_HOPS = 4  # a longer chain shows its first and last hops, the middle counted


@dataclass(frozen=True, slots=True)
class Cause:
    """Why a provision is affected: the changed provision (new id) and how this one rests on it."""

    kind: str  # "definition" or "citation"
    changed: str  # id, in the new text, of the definition or the cited provision that changed
    label: str  # its citation label, "sec. 3(4)"
    via: str  # the term used, or the words of the citation
    message: str  # "sec. 3(4) changed; this provision uses `foreign country of concern`"
    through: tuple[str, ...] = ()  # a chain's provisions between this one and the change, nearest first


@dataclass(frozen=True, slots=True)
class Affected:
    """A provision of the new text whose meaning changed through another provision."""

    provision: str
    label: str
    causes: tuple[Cause, ...]


@dataclass(frozen=True, slots=True)
class Repointed:
    """An internal citation whose words are the same in both texts but which names something else now.

    ``source`` is the citing provision (new id); ``now`` the ids the words name in the new
    text (empty: nothing); ``message`` says what they name and what became of the old target.
    """

    source: str
    text: str
    now: tuple[str, ...]
    changed: str  # the new id the cause points at: what the words name now, else where the old target went
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class _Hop:
    """One link of a chain: ``kind`` (definition or citation) through ``via`` from the provision
    ``source`` (the defining or cited one), reached because ``reached`` (at or below it) was."""

    kind: str
    via: str
    source: str
    reached: str


@dataclass(frozen=True, slots=True)
class _Reach:
    """How a provision was reached: the chain of hops from it back to its root, and the root's phrase."""

    root: str  # id of the provision whose change started the chain
    opening: str  # "sec. 3(2) changed"
    hops: tuple[_Hop, ...]


def impact(alignment: Alignment) -> tuple[Affected, ...]:
    """Every provision of the new text affected through a changed definition or citation, in text order."""

    def how(new_id: str) -> str | None:
        if _old_of(alignment, new_id) is None:
            return "is new"
        return "changed" if _changed(alignment, new_id) else None

    def reworded(new_id: str) -> bool:
        old_id = _old_of(alignment, new_id)
        return old_id is None or (
            alignment.old.get(old_id).full_text != alignment.new.get(new_id).full_text
            and _masked(alignment, old_id, old=True) != _masked(alignment, new_id, old=False))

    return affected(alignment.new, how, repointed(alignment), reworded=reworded)


def impact_of_changes(bill: Bill, changed: Collection[str], *, wording: str = "changed since review"
                      ) -> tuple[Affected, ...]:
    """The provisions affected when the own words of ``changed`` (ids of ``bill``) changed.

    A definition or cited provision counts as changed when its own words or those of a
    provision below it did; ``wording`` says how (``"sec. 3(4) changed since review; ..."``).
    """
    hit = set(changed)
    for provision_id in list(hit):
        if provision_id in bill:
            hit.update(p.id for p in bill.ancestors(provision_id))
    own = frozenset(changed)
    return affected(bill, lambda pid: wording if pid in hit else None, reworded=own.__contains__)


def affected(bill: Bill, how: Callable[[str], str | None], repoints: Sequence[Repointed] = (),
             *, reworded: Callable[[str], bool] | None = None) -> tuple[Affected, ...]:
    """The provisions affected through the definitions and citations of ``bill``, given ``how``
    each provision changed at or below it (None when it did not) and the citations re-pointed, in
    the order of the text, following chains (see the module docstring).  ``reworded`` says which
    provisions' own words changed (or are new): no link or chain reaches them, they are listed as changed
    (default: ``how``)."""
    own = reworded or (lambda pid: how(pid) is not None)
    memo: dict[str, str | None] = {}

    def changed(provision_id: str) -> str | None:
        if provision_id not in memo:
            memo[provision_id] = how(provision_id)
        return memo[provision_id]

    links = _Links(bill)
    causes: dict[str, list[Cause]] = defaultdict(list)
    roots: dict[str, set[str]] = defaultdict(set)  # provision -> the roots it was reached from
    reach: dict[str, _Reach] = {}  # first (shortest) chain of each affected provision
    queue: deque[str] = deque()

    def add(target: str, cause: Cause, chain: _Reach) -> None:
        if chain.root in roots[target] and len(chain.hops) > 1:
            return  # a shorter chain from the same change already says why
        roots[target].add(chain.root)
        causes[target].append(cause)
        if target not in reach:
            reach[target] = chain
            queue.append(target)

    for source, hop, label in links.direct(changed):  # the provision that changed is one link away
        if own(source):
            continue  # its own words changed: it is listed as changed, never as merely affected
        was = changed(hop.source)
        chain = _Reach(hop.source, f"{label} {was}", (hop,))
        add(source, Cause(hop.kind, hop.source, label, hop.via, _message(bill, chain)), chain)
    for repoint in repoints:
        if repoint.source in bill and not own(repoint.source):  # else its own change shows the citation
            names = "names another provision" if repoint.now else "names no provision"
            chain = _Reach(repoint.source, f"{bill.get(repoint.source).label} cites ``{repoint.text}``, which now "
                           f"{names}", ())
            add(repoint.source, Cause("citation", repoint.changed, repoint.label, repoint.text, repoint.message),
                chain)
    reached: set[str] = set()  # provisions whose out-links have fired (a changed one fires in ``direct``)
    while queue:
        provision_id = queue.popleft()
        chain = reach[provision_id]
        for holder in (provision_id, *links.above(provision_id)):
            if holder in reached:
                continue
            reached.add(holder)
            if changed(holder) is not None:
                continue  # it changed: its links fired directly, from a shorter chain
            for target, kind, via in links.out_of(holder):
                if target == provision_id or links.related(target, chain.root) or own(target):
                    continue  # a provision whose own words changed shows it in its own review
                longer = _Reach(chain.root, chain.opening, (_Hop(kind, via, holder, provision_id), *chain.hops))
                root_label = bill.get(chain.root).label
                add(target, Cause(kind, chain.root, root_label, via, _message(bill, longer), _through(longer)), longer)
    return tuple(Affected(p.id, p.label, tuple(dict.fromkeys(causes[p.id])))
                 for p in bill.walk() if causes.get(p.id))


class _Links:
    """The definitions and internal citations of a bill as links: from the defining or cited
    provision to the provision using the term or making the citation."""

    def __init__(self, bill: Bill) -> None:
        self.bill = bill
        self._above: dict[str, tuple[str, ...]] = {}
        self._out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for definition in bill.definitions:
            if definition.provision in bill:
                for use in definition.uses:
                    if use in bill and not self.related(use, definition.provision):
                        self._out[definition.provision].append((use, "definition", definition.term))
        for citation in bill.citations:
            if citation.kind != "internal" or citation.source not in bill:
                continue
            for target in citation.targets:
                if target in bill and not self.related(citation.source, target):
                    self._out[target].append((citation.source, "citation", citation.text))

    def above(self, provision_id: str) -> tuple[str, ...]:
        """The ids of the provisions containing this one, nearest first (kept: asked again and again)."""
        found = self._above.get(provision_id)
        if found is None:
            parent = self.bill.parent(provision_id)
            found = () if parent is None else (parent.id, *self.above(parent.id))
            self._above[provision_id] = found
        return found

    def related(self, a: str, b: str) -> bool:
        """True when one provision is the other or stands inside it."""
        return a == b or b in self.above(a) or a in self.above(b)

    def out_of(self, provision_id: str) -> Sequence[tuple[str, str, str]]:
        """(target, kind, via) of every link leaving ``provision_id``."""
        return self._out.get(provision_id, ())

    def direct(self, how: Callable[[str], str | None]) -> Iterator[tuple[str, _Hop, str]]:
        """(affected provision, the hop, the changed provision's label) of every link leaving a
        provision that changed: definitions, then citations, in the order the layers list them."""
        bill = self.bill
        for definition in bill.definitions:
            source = definition.provision
            if source in bill and how(source) is not None:
                label = bill.get(source).label
                for use in definition.uses:
                    if use in bill and not self.related(use, source):
                        yield use, _Hop("definition", definition.term, source, source), label
        for citation in bill.citations:
            if citation.kind != "internal" or citation.source not in bill:
                continue
            for target in citation.targets:
                if target in bill and how(target) is not None and not self.related(citation.source, target):
                    yield citation.source, _Hop("citation", citation.text, target, target), bill.get(target).label


def _through(chain: _Reach) -> tuple[str, ...]:
    """The provisions a chain passes through, nearest first: each defining or cited provision and,
    when another, the provision at or below it that was reached; the change itself left out."""
    ids: list[str] = []
    for hop in chain.hops:
        ids.extend(dict.fromkeys((hop.source, hop.reached)))
    return tuple(i for i in dict.fromkeys(ids) if i != chain.root)


def _message(bill: Bill, chain: _Reach) -> str:
    """The chain read back from the affected provision to the change."""
    hops = chain.hops
    if len(hops) == 1:  # one link: the wording the review and the matrix have always shown
        hop = hops[0]
        if hop.kind == "definition":
            return f"{chain.opening}; this provision uses `{hop.via}`"
        return f"{chain.opening}; this provision cites it (``{hop.via}``)"
    phrases: list[str] = []
    for n, hop in enumerate(hops):
        last = n == len(hops) - 1
        where = "" if last else f" ({bill.get(hop.source).label})"
        verb = f"uses `{hop.via}`{where}" if hop.kind == "definition" else (
            f"cites {bill.get(hop.source).label} (``{hop.via}``)")
        if n == 0:
            phrases.append(f"this provision {verb}")
        else:
            before = hops[n - 1]
            subject = "which" if before.reached == before.source else f"whose {bill.get(before.reached).label}"
            phrases.append(f"{subject} {verb}")
    if len(phrases) > _SHOWN_HOPS:
        phrases = [*phrases[:2], f"... ({len(phrases) - 3} more links)", phrases[-1]]
    return f"{chain.opening}; " + ", ".join(phrases)


def repointed(alignment: Alignment) -> tuple[Repointed, ...]:
    """The internal citations whose words are the same on both sides of a pair but which name, in the
    new text, something other than the counterparts of what they named in the old one."""
    found: list[Repointed] = []
    for new_source in alignment.new_citations:
        old_source = _old_of(alignment, new_source)
        if old_source is None:
            continue
        # a reference that follows its target's new number is paired with its old self first: the
        # old words of one reference may be the new words of another ("subsection (c)" -> "(d)",
        # "subsection (b)" -> "(c)"), and that is no re-pointing
        for old, citation in pair_references(alignment, old_source, new_source).same_words:
            if _names_itself(alignment.new, new_source, citation.targets) and _names_itself(
                    alignment.old, old_source, old.targets):
                continue  # "this title": its container in each text, whatever became of the old one
            found.append(_repoint(alignment, new_source, old, citation))
    order = {p.id: n for n, p in enumerate(alignment.new.walk())}
    return tuple(sorted(found, key=lambda r: order[r.source]))


def _names_itself(bill: Bill, source: str, targets: Sequence[str]) -> bool:
    """True when every target is the citing provision or one containing it ("this section")."""
    around = {source, *(p.id for p in bill.ancestors(source))}
    return bool(targets) and all(t in around for t in targets)


def _repoint(alignment: Alignment, source: str, old: Citation, new: Citation) -> Repointed:
    """What the words name now and what became of what they named."""
    now = [alignment.new.get(t).label + _was(alignment, t) for t in new.targets]
    fates = [_fate(alignment, t) for t in old.targets]
    if now:
        named = f"cites ``{new.text}``: that is now " + ", ".join(now)
    else:
        named = f"cites ``{new.text}``, which names no provision of the new text"
    before = "; ".join(fates) if fates else "in the old text it named no provision"
    after_old = [alignment.counterpart(t) for t in old.targets]
    changed = new.targets[0] if new.targets else next((t for t in after_old if t is not None), "")
    label = alignment.new.get(changed).label if changed else alignment.old.get(old.targets[0]).label
    return Repointed(source, new.text, new.targets, changed, label, f"this provision {named}; {before}")


def _was(alignment: Alignment, new_id: str) -> str:
    old_id = _old_of(alignment, new_id)
    if old_id is None:
        return " (a new provision)"
    old_label = alignment.old.get(old_id).label
    return f" (the old {old_label})" if old_label != alignment.new.get(new_id).label else ""


def _fate(alignment: Alignment, old_id: str) -> str:
    label = alignment.old.get(old_id).label
    new_id = alignment.counterpart(old_id)
    if new_id is not None:
        return f"the old {label} is now {alignment.new.get(new_id).label}"
    if any(m.new is not None for m in alignment.of_old(old_id)):
        return f"the old {label} was split or merged"
    return f"the old {label} was removed"


def affected_by_id(affected: Sequence[Affected]) -> Mapping[str, Affected]:
    """The affected provisions by their id (for the review, the matrix and the site)."""
    return {item.provision: item for item in affected}


def _old_of(alignment: Alignment, new_id: str) -> str | None:
    olds = [m.old for m in alignment.of_new(new_id) if m.old is not None]
    return olds[0] if len(olds) == 1 else None


def _changed(alignment: Alignment, new_id: str) -> bool:
    """True when the provision is new, or its words at or below it differ from its old counterpart's
    by more than references that follow their targets' new designations."""
    old_id = _old_of(alignment, new_id)
    return old_id is None or words_changed(alignment, old_id, new_id)


def words_changed(alignment: Alignment, old_id: str, new_id: str) -> bool:
    """True when the words at or below the new provision differ from those of the old one by more
    than references that follow their targets' new designations (renumbering alone is no change)."""
    if alignment.old_keys[old_id] == alignment.new_keys[new_id]:
        return False
    return not _conforming(alignment, old_id, new_id)


def _conforming(alignment: Alignment, old_id: str, new_id: str) -> bool:
    """True when the two subtrees pair part for part and differ only in the words of internal
    references that point at the same provisions."""
    old, new = alignment.old.get(old_id), alignment.new.get(new_id)
    if len(old.children) != len(new.children) or old.heading != new.heading:
        return False
    if old.full_text != new.full_text and _masked(alignment, old_id, old=True) != _masked(alignment, new_id, old=False):
        return False
    return all(alignment.counterpart(a.id) == b.id and _conforming(alignment, a.id, b.id)
               for a, b in zip(old.children, new.children, strict=True))


def _masked(alignment: Alignment, provision_id: str, *, old: bool) -> str:
    """Own words with each internal reference replaced by the new ids it points at."""
    bill = alignment.old if old else alignment.new
    text = bill.get(provision_id).full_text
    cites = (alignment.old_citations if old else alignment.new_citations).get(provision_id, ())
    for citation in sorted((c for c in cites if c.kind == "internal"), key=lambda c: -len(c.text)):
        targets = [alignment.counterpart(t) or "?" for t in citation.targets] if old else list(citation.targets)
        text = text.replace(citation.text, "<" + ",".join(sorted(targets)) + ">")
    return text
