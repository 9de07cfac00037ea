"""Our pytest plugin: checks every ``provision`` marker against the bill and records each test.

Loaded by ``-p generator.trace.pytest_plugin`` (pyproject's ``addopts``), so every
plain ``pytest`` run checks the markers: a marker naming a provision the bill
does not have stops the run at collection with one message per bad marker,
naming the test, the id and the closest ids that exist.

With ``--billtrace-results PATH`` it also writes, at the end of the session and
atomically, each test's outcome, duration, declared provisions and name as a
sentence (see ``generator.trace.results``).  ``billtrace test`` and ``billtrace
build`` pass it, together with coverage.py's per-test contexts.

The bill is the project's (``[tool.billtrace] bill`` of the pyproject.toml at the
rootdir; ``BILLTRACE_BILL`` overrides it, as for every command).  Tests get that same
bill from the session fixtures ``billtrace_bill`` (the parsed ``Bill``) and
``billtrace_bill_path`` (its file): a traced run points ``BILLTRACE_BILL`` at the copy of
the words it records, so a test that read ``statute/`` itself would test other words than
the ones its status is shown against.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.trace.results import Results, TestResult, sentence_for, write_results
from grammar.errors import close_ids

if TYPE_CHECKING:
    from grammar import Bill

__all__ = ["billtrace_bill", "billtrace_bill_path", "check_markers", "first_message", "outcome_of"]

_BILL_KEY = pytest.StashKey["Bill"]()

# Ids go missing most often when a new text renumbers its units: say how to move them along.
_RENUMBERED = ("if the bill's text was replaced by one that numbers its provisions otherwise, "
               "`billtrace migrate NEW --from OLD` moves the ids of the rules, tests and reviews to it")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("billtrace")
    group.addoption("--billtrace-results", metavar="PATH", default=None,
                    help="write each test's outcome, duration and provisions to PATH (JSON).")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Recorder(), "billtrace-recorder")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Stop the run when a provision marker is malformed or names an unknown provision."""
    marked = [(item, _marker_ids(item)) for item in items]
    if not any(ids for _, ids in marked):
        return
    known = _known_ids(config)
    problems = check_markers(((item.nodeid, ids) for item, ids in marked), known)
    if problems:
        if any("unknown provision id" in problem for problem in problems) and _renumbered(config, known):
            problems.append(_RENUMBERED)
        raise pytest.UsageError("\n".join(problems))


def check_markers(marked: Any, known: frozenset[str]) -> list[str]:
    """One message per marker id (in ``marked``: pairs of node id and ids) that ``known`` lacks.

    >>> check_markers([("t.py::test_a", ["s4_b_1"])], frozenset({"s4_b", "s4_b_1"}))
    []
    """
    problems = []
    for nodeid, ids in marked:
        for provision_id in ids:
            if not isinstance(provision_id, str) or not provision_id:
                problems.append(f"{nodeid}: the provision marker needs provision ids as strings, "
                                f"got {provision_id!r}")
            elif provision_id not in known:
                close = close_ids(provision_id, sorted(known))
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                problems.append(f"{nodeid}: unknown provision id {provision_id!r} in "
                                f"@pytest.mark.provision{hint}")
    return problems


def outcome_of(report: pytest.TestReport) -> str | None:
    """The outcome a report gives its test, or None for a phase that says nothing new."""
    xfail = hasattr(report, "wasxfail")
    if report.when == "call":
        if report.passed:
            return "xpassed" if xfail else "passed"
        if report.failed:
            return "failed"
        return "xfailed" if xfail else "skipped"
    if report.failed:
        return "error"
    if report.skipped:
        return "xfailed" if xfail else "skipped"
    return None


def first_message(report: pytest.TestReport) -> str:
    """The first line of what a failed report says: the assertion (``assert 1 == 2``) or the error."""
    crash = getattr(report.longrepr, "reprcrash", None)
    text = str(getattr(crash, "message", "") or report.longreprtext or "")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:500]


class _Recorder:
    """Collects each test's outcome and duration; writes them when asked to."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.durations: dict[str, float] = {}
        self.messages: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.durations[report.nodeid] = self.durations.get(report.nodeid, 0.0) + report.duration
        if report.failed and report.nodeid not in self.messages:
            self.messages[report.nodeid] = first_message(report)
        phase = outcome_of(report)
        if phase is None or (report.when == "teardown" and phase != "error"):
            return
        if report.when == "call" or phase == "error" or report.nodeid not in self.outcomes:
            self.outcomes[report.nodeid] = phase

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        target = session.config.getoption("billtrace_results")
        if not target:
            return
        tests = []
        for item in session.items:
            path, line, _ = item.location
            doc = getattr(getattr(item, "obj", None), "__doc__", None)
            tests.append(TestResult(
                nodeid=item.nodeid,
                name=item.name,
                sentence=sentence_for(item.name, doc),
                outcome=self.outcomes.get(item.nodeid, "not run"),
                duration=self.durations.get(item.nodeid, 0.0),
                provisions=tuple(dict.fromkeys(_marker_ids(item))),
                path=path,
                line=(line or 0) + 1,
                message=self.messages.get(item.nodeid, ""),
            ))
        write_results(Path(session.config.rootpath, target), Results(tuple(tests)))


def _marker_ids(item: pytest.Item) -> list[Any]:
    ids: list[Any] = []
    for marker in item.iter_markers("provision"):
        ids.extend(marker.args if marker.args else [None])
    return ids


@pytest.fixture(scope="session")
def billtrace_bill_path(pytestconfig: pytest.Config) -> Path:
    """The file of the project's bill: the words this run's statuses are shown against."""
    return _bill_path(pytestconfig)


@pytest.fixture(scope="session")
def billtrace_bill(pytestconfig: pytest.Config) -> Bill:
    """The project's bill, parsed once a session: the one the provision markers were checked against."""
    return _project_bill(pytestconfig, "cannot read the project's bill")


def _bill_path(config: pytest.Config) -> Path:
    from generator.project.config import load_config
    from grammar import BilltraceError

    try:
        return load_config(project=str(config.rootpath)).bill
    except BilltraceError as error:
        raise pytest.UsageError(f"cannot find the project's bill: {error}") from None


def _project_bill(config: pytest.Config, failing: str) -> Bill:
    from grammar import BilltraceError, parse_file

    if _BILL_KEY not in config.stash:
        try:
            config.stash[_BILL_KEY] = parse_file(_bill_path(config))
        except BilltraceError as error:
            raise pytest.UsageError(f"{failing}: {error}") from None
    return config.stash[_BILL_KEY]


def _renumbered(config: pytest.Config, known: frozenset[str]) -> bool:
    """Whether the reviewed-text file has entries the bill no longer has: a sign that the text was
    replaced by one that numbers its provisions otherwise (a typo in a marker is not)."""
    from generator.project.config import load_config
    from generator.trace.review import read_reviewed
    from grammar import BilltraceError

    try:
        reviewed = read_reviewed(Path(load_config(project=str(config.rootpath))["reviewed"]))
    except BilltraceError:
        return False  # the hint is a courtesy: a reviewed file that cannot be read says so elsewhere
    return any(entry_id not in known for entry_id in reviewed.entries)


def _known_ids(config: pytest.Config) -> frozenset[str]:
    return _project_bill(config, "cannot check provision markers").ids
