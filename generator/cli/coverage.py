"""``billtrace coverage`` (the matrix) and ``billtrace trace ID`` (one provision, all of it)."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from generator.cli.context import workspace_of
from generator.cli.outcome import exit_if_failed, failed_in, words_moved_line
from generator.errors import GeneratorError
from generator.reports.matrix import matrix_to_json, matrix_to_markdown, matrix_to_table, trace_json, trace_text
from generator.reports.terminal import echo, fit, terminal_width
from generator.trace.collect import collect
from generator.trace.matrix import join
from grammar.ids import resolve_id

__all__ = ["Percent", "coverage_command", "trace_command"]


class Percent(click.ParamType[float]):
    """A percent from 0 to 100, written as a plain number (``nan``, ``inf`` and ``1e2`` are refused).

    A value that is none is one line naming the option (``GeneratorError``, exit status 2), as
    every other input error of ours is, not click's usage screen.
    """

    name = "percent"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text) or not 0 <= float(text) <= 100:
            flag = max(param.opts, key=len) if param is not None and param.opts else "percent"
            raise GeneratorError(f"{flag}: {value!r} is not a percent from 0 to 100 (a plain number, such as 90 "
                                 f"or 97.5)")
        return float(text)


@click.command("coverage")
@click.option("--format", "output_format", type=click.Choice(["table", "json", "md"]), default="table",
              show_default=True, help="table for a person, json for tools, md for a pull request.")
@click.option("--fail-under", type=Percent(), default=None, metavar="PCT",
              help="Exit with status 1 when less than PCT percent of operative provisions are verified.")
@click.option("--section", default=None, metavar="N", help="Only section N (4, sec. 4, s4, or an id such as dA_s101).")
def coverage_command(output_format: str, fail_under: float | None, section: str | None) -> None:
    """Show every provision with its rules, tests and status, from the last traced run.

    Run `billtrace test` (or `billtrace build`) first to trace the tests.  --format md
    is compact for a pull request: a table per section and the provisions not verified.
    Exits with status 1, after the report, when a test of the run (of the section, with
    --section) failed, or when --fail-under is not met.
    """
    workspace = workspace_of()
    inputs = collect(workspace)
    matrix = join(inputs)
    rows, tally = None, None
    if section is not None:
        found = matrix.find_section(section)
        rows, tally = matrix.section(found.id), found.tally
    if output_format == "json":
        click.echo(json.dumps(matrix_to_json(matrix, inputs.bill, rows=rows, tally=tally), indent=2,
                              ensure_ascii=False))
    elif output_format == "md":
        click.echo(matrix_to_markdown(matrix, inputs.bill, rows=rows, tally=tally))
    else:
        width = terminal_width()
        echo(fit(matrix_to_table(matrix, inputs.bill, rows=rows, tally=tally, width=width, styled=True), width))
    shown = tally or matrix.tally
    moved = words_moved_line("coverage", matrix, rows)
    if moved:  # the report shows them changed since review; said here too, for who reads only the end
        click.echo(f"warning: {moved}", err=True)
    under = fail_under is not None and shown.percent < fail_under
    if under:
        click.echo(f"billtrace coverage: {shown.percent:.1f}% verified is under {fail_under:g}%", err=True)
    # The whole run's failures (a failed test need check no provision); a section's, for a section.
    failed = failed_in(rows) if rows is not None else tuple(t.nodeid for t in inputs.results.tests if t.failed)
    exit_if_failed("coverage", failed, of="the traced run" if rows is None else f"{found.label}")
    if under:
        sys.exit(1)


@click.command("trace")
@click.argument("provision_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the provision as JSON (for tools).")
def trace_command(provision_id: str, as_json: bool) -> None:
    """Everything about one provision: text, rules, tests, status, citations, terms.

    ID is the provision's id in any case (s4_c_1, S4_C_1) or its citation as counsel
    writes it: "sec. 4(c)(1)", "section 4(c)(1)", "4(c)(1)".  Exits with status 1, after
    printing it, when a test of the provision failed.
    """
    workspace = workspace_of()
    inputs = collect(workspace)  # a status needs a traced run as current as the checkout
    found = resolve_id(provision_id, [p.id for p in inputs.bill.walk()])
    row = join(inputs).row(found)
    if as_json:
        click.echo(json.dumps(trace_json(row, inputs), indent=2, ensure_ascii=False))
    else:
        width = terminal_width()
        echo(fit(trace_text(row, inputs, width=width or 88, styled=True), width))
    exit_if_failed("trace", failed_in([row]), of=row.provision.label)
