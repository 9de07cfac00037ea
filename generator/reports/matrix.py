"""The matrix for ``billtrace coverage`` and ``billtrace trace``: a table, JSON or Markdown.

``matrix_to_json`` is the contract of ``billtrace coverage --format json``:
``summary`` (``counts`` per status, ``operative``, ``verified``,
``percent_verified``, ``review``, ``sections``) and ``provisions``, a flat list
in the order of the text, each with ``id``, ``status``, ``rules``, ``tests``,
``test_counts`` (``total`` = ``running``, those that run its rules, + ``marked_only``,
those only marked for it; ``passing``; ``text``, as the site says it) and ``review``;
``removed`` lists the reviewed provisions the text no longer has.

A provision's ``review`` is null when nothing of its own rests on its words;
otherwise ``state`` (``current``, ``changed``, ``affected``, ``unreviewed``),
``own_words_changed``, ``below`` (the provisions under it whose words changed),
``added``, ``dropped``, ``diff`` (a list of ``{"op", "old", "new"}``: difflib's
opcodes over words, reviewed words -> words now), ``reviewed_hash``, ``hash``
and ``message``.  ``summary.review`` counts the states by the names ``billtrace review
--json`` gives them in ``counts``: ``current``, ``changed``, ``affected``, ``unreviewed``,
``to_review`` (changed, affected or unreviewed: the tracked provisions to review, as both
commands count them) and, for the whole bill, ``removed``; ``stale`` is ``to_review`` under the
name it had first, kept for the tools that read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.reports.terminal import paint, wrap
from generator.trace.collect import Inputs
from generator.trace.matrix import OPERATIVE, Matrix, Row, Status, Tally
from generator.trace.measure import arc_text
from generator.trace.review import Review, ReviewState, advice, diff_text
from grammar import Bill
from provisions.kit.wording import counted

__all__ = ["matrix_to_json", "matrix_to_markdown", "matrix_to_table", "review_to_json", "trace_json", "trace_text"]


def matrix_to_json(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                   tally: Tally | None = None) -> dict[str, Any]:
    """The matrix (or the ``rows`` of one section, with their ``tally``) as plain JSON types."""
    shown = matrix.rows if rows is None else rows
    whole = rows is None
    summary = _tally_json(tally or matrix.tally)
    if whole:
        summary["review"]["removed"] = len(matrix.removed)
    return {
        "bill": {"citation": bill.meta.citation, "version": bill.meta.version,
                 "title": bill.meta.short_title or bill.meta.long_title, "source": bill.source},
        "summary": {
            **summary,
            "sections": [{"id": s.id, "label": s.label, "heading": s.heading, **_tally_json(s.tally)}
                         for s in matrix.sections if whole or any(r.id == s.id for r in shown)],
        },
        "provisions": [_row_json(r) for r in shown],
        "removed": [_review_json(r) for r in matrix.removed] if whole else [],
        "problems": list(matrix.problems),
    }


def matrix_to_table(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                    tally: Tally | None = None, width: int | None = None, styled: bool = False) -> str:
    """The matrix as a fixed-width table for a terminal.

    ``width``: wrap each row's note under the NOTE column to fit (None: one line a row);
    ``styled``: colour the status and review words (``generator.reports.terminal.echo``
    drops the colour where the output is no terminal).
    """
    shown = matrix.rows if rows is None else rows
    total = tally or matrix.tally
    lines = [_headline(bill, total), ""]
    name_width = max([len("PROVISION")] + [len(r.id) + 2 * r.depth for r in shown])
    status_width = max([24] + [len(_status_text(r)) for r in shown])
    tests_width = max([5] + [len(_tests_cell(r)) for r in shown])
    lines.append(f"{'PROVISION':<{name_width}}  {'STATUS':<{status_width}}  {'REVIEW':<10}  RULES  "
                 f"{'TESTS':<{tests_width}}  NOTE")
    note_column = name_width + 2 + status_width + 2 + 10 + 2 + 5 + 2 + tests_width + 2
    for row in shown:
        status = _status_text(row)
        tests = _tests_cell(row)
        note = "" if row.status in (Status.VERIFIED, Status.CONTAINER) else row.explanation
        said = row.status is Status.CHANGED and row.review is not None and row.review.own_words_changed
        if row.stale and row.review is not None and not said:
            note = "; ".join(n for n in (note, f"words: {row.review.summary}") if n)
        name = "  " * row.depth + row.id
        review = row.review.state.value if row.review is not None else "-"
        status_cell, review_cell = f"{status:<{status_width}}", f"{review:<10}"
        if styled:
            status_cell = paint(status_cell, row.status.value if row.rollup is None else row.rollup.value)
            review_cell = paint(review_cell, review)
        head = f"{name:<{name_width}}  {status_cell}  {review_cell}  {len(row.rules):>5}  {tests:<{tests_width}}  "
        if width is not None and note and note_column + len(note) > width:
            if width - note_column >= 30:
                noted = wrap(note, width - note_column)
                lines.append(head + noted[0])
                lines += [" " * note_column + n for n in noted[1:]]
            else:
                lines.append(head.rstrip())
                lines += wrap(note, width, " " * (2 * row.depth + 4))
            continue
        lines.append(f"{head}{note}".rstrip())
    lines += ["", "tests: all of a provision's tests = those that run its rules (measured) + those only marked "
                  "for it with @pytest.mark.provision (declared); the site counts the same",
              "review: whether the words are those its rules and tests were reviewed against "
              "(- nothing of its own rests on them)", ""]
    sections = [s for s in matrix.sections if rows is None or any(r.id == s.id for r in shown)]
    lines.append(f"{'SECTION':<10}  " + "  ".join(f"{s.value:>{_width(s)}}" for s in Status) + "  VERIFIED")
    for section in sections:
        lines.append(_tally_line(section.label, section.tally))
    lines.append(_tally_line("total", total))
    lines += ["", _review_line(total, len(matrix.removed) if rows is None else None)]
    if rows is None:
        lines += [f"removed: {item.summary}; it was reviewed with {', '.join(item.rules) or 'no rule'}"
                  for item in matrix.removed]
    for problem in matrix.problems:
        lines.append(f"problem: {problem}")
    return "\n".join(lines)


def matrix_to_markdown(matrix: Matrix, bill: Bill, *, rows: Sequence[Row] | None = None,
                       tally: Tally | None = None) -> str:
    """The matrix for a pull request or an issue, compact: the headline, a table per section, then
    only the provisions that need attention (operative and not verified, or words changed since review),
    each with the tests that do not pass."""
    from generator.site.markup import md_cell

    shown = matrix.rows if rows is None else rows
    total = tally or matrix.tally
    lines = [f"**{md_cell(_headline(bill, total))}**", "",
             "| Section | " + " | ".join(s.value for s in Status) + " | % verified |",
             "|---|" + "---:|" * (len(Status) + 1)]
    for section in matrix.sections:
        if rows is None or any(r.id == section.id for r in shown):
            lines.append(_tally_md(md_cell(section.label), section.tally))
    lines.append(_tally_md("**total**", total))
    attention = [r for r in shown if (r.status in OPERATIVE and r.status is not Status.VERIFIED) or r.stale]
    if attention:
        need = "needs" if len(attention) == 1 else "need"
        lines += ["", f"**{counted(len(attention), 'provision')} {need} attention**", "",
                  "| Provision | Status | Review | Why | Tests not passing |", "|---|---|---|---|---|"]
    for row in attention:
        review = "" if row.review is None else (f"**{row.review.state.value}**: {md_cell(row.review.summary)}"
                                                if row.stale else row.review.state.value)
        failing = [t for t in row.tests if t.outcome != "passed"]
        tests = "<br>".join(md_cell(f"{t.nodeid} ({t.outcome})") for t in failing[:5])
        if len(failing) > 5:
            tests += f"<br>and {len(failing) - 5} more"
        note = "" if row.status is Status.VERIFIED else md_cell(row.explanation)
        lines.append(f"| `{row.id}` {md_cell(row.provision.label)} | {row.status.value} | {review} | {note} "
                     f"| {tests} |")
    if not attention:
        lines += ["", "Every operative provision is verified and every tracked provision's words are reviewed."]
    lines += ["", md_cell(_review_line(total, len(matrix.removed) if rows is None else None))]
    if rows is None:
        lines += [f"- removed: {md_cell(item.summary)}" for item in matrix.removed]
    return "\n".join(lines)


def trace_json(row: Row, inputs: Inputs) -> dict[str, Any]:
    """Everything about one provision as plain JSON types: the row of ``matrix_to_json`` with its words,
    citations out and in, the terms it defines and those it uses."""
    bill, provision = inputs.bill, row.provision
    return {
        **_row_json(row),
        "lines": [provision.line_start, provision.line_end],
        "text": provision.text, "flush": provision.flush, "children": [c.id for c in provision.children],
        "citations_out": [{"text": c.text, "kind": c.kind, "targets": list(c.targets), "url": c.url}
                          for c in bill.citations if c.source == provision.id],
        "citations_in": [{"source": c.source, "text": c.text} for c in bill.citations if provision.id in c.targets],
        "defines": [{"term": d.term, "scope": d.scope, "uses": list(d.uses)}
                    for d in bill.definitions if d.provision == provision.id],
        "uses_terms": [{"term": d.term, "defined_in": d.provision}
                       for d in bill.definitions if provision.id in d.uses],
        "traced": inputs.traced,
    }


def trace_text(row: Row, inputs: Inputs, *, width: int = 88, styled: bool = False) -> str:
    """Everything about one provision, for a terminal ``width`` columns wide (status and outcomes
    coloured when ``styled``)."""
    bill, provision = inputs.bill, row.provision
    lines = [f"{provision.id}  {provision.label}  (lines {provision.line_start}-{provision.line_end})"]
    if provision.heading:
        lines.append(f"heading: {provision.heading}")
    status = row.status.value if row.rollup is None else f"container, rolls up to {row.rollup.value}"
    lines.append("status: " + (paint(status, row.status.value if row.rollup is None else row.rollup.value)
                               if styled else status))
    if row.explanation:
        lines.append(f"  {row.explanation}")
    lines += _trace_review(row, inputs, width)
    source = row.provenance
    lines.append(f"provenance: {source.status}" + (f" ({source.note})" if source.note else ""))
    if not inputs.traced:
        lines.append("  (no traced test run yet: run `billtrace test` for the tests and their outcomes)")
    lines.append("text:")
    for part in (provision.text, *(f"[{c.id}] ..." for c in provision.children), provision.flush):
        if part:
            lines.extend(wrap(part, width, "  "))
    lines.append("rules:" if row.rules else "rules: none")
    rules_by_name = {r.name: r for r in inputs.catalogue.rules}
    for link in row.rules:
        rule = rules_by_name[link.name]
        via = f", the rule of {link.inherited_from}" if link.inherited_from else ""
        lines.append(f"  {link.name}  {rule.path}:{rule.line_start}-{rule.line_end}{via}")
        lines.append(f"    {link.figure}"
                     + (f"; not executed: lines {', '.join(map(str, link.missed))}" if link.missed else "")
                     + (f"; branches not taken: {', '.join(map(arc_text, link.branches_missed))}"
                        if link.branches_missed else ""))
    lines.append(f"tests: {row.counts.text}" if row.tests else "tests: none")
    for test in row.tests:
        how = " + ".join(w for w, on in (("declared", test.declared), ("measured", test.measured)) if on)
        outcome = paint(f"{test.outcome:<8}", test.outcome) if styled else f"{test.outcome:<8}"
        lines.append(f"  {outcome} {how:<19} {test.nodeid}")
        lines += wrap(test.sentence, width, "           ")
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


def _trace_review(row: Row, inputs: Inputs, width: int) -> list[str]:
    item = row.review
    if item is None:
        owner = next((link.inherited_from for link in row.rules if link.inherited_from), None)
        if owner:
            return [f"review: see {owner}, whose rules it takes: its words are part of {owner}'s"]
        unknown = "" if inputs.traced else " (tests marked for it are known after a traced run)"
        return [f"review: nothing of its own rests on its words{unknown}"]
    lines = [f"review: {item.state.value} ({inputs.reviewed.path})", f"  {item.summary}"]
    if item.diff:
        lines += wrap("words: " + diff_text(item.diff, context=None), width, "  ", "         ")
    if item.stale:
        lines += wrap(advice(item), width, "  ")
    return lines


def _review_line(tally: Tally, removed: int | None) -> str:
    counts = tally.reviews
    gone = f", {removed} removed" if removed is not None else ""
    # the review's own names for its states, every one counted, as `billtrace review` counts them
    return (f"review: {counts[ReviewState.CURRENT]} current, {counts[ReviewState.CHANGED]} changed, "
            f"{counts[ReviewState.AFFECTED]} affected, {counts[ReviewState.UNREVIEWED]} unreviewed{gone}"
            + (" (billtrace review lists them)" if tally.stale or removed else ""))


def review_to_json(item: Review) -> dict[str, Any]:
    """One provision's review as ``billtrace coverage --format json`` gives it."""
    return _review_json(item)


