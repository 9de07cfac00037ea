"""Words of provisions for comparing texts: tokens, designation-free content keys, similarity."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from grammar.model import Bill, Provision

__all__ = ["content_keys", "dice", "own_words", "ratio", "shown_words", "tokens"]

_TOKEN = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")


def tokens(text: str) -> list[str]:
    """The lower-case words and numbers of ``text``, punctuation dropped (``1,000.00`` stays one token)."""
    return _TOKEN.findall(text.lower())


def own_words(provision: Provision) -> str:
    """Heading, own text and flush language: the words that are this provision's and no other's."""
    return provision.full_text


def shown_words(provision: Provision) -> str:
    """A provision's own words as the bill sets them, for a person: its heading marked off from
    the words after it (``Consultation With Industry.--Before certifying ...``; a section's
    ``DEFINITIONS. In this Act ...``), where ``own_words`` runs them together for comparing.

    >>> from grammar import parse_text
    >>> bill = parse_text("SEC. 2. GRANTS.\\n\\n    (a) Duration.--A grant shall be for 3 years.\\n")
    >>> shown_words(bill.get("s2_a"))
    'Duration.--A grant shall be for 3 years.'
    """
    rest = " ".join(part for part in (provision.text, provision.flush) if part)
    if not provision.heading or not rest:
        return provision.heading or rest
    return f"{provision.heading}{'. ' if provision.kind == 'section' else '.--'}{rest}"


def content_keys(bill: Bill) -> Mapping[str, str]:
    """Provision id -> a digest of its words and its parts' words, designations left out.

    Two provisions with the same key say the same thing in the same structure, however
    they are numbered: the key of a renumbered section is unchanged.
    """
    keys: dict[str, str] = {}
    for provision in reversed(tuple(bill.walk())):  # children before their parent
        material = "\x1f".join((provision.kind, provision.heading, provision.text, provision.flush,
                                *(keys[child.id] for child in provision.children)))
        keys[provision.id] = hashlib.sha256(material.encode("utf-8")).hexdigest()
    return keys


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Shared words of two bags of words, 0 to 1 (order blind, cheap: for choosing candidates)."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = 0
    for word, count in small.items():  # no intermediate Counter: this runs inside the alignment's loops
        other = large.get(word)
        if other:
            shared += count if count < other else other
    return 2 * shared / total


def ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Similarity of two word sequences, 0 to 1 (difflib's ratio, no autojunk); 1 for two empty ones."""
    if list(a) == list(b):
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
