"""The bill's report: every provision with its status, provenance, review, rules and tests, in one table.

``report_rows`` gives the rows (plain values, in the order of the text); the
renderers turn them into CSV, JSON, Markdown or a standalone printable HTML page.
The same rows are the site's ``matrix.csv``, ``matrix.json`` and ``report.html`` (the
page ``report_html`` writes, beside the site's Markdown), and ``billtrace report
--format html|md|csv|json``.

Columns: ``id``, ``label``, ``depth``, ``heading``, ``status`` (a container's is
``container: <worst status below>``), ``provenance``, ``review`` (``current``,
``changed``, ``unreviewed``, or empty when nothing of its own rests on its
words), ``rules`` (the rules it owns, ``;``-separated: a rule is owned by the
first provision it implements), ``covered_by`` (the ids owning its other rules),
``tests`` (all its tests: those marked for it and those that run its rules, each
once), ``running`` (those of them that run its rules), ``passing`` and ``note`` (why
it is not verified).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from generator.site.markup import md_escape
from generator.trace.matrix import Matrix, Status
from grammar import Bill

__all__ = ["COLUMNS", "ReportRow", "report_csv", "report_html", "report_json", "report_markdown", "report_rows",
           "report_title", "rule_owners"]


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One provision of the report."""

    id: str
    label: str
    depth: int
    heading: str
    status: str
    provenance: str
    review: str
    rules: str
    covered_by: str
    tests: int
    running: int
    passing: int
    note: str


COLUMNS = tuple(ReportRow.__slots__)


def rule_owners(matrix: Matrix) -> dict[str, str]:
    """The provision that owns each rule: the first, in the order of the text, it implements.

    A rule that implements a provision and its parts is listed (with its tests) on
    that provision; the parts say they are covered by it.
    """
    owners: dict[str, str] = {}
    for row in matrix.rows:
        for link in row.rules:
            owners.setdefault(link.name, link.inherited_from or row.id)
    return owners


def report_rows(matrix: Matrix) -> list[ReportRow]:
    """The report's rows, one per provision in the order of the text."""
    rows = []
    owner_of = rule_owners(matrix)
    for row in matrix.rows:
        status = row.status.value if row.rollup is None else f"container: {row.rollup.value}"
        owners = sorted({owner_of[r.name] for r in row.rules if owner_of[r.name] != row.id})
        note = "" if row.status in (Status.VERIFIED, Status.CONTAINER, Status.PENDING) else row.explanation
        rows.append(ReportRow(
            id=row.id, label=row.provision.label, depth=row.depth, heading=row.provision.heading, status=status,
            provenance=row.provenance.status, review=row.review.state.value if row.review is not None else "",
            rules="; ".join(r.name for r in row.rules if owner_of[r.name] == row.id), covered_by="; ".join(owners),
            tests=row.counts.total, running=row.counts.running, passing=row.counts.passing, note=note))
    return rows


def report_title(bill: Bill) -> str:
    """The bill as the report names it: citation and short title, or its source."""
    meta = bill.meta
    return " \u2014 ".join(p for p in (meta.citation, meta.short_title) if p) or bill.source


