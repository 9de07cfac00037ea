"""The typed changes inside an aligned pair: what a lawyer reads first.

Kinds (``DETAIL_KINDS``), each with the words before and after:

``designation``           the provision's own designation changed, or it moved (``sec. 4(e)`` ->
                          ``sec. 4(f)``); its parts renumbered with it say nothing more;
``heading``               its heading changed;
``percentage``, ``period``, ``date``, ``amount``, ``number``
                          a number changed, with the word after it that says what it counts
                          (``60 percent`` -> ``50 percent``, ``5 years`` -> ``3 years``);
``modal``                 ``shall`` and ``may`` (or ``must``) swapped;
``actor``                 who acts or is acted upon changed (``Secretary of State`` ->
                          ``Secretary of Energy``): a run of capitalised words naming an office;
``item-added``, ``item-dropped``
                          a part was added to or dropped from its list (not moved elsewhere);
``citation``              an internal reference now points at another provision, or an external
                          reference names other law;
``reference-renumbered``  an internal reference changed its words only to follow its target's
                          new designation: the same provision is meant.

Changes are found on the word diff of the pair's own words (heading, text, flush) and on
the citations layer of both texts; words that changed in no typed way show in the word
diff alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.versions.align import Alignment, Match
from grammar.model import Citation, Provision

__all__ = ["DETAIL_KINDS", "Detail", "details"]

DETAIL_KINDS = ("designation", "heading", "percentage", "period", "date", "amount", "number", "modal",
                "actor", "item-added", "item-dropped", "citation", "reference-renumbered")

_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "half", "one-half", "one-third", "two-thirds",
})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
_PERIODS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "session",
                      "quarter", "quarters", "calendar", "fiscal"})
_MODALS = frozenset({"shall", "may", "must"})
_OFFICE = re.compile(
    r"\b(?:President|Vice President|Secretary(?: of (?:the )?[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)?"
    r"|Trade Representative|Attorney General|Comptroller General|Commissioner(?: of [A-Z][a-z]+)*"
    r"|Administrator(?: of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    r"|Director(?: of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    r"|Department of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)*|Committee on [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*"
    r"|Corporation|Congress)\b")


@dataclass(frozen=True, slots=True)
class Detail:
    """One typed change inside a pair: its kind, the words before and after."""

    kind: str
    before: str
    after: str


def details(alignment: Alignment, match: Match) -> tuple[Detail, ...]:
    """The typed changes between the two sides of ``match`` (none for an added or removed provision)."""
    if match.old is None or match.new is None:
        return ()
    old, new = alignment.old.get(match.old), alignment.new.get(match.new)
    found: list[Detail] = []
    if old.designation != new.designation or match.change == "moved":  # not when only a parent's number moved
        found.append(Detail("designation", old.label, new.label))
    if old.heading != new.heading:
        found.append(Detail("heading", old.heading, new.heading))
    if old.full_text != new.full_text:
        found.extend(_word_changes(old.full_text.split(), new.full_text.split()))
    found.extend(_list_changes(alignment, old, new))
    found.extend(_citation_changes(alignment, old, new))
    return tuple(dict.fromkeys(found))


def _word_changes(before: Sequence[str], after: Sequence[str]) -> Iterator[Detail]:
    for i1, i2, j1, j2 in _changed_spans(before, after):
        old_span, new_span = before[i1:i2], after[j1:j2]
        yield from _numbers(before, after, i1, i2, j1, j2)
        modal = _modal(old_span, new_span)
        if modal is not None:
            yield modal
        actor = _actor(before, after, i1, i2, j1, j2)
        if actor is not None:
            yield actor


def _changed_spans(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """The changed stretches of a word diff; two separated by one shared word are one stretch
    (``January 1, 2026`` -> ``July 1, 2027`` is one date, not a month and a year)."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    spans: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1 and j1 - spans[-1][3] <= 1:
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))
    return spans


def _bare(word: str) -> str:
    return word.strip(".,;:()'`\"").lower()


def _is_number(word: str) -> bool:
    bare = _bare(word).lstrip("$")
    return bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?(?:-\w+)?", bare)) or bare in _NUMBER_WORDS


