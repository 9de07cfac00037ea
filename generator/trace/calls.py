"""Which rules a rule runs: those its code calls by name, and those they call, however deep.

The duty of sec. 5(a) is worked out by a rule that calls the rule of sec. 4(g)(1) to
(3): its answer rests on the words of both.  A rule's code names what it calls, either
directly (``member_duty_free(...)``), through a module (``s3.classify_good(...)``) or
held in a closure; ``rules_run_by`` follows those names to the rules they are, so that
no test run decides it and no two rules are taken for one by a shared name: a name counts
only when the object it names (a global, a closure cell, or that attribute of a module the
code names) is the rule's own function.  The reading leans to more: an attribute name the
code uses for something else counts if a module it names has a rule of that name, so a
status may be called changed that need not be, never the other way.
"""

from __future__ import annotations

import types
from collections import deque
from collections.abc import Iterator, Mapping, Sequence

from provisions.kit import Rule

__all__ = ["rules_run_by"]


def rules_run_by(rules: Sequence[Rule]) -> Mapping[str, tuple[Rule, ...]]:
    """Each rule's name and the other rules it runs, nearest first, each once."""
    of_function = {id(rule.function): rule for rule in rules}
    direct = {rule.name: _called(rule, of_function) for rule in rules}
    run: dict[str, tuple[Rule, ...]] = {}
    for rule in rules:
        seen = {rule.name}
        found: list[Rule] = []
        queue = deque(direct[rule.name])
        while queue:
            called = queue.popleft()
            if called.name in seen:
                continue
            seen.add(called.name)
            found.append(called)
            queue.extend(direct.get(called.name, ()))
        run[rule.name] = tuple(found)
    return run


def _called(rule: Rule, of_function: Mapping[int, Rule]) -> list[Rule]:
    """The rules ``rule``'s code names: a global that is one, or a module's attribute that is one."""
    function = rule.function
    code = getattr(function, "__code__", None)
    scope = getattr(function, "__globals__", None)
    if not isinstance(code, types.CodeType) or not isinstance(scope, dict):
        return []
    names = list(dict.fromkeys(_names(code)))
    found: dict[str, Rule] = {}
    for name in names:
        value = scope.get(name)
        candidates = [value]
        if isinstance(value, types.ModuleType):
            candidates = [getattr(value, other, None) for other in names]
        _add(found, candidates, of_function, rule)
    # A function it holds in a closure (a rule made inside another function) counts the same way.
    _add(found, [cell.cell_contents for cell in getattr(function, "__closure__", None) or ()
                 if _filled(cell)], of_function, rule)
    return list(found.values())


def _add(found: dict[str, Rule], candidates: Sequence[object], of_function: Mapping[int, Rule], rule: Rule) -> None:
    for candidate in candidates:
        called = of_function.get(id(getattr(candidate, "__wrapped__", candidate)))
        if called is not None and called.name != rule.name:
            found.setdefault(called.name, called)


def _filled(cell: types.CellType) -> bool:
    try:
        cell.cell_contents  # noqa: B018 -- an empty cell raises
    except ValueError:
        return False
    return True


def _names(code: types.CodeType) -> Iterator[str]:
    """The global and attribute names a function's code uses, its nested functions' included."""
    yield from code.co_names
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _names(constant)
