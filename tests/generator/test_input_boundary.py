"""The one boundary every value crosses before the rules see it: plain decimals, dates in range, TOML read safely."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from provisions.candidate import candidate_from_document
from provisions.kit.inputs import EARLIEST, LATEST, InputError, parse_date, parse_money, read_toml
from provisions.kit.periods import anniversary, nth_day_after


@pytest.mark.parametrize("text", ["1,0,0", "1,000", "1e309", "1E3", "NaN", "Infinity", "-inf", "0x10", "1_000",
                                  "١٠٠", "", "10.001", "1000000000000000.01", "1" + "0" * 26])
def test_money_is_only_a_plain_decimal_within_the_maximum(text: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_money(text, field="--value")
    assert str(raised.value).startswith("--value: ")


def test_plain_amounts_up_to_the_maximum_are_exact() -> None:
    assert parse_money("1000000000000000") == Decimal("1000000000000000.00")
    assert parse_money("12.5") == Decimal("12.50")
    assert parse_money("7.000") == Decimal("7.00")  # zeros past the cent are no fraction of one
    assert parse_money("-3.25", signed=True) == Decimal("-3.25")


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "١٢٣٤-٠١-٠١"])
def test_dates_outside_the_documented_range_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="--on: "):
        parse_date(text, field="--on")


def test_the_range_ends_are_dates_the_rules_take() -> None:
    assert parse_date(EARLIEST.isoformat()) == EARLIEST
    assert parse_date(LATEST.isoformat()) == LATEST


def test_day_arithmetic_past_the_calendar_is_an_input_error_not_an_overflow() -> None:
    with pytest.raises(InputError, match="beyond the last date"):
        nth_day_after(dt.date(9999, 12, 1), 90)
    with pytest.raises(InputError, match="beyond the last date"):
        nth_day_after(dt.date(9999, 12, 1), 90, excluded=[dt.date(9999, 12, 2)])
    with pytest.raises(InputError, match="beyond the last date"):
        anniversary(dt.date(9996, 2, 29), 5)


@pytest.mark.parametrize("parameters", ["'calendar-days'", "5", "[1, 2]", "{ review_period_counting = [1] }"])
def test_a_candidate_whose_parameters_are_not_a_table_of_values_is_refused(parameters: str, tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f"country = 'AU'\nparameters = {parameters}\n", encoding="utf-8")
    with pytest.raises(InputError, match="parameters"):
        candidate_from_document(read_toml(path))


@pytest.mark.parametrize(("content", "message"), [
    (b"country = '\xff'", "not UTF-8"),
    (b"x = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    (b"country = ", "not valid TOML"),
])
def test_a_toml_file_that_cannot_be_read_gets_one_line_naming_it(content: bytes, message: str,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_toml(path)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_candidate_date_given_as_a_toml_date_is_checked_against_the_range() -> None:
    with pytest.raises(InputError, match="certification: 9999-12-31 is outside"):
        candidate_from_document({"country": "AU", "certification": dt.date(9999, 12, 31)})


@pytest.mark.parametrize(("content", "message"), [
    (b"chamber,first_day,last_day,sine_die\n" + b"house,2026-01-01,2026-01-02,no\n" * 600_000, "larger than 16 MB"),
    (b"chamber,first_day\nhouse,2026-01-01,2026-01-02,surplus\n", "line 2 has more fields than the header names"),
    (b"chamber\n\xff\xfe\n", "not a readable CSV file"),
])
def test_a_csv_file_that_cannot_be_read_gets_one_line_naming_it(content: bytes, message: str,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "adjournments.csv"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["check", "timeline", "--certified", "2026-03-02", "--adjournments",
                                       str(path)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0], result.stderr


@pytest.mark.parametrize("percent", ["nan", "inf", "-1", "101", "abc", "1e2", "", "٩٠"])
def test_a_fail_under_that_is_no_percent_is_one_line_naming_the_option(percent: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["coverage", "--fail-under", percent], env={"BILLTRACE_STATE": str(tmp_path)})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"error: --fail-under: {percent!r} is not a percent from 0 to 100 "
                             f"(a plain number, such as 90 or 97.5)\n")


def test_a_fail_under_that_is_a_percent_is_taken() -> None:
    from generator.cli.coverage import Percent

    assert [Percent().convert(text, None, None) for text in ("0", "97.5", "100", " 90 ")] == [0.0, 97.5, 100.0, 90.0]
