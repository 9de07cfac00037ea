"""Which rule implements which provision, and which provisions are deliberately left uncoded.

Each section module of a bill's rules package declares its own, through one ``Section``::

    section = Section(__name__, "s5")  # the module stands for sec. 5 (its id: `migrate` re-points it)
    implements, not_formalized = section.implements, section.not_formalized

    @implements("s5_a")
    def duty_treatment(...) -> Determination[...]: ...

    not_formalized("s5_c", reason="Directs the President to act; nothing to compute.")

``@implements`` records the rule and stamps its qualified name on every ``Determination``
it returns, so no rule types its own name.  A package's ``catalogue()`` gathers the
sections' declarations.  Ids are checked against the parsed bill by the test suite and the
pytest plugin, not here: the kit never reads a bill.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from grammar.errors import BilltraceError
from provisions.kit.determination import Determination

__all__ = ["Catalogue", "DeclarationError", "NotFormalized", "Rule", "Section", "catalogue_of"]

P = ParamSpec("P")
R = TypeVar("R")


class DeclarationError(BilltraceError, ValueError):
    """A rules package declares something twice, so that one declaration would silently win."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule function and the provisions it implements."""

    name: str  # "rules.s5.duty_treatment": module and qualified name
    provisions: tuple[str, ...]
    doc: str  # the words it implements
    path: str  # source file (absolute until a workspace makes it relative to its root)
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
    sections: tuple[tuple[str, str], ...] = ()  # (module, the id of the provision it stands for)

    def rules_for(self, provision_id: str) -> tuple[Rule, ...]:
        """The rules that implement ``provision_id``."""
        return tuple(rule for rule in self.rules if provision_id in rule.provisions)

    def reason_not_formalized(self, provision_id: str) -> str | None:
        """Why ``provision_id`` is left uncoded, or None if it is not declared so."""
        for entry in self.not_formalized:
            if entry.provision == provision_id:
                return entry.reason
        return None

    def relative_to(self, root: str) -> Catalogue:
        """This catalogue with rule paths relative to ``root`` where they lie inside it."""
        import os

        def shown(path: str) -> str:
            relative = os.path.relpath(path, root)
            return path if relative.startswith("..") else relative.replace(os.sep, "/")

        return Catalogue(tuple(dataclasses.replace(r, path=shown(r.path)) for r in self.rules), self.not_formalized,
                         self.sections)


class Section:
    """What one module of a rules package declares: its rules and the provisions it leaves uncoded."""

    def __init__(self, module: str, provision: str | None = None) -> None:
        """``provision``: the id of the unit of the bill the module stands for (its section), if one.

        Naming it, rather than reading it from the module's name, keeps the link when a new
        text renumbers the section: ``billtrace migrate`` re-points the id like any other.
        """
        if provision is not None and not (isinstance(provision, str) and provision):
            raise ValueError("Section(module, provision): the provision must be a non-empty id")
        self.module = module
        self.provision = provision
        self._rules: dict[str, Rule] = {}
        self._pending: list[tuple[str, tuple[str, ...], Callable[..., Any]]] = []
        self.not_formalized_entries: dict[str, NotFormalized] = {}

    @property
    def rules(self) -> dict[str, Rule]:
        """The rules declared, by name.  Their source lines are read when first asked for, not
        at import: a command that only runs the rules need not tokenize their modules."""
        while self._pending:
            name, provisions, function = self._pending.pop(0)
            lines, first = inspect.getsourcelines(function)
            self._rules[name] = Rule(
                name=name,
                provisions=provisions,
                doc=inspect.cleandoc(function.__doc__ or ""),
                path=inspect.getsourcefile(function) or "",
                line_start=first,
                line_end=first + len(lines) - 1,
                function=function,
            )
        return self._rules

    def implements(self, *provision_ids: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
        """Declare that the decorated rule implements ``provision_ids`` (one or more).

        >>> section = Section("example")
        >>> @section.implements("s6_c_1", "s6_c_2")
        ... def allocation() -> Determination[int]:
        ...     return Determination(1, ())
        >>> allocation().rule == f"{allocation.__module__}.allocation"
        True
        """
        if not provision_ids or not all(isinstance(p, str) and p for p in provision_ids):
            raise ValueError("@implements needs one or more provision ids")

        def register(function: Callable[P, R]) -> Callable[P, R]:
            name = f"{function.__module__}.{function.__qualname__}"

            @functools.wraps(function)
            def stamped(*args: P.args, **kwargs: P.kwargs) -> R:
                answer = function(*args, **kwargs)
                if isinstance(answer, Determination) and answer.rule != name:
                    return dataclasses.replace(answer, rule=name)
                return answer

            self._pending.append((name, tuple(provision_ids), function))
            stamped.__provisions__ = tuple(provision_ids)  # type: ignore[attr-defined]
            return stamped

        return register

    def not_formalized(self, provision_id: str, *, reason: str) -> None:
        """Declare that ``provision_id`` is left uncoded on purpose, and why.

        Raises:
            DeclarationError: the id is declared twice (one reason would silently win).
        """
        if not reason.strip():
            raise ValueError(f"not_formalized({provision_id!r}) needs a reason")
        if provision_id in self.not_formalized_entries:
            raise DeclarationError(f"{self.module}: {provision_id} is declared not formalized twice; keep the "
                                   f"declaration whose reason fits the words {provision_id} has now")
        self.not_formalized_entries[provision_id] = NotFormalized(provision_id, reason.strip(), self.module)


def catalogue_of(sections: Iterable[Section]) -> Catalogue:
    """The rules and declarations of ``sections``, rules in source order, declarations by id."""
    sections = tuple(sections)
    rules = sorted((r for s in sections for r in s.rules.values()), key=lambda r: (r.path, r.line_start))
    declared = sorted((d for s in sections for d in s.not_formalized_entries.values()), key=lambda d: d.provision)
    for first, second in itertools.pairwise(declared):
        if first.provision == second.provision:
            raise DeclarationError(f"{first.provision} is declared not formalized in both {first.module} and "
                                   f"{second.module}; keep one")
    stands_for = tuple((s.module, s.provision) for s in sections if s.provision is not None)
    return Catalogue(tuple(rules), tuple(declared), stands_for)
