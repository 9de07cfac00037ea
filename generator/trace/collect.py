"""Step one of the pipeline: read every input into plain data, before anything is joined.

The bill (parsed), the rule catalogue, the last traced run (results and
coverage contexts), the provenance table, the reviewed text (the words each
tracked provision had when its rules and tests were last reviewed) and the
source of each rule module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.errors import ResultsMissingError
from generator.project.rules import load_rules
from generator.project.workspace import Workspace
from generator.trace.fingerprint import require_current
from generator.trace.measure import RuleCoverage, measure
from generator.trace.provenance import Provenance, read_provenance
from generator.trace.results import Results, read_results
from generator.trace.review import NOTHING_REVIEWED, ReviewedText, read_reviewed
from generator.trace.run import selection
from grammar import Bill, parse_file
from provisions.kit import Catalogue, Example

__all__ = ["Inputs", "collect", "collect_from"]


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything the matrix and the site are made from."""

    bill: Bill
    catalogue: Catalogue
    results: Results
    measured: Mapping[str, RuleCoverage]  # rule name -> what the tests executed of it
    provenance: Provenance
    sources: Mapping[str, str]  # rule module path (relative to the root) -> its source text
    traced: bool  # False when there is no traced run yet: every test link is then missing
    examples: tuple[Example, ...] = ()  # worked examples, computed by calling the rules
    reviewed: ReviewedText = NOTHING_REVIEWED  # the words each tracked provision had when reviewed
    notice: str | None = None  # the rules package's notice title (a working text ...); None: no notice
    parameters: tuple[Any, ...] = ()  # the rules package's parameters as a reader sees them
    data_sources: tuple[Any, ...] = ()  # the rules package's committed data files, with their sources
    verified_share: float = 0  # the share of a rule's statements its passing tests must run (0: any)
    versions: tuple[Bill, ...] = ()  # other texts of the bill the project holds, oldest first
    verified_branch_share: float = 0  # the share of a rule's branches its passing tests must take (0: any)
    test_sources: Mapping[str, str] = dataclasses.field(default_factory=dict)  # test module path -> source


def collect(workspace: Workspace, *, require_results: bool = True) -> Inputs:
    """Read the inputs of ``workspace``.

    A traced run that ran against other inputs than the checkout's (a rule, a test, the
    bill ... edited since) is refused, never shown as current.

    Raises:
        BillError: the bill cannot be parsed.
        ResultsMissingError: no traced run yet and ``require_results`` is set; the
            message says how to make one.
        StaleRunError: the traced run predates an edit; the message names what changed.
        ResultsError, ProvenanceError, ReviewedTextError: an input file is malformed.
    """
    rules = load_rules(workspace)
    catalogue = rules.catalogue().relative_to(str(workspace.root))
    # With no rule yet there is nothing a traced run could show: a new project needs none.
    if (require_results and catalogue.rules) or workspace.results.is_file():
        require_current(workspace, selection(workspace))
    bill = parse_file(workspace.bill)
    bill = dataclasses.replace(bill, source=workspace.relative(workspace.bill))
    versions = tuple(dataclasses.replace(parse_file(path), source=workspace.relative(path))
                     for path in workspace.versions)
    inputs = collect_from(bill, catalogue, workspace,
                          require_results=require_results, examples=rules.examples(), notice=rules.notice)
    return dataclasses.replace(inputs, versions=versions, parameters=rules.parameter_descriptions(),
                               data_sources=rules.data_sources())


def collect_from(bill: Bill, rules: Catalogue, workspace: Workspace, *, require_results: bool = True,
                 examples: tuple[Example, ...] = (), notice: str | None = None) -> Inputs:
    """``collect`` for a bill and catalogue already in hand (a fixture bill, a synthetic one)."""
    try:
        results = read_results(workspace.results)
        measured = measure(workspace.coverage, rules.rules, workspace.root)
        traced = True
    except ResultsMissingError as error:
        if require_results and rules.rules:  # with no rule yet there is nothing a traced run could show
            raise ResultsMissingError(
                f"{error.message}; run `billtrace test` (or `billtrace build`) "
                f"to run the tests with tracing") from None
        results, measured, traced = Results(()), {}, False
    sources = {rule.path: _read(workspace.root / rule.path) for rule in rules.rules}
    # A test module of the run that is not under the root (or gone) has no source to show.
    root = workspace.root.resolve()
    test_paths = sorted({t.path for t in results.tests})
    test_sources = {p: _read(root / p) for p in test_paths
                    if (root / p).resolve().is_relative_to(root) and (root / p).is_file()}
    return Inputs(
        bill=bill,
        catalogue=rules,
        results=results,
        measured=MappingProxyType(dict(measured)),
        provenance=read_provenance(workspace.provenance, bill, name=workspace.relative(workspace.provenance)),
        sources=MappingProxyType(dict(sorted(sources.items()))),
        traced=traced,
        examples=examples,
        reviewed=read_reviewed(workspace.reviewed, name=workspace.relative(workspace.reviewed)),
        notice=notice,
        verified_share=workspace.verified_share,
        verified_branch_share=workspace.verified_branch_share,
        test_sources=MappingProxyType(test_sources),
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
