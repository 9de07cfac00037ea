"""``billtrace test``, ``billtrace build`` and ``billtrace serve``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from generator.errors import GeneratorError
from generator.pipeline import build_site
from generator.serve import HOST, make_server
from generator.tracing import run_traced
from generator.workspace import Workspace
from grammar import BillError

__all__ = ["build_command", "serve_command", "test_command"]


@click.command("test")
def test_command() -> None:
    """Run the tests under coverage, one context per test, into .billtrace/.

    `billtrace coverage` and `billtrace trace` read what this writes.
    """
    workspace = Workspace.from_environment()
    try:
        run = run_traced(workspace)
    except GeneratorError as error:
        _fail(error)
    click.echo(f"{run.summary} ({run.seconds:.1f}s); results in {_shown(workspace.state, workspace.root)}")


@click.command("build")
@click.option("--no-trace", is_flag=True, help="Reuse the last traced run instead of running the tests.")
@click.option("--markdown-only", is_flag=True, help="Write site/docs and site/mkdocs.yml, skip mkdocs build.")
def build_command(no_trace: bool, markdown_only: bool) -> None:
    """Build the documentation site into site/build.

    Parse the bill, run the tests with tracing, join them into the matrix, render
    the pages with Jinja2 and run `mkdocs build --strict`.
    """
    workspace = Workspace.from_environment()
    try:
        report = build_site(workspace, trace=not no_trace, html=not markdown_only,
                            progress=lambda step: click.echo(f"billtrace build: {step}", err=True))
    except BillError as error:
        _fail(error)
    tally = report.matrix.tally
    steps = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
    target = workspace.docs if markdown_only else workspace.build
    click.echo(f"{report.pages} files -> {_shown(target, workspace.root)}; {tally.verified} of "
               f"{tally.operative} operative provisions verified ({tally.percent:.1f}%); {steps}")


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(port: int) -> None:
    """Serve site/build on http://127.0.0.1:PORT (build it first with `billtrace build`)."""
    workspace = Workspace.from_environment()
    if not (workspace.build / "index.html").is_file():
        _fail(GeneratorError(f"no built site in {_shown(workspace.build, workspace.root)}; "
                             f"run `billtrace build` (or `make site`) first"))
    try:
        server = make_server(workspace.build, port=port)
    except OSError as error:
        _fail(GeneratorError(f"cannot listen on {HOST}:{port}: {error.strerror}"))
    click.echo(f"serving {_shown(workspace.build, workspace.root)} on http://{HOST}:{server.server_port}/ "
               f"(Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _fail(error: BillError) -> NoReturn:
    click.echo(str(error), err=True)
    sys.exit(2)


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
