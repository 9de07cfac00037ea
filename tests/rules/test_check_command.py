"""``billtrace check``: each command answers with reasons citing provisions of the bill."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli.main import main
from grammar import Bill


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def answer(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def assert_cites_the_bill(document: dict[str, Any], bill: Bill) -> None:
    assert document["reasons"], "an answer without reasons"
    for reason in document["reasons"]:
        assert reason["provision"] in bill.ids
        assert reason["label"] == bill.get(reason["provision"]).label
        assert reason["statement"]


@pytest.mark.provision("s5_a")
def test_check_duty_prints_the_concern_rate_and_cites_section_5_a_for_a_person() -> None:
    result = run(
        "duty",
        "--hts",
        "8505.11.00",
        "--origin",
        "CN",
        "--entry-date",
        "2027-03-01",
        "--member",
        "AU:2027-01-01",
        "--value",
        "1000.00",
    )
    assert result.exit_code == 0, result.stderr
    assert "concern-rate" in result.stdout
    assert "250.00" in result.stdout
    assert "sec. 5(a)" in result.stdout
    assert "sec. 3(7)(A)" in result.stdout


@pytest.mark.provision("s5_a")
def test_check_duty_json_keeps_the_scripted_interface(bill: Bill) -> None:
    document = answer(
        "duty",
        "--hts",
        "8505.11.00",
        "--origin",
        "CN",
        "--entry-date",
        "2027-03-01",
        "--member",
        "AU:2027-01-01",
        "--value",
        "1000.00",
    )
    assert document["value"]["treatment"] == "concern-rate"
    assert document["value"]["rate"] == "25"
    assert document["value"]["duty"] == "250.00"
    assert "s5_a" in [r["provision"] for r in document["reasons"]]
    assert_cites_the_bill(document, bill)


_MAGNETS = ("duty", "--hts", "8505.11.00", "--entry-date", "2027-03-01", "--member", "AU:2027-01-01",
            "--value", "1000.00")


def _field_lines(text: str) -> dict[str, str]:
    """The answer's top-level fields as a person reads them: name -> value."""
    fields = {}
    for line in text.split("\nWhy:", 1)[0].splitlines()[2:]:
        if line.startswith("  ") and not line.startswith("   ") and "  " in line.strip():
            name, value = line.strip().split("  ", 1)
            fields[name] = value.strip()
    return fields


@pytest.mark.provision("s5_a", "s4_g_1")
@pytest.mark.parametrize(
    ("origin", "provision", "rate", "duty"),
    [("CN", "s5_a", "25%", "250.00"), ("AU", "s4_g_1", "0%", "0.00"), ("JP", None, "-", "-")],
)
def test_check_duty_says_which_provision_sets_the_rate_and_duty_it_heads_with_beside_the_total(
    origin: str, provision: str | None, rate: str, duty: str, bill: Bill
) -> None:
    result = run(*_MAGNETS, "--origin", origin)
    assert result.exit_code == 0, result.stderr
    fields = _field_lines(result.stdout)
    # cited as the text labels them ("sec. 5(a) rate"): a new version may renumber the sections
    named = f"{bill.get(provision).label} " if provision else ""
    assert (fields[f"{named}rate" if provision else "rate set by the bill"],
            fields[f"{named}duty" if provision else "duty set by the bill"]) == (rate, duty)
    assert "rate" not in fields and "duty" not in fields  # no bare "rate 25%" a reader takes for the total
    assert "total rate" in fields and "total duty" in fields
    document = answer(*_MAGNETS, "--origin", origin)  # JSON keeps the field names tools read
    assert {"rate", "duty", "total_rate", "total_duty"} <= set(document["value"])


@pytest.mark.provision("s5_a")
def test_check_duty_gives_the_total_when_a_line_with_no_section_232_action_held_is_taken_to_have_none() -> None:
    assert ("total rate", "-") in _field_lines(run(*_MAGNETS, "--origin", "CN").stdout).items()
    result = run(*_MAGNETS, "--origin", "CN", "--param", "section232_not_held=none")
    assert result.exit_code == 0, result.stderr
    fields = _field_lines(result.stdout)
    assert (fields["total rate"], fields["total duty"]) == ("27.1%", "271.00")  # ordinary 2.1% + 25%
    assert "Parameters: parameter section232_not_held='none' (non-default)" in result.stdout


