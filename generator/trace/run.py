"""Run the law's tests under coverage with one context per test, into ``.billtrace/``.

The run is a subprocess: ``pytest`` over the project's ``tests`` with pytest-cov's
``--cov=PACKAGE --cov-context=test`` for each package ``coverage`` names (and ``--cov-branch``:
the branches each test took), and our plugin's
``--billtrace-results``.  It leaves out ``exclude-tests`` and the ``exclude-markers``
(for billtrace itself, the tooling tests: they build this very site, and would otherwise
count as measured evidence for provisions whose rules they merely call).

``collect_tests`` runs the same selection with ``--collect-only``: the tests and
their provision markers, without running them (``billtrace review`` needs to know
which tests are marked for which provision, not their outcomes).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coverage.exceptions import CoverageException

from generator.errors import CollectionError, SiteBuildError
from generator.project.workspace import Workspace
from generator.trace.fingerprint import current_fingerprint, with_outputs
from generator.trace.results import Results, TestResult, read_results

__all__ = ["TracedRun", "choosing", "collect_tests", "outcomes_counted", "run_traced", "selection"]

_ACCEPTED = (0, 1, 5)  # passed, some tests failed, no tests collected
_RUN_PREFIX = ".run-"


@dataclass(frozen=True, slots=True)
class TracedRun:
    """How the traced run ended, and what it recorded."""

    returncode: int
    seconds: float
    summary: str  # pytest's closing line
    results: Results

    @property
    def failures(self) -> tuple[TestResult, ...]:
        """The tests that failed, errored or passed when marked xfail."""
        return tuple(test for test in self.results.tests if test.failed)


def selection(workspace: Workspace) -> tuple[str, ...]:
    """pytest's arguments choosing the traced run's tests, from the project's configuration."""
    chosen = [workspace.relative(path) for path in workspace.tests]
    if workspace.exclude_markers:
        chosen += ["-m", " and ".join(f"not {marker}" for marker in workspace.exclude_markers)]
    chosen += [f"--ignore={workspace.relative(path)}" for path in workspace.exclude_tests]
    return tuple(chosen)


# pytest options that change only what its output shows, never which tests run or how: a run of
# the whole project with ``-v`` is still the project's whole run, not a selection of it.
_SHOWING = frozenset(("-q", "-qq", "-qqq", "-v", "-vv", "-vvv", "--verbose", "--quiet", "-l", "--showlocals",
                      "--no-header", "--no-summary"))
_SHOWING_PREFIXES = ("--tb=", "--color=", "--durations=", "--code-highlight=")


def choosing(options: Sequence[str]) -> tuple[str, ...]:
    """The ``options`` that choose or change the tests run: all but those that only change the output.

    >>> choosing(["-v", "-k", "widget", "--tb=short", "-x"])
    ('-k', 'widget', '-x')
    """
    return tuple(option for option in options
                 if option not in _SHOWING and not option.startswith(_SHOWING_PREFIXES))


