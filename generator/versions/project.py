"""The files of a project that ``migrate`` reads and edits, from one place.

``project_files`` is the only function that knows where they live: the project's
``Workspace`` (its ``[tool.billtrace]`` configuration).  The rules package is found by
its module name; the tests are the configured test paths less the excluded ones.  The
bill-neutral rule kit (``provisions.kit``) is no file of the project even where it stands
inside the rules package (as in this repository): its docstrings' examples name ids of no
bill, and ``migrate`` neither edits nor lists them.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import provisions.kit as rule_kit
from generator.project.workspace import Workspace

__all__ = ["ProjectFiles", "project_files"]


@dataclass(frozen=True, slots=True)
class ProjectFiles:
    """Where a project keeps its bill and everything that names the bill's provision ids."""

    root: Path
    bill: Path
    reviewed: Path
    provenance: Path
    rules: Path  # the rules package's folder
    tests: tuple[Path, ...]  # the test paths (files or folders) whose markers name the bill's ids
    exclude_tests: tuple[Path, ...]
    state: Path  # where reports and patches are written
    kit: tuple[Path, ...] = ()  # the folders of the bill-neutral rule kit: not the project's files

    def is_kit(self, path: Path) -> bool:
        """Whether ``path`` is a file of the rule kit rather than of the project."""
        resolved = path.resolve()
        return any(resolved.is_relative_to(folder) for folder in self.kit)

    def relative(self, path: Path) -> str:
        """``path`` as messages show it: relative to the root when inside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def project_files(workspace: Workspace) -> ProjectFiles:
    """The files of the project ``workspace`` describes."""
    rules = _package_folder(workspace)
    return ProjectFiles(root=workspace.root, bill=workspace.bill, reviewed=workspace.reviewed,
                        provenance=workspace.provenance, rules=rules,
                        tests=tuple(_resolved(workspace.root, p) for p in workspace.tests),
                        exclude_tests=tuple(_resolved(workspace.root, p) for p in workspace.exclude_tests),
                        state=workspace.state, kit=_kit_folders(workspace.rules, rules))


def _kit_folders(rules_package: str, rules: Path) -> tuple[Path, ...]:
    """Where the rule kit stands: where Python imports it from, and, when the rules package holds a
    package of the kit's name (``provisions`` holds ``provisions.kit``), that folder of the project."""
    folders = [Path(next(iter(rule_kit.__path__))).resolve()]
    if rule_kit.__name__.startswith(rules_package + "."):
        folders.append((rules / Path(*rule_kit.__name__[len(rules_package) + 1:].split("."))).resolve())
    return tuple(dict.fromkeys(folders))


def _resolved(root: Path, path: Path) -> Path:
    return (path if path.is_absolute() else root / path).resolve()


def _package_folder(workspace: Workspace) -> Path:
    """The folder of the rules package: under the root by its dotted name, else wherever Python finds it."""
    local = workspace.root / Path(*workspace.rules.split("."))
    if local.is_dir():
        return local.resolve()
    spec = importlib.util.find_spec(workspace.rules)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    return local
