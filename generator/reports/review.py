"""``billtrace review`` for a person and for tools: what a change of the words puts in question."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from generator.reports.matrix import review_to_json
from generator.reports.terminal import paint
from generator.trace.review import Review, Reviews, ReviewState, diff_text
from provisions.kit import Catalogue, Rule

__all__ = ["WIDTH", "review_json", "review_text"]

WIDTH = 92  # when the output is not a terminal
_TO_REVIEW = (ReviewState.CHANGED, ReviewState.AFFECTED, ReviewState.UNREVIEWED)  # tracked provisions to re-read


def review_json(reviews: Reviews, *, present: bool = True, values: Sequence[Any] = ()) -> dict[str, Any]:
    """The review as plain JSON types: ``path``, ``present``, ``counts`` per state (and ``to_review``: changed,
    affected or unreviewed, as ``billtrace coverage --format json`` counts them), ``stale`` (ids, removed included),
    ``items`` (each as ``billtrace coverage --format json`` gives a provision's review, with ``label``,
    ``tests`` and ``not_formalized``) and ``values`` (the bound values whose words left the text)."""
    return {
        "path": reviews.path, "present": present,
        "counts": {**{state.value: reviews.count(state) for state in ReviewState},
                   "to_review": sum(reviews.count(s) for s in _TO_REVIEW)},
        "stale": [item.id for item in reviews.stale],
        "items": [{**review_to_json(item), "label": item.label, "tests": list(item.tests),
                   "not_formalized": item.not_formalized} for item in reviews.items],
        "values": [{"name": m.value.name, "provision": m.value.provision, "words": m.value.words,
                    "message": m.message} for m in values],
    }



def review_text(reviews: Reviews, rules: Catalogue, *, present: bool = True, values: Sequence[Any] = (),
                width: int = WIDTH, styled: bool = False) -> str:
    """The review for a terminal: a headline, then each stale provision with what to re-read, then
    each bound value whose words left the text.

    ``present`` is False when there is no reviewed-text file at all; lines are wrapped
    to ``width``; the states are coloured when ``styled``.
    """
    value_lines = [f"value {m.value.name!r}: {m.message}" for m in values]
    stale = reviews.stale
    tracked_count = sum(1 for r in reviews.items if r.state is not ReviewState.REMOVED)
    if not stale:
        return "\n".join([f"{reviews.path}: the words of all {tracked_count} tracked provisions are the words "
                          f"their rules and tests were reviewed against", *value_lines])
    counts = ", ".join(f"{reviews.count(s)} {s.value}" for s in _TO_REVIEW)
    removed = reviews.count(ReviewState.REMOVED)  # entries, not tracked provisions: the text lost them
    gone = f"; {removed} reviewed entr{'y names' if removed == 1 else 'ies name'} a provision the text no longer " \
           f"has" if removed else ""
    tracked = "provision" if tracked_count == 1 else "provisions"
    lines = [f"{reviews.path}: {len(stale) - removed} of {tracked_count} tracked {tracked} to review "
             f"({counts}){gone}"]
    if not present:
        lines.append(f"{reviews.path} does not exist yet: no provision's words have been recorded as reviewed")
    by_name = {rule.name: rule for rule in rules.rules}
    for item in stale:
        lines += ["", *_item_lines(item, by_name, width, styled)]
    if len(stale) > 1:
        lines += ["", "once each has been re-read against the words now:",
                  *_wrap("billtrace review --accept " + " ".join(r.id for r in stale), width, "  ", "    ")]
    return "\n".join([*lines, *value_lines])


def _item_lines(item: Review, by_name: Mapping[str, Rule], width: int, styled: bool) -> list[str]:
    head = f"{item.id}  {item.label}" if item.label != item.id else item.id
    state = paint(item.state.value, bold=True) if styled else item.state.value
    lines = [f"{head}  {state}", *_wrap(item.summary, width, "  ")]
    if item.diff:
        lines += _wrap("words: " + diff_text(item.diff), width, "  ", "         ")
    elif item.state is ReviewState.AFFECTED:
        lines += [line for cause in item.affected_by for line in _wrap("because: " + cause, width, "  ", "           ")]
    elif item.state is ReviewState.UNREVIEWED and item.words:
        lines += _wrap("words: " + item.words, width, "  ", "         ")
    elif item.state is ReviewState.REMOVED and item.reviewed_words:
        lines += _wrap("reviewed words: " + item.reviewed_words, width, "  ", "                  ")
    if item.rules:
        lines.append("  rules to re-read:")
        for name in item.rules:
            rule = by_name.get(name)
            where = f"  {rule.path}:{rule.line_start}-{rule.line_end}" if rule else ""
            lines.append(f"    {name}{where}")
    if item.not_formalized:
        lines.append("  declared not formalized: re-read the reason against the words")
    if item.tests:
        lines.append("  tests to re-read:")
        lines += [f"    {test}" for test in _test_functions(item.tests)]
    lines.append(f"  then: billtrace review --accept {item.id}")
    return lines


def _test_functions(nodeids: Sequence[str]) -> list[str]:
    """Node ids with the parameters of one test function folded: ``t.py::test_x (3 cases)``."""
    cases: dict[str, int] = {}
    for nodeid in nodeids:
        base = nodeid.split("[", 1)[0]
        cases[base] = cases.get(base, 0) + 1
    return [base + (f" ({n} cases)" if n > 1 else "") for base, n in cases.items()]


def _wrap(text: str, width: int, indent: str, subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=subsequent or indent,
                         break_on_hyphens=False, break_long_words=False)
