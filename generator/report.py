"""The matrix for ``billtrace coverage`` and ``billtrace trace``: a table, JSON or Markdown.

``matrix_to_json`` is the contract of ``billtrace coverage --format json``:
``summary`` (``counts`` per status, ``operative``, ``verified``,
``percent_verified``, ``sections``) and ``provisions``, a flat list in the order
of the text, each with ``id``, ``status``, ``rules`` and ``tests``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from generator.collect import Inputs
from generator.matrix import Matrix, Row, Status, Tally
from grammar import Bill

__all__ = ["matrix_to_json", "matrix_to_markdown", "matrix_to_table", "trace_text"]


def matrix_to_json(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                   tally: Tally | None = None) -> dict[str, Any]:
    """The matrix (or the ``rows`` of one section, with their ``tally``) as plain JSON types."""
    shown = matrix.rows if rows is None else rows
    return {
        "bill": {"citation": bill.meta.citation, "version": bill.meta.version,
                 "title": bill.meta.short_title or bill.meta.long_title, "source": bill.source},
        "summary": {
            **_tally_json(tally or matrix.tally),
            "sections": [{"id": s.id, "label": s.label, "heading": s.heading, **_tally_json(s.tally)}
                         for s in matrix.sections if rows is None or any(r.id == s.id for r in shown)],
        },
        "provisions": [_row_json(r) for r in shown],
        "problems": list(matrix.problems),
    }


def matrix_to_table(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                    tally: Tally | None = None) -> str:
    """The matrix as a fixed-width table for a terminal."""
    shown = matrix.rows if rows is None else rows
    total = tally or matrix.tally
    lines = [_headline(bill, total), ""]
    width = max([len("PROVISION")] + [len(r.id) + 2 * r.depth for r in shown])
    lines.append(f"{'PROVISION':<{width}}  {'STATUS':<24}  RULES  TESTS  NOTE")
    for row in shown:
        status = row.status.value if row.rollup is None else f"container: {row.rollup.value}"
        tests = f"{sum(t.declared for t in row.tests)}d/{sum(t.measured for t in row.tests)}m"
        note = "" if row.status in (Status.VERIFIED, Status.CONTAINER) else row.explanation
        name = "  " * row.depth + row.id
        lines.append(f"{name:<{width}}  {status:<24}  {len(row.rules):>5}  {tests:>5}  {note}".rstrip())
    lines += ["", "tests: d = declared with @pytest.mark.provision, m = measured (executes a rule)", ""]
    sections = [s for s in matrix.sections if rows is None or any(r.id == s.id for r in shown)]
    lines.append(f"{'SECTION':<10}  " + "  ".join(f"{s.value:>14}" for s in Status) + "  VERIFIED")
    for section in sections:
        lines.append(_tally_line(section.label, section.tally))
    lines.append(_tally_line("total", total))
    for problem in matrix.problems:
        lines.append(f"problem: {problem}")
    return "\n".join(lines)


def matrix_to_markdown(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                       tally: Tally | None = None) -> str:
    """The matrix as a Markdown table (for a pull request or an issue)."""
    from generator.markup import md_cell

    shown = matrix.rows if rows is None else rows
    total = tally or matrix.tally
    lines = [f"**{md_cell(_headline(bill, total))}**", "",
             "| Provision | Status | Rules | Tests | Note |", "|---|---|---|---|---|"]
    for row in shown:
        status = row.status.value if row.rollup is None else f"container ({row.rollup.value})"
        rules = "<br>".join(md_cell(link.name) for link in row.rules)
        tests = "<br>".join(
            md_cell(f"{t.nodeid} ({t.outcome}; {'declared' if t.declared else ''}"
                    f"{', ' if t.declared and t.measured else ''}{'measured' if t.measured else ''})")
            for t in row.tests)
        note = "" if row.status in (Status.VERIFIED, Status.CONTAINER) else md_cell(row.explanation)
        lines.append(f"| `{row.id}` {md_cell(row.provision.label)} | {status} | {rules} | {tests} | {note} |")
    lines += ["", "| Section | " + " | ".join(s.value for s in Status) + " | % verified |",
              "|---|" + "---:|" * (len(Status) + 1)]
    for section in matrix.sections:
        if rows is None or any(r.id == section.id for r in shown):
            lines.append(_tally_md(section.label, section.tally))
    lines.append(_tally_md("**total**", total))
    return "\n".join(lines)


def trace_text(row: Row, inputs: Inputs) -> str:
    """Everything about one provision, for a terminal."""
    bill, provision = inputs.bill, row.provision
    lines = [f"{provision.id}  {provision.label}  (lines {provision.line_start}-{provision.line_end})"]
    if provision.heading:
        lines.append(f"heading: {provision.heading}")
    status = row.status.value if row.rollup is None else f"container, rolls up to {row.rollup.value}"
    lines.append(f"status: {status}")
    if row.explanation:
        lines.append(f"  {row.explanation}")
    source = row.provenance
    lines.append(f"provenance: {source.status}" + (f" ({source.note})" if source.note else ""))
    if not inputs.traced:
        lines.append("  (no traced test run yet: run `billtrace test` for the tests and their outcomes)")
    lines.append("text:")
    for part in (provision.text, *(f"[{c.id}] ..." for c in provision.children), provision.flush):
        if part:
            lines.extend(textwrap.wrap(part, 88, initial_indent="  ", subsequent_indent="  "))
    lines.append("rules:" if row.rules else "rules: none")
    rules_by_name = {r.name: r for r in inputs.catalogue.rules}
    for link in row.rules:
        rule = rules_by_name[link.name]
        via = f", the rule of {link.inherited_from}" if link.inherited_from else ""
        lines.append(f"  {link.name}  {rule.path}:{rule.line_start}-{rule.line_end}{via}")
        lines.append(f"    {len(link.executed)} of {len(link.statements)} statements executed by tests"
                     + (f"; not executed: lines {', '.join(map(str, link.missed))}" if link.missed else ""))
    lines.append("tests:" if row.tests else "tests: none")
    for test in row.tests:
        how = " + ".join(w for w, on in (("declared", test.declared), ("measured", test.measured)) if on)
        lines.append(f"  {test.outcome:<8} {how:<19} {test.nodeid}")
        lines.append(f"           {test.sentence}")
    out = [c for c in bill.citations if c.source == provision.id]
    into = [c for c in bill.citations if provision.id in c.targets]
    lines.append("citations out:" if out else "citations out: none")
    for citation in out:
        target = ", ".join(citation.targets) or citation.url or "(unresolved)"
        lines.append(f"  \"{citation.text}\" ({citation.kind}) -> {target}")
    lines.append("citations in:" if into else "citations in: none")
    for citation in into:
        lines.append(f"  {citation.source} \"{citation.text}\"")
    defines = [d for d in bill.definitions if d.provision == provision.id]
    uses = [d for d in bill.definitions if provision.id in d.uses]
    lines.append("defines:" if defines else "defines: none")
    for definition in defines:
        scope = "the Act" if definition.scope == "act" else definition.scope
        lines.append(f"  \"{definition.term}\" (for {scope}), used in {', '.join(definition.uses) or 'none'}")
    lines.append("uses terms:" if uses else "uses terms: none")
    for definition in uses:
        lines.append(f"  \"{definition.term}\" (defined in {definition.provision})")
    return "\n".join(lines)


def _headline(bill: Bill, tally: Tally) -> str:
    name = " ".join(p for p in (bill.meta.citation, bill.meta.short_title) if p) or bill.source
    return (f"{name}: {tally.verified} of {tally.operative} operative provisions verified "
            f"({tally.percent:.1f}%)")


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {"counts": {s.value: tally.counts[s] for s in Status}, "total": tally.total,
            "operative": tally.operative, "verified": tally.verified, "percent_verified": tally.percent}


def _tally_line(label: str, tally: Tally) -> str:
    return (f"{label:<10}  " + "  ".join(f"{tally.counts[s]:>14}" for s in Status)
            + f"  {tally.percent:>7.1f}%")


def _tally_md(label: str, tally: Tally) -> str:
    return f"| {label} | " + " | ".join(str(tally.counts[s]) for s in Status) + f" | {tally.percent:.1f} |"


def _row_json(row: Row) -> dict[str, Any]:
    provision = row.provision
    return {
        "id": row.id,
        "label": provision.label,
        "kind": provision.kind,
        "heading": provision.heading,
        "depth": row.depth,
        "section": row.section,
        "status": row.status.value,
        "rollup": row.rollup.value if row.rollup else None,
        "explanation": row.explanation,
        "reason": row.reason or None,
        "provenance": {"status": row.provenance.status, "note": row.provenance.note},
        "rules": [{"name": r.name, "inherited_from": r.inherited_from, "statements": list(r.statements),
                   "executed": list(r.executed), "missed": list(r.missed),
                   "passing_tests": list(r.passing_tests)} for r in row.rules],
        "tests": [{"nodeid": t.nodeid, "sentence": t.sentence, "outcome": t.outcome, "declared": t.declared,
                   "measured": t.measured, "rules": list(t.rules)} for t in row.tests],
        "hash": provision.hash,
    }
