"""The worked examples: computed by the rules, every reason citing a provision of the bill."""

from __future__ import annotations

import re

import pytest

from grammar import Bill
from provisions.examples import Example, worked_examples


@pytest.fixture(scope="module")
def examples() -> tuple[Example, ...]:
    return worked_examples()


def test_there_is_an_example_for_each_scenario_of_the_issue(examples: tuple[Example, ...]) -> None:
    titles = [e.title for e in examples]
    assert len(titles) == 4
    assert any("magnets" in t for t in titles) and any("Lithium" in t for t in titles)
    assert any("phase-in" in t for t in titles) and any("trust-fund" in t for t in titles)


def test_every_reason_of_every_example_cites_a_provision_of_the_bill(
        examples: tuple[Example, ...], bill: Bill) -> None:
    for example in examples:
        for step in example.steps:
            assert step.reasons, example.title
            for reason in step.reasons:
                assert reason.provision in bill, (example.title, reason.provision)


def test_the_six_year_phase_in_is_refused_under_section_4_c_1(examples: tuple[Example, ...]) -> None:
    phase_in = next(e for e in examples if "phase-in" in e.title)
    assert re.search(r"^eligible +no$", phase_in.steps[0].value, re.MULTILINE)
    assert any(r.provision == "s4_c_1" for r in phase_in.steps[0].reasons)


def test_an_answer_reads_a_field_a_line_with_rates_in_percent_and_no_empty_field(
        examples: tuple[Example, ...]) -> None:
    magnets = next(e for e in examples if "magnets" in e.title.lower()).steps[0].value
    lines = magnets.splitlines()
    assert re.fullmatch(r"rate +25%", lines[1]) and re.fullmatch(r"duty +250\.00", lines[2])
    assert "layers:" in lines and any(re.fullmatch(r"- layer +section-301", line) for line in lines)
    assert all(line == line.rstrip() for line in lines)  # no field printed without its value
