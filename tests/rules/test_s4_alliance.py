"""Sec. 4, the Alliance: eligibility, negotiating objectives, admission, reviews and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from citing import cited, said

from provisions.candidate import candidate_from_document
from provisions.datasets import mineral_lists
from provisions.inputs import InputError
from provisions.kit.periods import Adjournment, AdjournmentCalendar
from provisions.parameters import Parameters
from provisions.s4 import (
    Disapproval,
    admission_timeline,
    annual_report_due_dates,
    coverage_objective,
    eligibility,
    is_joint_resolution_of_disapproval,
    review_due_dates,
)

D = dt.date
ALL_COMMITMENTS = {
    "meet_regularly": True,
    "share_capacity_reviews": True,
    "eliminate_member_duties": True,
    "counter_transshipment": True,
    "screen_investments": True,
    "trade_remedies": True,
}
CERTIFIED = D(2026, 3, 2)


def candidate(**changes: Any) -> dict[str, Any]:
    """A candidate that meets every criterion, with ``changes`` applied."""
    document: dict[str, Any] = {
        "country": "AU",
        "entry_into_force": D(2026, 6, 1),
        "certification": CERTIFIED,
        "duties": {"default": 25, "2804.61.00": 50},
        "commitments": dict(ALL_COMMITMENTS),
    }
    document.update(changes)
    return document


def check(document: dict[str, Any], params: Parameters | None = None) -> Any:
    return eligibility(candidate_from_document(document), params=params or Parameters())


# --- eligibility, sec. 4(b) and (c) -----------------------------------------------------------


@pytest.mark.provision("s4_b")
def test_a_country_committing_to_every_criterion_is_eligible() -> None:
    answer = check(candidate())
    assert answer.value.eligible is True
    assert answer.value.unmet == ()
    assert cited(answer)[-1] == "s4_b"


@pytest.mark.provision("s4_b_1")
def test_a_rate_below_the_us_section_301_rate_on_one_good_fails_the_duty_criterion() -> None:
    answer = check(candidate(duties={"default": 25}))  # polysilicon needs 50
    assert answer.value.eligible is False
    assert answer.value.unmet == ("s4_b_1",)
    assert [s.hts for s in answer.value.shortfalls] == ["2804.61.00"]
    assert "2804.61.00: 25% committed, 50% required" in said(answer)


@pytest.mark.provision("s4_b_1")
def test_a_good_with_no_rate_and_no_default_is_a_shortfall() -> None:
    answer = check(candidate(duties={"8505.11.00": 25}))
    shortfalls = {s.hts: s.why for s in answer.value.shortfalls}
    assert "8505.11.00" not in shortfalls
    assert shortfalls["2611.00.60"] == "no commitment"


@pytest.mark.provision("s4_b_1")
def test_an_import_prohibition_stands_in_for_the_rate() -> None:
    answer = check(candidate(duties={"default": 25}, measures={"2804.61.00": "import-prohibition"}))
    assert answer.value.eligible is True


@pytest.mark.provision("s4_c_2")
def test_a_quota_stands_in_for_the_rate_only_with_a_finding_of_comparable_effect() -> None:
    without = check(candidate(duties={"default": 25}, measures={"2804.61.00": "quota"}))
    assert without.value.eligible is False
    found = check(
        candidate(duties={"default": 25}, measures={"2804.61.00": "quota"}, comparable_effect_determined=True)
    )
    assert found.value.eligible is True
    assert "s4_c_2" in cited(found)


@pytest.mark.provision("s4_c_1")
def test_a_phase_in_of_exactly_5_years_from_entry_into_force_is_allowed() -> None:
    answer = check(candidate(phase_in_until=D(2031, 6, 1)))
    assert answer.value.eligible is True
    assert answer.value.phase_in_limit == D(2031, 6, 1)


@pytest.mark.provision("s4_c_1")
def test_a_phase_in_longer_than_5_years_fails() -> None:
    answer = check(candidate(phase_in_until=D(2031, 6, 2)))
    assert answer.value.eligible is False
    assert answer.value.unmet == ("s4_b_1",)
    assert "longer than the 5 years" in said(answer)


@pytest.mark.provision("s4_c_1")
def test_a_phase_in_counted_from_certification_is_a_non_default_reading() -> None:
    params = Parameters(phase_in_from="certification")
    answer = check(candidate(phase_in_until=D(2031, 6, 1)), params)
    assert answer.value.eligible is False  # more than 5 years after March 2, 2026
    assert answer.value.phase_in_limit == D(2031, 3, 2)
    assert "non-default" in said(answer)


@pytest.mark.provision("s4_c_1")
def test_a_phase_in_from_february_29_ends_on_february_28_five_years_on() -> None:
    answer = check(candidate(entry_into_force=D(2028, 2, 29), phase_in_until=D(2033, 3, 1)))
    assert answer.value.phase_in_limit == D(2033, 2, 28)
    assert answer.value.eligible is False


@pytest.mark.provision("s4_c_1")
def test_a_phase_in_without_the_date_it_runs_from_is_an_input_error() -> None:
    document = candidate(phase_in_until=D(2030, 1, 1))
    del document["entry_into_force"]
    with pytest.raises(InputError, match="entry into force"):
        check(document)


@pytest.mark.provision("s4_b_2", "s4_b_3", "s4_b_4", "s4_b_5_A", "s4_b_5_B", "s4_b_5_C")
@pytest.mark.parametrize(
    ("commitment", "provision"),
    [
        ("meet_regularly", "s4_b_2"),
        ("share_capacity_reviews", "s4_b_3"),
        ("eliminate_member_duties", "s4_b_4"),
        ("counter_transshipment", "s4_b_5_A"),
        ("screen_investments", "s4_b_5_B"),
        ("trade_remedies", "s4_b_5_C"),
    ],
)
def test_each_missing_commitment_makes_the_country_ineligible_and_is_cited(
    commitment: str, provision: str
) -> None:
    answer = check(candidate(commitments={**ALL_COMMITMENTS, commitment: False}))
    assert answer.value.eligible is False
    assert answer.value.unmet == (provision,)
    assert provision in said(answer)


@pytest.mark.provision("s4_b")
def test_every_unmet_criterion_is_cited_in_the_order_of_the_text() -> None:
    answer = check(candidate(duties={}, commitments={}))
    assert answer.value.unmet == ("s4_b_1", "s4_b_2", "s4_b_3", "s4_b_4", "s4_b_5_A", "s4_b_5_B", "s4_b_5_C")


@pytest.mark.provision("s4_b")
def test_the_verdict_counts_the_unmet_criteria_in_words() -> None:
    one = check(candidate(commitments={**ALL_COMMITMENTS, "trade_remedies": False}))
    assert "1 criterion not met (s4_b_5_C)." in said(one)
    every = check(candidate(duties={}, commitments={}))
    assert "7 criteria not met (s4_b_1, s4_b_2, " in said(every)
    assert "(s)" not in said(one) + said(every)


@pytest.mark.provision("s4_b")
@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"country": "AU", "dutys": {}}, "dutys"),
        ({"duties": {}}, "country"),
        ({"country": "XX"}, "country"),
        ({"country": "AU", "duties": {"85.05": 25}}, "duties.85.05"),
        ({"country": "AU", "duties": {"default": -1}}, "duties.default"),
        ({"country": "AU", "measures": {"8505.11.00": "embargo"}}, "measures.8505.11.00"),
        ({"country": "AU", "commitments": {"meet_often": True}}, "commitments.meet_often"),
        ({"country": "AU", "entry_into_force": "2026-02-30"}, "entry_into_force"),
    ],
)
def test_a_malformed_candidate_file_names_the_key_at_fault(document: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        candidate_from_document(document)
    assert caught.value.field == field


# --- negotiating objectives, sec. 4(d) -------------------------------------------------------


def on_the_list() -> list[str]:
    return sorted(next(e for e in mineral_lists() if e.published == D(2025, 11, 7)).minerals)


@pytest.mark.provision("s4_d_1")
def test_54_of_the_60_critical_minerals_meets_the_90_percent_objective() -> None:
    answer = coverage_objective(on_the_list()[:54], [])
    assert answer.value.mineral_share == pytest.approx(90)
    assert answer.value.meets_mineral_objective is True


@pytest.mark.provision("s4_d_1")
def test_53_of_the_60_critical_minerals_falls_short() -> None:
    answer = coverage_objective(on_the_list()[:53], [])
    assert str(answer.value.mineral_share) == "88.33"
    assert answer.value.meets_mineral_objective is False
    assert len(answer.value.missing_minerals) == 7


@pytest.mark.provision("s4_d_1")
def test_a_mineral_not_on_the_list_of_section_3_2_a_is_not_counted() -> None:
    answer = coverage_objective(["helium", "lithium"], [])
    assert answer.value.minerals_covered == 1
    assert answer.value.not_on_list == ("helium",)


@pytest.mark.provision("s4_d_2")
def test_covering_all_four_kinds_of_select_derivative_product_meets_the_objective() -> None:
    answer = coverage_objective([], ["permanent-magnet", "li-ion-battery", "battery-part"])
    assert answer.value.meets_product_objective is True
    assert str(answer.value.product_share) == "100.00"


@pytest.mark.provision("s4_d_2")
def test_leaving_out_battery_parts_misses_the_objective() -> None:
    answer = coverage_objective([], ["permanent-magnet", "li-ion-battery-ev", "li-ion-battery-other"])
    assert answer.value.meets_product_objective is False
    assert answer.value.missing_products == ("battery-part",)


@pytest.mark.provision("s4_d_2")
def test_an_unknown_kind_of_product_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a select derivative product"):
        coverage_objective([], ["solar-panel"])


# --- admission, sec. 4(e) and (f) -------------------------------------------------------------


@pytest.mark.provision("s4_e_2")
def test_an_agreement_may_enter_into_force_90_days_after_certification() -> None:
    answer = admission_timeline(CERTIFIED)
    assert answer.value.period_first_day == D(2026, 3, 3)
    assert answer.value.period_last_day == D(2026, 5, 31)
    assert answer.value.earliest_entry_into_force == D(2026, 5, 31)
    assert answer.value.status == "may-enter-into-force"


@pytest.mark.provision("s4_e_2")
@pytest.mark.parametrize(
    ("day", "status"),
    [
        (89, "blocked"),
        (90, "blocked"),
        (91, "may-enter-into-force"),
    ],
    ids=["the 89th day blocks", "the 90th day still blocks", "the 91st day is too late"],
)
def test_a_joint_resolution_blocks_entry_into_force_only_if_enacted_by_the_90th_day(
    day: int, status: str
) -> None:
    enacted = CERTIFIED + dt.timedelta(days=day)
    answer = admission_timeline(CERTIFIED, disapproval=Disapproval(enacted))
    assert answer.value.status == status
    blocked = status == "blocked"
    assert (answer.value.earliest_entry_into_force is None) == blocked


@pytest.mark.provision("s4_e_2")
def test_a_period_over_a_leap_day_counts_february_29() -> None:
    answer = admission_timeline(D(2027, 12, 1))
    assert answer.value.period_last_day == D(2028, 2, 29)


@pytest.mark.provision("s4_e_1")
def test_the_certification_goes_to_the_appropriate_committees() -> None:
    answer = admission_timeline(CERTIFIED)
    assert cited(answer)[0] == "s4_e_1"
    assert "Committee on Ways and Means" in said(answer)


@pytest.mark.provision("s4_e_3")
def test_a_modification_goes_through_the_same_review() -> None:
    answer = admission_timeline(CERTIFIED, modification=True)
    assert answer.value.subject == "modification"
    assert answer.value.period_last_day == D(2026, 5, 31)
    assert "s4_e_3" in cited(answer)


@pytest.mark.provision("s4_e_2")
def test_a_resolution_enacted_before_the_certification_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not after the certification"):
        admission_timeline(CERTIFIED, disapproval=Disapproval(CERTIFIED))


@pytest.mark.provision("s4_f_1_A")
def test_a_resolution_introduced_before_the_period_is_not_a_joint_resolution_of_disapproval() -> None:
    answer = admission_timeline(CERTIFIED, disapproval=Disapproval(D(2026, 4, 1), introduced_on=CERTIFIED))
    assert answer.value.status == "may-enter-into-force"
    assert "outside the 90-day period" in said(answer)


@pytest.mark.provision("s4_f_1_A")
def test_a_resolution_introduced_on_the_first_day_of_the_period_qualifies() -> None:
    answer = admission_timeline(
        CERTIFIED, disapproval=Disapproval(D(2026, 4, 1), introduced_on=D(2026, 3, 3))
    )
    assert answer.value.status == "blocked"


@pytest.mark.provision("s4_f_1_B")
def test_the_prescribed_text_with_the_blanks_filled_qualifies_and_other_text_does_not() -> None:
    text = (
        "That Congress disapproves the certification submitted by the United States Trade Representative "
        "under section 4(e)(1) of the Restoring American Mineral Security Act of 2025 on March 2, 2026 "
        "with respect to Australia."
    )
    right = Disapproval(D(2026, 4, 1), text=text, country_name="Australia")
    wrong = Disapproval(D(2026, 4, 1), text=text.replace("Australia", "Canada"), country_name="Australia")
    last = D(2026, 5, 31)
    assert is_joint_resolution_of_disapproval(right, certified=CERTIFIED, period_last_day=last).value is True
    assert is_joint_resolution_of_disapproval(wrong, certified=CERTIFIED, period_last_day=last).value is False


SESSION = Parameters(review_period_counting="days-of-session")


@pytest.mark.provision("s4_e_2")
def test_days_of_an_adjournment_of_more_than_3_days_are_not_counted() -> None:
    # worked by hand: 90 weekdays after Monday, March 2, 2026, leaving out April 1 to 10 (8 weekdays)
    # under paragraph (1) and every Saturday and Sunday under paragraph (2), fall on July 16
    recess = Adjournment("house", D(2026, 4, 1), D(2026, 4, 10))  # 10 days
    answer = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((recess,)), params=SESSION)
    assert answer.value.period_last_day == D(2026, 7, 16)
    assert answer.value.days_not_counted == 46
    assert "non-default" in said(answer)


@pytest.mark.provision("s4_e_2")
def test_the_days_left_out_are_counted_in_words() -> None:
    recess = Adjournment("house", D(2026, 4, 1), D(2026, 4, 10))
    answer = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((recess,)), params=SESSION)
    assert "(46 days of adjournment not counted)" in said(answer)
    # April 1 to 10 under paragraph (1), their weekend among them; the other weekends under (2)
    assert "10 days on which either House was not in session" in said(answer)
    assert "36 Saturdays and Sundays not left out under paragraph (1)" in said(answer)
    assert "(s)" not in said(answer)


@pytest.mark.provision("s4_e_2")
def test_an_adjournment_of_3_days_does_not_break_the_count() -> None:
    short = Adjournment("senate", D(2026, 4, 1), D(2026, 4, 3))
    answer = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((short,)), params=SESSION)
    assert answer.value.period_last_day == D(2026, 7, 6)  # only the weekends are left out


@pytest.mark.provision("s4_e_2")
def test_overlapping_adjournments_of_both_houses_count_each_day_once() -> None:
    calendar = AdjournmentCalendar(
        (
            Adjournment("house", D(2026, 4, 1), D(2026, 4, 10)),
            Adjournment("senate", D(2026, 4, 6), D(2026, 4, 15)),
        )
    )
    answer = admission_timeline(CERTIFIED, calendar=calendar, params=SESSION)
    assert answer.value.period_last_day == D(2026, 7, 21)  # April 1 to 15 out once: 11 weekdays


@pytest.mark.provision("s4_e_2")
def test_counting_days_of_session_without_a_calendar_is_an_input_error() -> None:
    with pytest.raises(InputError, match="adjournment calendar"):
        admission_timeline(CERTIFIED, params=SESSION)


# --- reviews and reports, sec. 4(h) and (i) ---------------------------------------------------


@pytest.mark.provision("s4_h_1")
def test_reviews_are_due_every_5_years_after_the_first_entry_into_force() -> None:
    answer = review_due_dates(D(2027, 1, 1), count=3)
    assert answer.value == (D(2032, 1, 1), D(2037, 1, 1), D(2042, 1, 1))


@pytest.mark.provision("s4_h_1")
def test_a_review_due_after_a_february_29_falls_on_february_28_and_returns_in_a_leap_year() -> None:
    answer = review_due_dates(D(2028, 2, 29), count=4)
    assert answer.value == (D(2033, 2, 28), D(2038, 2, 28), D(2043, 2, 28), D(2048, 2, 29))
    assert "leap_day_anniversary" in said(answer)


@pytest.mark.provision("s4_h_1")
def test_the_march_1_reading_of_a_leap_day_is_a_named_parameter() -> None:
    answer = review_due_dates(D(2028, 2, 29), count=1, params=Parameters(leap_day_anniversary="march-1"))
    assert answer.value == (D(2033, 3, 1),)


@pytest.mark.provision("s4_i")
def test_annual_reports_are_due_each_year_and_on_february_29_in_leap_years() -> None:
    answer = annual_report_due_dates(D(2028, 2, 29), count=4)
    assert answer.value == (D(2029, 2, 28), D(2030, 2, 28), D(2031, 2, 28), D(2032, 2, 29))
    assert "Committee on Finance" in said(answer)


@pytest.mark.provision("s4_i")
def test_asking_for_no_due_dates_is_an_input_error() -> None:
    with pytest.raises(InputError):
        annual_report_due_dates(D(2027, 1, 1), count=0)


# --- 19 U.S.C. 2194(b), both paragraphs; impossible orders of dates ---------------------------------


@pytest.mark.provision("s4_e_2")
def test_a_weekend_on_which_both_houses_sit_counts_and_one_on_which_either_is_away_does_not() -> None:
    # no adjournment: only the weekends are left out (paragraph (2)): the 90th weekday is July 6, 2026
    plain = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar(), params=SESSION)
    assert plain.value.period_last_day == D(2026, 7, 6)
    both = frozenset({("senate", D(2026, 3, 7)), ("house", D(2026, 3, 7))})  # Saturday, March 7
    sat = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((), both), params=SESSION)
    assert sat.value.period_last_day == D(2026, 7, 3)  # one day earlier (a Friday)
    one = frozenset({("senate", D(2026, 3, 7))})  # the House away that Saturday: still left out
    assert admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((), one), params=SESSION).value.period_last_day \
        == D(2026, 7, 6)
    assert "paragraph (2)" in said(plain)


@pytest.mark.provision("s4_e_2")
def test_one_houses_adjournment_sine_die_is_not_an_adjournment_of_the_congress_sine_die() -> None:
    senate = Adjournment("senate", D(2026, 4, 1), D(2026, 4, 10), sine_die=True)
    alone = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((senate,)), params=SESSION)
    assert alone.value.period_last_day == D(2026, 7, 6)  # nothing left out under paragraph (1)
    house = Adjournment("house", D(2026, 4, 6), D(2026, 4, 15), sine_die=True)
    both = admission_timeline(CERTIFIED, calendar=AdjournmentCalendar((senate, house)), params=SESSION)
    assert both.value.period_last_day == D(2026, 7, 13)  # April 6 to 10 out: 5 weekdays later than July 6


@pytest.mark.provision("s4_f_1_A", "s4_e_2")
def test_a_resolution_enacted_before_it_was_introduced_is_one_input_error() -> None:
    with pytest.raises(InputError, match="introduced before it is enacted") as caught:
        admission_timeline(CERTIFIED, disapproval=Disapproval(D(2026, 4, 1), D(2026, 4, 2)))
    assert caught.value.field == "introduced_on"


@pytest.mark.provision("s4_f_1_A")
def test_a_resolution_introduced_on_the_day_of_certification_is_a_named_parameter() -> None:
    same_day = Disapproval(D(2026, 4, 1), CERTIFIED)
    last = D(2026, 5, 31)
    default = is_joint_resolution_of_disapproval(same_day, certified=CERTIFIED, period_last_day=last)
    assert default.value is False
    assert "introduced_on_certification_day='outside-period' (default)" in said(default)
    within = Parameters(introduced_on_certification_day="within-period")
    assert is_joint_resolution_of_disapproval(same_day, certified=CERTIFIED, period_last_day=last,
                                              params=within).value is True


@pytest.mark.provision("s4_g_2")
def test_whether_duties_imposed_before_entry_into_force_still_apply_is_a_named_parameter() -> None:
    from decimal import Decimal

    from provisions.inputs import Alliance, Import, Member, OtherDuties, parse_hts
    from provisions.s5 import duty_treatment

    alliance = Alliance.of([Member("CA", D(2027, 1, 1))])
    aluminum = Import(parse_hts("7601.10.60"), "CA", D(2027, 3, 1), False, Decimal("1000.00"),
                      duties=OtherDuties(Decimal("0"), Decimal("50"), D(2018, 3, 23)))
    default = duty_treatment(aluminum, alliance).value
    layer = next(layer for layer in default.layers if layer.layer == "section-232")
    assert (layer.before, layer.under_bill) == (Decimal("50"), Decimal("0"))
    assert default.total_rate == 0 and default.total_duty == Decimal("0.00")
    earlier = duty_treatment(aluminum, alliance, params=Parameters(duties_applied_on_or_after="imposed-on-or-after"))
    layer = next(layer for layer in earlier.value.layers if layer.layer == "section-232")
    assert layer.under_bill == Decimal("50")
    assert earlier.value.total_duty == Decimal("500.00")


@pytest.mark.provision("s4_b_1", "s3_2")
def test_a_line_the_bill_reaches_only_under_another_reading_asks_no_commitment() -> None:
    graphite_short = candidate(duties={"default": 25, "2804.61.00": 50, "3801.10.50": 0})
    assert check(graphite_short).value.eligible is True  # artificial graphite is not graphite by default
    wide = check(graphite_short, Parameters(artificial_graphite="artificial-counts"))
    assert [s.hts for s in wide.value.shortfalls] == ["3801.10.50"]
    oxide_short = candidate(duties={"default": 25, "2804.61.00": 50, "2825.20.00": 0})
    assert [s.hts for s in check(oxide_short).value.shortfalls] == ["2825.20.00"]
    strict = Parameters(processed_compounds="metal-powder-alloy-only")
    assert check(oxide_short, strict).value.eligible is True