def _layers_reason(document: dict[str, Any]) -> str:
    (reason,) = [r["statement"] for r in document["reasons"] if r["statement"].startswith("Duty layers: ")]
    return str(reason)


@pytest.mark.provision("s5_a")
def test_with_no_total_the_reason_names_the_rate_missing_and_what_supplies_it() -> None:
    document = answer(*_MAGNETS, "--origin", "CN")
    assert document["value"]["total_rate"] is None
    reason = _layers_reason(document)
    # the ordinary rate was taken from the data (2.1%): only the section 232 rate is asked for, with the
    # input that gives it and the reading that takes a line no action is held for to have none
    assert ("no total: it needs the section 232 rate, which is not given, and no section 232 rate on this line is "
            "held in the data (a data limit): give it with --section232-rate (0 where no section 232 action "
            "covers the good), or take a line the data holds no section 232 action for to have none with "
            "--param section232_not_held=none (") in reason
    assert "--ordinary-rate" not in reason and "give the ordinary rate" not in reason
    assert "parameter section232_not_held='unknown' (default)" in reason


@pytest.mark.provision("s5_a")
def test_with_no_total_for_an_ordinary_rate_not_held_as_a_percent_the_reason_asks_for_that_rate() -> None:
    document = answer("duty", "--hts", "2611.00.60", "--origin", "CN", "--entry-date", "2027-03-01",
                      "--member", "AU:2027-01-01", "--value", "1000", "--param", "section232_not_held=none")
    assert document["value"]["total_rate"] is None
    reason = _layers_reason(document)
    assert ("no total: it needs the ordinary rate, which is not given; the column 1 general rate is 37.5\u00a2/kg on "
            "tungsten content (HTS 2025 Basic Edition; confidence medium), not held as a percent: give it with "
            "--ordinary-rate (") in reason
    assert "section232_not_held=none" not in reason.split("no total:", 1)[1]  # that layer is known: 0%
    given = answer("duty", "--hts", "2611.00.60", "--origin", "CN", "--entry-date", "2027-03-01",
                   "--member", "AU:2027-01-01", "--value", "1000", "--param", "section232_not_held=none",
                   "--ordinary-rate", "0")
    assert given["value"]["total_rate"] == "25"  # what the reason asked for gives the total


@pytest.mark.provision("s5_a")
def test_a_parameter_given_twice_is_refused_naming_it() -> None:
    result = run(*_MAGNETS, "--origin", "CN", "--param", "section232_not_held=none",
                 "--param", "section232-not-held=unknown")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: --param: section232_not_held is given twice ('none', then 'unknown'); "
                             "give each parameter once\n")


@pytest.mark.provision("s4_g_1")
def test_check_duty_for_a_member_says_alliance_duty_free(bill: Bill) -> None:
    document = answer(
        "duty",
        "--hts",
        "8505.11.00",
        "--origin",
        "AU",
        "--entry-date",
        "2027-03-01",
        "--member",
        "AU:2027-01-01",
        "--value",
        "1000",
    )
    assert document["value"]["treatment"] == "alliance-duty-free"
    assert document["value"]["rate"] == "0"
    assert document["value"]["duty"] == "0.00"
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s5_b", "s4_g_1")
def test_check_duty_producer_feoc_flag_and_a_parameter_change_the_answer() -> None:
    base = [
        "duty",
        "--hts",
        "8505.11.00",
        "--origin",
        "AU",
        "--entry-date",
        "2027-03-01",
        "--member",
        "AU:2027-01-01",
        "--producer-feoc",
    ]
    assert answer(*base)["value"]["treatment"] == "concern-rate"
    changed = answer(*base, "--param", "member_good_sourced_from_concern=duty-free")
    assert changed["value"]["treatment"] == "alliance-duty-free"
    assert changed["parameters"] == {"member_good_sourced_from_concern": "duty-free"}


