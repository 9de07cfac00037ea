"""A reason never states what its answer denies: every determination's reasons agree with its value.

Each check pairs a fact about the value with words no reason may then contain; the
scenarios run every rule that answers a question of `billtrace check` over the covered
goods, origins, dates, producers and readings, and over timelines and project decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from citing import said

from provisions.datasets import covered_goods
from provisions.inputs import Alliance, Import, Member, Sourcing, parse_hts
from provisions.kit.determination import Determination
from provisions.parameters import Parameters
from provisions.s4 import Disapproval, admission_timeline
from provisions.s5 import duty_treatment
from provisions.s6 import dfc_may_support

D = dt.date
ALLIANCE = Alliance.of([Member("AU", D(2027, 1, 1)), Member("CL", D(2027, 4, 1))])
READINGS = (
    Parameters(),
    Parameters(member_good_sourced_from_concern="duty-free"),
    Parameters(concern_rate_where_no_301="zero", concern_rate_and_ordinary="replaces-ordinary"),
    Parameters(processed_compounds="metal-powder-alloy-only", sourced_from_country="any-stage"),
    Parameters(adcvd_not_given="unknown", artificial_graphite="artificial-counts"),
)

Check = tuple[Callable[[Any], bool], str]
DUTY_CHECKS: tuple[Check, ...] = (
    (lambda v: v.treatment != "alliance-duty-free", "enters free of duty"),
    (lambda v: v.treatment != "concern-rate", "sourced from a foreign country or entity of concern is the"),
    (lambda v: v.treatment != "concern-rate", "Duty: "),
    (lambda v: v.treatment == "out-of-scope", "a select derivative product."),
    (lambda v: v.good == "not-covered", "is a permanent magnet: a select"),
    (lambda v: v.treatment in ("alliance-duty-free", "concern-rate"), "leaves its duties as they are"),
    (lambda v: v.total_rate is None, "all layers:"),
    (lambda v: v.total_rate is not None, "no total"),
)
DFC_CHECKS: tuple[Check, ...] = (
    (lambda v: v.barred, "does not bar"),
    (lambda v: v.barred, "may support the project"),
    (lambda v: not v.barred, "bars the Corporation"),
)
TIMELINE_CHECKS: tuple[Check, ...] = (
    (lambda v: v.status == "blocked", "too late to stop entry into force"),
    (lambda v: v.status == "may-enter-into-force", "may not enter into force"),
)


def contradictions(answer: Determination[Any], checks: tuple[Check, ...]) -> list[str]:
    """The words a reason of ``answer`` holds that its value denies."""
    text = said(answer)
    return [words for applies, words in checks if applies(answer.value) and words in text]


def duty_scenarios() -> Iterator[Determination[Any]]:
    for hts in [*covered_goods(), "8471.30.01"]:
        for origin, feoc, day in (
            ("CN", False, D(2027, 3, 1)),
            ("AU", False, D(2027, 3, 1)),
            ("AU", True, D(2027, 3, 1)),
            ("CL", False, D(2027, 3, 1)),  # a member not yet in force
            ("BR", False, D(2026, 12, 1)),  # before any agreement
            ("BR", True, D(2027, 6, 1)),
        ):
            for params in READINGS:
                yield duty_treatment(
                    Import(parse_hts(hts), origin, day, feoc, Decimal("100.00"), Sourcing(mined_in="CN")),
                    ALLIANCE,
                    params=params,
                )


@pytest.mark.provision("s4_g_1", "s5_a")
def test_no_duty_answer_has_a_reason_that_denies_it() -> None:
    found = [(a.value.hts, a.value.origin, words) for a in duty_scenarios() for words in contradictions(a, DUTY_CHECKS)]
    assert found == []


@pytest.mark.provision("s6_d_1")
def test_no_dfc_answer_has_a_reason_that_denies_it() -> None:
    found = []
    for country in ("AU", "CL", "PH", "BR", "PE"):
        for flags in ((False, False, False), (True, True, False), (True, False, True), (True, False, False)):
            for params in (Parameters(), Parameters(dfc_conditions="necessary-and-sufficient")):
                answer = dfc_may_support(
                    country, D(2027, 6, 1), ALLIANCE, presidential_certification=flags[0],
                    us_private_participation=flags[1], dod_offtake=flags[2], income_group_override="high"
                    if country == "CL" else None, params=params,
                )
                found += [(country, flags, words) for words in contradictions(answer, DFC_CHECKS)]
    assert found == []


@pytest.mark.provision("s4_e_2")
def test_no_timeline_has_a_reason_that_denies_it() -> None:
    certified = D(2026, 3, 2)
    found = []
    for disapproval in (None, Disapproval(D(2026, 4, 1)), Disapproval(D(2026, 6, 30), D(2026, 4, 1))):
        answer = admission_timeline(certified, disapproval=disapproval)
        found += [(disapproval, words) for words in contradictions(answer, TIMELINE_CHECKS)]
    assert found == []


@pytest.mark.provision("s5_a")
def test_the_check_catches_a_reason_that_contradicts_its_answer() -> None:
    answer = duty_treatment(Import(parse_hts("8505.11.00"), "CN", D(2027, 3, 1)), ALLIANCE)
    from dataclasses import replace

    from provisions.kit.determination import Reason

    forged = replace(answer, reasons=(*answer.reasons, Reason("s4_g_1", "8505.11.00 enters free of duty.")))
    assert contradictions(forged, DUTY_CHECKS) == ["enters free of duty"]
