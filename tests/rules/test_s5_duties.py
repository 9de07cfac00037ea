"""Secs. 4(g) and 5, duties: members' goods enter duty-free; goods from concerns pay the 2026 rate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from citing import cited, said

from provisions.inputs import Alliance, Import, Member, OtherDuties, parse_hts
from provisions.kit.determination import Determination
from provisions.parameters import Parameters
from provisions.s5 import DutyTreatment, duty_treatment

D = dt.date
MakeImport = Callable[..., Import]


@pytest.mark.provision("s4_g_1")
def test_an_import_from_an_alliance_member_enters_duty_free(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "AU", "2027-03-01"), alliance)
    assert answer.value.treatment == "alliance-duty-free"
    assert answer.value.rate == 0
    assert answer.value.duty == Decimal("0.00")
    assert "s4_g_1" in cited(answer)


@pytest.mark.provision("s4_g_1")
def test_an_entry_the_day_before_entry_into_force_is_not_yet_duty_free(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "AU", "2026-12-31"), alliance)
    assert answer.value.treatment == "unaffected"
    assert answer.value.rate is None
    assert "before that date" in said(answer)


@pytest.mark.provision("s4_g_1")
def test_an_entry_on_the_day_of_entry_into_force_is_duty_free(
    alliance: Alliance, make_import: MakeImport
) -> None:
    assert (
        duty_treatment(make_import("8505.11.00", "AU", "2027-01-01"), alliance).value.treatment
        == "alliance-duty-free"
    )


@pytest.mark.provision("s4_g_2")
def test_section_301_and_232_duties_applied_from_entry_into_force_no_longer_apply(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("2602.00.00", "CA", "2027-04-01"), alliance)
    assert answer.value.no_longer_apply == (
        "section 301 duties applied on or after 2027-04-01",
        "section 232 duties applied on or after 2027-04-01",
    )
    assert "s4_g_2" in cited(answer)


@pytest.mark.provision("s4_g_3")
def test_antidumping_and_countervailing_duties_are_never_waived(
    alliance: Alliance, make_import: MakeImport
) -> None:
    for origin in ("AU", "CN", "BR"):
        answer = duty_treatment(make_import("8505.11.00", origin, "2027-03-01"), alliance)
        assert answer.value.antidumping_countervailing == "not affected"
    member = duty_treatment(make_import("8505.11.00", "AU", "2027-03-01"), alliance)
    assert "s4_g_3" in cited(member)


@pytest.mark.provision("s4_g_1")
def test_a_members_good_the_bill_does_not_cover_is_out_of_scope(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8471.30.01", "AU", "2027-03-01"), alliance)
    assert answer.value.treatment == "out-of-scope"
    assert answer.value.duty is None


@pytest.mark.provision("s5_a")
def test_a_good_from_a_country_of_concern_pays_the_january_1_2026_section_301_rate(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "CN", "2027-03-01"), alliance)
    assert answer.value.treatment == "concern-rate"
    assert answer.value.rate == Decimal("25")
    assert answer.value.duty == Decimal("250.00")
    assert "9903.91.06" in said(answer)


@pytest.mark.provision("s5_a")
def test_polysilicon_from_russia_pays_the_50_percent_rate(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("2804.61.00", "RU", "2027-03-01", value="333.33"), alliance)
    assert answer.value.rate == Decimal("50")
    assert answer.value.duty == Decimal("166.67")  # 166.665, halves up


@pytest.mark.provision("s5_a")
def test_before_the_first_agreement_enters_into_force_a_good_from_china_is_unaffected(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "CN", "2026-12-31"), alliance)
    assert answer.value.treatment == "unaffected"
    assert "first agreement enters into force on January 1, 2027" in said(answer)


@pytest.mark.provision("s5_a")
def test_on_the_day_the_first_agreement_enters_into_force_the_concern_rate_applies(
    alliance: Alliance, make_import: MakeImport
) -> None:
    assert (
        duty_treatment(make_import("8505.11.00", "VE", "2027-01-01"), alliance).value.treatment
        == "concern-rate"
    )


@pytest.mark.provision("s5_a")
def test_with_no_alliance_yet_nothing_changes(make_import: MakeImport) -> None:
    answer = duty_treatment(make_import("8505.11.00", "CN", "2030-01-01"), Alliance())
    assert answer.value.treatment == "unaffected"
    assert "no Alliance agreement has entered into force" in said(answer)


@pytest.mark.provision("s5_a")
def test_a_good_from_a_third_country_is_unaffected(alliance: Alliance, make_import: MakeImport) -> None:
    answer = duty_treatment(make_import("8505.11.00", "BR", "2027-03-01"), alliance)
    assert answer.value.treatment == "unaffected"
    assert answer.value.rate is None


@pytest.mark.provision("s5_b")
def test_a_good_made_by_a_foreign_entity_of_concern_in_a_third_country_pays_the_concern_rate(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("2825.90.30", "BR", "2027-03-01", feoc=True), alliance)
    assert answer.value.treatment == "concern-rate"
    assert answer.value.good == "processed"
    assert {"s3_5", "s5_b", "s5_a"} <= set(cited(answer))


@pytest.mark.provision("s5_a", "s4_g_1")
def test_a_members_good_made_by_a_foreign_entity_of_concern_pays_the_concern_rate_by_default(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "AU", "2027-03-01", feoc=True), alliance)
    assert answer.value.treatment == "concern-rate"
    assert answer.value.duty == Decimal("250.00")
    assert answer.value.no_longer_apply == ()
    assert "s4_g_2" not in cited(answer)  # the exemption does not reach a good sec. 5(a) governs
    assert "member_good_sourced_from_concern='concern-rate' (default)" in said(answer)


@pytest.mark.provision("s5_a", "s4_g_1")
def test_the_other_reading_lets_a_members_good_made_by_a_foreign_entity_of_concern_in_duty_free(
    alliance: Alliance, make_import: MakeImport
) -> None:
    params = Parameters(member_good_sourced_from_concern="duty-free")
    answer = duty_treatment(make_import("8505.11.00", "AU", "2027-03-01", feoc=True), alliance, params=params)
    assert answer.value.treatment == "alliance-duty-free"
    assert "(non-default)" in said(answer)


@pytest.mark.provision("s5_a", "s4_g_1")
def test_a_member_that_is_itself_a_country_of_concern_gets_the_concern_rate_by_default(
    make_import: MakeImport,
) -> None:
    odd = Alliance.of([Member("VE", D(2027, 1, 1))])
    assert (
        duty_treatment(make_import("8505.11.00", "VE", "2027-03-01"), odd).value.treatment == "concern-rate"
    )


@pytest.mark.provision("s5_a")
def test_without_a_customs_value_the_rate_is_given_and_the_duty_is_not(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "CN", "2027-03-01", value=None), alliance)
    assert answer.value.rate == Decimal("25")
    assert answer.value.duty is None


@pytest.mark.provision("s5_a")
def test_a_statistical_line_takes_the_rate_of_its_subheading(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8507.60.0020", "CN", "2027-03-01"), alliance)
    assert answer.value.category == "li-ion-battery-other"
    assert answer.value.rate == Decimal("25")


@pytest.mark.provision("s5_a")
def test_the_reasons_follow_the_text_from_definition_to_duty(
    alliance: Alliance, make_import: MakeImport
) -> None:
    answer = duty_treatment(make_import("8505.11.00", "CN", "2027-03-01"), alliance)
    assert cited(answer) == ["s3_3_A", "s3_7_A", "s3_4_A", "s4_g_1", "s5_a", "s5_a", "s5_a"]
    assert answer.rule == "provisions.s5.duty_treatment"


def _duty_free_without_adcvd(params: Parameters) -> Determination[DutyTreatment]:
    """Refined copper of a member, ordinary rate 1%, no antidumping or countervailing rate given."""
    alliance = Alliance.of([Member("CL", D(2027, 1, 1))])
    cathode = Import(parse_hts("7403.11.00"), "CL", D(2027, 3, 1), False, Decimal("1000.00"),
                     duties=OtherDuties(ordinary_rate=Decimal("1")))
    return duty_treatment(cathode, alliance, params=params)


@pytest.mark.provision("s4_g_3", "s5_a")
def test_by_default_a_total_leaves_out_antidumping_duty_not_given_and_says_so() -> None:
    answer = _duty_free_without_adcvd(Parameters())
    assert (answer.value.total_rate, answer.value.total_duty) == (0, Decimal("0.00"))
    assert "not counting antidumping or countervailing duty (no rate given)" in said(answer)
    assert "adcvd_not_given='left-out' (default)" in said(answer)


@pytest.mark.provision("s4_g_3", "s5_a")
def test_with_adcvd_unknown_no_total_is_given_until_the_rate_is_supplied() -> None:
    unknown = Parameters(adcvd_not_given="unknown")
    answer = _duty_free_without_adcvd(unknown)
    assert answer.value.treatment == "alliance-duty-free"  # the bill's treatment does not change
    assert (answer.value.total_rate, answer.value.total_duty) == (None, None)
    assert "no total: antidumping and countervailing duties are never waived" in said(answer)
    assert "adcvd_not_given='unknown' (non-default)" in said(answer)
    assert "all layers:" not in said(answer)
    alliance = Alliance.of([Member("CL", D(2027, 1, 1))])
    given = Import(parse_hts("7403.11.00"), "CL", D(2027, 3, 1), False, Decimal("1000.00"),
                   duties=OtherDuties(ordinary_rate=Decimal("1"), antidumping_countervailing_rate=Decimal("12.5")))
    supplied = duty_treatment(given, alliance, params=unknown)
    assert (supplied.value.total_rate, supplied.value.total_duty) == (Decimal("12.5"), Decimal("125.00"))
    assert "not counting antidumping" not in said(supplied)


def _layer(answer: Determination[DutyTreatment], name: str) -> tuple[Decimal | None, Decimal | None]:
    found = next(layer for layer in answer.value.layers if layer.layer == name)
    return found.before, found.under_bill


def _aluminum(origin: str, **duties: Decimal) -> Import:
    return Import(parse_hts("7601.10.60"), origin, D(2027, 3, 1), False, Decimal("1000.00"),
                  duties=OtherDuties(ordinary_rate=Decimal("0"), **duties))  # type: ignore[arg-type]


@pytest.mark.provision("s4_g_2")
def test_the_committed_section_232_rate_on_aluminum_is_a_layer_the_bill_lifts_for_a_member() -> None:
    canada = Alliance.of([Member("CA", D(2027, 1, 1))])
    answer = duty_treatment(_aluminum("CA"), canada)
    assert _layer(answer, "section-232") == (Decimal("50"), Decimal("0"))
    assert "committed data, from June 4, 2025" in said(answer) and "90 FR 24199" in said(answer)
    imposed_before = Parameters(duties_applied_on_or_after="imposed-on-or-after")
    kept = duty_treatment(_aluminum("CA"), canada, params=imposed_before)  # first imposed March 23, 2018
    assert _layer(kept, "section-232") == (Decimal("50"), Decimal("50"))
    assert kept.value.total_duty == Decimal("500.00")


@pytest.mark.provision("s4_g_2", "s5_a")
def test_a_section_232_rate_given_overrides_the_committed_one_and_the_united_kingdom_pays_25() -> None:
    nobody = Alliance.of([])
    given = duty_treatment(_aluminum("CA", section232_rate=Decimal("10")), nobody)
    assert _layer(given, "section-232") == (Decimal("10"), Decimal("10"))
    assert "committed data" not in said(given)
    britain = duty_treatment(_aluminum("GB"), nobody)
    assert _layer(britain, "section-232") == (Decimal("25"), Decimal("25"))
    assert britain.value.total_rate == Decimal("25")
    russia = duty_treatment(_aluminum("RU"), nobody)
    assert _layer(russia, "section-232") == (None, None)
    assert "not held for this origin and day" in said(russia)


@pytest.mark.provision("s4_g_2")
def test_copper_cathode_is_outside_the_2025_copper_action_until_the_refined_copper_question_of_2027() -> None:
    nobody = Alliance.of([])
    cathode = parse_hts("7403.11.00")
    in_2026 = duty_treatment(Import(cathode, "CL", D(2026, 3, 1), duties=OtherDuties(Decimal("0"))), nobody)
    assert _layer(in_2026, "section-232") == (Decimal("0"), Decimal("0"))
    assert in_2026.value.total_rate == Decimal("0")
    in_2027 = duty_treatment(Import(cathode, "CL", D(2027, 3, 1), duties=OtherDuties(Decimal("0"))), nobody)
    assert _layer(in_2027, "section-232") == (None, None)
    assert in_2027.value.total_rate is None
    assert "phased duty on refined copper" in said(in_2027)


@pytest.mark.provision("s5_a")
def test_a_line_with_no_committed_section_232_rate_says_so_as_a_data_limit() -> None:
    magnet = Import(parse_hts("8505.11.00"), "JP", D(2027, 3, 1), duties=OtherDuties(Decimal("2.1")))
    answer = duty_treatment(magnet, Alliance.of([]))
    assert _layer(answer, "section-232") == (None, None)
    assert "no section 232 rate on this line is held in the data (a data limit)" in said(answer)
    assert answer.value.total_rate is None


@pytest.mark.provision("s5_a")
def test_the_ordinary_layer_comes_from_the_committed_general_rate_and_the_sec_5a_rate_comes_on_top() -> None:
    canada = Alliance.of([Member("CA", D(2027, 1, 1))])
    silicon_alloy = Import(parse_hts("7601.20.60"), "CN", D(2027, 3, 1), False, Decimal("1000.00"))
    answer = duty_treatment(silicon_alloy, canada)
    assert _layer(answer, "ordinary") == (Decimal("2.1"), Decimal("2.1"))
    assert "the column 1 general rate, 2.1%" in said(answer) and "preference rate" in said(answer)
    assert (answer.value.total_rate, answer.value.total_duty) == (Decimal("77.1"), Decimal("771.00"))  # 2.1 + 25 + 50
    replaced = duty_treatment(silicon_alloy, canada, params=Parameters(concern_rate_and_ordinary="replaces-ordinary"))
    assert replaced.value.total_rate == Decimal("75")
    given = Import(parse_hts("7601.20.60"), "CN", D(2027, 3, 1), False, Decimal("1000.00"),
                   duties=OtherDuties(ordinary_rate=Decimal("0")))
    assert _layer(duty_treatment(given, canada), "ordinary") == (Decimal("0"), Decimal("0"))


@pytest.mark.provision("s5_a")
def test_products_of_russia_pay_the_column_2_rate_from_april_9_2022() -> None:
    nobody = Alliance.of([])
    cathode = parse_hts("7403.11.00")
    after = duty_treatment(Import(cathode, "RU", D(2026, 3, 1)), nobody)
    assert _layer(after, "ordinary") == (Decimal("6"), Decimal("6"))
    assert "column 2 rate, 6%, on products of RU" in said(after)
    before = duty_treatment(Import(cathode, "RU", D(2022, 4, 8)), nobody)
    assert _layer(before, "ordinary") == (Decimal("1"), Decimal("1"))


@pytest.mark.provision("s5_a")
def test_a_specific_ordinary_rate_is_named_and_not_turned_into_a_percent() -> None:
    concentrate = Import(parse_hts("2611.00.60"), "PE", D(2027, 3, 1), False, Decimal("1000.00"))
    answer = duty_treatment(concentrate, Alliance.of([]))
    assert _layer(answer, "ordinary") == (None, None)
    assert "37.5¢/kg on tungsten content" in said(answer) and "not held as a percent" in said(answer)
    assert answer.value.total_rate is None


@pytest.mark.provision("s5_a")
def test_by_default_a_line_with_no_section_232_action_held_gives_no_total_and_names_the_reading() -> None:
    magnets = Import(parse_hts("8505.11.00"), "CN", D(2027, 3, 1), False, Decimal("1000.00"))
    answer = duty_treatment(magnets, Alliance.of([Member("AU", D(2027, 1, 1))]))
    assert (answer.value.total_rate, answer.value.total_duty) == (None, None)
    assert "section232_not_held='unknown' (default)" in said(answer)


@pytest.mark.provision("s5_a", "s4_g_2")
def test_taking_a_line_with_no_section_232_action_held_to_have_none_gives_the_total_and_says_so() -> None:
    none = Parameters(section232_not_held="none")
    magnets = Import(parse_hts("8505.11.00"), "CN", D(2027, 3, 1), False, Decimal("1000.00"))
    answer = duty_treatment(magnets, Alliance.of([Member("AU", D(2027, 1, 1))]), params=none)
    assert _layer(answer, "section-232") == (Decimal("0"), Decimal("0"))
    assert (answer.value.rate, answer.value.duty) == (Decimal("25"), Decimal("250.00"))  # the sec. 5(a) layer
    assert (answer.value.total_rate, answer.value.total_duty) == (Decimal("27.1"), Decimal("271.00"))  # 2.1 + 25
    assert "taken to have none (parameter section232_not_held='none' (non-default))" in said(answer)
    # a member's good: the layer it would lift is nil, and the total is 0
    lithium = Import(parse_hts("2836.91.00"), "AU", D(2027, 3, 1), False, Decimal("1000.00"))
    free = duty_treatment(lithium, Alliance.of([Member("AU", D(2027, 1, 1))]), params=none)
    assert (free.value.treatment, free.value.total_duty) == ("alliance-duty-free", Decimal("0.00"))


@pytest.mark.provision("s5_a", "s4_g_2")
def test_a_line_the_section_232_data_holds_but_not_for_the_origin_or_day_stays_not_known_under_none() -> None:
    none = Parameters(section232_not_held="none")
    nobody = Alliance.of([])
    russia = duty_treatment(_aluminum("RU"), nobody, params=none)  # Proclamation 10522's 200%: not held
    assert _layer(russia, "section-232") == (None, None) and russia.value.total_rate is None
    cathode_2027 = Import(parse_hts("7403.11.00"), "CL", D(2027, 3, 1), duties=OtherDuties(Decimal("0")))
    assert duty_treatment(cathode_2027, nobody, params=none).value.total_rate is None
    before_rows = Import(parse_hts("7601.10.60"), "CA", D(2019, 3, 1), False, Decimal("1000.00"),
                         duties=OtherDuties(ordinary_rate=Decimal("0")))  # 10% with exemptions then: not held
    early = duty_treatment(before_rows, nobody, params=none)
    assert _layer(early, "section-232") == (None, None)
    assert "held for this day (a data limit)" in said(early)
    assert "section232_not_held" not in said(early)  # the reading does not reach it: not offered
