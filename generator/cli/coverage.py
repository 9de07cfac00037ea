"""``billtrace coverage`` (the matrix) and ``billtrace trace ID`` (one provision, all of it)."""

from __future__ import annotations

import difflib
import json
import re
import sys
from typing import Any

import click

from generator.cli.context import workspace_of
from generator.errors import GeneratorError
from generator.reports.matrix import matrix_to_json, matrix_to_markdown, matrix_to_table, trace_text
from generator.trace.collect import collect
from generator.trace.matrix import join
from grammar.errors import close_ids

__all__ = ["Percent", "close_ids", "coverage_command", "trace_command"]


class Percent(click.ParamType[float]):
    """A percent from 0 to 100, written as a plain number (``nan``, ``inf`` and ``1e2`` are refused)."""

    name = "percent"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text) or not 0 <= float(text) <= 100:
            self.fail(f"{value!r} is not a percent from 0 to 100 (a plain number, such as 90 or 97.5)", param, ctx)
        return float(text)


@click.command("coverage")
@click.option("--format", "output_format", type=click.Choice(["table", "json", "md"]), default="table",
              show_default=True, help="table for a person, json for tools, md for a pull request.")
@click.option("--fail-under", type=Percent(), default=None, metavar="PCT",
              help="Exit with status 1 when less than PCT percent of operative provisions are verified.")
@click.option("--section", default=None, metavar="N", help="Only section N (e.g. 4, or s4).")
def coverage_command(output_format: str, fail_under: float | None, section: str | None) -> None:
    """Show every provision with its rules, tests and status, from the last traced run.

    Run `billtrace test` (or `billtrace build`) first to trace the tests.
    """
    workspace = workspace_of()
    inputs = collect(workspace)
    matrix = join(inputs)
    rows, tally = None, None
    if section is not None:
        section_id = section if section.startswith("s") else f"s{section}"
        sections = {s.id: s for s in matrix.sections}
        if section_id not in sections:
            close = difflib.get_close_matches(section_id, list(sections), n=3, cutoff=0.5)
            hint = f" (sections: {', '.join(close or list(sections))})"
            raise click.BadParameter(f"the bill has no section {section!r}{hint}", param_hint="--section")
        rows, tally = matrix.section(section_id), sections[section_id].tally
    if output_format == "json":
        text = json.dumps(matrix_to_json(matrix, inputs.bill, rows=rows, tally=tally), indent=2,
                          ensure_ascii=False)
    elif output_format == "md":
        text = matrix_to_markdown(matrix, inputs.bill, rows=rows, tally=tally)
    else:
        text = matrix_to_table(matrix, inputs.bill, rows=rows, tally=tally)
    click.echo(text)
    shown = tally or matrix.tally
    if fail_under is not None and shown.percent < fail_under:
        click.echo(f"billtrace coverage: {shown.percent:.1f}% verified is under {fail_under:g}%", err=True)
        sys.exit(1)


@click.command("trace")
@click.argument("provision_id", metavar="ID")
def trace_command(provision_id: str) -> None:
    """Everything about one provision: text, rules, tests, status, citations, terms."""
    workspace = workspace_of()
    inputs = collect(workspace)  # a status needs a traced run as current as the checkout
    if provision_id not in inputs.bill:
        close = close_ids(provision_id, [p.id for p in inputs.bill.walk()])
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise GeneratorError(f"no provision has the id {provision_id!r}{hint}")
    click.echo(trace_text(join(inputs).row(provision_id), inputs))
