"""Measured links: which test executed which lines of which rule, read from coverage.py's contexts.

The traced run records one coverage context per test (pytest-cov's
``--cov-context=test``: the node id, suffixed ``|setup``, ``|run`` or
``|teardown``).  A rule counts as executed by a test when the test ran at least
one statement of the rule's *body*: the ``def`` line and decorators run when the
module is imported, and the docstring is no statement, so neither counts.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from generator.errors import ResultsError, ResultsMissingError
from provisions.kit import Rule

__all__ = ["RuleCoverage", "body_statements", "measure"]

_PHASES = ("|setup", "|run", "|teardown")


@dataclass(frozen=True, slots=True)
class RuleCoverage:
    """The statements of one rule's body and the tests that executed them."""

    rule: str
    statements: tuple[int, ...]  # first lines of the body's statements, in the source file
    executed_by: Mapping[str, tuple[int, ...]]  # test node id -> statements it executed

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
    for real, file_rules in sorted(by_file.items()):
        source = Path(real).read_text(encoding="utf-8")
        contexts = data.contexts_by_lineno(measured[real]) if real in measured else {}
        for rule in file_rules:
            mapping = body_statements(source, rule.line_start, rule.line_end)
            executed: dict[str, set[int]] = {}
            for line, names in contexts.items():
                statement = mapping.get(line)
                if statement is None:
                    continue
                for name in names:
                    nodeid = _nodeid(name)
                    if nodeid:
                        executed.setdefault(nodeid, set()).add(statement)
            result[rule.name] = RuleCoverage(
                rule=rule.name,
                statements=tuple(sorted(set(mapping.values()))),
                executed_by=MappingProxyType({k: tuple(sorted(v)) for k, v in sorted(executed.items())}),
            )
    return result


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