@pytest.mark.provision("s3_2")
def test_check_duty_without_a_value_gives_the_rate_and_no_duty() -> None:
    document = answer("duty", "--hts", "8471.30.01", "--origin", "CN", "--entry-date", "2027-03-01")
    assert document["value"]["treatment"] == "out-of-scope"
    assert document["value"]["rate"] is None
    assert document["value"]["duty"] is None


@pytest.mark.provision("s5_a")
@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--origin", "XX", "--origin: unknown country code 'XX'"),
        ("--hts", "8505.11", "--hts: malformed HTS number '8505.11'"),
        ("--value", "-5", "--value: negative amount '-5'"),
        ("--entry-date", "2027-02-29", "--entry-date: impossible date '2027-02-29'"),
        ("--entry-date", "03/01/2027", "--entry-date: malformed date '03/01/2027'"),
        ("--member", "AU-2027", "--member: 'AU-2027' should be COUNTRY:YYYY-MM-DD"),
        ("--param", "rounding=up", "rounding: unknown parameter"),
    ],
    ids=[
        "unknown country",
        "malformed HTS",
        "negative value",
        "impossible date",
        "malformed date",
        "malformed member",
        "unknown parameter",
    ],
)
def test_bad_input_is_one_message_on_stderr_and_exit_status_2(option: str, value: str, message: str) -> None:
    good = {"--hts": "8505.11.00", "--origin": "CN", "--entry-date": "2027-03-01", "--value": "10"}
    args = ["duty"]
    for name, text in good.items():
        args += [name, value if name == option else text]
    if option not in good:
        args += [option, value]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {message}")


@pytest.mark.provision("s6_b_1", "s6_c")
def test_check_fund_splits_a_quarter_in_cents(bill: Bill) -> None:
    document = answer("fund", "--critical-mineral-duties", "1000000.01", "--other-duties", "500")
    assert document["value"]["transfer"] == "1000000.01"
    assert document["value"]["allocations"] == {
        "doe_lpo": "600000.01",
        "dod": "200000.00",
        "dfc": "200000.00",
    }
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s6_c")
def test_check_fund_rejects_fractions_of_a_cent() -> None:
    result = run("fund", "--critical-mineral-duties", "10.001")
    assert result.exit_code == 2
    assert "fractions of a cent" in result.stderr


@pytest.mark.provision("s4_e_2")
def test_check_timeline_gives_the_earliest_entry_into_force(bill: Bill) -> None:
    document = answer("timeline", "--certified", "2026-03-02")
    assert document["value"]["earliest_entry_into_force"] == "2026-05-31"
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s4_e_2")
def test_check_timeline_with_a_disapproval_on_the_90th_day_is_blocked() -> None:
    document = answer("timeline", "--certified", "2026-03-02", "--disapproved-on", "2026-05-31")
    assert document["value"]["status"] == "blocked"
    assert document["value"]["earliest_entry_into_force"] is None


@pytest.mark.provision("s4_e_2")
def test_check_timeline_counts_days_of_session_from_an_adjournment_file(tmp_path: Path) -> None:
    calendar = tmp_path / "adjournments.csv"
    calendar.write_text(
        "chamber,first_day,last_day,sine_die\nhouse,2026-04-01,2026-04-10,\n", encoding="utf-8"
    )
    document = answer("timeline", "--certified", "2026-03-02", "--adjournments", str(calendar))
    assert document["value"]["period_last_day"] == "2026-07-16"  # weekends out too: 19 U.S.C. 2194(b)(2)
    assert document["parameters"] == {"review_period_counting": "days-of-session"}


@pytest.mark.provision("s4_e_2")
def test_a_bad_adjournment_row_names_the_file_row_and_field(tmp_path: Path) -> None:
    calendar = tmp_path / "adjournments.csv"
    calendar.write_text("chamber,first_day,last_day\nhouse,2026-04-01,2026-04-31\n", encoding="utf-8")
    result = run("timeline", "--certified", "2026-03-02", "--adjournments", str(calendar))
    assert result.exit_code == 2
    assert "row 1, field 'last_day': impossible date '2026-04-31'" in result.stderr


