"""Measured links: the statements of a rule's body, and which test executed which of them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from generator.errors import ResultsError, ResultsMissingError
from generator.trace.measure import body_statements, measure

SOURCE = '''import x

@dec("a")
@dec2
def f(a,
      b):
    """Doc.

    more"""
    y = g(a,
          b)
    if (a and
        b):
        return 1
    else:
        z = 3
    try:
        pass
    except E:
        q = 1
    return [i for i in
            range(3)]
'''


def test_the_def_line_decorators_and_docstring_are_not_body_statements() -> None:
    statements = set(body_statements(SOURCE, 3, 22).values())
    assert statements == {10, 12, 14, 16, 17, 18, 19, 20, 21}


def test_a_line_inside_a_multi_line_statement_counts_for_the_statement() -> None:
    mapping = body_statements(SOURCE, 3, 22)
    assert mapping[11] == 10
    assert mapping[13] == 12
    assert mapping[22] == 21


def test_a_test_that_ran_a_rule_is_recorded_with_the_statements_it_ran(
        tmp_path: Path, mini: ModuleType) -> None:
    space = mini.workspace(tmp_path)
    measured = measure(space.coverage, mini.catalogue().rules, space.root)
    widget = measured["fixture.widget_duty"]
    assert list(widget.executed_by) == [mini.WIDGET]
    assert len(widget.executed) == 2
    assert widget.missed
    assert measured["fixture.definitions"].executed_by == {}


def test_a_missing_coverage_file_says_there_is_no_traced_run(tmp_path: Path) -> None:
    with pytest.raises(ResultsMissingError):
        measure(tmp_path / "none", (), tmp_path)


def test_a_file_that_is_not_coverage_data_is_an_error(tmp_path: Path) -> None:
    bogus = tmp_path / "coverage"
    bogus.write_text("not sqlite at all, just words", encoding="utf-8")
    with pytest.raises(ResultsError):
        measure(bogus, (), tmp_path)


def test_a_rule_carries_its_branches_and_those_each_test_took(tmp_path: Path, mini: ModuleType) -> None:
    branch = mini.write_branch_coverage(tmp_path / "coverage")
    measured = measure(tmp_path / "coverage", mini.catalogue().rules, mini.ROOT)
    widget = measured["fixture.widget_duty"]
    assert widget.branches == ((branch, branch + 1), (branch, branch + 2))  # the if's two ways on
    assert widget.branches_by == {mini.WIDGET: ((branch, branch + 1),)}
    assert widget.branches_missed == ((branch, branch + 2),)
    assert widget.figure == "2 of 3 statements, 1 of 2 branches executed by tests"
    assert measured["fixture.definitions"].figure == "0 of 1 statements executed by tests (no branches)"


def test_a_run_that_recorded_no_branches_says_so_rather_than_none_taken(tmp_path: Path, mini: ModuleType) -> None:
    space = mini.workspace(tmp_path)  # the fixture's run records lines only
    widget = measure(space.coverage, mini.catalogue().rules, space.root)["fixture.widget_duty"]
    assert widget.branches is None and widget.branches_missed == ()
    assert widget.figure == "2 of 3 statements executed by tests"
