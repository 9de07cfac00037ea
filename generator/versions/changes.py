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
                          a part was added to or dropped from its list (not moved elsewhere),
                          or an item to or from a list in the words (``includes Venezuela`` ->
                          ``includes Venezuela and Cuba``: ``Cuba`` added, not an actor changed);
``citation``              an internal reference now points at another provision, or an external
                          reference names other law;
``reference-renumbered``  an internal reference changed its words only to follow its target's
                          new designation: the same provision is meant.

Changes are found on the word diff of the pair's own words (heading, text, flush) and on
the citations layer of both texts; words that changed in no typed way show in the word
diff alone.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.versions.align import Alignment, Match
from generator.versions.references import pair_references
from generator.versions.words import shown_words
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
_UNITS = frozenset({"period", "percentage", "points", "dollars", "cents", "tons", "members", "countries"})
_CONNECTORS = frozenset({"of", "the", "and", "for", "on"})
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "each", "any", "such"})
_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"(?: \d{1,2},?)?(?: \d{4})?\b(?<=\d)")
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
        found.extend(_word_changes(_Words.of(old, alignment.old_citations.get(old.id, ())),
                                   _Words.of(new, alignment.new_citations.get(new.id, ()))))
    found.extend(_list_changes(alignment, old, new))
    found.extend(_citation_changes(alignment, old, new))
    return tuple(d for d in dict.fromkeys(found) if not _part_of_another_actor(d, found))


def _part_of_another_actor(detail: Detail, found: Sequence[Detail]) -> bool:
    """An actor change read from part of a longer name that another actor change gives whole
    (``Administrator`` -> ``Director`` beside ``Administrator of the ...`` -> ``Director of the ...``)."""
    return detail.kind == "actor" and any(
        other.kind == "actor" and other != detail and detail.before in other.before and detail.after in other.after
        for other in found)


class _Words:
    """A provision's own words for the word diff, with what each stretch of them is: the words of
    its heading (no actor is read there), of a citation (its numbers are the citation's) and of a
    date.  Where the citations and dates stand is worked out only when a change asks (most do not)."""

    __slots__ = ("_citations", "_cited", "_dates", "_starts", "heading", "text", "words")

    def __init__(self, provision: Provision, citations: Sequence[Citation]) -> None:
        self.text = provision.full_text
        self.words = tuple(self.text.split())
        self.heading = len(provision.heading.split())  # how many of the first words are the heading's
        self._citations = citations
        self._starts: list[int] | None = None
        self._cited: frozenset[int] | None = None
        self._dates: tuple[tuple[int, int], ...] | None = None

    @staticmethod
    def of(provision: Provision, citations: Sequence[Citation]) -> _Words:
        return _Words(provision, citations)

    def index_of(self, char: int) -> int:
        """The index of the word at character ``char`` of the text."""
        if self._starts is None:
            self._starts = [m.start() for m in re.finditer(r"\S+", self.text)]
        return bisect.bisect_right(self._starts, char) - 1

    @property
    def cited(self) -> frozenset[int]:
        """Indexes of the words inside a citation."""
        if self._cited is None:
            cited: set[int] = set()
            for citation in self._citations:
                at = self.text.find(citation.text)
                while at >= 0:
                    cited.update(range(self.index_of(at), self.index_of(at + len(citation.text) - 1) + 1))
                    at = self.text.find(citation.text, at + 1)
            self._cited = frozenset(cited)
        return self._cited

    @property
    def dates(self) -> tuple[tuple[int, int], ...]:
        """[start, end) word indexes of each date."""
        if self._dates is None:
            self._dates = tuple((self.index_of(m.start()), self.index_of(m.end() - 1) + 1)
                                for m in _DATE.finditer(self.text))
        return self._dates

    def near_month(self, start: int, end: int) -> bool:
        """True when a month's name stands in or within three words of ``[start, end)``."""
        return any(_bare(w) in _MONTHS for w in self.words[max(0, start - 3):end + 3])


def _word_changes(old: _Words, new: _Words) -> Iterator[Detail]:
    before, after = old.words, new.words
    items = _ListItems(old, new)
    for i1, i2, j1, j2 in _changed_spans(before, after):
        listed = items.changed(i1, i2, j1, j2)
        if listed:  # a name joined to a list is an item added, not one actor become another
            yield from listed
            continue
        date = _date(old, new, i1, i2, j1, j2)
        if date is not None:
            yield date
        elif not _in_citation(old, i1, i2) and not _in_citation(new, j1, j2):
            yield from _numbers(before, after, i1, i2, j1, j2)
        modal = _modal(before, after, i1, i2, j1, j2)
        if modal is not None:
            yield modal
        actor = _actor(old, new, i1, i2, j1, j2)
        if actor is not None:
            yield actor