CANDIDATE = """
country = "AU"
entry_into_force = 2026-06-01
phase_in_until = 2032-01-01

[duties]
default = 25
"2804.61.00" = 50

[commitments]
meet_regularly = true
share_capacity_reviews = true
eliminate_member_duties = true
counter_transshipment = true
screen_investments = true
"""


@pytest.mark.provision("s4_b", "s4_c_1", "s4_b_5_C")
def test_check_eligibility_reads_a_toml_file_and_cites_every_unmet_criterion(
    tmp_path: Path, bill: Bill
) -> None:
    path = tmp_path / "candidate.toml"
    path.write_text(CANDIDATE, encoding="utf-8")
    document = answer("eligibility", str(path))
    assert document["value"]["eligible"] is False
    assert document["value"]["unmet"] == ["s4_b_1", "s4_b_5_C"]
    assert_cites_the_bill(document, bill)
    text = run("eligibility", str(path)).stdout
    assert "sec. 4(c)(1)" in text
    assert "sec. 4(b)(5)(C)" in text


@pytest.mark.provision("s4_b")
def test_check_eligibility_names_the_file_and_key_of_a_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "candidate.toml"
    path.write_text('country = "AU"\n[duties]\n"8505.11.00" = "lots"\n', encoding="utf-8")
    result = run("eligibility", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: duties.8505.11.00: not a rate in percent")


@pytest.mark.provision("s4_b")
def test_check_eligibility_reports_a_file_that_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "candidate.toml"
    path.write_text("country = \n", encoding="utf-8")
    result = run("eligibility", str(path))
    assert result.exit_code == 2
    assert "not valid TOML" in result.stderr
    missing = run("eligibility", str(tmp_path / "nowhere.toml"))
    assert missing.exit_code == 2
    assert "cannot read the file" in missing.stderr


@pytest.mark.provision("s4_h_1", "s4_i")
def test_check_reviews_lists_reviews_and_reports(bill: Bill) -> None:
    document = answer("reviews", "--first-entry-into-force", "2028-02-29", "--reviews", "2", "--reports", "2")
    assert document["value"]["reviews"] == ["2033-02-28", "2038-02-28"]
    assert document["value"]["annual_reports"] == ["2029-02-28", "2030-02-28"]
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s4_h_1")
def test_check_reviews_takes_the_first_entry_into_force_from_the_members() -> None:
    document = answer("reviews", "--member", "CA:2027-04-01", "--member", "AU:2027-01-01", "--reviews", "1")
    assert document["value"]["first_entry_into_force"] == "2027-01-01"


@pytest.mark.provision("s4_d_1", "s4_d_2")
def test_check_coverage_objective_from_options_and_a_file(tmp_path: Path, bill: Bill) -> None:
    path = tmp_path / "coverage.toml"
    path.write_text('minerals = ["lithium", "cobalt"]\nproducts = ["li-ion-battery"]\n', encoding="utf-8")
    document = answer("coverage-objective", str(path), "--mineral", "nickel", "--product", "permanent-magnet")
    assert document["value"]["minerals_covered"] == 3
    assert document["value"]["missing_products"] == ["battery-part"]
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s6_d_1")
def test_check_dfc_support_applies_the_conditions_to_a_high_income_member(bill: Bill) -> None:
    document = answer(
        "dfc-support",
        "--country",
        "AU",
        "--on",
        "2027-03-01",
        "--member",
        "AU:2027-01-01",
        "--presidential-certification",
        "--dod-offtake",
    )
    assert document["value"]["barred"] is False
    assert document["value"]["verdict"] == "not-barred"
    assert_cites_the_bill(document, bill)
    refused = answer("dfc-support", "--country", "AU", "--on", "2027-03-01", "--member", "AU:2027-01-01")
    assert refused["value"]["barred"] is True


@pytest.mark.provision("s4_g_1", "s3_6")
def test_check_duty_makes_a_members_refined_copper_cathode_duty_free(bill: Bill) -> None:
    document = answer("duty", "--hts", "7403.11.00", "--origin", "CL", "--entry-date", "2027-03-01",
                      "--member", "CL:2027-01-01", "--value", "1000.00", "--ordinary-rate", "1")
    assert document["value"]["treatment"] == "alliance-duty-free"
    assert document["value"]["total_rate"] == "0"
    assert [layer["layer"] for layer in document["value"]["layers"]] == [
        "ordinary", "section-301", "section-232", "antidumping-countervailing"]
    cited_ids = [reason["provision"] for reason in document["reasons"]]
    assert "s3_6" in cited_ids and "s4_g_1" in cited_ids  # processed (converted into metal); duty-free
    assert_cites_the_bill(document, bill)


@pytest.mark.provision("s5_b")
def test_check_duty_takes_the_sourcing_facts() -> None:
    document = answer("duty", "--hts", "2602.00.00", "--origin", "ZA", "--entry-date", "2027-03-01",
                      "--member", "AU:2027-01-01", "--processed-by-feoc", "--value", "100")
    assert (document["value"]["treatment"], document["value"]["duty"]) == ("concern-rate", "25.00")
    wide = answer("duty", "--hts", "2602.00.00", "--origin", "ZA", "--entry-date", "2027-03-01",
                  "--member", "AU:2027-01-01", "--mined-in", "CN", "--param", "sourced_from_country=any-stage")
    assert wide["value"]["treatment"] == "concern-rate"


@pytest.mark.provision("s4_e_2")
def test_check_timeline_rejects_an_enactment_before_the_introduction_with_one_message() -> None:
    result = run("timeline", "--certified", "2026-03-02", "--disapproved-on", "2026-04-01",
                 "--disapproval-introduced-on", "2026-04-02")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "introduced before it is enacted" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.provision("s4_e_2")
def test_check_timeline_counts_days_of_session_on_the_committed_calendar_and_names_it() -> None:
    document = answer("timeline", "--certified", "2026-07-01", "--param", "review_period_counting=days-of-session")
    said_all = " ".join(reason["statement"] for reason in document["reasons"])
    assert "provisions/data/adjournments.csv" in said_all and "confidence low" in said_all
    assert document["value"]["period_last_day"] > "2026-09-28"  # later than 90 calendar days


@pytest.mark.provision("s4_e_2")
def test_a_rules_error_names_the_option_as_the_command_line_spells_it() -> None:
    result = CliRunner().invoke(main, ["check", "timeline", "--certified", "2026-03-02",
                                       "--disapproved-on", "2026-01-01"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --disapproved-on: 2026-01-01 is not after the certification")
    repeated = CliRunner().invoke(main, ["check", "reviews", "--member", "AU:2027-01-01", "--member", "AU:2027-02-01"])
    assert repeated.stderr.strip() == "error: --member: AU is named more than once"


@pytest.mark.provision("s6_c_1")
def test_an_answer_on_a_text_whose_words_left_a_bound_value_warns_naming_the_value(
        bill: Bill, bill_lines: list[str], tmp_path: Path) -> None:
    from provisions.values import VALUES

    share = VALUES["DOE share"]
    provision = bill.get(share.provision)
    lines = bill_lines
    first, last = provision.line_start - 1, provision.line_end
    own = "".join(lines[first:last]).replace(f"{share.value} percent", f"{share.value - 10} percent", 1)
    changed = tmp_path / "changed.txt"
    changed.write_text("".join(lines[:first]) + own + "".join(lines[last:]), encoding="utf-8")
    result = run("fund", "--critical-mineral-duties", "1000.00", "--json", "--bill", str(changed))
    assert result.exit_code == 0 and json.loads(result.stdout)  # the answer, still one JSON object
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    values = [line for line in warnings if "changed since review" not in line]  # the value's, then the words'
    assert any(f"DOE share: the words of {provision.label}" in line for line in values)
    assert all("an answer that uses it rests on words the text no longer has" in line for line in values)


def _with_words_changed(bill: Bill, lines: list[str], provision_id: str, folder: Path) -> Path:
    """A copy of the bill's ``lines`` in which the own lines of ``provision_id`` end in one more word."""
    provision = bill.get(provision_id)
    lines = list(lines)
    last = provision.line_end - 1
    lines[last] = lines[last].rstrip("\n") + " again\n"
    changed = folder / "changed.txt"
    changed.write_text("".join(lines), encoding="utf-8")
    return changed


def _all_reviewed(bill: Bill, folder: Path) -> dict[str, str]:
    """The environment of a project whose reviewed text records every provision of ``bill`` as it is."""
    from generator.trace.review import NOTHING_REVIEWED, accept, write_reviewed

    path = folder / "reviewed-text.toml"
    write_reviewed(path, accept(NOTHING_REVIEWED, bill, [p.id for p in bill.walk()]), bill)
    return {"BILLTRACE_REVIEWED": str(path)}


def _changed_since_review(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "changed since review" in line]


def _warning(words: str, provision_id: str, bill: Bill) -> str:
    return (f"warning: {words} {bill.get(provision_id).label} ({provision_id}), which this answer cites, changed "
            f"since review: the rules that answered were reviewed against other words (`billtrace review` shows "
            f"the change)")


@pytest.mark.provision("s5_a")
def test_an_answer_citing_words_changed_since_review_warns_naming_each_after_the_answer(
        bill: Bill, bill_lines: list[str], tmp_path: Path) -> None:
    env = _all_reviewed(bill, tmp_path)
    asked = ["check", "duty", "--hts", "8505.11.00", "--origin", "CN", "--entry-date", "2027-03-01", "--member",
             "AU:2027-01-01", "--value", "1000.00"]
    as_reviewed = CliRunner().invoke(main, asked, env=env)
    assert as_reviewed.exit_code == 0 and _changed_since_review(as_reviewed.stderr) == []
    cited = json.loads(CliRunner().invoke(main, [*asked, "--json"], env=env).stdout)["reasons"]
    duty = cited[-1]["provision"]  # the rate and the duty: sec. 5(a) of the working text
    changed = _with_words_changed(bill, bill_lines, duty, tmp_path)
    result = CliRunner().invoke(main, [*asked, "--bill", str(changed)], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == as_reviewed.stdout  # the answer itself as it was
    assert _changed_since_review(result.stderr) == [_warning("the words of", duty, bill)]
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("hts,origin,entry_date,value\n8505.11.00,CN,2027-03-01,1000.00\n", encoding="utf-8")
    streamed = CliRunner().invoke(main, ["check", "duty", "--ledger", str(ledger), "--member", "AU:2027-01-01",
                                         "--json", "--bill", str(changed)], env=env)
    assert streamed.exit_code == 0 and json.loads(streamed.stdout)
    assert _warning("the words of", duty, bill) in _changed_since_review(streamed.stderr)


@pytest.mark.provision("s6_c_1")
def test_a_cited_provision_whose_part_changed_since_review_warns_of_words_below_it(
        bill: Bill, bill_lines: list[str], tmp_path: Path) -> None:
    env = _all_reviewed(bill, tmp_path)
    asked = ["check", "fund", "--critical-mineral-duties", "1000.00", "--json"]
    cited = [r["provision"] for r in json.loads(CliRunner().invoke(main, asked, env=env).stdout)["reasons"]]
    part, whole = next((pid, parent.id) for pid in cited if (parent := bill.parent(pid)) is not None
                       and parent.id in cited)  # the allocation's paragraph and its subsection: sec. 6(c)(1), 6(c)
    changed = _with_words_changed(bill, bill_lines, part, tmp_path)
    result = CliRunner().invoke(main, [*asked, "--bill", str(changed)], env=env)
    assert result.exit_code == 0, result.stderr
    lines = _changed_since_review(result.stderr)
    assert _warning("the words of", part, bill) in lines and _warning("words below", whole, bill) in lines
    # and each cited provision whose words cite the part ("paragraph (1)"): its meaning rests on them
    citing = [pid for pid in cited if any(c.source == pid and part in c.targets for c in bill.citations)]
    assert citing and [line for line in lines if ", rests on " in line] == [
        f"warning: {bill.get(pid).label} ({pid}), which this answer cites, rests on {bill.get(part).label} ({part}), "
        f"whose words changed since review: the rules that answered were reviewed against what those words said "
        f"then (`billtrace review` shows the change)" for pid in citing]
    assert len(lines) == 2 + len(citing)