def _review_json(item: Review) -> dict[str, Any]:
    return {
        "id": item.id,
        "state": item.state.value,
        "own_words_changed": item.own_words_changed,
        "below": list(item.below),
        "added": list(item.added),
        "dropped": list(item.dropped),
        "diff": [{"op": c.op, "old": c.old, "new": c.new} for c in item.diff],
        "reviewed_words": item.reviewed_words,
        "reviewed_hash": item.reviewed_hash,
        "hash": item.hash,
        "rules": list(item.rules),
        "affected_by": list(item.affected_by),
        "message": item.summary,
    }


def _headline(bill: Bill, tally: Tally) -> str:
    name = " ".join(p for p in (bill.meta.citation, bill.meta.short_title) if p) or bill.source
    return (f"{name}: {tally.verified} of {tally.operative} operative provisions verified "
            f"({_percent(tally)})")


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {"counts": {s.value: tally.counts[s] for s in Status}, "total": tally.total,
            "operative": tally.operative, "verified": tally.verified, "percent_verified": tally.percent,
            "review": {**{s.value: tally.reviews[s] for s in ReviewState if s is not ReviewState.REMOVED},
                       "to_review": tally.stale, "stale": tally.stale}}  # stale: the name it had first


def _percent(tally: Tally) -> str:
    """Percent verified, or a dash where nothing is operative (as the site shows it)."""
    return "\u2014" if tally.operative == 0 else f"{tally.percent:.1f}%"


