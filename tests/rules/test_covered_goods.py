"""The goods the bill reaches, from the definitions: every listed mineral, its forms, and the fund base."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from citing import cited, said

from provisions.datasets import covered_goods, mineral_lists
from provisions.inputs import Alliance, Import, InputError, Member, Sourcing, parse_hts
from provisions.kit.periods import FiscalQuarter
from provisions.ledger_fast import FastLedger
from provisions.parameters import Parameters
from provisions.s3 import LIST_DATE, classify_good
from provisions.s5 import duty_treatment

D = dt.date
ENTRY = D(2027, 3, 1)
MEMBERS = Alliance.of([Member("CL", D(2027, 1, 1)), Member("AU", D(2027, 1, 1))])
LIST = next(entry for entry in mineral_lists() if entry.published <= LIST_DATE and len(entry.minerals) == 60)


def a_line_of(mineral: str) -> str:
    """The first mined or processed line of ``mineral`` in the table that is not a compound."""
    return next(
        hts
        for hts, line in covered_goods().items()
        if mineral in line.minerals and line.stage in ("mined", "processed") and line.form != "compound"
    )


def imp(hts: str, origin: str, *, value: str = "1000.00", **sourcing: object) -> Import:
    return Import(parse_hts(hts), origin, ENTRY, False, Decimal(value), Sourcing(**sourcing))  # type: ignore[arg-type]


@pytest.mark.provision("s3_2_A", "s3_6")
def test_every_mineral_on_the_list_in_force_on_january_1_2026_has_a_mined_or_processed_line() -> None:
    missing = [mineral for mineral in sorted(LIST.minerals) if not any(
        mineral in line.minerals and line.stage in ("mined", "processed") for line in covered_goods().values()
    )]
    assert missing == []


@pytest.mark.provision("s4_g_1")
@pytest.mark.parametrize("mineral", sorted(LIST.minerals))
def test_a_members_good_of_every_mineral_enters_free_of_duty(mineral: str) -> None:
    hts = a_line_of(mineral)
    answer = duty_treatment(imp(hts, "CL"), MEMBERS)
    assert answer.value.treatment == "alliance-duty-free", said(answer)
    assert answer.value.duty == Decimal("0.00")
    assert "s4_g_1" in cited(answer)


@pytest.mark.provision("s5_a", "s5_b")
@pytest.mark.parametrize("mineral", sorted(LIST.minerals))
def test_a_good_of_every_mineral_sourced_from_a_concern_gets_the_section_301_rate_china_bore(mineral: str) -> None:
    hts = a_line_of(mineral)
    line = covered_goods()[hts]
    for answer in (
        duty_treatment(imp(hts, "CN"), MEMBERS),
        duty_treatment(imp(hts, "BR", processed_by_feoc=True), MEMBERS),  # sec. 5(b): processed by a FEOC
    ):
        if line.section301 is not None and line.section301.rate > 0:
            assert answer.value.treatment == "concern-rate", said(answer)
            assert answer.value.rate == line.section301.rate
        else:  # China's line bore no section 301 duty: sec. 5(a) has no rate to apply (default reading)
            assert answer.value.treatment == "unaffected"
            assert "concern_rate_where_no_301" in said(answer)


@pytest.mark.provision("s6_b_1")
@pytest.mark.parametrize("mineral", sorted(LIST.minerals))
def test_the_fund_base_takes_the_duties_on_every_minerals_goods(mineral: str) -> None:
    hts = a_line_of(mineral)
    header = ["hts", "origin", "entry_date", "value", "other_duties"]
    ledger = FastLedger(header, MEMBERS)
    ledger.row([hts, "CN", "2027-03-01", "1000.00", "10.00"], 1, as_json=False)
    ledger.row([hts, "CL", "2027-03-02", "1000.00", "5.00"], 2, as_json=False)
    ledger.row(["8471.30.01", "CN", "2027-03-03", "1000.00", "7.00"], 3, as_json=False)  # not covered
    line = covered_goods()[hts]
    rate = line.section301.rate if line.section301 is not None else Decimal(0)
    expected = (Decimal("1000.00") * rate / 100).quantize(Decimal("0.01")) + Decimal("15.00")
    totals = ledger.totals()
    quarter = FiscalQuarter.of(ENTRY)
    assert totals.fund_duties[quarter] == expected
    assert totals.other_duties[quarter] == Decimal("7.00")


@pytest.mark.provision("s4_g_1", "s3_6")
def test_refined_copper_cathode_from_a_member_enters_free_of_duty() -> None:
    answer = duty_treatment(imp("7403.11.00", "CL"), Alliance.of([Member("CL", D(2027, 1, 1))]))
    assert answer.value.treatment == "alliance-duty-free"
    assert answer.value.good == "processed"
    assert {"s3_2_A", "s3_6", "s4_g_1", "s4_g_2", "s4_g_3"} <= set(cited(answer))
    assert "converted into metal" in said(answer)


@pytest.mark.provision("s3_3")
def test_a_line_on_no_list_we_hold_is_out_of_scope_as_a_data_limit_not_as_law() -> None:
    answer = duty_treatment(imp("8471.30.01", "CL"), MEMBERS)
    assert answer.value.treatment == "out-of-scope"
    assert cited(answer) == ["s3"]
    assert "Data limit" in said(answer)
    assert "not a finding that the bill does not reach" in said(answer)


@pytest.mark.provision("s3_2", "s3_7")
def test_a_line_held_as_outside_the_bill_cites_the_definitions_it_fails() -> None:
    thermal = classify_good(parse_hts("2701.12.0050"), ENTRY)
    assert thermal.value.kind == "not-covered"
    assert cited(thermal) == ["s3_2"]
    wafers = classify_good(parse_hts("3818.00.00"), ENTRY)
    assert cited(wafers) == ["s3_7"]
    assert "none of the select derivative products" in said(wafers)


@pytest.mark.provision("s3_2")
def test_where_the_statistical_suffix_decides_the_answer_asks_for_it() -> None:
    coal = classify_good(parse_hts("2701.12.00"), ENTRY)
    assert coal.value.kind == "not-covered"
    assert "2701.12.0010" in said(coal)
    assert classify_good(parse_hts("2701.12.0010"), ENTRY).value.kind == "mined"


@pytest.mark.provision("s3_6")
def test_whether_compounds_are_processed_is_a_named_parameter() -> None:
    carbonate = parse_hts("2836.91.00")
    assert classify_good(carbonate, ENTRY).value.kind == "processed"
    strict = Parameters(processed_compounds="metal-powder-alloy-only")
    answer = classify_good(carbonate, ENTRY, params=strict)
    assert answer.value.kind == "not-covered"
    assert "processed_compounds='metal-powder-alloy-only' (non-default)" in said(answer)


@pytest.mark.provision("s3_7_A")
def test_which_lines_are_permanent_magnets_is_a_named_parameter() -> None:
    ferrite = parse_hts("8505.19.30")
    assert classify_good(ferrite, ENTRY).value.kind == "not-covered"
    wide = Parameters(permanent_magnet_lines="all-permanent-magnets")
    assert classify_good(ferrite, ENTRY, params=wide).value.category == "permanent-magnet"


@pytest.mark.provision("s5_a")
def test_where_china_bore_no_section_301_duty_the_zero_reading_sets_a_rate_of_nil() -> None:
    metal = imp("2805.30.00", "CN")
    assert duty_treatment(metal, MEMBERS).value.treatment == "unaffected"
    zero = duty_treatment(metal, MEMBERS, params=Parameters(concern_rate_where_no_301="zero"))
    assert (zero.value.treatment, zero.value.rate, zero.value.duty) == ("concern-rate", 0, Decimal("0.00"))


@pytest.mark.provision("s5_a", "s4_g_1")
def test_when_sec_5a_prevails_no_reason_says_the_good_enters_free_of_duty() -> None:
    answer = duty_treatment(imp("7403.11.00", "CL", processed_by_feoc=True), MEMBERS)
    assert answer.value.treatment == "concern-rate"
    assert "free of duty" not in said(answer).replace("over duty-free treatment", "")
    assert "enters free of duty" not in said(answer)


@pytest.mark.provision("s3_4_A", "s5_a")
def test_hong_kong_is_a_separate_customs_territory_unless_the_parameter_says_otherwise() -> None:
    magnet = imp("8505.11.00", "HK")
    assert duty_treatment(magnet, MEMBERS).value.treatment == "unaffected"
    china = duty_treatment(magnet, MEMBERS, params=Parameters(hong_kong_macau="part-of-china"))
    assert (china.value.treatment, china.value.rate) == ("concern-rate", 25)
    assert "hong_kong_macau='part-of-china' (non-default)" in said(china)


@pytest.mark.provision("s6_b_1")
def test_duties_count_in_the_quarter_the_collection_basis_names() -> None:
    header = ["hts", "origin", "entry_date", "value", "deposit_date"]
    params = Parameters(fund_collection_basis="deposit-date")
    ledger = FastLedger(header, MEMBERS, params=params)
    ledger.row(["2602.00.00", "CN", "2027-03-30", "1000.00", "2027-04-02"], 1, as_json=False)
    totals = ledger.totals()
    assert totals.fund_duties == {FiscalQuarter(2027, 3): Decimal("250.00")}  # April: the third quarter
    with pytest.raises(InputError, match="before the entry date"):
        ledger.row(["2602.00.00", "CN", "2027-03-30", "1000.00", "2027-03-01"], 2, as_json=False)
    with pytest.raises(InputError, match="deposit_date"):
        FastLedger(["hts", "origin", "entry_date", "value"], MEMBERS, params=params)


ARTIFICIAL = Parameters(artificial_graphite="artificial-counts")
# Lines added for the gaps of issue 8: (hts, the parameters that reach it, the China rate, words the answer shows)
ADDED = (
    ("3801.10.10", ARTIFICIAL, Decimal("25"), "List 3"),
    ("3801.10.50", ARTIFICIAL, Decimal("25"), "List 3"),
    ("8106.10.00", Parameters(), Decimal("25"), "pre-2022 subheading 8106.00.00"),
    ("8106.90.00", Parameters(), Decimal("25"), "pre-2022 subheading 8106.00.00"),
    ("8112.31.00", Parameters(), Decimal("25"), "pre-2022 subheading 8112.92.20"),
    ("8112.41.50", Parameters(), Decimal("25"), "pre-2022 subheading 8112.92.50"),
    ("8109.21.00", Parameters(), None, "pre-2022 subheading 8109.20.00"),
    ("8112.92.60", Parameters(), None, "whether a pre-2022 predecessor was listed is not established"),
)


@pytest.mark.provision("s4_g_1", "s3_6")
@pytest.mark.parametrize(("hts", "params", "rate", "words"), ADDED)
def test_a_members_good_of_each_added_line_enters_free_of_duty(
    hts: str, params: Parameters, rate: Decimal | None, words: str
) -> None:
    answer = duty_treatment(imp(hts, "AU"), MEMBERS, params=params)
    assert answer.value.treatment == "alliance-duty-free", said(answer)
    assert answer.value.good == "processed"
    assert answer.value.duty == Decimal("0.00")


@pytest.mark.provision("s5_a", "s5_b")
@pytest.mark.parametrize(("hts", "params", "rate", "words"), ADDED)
def test_a_concern_sourced_good_of_each_added_line_pays_chinas_rate_read_through_its_source(
    hts: str, params: Parameters, rate: Decimal | None, words: str
) -> None:
    for answer in (
        duty_treatment(imp(hts, "CN"), MEMBERS, params=params),
        duty_treatment(imp(hts, "BR", processed_by_feoc=True), MEMBERS, params=params),
    ):
        assert words in said(answer)
        if rate is None:
            assert answer.value.treatment == "unaffected", said(answer)
        else:
            assert (answer.value.treatment, answer.value.rate) == ("concern-rate", rate), said(answer)
            assert answer.value.duty == Decimal("1000.00") * rate / 100


@pytest.mark.provision("s6_b_1")
@pytest.mark.parametrize(("hts", "params", "rate", "words"), ADDED)
def test_the_fund_base_takes_the_duties_on_each_added_line(
    hts: str, params: Parameters, rate: Decimal | None, words: str
) -> None:
    ledger = FastLedger(["hts", "origin", "entry_date", "value", "other_duties"], MEMBERS, params=params)
    ledger.row([hts, "CN", "2027-03-01", "1000.00", "10.00"], 1, as_json=False)
    ledger.row([hts, "CL", "2027-03-02", "1000.00", "5.00"], 2, as_json=False)
    expected = Decimal("1000.00") * (rate or 0) / 100 + Decimal("15.00")
    assert ledger.totals().fund_duties[FiscalQuarter.of(ENTRY)] == expected


@pytest.mark.provision("s3_2")
def test_artificial_graphite_is_graphite_only_under_the_named_reading() -> None:
    member = imp("3801.10.50", "AU")
    default = duty_treatment(member, MEMBERS)
    assert default.value.treatment == "out-of-scope"
    assert cited(default) == ["s3_2"]
    assert "artificial_graphite='natural-only' (default)" in said(default)
    assert "it would be with artificial_graphite='artificial-counts'" in said(default)
    ledger = FastLedger(["hts", "origin", "entry_date", "value", "other_duties"], MEMBERS)
    ledger.row(["3801.10.50", "CN", "2027-03-01", "1000.00", "10.00"], 1, as_json=False)
    totals = ledger.totals()
    assert totals.fund_duties.get(FiscalQuarter.of(ENTRY), Decimal(0)) == 0  # not a critical mineral by default
    assert totals.other_duties[FiscalQuarter.of(ENTRY)] == Decimal("10.00")


@pytest.mark.provision("s3_3", "s3_2")
@pytest.mark.parametrize("hts", ["2530.90.8050", "2827.39.90"])
def test_a_basket_line_holding_lithium_cesium_or_rubidium_forms_is_a_data_limit_not_law(hts: str) -> None:
    for origin in ("AU", "CN"):
        answer = duty_treatment(imp(hts, origin), MEMBERS)
        assert answer.value.treatment == "out-of-scope"
        assert cited(answer) == ["s3"]
        assert "Data limit" in said(answer) and "basket line" in said(answer)
        assert "lithium, cesium and rubidium" in said(answer)
        assert "not a finding that the bill does not reach the good" in said(answer)
    unsuffixed = classify_good(parse_hts("2530.90.80"), ENTRY)
    if hts == "2530.90.8050":
        assert "2530.90.8050" in said(unsuffixed) and "Give the 10-digit number" in said(unsuffixed)


@pytest.mark.provision("s4_b_1")
def test_basket_lines_are_not_lines_a_member_must_match_the_section_301_rate_on() -> None:
    from provisions.datasets import section301_lines

    assert "2827.39.90" in covered_goods() and covered_goods()["2827.39.90"].section301 is not None
    assert "2827.39.90" not in section301_lines()
    assert "8106.10.00" in section301_lines()
