"""The matrix: each status as the issue defines it, containers summarised, tallies per section."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType, ModuleType

import pytest

from generator.trace.collect import Inputs
from generator.trace.matrix import Status, join
from generator.trace.measure import RuleCoverage, measure
from generator.trace.review import Reviewed, ReviewedText, ReviewState, accept, snapshot
from provisions.kit import Catalogue, Rule


@pytest.fixture
def mini_inputs(mini_inputs: Inputs) -> Inputs:
    """The fixture workspace with s3_a's words reviewed as they stand (the review has tests of its own):
    these tests are about what the rules and the tests give."""
    return dataclasses.replace(mini_inputs, reviewed=accept(mini_inputs.reviewed, mini_inputs.bill, ["s3_a"]))


@pytest.mark.parametrize(("provision_id", "status"), [
    ("s1", Status.PENDING),
    ("s2", Status.UNTESTED),
    ("s2_1", Status.CLAIMED),
    ("s2_2", Status.UNTESTED),
    ("s3", Status.CONTAINER),
    ("s3_a", Status.VERIFIED),
    ("s3_b", Status.FAILING),
    ("s3_c", Status.NOT_FORMALIZED),
])
def test_each_provision_gets_the_status_its_rules_and_tests_give_it(
        mini_inputs: Inputs, provision_id: str, status: Status) -> None:
    assert join(mini_inputs).row(provision_id).status is status


def test_a_verified_provision_names_the_passing_test_that_executed_its_rule(
        mini_inputs: Inputs, mini: ModuleType) -> None:
    row = join(mini_inputs).row("s3_a")
    assert [(t.nodeid, t.declared, t.measured) for t in row.tests] == [(mini.WIDGET, True, True)]
    assert row.rules[0].passing_tests == (mini.WIDGET,)
    assert row.rules[0].executed and row.rules[0].missed  # the fixture ran two statements of three


def test_a_part_without_a_rule_takes_the_rule_of_its_nearest_ancestor(mini_inputs: Inputs) -> None:
    row = join(mini_inputs).row("s2_2")
    assert [(r.name, r.inherited_from) for r in row.rules] == [("fixture.definitions", "s2")]


def test_a_not_formalized_provision_keeps_its_reason(mini_inputs: Inputs) -> None:
    row = join(mini_inputs).row("s3_c")
    assert "not a computation" in row.reason


def test_a_declaration_covers_the_parts_below_it_that_have_no_rule(mini_inputs: Inputs) -> None:
    catalogue = mini_inputs.catalogue
    declared = dataclasses.replace(catalogue, not_formalized=(
        *catalogue.not_formalized, dataclasses.replace(catalogue.not_formalized[0], provision="s2")))
    without_rule = dataclasses.replace(declared, rules=tuple(r for r in declared.rules if "s2" not in r.provisions))
    matrix = join(dataclasses.replace(mini_inputs, catalogue=without_rule))
    assert matrix.row("s2_1").status is Status.NOT_FORMALIZED
    assert "declared for s2" in matrix.row("s2_1").explanation


def test_a_container_rolls_up_to_the_worst_status_below_it(mini_inputs: Inputs) -> None:
    row = join(mini_inputs).row("s3")
    assert row.rollup is Status.FAILING
    assert row.below is not None and row.below.counts[Status.VERIFIED] == 1


def test_percent_verified_counts_only_operative_provisions(mini_inputs: Inputs) -> None:
    tally = join(mini_inputs).tally
    assert tally.operative == 6  # 8 provisions less 1 container and 1 not formalized
    assert tally.verified == 1
    assert tally.percent == pytest.approx(16.7)


def test_each_section_is_tallied_over_every_provision_in_it(mini_inputs: Inputs) -> None:
    sections = {s.id: s.tally for s in join(mini_inputs).sections}
    assert sections["s3"].total == 4
    assert sections["s3"].percent == 50.0


def test_a_rule_naming_an_unknown_provision_is_reported_as_a_problem(mini_inputs: Inputs) -> None:
    rule = mini_inputs.catalogue.rules[0]
    stray = dataclasses.replace(rule, name="fixture.stray", provisions=("s9_z",))
    catalogue = Catalogue((*mini_inputs.catalogue.rules, stray), mini_inputs.catalogue.not_formalized)
    problems = join(dataclasses.replace(mini_inputs, catalogue=catalogue)).problems
    assert any("s9_z" in p and "fixture.stray" in p for p in problems)


def test_without_a_traced_run_every_rule_is_untested(mini_inputs: Inputs) -> None:
    bare = dataclasses.replace(mini_inputs, measured={}, results=dataclasses.replace(mini_inputs.results, tests=()))
    statuses = {row.id: row.status for row in join(bare).rows}
    assert statuses["s3_a"] is Status.UNTESTED
    assert isinstance(bare.catalogue.rules[0], Rule)


def test_the_project_sets_the_share_of_a_rule_its_passing_tests_must_run_to_count_as_verified(
        mini_inputs: Inputs) -> None:
    link = join(mini_inputs).row("s3_a").rules[0]
    assert 0 < link.passing_share < 1  # the fixture's passing test runs two of the rule's three statements
    assert join(dataclasses.replace(mini_inputs, verified_share=link.passing_share)).row("s3_a").status \
        is Status.VERIFIED
    short = join(dataclasses.replace(mini_inputs, verified_share=0.9)).row("s3_a")
    assert short.status is Status.UNTESTED
    assert f"execute {link.passing_share:.0%} of the statements of fixture.widget_duty" in short.explanation
    assert "verified-share of 90%" in short.explanation


def test_the_project_sets_the_share_of_a_rules_branches_its_passing_tests_must_take(
        tmp_path: Path, mini: ModuleType, mini_inputs: Inputs) -> None:
    branch = mini.write_branch_coverage(tmp_path / "branches")
    measured = measure(tmp_path / "branches", mini.catalogue().rules, mini.ROOT)
    inputs = dataclasses.replace(mini_inputs, measured=measured)
    link = join(inputs).row("s3_a").rules[0]
    assert link.passing_branch_share == 0.5 and link.branches_missed == ((branch, branch + 2),)
    assert join(inputs).row("s3_a").status is Status.VERIFIED  # the default, as before: any branch
    assert join(dataclasses.replace(inputs, verified_branch_share=0.5)).row("s3_a").status is Status.VERIFIED
    strict = join(dataclasses.replace(inputs, verified_branch_share=1)).row("s3_a")
    assert strict.status is Status.UNTESTED
    assert (f"its passing tests take 50% of the branches of fixture.widget_duty (not taken: {branch}->{branch + 2}), "
            "under the project's verified-branch-share of 100%") in strict.explanation


def test_a_branch_share_asked_of_a_run_that_measured_no_branches_is_not_met(mini_inputs: Inputs) -> None:
    row = join(dataclasses.replace(mini_inputs, verified_branch_share=0.5)).row("s3_a")
    assert row.status is Status.UNTESTED
    assert "the traced run measured no branches of fixture.widget_duty" in row.explanation


def _with_entries(inputs: Inputs, *entries: Reviewed) -> Inputs:
    reviewed = inputs.reviewed
    merged = {**reviewed.entries, **{e.id: e for e in entries}}
    return dataclasses.replace(inputs, reviewed=ReviewedText(reviewed.path, True, MappingProxyType(merged)))


def test_a_verified_provision_whose_reviewed_words_changed_is_changed_since_review(mini_inputs: Inputs) -> None:
    now = snapshot(mini_inputs.bill.get("s3_a"))
    edited = Reviewed("s3_a", "0" * 64, now.words.replace("free of duty", "duty-free"), now.below)
    row = join(_with_entries(mini_inputs, edited)).row("s3_a")
    assert row.status is Status.CHANGED
    assert row.explanation.startswith("its passing tests run every rule, but its words changed since its rules "
                                      "were reviewed")


def test_a_part_taking_its_ancestors_rule_is_changed_since_review_when_the_ancestors_words_changed(
        mini_inputs: Inputs, mini: ModuleType) -> None:
    measured = dict(mini_inputs.measured)  # the passing widget test runs the definitions' rule too
    line = measured["fixture.definitions"].statements[0]
    measured["fixture.definitions"] = RuleCoverage("fixture.definitions", (line,), {mini.WIDGET: (line,)})
    inputs = dataclasses.replace(mini_inputs, measured=measured)
    assert join(inputs).row("s2_2").status is Status.VERIFIED
    now = snapshot(mini_inputs.bill.get("s2"))
    below = {**now.below, "s2_2": "0" * 16}  # only the words of sec. 2(2) changed since review
    matrix = join(_with_entries(inputs, Reviewed("s2", "0" * 64, now.words, MappingProxyType(below))))
    assert matrix.row("s2").status is Status.CHANGED
    part = matrix.row("s2_2")
    assert part.review is None and part.status is Status.CHANGED  # nothing of its own rests on its words
    assert "the words of sec. 2, whose rules it takes, changed since its rules were reviewed" in part.explanation


def test_a_verified_provision_using_a_definition_whose_words_changed_is_changed_since_review(
        mini_inputs: Inputs) -> None:
    reviewed = mini_inputs.reviewed.entries["s3_a"]  # reviewed when sec. 2(1) had other words
    assert reviewed.rests_on is not None and "s2_1" in reviewed.rests_on
    edited = dataclasses.replace(reviewed, rests_on=MappingProxyType({**reviewed.rests_on, "s2_1": "0" * 16}))
    row = join(_with_entries(mini_inputs, edited)).row("s3_a")
    assert row.review is not None and row.review.state is ReviewState.AFFECTED
    assert row.status is Status.CHANGED
    assert "its words may mean something else now (sec. 2(1) changed since review" in row.explanation


def _widget_duty_calling_the_definitions(inputs: Inputs) -> Inputs:
    """The fixture's rules, with the rule of sec. 3(a) calling the rule of sec. 2 (as the duty of
    sec. 5(a) of S. 2839 calls the rule of sec. 4(g))."""
    rules = {rule.name: rule for rule in inputs.catalogue.rules}
    definitions = rules["fixture.definitions"].function

    def widget_duty(kind: str) -> bool:
        return bool(definitions(kind))

    calling = dataclasses.replace(rules["fixture.widget_duty"], function=widget_duty)
    catalogue = dataclasses.replace(inputs.catalogue, rules=tuple(
        calling if rule.name == calling.name else rule for rule in inputs.catalogue.rules))
    return dataclasses.replace(inputs, catalogue=catalogue)


def _sec_2_changed(inputs: Inputs) -> Inputs:
    now = snapshot(inputs.bill.get("s2"))
    below = {**now.below, "s2_2": "0" * 16}  # sec. 2(2), which sec. 3(a) neither cites nor uses
    return _with_entries(inputs, Reviewed("s2", "0" * 64, now.words, MappingProxyType(below)))


def test_a_verified_provision_whose_rule_calls_a_rule_of_words_changed_since_review_is_changed(
        mini_inputs: Inputs) -> None:
    calling = _widget_duty_calling_the_definitions(mini_inputs)
    assert join(calling).row("s3_a").status is Status.VERIFIED
    matrix = join(_sec_2_changed(calling))
    row = matrix.row("s3_a")
    assert row.review is not None and row.review.state is ReviewState.CURRENT  # its own words are as reviewed
    assert row.status is Status.CHANGED
    assert ("but fixture.widget_duty runs fixture.definitions, which implements sec. 2 (s2), whose words changed "
            "since review; re-read the rules and tests, then run `billtrace review --accept s2`") in row.explanation
    assert matrix.row("s3_b").status is Status.FAILING  # a failing test stays failing


def test_a_rule_that_calls_no_rule_of_the_changed_words_leaves_the_status_alone(mini_inputs: Inputs) -> None:
    # The rule of sec. 3(a) calls nothing: a change in sec. 2 does not reach it, whatever its tests ran.
    measured = dict(mini_inputs.measured)
    line = measured["fixture.definitions"].statements[0]
    widget = next(iter(measured["fixture.widget_duty"].executed_by))
    measured["fixture.definitions"] = RuleCoverage("fixture.definitions", (line,), {widget: (line,)})
    inputs = dataclasses.replace(mini_inputs, measured=measured)
    assert join(_sec_2_changed(inputs)).row("s3_a").status is Status.VERIFIED


def test_a_rule_implementing_another_provision_whose_words_changed_makes_its_provision_changed(
        mini_inputs: Inputs) -> None:
    rules = tuple(dataclasses.replace(rule, provisions=("s3_a", "s2_2")) if rule.name == "fixture.widget_duty"
                  else rule for rule in mini_inputs.catalogue.rules)
    inputs = dataclasses.replace(mini_inputs, catalogue=dataclasses.replace(mini_inputs.catalogue, rules=rules))
    now = snapshot(inputs.bill.get("s2_2"))
    changed = _with_entries(inputs, Reviewed("s2_2", "0" * 64, now.words + " more", now.below))  # other words when reviewed
    row = join(changed).row("s3_a")
    assert row.status is Status.CHANGED
    assert "but fixture.widget_duty also implements sec. 2(2) (s2_2), whose words changed since review" \
        in row.explanation
