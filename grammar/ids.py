"""Provision ids as counsel writes them: ``sec. 4(c)(1)``, ``4(c)(1)``, ``section 4(c)(1)``, ``S4_C_1``.

``resolve_id`` turns what a person typed into the id of the bill's provision
(``s4_c_1``), whatever its case; when nothing matches it raises ``UnknownId``
with the nearest ids by structure: the deepest provision the citation does
reach, and its parts.  Bill-neutral: it knows the citation shapes of US bills
and the USLM id form, nothing of any one bill.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from grammar.errors import UnknownProvisionError

__all__ = ["UnknownId", "candidate_id", "resolve_id"]

_CITATION = re.compile(
    r"""^\s*(?:(?:sec(?:tion)?s?\.?|§+|s\.)\s*)?   # sec. / section / § / s.
        (?P<number>[0-9]+[A-Za-z]?)                   # 4, 4A
        (?P<parts>(?:\s*\(\s*[A-Za-z0-9]+\s*\))*)  # (c)(1)(A)
        \s*\.?\s*$""", re.IGNORECASE | re.VERBOSE)
_ID = re.compile(r"^[A-Za-z]+[0-9]*[A-Za-z]?(?:_[A-Za-z0-9]+)*$")


class UnknownId(UnknownProvisionError):
    """No provision of the bill answers to the citation; ``nearest`` lists the ids nearest it."""

    def __init__(self, wanted: str, known: Sequence[str], *, near: str | None = None) -> None:
        super().__init__(wanted, known, near=near, what="id or citation")
        self.wanted = wanted
        self.nearest = self.suggestions


def candidate_id(text: str) -> str | None:
    """The id a citation or id names, before it is looked up (case as typed), or None.

    >>> candidate_id("sec. 4(c)(1)"), candidate_id("4(c)(1)"), candidate_id("Section 4 (c) (1)")
    ('s4_c_1', 's4_c_1', 's4_c_1')
    >>> candidate_id("S4_C_1"), candidate_id("§ 3(2)(A)"), candidate_id("the Act")
    ('S4_C_1', 's3_2_A', None)
    """
    match = _CITATION.match(text)
    if match is not None:
        parts = re.findall(r"\(\s*([A-Za-z0-9]+)\s*\)", match.group("parts"))
        return "_".join([f"s{match.group('number')}", *parts])
    stripped = text.strip()
    return stripped if _ID.match(stripped) else None


def resolve_id(text: str, known: Iterable[str]) -> str:
    """The id among ``known`` that ``text`` names, as an id in any case or as a citation.

    >>> resolve_id("sec. 4(c)(1)", ["s4", "s4_c", "s4_c_1"]), resolve_id("S4_C", ["s4", "s4_c"])
    ('s4_c_1', 's4_c')
    >>> resolve_id("3(2)(a)", ["s3_2", "s3_2_A"])
    's3_2_A'

    Raises:
        UnknownId: nothing matches; its message names the nearest ids.
    """
    ids = list(known)
    if text in ids:
        return text
    wanted = candidate_id(text)
    if wanted is not None:
        if wanted in ids:
            return wanted
        folded = [i for i in ids if i.casefold() == wanted.casefold()]
        if len(folded) == 1:
            return folded[0]
    raise UnknownId(text, ids, near=wanted)