def _tally_line(label: str, tally: Tally) -> str:
    return (f"{label:<10}  " + "  ".join(f"{tally.counts[s]:>{_width(s)}}" for s in Status)
            + f"  {_percent(tally):>8}")


def _tests_cell(row: Row) -> str:
    """``289 = 270 + 19``: all its tests, those that run its rules, those only marked for it."""
    counts = row.counts
    return "0" if not counts.total else f"{counts.total} = {counts.running} + {counts.marked_only}"


def _status_text(row: Row) -> str:
    """A row's status as the table shows it: a container's with the worst status below it."""
    return row.status.value if row.rollup is None else f"container: {row.rollup.value}"


def _width(status: Status) -> int:
    """The width of a status's column in the table of sections."""
    return max(14, len(status.value))


def _tally_md(label: str, tally: Tally) -> str:
    return f"| {label} | " + " | ".join(str(tally.counts[s]) for s in Status) + f" | {_percent(tally)} |"


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
                   "passing_tests": list(r.passing_tests), "passing_share": r.passing_share,
                   "branches": None if r.branches is None else [list(a) for a in r.branches],
                   "branches_taken": [list(a) for a in r.branches_taken],
                   "branches_missed": [list(a) for a in r.branches_missed],
                   "passing_branch_share": r.passing_branch_share,
                   "figure": r.figure} for r in row.rules],
        "tests": [{"nodeid": t.nodeid, "sentence": t.sentence, "outcome": t.outcome, "declared": t.declared,
                   "measured": t.measured, "rules": list(t.rules)} for t in row.tests],
        "test_counts": {"total": row.counts.total, "running": row.counts.running,
                        "marked_only": row.counts.marked_only, "passing": row.counts.passing,
                        "text": row.counts.text},
        "hash": provision.hash,
        "review": None if row.review is None else _review_json(row.review),
    }
