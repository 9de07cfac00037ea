"""Impact beyond a provision's own words: what changes meaning because a definition or a cited provision did.

A provision's hash covers only its own words and those below it.  Yet when sec. 3(4)
changes what ``foreign country of concern`` means, every provision that uses the term
means something else, and a provision applying "the criteria described in subsection
(b)" applies other criteria when (b) changes.  ``impact`` finds them in the new text:

- **definition**: a definition whose defining provision is new, or whose words at or
  below it changed (renumbering alone is no change), affects every provision in its
  scope that uses the term (the definitions layer's ``uses``);
- **citation**: an internal citation whose target is new or changed affects the citing
  provision.

A provision inside the changed one, or containing it, is left out: its own review shows
the change.  ``impact`` works on an ``Alignment`` of two texts; ``impact_of_changes`` on one
text and the ids whose words changed (the review uses it against the reviewed words).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from generator.versions.align import Alignment
from grammar.model import Bill

__all__ = ["Affected", "Cause", "affected", "affected_by_id", "impact", "impact_of_changes"]


@dataclass(frozen=True, slots=True)
class Cause:
    """Why a provision is affected: the changed provision (new id) and how this one rests on it."""

    kind: str  # "definition" or "citation"
    changed: str  # id, in the new text, of the definition or the cited provision that changed
    label: str  # its citation label, "sec. 3(4)"
    via: str  # the term used, or the words of the citation
    message: str  # "sec. 3(4) changed; this provision uses `foreign country of concern`"


@dataclass(frozen=True, slots=True)
class Affected:
    """A provision of the new text whose meaning changed through another provision."""

    provision: str
    label: str
    causes: tuple[Cause, ...]


def impact(alignment: Alignment) -> tuple[Affected, ...]:
    """Every provision of the new text affected through a changed definition or citation, in text order."""

    def how(new_id: str) -> str | None:
        if _old_of(alignment, new_id) is None:
            return "is new"
        return "changed" if _changed(alignment, new_id) else None

    return affected(alignment.new, how)


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
    return affected(bill, lambda pid: wording if pid in hit else None)


def affected(bill: Bill, how: Callable[[str], str | None]) -> tuple[Affected, ...]:
    """The provisions affected through the definitions and citations of ``bill``, given ``how``
    each provision changed (None when it did not), in the order of the text."""
    causes: dict[str, list[Cause]] = {}
    for definition in bill.definitions:
        was = how(definition.provision) if definition.provision in bill else None
        if was is None:
            continue
        label = bill.get(definition.provision).label
        for use in definition.uses:
            if use in bill and not _related(bill, use, definition.provision):
                causes.setdefault(use, []).append(Cause(
                    "definition", definition.provision, label, definition.term,
                    f"{label} {was}; this provision uses `{definition.term}`"))
    for citation in bill.citations:
        if citation.kind != "internal" or citation.source not in bill:
            continue
        for target in citation.targets:
            was = how(target) if target in bill else None
            if was is None or _related(bill, citation.source, target):
                continue
            label = bill.get(target).label
            causes.setdefault(citation.source, []).append(Cause(
                "citation", target, label, citation.text,
                f"{label} {was}; this provision cites it (``{citation.text}``)"))
    return tuple(Affected(p.id, p.label, tuple(dict.fromkeys(causes[p.id])))
                 for p in bill.walk() if p.id in causes)


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
    if old_id is None:
        return True
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


def _related(bill: Bill, a: str, b: str) -> bool:
    """True when one provision is the other or stands inside it."""
    return a == b or any(p.id == b for p in bill.ancestors(a)) or any(p.id == a for p in bill.ancestors(b))
