"""``billtrace report``: the bill's provisions with status, provenance, review, rules and tests, to print or share."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.context import workspace_of
from generator.cli.outcome import exit_if_failed
from generator.errors import GeneratorError
from generator.project.files import write_atomically
from generator.reports.report import report_csv, report_html, report_json, report_markdown, report_rows
from generator.trace.collect import collect
from generator.trace.matrix import join

__all__ = ["report_command"]


@click.command("report")
@click.option("--format", "output_format", type=click.Choice(["html", "md", "csv", "json"]), default="html",
              show_default=True, help="html to print (Letter, one table), md for an issue, csv or json for tools.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              metavar="FILE", help="Write to FILE instead of standard output.")
def report_command(output_format: str, output: Path | None) -> None:
    """The bill's report: every provision, its status, provenance, review, rules and test counts.

    From the last traced run (`billtrace test` or `billtrace build` first).  The same
    table is the site's report page and its matrix.csv and matrix.json downloads.
    Exits with status 1, after writing it, when a test of the run failed.
    """
    if output is not None and not output.parent.is_dir():  # say so rather than make folders unasked
        what = "is not a folder" if output.parent.exists() else "does not exist (make it first)"
        raise GeneratorError(f"cannot write the report to {output}: {output.parent} {what}")
    inputs = collect(workspace_of())
    matrix = join(inputs)
    rows = report_rows(matrix)
    if output_format == "csv":
        text = report_csv(rows)
    elif output_format == "json":
        text = report_json(rows, inputs.bill, matrix)
    elif output_format == "md":
        text = report_markdown(rows, inputs.bill, matrix)
    else:
        text = report_html(rows, inputs.bill, matrix)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)  # a full disk leaves no half a report
        click.echo(f"wrote {output} ({len(rows)} provisions, {output_format})", err=True)
    exit_if_failed("report", tuple(t.nodeid for t in inputs.results.tests if t.failed))
