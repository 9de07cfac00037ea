"""Which rule implements which provision, and which provisions are deliberately left uncoded.

A rule declares the provisions it implements with ``@implements("s5_a")``; a
provision left uncoded on purpose is declared with ``not_formalized("s2",
reason=...)`` in the module of its section.  ``catalogue()`` imports every
section module and returns both lists.  Ids are checked against the parsed bill
by the test suite (tests/test_completeness.py), not here: this package never
reads the bill.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["Catalogue", "NotFormalized", "Rule", "catalogue", "implements", "not_formalized"]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule function and the provisions it implements."""

    name: str  # "provisions.s5.duty_treatment"
    provisions: tuple[str, ...]
    doc: str  # the words it implements
    path: str  # source file, relative to the repository root
    line_start: int
    line_end: int
    function: Callable[..., Any]


@dataclass(frozen=True, slots=True)
class NotFormalized:
    """A provision deliberately left uncoded, and why."""

    provision: str
    reason: str
    module: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every rule and every declaration of a provision left uncoded."""

    rules: tuple[Rule, ...]
    not_formalized: tuple[NotFormalized, ...]

    def rules_for(self, provision_id: str) -> tuple[Rule, ...]:
        """The rules that implement ``provision_id``."""
        return tuple(rule for rule in self.rules if provision_id in rule.provisions)

    def reason_not_formalized(self, provision_id: str) -> str | None:
        """Why ``provision_id`` is left uncoded, or None if it is not declared so."""
        for entry in self.not_formalized:
            if entry.provision == provision_id:
                return entry.reason
        return None


_RULES: dict[str, Rule] = {}
_NOT_FORMALIZED: dict[str, NotFormalized] = {}


def implements(*provision_ids: str) -> Callable[[F], F]:
    """Declare that the decorated rule implements ``provision_ids`` (one or more).

    >>> @implements("s6_c_1", "s6_c_2")
    ... def allocation(): ...
    """
    if not provision_ids or not all(isinstance(p, str) and p for p in provision_ids):
        raise ValueError("@implements needs one or more provision ids")

    def register(function: F) -> F:
        name = f"{function.__module__}.{function.__qualname__}"
        lines, first = inspect.getsourcelines(function)
        path = inspect.getsourcefile(function) or ""
        _RULES[name] = Rule(
            name=name,
            provisions=tuple(provision_ids),
            doc=inspect.cleandoc(function.__doc__ or ""),
            path=_relative(path),
            line_start=first,
            line_end=first + len(lines) - 1,
            function=function,
        )
        function.__provisions__ = tuple(provision_ids)  # type: ignore[attr-defined]
        return function

    return register


def not_formalized(provision_id: str, *, reason: str) -> None:
    """Declare that ``provision_id`` is left uncoded on purpose, and why."""
    if not reason.strip():
        raise ValueError(f"not_formalized({provision_id!r}) needs a reason")
    caller = inspect.stack()[1].frame.f_globals.get("__name__", "?")
    _NOT_FORMALIZED[provision_id] = NotFormalized(provision_id, reason.strip(), caller)


def catalogue() -> Catalogue:
    """Import every section module of ``provisions`` and return what they declare."""
    import provisions

    for module in pkgutil.iter_modules(provisions.__path__):
        if module.name.startswith("s") and module.name[1:].isdigit():
            importlib.import_module(f"provisions.{module.name}")
    rules = sorted(_RULES.values(), key=lambda r: (r.path, r.line_start))
    declared = sorted(_NOT_FORMALIZED.values(), key=lambda d: d.provision)
    return Catalogue(tuple(rules), tuple(declared))


def _relative(path: str) -> str:
    import os

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    absolute = os.path.abspath(path)
    return os.path.relpath(absolute, root) if absolute.startswith(root) else absolute
