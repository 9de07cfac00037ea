"""The whole site build: trace -> collect -> join -> render -> write -> mkdocs build -> check links.

Each step is a function of what the one before returned; everything is
gathered and rendered in memory before the first file is written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from generator.errors import ResultsError, ResultsMissingError, SiteBuildError
from generator.project.lock import holding_lock
from generator.project.workspace import Workspace
from generator.site.linkcheck import check_links
from generator.site.mkdocs_run import mkdocs_build
from generator.site.pages import render
from generator.site.stamp import build_stamp
from generator.site.write import exchange, staging, write_site
from generator.trace.collect import collect
from generator.trace.fingerprint import require_current
from generator.trace.matrix import Matrix, join
from generator.trace.results import TestResult
from generator.trace.run import TracedRun, run_traced, selection
from provisions.kit.wording import counted

__all__ = ["BuildReport", "build_site"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: the traced run, the matrix, and the seconds each step took."""

    traced: TracedRun | None
    matrix: Matrix
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)
    failures: tuple[TestResult, ...] = ()  # the tests of the run the site shows that failed or errored


def build_site(workspace: Workspace, *, trace: bool = True, html: bool = True,
               progress: Callable[[str], None] = lambda _: None) -> BuildReport:
    """Build the site of ``workspace``.

    ``trace=True`` runs the tests with tracing unless the last traced run ran against the
    checkout as it stands (its fingerprint matches: nothing to re-run); ``trace=False``
    reuses the last traced run, and refuses a stale one.  ``html=False`` stops after
    writing the Markdown sources.  The build holds the project's lock, builds in a staging
    folder and swaps the result in whole (``generator.site.write``).

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

    with holding_lock(workspace.lock, waiting=progress):
        traced: TracedRun | None = None
        if trace and _stale(workspace):
            traced = timed("trace", lambda: run_traced(workspace))
        elif trace:
            progress("trace skipped: nothing the traced run ran against changed since it ran")
        inputs = timed("collect", lambda: collect(workspace))
        matrix = timed("join", lambda: join(inputs))
        if matrix.problems:
            name = "names" if len(matrix.problems) == 1 else "name"
            raise SiteBuildError(f"{counted(len(matrix.problems), 'declaration')} {name} what the bill lacks:\n"
                                 + "\n".join(matrix.problems[:20]))
        site = timed("render", lambda: render(matrix, inputs))
        with staging(workspace.site) as folder:
            docs, config, build = folder / "docs", folder / "mkdocs.yml", folder / "build"
            timed("write", lambda: write_site(site, docs=docs, config=config))
            if html:
                stamp = build_stamp(workspace.root, inputs.bill.meta)
                timed("mkdocs", lambda: mkdocs_build(config, site_dir=build, stamp=stamp))
                links = timed("links", lambda: check_links(build))
                if not links.ok:
                    found = [*links.broken, *links.remote_loads]
                    what = "link or remote load" if len(found) == 1 else "links or remote loads"
                    raise SiteBuildError(f"{len(found)} broken {what} in the built site:\n"
                                         + "\n".join(found[:20]))
                exchange(build, workspace.build)
            exchange(docs, workspace.docs)
            os.replace(config, workspace.config)
    failures = tuple(test for test in inputs.results.tests if test.failed)
    return BuildReport(traced, matrix, len(site.files), seconds, failures)


def _stale(workspace: Workspace) -> bool:
    """True when the last traced run is missing or ran against other inputs than the checkout's."""
    try:
        require_current(workspace, selection(workspace))
    except ResultsError:
        return True
    except ResultsMissingError:
        return True
    return False
