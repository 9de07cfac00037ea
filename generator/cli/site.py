"""``billtrace test``, ``billtrace build`` and ``billtrace serve``."""

from __future__ import annotations

import click

from generator.cli.context import workspace_of
from generator.errors import GeneratorError
from generator.site.build import build_site
from generator.site.serve import HOST, make_server
from generator.trace.run import run_traced

__all__ = ["build_command", "serve_command", "test_command"]


@click.command("test")
def test_command() -> None:
    """Run the tests under coverage, one context per test, into .billtrace/.

    `billtrace coverage` and `billtrace trace` read what this writes.
    """
    workspace = workspace_of()
    run = run_traced(workspace)
    click.echo(f"{run.summary} ({run.seconds:.1f}s); results in {workspace.relative(workspace.state)}")


@click.command("build")
@click.option("--no-trace", is_flag=True, help="Reuse the last traced run instead of running the tests.")
@click.option("--markdown-only", is_flag=True, help="Write site/docs and site/mkdocs.yml, skip mkdocs build.")
def build_command(no_trace: bool, markdown_only: bool) -> None:
    """Build the documentation site into site/build.

    Parse the bill, run the tests with tracing, join them into the matrix, render
    the pages with Jinja2 and run `mkdocs build --strict`.
    """
    workspace = workspace_of()
    report = build_site(workspace, trace=not no_trace, html=not markdown_only,
                        progress=lambda step: click.echo(f"billtrace build: {step}", err=True))
    tally = report.matrix.tally
    steps = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
    target = workspace.docs if markdown_only else workspace.build
    click.echo(f"{report.pages} files -> {workspace.relative(target)}; {tally.verified} of "
               f"{tally.operative} operative provisions verified ({tally.percent:.1f}%); {steps}")


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


