"""The ``billtrace`` command line: click wiring only.

Each command lives in a module of its own, imported only when it runs (as MkDocs'
``__main__`` imports ``commands.build`` lazily), so ``billtrace --help`` stays quick.  Every
error of ours (``BilltraceError``) and every ``OSError`` reaches one place, ``_Group.invoke``:
one line on standard error, exit status 2, nothing on standard output.  Anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from grammar.errors import BilltraceError

__all__ = ["main"]

# name -> (module, attribute, short help): the module is imported only when the command runs.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("generator.cli.init", "init_command", "Start a billtrace project for a bill in the GPO layout."),
    "config": ("generator.cli.config", "config_command", "Show the project's settings and where each came from."),
    "parse": ("generator.cli.parse", "parse_command", "Parse a bill in the GPO plain-text layout."),
    "test": ("generator.cli.site", "test_command", "Run the tests under coverage, one context per test."),
    "coverage": ("generator.cli.coverage", "coverage_command", "Every provision with its rules, tests and status."),
    "trace": ("generator.cli.coverage", "trace_command", "Everything about one provision."),
    "review": ("generator.cli.review", "review_command", "Provisions whose words changed since review."),
    "report": ("generator.cli.report", "report_command", "The bill's report to print or share (html, md, csv, json)."),
    "build": ("generator.cli.site", "build_command", "Build the documentation site."),
    "serve": ("generator.cli.site", "serve_command", "Serve the built site on 127.0.0.1."),
    "check": ("generator.cli.check", "check_command", "Ask the rules a question; get the answer and its provisions."),
    "diff": ("generator.versions.commands", "diff_command", "Align two texts of a bill; typed changes and impact."),
    "migrate": ("generator.versions.commands", "migrate_command", "Move the project's links to a new text."),
}


class _Group(click.Group):
    """The command group: lazy commands, and the one error exit."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *sorted(set(self.commands) - set(COMMANDS))]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        module, attribute, short = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attribute)
        command.short_help = command.short_help or short
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing needs no import: the short help is in COMMANDS.
        rows = [(name, COMMANDS[name][2]) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BilltraceError as error:
            _exit_with(ctx, str(error))
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _exit_with(ctx, f"error: {where}{error.strerror or error}")


def _exit_with(ctx: click.Context, message: str) -> None:
    text = message if message.lstrip().lower().startswith("error") or ": error:" in message else f"error: {message}"
    click.echo(text, err=True)
    ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="billtrace")
@click.option("--project", default=None, metavar="DIR", envvar="BILLTRACE_PROJECT",
              help="The project directory (default: the first with [tool.billtrace] at or above the working "
                   "directory).")
@click.pass_context
def main(ctx: click.Context, project: str | None) -> None:
    """billtrace: a bill's provisions, the rules that implement them and the tests that check them."""
    # From BILLTRACE_PROJECT, the configuration reads the variable itself and says so.
    given = ctx.get_parameter_source("project") == click.core.ParameterSource.COMMANDLINE
    ctx.obj = {"project": project if given else None}