_JOINERS = frozenset({"and", "or", "and/or", "nor"})
_MAX_ITEM_WORDS = 8  # a longer stretch between commas and conjunctions is a clause, not an item of a list


@dataclass(frozen=True, slots=True)
class _Item:
    """A stretch of words between commas, semicolons, colons, sentence ends and list conjunctions."""

    key: str  # its bare words, to compare
    shown: str
    start: int  # [start, end) word indexes
    end: int
    joined: bool  # a conjunction stands between it and the item before it
    comma: bool  # it ends with a comma (the list may go on)


class _ListItems:
    """The items of the lists in two versions of a provision's words, aligned: ``includes Venezuela``
    -> ``includes Venezuela and Cuba`` adds the item ``Cuba``."""

    def __init__(self, old: _Words, new: _Words) -> None:
        self._old, self._new = old, new
        self._before, self._after = _items(old), _items(new)
        matcher = difflib.SequenceMatcher(None, [i.key for i in self._before], [i.key for i in self._after],
                                          autojunk=False)
        self._opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]

    def changed(self, i1: int, i2: int, j1: int, j2: int) -> list[Detail]:
        """The items added or dropped when a changed stretch of words (``[i1, i2)`` before, ``[j1, j2)``
        after) only joins items to a list or takes them from it; [] when it does anything else."""
        touched = [op for op in self._opcodes
                   if _overlaps(self._before[op[1]:op[2]], i1, i2) or _overlaps(self._after[op[3]:op[4]], j1, j2)]
        if not touched or any(op[0] == "replace" for op in touched):
            return []  # (every other changed word is a conjunction, or punctuation of an item unchanged)
        found: list[Detail] = []
        for op, a1, a2, b1, b2 in touched:
            items, first, last, words = (self._after, b1, b2, self._new) if op == "insert" else (
                self._before, a1, a2, self._old)
            if not all(_in_list(items, n) and not _cited_or_dated(words, items[n]) for n in range(first, last)):
                return []  # a reference or a date joined to others is the citation's or the date's change
            for item in items[first:last]:
                found.append(Detail("item-added", "", item.shown) if op == "insert"
                             else Detail("item-dropped", item.shown, ""))
        return found


def _items(text: _Words) -> list[_Item]:
    """The items of a provision's words, in order; the ``and`` of an office's name (``Secretary of
    Health and Human Services``) joins no list."""
    words = text.words
    named = {n for m in _OFFICE.finditer(text.text) if " and " in m.group(0)
             for n in range(text.index_of(m.start()), text.index_of(m.end() - 1) + 1)}
    found: list[_Item] = []
    start, joined = 0, False

    def close(end: int) -> None:
        if end > start:
            found.append(_Item(" ".join(_bare(w) for w in words[start:end]),
                               " ".join(words[start:end]).strip(".,;:-"), start, end, joined,
                               words[end - 1].endswith(",")))

    for n, word in enumerate(words):
        if _bare(word) in _JOINERS and n not in named:
            close(n)
            start, joined = n + 1, True
        elif word.endswith((",", ";", ":", ".", "--")):
            close(n + 1)
            start, joined = n + 1, False
    close(len(words))
    return found


def _overlaps(items: Sequence[_Item], start: int, end: int) -> bool:
    return bool(items) and items[0].start < end and items[-1].end > start


def _cited_or_dated(words: _Words, item: _Item) -> bool:
    return any(n in words.cited for n in range(item.start, item.end)) or any(
        a < item.end and b > item.start for a, b in words.dates)


def _in_list(items: Sequence[_Item], n: int) -> bool:
    """Whether item ``n`` is a short phrase (no ``shall`` or ``may``: that is a clause) joined to a list: a
    conjunction before it (``and Cuba``), or only commas between it and a conjunction after it (``Cuba, and Iran``)."""
    if not _phrase(items[n]):
        return False
    if items[n].joined:
        return True
    while items[n].comma and n + 1 < len(items) and _phrase(items[n + 1]):
        n += 1
        if items[n].joined:
            return True
    return False


def _phrase(item: _Item) -> bool:
    words = item.key.split()
    return len(words) <= _MAX_ITEM_WORDS and not any(w in _MODALS for w in words)


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