def _numbers(before: Sequence[str], after: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> Iterator[Detail]:
    """A number changed: the changed words plus the word after them that names the unit."""
    if not any(_is_number(w) for w in before[i1:i2]) or not any(_is_number(w) for w in after[j1:j2]):
        return
    unit_old = before[i2] if i2 < len(before) else ""
    unit_new = after[j2] if j2 < len(after) else ""
    prior = _bare(before[i1 - 1]) if i1 > 0 else ""
    words = [_bare(w) for w in (*before[i1:i2], *after[j1:j2], unit_old, unit_new, prior)]
    if any(w.startswith("percent") or w.endswith("%") for w in words):
        kind = "percentage"
    elif any(w in _MONTHS for w in words):
        kind = "date"
    elif any(w in _PERIODS for w in words):
        kind = "period"
    elif any(w.startswith("$") for w in (*before[i1:i2], *after[j1:j2])):
        kind = "amount"
    else:
        kind = "number"

    def shown(span: Sequence[str], unit: str) -> str:
        words = [*span, unit] if unit and not _is_number(unit) and kind not in {"date", "amount"} else list(span)
        return " ".join(words).strip(".,;:")

    yield Detail(kind, shown(before[i1:i2], unit_old), shown(after[j1:j2], unit_new))


def _modal(old_span: Sequence[str], new_span: Sequence[str]) -> Detail | None:
    old = [w for w in map(_bare, old_span) if w in _MODALS]
    new = [w for w in map(_bare, new_span) if w in _MODALS]
    if old and new and old != new:
        return Detail("modal", " ".join(old), " ".join(new))
    return None


def _actor(before: Sequence[str], after: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> Detail | None:
    """Offices named around the change on each side, when they differ."""
    window = 4
    old_text = " ".join(before[max(0, i1 - window):i2 + 1])
    new_text = " ".join(after[max(0, j1 - window):j2 + 1])
    old = [m.group(0) for m in _OFFICE.finditer(old_text)]
    new = [m.group(0) for m in _OFFICE.finditer(new_text)]
    gone = [name for name in old if name not in new]
    came = [name for name in new if name not in old]
    if gone and came:
        return Detail("actor", ", ".join(gone), ", ".join(came))
    return None


def _list_changes(alignment: Alignment, old: Provision, new: Provision) -> Iterator[Detail]:
    for child in old.children:
        if not alignment.of_old(child.id) or all(m.new is None for m in alignment.of_old(child.id)):
            yield Detail("item-dropped", f"{child.label} {_first_words(child)}", "")
    for child in new.children:
        if all(m.old is None for m in alignment.of_new(child.id)):
            yield Detail("item-added", "", f"{child.label} {_first_words(child)}")


def _first_words(provision: Provision, limit: int = 12) -> str:
    words = provision.full_text.split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _citation_changes(alignment: Alignment, old: Provision, new: Provision) -> Iterator[Detail]:
    old_cites = alignment.old_citations.get(old.id, ())
    new_cites = alignment.new_citations.get(new.id, ())
    new_internal = [c for c in new_cites if c.kind == "internal"]
    unmatched_old: list[Citation] = []
    matched_new: set[int] = set()
    for citation in (c for c in old_cites if c.kind == "internal"):
        mapped = {alignment.counterpart(t) for t in citation.targets}
        twin = next((n for n, c in enumerate(new_internal) if n not in matched_new and set(c.targets) == mapped),
                    None)
        if twin is None:
            unmatched_old.append(citation)
            continue
        matched_new.add(twin)
        if new_internal[twin].text != citation.text:
            yield Detail("reference-renumbered", citation.text, new_internal[twin].text)
    unmatched_new = [c for n, c in enumerate(new_internal) if n not in matched_new]
    for n in range(max(len(unmatched_old), len(unmatched_new))):
        yield Detail("citation", unmatched_old[n].text if n < len(unmatched_old) else "",
                     unmatched_new[n].text if n < len(unmatched_new) else "")
    old_external = {c.text for c in old_cites if c.kind != "internal"}
    new_external = {c.text for c in new_cites if c.kind != "internal"}
    gone, came = sorted(old_external - new_external), sorted(new_external - old_external)
    if gone or came:
        yield Detail("citation", "; ".join(gone), "; ".join(came))
