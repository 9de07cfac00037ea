"""``billtrace parse FILE``: the provision tree as an outline or as JSON."""

from __future__ import annotations

import json

import click

from grammar import bill_to_dict, parse_file
from grammar.model import Bill, Provision

__all__ = ["parse_command", "render_outline"]


@click.command("parse")
@click.argument("path", metavar="[FILE]", required=False, type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--format", "output_format", type=click.Choice(["outline", "json"]), default="outline",
    show_default=True, help="outline: one line per provision; json: the whole tree and its layers.",
)
@click.option("--strict", is_flag=True, help="Treat diagnostics (unresolved citations ...) as errors.")
def parse_command(path: str | None, output_format: str, strict: bool) -> None:
    """Parse a bill in the GPO plain-text layout (default: the project's) and print its provisions."""
    if path is None:
        from generator.cli.context import workspace_of

        path = workspace_of().relative(workspace_of().bill)
    bill = parse_file(path, strict=strict)
    if output_format == "json":
        click.echo(json.dumps(bill_to_dict(bill), indent=2, ensure_ascii=False))
    else:
        click.echo(render_outline(bill))
        for diagnostic in bill.diagnostics:
            click.echo(f"{path}:{diagnostic.line}:{diagnostic.column}: warning: "
                       f"{diagnostic.message} [{diagnostic.code}]", err=True)


def render_outline(bill: Bill) -> str:
    """One line per provision, indented by depth: id, then heading (or the first words)."""
    meta = bill.meta
    title = " ".join(part for part in (meta.citation, f"({meta.version})" if meta.version else None,
                                       meta.short_title or meta.long_title) if part)
    lines = [title] if title else []

    def visit(provision: Provision, depth: int) -> None:
        label = provision.heading or _first_words(provision.text)
        lines.append(f"{'  ' * depth}{provision.id}  {label}".rstrip())
        for child in provision.children:
            visit(child, depth + 1)

    for top in bill.provisions:
        visit(top, 0)
    return "\n".join(lines)


def _first_words(text: str, limit: int = 60) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " ..."
