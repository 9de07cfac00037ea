"""``billtrace test``, ``billtrace build`` and ``billtrace serve``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from generator.cli.context import workspace_of
from generator.errors import GeneratorError
from generator.project.lock import holding_lock
from generator.site.build import build_site
from generator.site.serve import HOST, make_server
from generator.trace.results import TestResult
from generator.trace.run import run_traced

__all__ = ["build_command", "serve_command", "test_command"]


@click.command("test")
@click.option("-k", "keyword", metavar="EXPR", default=None, help="Only tests matching EXPR (pytest's -k).")
@click.option("-x", "--exitfirst", is_flag=True, help="Stop at the first failing test (pytest's -x).")
@click.option("--lf", "--last-failed", "last_failed", is_flag=True,
              help="Only the tests that failed last time (pytest's --lf).")
@click.option("-v", "--verbose", "verbose", is_flag=True, help="One line per test (pytest's -v).")
@click.option("-q", "--quiet", "quiet", is_flag=True, help="Less output (pytest's -qq).")
def test_command(keyword: str | None, exitfirst: bool, last_failed: bool, verbose: bool, quiet: bool) -> None:
    """Run the tests under coverage, one context per test, into .billtrace/.

    Shows pytest's progress as it runs; exits with status 1 when a test fails or errors,
    naming each with its first assertion line.  A run of a selection (-k, -x, --lf) is
    recorded as one: `billtrace coverage` then asks for the whole run.
    `billtrace coverage` and `billtrace trace` read what this writes.
    """
    options = [*(["-k", keyword] if keyword is not None else []), *(["-x"] if exitfirst else []),
               *(["--lf"] if last_failed else []), *(["-v"] if verbose else []), *(["-qq"] if quiet else [])]
    workspace = workspace_of()
    with holding_lock(workspace.lock, waiting=lambda line: click.echo(f"billtrace test: {line}", err=True)):
        run = run_traced(workspace, options=options, echo=click.echo, cache=True)
    click.echo(f"{run.summary} ({run.seconds:.1f}s); results in {workspace.relative(workspace.state)}")
    _fail_on(run.failures)


@click.command("build")
@click.option("--no-trace", is_flag=True, help="Reuse the last traced run instead of running the tests.")
@click.option("--markdown-only", is_flag=True, help="Write site/docs and site/mkdocs.yml, skip mkdocs build.")
def build_command(no_trace: bool, markdown_only: bool) -> None:
    """Build the documentation site into site/build.

    Parse the bill, run the tests with tracing (unless nothing they ran against changed
    since the last traced run), join them into the matrix, render the pages with Jinja2
    and run `mkdocs build --strict`; the new site replaces the last one whole.  Exits with
    status 1 when a test of the run the site shows failed, naming each.
    """
    workspace = workspace_of()
    report = build_site(workspace, trace=not no_trace, html=not markdown_only,
                        progress=lambda step: click.echo(f"billtrace build: {step}", err=True))
    tally = report.matrix.tally
    steps = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
    target = workspace.docs if markdown_only else workspace.build
    click.echo(f"{report.pages} files -> {workspace.relative(target)}; {tally.verified} of "
               f"{tally.operative} operative provisions verified ({tally.percent:.1f}%); {steps}")
    _fail_on(report.failures)


def _fail_on(failures: Sequence[TestResult]) -> None:
    """Name each failed test with its first assertion line on standard error, and exit with status 1."""
    if not failures:
        return
    for test in failures:
        click.echo(f"FAILED {test.nodeid} ({test.outcome})" + (f": {test.message}" if test.message else ""),
                   err=True)
    click.echo(f"error: {len(failures)} test(s) failed", err=True)
    sys.exit(1)


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(port: int) -> None:
    """Serve site/build on http://127.0.0.1:PORT (build it first with `billtrace build`)."""
    workspace = workspace_of()
    if not (workspace.build / "index.html").is_file():
        raise GeneratorError(f"no built site in {workspace.relative(workspace.build)}; "
                             f"run `billtrace build` (or `make site`) first")
    try:
        server = make_server(workspace.build, port=port)
    except OSError as error:
        raise GeneratorError(f"cannot listen on {HOST}:{port}: {error.strerror}") from None
    click.echo(f"serving {workspace.relative(workspace.build)} on http://{HOST}:{server.server_port}/ "
               f"(Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


