"""Sec. 3, definitions: critical minerals on a date, goods by HTS subheading, countries of concern."""

from __future__ import annotations

import datetime as dt

import pytest
from citing import cited, said

from provisions.datasets import MineralList
from provisions.inputs import parse_hts
from provisions.parameters import Parameters
from provisions.s3 import (
    appropriate_congressional_committees,
    classify_good,
    is_critical_mineral,
    is_foreign_country_of_concern,
    is_select_derivative_product,
    mineral_stage,
)

D = dt.date
IN_FORCE = Parameters(mineral_list_reading="list-in-force")
LATER_LIST = MineralList(
    "Final 2028 List of Critical Minerals", D(2028, 5, 1), "93 FR 1", frozenset({"lithium", "helium"}), "test"
)


def lists_with_a_later_one() -> list[MineralList]:
    from provisions.datasets import mineral_lists

    return [*mineral_lists(), LATER_LIST]


@pytest.mark.provision("s3_1", "s3_1_A", "s3_1_B")
def test_the_appropriate_committees_are_finance_and_ways_and_means() -> None:
    answer = appropriate_congressional_committees()
    assert answer.value == (
        "Committee on Finance of the Senate",
        "Committee on Ways and Means of the House of Representatives",
    )
    assert cited(answer) == ["s3_1_A", "s3_1_B"]


@pytest.mark.provision("s3_2_A")
def test_a_mineral_on_the_list_in_force_on_january_1_2026_is_critical() -> None:
    answer = is_critical_mineral("Lithium", D(2027, 3, 1))
    assert answer.value is True
    assert cited(answer) == ["s3_2_A"]
    assert "90 FR 50494" in said(answer)


@pytest.mark.provision("s3_2_A")
def test_copper_added_by_the_2025_list_is_critical_because_that_list_was_in_force_on_january_1_2026() -> None:
    assert is_critical_mineral("copper", D(2026, 1, 1)).value is True


@pytest.mark.provision("s3_2")
def test_a_mineral_on_no_list_is_not_critical() -> None:
    answer = is_critical_mineral("helium", D(2027, 3, 1))
    assert answer.value is False
    assert cited(answer) == ["s3_2"]


@pytest.mark.provision("s3_2_B")
def test_a_mineral_added_after_january_1_2026_is_critical_from_the_day_its_list_is_published() -> None:
    lists = lists_with_a_later_one()
    assert is_critical_mineral("helium", D(2028, 4, 30), lists=lists).value is False
    on_the_day = is_critical_mineral("helium", D(2028, 5, 1), lists=lists)
    assert on_the_day.value is True
    assert cited(on_the_day) == ["s3_2_B"]


@pytest.mark.provision("s3_2_A")
def test_a_mineral_dropped_by_a_later_list_stays_critical_under_the_default_reading() -> None:
    lists = lists_with_a_later_one()  # the 2028 list keeps only lithium and helium
    assert is_critical_mineral("tungsten", D(2029, 1, 1), lists=lists).value is True
    assert is_critical_mineral("tungsten", D(2029, 1, 1), lists=lists, params=IN_FORCE).value is False


@pytest.mark.provision("s3_2")
def test_under_the_list_in_force_reading_lead_is_not_critical_before_the_2025_list() -> None:
    before = is_critical_mineral("lead", D(2025, 11, 6), params=IN_FORCE)
    assert before.value is False
    assert "non-default" in said(before)
    assert is_critical_mineral("lead", D(2025, 11, 7), params=IN_FORCE).value is True


@pytest.mark.provision("s3_6")
def test_tungsten_oxides_are_a_processed_critical_mineral() -> None:
    answer = mineral_stage(parse_hts("2825.90.30"), D(2027, 3, 1))
    assert answer.value == "processed"
    assert "s3_6" in cited(answer)


@pytest.mark.provision("s3_2")
def test_tungsten_concentrates_are_a_mined_critical_mineral() -> None:
    assert mineral_stage(parse_hts("2611.00.60"), D(2027, 3, 1)).value == "mined"


@pytest.mark.provision("s3_6")
def test_a_magnet_is_not_a_mined_or_processed_mineral() -> None:
    assert mineral_stage(parse_hts("8505.11.00"), D(2027, 3, 1)).value is None


@pytest.mark.provision("s3_3", "s3_3_B")
def test_a_processed_mineral_not_incorporated_into_another_good_is_not_a_derivative_product() -> None:
    answer = classify_good(parse_hts("8112.92.30"), D(2027, 3, 1))
    assert answer.value.kind == "processed"
    assert answer.value.critical_minerals == ("indium",)
    assert cited(answer)[-1] == "s3_3_B"


