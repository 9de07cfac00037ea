"""The files of a project that ``migrate`` reads and edits, from one place.

``project_files`` is the only function that knows where they live (today through
``generator.workspace.Workspace``); re-pointing it at another configuration changes
nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.workspace import Workspace

__all__ = ["ProjectFiles", "project_files"]


@dataclass(frozen=True, slots=True)
class ProjectFiles:
    """Where a project keeps its bill and everything that names the bill's provision ids."""

    root: Path
    bill: Path
    reviewed: Path
    provenance: Path
    rules: Path  # the rules package's folder
    tests: Path
    state: Path  # where reports and patches are written

    def relative(self, path: Path) -> str:
        """``path`` as messages show it: relative to the root when inside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def project_files(workspace: Workspace | None = None) -> ProjectFiles:
    """The project around the working directory (or ``workspace``)."""
    space = workspace or Workspace.from_environment()
    return ProjectFiles(root=space.root, bill=space.bill, reviewed=space.reviewed, provenance=space.provenance,
                        rules=space.root / "provisions", tests=space.root / "tests", state=space.state)
