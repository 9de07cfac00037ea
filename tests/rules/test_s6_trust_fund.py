"""Sec. 6, the Trust Fund: quarterly transfers, the 60/20/20 split in cents, DFC support."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from citing import cited, said
from hypothesis import given
from hypothesis import strategies as st

from provisions.inputs import Alliance, InputError, Member
from provisions.kit.periods import FiscalQuarter
from provisions.parameters import Parameters
from provisions.s6 import (
    RECIPIENTS,
    allocate,
    dfc_may_support,
    income_group,
    quarterly_transfer,
    trust_fund_quarter,
)

D = dt.date
CENTS = st.integers(min_value=0, max_value=10**13).map(lambda c: Decimal(c).scaleb(-2))
ENERGY_TAKES_REST = Parameters(allocation_rounding="remainder-to-energy")


# --- transfers, sec. 6(b) ---------------------------------------------------------------------


@pytest.mark.provision("s6_b_1")
def test_only_duties_on_mined_and_processed_critical_minerals_are_transferred() -> None:
    answer = quarterly_transfer(Decimal("1000.00"), other_duties=Decimal("500.00"))
    assert answer.value.transfer == Decimal("1000.00")
    assert answer.value.not_transferred == Decimal("500.00")
    assert "not transferred" in said(answer)


@pytest.mark.provision("s6_b_2")
def test_a_shortfall_in_earlier_estimates_is_added_to_the_next_transfer() -> None:
    answer = quarterly_transfer(Decimal("1000.00"), adjustment=Decimal("25.50"))
    assert answer.value.transfer == Decimal("1025.50")
    assert "fell short of" in said(answer)


@pytest.mark.provision("s6_b_2")
def test_an_excess_larger_than_the_quarter_is_carried_forward() -> None:
    answer = quarterly_transfer(Decimal("100.00"), adjustment=Decimal("-150.00"))
    assert answer.value.transfer == Decimal("0.00")
    assert answer.value.carried_forward == Decimal("-50.00")
    assert "carried forward" in said(answer)


@pytest.mark.provision("s6_b_1")
def test_negative_duties_are_an_input_error() -> None:
    with pytest.raises(InputError):
        quarterly_transfer(Decimal("-1.00"))


@pytest.mark.provision("s6_b_1")
def test_the_federal_fiscal_year_begins_on_october_1() -> None:
    assert str(FiscalQuarter.of(D(2026, 9, 30))) == "FY2026 Q4"
    assert str(FiscalQuarter.of(D(2026, 10, 1))) == "FY2027 Q1"
    assert str(FiscalQuarter.of(D(2027, 1, 1))) == "FY2027 Q2"
    quarter = FiscalQuarter.of(D(2028, 2, 29))
    assert (quarter.first_day, quarter.last_day) == (D(2028, 1, 1), D(2028, 3, 31))


# --- allocation, sec. 6(c) --------------------------------------------------------------------


@pytest.mark.provision("s6_c", "s6_c_1", "s6_c_2", "s6_c_3")
def test_a_transfer_is_split_60_20_20() -> None:
    answer = allocate(Decimal("1000000.00"))
    assert dict(answer.value.allocations) == {
        "doe_lpo": Decimal("600000.00"),
        "dod": Decimal("200000.00"),
        "dfc": Decimal("200000.00"),
    }
    assert cited(answer) == ["s6_c_1", "s6_c_2", "s6_c_3", "s6_c"]


@pytest.mark.provision("s6_c")
def test_an_odd_cent_goes_to_the_largest_remainder() -> None:
    answer = allocate(Decimal("1000000.01"))
    assert dict(answer.value.allocations) == {
        "doe_lpo": Decimal("600000.01"),
        "dod": Decimal("200000.00"),
        "dfc": Decimal("200000.00"),
    }
    assert "largest remainders" in said(answer)


@pytest.mark.provision("s6_c")
def test_four_cents_split_two_one_one() -> None:
    # exact shares 2.4, 0.8 and 0.8 cents: DOD and DFC have the larger remainders
    assert list(allocate(Decimal("0.04")).value.allocations.values()) == [
        Decimal("0.02"),
        Decimal("0.01"),
        Decimal("0.01"),
    ]


@pytest.mark.provision("s6_c")
def test_the_energy_takes_the_rest_reading_is_a_named_parameter() -> None:
    answer = allocate(Decimal("0.04"), params=ENERGY_TAKES_REST)
    assert list(answer.value.allocations.values()) == [Decimal("0.04"), Decimal("0.00"), Decimal("0.00")]
    assert "non-default" in said(answer)


@pytest.mark.provision("s6_c")
def test_fractions_of_a_cent_cannot_be_split() -> None:
    with pytest.raises(InputError, match="fraction of a cent"):
        allocate(Decimal("10.005"))


@pytest.mark.provision("s6_c")
@given(CENTS)
def test_the_three_parts_always_sum_to_the_transfer(amount: Decimal) -> None:
    for params in (Parameters(), ENERGY_TAKES_REST):
        parts = allocate(amount, params=params).value.allocations
        assert sum(parts.values()) == amount


@pytest.mark.provision("s6_c")
@given(CENTS)
def test_no_part_is_a_cent_or_more_from_its_exact_share(amount: Decimal) -> None:
    parts = allocate(amount).value.allocations
    for key, share, _, _ in RECIPIENTS:
        exact = Fraction(amount) * share
        assert abs(Fraction(parts[key]) - exact) < Fraction(1, 100)
        assert parts[key] == parts[key].quantize(Decimal("0.01"))


@pytest.mark.provision("s6_c")
@given(CENTS)
def test_under_the_energy_takes_the_rest_reading_dod_and_dfc_are_rounded_down(amount: Decimal) -> None:
    parts = allocate(amount, params=ENERGY_TAKES_REST).value.allocations
    for key, share, _, _ in RECIPIENTS[1:]:
        exact = Fraction(amount) * share
        assert 0 <= exact - Fraction(parts[key]) < Fraction(1, 100)
    assert 0 <= Fraction(parts["doe_lpo"]) - Fraction(amount) * RECIPIENTS[0][1] < Fraction(3, 100)


@pytest.mark.provision("s6_b_1", "s6_c")
def test_a_quarter_goes_from_duties_to_transfer_to_allocation() -> None:
    answer = trust_fund_quarter(Decimal("1000000.01"), other_duties=Decimal("500"))
    assert answer.value.transfer == Decimal("1000000.01")
    assert answer.value.allocations["doe_lpo"] == Decimal("600000.01")
    assert cited(answer)[:2] == ["s6_b_1", "s6_b_1"]


# --- DFC support, sec. 6(d) -------------------------------------------------------------------


ALLIANCE = Alliance.of(
    [Member("AU", D(2027, 1, 1)), Member("PH", D(2026, 1, 1)), Member("PE", D(2026, 1, 1))]
)


@pytest.mark.provision("s6_d_2")
def test_income_groups_come_from_the_world_bank_data_in_force_on_the_day() -> None:
    assert income_group("PH", D(2026, 6, 30)).value == "lower-middle"
    assert income_group("PH", D(2026, 7, 1)).value == "upper-middle"


@pytest.mark.provision("s6_d_2")
def test_a_day_outside_the_data_needs_an_income_group_to_be_given() -> None:
    with pytest.raises(InputError, match="no World Bank income group"):
        income_group("AU", D(2030, 1, 1))
    assert income_group("AU", D(2030, 1, 1), override="high").value == "high"


@pytest.mark.provision("s6_d_1", "s6_d_1_A", "s6_d_1_B_i")
def test_a_high_income_member_with_certification_and_us_private_participation_may_be_supported() -> None:
    answer = dfc_may_support(
        "AU", D(2027, 3, 1), ALLIANCE, presidential_certification=True, us_private_participation=True
    )
    assert answer.value.barred is False
    assert answer.value.conditions_apply is True


@pytest.mark.provision("s6_d_1_B_ii")
def test_a_defense_offtake_commitment_stands_in_for_private_participation() -> None:
    answer = dfc_may_support("AU", D(2027, 3, 1), ALLIANCE, presidential_certification=True, dod_offtake=True)
    assert answer.value.barred is False


@pytest.mark.provision("s6_d_1_A")
def test_without_a_presidential_certification_a_high_income_member_may_not_be_supported() -> None:
    answer = dfc_may_support("AU", D(2027, 3, 1), ALLIANCE, us_private_participation=True, dod_offtake=True)
    assert answer.value.barred is True
    assert "has not certified" in said(answer)


@pytest.mark.provision("s6_d_1_B")
def test_a_certification_alone_is_not_enough() -> None:
    answer = dfc_may_support("PE", D(2026, 3, 1), ALLIANCE, presidential_certification=True)
    assert answer.value.income_group == "upper-middle"
    assert answer.value.barred is True
    assert "neither clause" in said(answer)


@pytest.mark.provision("s6_d_1")
def test_the_conditions_do_not_apply_to_a_lower_middle_income_member() -> None:
    answer = dfc_may_support("PH", D(2026, 3, 1), ALLIANCE)
    assert answer.value.barred is False
    assert answer.value.conditions_apply is False


@pytest.mark.provision("s6_d_1")
def test_the_philippines_moving_up_on_july_1_2026_brings_in_the_conditions() -> None:
    answer = dfc_may_support("PH", D(2026, 7, 1), ALLIANCE)
    assert answer.value.barred is True
    assert answer.value.conditions_apply is True


@pytest.mark.provision("s6_c_3")
def test_a_country_that_is_not_yet_a_member_may_not_be_supported_from_the_fund() -> None:
    before = dfc_may_support(
        "AU", D(2026, 12, 31), ALLIANCE, presidential_certification=True, dod_offtake=True
    )
    assert before.value.barred is True
    assert cited(before) == ["s6_c_3"]
    assert dfc_may_support("BR", D(2027, 3, 1), ALLIANCE).value.barred is True
