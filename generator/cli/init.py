"""``billtrace init DIR --bill FILE``: start a billtrace project for any bill in the GPO layout."""

from __future__ import annotations

from pathlib import Path

import click

from generator.project.scaffold import init_project

__all__ = ["init_command"]


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
    modules = f"{len(made.modules)} section module{'s' if len(made.modules) != 1 else ''}"
    click.echo(f"made {made.root}: {modules} in {made.package}/, none with a rule yet.\n"
               f"next: cd {made.root} && billtrace coverage   (see README.md there)")
