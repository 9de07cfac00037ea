"""The internal references of a provision's own words, and how those of an aligned pair correspond.

The citations layer resolves every internal reference of a provision to ids, but it skips
quoted text: amendatory text and a quoted joint resolution are another law's words, or no
law's.  A quotation that names this Act by its short title (a quoted joint resolution's
"``... the certification under section 4(e)(1) of the Gadget Safety Act of 2026 ...''") still
names this Act's provision, and when a new text renumbers that provision its conforming
change follows it like any other reference.  ``quoted_references`` reads those: one section
and its parts (``section 4(e)(1)``) followed by ``of the`` and the bill's own short title,
resolved by the label it gives; nothing else in a quotation is read as this Act's.

``pair_references`` says which reference of the new side is which of the old: first those
naming the counterparts of what the old one named (``followed``; the words may have changed
to follow a renumbering), then, among the rest, those with the same words (``same_words``:
they name something else now), and what is left on each side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from grammar.model import Bill, Citation, Provision
from grammar.quotes import Spans

if TYPE_CHECKING:
    from generator.versions.align import Alignment

__all__ = ["ReferencePairs", "pair_references", "quoted_references"]

_SECTION = r"\b[Ss]ection\s+(?P<number>[0-9]+[A-Za-z]{0,3})(?P<parts>(?:\([A-Za-z0-9]{1,8}\))*)\s+of\s+(?:the\s+)?"


def quoted_references(bill: Bill) -> Iterator[Citation]:
    """The references inside a quotation to a provision of ``bill`` named with the bill's short
    title, as internal citations (targets empty when the label names no provision of ``bill``)."""
    title = bill.meta.short_title
    if not title:
        return
    pattern = re.compile(_SECTION + r"\s+".join(re.escape(word) for word in title.split()) + r"(?![\w-])")
    by_label: dict[str, str] | None = None
    for provision in bill.walk():
        for text in (provision.text, provision.flush):
            if ("``" not in text and '"' not in text) or title.split()[0] not in text:
                continue
            spans = Spans(text, (block.text for block in provision.quoted))
            for match in pattern.finditer(text):
                if not spans.holds(match.start()):
                    continue  # outside a quotation the citations layer reads it
                if by_label is None:
                    by_label = {p.label: p.id for p in bill.walk() if p.label}
                target = by_label.get(f"sec. {match.group('number')}{match.group('parts')}")
                yield _citation(provision, text, match, target)


def _citation(provision: Provision, text: str, match: re.Match[str], target: str | None) -> Citation:
    words = " ".join(text[match.start():match.end("parts")].split())  # as the provision's words give it
    return Citation(source=provision.id, text=words, kind="internal", line=provision.line_start, column=1,
                    targets=(target,) if target else (), resolved=target is not None)


@dataclass(frozen=True, slots=True)
class ReferencePairs:
    """The internal references of a pair's two sides, matched."""

    followed: tuple[tuple[Citation, Citation], ...]  # the new one names the counterparts of the old one's
    # (or, with the same words, nothing, as the old one did)
    same_words: tuple[tuple[Citation, Citation], ...]  # the same words, naming something else now
    gone: tuple[Citation, ...]  # old references with no new one
    came: tuple[Citation, ...]  # new references with no old one


def pair_references(alignment: Alignment, old_id: str, new_id: str) -> ReferencePairs:
    """The internal references of ``old_id`` (old text) and ``new_id`` (new text), matched."""
    olds = _internal(alignment.old_citations, old_id)
    news = _internal(alignment.new_citations, new_id)
    followed: list[tuple[Citation, Citation]] = []
    left_old: list[Citation] = []
    taken: set[int] = set()
    for citation in olds:
        mapped = [alignment.counterpart(t) for t in citation.targets]
        twin = None
        if mapped and None not in mapped:  # a reference naming nothing, or a removed provision, follows nothing
            twin = next((n for n, c in enumerate(news) if n not in taken and set(c.targets) == set(mapped)), None)
        if twin is None:
            left_old.append(citation)
            continue
        taken.add(twin)
        followed.append((citation, news[twin]))
    left_new = [c for n, c in enumerate(news) if n not in taken]
    same_words: list[tuple[Citation, Citation]] = []
    for citation in list(left_old):
        twin_citation = next((c for c in left_new if c.text == citation.text), None)
        if twin_citation is not None:
            left_old.remove(citation)
            left_new.remove(twin_citation)
            # the same words naming nothing in either text name nothing else now (the parser warns of them)
            (same_words if citation.targets or twin_citation.targets else followed).append((citation, twin_citation))
    return ReferencePairs(tuple(followed), tuple(same_words), tuple(left_old), tuple(left_new))


def _internal(citations: Mapping[str, Sequence[Citation]], provision_id: str) -> list[Citation]:
    return [c for c in citations.get(provision_id, ()) if c.kind == "internal"]