def report_csv(rows: Sequence[ReportRow]) -> str:
    """The rows as CSV with a header line (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(v) for v in asdict(row).values()])
    return out.getvalue()


def _cell(value: object) -> object:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: the bill's words are no formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def report_json(rows: Sequence[ReportRow], bill: Bill, matrix: Matrix) -> str:
    """The rows as JSON: ``bill``, ``summary`` (counts per status, verified, operative) and ``provisions``."""
    tally = matrix.tally
    data = {
        "bill": {"title": report_title(bill), "citation": bill.meta.citation, "version": bill.meta.version,
                 "source": bill.source},
        "summary": {"counts": {s.value: n for s, n in tally.counts.items()}, "verified": tally.verified,
                    "operative": tally.operative,
                    "percent_verified": None if tally.operative == 0 else tally.percent},
        "columns": list(COLUMNS),
        "provisions": [asdict(r) for r in rows],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


_TESTS_KEY = ("Tests: passing / all of a provision's tests (marked for it or running its rules, each once), "
              "then how many run its rules where some are only marked for it.")


def _tests_cell(row: ReportRow) -> str:
    """``289/289, 270 run its rules``: passing of all, and those running its rules where that is fewer."""
    if not row.tests:
        return ""
    running = f", {row.running} run its rules" if 0 < row.running < row.tests else ""
    return f"{row.passing}/{row.tests}{running}"


def _md(text: str) -> str:
    return str(md_escape(text))


def report_markdown(rows: Sequence[ReportRow], bill: Bill, matrix: Matrix) -> str:
    """The rows under a heading and the bill's tally: a heading and a table for each provision at
    the top of the text (a section, a title), its parts in the table indented a step for each level
    below it, as the HTML report indents them.

    The indent is ``&emsp;``, an entity: a renderer trims the spaces around a cell's words, the
    Unicode ones too in some (VS Code, markdown-it), and the nesting would be lost.
    """
    tally = matrix.tally
    percent = "\u2014" if tally.operative == 0 else f"{tally.percent:.1f}%"
    lines = [f"# Report: {_md(report_title(bill))}", "",
             f"{tally.verified} of {tally.operative} operative provisions verified ({percent}); "
             f"{len(rows)} provisions.", "", _TESTS_KEY]
    header = ["| Provision | Status | Words | Review | Rules | Tests |", "|---|---|---|---|---|---|"]
    for n, row in enumerate(rows):
        if row.depth == 0:
            lines += ["", f"## {_md(row.label)}" + (f" {_md(row.heading)}" if row.heading else ""), "", *header]
        elif n == 0:  # the rows begin below the top of the text (one part of it): a table of their own
            lines += ["", *header]
        rules = _md(row.rules.replace("provisions.", "")) or (f"covered by {_md(row.covered_by)}"
                                                              if row.covered_by else "")
        tests = _tests_cell(row)
        name = "&emsp;" * row.depth + _md(row.label) + (f" {_md(row.heading)}" if row.heading else "")
        lines.append(f"| {name} | {_md(row.status)} | {_md(row.provenance)} | {_md(row.review)} | {rules} "
                     f"| {tests} |")
    return "\n".join(lines) + "\n"


_PRINT_CSS = """
body { font: 10pt/1.3 system-ui, sans-serif; margin: 1.5em; color: #000; }
h1 { font-size: 14pt; margin: 0 0 .3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 1px 4px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
td.s, td.p, td.r { white-space: nowrap; }
.failing, .claimed, .untested, .changed-since-review { color: #b00020; font-weight: bold; }
@page { size: letter; margin: 1.5cm; }
@media print { .back { display: none; } body { margin: 0; font-size: 8pt; }
  thead { display: table-header-group; } tr { break-inside: avoid; } }
"""


def report_html(rows: Sequence[ReportRow], bill: Bill, matrix: Matrix, *, site: bool = False) -> str:
    """A standalone printable HTML page of the report (no script, no remote asset).

    ``site``: the page is the site's report (``report.html`` beside its pages), so it takes
    the site's icon and links back to its home page.
    """
    esc = html.escape
    tally = matrix.tally
    percent = "\u2014" if tally.operative == 0 else f"{tally.percent:.1f}%"
    title = esc(report_title(bill))
    icon = '<link rel="icon" href="assets/images/favicon.png">' if site else '<link rel="icon" href="data:,">'
    back = '<p class="back"><a href="index.html">The site</a> &middot; <a href="matrix.html">the matrix</a></p>' \
        if site else ""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">', icon,
           f"<title>Report: {title}</title>", f"<style>{_PRINT_CSS}</style></head><body>", back,
           f"<h1>Report: {title}</h1>",
           f"<p>{tally.verified} of {tally.operative} operative provisions verified ({percent}); "
           f"{len(rows)} provisions. {esc(_TESTS_KEY)}</p>",
           '<table><thead><tr><th>Provision</th><th>Status</th><th>Words</th><th>Review</th><th>Rules</th>'
           "<th>Tests</th></tr></thead><tbody>"]
    for row in rows:
        rules = esc(row.rules.replace("provisions.", "")) or (f"<i>covered by {esc(row.covered_by)}</i>"
                                                              if row.covered_by else "")
        tests = esc(_tests_cell(row))
        heading = f" {esc(row.heading)}" if row.heading else ""
        indent = f' style="padding-left:{4 + 10 * row.depth}px"' if row.depth else ""
        out.append(f'<tr id="r-{esc(row.id)}"><td{indent}>{esc(row.label)}{heading}</td>'
                   f'<td class="s {esc(row.status.split(":")[0].replace(" ", "-"))}">{esc(row.status)}</td>'
                   f'<td class="p">{esc(row.provenance)}</td><td class="r">{esc(row.review)}</td>'
                   f'<td>{rules}</td><td class="n">{tests}</td></tr>')
    out.append("</tbody></table></body></html>")
    return "\n".join(out) + "\n"
