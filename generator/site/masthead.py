"""The masthead's first action as a reader reads it: who brought the measure in, with whom, and what was done.

The grammar keeps the action's sentence whole (``Meta.sponsor``), "Ms. Rivera (for herself
and Mr. Okafor) introduced the following bill; which was read twice and referred to the
Committee on Commerce".  The home page shows its parts: the sponsor ("Ms. Rivera"), the
co-sponsors the sentence names ("Mr. Okafor"), and the action ("Introduced the following bill;
which was read twice ...").  Nothing is invented: a sentence of another shape is shown whole as
the action, with no sponsor drawn from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sponsorship", "sponsorship"]

# The member, an optional parenthesis (co-sponsors, "by request"), then the verb that brings the measure in.
_SENTENCE = re.compile(
    r"^(?P<member>[^()]+?)\s*(?:\((?P<note>[^()]*)\))?\s*,?\s+"
    r"(?P<action>(?:introduced|submitted|reported)\s+the\s+following\b.*)$", re.DOTALL)
# "for himself and Mr. Okafor", "for herself, Mr. A, and Ms. B", "for themselves and ...".
_FOR_SELF = re.compile(r"^for\s+(?:himself|herself|themselves)\s*(?:,\s*and\s+|,\s*|\s+and\s+)(?P<others>.+)$",
                       re.DOTALL)
_LIST_SEPARATOR = re.compile(r",\s*and\s+|,\s*|\s+and\s+(?=(?:Mr|Mrs|Ms|Miss|Dr)\.\s)")


@dataclass(frozen=True, slots=True)
class Sponsorship:
    """The sponsor (``""`` when the sentence names none a reader could take for one), the
    co-sponsors in the order named, and the action."""

    sponsor: str
    cosponsors: tuple[str, ...]
    action: str


def sponsorship(sentence: str) -> Sponsorship:
    """The parts of the masthead's first action.

    >>> parts = sponsorship("Ms. Rivera (for herself and Mr. Okafor) introduced the following bill")
    >>> parts.sponsor, parts.cosponsors, parts.action
    ('Ms. Rivera', ('Mr. Okafor',), 'Introduced the following bill')
    >>> sponsorship("Mr. Lee (by request) introduced the following bill").sponsor
    'Mr. Lee (by request)'
    """
    text = " ".join(sentence.split())
    match = _SENTENCE.match(text)
    if match is None:
        return Sponsorship("", (), _capital(text))
    member, note, action = match.group("member").strip(), (match.group("note") or "").strip(), match.group("action")
    cosponsors: tuple[str, ...] = ()
    if note:
        others = _FOR_SELF.match(note)
        if others is not None:
            cosponsors = tuple(name.strip() for name in _LIST_SEPARATOR.split(others.group("others")) if name.strip())
        else:  # "by request", "for Mr. X": the member's own words, kept beside the name
            member = f"{member} ({note})"
    return Sponsorship(member, cosponsors, _capital(action))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
