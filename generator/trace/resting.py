"""What the meaning of a provision rests on beyond its own words: what it cites, the terms it uses, and theirs.

A rule implementing sec. 6(c)(2) ("20 percent ... to support projects described in paragraph
(1)") was reviewed against the words of 6(c)(1) as well as its own.  ``Basis.of`` lists, for one
provision, every provision its meaning rests on: each provision it or a part of it cites (an
internal citation), each provision defining a term it or a part of it uses, and, in turn, what
those rest on, however far the chain runs.  A provision inside it or containing it is left out
(its own hash covers the one, and the other covers it).  Each comes with how the provision rests
on it, in the words the review shows::

    sec. 6(c)(1) -> "this provision cites it (``paragraph (1)``)"

The links are the ones ``generator.versions.impact`` follows (the definitions layer's ``uses``,
the citations layer's internal targets), so that what the review records and what it names as
the cause of a change are the same links.  ``words_digest`` is what an entry of the reviewed text
keeps of each: a change at or below the provision changes it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from grammar import Bill

__all__ = ["Basis", "words_digest"]


def words_digest(provision_hash: str) -> str:
    """What the reviewed text records of the words a provision rests on: the first 16 hex digits of
    the hash of the provision it rests on (``Provision.hash``: its words and everything below them).

    >>> words_digest("2ce53030e05a" + "0" * 52)
    '2ce53030e05a0000'
    """
    return provision_hash[:16]


class Basis:
    """The links of one bill, from each provision to the provisions whose words it rests on."""

    def __init__(self, bill: Bill) -> None:
        self.bill = bill
        self._order = {p.id: n for n, p in enumerate(bill.walk())}
        self._above: dict[str, frozenset[str]] = {}
        self._direct: dict[str, dict[str, str]] = {}  # provision -> {what it rests on: how}
        for definition in bill.definitions:
            if definition.provision in bill:
                for use in definition.uses:
                    if use in bill and not self._related(use, definition.provision):
                        self._direct.setdefault(use, {}).setdefault(
                            definition.provision, f"uses `{definition.term}`")
        for citation in bill.citations:
            if citation.kind != "internal" or citation.source not in bill:
                continue
            for target in citation.targets:
                if target in bill and not self._related(citation.source, target):
                    self._direct.setdefault(citation.source, {}).setdefault(target, f"cites it (``{citation.text}``)")

    def of(self, provision_id: str) -> Mapping[str, str]:
        """Every provision the meaning of ``provision_id`` rests on, in the order of the text, with how
        it rests on it ("this provision uses `widget`", "its sec. 3(b)(1) cites it (``subsection
        (a)``)", "this provision rests on it through sec. 2(2)"); empty when it rests on its own
        words alone."""
        found: dict[str, str] = {}
        first: dict[str, str] = {}  # each provision found -> the one it rests on directly that led to it
        waiting: deque[str] = deque()
        for part in self.bill.get(provision_id).walk():
            whose = "this provision" if part.id == provision_id else f"its {part.label}"
            for target, how in self._direct.get(part.id, {}).items():
                if target not in found and not self._related(target, provision_id):
                    found[target] = f"{whose} {how}"
                    first[target] = target
                    waiting.append(target)
        while waiting:
            holder = waiting.popleft()
            for part in self.bill.get(holder).walk():
                for target in self._direct.get(part.id, {}):
                    if target not in found and not self._related(target, provision_id):
                        first[target] = first[holder]
                        found[target] = f"this provision rests on it through {self.bill.get(first[holder]).label}"
                        waiting.append(target)
        return {pid: found[pid] for pid in sorted(found, key=self._order.__getitem__)}

    def digests(self, provision_id: str) -> dict[str, str]:
        """The ``words_digest`` of every provision ``provision_id`` rests on, in the order of the text."""
        return {pid: words_digest(self.bill.get(pid).hash) for pid in self.of(provision_id)}

    def _related(self, a: str, b: str) -> bool:
        """True when one provision is the other or stands inside it."""
        return a == b or b in self._ancestors(a) or a in self._ancestors(b)

    def _ancestors(self, provision_id: str) -> frozenset[str]:
        found = self._above.get(provision_id)
        if found is None:
            found = frozenset(p.id for p in self.bill.ancestors(provision_id))
            self._above[provision_id] = found
        return found