def _in_citation(words: _Words, start: int, end: int) -> bool:
    """True when a number changed in the stretch stands inside a citation (``section 12`` -> ``13``):
    the citation's change, not a number's."""
    numbers = [n for n in range(start, end) if _is_number(words.words[n])]
    return bool(numbers) and all(n in words.cited for n in numbers)


def _date(old: _Words, new: _Words, i1: int, i2: int, j1: int, j2: int) -> Detail | None:
    """A date changed: the whole date before and after (``January 1, 2026`` -> ``March 1, 2026``)."""
    if not old.near_month(i1, i2) and not new.near_month(j1, j2):
        return None
    old_dates = [(a, b) for a, b in old.dates if a < max(i2, i1 + 1) and b > i1]
    new_dates = [(a, b) for a, b in new.dates if a < max(j2, j1 + 1) and b > j1]
    if not old_dates and not new_dates:
        return None

    def shown(words: _Words, dates: list[tuple[int, int]], start: int, end: int) -> str:
        if dates:
            start, end = min(start, dates[0][0]), max(end, dates[-1][1])
        return " ".join(words.words[start:end]).strip(".,;:")

    return Detail("date", shown(old, old_dates, i1, i2), shown(new, new_dates, j1, j2))


def _unit(word: str) -> bool:
    """A word after a number that says what it counts (kept beside the number when shown)."""
    bare = _bare(word)
    return bare.startswith("percent") or bare in _PERIODS or bare in _UNITS


