"""Measured links: which test executed which lines of which rule, read from coverage.py's contexts.

The traced run records one coverage context per test (pytest-cov's
``--cov-context=test``: the node id, suffixed ``|setup``, ``|run`` or
``|teardown``).  A rule counts as executed by a test when the test ran at least
one statement of the rule's *body*: the ``def`` line and decorators run when the
module is imported, and the docstring is no statement, so neither counts.

With branch measurement (``--cov-branch``: the traced run always asks for it) coverage.py
records arcs, and each rule also carries its *branches*: the arcs out of the lines of its body
that have more than one way on (an ``if``, a loop, a ``match``), as coverage.py's parser gives
them, and the ones each test took.
"""

from __future__ import annotations

import ast
import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from generator.errors import ResultsError, ResultsMissingError
from provisions.kit import Rule

if TYPE_CHECKING:
    from coverage import CoverageData

__all__ = ["Arc", "RuleCoverage", "arc_text", "body_statements", "coverage_figure", "measure"]

_PHASES = ("|setup", "|run", "|teardown")

Arc = tuple[int, int]  # (from line, to line); a negative "to" leaves the function
_NO_ARCS: Mapping[str, tuple[Arc, ...]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class RuleCoverage:
    """The statements of one rule's body and the tests that executed them."""

    rule: str
    statements: tuple[int, ...]  # first lines of the body's statements, in the source file
    executed_by: Mapping[str, tuple[int, ...]]  # test node id -> statements it executed
    branches: tuple[Arc, ...] | None = None  # the body's branch arcs; None: the run recorded no arcs
    # test node id -> the branch arcs it took
    branches_by: Mapping[str, tuple[Arc, ...]] = dataclasses.field(default_factory=lambda: _NO_ARCS)

    @property
    def figure(self) -> str:
        """``2 of 3 statements, 1 of 2 branches executed by tests``."""
        return coverage_figure(len(self.statements), len(self.executed),
                               None if self.branches is None else len(self.branches), len(self.branches_taken))

    @property
    def branches_taken(self) -> tuple[Arc, ...]:
        """The branch arcs some test took."""
        return tuple(sorted({arc for arcs in self.branches_by.values() for arc in arcs}))

    @property
    def branches_missed(self) -> tuple[Arc, ...]:
        """The branch arcs no test took (none when branches were not measured)."""
        taken = set(self.branches_taken)
        return tuple(arc for arc in self.branches or () if arc not in taken)

    @property
    def executed(self) -> tuple[int, ...]:
        """The statements some test executed."""
        return tuple(sorted({line for lines in self.executed_by.values() for line in lines}))

    @property
    def missed(self) -> tuple[int, ...]:
        """The statements no test executed."""
        done = set(self.executed)
        return tuple(line for line in self.statements if line not in done)


def body_statements(source: str, line_start: int, line_end: int) -> dict[int, int]:
    """Map each line of a function's body statements to the statement's first line.

    ``line_start``/``line_end`` are the function's lines (decorators included), as
    ``inspect.getsourcelines`` gives them.  Lines of a statement's header (a
    multi-line call, an ``if`` whose test spans lines) map to its first line; the
    docstring, the ``def`` line and the decorators are left out.
    """
    tree = ast.parse(source)
    function = _find_function(tree, line_start, line_end)
    if function is None:
        return {}
    body = list(function.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    mapping: dict[int, int] = {}
    for node in _statements(body):
        first = node.lineno
        children = getattr(node, "body", None)
        if isinstance(children, list) and children and isinstance(children[0], ast.AST):
            last = max(first, getattr(children[0], "lineno", first) - 1)
        else:
            last = node.end_lineno or first
        for line in range(first, last + 1):
            mapping[line] = first  # statements come outermost first: the innermost wins
    return mapping


def measure(coverage_file: Path, rules: Iterable[Rule], root: Path) -> dict[str, RuleCoverage]:
    """For each rule, the tests that executed its body and the statements they ran.

    Raises:
        ResultsMissingError: there is no coverage data file.
        ResultsError: the file is not coverage.py data with per-test contexts.
    """
    from coverage import CoverageData
    from coverage.exceptions import CoverageException

    if not coverage_file.is_file():
        raise ResultsMissingError(f"no coverage data at {coverage_file}")
    data = CoverageData(basename=str(coverage_file), read_only=True)
    try:
        data.read()
        measured = {os.path.realpath(name): name for name in data.measured_files()}
    except (CoverageException, OSError, ValueError) as error:
        raise ResultsError(f"{coverage_file} is not coverage.py data: {error}") from None

    by_file: dict[str, list[Rule]] = {}
    for rule in rules:
        by_file.setdefault(os.path.realpath(root / rule.path), []).append(rule)

    result: dict[str, RuleCoverage] = {}
    try:
        with_arcs = data.has_arcs()
        for real, file_rules in sorted(by_file.items()):
            source = Path(real).read_text(encoding="utf-8")
            contexts = data.contexts_by_lineno(measured[real]) if real in measured else {}
            branching = _Branches(source, real, data, measured.get(real)) if with_arcs else None
            for rule in file_rules:
                mapping = body_statements(source, rule.line_start, rule.line_end)
                statements = set(mapping.values())
                executed: dict[str, set[int]] = {}
                names_of: dict[str, set[str]] = {}
                for line, names in contexts.items():
                    statement = mapping.get(line)
                    if statement is None:
                        continue
                    for name in names:
                        nodeid = _nodeid(name)
                        if nodeid:
                            executed.setdefault(nodeid, set()).add(statement)
                            names_of.setdefault(nodeid, set()).add(name)
                branches, taken = None, _NO_ARCS
                if branching is not None:
                    branches = branching.possible(statements)
                    taken = MappingProxyType({nodeid: branching.taken(names, branches)
                                              for nodeid, names in sorted(names_of.items())})
                result[rule.name] = RuleCoverage(
                    rule=rule.name,
                    statements=tuple(sorted(statements)),
                    executed_by=MappingProxyType({k: tuple(sorted(v)) for k, v in sorted(executed.items())}),
                    branches=branches,
                    branches_by=taken,
                )
    except (CoverageException, ValueError) as error:  # a data file whose tables are not coverage.py's
        raise ResultsError(f"{coverage_file} is not coverage.py data: {error}") from None
    return result


def coverage_figure(statements: int, executed: int, branches: int | None, taken: int) -> str:
    """What the tests executed of a rule, as the trace and the site show it:
    ``2 of 3 statements, 1 of 2 branches executed by tests`` (``branches`` None: not measured)."""
    if not statements:
        return "no statements measured"
    if branches is None:
        return f"{executed} of {statements} statements executed by tests"
    if not branches:
        return f"{executed} of {statements} statements executed by tests (no branches)"
    return f"{executed} of {statements} statements, {taken} of {branches} branches executed by tests"


def arc_text(arc: Arc) -> str:
    """A branch arc as coverage.py writes it: ``15->17``, or ``15->exit`` when it leaves the function."""
    return f"{arc[0]}->{arc[1] if arc[1] > 0 else 'exit'}"


class _Branches:
    """The branch arcs of one source file, and those each test context took in it."""

    def __init__(self, source: str, filename: str, data: CoverageData, measured_name: str | None) -> None:
        from coverage.parser import PythonParser

        self._parser = PythonParser(text=source, filename=filename)
        self._parser.parse_source()
        lines = {line for line, exits in self._parser.exit_counts().items() if exits > 1}
        self._arcs = {arc for arc in self._parser.arcs() if arc[0] in lines and arc[0] != arc[1]}
        self._data, self._name = data, measured_name
        self._by_context: dict[str, set[Arc]] = {}

    def possible(self, statements: set[int]) -> tuple[Arc, ...]:
        """The branch arcs out of ``statements`` (a rule's body)."""
        return tuple(sorted(arc for arc in self._arcs if arc[0] in statements))

    def taken(self, contexts: Iterable[str], branches: tuple[Arc, ...]) -> tuple[Arc, ...]:
        """The arcs of ``branches`` the test contexts ``contexts`` took."""
        ran: set[Arc] = set()
        for context in contexts:
            ran |= self._of(context)
        return tuple(arc for arc in branches if arc in ran)

    def _of(self, context: str) -> set[Arc]:
        if context not in self._by_context:
            arcs: list[Arc] = []
            if self._name is not None:
                self._data.set_query_context(context)
                arcs = self._data.arcs(self._name) or []
                self._data.set_query_contexts(None)
            self._by_context[context] = self._parser.translate_arcs(arcs) & self._arcs
        return self._by_context[context]


def _nodeid(context: str) -> str:
    for phase in _PHASES:
        if context.endswith(phase):
            return context[: -len(phase)]
    return context


def _find_function(tree: ast.AST, line_start: int, line_end: int) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    best: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if first == line_start or (node.lineno >= line_start and (node.end_lineno or 0) <= line_end
                                       and best is None):
                if first == line_start:
                    return node
                best = node
    return best


def _statements(body: list[ast.stmt]) -> Iterable[ast.stmt | ast.excepthandler]:
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody"):
            children = getattr(node, field, None)
            if isinstance(children, list):
                yield from _statements([c for c in children if isinstance(c, ast.stmt)])
        for handler in getattr(node, "handlers", []) or []:
            yield handler
            yield from _statements(handler.body)
        for case in getattr(node, "cases", []) or []:
            yield from _statements(case.body)