def run_traced(workspace: Workspace, *, options: Sequence[str] = (), echo: Callable[[str], None] | None = None,
               cache: bool = False) -> TracedRun:
    """Run the tests with tracing; results, coverage and fingerprint go to ``workspace.state``.

    ``options`` are more pytest options (``-k EXPR``, ``-x``, ``--lf``, ``-v``); the fingerprint
    records them, so a run of a selection is never taken for the project's whole run.  ``echo``
    gets pytest's output line by line as it runs (progress); ``cache`` keeps pytest's cache
    (``--lf`` needs it).  The run writes into a folder of its own in the state folder; only a
    run pytest finished (every test passed, or some failed) replaces the last one there, file by
    file and the fingerprint last, so an interrupted or broken run never replaces a whole one.

    Raises:
        SiteBuildError: pytest could not run the tests (a collection or usage error,
            interrupted), or wrote no results; the last traced run is kept.
    """
    workspace.state.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(workspace.state)
    chosen = (*selection(workspace), *options)
    # Before the run: an edit during it makes it stale.
    fingerprint = current_fingerprint(workspace, (*selection(workspace), *choosing(options)))
    folder = Path(tempfile.mkdtemp(prefix=_RUN_PREFIX, dir=workspace.state))
    try:
        results_file, coverage_file = folder / "results.json", folder / "coverage"
        measured = [f"--cov={package}" for package in workspace.coverage_packages]
        quiet = [] if any(o in ("-v", "-q", "-vv", "-qq", "--verbose", "--quiet") for o in options) else ["-q"]
        command = [sys.executable, "-m", "pytest", *chosen, *quiet, *([] if cache else ["-p", "no:cacheprovider"]),
                   *measured, "--cov-branch", "--cov-context=test", "--cov-report=",
                   f"--billtrace-results={results_file}"]
        env = {**_environment(workspace), "COVERAGE_FILE": str(coverage_file)}
        started = time.perf_counter()
        returncode, output = _pytest(command, workspace.root, env, echo)
        seconds = time.perf_counter() - started
        summary = next((line for line in reversed(output) if line.strip()), "")
        if returncode not in _ACCEPTED:
            tail = "\n".join(output[-25:])
            raise SiteBuildError(f"the traced test run failed (pytest exit {returncode}); the last traced run "
                                 f"is kept:\n{tail}")
        if not results_file.is_file():
            raise SiteBuildError(f"the traced test run wrote no results in {workspace.relative(folder)} "
                                 f"(is the disk full?); the last traced run is kept")
        results = read_results(results_file)
        fingerprint_file = folder / "fingerprint.json"
        try:
            if not coverage_file.is_file():
                _empty_coverage(coverage_file)
            recorded = with_outputs(fingerprint, results_file, coverage_file)
            fingerprint_file.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        except (OSError, CoverageException) as error:  # a full disk: sqlite says so in its own words
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            raise SiteBuildError(f"{workspace.relative(workspace.state)}: cannot record the traced run: {reason}; "
                                 f"the last traced run is kept") from None
        workspace.fingerprint.unlink(missing_ok=True)  # from here until the last rename the state is stale
        os.replace(coverage_file, workspace.coverage)
        os.replace(results_file, workspace.results)
        os.replace(fingerprint_file, workspace.fingerprint)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return TracedRun(returncode, seconds, outcomes_counted(results) or summary.strip("= "), results)


_OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "not run")


def outcomes_counted(results: Results) -> str:
    """The run's tests counted by outcome, from its results (pytest's own closing line is not
    there with ``-qq``, and its last line is then a row of dots).

    >>> made = [TestResult(nodeid=f"t{n}", name="t", sentence="", outcome=o, duration=0.0, provisions=(),
    ...                    path="t.py", line=1) for n, o in enumerate(["passed", "failed", "passed", "error"])]
    >>> outcomes_counted(Results(tuple(made)))
    '2 passed, 1 failed, 1 error'
    """
    counts = Counter(test.outcome for test in results.tests)
    parts = [f"{counts[outcome]} {outcome}" for outcome in _OUTCOMES if counts[outcome]]
    parts += [f"{n} {outcome}" for outcome, n in sorted(counts.items()) if outcome not in _OUTCOMES]
    return ", ".join(parts)


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


def _pytest(command: list[str], root: Path, env: Mapping[str, str],
            echo: Callable[[str], None] | None) -> tuple[int, list[str]]:
    """Run pytest, passing each line of its output to ``echo`` as it comes; its exit status and output."""
    if echo is None:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=dict(env), check=False)
        return done.returncode, (done.stdout + done.stderr).strip().splitlines()
    lines: list[str] = []
    with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          env=dict(env), bufsize=1) as process:
        assert process.stdout is not None  # invariant: stdout=PIPE was asked for
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            echo(line.rstrip("\n"))
        returncode = process.wait()
    return returncode, lines


def _empty_coverage(path: Path) -> None:
    """A coverage data file that measured nothing (no test ran a measured line)."""
    from coverage import CoverageData

    CoverageData(basename=str(path)).write()
    if not path.is_file():
        path.write_bytes(b"")


def _remove_leftovers(state: Path) -> None:
    """The folders of runs that were killed before they finished."""
    for leftover in state.glob(f"{_RUN_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _environment(workspace: Workspace) -> dict[str, str]:
    """The environment of a pytest subprocess: the plugin checks markers against this workspace's bill."""
    return {**os.environ, "BILLTRACE_BILL": str(workspace.bill)}
