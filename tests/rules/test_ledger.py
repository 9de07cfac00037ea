"""``billtrace check duty --ledger``: a ledger row by row, its totals and the Trust Fund per quarter."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli.main import main
from grammar import Bill
from provisions.datasets import covered_goods, section301_lines
from provisions.inputs import Alliance, Import, InputError, Member, parse_hts
from provisions.kit.periods import FiscalQuarter
from provisions.ledger import DutyCalculator, LedgerReader, LedgerRow, LedgerTotals
from provisions.ledger_fast import FastLedger
from provisions.parameters import Parameters
from provisions.s5 import duty_treatment

D = dt.date
HEADER = "id,hts,origin,entry_date,value,producer_feoc,other_duties\n"
LEDGER = (
    HEADER
    + """\
a1,8505.11.00,CN,2027-03-01,1000.00,,
a2,2825.90.30,CN,2026-12-31,5000,,12.50
a3,2825.90.30,CN,2027-01-01,5000,,
a4,8507.60.0010,AU,2027-01-01,20000,,
a5,2611.00.60,AU,2027-06-01,3000,true,
a6,8471.30.01,CN,2027-06-01,100,,
a7,2836.91.00,BR,2027-10-01,700.10,,35.00
"""
)
MEMBERS = ("--member", "AU:2027-01-01")


def run_ledger(tmp_path: Path, text: str, *args: str) -> Result:
    path = tmp_path / "ledger.csv"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", "duty", "--ledger", str(path), *MEMBERS, *args])


def ledger_json(tmp_path: Path, text: str, *args: str) -> dict[str, Any]:
    result = run_ledger(tmp_path, text, "--json", *args)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.provision("s5_a", "s4_g_1")
def test_each_row_gets_its_treatment_and_duty(tmp_path: Path) -> None:
    rows = ledger_json(tmp_path, LEDGER)["value"]["rows"]
    assert [(r["id"], r["treatment"], r["duty"]) for r in rows] == [
        ("a1", "concern-rate", "250.00"),
        ("a2", "unaffected", None),
        ("a3", "concern-rate", "1250.00"),
        ("a4", "alliance-duty-free", "0.00"),
        ("a5", "concern-rate", "750.00"),
        ("a6", "out-of-scope", None),
        ("a7", "unaffected", None),
    ]


@pytest.mark.provision("s5_a")
def test_the_totals_add_up_by_treatment(tmp_path: Path) -> None:
    totals = ledger_json(tmp_path, LEDGER)["value"]["totals"]
    assert totals["concern-rate"] == {
        "rows": 3, "value": "9000.00", "duty": "2250.00", "total_duty": None, "known_total_duty": "0.00",
        "rows_without_total": 3,
    }
    assert totals["out-of-scope"]["rows"] == 1


@pytest.mark.provision("s5_a", "s4_g_1")
def test_taking_lines_with_no_section_232_action_held_to_have_none_gives_the_ledger_its_total_duty(
    tmp_path: Path,
) -> None:
    default = ledger_json(tmp_path, LEDGER)
    none = ledger_json(tmp_path, LEDGER, "--param", "section232_not_held=none")
    assert none["value"]["rows"] == default["value"]["rows"]  # each row is the layer the bill sets, as before
    assert none["value"]["trust_fund"] == default["value"]["trust_fund"]
    totals = none["value"]["totals"]
    # a2: tungsten oxides of China before the first agreement, section 301 25% + ordinary 5.5% on 5,000.00;
    # a7: lithium carbonate of Brazil, ordinary 3.7% on 700.10
    assert (totals["unaffected"]["total_duty"], totals["unaffected"]["rows_without_total"]) == ("1550.90", 0)
    assert default["value"]["totals"]["unaffected"]["total_duty"] is None  # no section 232 rate held on either
    # a5: tungsten ore's ordinary rate is specific (37.5 cents/kg), so the concern-rate rows have no total
    assert (totals["concern-rate"]["total_duty"], totals["concern-rate"]["rows_without_total"]) == (None, 1)
    assert totals["concern-rate"]["known_total_duty"] == "1796.00"  # a1 271.00 + a3 1,525.00
    assert (totals["alliance-duty-free"]["total_duty"], totals["out-of-scope"]["total_duty"]) == ("0.00", None)
    assert none["parameters"] == {"section232_not_held": "none"}
    text = run_ledger(tmp_path, LEDGER, "--param", "section232_not_held=none").stdout
    unaffected = next(line for line in text.splitlines() if line.startswith("  unaffected "))
    assert unaffected.split()[-2:] == ["1,550.90", "0"]
    assert "section232_not_held='none' (non-default)" in " ".join(text.split())


@pytest.mark.provision("s6_b_1")
@pytest.mark.parametrize("as_json", [False, True])
def test_the_ledger_says_once_what_the_trust_fund_base_includes_and_leaves_out(tmp_path: Path, as_json: bool) -> None:
    if as_json:
        document = ledger_json(tmp_path, LEDGER)
        base = document["value"]["fund_base"]
        assert "other_duties" in base["includes"] and "section 232" in base["leaves_out"]
        assert "ordinary" in base["leaves_out"] and "select derivative products" in base["leaves_out"]
        # a4 (lithium-ion batteries) and a1 (magnets) are derivative products; a6 is outside the bill
        assert (base["mineral_rows"], base["mineral_rows_without_other_duties"]) == (4, 2)
        assert all("fund_base" not in row and len(row) == 9 for row in document["value"]["rows"])  # nothing per row
        return
    text = " ".join(run_ledger(tmp_path, LEDGER).stdout.split())
    assert text.count("It leaves out any ordinary, section 301, section 232, antidumping or countervailing duty") == 1
    assert "plus that row's other_duties" in text
    assert "2 of the 4 rows of mined and processed critical minerals have other_duties empty or 0" in text


@pytest.mark.provision("s6_b_1", "s6_c")
def test_only_duties_on_mined_and_processed_minerals_reach_the_trust_fund_by_fiscal_quarter(
    tmp_path: Path,
) -> None:
    fund = {q["quarter"]: q for q in ledger_json(tmp_path, LEDGER)["value"]["trust_fund"]}
    assert list(fund) == ["FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2028 Q1"]
    # FY2027 Q2: 1,250.00 on tungsten oxides; the 250.00 on magnets is not transferred
    assert fund["FY2027 Q2"]["transfer"] == "1250.00"
    assert fund["FY2027 Q2"]["not_transferred"] == "250.00"
    assert fund["FY2027 Q2"]["allocations"] == {"doe_lpo": "750.00", "dod": "250.00", "dfc": "250.00"}
    # other duties collected on a mineral count, even where this bill sets no rate
    assert fund["FY2027 Q1"]["transfer"] == "12.50"


@pytest.mark.provision("s6_b_1")
def test_the_text_output_shows_rows_totals_transfers_and_citations(tmp_path: Path, bill: Bill) -> None:
    result = run_ledger(tmp_path, LEDGER)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "7 rows" in out
    assert "FY2027 Q2" in out
    assert "1,250.00" in out
    # cited as the text labels them (a new version may renumber the sections)
    assert bill.get("s6_b_1").label in out
    assert bill.get("s5_a").label in out


@pytest.mark.provision("s6_b_1")
def test_summary_only_leaves_out_the_rows(tmp_path: Path) -> None:
    document = ledger_json(tmp_path, LEDGER, "--summary-only")
    assert "rows" not in document["value"]
    assert document["value"]["row_count"] == 7


@pytest.mark.provision("s5_a")
def test_a_ledger_can_come_from_standard_input() -> None:
    result = CliRunner().invoke(main, ["check", "duty", "--ledger", "-", *MEMBERS, "--json"], input=LEDGER)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["value"]["row_count"] == 7


@pytest.mark.provision("s5_a")
@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("b1,8505.11.00,XX,2027-03-01,10,,", "row 2 (line 3), field 'origin': unknown country code 'XX'"),
        ("b1,8505.1100,CN,2027-03-01,10,,", "row 2 (line 3), field 'hts': malformed HTS number '8505.1100'"),
        ("b1,8505.11.00,CN,2027-03-01,-10,,", "row 2 (line 3), field 'value': negative amount '-10'"),
        (
            "b1,8505.11.00,CN,2027-02-29,10,,",
            "row 2 (line 3), field 'entry_date': impossible date '2027-02-29'",
        ),
        (
            "b1,8505.11.00,CN,2027-03-01,10.001,,",
            "row 2 (line 3), field 'value': '10.001' has fractions of a cent",
        ),
        ("b1,8505.11.00,CN,2027-03-01,,,", "row 2 (line 3), field 'value': missing"),
        (
            "b1,8505.11.00,CN,2027-03-01,10,maybe,",
            "row 2 (line 3), field 'producer_feoc': 'maybe' is not true or false",
        ),
        ("b1,8505.11.00,CN", "row 2 (line 3), field 'entry_date': missing"),
    ],
    ids=[
        "unknown country",
        "malformed HTS",
        "negative value",
        "impossible date",
        "fraction of a cent",
        "empty value",
        "not a boolean",
        "short row",
    ],
)
def test_a_bad_row_stops_the_run_with_one_message_naming_the_row_and_field(
    tmp_path: Path, row: str, message: str
) -> None:
    text = HEADER + "a1,8505.11.00,CN,2027-03-01,1000.00,,\n" + row + "\n"
    result = run_ledger(tmp_path, text)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {tmp_path / 'ledger.csv'}: {message}")


@pytest.mark.provision("s5_a")
@pytest.mark.parametrize(
    ("column", "amount"),
    [
        ("value", "1\u00b2.00"),  # a superscript two: str.isdigit() says yes, int() says no
        ("value", "\u0663.00"),  # ARABIC-INDIC DIGIT THREE: int() and Decimal() would read 3
        ("value", "1_000.00"),  # Decimal() and int() would read 1000
        ("other_duties", "\u0663"),
        ("other_duties", "1_0"),
    ],
    ids=["superscript", "other script", "underscore", "other duties: other script", "other duties: underscore"],
)
def test_an_amount_in_anything_but_ascii_digits_is_refused_as_the_value_option_refuses_it(
    tmp_path: Path, column: str, amount: str
) -> None:
    row = ["a1", "8505.11.00", "CN", "2027-03-01", "10.00", "", ""]
    row[HEADER.strip().split(",").index(column)] = amount
    result = run_ledger(tmp_path, HEADER + ",".join(row) + "\n")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert f"row 1 (line 2), field '{column}': not an amount of money" in result.stderr
    single = CliRunner().invoke(main, ["check", "duty", "--hts", "8505.11.00", "--origin", "CN",
                                       "--entry-date", "2027-03-01", "--value", amount])
    assert single.exit_code == 2 and "not an amount of money" in single.stderr


@pytest.mark.provision("s5_a")
def test_an_id_with_control_characters_is_shown_escaped_in_the_text_output(tmp_path: Path) -> None:
    text = HEADER + '"a1\x1b[31m\tred",8505.11.00,CN,2027-03-01,1000.00,,\n'
    result = run_ledger(tmp_path, text)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\t" not in result.stdout
    assert '"a1\\u001b[31m\\tred"' in result.stdout
    assert ledger_json(tmp_path, text)["value"]["rows"][0]["id"] == "a1\x1b[31m\tred"


@pytest.mark.provision("s5_a")
def test_a_missing_column_is_named(tmp_path: Path) -> None:
    result = run_ledger(tmp_path, "hts,origin,value\n8505.11.00,CN,10\n")
    assert result.exit_code == 2
    assert "entry_date: missing column (the header has: hts, origin, value)" in result.stderr


@pytest.mark.provision("s5_a")
def test_an_empty_or_missing_ledger_is_one_message(tmp_path: Path) -> None:
    assert "the ledger is empty" in run_ledger(tmp_path, "").stderr
    missing = CliRunner().invoke(main, ["check", "duty", "--ledger", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2
    assert "cannot read the file" in missing.stderr


@pytest.mark.provision("s5_a")
def test_single_import_options_do_not_mix_with_a_ledger(tmp_path: Path) -> None:
    result = run_ledger(tmp_path, LEDGER, "--hts", "8505.11.00")
    assert result.exit_code == 2
    assert "--hts: not with --ledger" in result.stderr


@pytest.mark.provision("s5_a", "s4_g_1", "s5_b")
def test_the_ledger_fast_path_gives_the_rules_answer_on_a_sample() -> None:
    alliance = Alliance.of(
        [Member("AU", D(2027, 1, 1)), Member("CA", D(2027, 4, 1)), Member("VE", D(2027, 5, 1))]
    )
    params = Parameters(
        state_designated_countries_of_concern=(("BY", D(2027, 2, 1)),), mineral_list_reading="list-in-force"
    )
    calculator = DutyCalculator(alliance, params=params)
    rng = random.Random(2839)
    subheadings = [*section301_lines(), "8471.30.01", "8507.60.0010", "8507.60.0020"]
    edges = [
        D(2025, 11, 6),
        D(2025, 11, 7),
        D(2026, 12, 31),
        D(2027, 1, 1),
        D(2027, 1, 31),
        D(2027, 2, 1),
        D(2027, 3, 31),
        D(2027, 4, 1),
        D(2027, 4, 30),
        D(2027, 5, 1),
    ]
    for n in range(1, 2001):
        day = rng.choice(edges) if n % 3 == 0 else D(2025, 10, 1) + dt.timedelta(days=rng.randrange(800))
        value = Decimal(rng.randrange(0, 10**9)).scaleb(-2)
        imp = Import(
            parse_hts(rng.choice(subheadings)),
            rng.choice(["CN", "AU", "CA", "VE", "BY", "BR", "RU"]),
            day,
            rng.random() < 0.2,
            value,
        )
        fast = calculator.result(LedgerRow(n, imp, FiscalQuarter.of(day)))
        rule = duty_treatment(imp, alliance, params=params).value
        assert (fast.treatment, fast.rate, fast.duty) == (rule.treatment, rule.rate, rule.duty), imp


@pytest.mark.provision("s5_a", "s4_g_1", "s5_b", "s6_b_1")
@pytest.mark.parametrize("as_json", [False, True])
def test_the_fast_path_gives_the_rules_answer_row_for_row_and_the_same_totals(as_json: bool) -> None:
    # members whose agreements enter into force on different days, one of them a country of concern,
    # the first in the middle of a month; a designation between: the fast path asks the rules once per
    # question and period, and every row must still get the answer the rules give for its own day
    alliance = Alliance.of(
        [Member("AU", D(2027, 1, 1)), Member("CA", D(2027, 4, 1)), Member("VE", D(2027, 5, 1)),
         Member("CL", D(2026, 12, 15)), Member("JP", D(2027, 2, 14))]
    )
    params = Parameters(state_designated_countries_of_concern=(("BY", D(2027, 2, 1)),))
    header = ["id", "hts", "origin", "entry_date", "value", "producer_feoc", "other_duties", "processed_by_feoc"]
    fast = FastLedger(header, alliance, params=params)
    slow = LedgerReader(header, params=params)
    calculator = DutyCalculator(alliance, params=params)
    totals = LedgerTotals()
    rng = random.Random(8)
    subheadings = [*covered_goods(), "8471.30.01"]
    edges = [D(2026, 12, 14), D(2026, 12, 15), D(2027, 1, 31), D(2027, 2, 1), D(2027, 2, 13), D(2027, 2, 14),
             D(2027, 3, 31), D(2027, 4, 1), D(2027, 4, 30), D(2027, 5, 1)]
    for n in range(1, 4001):
        day = rng.choice(edges) if n % 4 == 0 else D(2026, 10, 1) + dt.timedelta(days=rng.randrange(500))
        cents = rng.choice([0, 1, 50, 99, rng.randrange(10**12), 10**17])  # up to 10^15 dollars
        row = [
            f"E{n}",
            rng.choice(subheadings),
            rng.choice(["CN", "AU", "CA", "VE", "BY", "BR", "cn", "HK", "CL", "JP", "ru"]),
            day.isoformat(),
            rng.choice([f"{cents // 100}.{cents % 100:02d}", f"{cents // 100}", f"{cents // 100}.{cents % 100 // 10}"]),
            rng.choice(["", "", "true", "false"]),
            rng.choice(["", "", "12.50", "0"]),
            rng.choice(["", "", "", "yes"]),
        ]
        line = fast.row(row, n, as_json=as_json)
        entry = slow.read(row, n)
        result = calculator.result(entry)
        totals.add(entry, result)
        rule = duty_treatment(entry.imp, alliance, params=params).value
        duty = "-" if rule.duty is None else str(rule.duty)
        assert (rule.treatment, duty) == (result.treatment, duty)
        if as_json:
            parsed = json.loads(line.lstrip(",\n"))
            assert (parsed["treatment"], parsed["duty"], parsed["row"]) == (
                rule.treatment,
                None if rule.duty is None else str(rule.duty),
                n,
            ), row
        else:
            assert rule.treatment in line and line.split()[-2] == duty, (row, line)
    summary = fast.totals()
    assert summary.summary() == totals.summary()
    assert summary.fund_duties == totals.fund_duties
    assert summary.other_duties == totals.other_duties
    assert (summary.fund_rows, summary.fund_rows_without_other_duties) == (
        totals.fund_rows, totals.fund_rows_without_other_duties)


def _rules_totals(rows: list[list[str]], alliance: Alliance, params: Parameters) -> dict[str, tuple[Any, ...]]:
    """Each treatment's total duty, that of the rows with one, and the rows without one, from
    ``s5.duty_treatment`` row by row."""
    reader = LedgerReader(["hts", "origin", "entry_date", "value"], params=params)
    found: dict[str, tuple[Decimal, int]] = {}
    for n, row in enumerate(rows, 1):
        answer = duty_treatment(reader.read(row, n).imp, alliance, params=params).value
        total, without = found.get(answer.treatment, (Decimal("0.00"), 0))
        if answer.total_duty is None:
            found[answer.treatment] = (total, without + 1)
        else:
            found[answer.treatment] = (total + answer.total_duty, without)
    return {name: (total if not without else None, total, without) for name, (total, without) in found.items()}


@pytest.mark.provision("s5_a", "s4_g_1", "s4_g_2")
@pytest.mark.parametrize(
    "params",
    [Parameters(), Parameters(section232_not_held="none"),
     Parameters(section232_not_held="none", duties_applied_on_or_after="imposed-on-or-after",
                hong_kong_macau="part-of-china")],
    ids=["default", "section232-none", "imposed-on-or-after"],
)
def test_the_ledgers_total_duty_is_the_rules_total_for_origins_and_days_with_their_own_layers(
    params: Parameters,
) -> None:
    # the total reads what the treatment does not: China's section 301 rate, column 2 (Cuba, Russia), the
    # United Kingdom's and Russia's own section 232 rows, the day a rate changes, a member's own date
    alliance = Alliance.of([Member("AU", D(2027, 1, 1)), Member("CA", D(2017, 6, 1)), Member("GB", D(2027, 1, 1))])
    lines = ["7601.10.60", "7601.20.60", "7403.11.00", "7402.00.05", "2603.00.00", "2836.91.00", "8505.11.00"]
    origins = ["CN", "HK", "RU", "CU", "GB", "DE", "AU", "CA", "BR"]
    days = ["2025-06-03", "2025-06-04", "2026-12-31", "2027-01-01", "2027-03-01"]
    rows = [[hts, origin, day, "1234.56"] for hts in lines for origin in origins for day in days]
    fast = FastLedger(["hts", "origin", "entry_date", "value"], alliance, params=params)
    for _ in fast.lines(rows, as_json=False):
        pass
    summary = {name: (t["total_duty"], t["known_total_duty"], t["rows_without_total"])
               for name, t in fast.totals().summary().items()}
    expected = _rules_totals(rows, alliance, params)
    assert {name: value for name, value in summary.items() if name in expected} == expected
    assert any(total is not None for total, _, _ in expected.values())  # some total is known, to compare


@pytest.mark.provision("s5_a")
def test_an_amount_beyond_the_supported_range_is_one_message_naming_the_row(tmp_path: Path) -> None:
    big = LEDGER.replace("a3,2825.90.30,CN,2027-01-01,5000,,", "a3,2825.90.30,CN,2027-01-01,1000000000000000.01,,")
    result = run_ledger(tmp_path, big)
    assert result.exit_code == 2
    assert "row 3 (line 4), field 'value'" in result.stderr
    assert "beyond the largest amount the rules take" in result.stderr
    assert result.stdout == ""
    exact = LEDGER.replace("a3,2825.90.30,CN,2027-01-01,5000,,", "a3,2825.90.30,CN,2027-01-01,1000000000000000.00,,")
    rows = ledger_json(tmp_path, exact)["value"]["rows"]
    assert rows[2]["duty"] == "250000000000000.00"  # 25% of 10^15, to the cent


@pytest.mark.provision("s5_a")
def test_the_reader_rejects_a_header_without_the_required_columns() -> None:
    with pytest.raises(InputError) as caught:
        LedgerReader(["hts", "origin"])
    assert caught.value.field == "entry_date"


@pytest.mark.provision("s5_a")
def test_a_row_with_an_unquoted_comma_in_its_value_is_refused_naming_the_row(tmp_path: Path) -> None:
    result = run_ledger(tmp_path, "hts,origin,entry_date,value\n8505.11.00,CN,2027-03-01,1,000.00\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "row 1 (line 2): the row has 5 fields where the header names 4" in result.stderr


@pytest.mark.provision("s5_a")
def test_a_header_that_names_a_column_twice_is_refused(tmp_path: Path) -> None:
    result = run_ledger(tmp_path, "hts,origin,entry_date,value,value\n8505.11.00,CN,2027-03-01,1,2\n")
    assert result.exit_code == 2
    assert "value: the header names this column more than once" in result.stderr