def _numbers(before: Sequence[str], after: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> Iterator[Detail]:
    """A number changed: the changed words, and the word after them when it names the unit."""
    if not any(_is_number(w) for w in before[i1:i2]) or not any(_is_number(w) for w in after[j1:j2]):
        return
    unit_old = before[i2] if i2 < len(before) and _unit(before[i2]) else ""
    unit_new = after[j2] if j2 < len(after) and _unit(after[j2]) else ""
    prior = _bare(before[i1 - 1]) if i1 > 0 else ""
    words = [_bare(w) for w in (*before[i1:i2], *after[j1:j2], unit_old, unit_new, prior)]
    counted = {part for w in words for part in w.split("-")[1:]}  # "90-day": the period is in the word
    if any(w.startswith("percent") or w.endswith("%") for w in words):
        kind = "percentage"
    elif any(w in _MONTHS for w in words):
        kind = "date"
    elif any(w in _PERIODS for w in words) or counted & _PERIODS:
        kind = "period"
    elif any(w.startswith("$") for w in (*before[i1:i2], *after[j1:j2])):
        kind = "amount"
    else:
        kind = "number"

    def shown(span: Sequence[str], unit: str) -> str:
        return " ".join([*span, unit] if unit and kind != "amount" else span).strip(".,;:")

    yield Detail(kind, shown(before[i1:i2], unit_old), shown(after[j1:j2], unit_new))


def _modal(before: Sequence[str], after: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> Detail | None:
    """``shall`` and ``may`` swapped, or a ``not`` put after or taken from one: the phrases before and after."""
    negation = any(span and _bare(span[0]) == "not" for span in (before[i1:i2], after[j1:j2]))
    old = _modal_phrases(before, i1, i2, negation)
    new = _modal_phrases(after, j1, j2, negation)
    if old and new and old != new:
        return Detail("modal", " ".join(old), " ".join(new))
    return None


def _modal_phrases(words: Sequence[str], start: int, end: int, prior: bool) -> list[str]:
    """The modals of a changed stretch, each with its ``not`` (``may not``); with ``prior``, the
    modal just before it too (the stretch put in or took out its ``not``)."""
    found: list[str] = []
    for n in range(start - 1 if prior and start > 0 else start, min(end, len(words))):
        word = words[n]
        if _bare(word) in _MODALS and not (word[0].isupper() and n + 1 < len(words) and _is_number(words[n + 1])):
            negated = n + 1 < len(words) and _bare(words[n + 1]) == "not"
            found.append(_bare(word) + (" not" if negated else ""))
    return found


def _actor(old: _Words, new: _Words, i1: int, i2: int, j1: int, j2: int) -> Detail | None:
    """Who acts or is acted upon, when it differs around the change: an office the pattern knows
    (``Secretary of State``), else a run of capitalised words (``World Bank``)."""
    before, after = old.words, new.words
    window = 4
    old_text = " ".join(before[max(0, i1 - window):i2 + 1])
    new_text = " ".join(after[max(0, j1 - window):j2 + 1])
    old_names = [m.group(0) for m in _OFFICE.finditer(old_text)]
    new_names = [m.group(0) for m in _OFFICE.finditer(new_text)]
    gone = [name for name in old_names if name not in new_names]
    came = [name for name in new_names if name not in old_names]
    if gone and came:
        return Detail("actor", ", ".join(gone), ", ".join(came))
    old_run, new_run = _name_run(old, i1, i2), _name_run(new, j1, j2)
    if old_run and new_run and old_run != new_run:
        return Detail("actor", old_run, new_run)
    return None


def _name_run(words: _Words, start: int, end: int) -> str:
    """The run of capitalised words (``of``, ``the``, ``and`` between them) that a changed stretch
    stands in, when the stretch is all such words, outside the heading, a citation and a date."""
    text = words.words
    if start >= end or start < words.heading or any(n in words.cited for n in range(start, end)):
        return ""
    if any(a < end and b > start for a, b in words.dates):
        return ""
    if not all(_capitalised(w) or _bare(w) in _CONNECTORS for w in text[start:end]):
        return ""
    while start > words.heading and _capitalised(text[start - 1]) and not _ends_clause(text[start - 1]):
        start -= 1
    while end < len(text) and not _ends_clause(text[end - 1]) and (
            _capitalised(text[end]) or (_bare(text[end]) in _CONNECTORS and end + 1 < len(text)
                                        and _capitalised(text[end + 1]))):
        end += 1
    run = list(text[start:end])
    while run and (_bare(run[0]) in _CONNECTORS or _bare(run[0]) in _ARTICLES):
        run.pop(0)
    while run and _bare(run[-1]) in _CONNECTORS:
        run.pop()
    if not any(_capitalised(w) for w in run):
        return ""
    return " ".join(run).strip(".,;:()")


def _capitalised(word: str) -> bool:
    bare = word.strip(".,;:()'`\"")
    return (bool(bare) and bare[0].isupper() and not _is_number(bare) and bare.lower() not in _MONTHS
            and bare.lower() not in _ARTICLES)


def _ends_clause(word: str) -> bool:
    return word.endswith((",", ";", ":", "."))


def _list_changes(alignment: Alignment, old: Provision, new: Provision) -> Iterator[Detail]:
    for child in old.children:
        if not alignment.of_old(child.id) or all(m.new is None for m in alignment.of_old(child.id)):
            yield Detail("item-dropped", f"{child.label} {_first_words(child)}", "")
    for child in new.children:
        if all(m.old is None for m in alignment.of_new(child.id)):
            yield Detail("item-added", "", f"{child.label} {_first_words(child)}")


def _first_words(provision: Provision, limit: int = 12) -> str:
    """Its first ``limit`` words, the heading marked off from the words after it (``shown_words``)."""
    words = shown_words(provision).split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _citation_changes(alignment: Alignment, old: Provision, new: Provision) -> Iterator[Detail]:
    references = pair_references(alignment, old.id, new.id)
    for before, after in references.followed:
        if before.text != after.text:
            yield Detail("reference-renumbered", before.text, after.text)
    for before, after in references.same_words:  # the same words, another target: say which each names
        yield Detail("citation", f"{before.text} ({_named(alignment, before, old=True)})",
                     f"{after.text} ({_named(alignment, after, old=False)})")
    gone, came = references.gone, references.came
    for n in range(max(len(gone), len(came))):
        yield Detail("citation", gone[n].text if n < len(gone) else "", came[n].text if n < len(came) else "")
    old_external = {c.text for c in alignment.old_citations.get(old.id, ()) if c.kind != "internal"}
    new_external = {c.text for c in alignment.new_citations.get(new.id, ()) if c.kind != "internal"}
    gone_external, came_external = sorted(old_external - new_external), sorted(new_external - old_external)
    if gone_external or came_external:
        yield Detail("citation", "; ".join(gone_external), "; ".join(came_external))


def _named(alignment: Alignment, citation: Citation, *, old: bool) -> str:
    """What an internal citation names: the labels of its targets (a new one with the old label it
    had, when that differs), or "no provision"."""
    bill = alignment.old if old else alignment.new
    names = []
    for target in (t for t in citation.targets if t in bill):
        label = bill.get(target).label
        olds = [m.old for m in alignment.of_new(target) if m.old is not None] if not old else []
        was = alignment.old.get(olds[0]).label if len(olds) == 1 else None
        names.append(label if old or was == label else f"{label}, the old {was}" if was else f"{label}, new")
    return "; ".join(names) or "no provision"
