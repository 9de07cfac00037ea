"""The worked examples: computed by the rules, every reason citing a provision of the bill."""

from __future__ import annotations

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
    assert "eligible: no" in phase_in.steps[0].value
    assert any(r.provision == "s4_c_1" for r in phase_in.steps[0].reasons)
