"""Which rules a rule runs, read from its code: S. 2839's rules as they stand."""

from __future__ import annotations

from generator.trace.calls import rules_run_by
from provisions.package import RULES


def _run_by() -> dict[str, set[str]]:
    catalogue = RULES.catalogue()
    return {name.removeprefix("provisions."): {r.name.removeprefix("provisions.") for r in rules}
            for name, rules in rules_run_by(catalogue.rules).items()}


def test_the_duty_of_sec_5_a_runs_the_rules_of_sec_4_g_and_sec_3_it_calls() -> None:
    run = _run_by()["s5.duty_treatment"]
    assert {"s4.member_duty_free", "s3.classify_good", "s5.concern_rate"} <= run
    assert {"s3.is_critical_mineral", "s3.mineral_stage"} <= run  # and those they call, however deep
    assert "s5.duty_treatment" not in run and "s6.allocate" not in run


def test_a_rule_that_calls_no_rule_runs_none() -> None:
    run = _run_by()
    assert run["s6.allocate"] == set() and run["s4.member_duty_free"] == set()
    assert run["s6.trust_fund_quarter"] == {"s6.allocate", "s6.quarterly_transfer"}
