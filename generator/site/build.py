"""The whole site build: trace -> collect -> join -> render -> write -> mkdocs build -> check links.

Each step is a function of what the one before returned; everything is
gathered and rendered in memory before the first file is written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from generator.trace.collect import collect
from generator.errors import SiteBuildError
from generator.site.linkcheck import check_links
from generator.trace.matrix import Matrix, join
from generator.site.mkdocs_run import mkdocs_build
from generator.site.pages import render
from generator.trace.run import TracedRun, run_traced
from generator.project.workspace import Workspace
from generator.site.write import write_site

__all__ = ["BuildReport", "build_site"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: the traced run, the matrix, and the seconds each step took."""

    traced: TracedRun | None
    matrix: Matrix
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)


def build_site(workspace: Workspace, *, trace: bool = True, html: bool = True,
               progress: Callable[[str], None] = lambda _: None) -> BuildReport:
    """Build the site of ``workspace``.

    ``trace=False`` reuses the last traced run in ``.billtrace/``; ``html=False``
    stops after writing the Markdown sources.

    Raises:
        BillError: the bill cannot be parsed; a GeneratorError subclass when a
            step fails (no traced run, a malformed input, a failed mkdocs build).
    """
    seconds: dict[str, float] = {}

    def timed(name: str, step: Callable[[], T]) -> T:
        progress(name)
        started = time.perf_counter()
        value = step()
        seconds[name] = round(time.perf_counter() - started, 3)
        return value

    traced = timed("trace", lambda: run_traced(workspace)) if trace else None
    inputs = timed("collect", lambda: collect(workspace))
    matrix = timed("join", lambda: join(inputs))
    site = timed("render", lambda: render(matrix, inputs))
    timed("write", lambda: write_site(site, docs=workspace.docs, config=workspace.config))
    if html:
        timed("mkdocs", lambda: mkdocs_build(workspace.config))
        links = timed("links", lambda: check_links(workspace.build))
        if not links.ok:
            found = [*links.broken, *links.remote_loads]
            raise SiteBuildError(f"{len(found)} broken link(s) or remote load(s) in the built site:\n"
                                 + "\n".join(found[:20]))
    return BuildReport(traced, matrix, len(site.files), seconds)
