"""What a bill's rules package declares about itself, as an OpenFisca country package does.

A rules package exposes one ``RulesPackage`` as the module attribute ``RULES``: its section
modules (each with a ``section``, see ``provisions.kit.rules``), its parameters, the
questions ``billtrace check`` asks of it, its worked examples and the notice the site
shows.  The generator builds the ``check`` commands, the examples page and the notice from
this object alone, so it never names a bill.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal

from provisions.kit.determination import Determination, Reason
from provisions.kit.rules import Catalogue, Section, catalogue_of

__all__ = ["Answer", "Example", "Option", "Question", "RulesPackage", "Step", "StreamAnswer", "Writer"]

OptionKind = Literal["text", "flag", "count", "choice", "toml", "csv", "lines"]


@dataclass(frozen=True, slots=True)
class Option:
    """One input of a question, as the command line takes it.

    ``kind``: ``text`` (a string the question parses itself, at its one input boundary),
    ``flag`` (present or not), ``count`` (a whole number from ``low`` to ``high``),
    ``choice`` (one of ``choices``); and files the command line reads for the question:
    ``toml`` (the document, a dict), ``csv`` (``(rows, name)``: each row a dict keyed by the
    lower-cased header), ``lines`` (``(stream, name, size)``: an open text stream of a file of
    any length, ``-`` for standard input, and its size in bytes if known).
    ``argument`` makes it positional.  ``name`` is its Python name; ``flags`` how it is
    spelled (default ``--name`` with dashes).
    """

    name: str
    help: str
    kind: OptionKind = "text"
    metavar: str | None = None
    required: bool = False
    multiple: bool = False
    default: Any = None
    argument: bool = False
    flags: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """A question's answer: a title, the value with its reasons, the rule and the parameters used.

    ``field_labels`` names fields of the value for a person where the field's own name would
    mislead: field -> (the id of the provision whose citation begins the label, or "", the words
    after it); ``{"rate": ("s5_a", "rate")}`` shows ``rate`` as ``sec. 5(a) rate``.  JSON keeps the
    field names.
    """

    title: str
    value: Any
    reasons: tuple[Reason, ...]
    rule: str
    parameters: Any  # the package's parameters dataclass
    field_labels: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, title: str, determination: Determination[Any], parameters: Any, *,
           field_labels: Mapping[str, tuple[str, str]] | None = None) -> Answer:
        return cls(title, determination.value, determination.reasons, determination.rule, parameters,
                   field_labels or {})


class Writer:
    """What a streamed answer writes with, supplied by the command line (so rules import no output code)."""

    def cite(self, provision_id: str) -> str:
        """A provision's citation (``s5_a`` -> ``sec. 5(a)``)."""
        raise NotImplementedError

    def reasons_text(self, reasons: Sequence[Reason]) -> str:
        """Reasons for a person, one paragraph each."""
        raise NotImplementedError

    def reasons_json(self, reasons: Sequence[Reason]) -> list[dict[str, Any]]:
        """Reasons as JSON-ready objects."""
        raise NotImplementedError

    def progress(self, label: str, size: int | None) -> Callable[[int], None]:
        """A progress callback (bytes done) drawn on a terminal only; a no-op elsewhere."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class StreamAnswer:
    """An answer too long to hold (a ledger): ``run(writer, out)`` writes it to ``out`` once complete."""

    run: Callable[[Writer, Callable[[str], None]], None]


@dataclass(frozen=True, slots=True)
class Question:
    """A question ``billtrace check NAME`` asks the rules: its inputs and the function that answers.

    ``answer(values, parameters)`` gets the options by name (text as given, flags as
    ``bool``, files as paths) and a function making the package's parameters from
    ``--param`` texts and overrides; it raises ``InputError`` on bad input.
    """

    name: str
    short_help: str
    help: str
    options: tuple[Option, ...]
    answer: Callable[[Mapping[str, Any], Callable[..., Any]], Answer | StreamAnswer]


@dataclass(frozen=True, slots=True)
class Step:
    """One rule applied in a worked example: its name, its answer in words, and its reasons."""

    rule: str
    value: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Example:
    """A worked example: a scenario, its inputs in words, and the rules' determinations."""

    title: str
    scenario: str
    inputs: tuple[tuple[str, str], ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class RulesPackage:
    """A bill's rules package, declared.

    ``sections`` are module names, imported when first needed; ``parameters`` the
    parameters dataclass (its defaults are its documented readings); ``examples`` computes
    the worked examples by calling the rules; ``notice`` is plain text the site shows on
    every page (``None``: none); ``data_sources`` describes each committed data file (objects
    with file, what, source, compiled, confidence and provisions); ``parameter_descriptions``
    and ``value_mismatches`` feed the parameters page and the review gate.
    """

    name: str
    title: str
    sections: tuple[str, ...]
    parameters: type
    parameters_from_strings: Callable[[Mapping[str, str]], Any]
    questions: tuple[Question, ...] = ()
    examples: Callable[[], tuple[Example, ...]] = lambda: ()
    notice: str | None = None
    data_sources: Callable[[], tuple[Any, ...]] = lambda: ()
    percent_fields: frozenset[str] = frozenset()  # answer fields shown with a % sign
    # Each parameter as a reader sees it: objects with name, provisions, default, alternatives,
    # question and meanings ((value, what it means), the default first).
    parameter_descriptions: Callable[[], tuple[Any, ...]] = lambda: ()
    # The values bound to the words: (id -> words now, id -> citation) -> objects with a message
    # and a value (name, provision), one per value whose words the text no longer holds.
    value_mismatches: Callable[[Mapping[str, str], Mapping[str, str]], tuple[Any, ...]] = lambda _w, _l: ()

    def modules(self) -> tuple[ModuleType, ...]:
        """The section modules, imported."""
        return tuple(importlib.import_module(name) for name in self.sections)

    def catalogue(self) -> Catalogue:
        """Every rule and every declaration of a provision left uncoded, across the sections.

        Raises:
            TypeError: a section module has no ``section`` (a programming error of the package).
        """
        found: list[Section] = []
        for module in self.modules():
            section = getattr(module, "section", None)
            if not isinstance(section, Section):
                raise TypeError(f"{module.__name__} has no `section = Section(__name__, ID)`")
            found.append(section)
        return catalogue_of(found)
