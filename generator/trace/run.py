"""Run the law's tests under coverage with one context per test, into ``.billtrace/``.

The run is a subprocess: ``pytest`` over the project's ``tests`` with pytest-cov's
``--cov=PACKAGE --cov-context=test`` for each package ``coverage`` names, and our plugin's
``--billtrace-results``.  It leaves out ``exclude-tests`` and the ``exclude-markers``
(for billtrace itself, the tooling tests: they build this very site, and would otherwise
count as measured evidence for provisions whose rules they merely call).

``collect_tests`` runs the same selection with ``--collect-only``: the tests and
their provision markers, without running them (``billtrace review`` needs to know
which tests are marked for which provision, not their outcomes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CollectionError, SiteBuildError
from generator.project.workspace import Workspace
from generator.trace.results import Results, read_results

__all__ = ["TracedRun", "collect_tests", "run_traced", "selection"]

_ACCEPTED = (0, 1, 5)  # passed, some tests failed, no tests collected


@dataclass(frozen=True, slots=True)
class TracedRun:
    """How the traced run ended."""

    returncode: int
    seconds: float
    summary: str  # pytest's closing line


def selection(workspace: Workspace) -> tuple[str, ...]:
    """pytest's arguments choosing the traced run's tests, from the project's configuration."""
    chosen = [workspace.relative(path) for path in workspace.tests]
    if workspace.exclude_markers:
        chosen += ["-m", " and ".join(f"not {marker}" for marker in workspace.exclude_markers)]
    chosen += [f"--ignore={workspace.relative(path)}" for path in workspace.exclude_tests]
    return tuple(chosen)


def run_traced(workspace: Workspace, *, tests: Sequence[str] | None = None) -> TracedRun:
    """Run the tests with tracing; results and coverage go to ``workspace.state``.

    Raises:
        SiteBuildError: pytest could not run the tests (a collection or usage error).
    """
    workspace.state.mkdir(parents=True, exist_ok=True)
    workspace.coverage.unlink(missing_ok=True)
    chosen = selection(workspace) if tests is None else tuple(tests)
    measured = [f"--cov={package}" for package in workspace.coverage_packages]
    command = [sys.executable, "-m", "pytest", *chosen, "-q", "-p", "no:cacheprovider",
               *measured, "--cov-context=test", "--cov-report=",
               f"--billtrace-results={workspace.results}"]
    env = {**_environment(workspace), "COVERAGE_FILE": str(workspace.coverage)}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=workspace.root, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    output = (done.stdout + done.stderr).strip().splitlines()
    summary = next((line for line in reversed(output) if line.strip()), "")
    if done.returncode not in _ACCEPTED:
        tail = "\n".join(output[-25:])
        raise SiteBuildError(f"the traced test run failed (pytest exit {done.returncode}):\n{tail}")
    return TracedRun(done.returncode, seconds, summary.strip("= "))


def collect_tests(workspace: Workspace, *, tests: Sequence[str] | None = None) -> Results:
    """The tests of the traced run's selection with their provision markers, collected but not run
    (each with the outcome ``not run``).

    Raises:
        CollectionError: pytest could not collect them; the message ends with its output.
    """
    with tempfile.TemporaryDirectory(prefix="billtrace-collect-") as folder:
        target = Path(folder, "results.json")
        chosen = selection(workspace) if tests is None else tuple(tests)
        command = [sys.executable, "-m", "pytest", *chosen, "--collect-only", "-q", "-p", "no:cacheprovider",
                   f"--billtrace-results={target}"]
        done = subprocess.run(command, cwd=workspace.root, capture_output=True, text=True, check=False,
                              env=_environment(workspace))
        if done.returncode not in (0, 5) or not target.is_file():
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
            raise CollectionError(f"pytest could not collect the tests (exit {done.returncode}):\n{tail}")
        return read_results(target)


def _environment(workspace: Workspace) -> dict[str, str]:
    """The environment of a pytest subprocess: the plugin checks markers against this workspace's bill."""
    return {**os.environ, "BILLTRACE_BILL": str(workspace.bill)}
