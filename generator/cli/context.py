"""What every command finds the same way: the project's workspace, from ``--project`` and the configuration."""

from __future__ import annotations

from collections.abc import Mapping

import click

from generator.project.workspace import Workspace

__all__ = ["workspace_of"]


def workspace_of(ctx: click.Context | None = None, *, options: Mapping[str, str | None] | None = None) -> Workspace:
    """The workspace of the project the command runs in.

    Raises:
        NotInProjectError: not inside a project; the group turns it into one line and exit 2.
    """
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    project = root.obj.get("project") if isinstance(root.obj, dict) else None
    return Workspace.discover(project=project, options=options)
