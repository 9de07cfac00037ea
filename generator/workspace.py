"""Where billtrace reads its inputs and writes its outputs, relative to the repository root."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_BILL", "DEFAULT_REVIEWED", "Workspace", "find_root"]

DEFAULT_BILL = "statute/s2839-is.txt"
DEFAULT_REVIEWED = "provisions/reviewed-text.toml"


@dataclass(frozen=True, slots=True)
class Workspace:
    """The paths of one checkout.

    ``state`` (``.billtrace/``) holds the last traced test run: ``results.json``
    from our pytest plugin and ``coverage`` from coverage.py.  ``site`` holds the
    generated Markdown (``docs/``), ``mkdocs.yml`` and the built HTML (``build/``).
    ``reviewed`` (``provisions/reviewed-text.toml``) records the words each tracked
    provision had when its rules and tests were last reviewed (see ``generator.review``).
    """

    root: Path
    bill: Path
    state: Path
    site: Path
    reviewed: Path

    @classmethod
    def at(cls, root: Path, *, bill: Path | None = None, state: Path | None = None,
           site: Path | None = None, reviewed: Path | None = None) -> Workspace:
        """The workspace of the checkout at ``root``; each part may be moved elsewhere."""
        root = root.resolve()
        return cls(
            root=root,
            bill=(bill if bill is not None else root / DEFAULT_BILL).resolve(),
            state=(state if state is not None else root / ".billtrace").resolve(),
            site=(site if site is not None else root / "site").resolve(),
            reviewed=(reviewed if reviewed is not None else root / DEFAULT_REVIEWED).resolve(),
        )

    @classmethod
    def from_environment(cls) -> Workspace:
        """The workspace of the checkout around the working directory.

        ``BILLTRACE_STATE`` and ``BILLTRACE_SITE``, when set, move the traced run
        and the site elsewhere (tests and benchmarks use them); ``BILLTRACE_BILL``
        and ``BILLTRACE_REVIEWED`` read another bill and another reviewed-text file
        (to try a change of the words on a copy of the text).
        """
        def moved(variable: str) -> Path | None:
            value = os.environ.get(variable)
            return Path(value) if value else None

        return cls.at(find_root(), bill=moved("BILLTRACE_BILL"), state=moved("BILLTRACE_STATE"),
                      site=moved("BILLTRACE_SITE"), reviewed=moved("BILLTRACE_REVIEWED"))

    def relative(self, path: Path) -> str:
        """``path`` as messages and pages show it: relative to the root when it is inside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @property
    def provenance(self) -> Path:
        """``provenance.toml`` beside the bill: which words are official, which drafted."""
        return self.bill.parent / "provenance.toml"

    @property
    def results(self) -> Path:
        """The results file our pytest plugin writes for a traced run."""
        return self.state / "results.json"

    @property
    def coverage(self) -> Path:
        """The coverage.py data file of the traced run (one context per test)."""
        return self.state / "coverage"

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


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` (default: the working directory) with a
    ``pyproject.toml`` and a ``statute/`` folder; ``start`` itself if there is none."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "pyproject.toml").is_file() and (candidate / "statute").is_dir():
            return candidate
    return here
