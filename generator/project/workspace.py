"""Where billtrace reads a project's inputs and writes its outputs, from its configuration."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.project.config import Config, load_config, shown_path

__all__ = ["Workspace"]


@dataclass(frozen=True, slots=True)
class Workspace:
    """The paths and names of one project, every one resolved.

    ``state`` (``.billtrace/``) holds the last traced test run: ``results.json`` from our
    pytest plugin and ``coverage`` from coverage.py.  ``site`` holds the generated Markdown
    (``docs/``), ``mkdocs.yml`` and the built HTML (``build/``).  ``reviewed`` records the
    words each tracked provision had when its rules and tests were last reviewed (see
    ``generator.trace.review``); ``provenance`` where each provision's words come from.
    """

    root: Path
    bill: Path
    state: Path
    site: Path
    reviewed: Path
    provenance: Path
    rules: str  # the rules package, by module name
    tests: tuple[Path, ...] = ()
    exclude_tests: tuple[Path, ...] = ()
    exclude_markers: tuple[str, ...] = ()
    coverage_packages: tuple[str, ...] = ()
    verified_share: float = 0
    verified_branch_share: float = 0
    versions: tuple[Path, ...] = ()

    @classmethod
    def from_config(cls, config: Config, **moved: Path | None) -> Workspace:
        """The workspace ``config`` describes; keyword arguments move single paths elsewhere."""
        space = cls(
            root=config.root,
            bill=config.bill,
            state=Path(config["state"]),
            site=Path(config["site"]),
            reviewed=Path(config["reviewed"]),
            # No setting: provenance.toml beside the bill, read as "not recorded" when absent.
            provenance=Path(config["provenance"] or config.bill.parent / "provenance.toml"),
            rules=config.rules,
            tests=tuple(config["tests"]),
            exclude_tests=tuple(config["exclude-tests"]),
            exclude_markers=tuple(config["exclude-markers"]),
            coverage_packages=tuple(config["coverage"]),
            verified_share=float(config["verified-share"]),
            verified_branch_share=float(config["verified-branch-share"]),
            versions=tuple(config["versions"]),
        )
        changes = {name: path.resolve() for name, path in moved.items() if path is not None}
        if "bill" in changes and "provenance" not in changes:
            changes["provenance"] = changes["bill"].parent / "provenance.toml"  # another bill, its own table
        return dataclasses.replace(space, **changes) if changes else space  # type: ignore[arg-type]

    @classmethod
    def at(cls, root: Path, **moved: Path | None) -> Workspace:
        """The workspace of the project at ``root``, ignoring the environment (for tests and benchmarks)."""
        return cls.from_config(load_config(project=str(root), environ={}), **moved)

    @classmethod
    def discover(cls, *, project: str | None = None, options: Mapping[str, str | None] | None = None) -> Workspace:
        """The workspace of the project around the working directory (see ``generator.project.config``).

        Raises:
            NotInProjectError: no project at or above the working directory.
            ConfigurationError: its ``[tool.billtrace]`` table is malformed.
        """
        return cls.from_config(load_config(project=project, options=options))

    def relative(self, path: Path) -> str:
        """``path`` as messages and pages show it: relative to the root when it is inside it."""
        return shown_path(path, self.root)

    @property
    def results(self) -> Path:
        """The results file our pytest plugin writes for a traced run."""
        return self.state / "results.json"

    @property
    def coverage(self) -> Path:
        """The coverage.py data file of the traced run (one context per test)."""
        return self.state / "coverage"

    @property
    def fingerprint(self) -> Path:
        """What the traced run ran against (``generator.trace.fingerprint``)."""
        return self.state / "fingerprint.json"

    @property
    def lock(self) -> Path:
        """The lock a traced run or a build holds; it holds the holder's pid."""
        return self.state / "lock"

    @property
    def docs(self) -> Path:
        """The generated Markdown pages and assets."""
        return self.site / "docs"

    @property
    def config(self) -> Path:
        """The generated ``mkdocs.yml``."""
        return self.site / "mkdocs.yml"

    @property
    def build(self) -> Path:
        """The built HTML site."""
        return self.site / "build"
