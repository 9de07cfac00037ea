"""``billtrace config``: the project's settings, each with the place it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.project.config import SETTINGS, load_config

__all__ = ["config_command"]


@click.command("config")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def config_command(ctx: click.Context, as_json: bool) -> None:
    """Show the project billtrace found, how it found it, and every setting with its source.

    A setting comes from the first of: a command-line option, a BILLTRACE_* variable,
    [tool.billtrace] in the project's pyproject.toml, the default.
    """
    obj = ctx.find_root().obj
    config = load_config(project=obj.get("project") if isinstance(obj, dict) else None)

    def shown(value: Any) -> Any:
        if isinstance(value, Path):
            return config.relative(value)
        if isinstance(value, tuple):
            return [shown(v) for v in value]
        return value

    if as_json:
        click.echo(json.dumps({
            "root": str(config.root), "pyproject": str(config.pyproject), "found_by": config.found_by,
            "settings": {key: {"value": shown(v.value), "source": v.source} for key, v in config.values.items()},
        }, indent=2, ensure_ascii=False))
        return
    lines = [f"project: {config.root}", f"found by: {config.found_by}", ""]
    width = max(len(key) for key in SETTINGS)
    for key, value in config.values.items():
        if key == "provenance" and value.value is None:
            value = type(value)(config.bill.parent / "provenance.toml", "default: beside the bill")
        text = shown(value.value)
        if isinstance(value.value, Path) and not value.value.exists():
            text = f"{text} (absent)"
        if isinstance(text, list):
            text = ", ".join(text) if text else "(none)"
        lines.append(f"{key:<{width}}  {text if text is not None else '(none)'}  [{value.source}]")
    click.echo("\n".join(lines))
