"""The site's version pages: the texts the project holds, one page per pair of consecutive texts
(aligned pairs, typed changes, a redline per provision), and each provision's history.

Views only: the comparisons come from ``generator.versions.history``; every word of a bill
is escaped here before it reaches a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from generator.site.markup import html_escape
from generator.trace.review import WordChange, word_diff
from generator.versions.compare import Comparison, Pair
from generator.versions.history import Step, VersionCoverage, history, version_coverage
from generator.versions.render import AFFECTED_NUMBERING, affected_label
from grammar.model import Bill, Provision

__all__ = ["code_spans", "coverages", "history_view", "pair_page", "pair_page_name", "versions_page"]

# A quotation in a message: one or two backticks around words without one (the same number closing).
_QUOTED = re.compile(r"(``?)([^`]+?)\1(?!`)")


def pair_page_name(index: int) -> str:
    """The file of the page comparing text ``index`` of the chain with the next one."""
    return f"versions-{index + 1}.md"


def title(bill: Bill) -> str:
    """How a text is named on the pages: measure, version and where it was read from."""
    meta = bill.meta
    name = " ".join(p for p in (meta.citation, f"({meta.version})" if meta.version else None) if p) or "a text"
    return f"{name}, {meta.version_name}" if meta.version_name else name


def versions_page(comparisons: Sequence[Comparison], coverage: Sequence[VersionCoverage]) -> dict[str, Any]:
    """The overview: every text with its metadata and coverage, and the pair pages."""
    texts = [comparisons[0].old, *(c.new for c in comparisons)] if comparisons else []
    rows = []
    for n, bill in enumerate(texts):
        last = n == len(texts) - 1
        cover = None if last else coverage[n] if n < len(coverage) else None
        rows.append({
            "title": title(bill), "source": bill.source, "date": str(bill.meta.date or ""),
            "provisions": sum(1 for _ in bill.walk()), "current": last,
            "carried": cover.carried if cover else None, "verified": cover.counted if cover else None,
        })
    pairs = [{"href": pair_page_name(n), "old": title(c.old), "new": title(c.new),
              "counts": ", ".join(f"{v} {k}" for k, v in c.counts().items() if v)}
             for n, c in enumerate(comparisons)]
    return {"texts": rows, "pairs": pairs}


def pair_page(comparison: Comparison, href: Callable[[str], str] | None,
              heading: Callable[[Provision], str]) -> dict[str, Any]:
    """One pair of texts: its changed pairs grouped by section, each with typed changes and a redline.

    ``href`` links an id of the newer text to its provision on the site (given only when the
    newer text is the project's bill, whose pages the site has); ``heading`` names a section as
    the site's headings do.
    """
    groups: list[dict[str, Any]] = []
    for pair in comparison.pairs:
        if pair.change == "same":
            continue
        section = heading(_section(comparison, pair))
        if not groups or groups[-1]["heading"] != section:
            groups.append({"heading": section, "rows": []})
        groups[-1]["rows"].append(_row(comparison, pair, href))
    return {"old": title(comparison.old), "new": title(comparison.new), "groups": groups,
            "counts": [{"change": k, "count": v} for k, v in comparison.counts().items()],
            "numbering": AFFECTED_NUMBERING,
            "impact": [{"label": affected_label(comparison, a).replace(" -> ", " \u2192 "),
                        "href": href(a.provision) if href else "",
                        "causes": [code_spans(c.message) for c in a.causes]} for a in comparison.impact]}


def history_view(comparisons: Sequence[Comparison]) -> Mapping[str, list[dict[str, str]]]:
    """Provision id of the bill -> its history as the section pages show it, nearest text first."""
    names = [title(c.old) for c in comparisons]
    return {pid: [_step(step, names) for step in steps] for pid, steps in history(comparisons).items()}


def coverages(comparisons_to_bill: Sequence[Comparison], verified: Mapping[str, bool]) -> list[VersionCoverage]:
    """The coverage of each other text by the bill's verified provisions."""
    return [version_coverage(c, verified) for c in comparisons_to_bill]


def _step(step: Step, names: Sequence[str]) -> dict[str, str]:
    return {"text": names[step.text], "label": step.label or "not in that text", "id": step.id or "",
            "change": step.change, "href": pair_page_name(step.text).replace(".md", ".html") + f"#v-{step.new_id}"}


def _section(comparison: Comparison, pair: Pair) -> Provision:
    bill, pid = (comparison.new, pair.new) if pair.new is not None else (comparison.old, pair.old or "")
    return bill.section_of(pid) or bill.get(pid)


def _row(comparison: Comparison, pair: Pair, href: Callable[[str], str] | None) -> dict[str, Any]:
    old = comparison.old.get(pair.old) if pair.old is not None else None
    new = comparison.new.get(pair.new) if pair.new is not None else None
    redline = _redline(word_diff(old.full_text if old else "", new.full_text if new else ""))
    return {
        "change": pair.change,
        "old_label": old.label if old else "", "new_label": new.label if new else "",
        "old_id": pair.old or "", "new_id": pair.new or "",
        "href": href(pair.new) if href and pair.new else "",
        "anchor": f"v-{pair.new or pair.old}",
        "similarity": f"{pair.similarity:.2f}" if old and new else "",
        "details": [{"kind": d.kind, "before": d.before, "after": d.after}
                    for d in pair.details if d.kind != "designation"],
        "redline_html": redline if (old and new and old.full_text != new.full_text) or not (old and new) else "",
    }


def code_spans(text: str) -> Markup:
    """``text`` as HTML, escaped, its quotations in backticks (one or two each side) in ``code``.

    >>> str(code_spans("uses `a <b>` and cites it (``subsection (a)``)"))
    'uses <code>a &lt;b&gt;</code> and cites it (<code>subsection (a)</code>)'
    """
    parts: list[Markup] = []
    position = 0
    for quoted in _QUOTED.finditer(text):
        parts += [html_escape(text[position:quoted.start()]),
                  Markup("<code>{}</code>").format(quoted.group(2))]
        position = quoted.end()
    parts.append(html_escape(text[position:]))
    return Markup("").join(parts)


def _redline(diff: Sequence[WordChange]) -> Markup:
    """The word diff as HTML: every word escaped, struck and inserted words in ``del`` and ``ins``."""
    parts: list[Markup] = []
    for change in diff:
        if change.op == "equal":
            parts.append(html_escape(change.old))
            continue
        if change.old:
            parts.append(Markup("<del>{}</del>").format(change.old))
        if change.new:
            parts.append(Markup("<ins>{}</ins>").format(change.new))
    return Markup(" ").join(parts)
