"""Run the law's tests under coverage with one context per test, into ``.billtrace/``.

The run is a subprocess: ``pytest`` with pytest-cov's ``--cov=provisions
--cov-context=test`` and our plugin's ``--billtrace-results``.  It leaves out the
tooling tests (``tests/site``, ``tests/generator``) and anything marked ``site``
or ``e2e``: they build this very site, and would otherwise count as measured
evidence for provisions whose rules they merely call.

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
from generator.results import Results, read_results
from generator.workspace import Workspace

__all__ = ["SELECTION", "TracedRun", "collect_tests", "run_traced"]

SELECTION = ("tests", "-m", "not site and not e2e", "--ignore=tests/site", "--ignore=tests/generator")
_ACCEPTED = (0, 1, 5)  # passed, some tests failed, no tests collected


@dataclass(frozen=True, slots=True)
class TracedRun:
    """How the traced run ended."""

    returncode: int
    seconds: float
    summary: str  # pytest's closing line


def run_traced(workspace: Workspace, *, selection: Sequence[str] = SELECTION) -> TracedRun:
    """Run the tests with tracing; results and coverage go to ``workspace.state``.

    Raises:
        SiteBuildError: pytest could not run the tests (a collection or usage error).
    """
    workspace.state.mkdir(parents=True, exist_ok=True)
    workspace.coverage.unlink(missing_ok=True)
    command = [sys.executable, "-m", "pytest", *selection, "-q", "-p", "no:cacheprovider",
               "--cov=provisions", "--cov-context=test", "--cov-report=",
               f"--billtrace-results={workspace.results}"]
    env = {**os.environ, "COVERAGE_FILE": str(workspace.coverage)}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=workspace.root, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    output = (done.stdout + done.stderr).strip().splitlines()
    summary = next((line for line in reversed(output) if line.strip()), "")
    if done.returncode not in _ACCEPTED:
        tail = "\n".join(output[-25:])
        raise SiteBuildError(f"the traced test run failed (pytest exit {done.returncode}):\n{tail}")
    return TracedRun(done.returncode, seconds, summary.strip("= "))


def collect_tests(workspace: Workspace, *, selection: Sequence[str] = SELECTION) -> Results:
    """The tests of the traced run's selection with their provision markers, collected but not run
    (each with the outcome ``not run``).

    Raises:
        CollectionError: pytest could not collect them; the message ends with its output.
    """
    with tempfile.TemporaryDirectory(prefix="billtrace-collect-") as folder:
        target = Path(folder, "results.json")
        command = [sys.executable, "-m", "pytest", *selection, "--collect-only", "-q", "-p", "no:cacheprovider",
                   f"--billtrace-results={target}"]
        done = subprocess.run(command, cwd=workspace.root, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 5) or not target.is_file():
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
            raise CollectionError(f"pytest could not collect the tests (exit {done.returncode}):\n{tail}")
        return read_results(target)