@pytest.mark.provision("s3_3_A", "s3_7_A")
def test_a_permanent_magnet_of_metal_is_a_select_derivative_product() -> None:
    answer = classify_good(parse_hts("8505.11.00"), D(2027, 3, 1))
    assert answer.value.kind == "select-derivative-product"
    assert answer.value.category == "permanent-magnet"
    assert cited(answer) == ["s3_3_A", "s3_7_A"]


@pytest.mark.provision("s3_7_B")
def test_the_ev_statistical_line_is_a_lithium_ion_battery_for_an_electric_vehicle() -> None:
    answer = is_select_derivative_product(parse_hts("8507.60.0010"), D(2027, 3, 1))
    assert answer.value == "li-ion-battery-ev"
    assert "s3_7_B" in cited(answer)


@pytest.mark.provision("s3_7_C")
def test_the_other_statistical_line_is_a_lithium_ion_battery_for_other_uses() -> None:
    answer = is_select_derivative_product(parse_hts("8507600020"), D(2027, 3, 1))
    assert answer.value == "li-ion-battery-other"
    assert "s3_7_C" in cited(answer)


@pytest.mark.provision("s3_7_B", "s3_7_C")
def test_the_eight_digit_battery_subheading_is_a_select_derivative_product_either_way() -> None:
    answer = is_select_derivative_product(parse_hts("8507.60.00"), D(2027, 3, 1))
    assert answer.value == "li-ion-battery"
    assert {"s3_7_B", "s3_7_C"} <= set(cited(answer))


@pytest.mark.provision("s3_7_D")
def test_lead_acid_battery_parts_subject_to_section_301_duties_on_january_1_2026_are_select() -> None:
    answer = is_select_derivative_product(parse_hts("8507.90.40"), D(2027, 3, 1))
    assert answer.value == "battery-part"
    assert "September 27, 2024" in said(answer)


@pytest.mark.provision("s3_7_D")
def test_a_battery_part_whose_section_301_duty_began_after_january_1_2026_is_not_select() -> None:
    from dataclasses import replace

    from provisions.datasets import section301_lines

    table = dict(section301_lines())
    line = table["8507.90.40"]
    assert line.section301 is not None
    table["8507.90.40"] = replace(line, section301=replace(line.section301, since=D(2026, 1, 2)))
    answer = is_select_derivative_product(parse_hts("8507.90.40"), D(2027, 3, 1), table=table)
    assert answer.value is None
    assert cited(answer)[-1] == "s3_7_D"


@pytest.mark.provision("s3_3_A")
def test_a_good_incorporating_no_critical_mineral_on_the_date_is_not_a_derivative_product() -> None:
    answer = classify_good(parse_hts("8507.90.40"), D(2025, 6, 1), params=IN_FORCE)
    assert answer.value.kind == "not-covered"
    assert cited(answer) == ["s3_3_A"]


@pytest.mark.provision("s3_2", "s3_7")
def test_a_subheading_outside_the_table_is_not_covered() -> None:
    answer = classify_good(parse_hts("8471.30.01"), D(2027, 3, 1))
    assert answer.value.kind == "not-covered"
    assert not answer.value.covered


@pytest.mark.provision("s3_4_A")
@pytest.mark.parametrize("country", ["CN", "KP", "RU", "IR"])
def test_the_four_countries_of_42_usc_19221_are_foreign_countries_of_concern(country: str) -> None:
    answer = is_foreign_country_of_concern(country, D(2027, 3, 1))
    assert answer.value is True
    assert cited(answer) == ["s3_4_A"]


@pytest.mark.provision("s3_4_B")
def test_venezuela_is_a_foreign_country_of_concern_by_the_bill_itself() -> None:
    answer = is_foreign_country_of_concern("VE", D(2027, 3, 1))
    assert answer.value is True
    assert cited(answer) == ["s3_4_B"]


@pytest.mark.provision("s3_4")
@pytest.mark.parametrize("country", ["AU", "HK", "BY", "CU"])
def test_other_countries_are_not_foreign_countries_of_concern(country: str) -> None:
    assert is_foreign_country_of_concern(country, D(2027, 3, 1)).value is False


@pytest.mark.provision("s3_4_A")
def test_a_state_department_designation_counts_from_its_date() -> None:
    params = Parameters(state_designated_countries_of_concern=(("BY", D(2027, 6, 1)),))
    assert is_foreign_country_of_concern("BY", D(2027, 5, 31), params=params).value is False
    answer = is_foreign_country_of_concern("BY", D(2027, 6, 1), params=params)
    assert answer.value is True
    assert "non-default" in said(answer)
