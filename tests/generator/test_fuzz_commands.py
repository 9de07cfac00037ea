"""The command line fed malformed inputs of every shape the issue lists, by hypothesis.

Every outcome is an answer (exit 0 or 1) or one line of ours on standard error with exit
status 2; never a traceback, never an exception outside our error family.  The number of
cases per property is ``BILLTRACE_FUZZ_EXAMPLES`` (default 40, a few seconds each; the long
campaign in the README ran 100,000 in all).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import string
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli.main import main

pytestmark = pytest.mark.site  # drives the commands, not the rules: left out of the traced run

EXAMPLES = int(os.environ.get("BILLTRACE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("BILLTRACE_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# The shapes that broke the commands before: huge and signed amounts, exponents, separators,
# NaN and infinities, non-ASCII digits, dates at the calendar's ends, and plain garbage.
NUMBERS = st.one_of(
    st.sampled_from(["1e309", "1E26", "NaN", "-NaN", "Infinity", "-inf", "1,0,0", "1,000", "0x10", "1_000",
                     "٣", "１２", "1.005", "-0", "+5", ".5", "5.", "", " ", "10" * 20, "9" * 40 + ".99"]),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(alphabet=string.digits + ".,-+eE_ ", max_size=30),
    st.text(max_size=20),
)
DATES = st.one_of(
    st.sampled_from(["9999-12-31", "9999-12-30", "9998-01-01", "0001-01-01", "0000-01-01", "2026-02-29",
                     "2028-02-29", "١٢٣٤-٠١-٠١", "2026-1-1", "2026/01/01", "", "20260101"]),
    st.dates().map(lambda d: d.isoformat()),
    st.text(alphabet=string.digits + "-", max_size=12),
    st.text(max_size=12),
)
CODES = st.one_of(st.sampled_from(["CN", "AU", "XX", "cn", "", "C", "ČN"]), st.text(max_size=5))
TOML_VALUES = st.recursive(
    st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=10), st.booleans(), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.text(string.ascii_lowercase + "._", min_size=1, max_size=8),
                                               children, max_size=3)),
    max_leaves=8,
)
KEYS = st.sampled_from(["country", "certification", "entry_into_force", "phase_in_until",
                        "comparable_effect_determined", "duties", "measures", "commitments", "parameters"])


def _toml(value: object) -> str:
    """``value`` as a TOML value (inline tables and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value == float("inf") else "-inf" if value == -float("inf")
                                             else repr(value))
    if isinstance(value, (int, dt.date)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def _invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=True)


def assert_an_answer_or_one_of_our_errors(result: Result) -> None:
    """Exit 0 or 1 with an answer, or exit 2 with one line naming what was wrong; never anything else."""
    unexpected = result.exception if not isinstance(result.exception, SystemExit) else None
    assert unexpected is None, f"{type(unexpected).__name__}: {unexpected}"
    assert result.exit_code in (0, 1, 2), result.exit_code
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines and "Traceback" not in result.stderr, result.stderr
        assert result.stdout == "", result.stdout


@FUZZ
@given(value=NUMBERS, day=DATES, origin=CODES)
def test_check_duty_answers_or_refuses_every_amount_date_and_country(value: str, day: str, origin: str) -> None:
    assert_an_answer_or_one_of_our_errors(
        _invoke("check", "duty", "--hts", "8505.11.00", "--origin", origin, "--entry-date", day, "--value", value))


@FUZZ
@given(duties=NUMBERS, other=NUMBERS, adjustment=NUMBERS)
def test_check_fund_answers_or_refuses_every_amount(duties: str, other: str, adjustment: str) -> None:
    assert_an_answer_or_one_of_our_errors(_invoke("check", "fund", "--critical-mineral-duties", duties,
                                                  "--other-duties", other, "--adjustment", adjustment))


@FUZZ
@given(day=DATES, member=st.tuples(CODES, DATES).map(":".join))
def test_check_timeline_and_reviews_answer_or_refuse_every_date(day: str, member: str) -> None:
    assert_an_answer_or_one_of_our_errors(_invoke("check", "timeline", "--certified", day))
    assert_an_answer_or_one_of_our_errors(_invoke("check", "reviews", "--first-entry-into-force", day,
                                                  "--member", member, "--reviews", "100", "--reports", "100"))


@FUZZ
@given(document=st.dictionaries(KEYS, TOML_VALUES, max_size=6))
def test_check_eligibility_answers_or_refuses_every_document_shape(document: dict[str, object]) -> None:
    text = "".join(f"{json.dumps(key)} = {_toml(value)}\n" for key, value in document.items())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "candidate.toml")
        path.write_text(text, encoding="utf-8")
        assert_an_answer_or_one_of_our_errors(_invoke("check", "eligibility", str(path)))


@FUZZ
@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                         st.integers(1, 6000).map(lambda n: b"parameters = " + b"[" * n + b"]" * n),
                         st.sampled_from([b"parameters = 'x'\ncountry = 'AU'", b"parameters = 5\ncountry = 'AU'",
                                          b"\xff\xfe c o u n t r y", b"country = 'AU'\ncertification = 9999-12-31"])))
def test_check_eligibility_answers_or_refuses_every_file(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "candidate.toml")
        path.write_bytes(content)
        assert_an_answer_or_one_of_our_errors(_invoke("check", "eligibility", str(path)))


@FUZZ
@given(percent=NUMBERS, section=st.text(max_size=8))
def test_coverage_options_are_checked_before_anything_runs(percent: str, section: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {"BILLTRACE_STATE": folder}
        assert_an_answer_or_one_of_our_errors(_invoke("coverage", "--fail-under", percent, env=env))
        assert_an_answer_or_one_of_our_errors(_invoke("coverage", "--section", section, env=env))
        assert_an_answer_or_one_of_our_errors(_invoke("trace", section, env=env))


@pytest.mark.parametrize("shape", ["a file", "a directory", "unreadable", "read-only", "missing"])
@pytest.mark.parametrize("setting", ["BILLTRACE_STATE", "BILLTRACE_REVIEWED", "BILLTRACE_SITE", "BILLTRACE_BILL"])
def test_a_path_of_the_wrong_kind_gets_one_line_naming_it(tmp_path: Path, setting: str, shape: str) -> None:
    path = tmp_path / "given"
    if shape == "a file":
        path.write_text("not a folder\n", encoding="utf-8")
    elif shape in ("a directory", "unreadable", "read-only"):
        path.mkdir()
        (path / "inside").write_text("x", encoding="utf-8")
        path.chmod({"a directory": 0o755, "unreadable": 0o000, "read-only": 0o555}[shape])
    try:
        for command in (("coverage",), ("build", "--no-trace", "--markdown-only"), ("review",)):
            assert_an_answer_or_one_of_our_errors(_invoke(*command, env={setting: str(path)}))
    finally:
        if path.is_dir():
            path.chmod(0o755)
