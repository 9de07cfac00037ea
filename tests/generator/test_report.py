"""The matrix as JSON, Markdown and a table, and one provision traced."""

from __future__ import annotations

import dataclasses

import pytest

from generator.reports.matrix import matrix_to_json, matrix_to_markdown, matrix_to_table, trace_text
from generator.trace.collect import Inputs
from generator.trace.matrix import join
from generator.trace.review import accept


@pytest.fixture
def mini_inputs(mini_inputs: Inputs) -> Inputs:
    """The fixture workspace with s3_a's words reviewed as they stand (the review has tests of its own):
    these tests are about what the rules and the tests give."""
    return dataclasses.replace(mini_inputs, reviewed=accept(mini_inputs.reviewed, mini_inputs.bill, ["s3_a"]))


def test_the_json_keeps_summary_and_a_flat_list_of_provisions(mini_inputs: Inputs) -> None:
    data = matrix_to_json(join(mini_inputs), mini_inputs.bill)
    assert set(data["summary"]["counts"]) == {"verified", "failing", "changed since review", "untested", "claimed",
                                              "pending", "not formalized", "container"}
    assert data["summary"]["percent_verified"] == 16.7
    first = data["provisions"][0]
    assert {"id", "status", "rules", "tests"} <= set(first)
    assert [p["id"] for p in data["provisions"]] == [p.id for p in mini_inputs.bill.walk()]


def test_the_table_shows_every_provision_and_the_totals(mini_inputs: Inputs) -> None:
    table = matrix_to_table(join(mini_inputs), mini_inputs.bill)
    for provision in mini_inputs.bill.walk():
        assert provision.id in table
    assert "1 of 6 operative provisions verified (16.7%)" in table


def test_the_markdown_escapes_test_names(mini_inputs: Inputs) -> None:
    text = matrix_to_markdown(join(mini_inputs), mini_inputs.bill)
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_a_trace_shows_rules_tests_citations_and_terms(mini_inputs: Inputs) -> None:
    matrix = join(mini_inputs)
    text = trace_text(matrix.row("s3_a"), mini_inputs)
    assert "status: verified" in text
    assert "fixture.widget_duty" in text
    assert "passed" in text and "declared + measured" in text
    assert '"subsection (b)" (internal) -> s3_b' in text
    assert '"widget" (defined in s2_1)' in text
    assert 's3_a "subsection (b)"' in trace_text(matrix.row("s3_b"), mini_inputs)


def test_the_markdown_report_keeps_the_nesting_as_any_renderer_shows_it(mini_inputs: Inputs) -> None:
    import markdown

    from generator.reports.report import report_markdown, report_rows

    matrix = join(mini_inputs)
    rows = report_rows(matrix)
    html = markdown.markdown(report_markdown(rows, mini_inputs.bill, matrix), extensions=["tables"])
    top = [r for r in rows if r.depth == 0]
    assert html.count("<h2>") == len(top) and html.count("<table>") == len(top)
    deep = max(rows, key=lambda r: r.depth)
    assert deep.depth >= 1
    # each level a step in, by an entity no renderer trims away with the cell's spaces
    assert f"<td>{'&emsp;' * deep.depth}{deep.label}" in html.replace("\\(", "(").replace("\\)", ")")
