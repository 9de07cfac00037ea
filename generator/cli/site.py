"""``billtrace test``, ``billtrace build`` and ``billtrace serve``."""

from __future__ import annotations

import sys
import threading

import click

from generator.cli.context import workspace_of
from generator.cli.outcome import fail_naming_each, tests_counted, unreviewed_line, words_moved_line
from generator.errors import GeneratorError
from generator.project.lock import holding_lock
from generator.project.workspace import Workspace
from generator.site.build import build_site
from generator.site.serve import HOST, BuildCounter, make_server
from generator.site.watch import Rebuild
from generator.site.watch import watch as watch_site
from generator.trace.matrix import Status
from generator.trace.run import run_traced
from grammar.errors import BilltraceError

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
    recorded as one: `billtrace coverage` then asks for the whole run (-v and -q change
    only the output, so a whole run shown either way is still the whole run).
    `billtrace coverage` and `billtrace trace` read what this writes.
    """
    options = [*(["-k", keyword] if keyword is not None else []), *(["-x"] if exitfirst else []),
               *(["--lf"] if last_failed else []), *(["-v"] if verbose else []), *(["-qq"] if quiet else [])]
    workspace = workspace_of()
    with holding_lock(workspace.lock, waiting=lambda line: click.echo(f"billtrace test: {line}", err=True)):
        run = run_traced(workspace, options=options, echo=click.echo, cache=True)
    click.echo(f"{run.summary} ({run.seconds:.1f}s); results in {workspace.relative(workspace.state)}")
    fail_naming_each("test", run.failures)


@click.command("build")
@click.option("--no-trace", is_flag=True, help="Reuse the last traced run instead of running the tests.")
@click.option("--markdown-only", is_flag=True, help="Write site/docs and site/mkdocs.yml, skip mkdocs build.")
def build_command(no_trace: bool, markdown_only: bool) -> None:
    """Build the documentation site into site/build.

    Parse the bill, run the tests with tracing (unless nothing they ran against changed
    since the last traced run), join them into the matrix, render the pages with Jinja2
    and run `mkdocs build --strict`; the new site replaces the last one whole.  Exits with
    status 1 when a test of the run the site shows failed, naming each, or when the words
    of a reviewed provision changed since review (the site shows it changed since review).
    """
    workspace = workspace_of()
    report = build_site(workspace, trace=not no_trace, html=not markdown_only,
                        progress=lambda step: click.echo(f"billtrace build: {step}", err=True))
    tally = report.matrix.tally
    steps = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
    target = workspace.docs if markdown_only else workspace.build
    changed = f", {tally.counts[Status.CHANGED]} changed since review" if tally.counts[Status.CHANGED] else ""
    click.echo(f"{report.pages} files -> {workspace.relative(target)}; {tally.verified} of "
               f"{tally.operative} operative provisions verified ({tally.percent:.1f}%){changed}; {steps}")
    unreviewed = unreviewed_line("build", report.matrix)
    if unreviewed:
        click.echo(f"warning: {unreviewed}", err=True)
    moved = words_moved_line("build", report.matrix)
    if moved:
        click.echo(f"error: {moved}", err=True)
    fail_naming_each("build", report.failures)
    if moved:
        sys.exit(1)


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--watch", is_flag=True,
              help="Rebuild when the bill, a rule, a test or a template changes, and reload open pages.")
def serve_command(port: int, watch: bool) -> None:
    """Serve site/build on http://127.0.0.1:PORT (build it first with `billtrace build`).

    With --watch, a change re-renders the site and runs mkdocs again; the tests are traced
    again only when an input of the traced run changed (its fingerprint).
    """
    workspace = workspace_of()
    if not (workspace.build / "index.html").is_file():
        raise GeneratorError(f"no built site in {workspace.relative(workspace.build)}; "
                             f"run `billtrace build` first")
    counter = BuildCounter() if watch else None
    try:
        server = make_server(workspace.build, port=port, reload=counter)
    except OSError as error:
        raise GeneratorError(f"cannot listen on {HOST}:{port}: {error.strerror}") from None
    click.echo(f"serving {workspace.relative(workspace.build)} on http://{HOST}:{server.server_port}/ "
               f"({'watching for changes; ' if watch else ''}Ctrl-C to stop)")
    try:
        if counter is None:
            server.serve_forever()
        else:
            threading.Thread(target=server.serve_forever, daemon=True).start()
            watch_site(workspace, lambda change: _rebuild(workspace, change, counter))
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _rebuild(workspace: Workspace, change: Rebuild, counter: BuildCounter) -> None:
    shown = ", ".join(change.changed[:3]) + (f" and {len(change.changed) - 3} more" if len(change.changed) > 3 else "")
    click.echo(f"changed: {shown}; rebuilding{' (tests traced again)' if change.trace else ''}", err=True)
    try:
        report = build_site(workspace, trace=change.trace,
                            progress=lambda step: click.echo(f"billtrace build: {step}", err=True))
    except BilltraceError as error:  # keep serving the last good site; say why this build failed
        click.echo(f"error: {error.message}", err=True)
        return
    counter.bump()
    failed = f"; {tests_counted(len(report.failures))} failing" if report.failures else ""
    changed = report.matrix.tally.counts[Status.CHANGED]
    failed += f"; {changed} changed since review" if changed else ""
    click.echo(f"rebuilt: {report.matrix.tally.verified} of {report.matrix.tally.operative} operative "
               f"provisions verified{failed}", err=True)


