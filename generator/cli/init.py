"""``billtrace init DIR --bill FILE``: start a billtrace project for any bill in the GPO layout."""

from __future__ import annotations

from pathlib import Path

import click

from generator.project.scaffold import init_project
from provisions.kit.wording import counted

__all__ = ["init_command"]

_SHOWN = 10  # diagnostics of the bill listed one by one


@click.command("init")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--bill", "bill", required=True, metavar="FILE", type=click.Path(path_type=Path, dir_okay=False),
              help="The bill, in the GPO plain-text layout.")
@click.option("--package", default="rules", show_default=True, metavar="NAME", help="The rules package's name.")
def init_command(directory: Path, bill: Path, package: str) -> None:
    """Make DIR a billtrace project for the bill in FILE.

    DIR gets pyproject.toml with [tool.billtrace], the bill under statute/, a rules package
    with one module per section (docstrings quoting the words, nothing declared yet), a
    tests folder with one example test, and a README saying what to do next.
    """
    made = init_project(directory, bill, package=package)
    # A damaged or misread text is worth knowing about before rules are written against it.
    for diagnostic in made.diagnostics[:_SHOWN]:
        click.echo(f"{bill}:{diagnostic.line}:{diagnostic.column}: warning: {diagnostic.message} "
                   f"[{diagnostic.code}]", err=True)
    if len(made.diagnostics) > _SHOWN:
        click.echo(f"warning: {counted(len(made.diagnostics) - _SHOWN, 'more diagnostic')} of the bill "
                   f"(`billtrace parse {bill}` lists them all)", err=True)
    modules = f"{len(made.modules)} section module{'s' if len(made.modules) != 1 else ''}"
    click.echo(f"made {made.root}: {modules} in {made.package}/, none with a rule yet.\n"
               f"next: cd {made.root} && billtrace coverage   (see README.md there)")
