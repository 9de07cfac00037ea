"""Loading a project's rules package by name, as openfisca-core loads a country package."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from generator.errors import ConfigurationError
from generator.project.workspace import Workspace
from grammar import Bill
from provisions.kit import Catalogue, RulesPackage
from provisions.kit.rules import Section, catalogue_of

__all__ = ["check_declarations", "load_catalogue", "load_rules", "values_out_of_date"]


def load_rules(workspace: Workspace) -> RulesPackage:
    """The ``RULES`` object of the project's rules package.

    The project root goes first on ``sys.path``, so a new project's package is found
    without installing it.

    Raises:
        ConfigurationError: the package cannot be imported, or has no ``RULES`` that is a
            ``RulesPackage``.
    """
    root = str(workspace.root)
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        module = importlib.import_module(workspace.rules)
    except ImportError as error:
        raise ConfigurationError(f"[tool.billtrace] rules = {workspace.rules!r}: cannot import it: {error}") from None
    rules = getattr(module, "RULES", None)
    if not isinstance(rules, RulesPackage):
        raise ConfigurationError(f"[tool.billtrace] rules = {workspace.rules!r}: the package has no RULES "
                                 f"(a provisions.kit.RulesPackage)")
    return rules


def load_catalogue(workspace: Workspace) -> Catalogue:
    """The rules package's catalogue, with rule paths relative to the project root."""
    return load_rules(workspace).catalogue().relative_to(str(Path(workspace.root)))


def check_declarations(rules: RulesPackage) -> None:
    """Refuse a rules package whose declarations contradict each other, as building its catalogue
    does, without reading every rule's source lines (what ``billtrace check`` can afford).

    Every section module is imported, so a provision declared not formalized twice in one
    module is refused as it declares it; the declarations of all of them are then joined,
    so one declared in two modules is refused too.  A module with no ``section`` is left to
    the catalogue (``load_catalogue``) to name.

    Raises:
        DeclarationError: a provision is declared not formalized twice.
    """
    declared = []
    for module in rules.modules():
        section = getattr(module, "section", None)
        if isinstance(section, Section):
            only = Section(section.module, section.provision)  # the declarations alone: no rule to read
            only.not_formalized_entries.update(section.not_formalized_entries)
            declared.append(only)
    catalogue_of(declared)


def values_out_of_date(bill: Bill, rules: RulesPackage) -> tuple[Any, ...]:
    """The rules package's bound values whose words ``bill``'s provisions no longer hold."""
    words = {p.id: p.full_text for p in bill.walk()}
    return rules.value_mismatches(words, {p.id: p.label for p in bill.walk()})
