"""The results file: written atomically, read back the same, refused when malformed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from types import ModuleType

import pytest

from generator.errors import ResultsError, ResultsMissingError
from generator.trace.results import Results, read_results, sentence_for, write_results


def test_a_test_name_reads_as_a_sentence() -> None:
    assert sentence_for("test_an_import_enters_free_of_duty") == "An import enters free of duty"


def test_the_parameters_of_a_test_follow_its_sentence() -> None:
    assert sentence_for("test_duty_is_charged[lithium]") == "Duty is charged (lithium)"


def test_a_test_name_gets_back_the_apostrophes_it_could_not_hold() -> None:
    assert sentence_for("test_the_secretary_s_duty_doesn_t_lapse") == "The secretary's duty doesn't lapse"
    assert sentence_for("test_a_member_s_import_isn_t_charged_and_can_t_be") == \
        "A member's import isn't charged and can't be"
    # nothing invented: an "s" after an article or "schedule" is a word of its own
    assert sentence_for("test_an_s_corporation_files_schedule_s") == "An s corporation files schedule s"
    assert sentence_for("test_s4_rate_is_25_percent") == "S4 rate is 25 percent"


def test_a_docstring_gives_the_sentence_when_there_is_one() -> None:
    assert sentence_for("test_x", "An import from a member enters free of duty.\n\nMore.") == \
        "An import from a member enters free of duty."


def test_results_read_back_as_written(tmp_path: Path, mini: ModuleType) -> None:
    path = tmp_path / "deep" / "results.json"
    write_results(path, mini.results())
    assert read_results(path).tests == tuple(sorted(mini.results().tests, key=lambda t: t.nodeid))
    assert [p.name for p in path.parent.iterdir()] == ["results.json"]  # no temporary file left


def test_no_results_file_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(ResultsMissingError):
        read_results(tmp_path / "results.json")


@pytest.mark.parametrize("payload", [
    "not json",
    json.dumps({"format": 99, "tests": []}),
    json.dumps({"format": 1, "tests": [{"nodeid": "x"}]}),
    json.dumps({"format": 1, "tests": [{"nodeid": "x", "name": "x", "sentence": "x", "outcome": "great",
                                        "duration": 0, "provisions": [], "path": "x", "line": 1}]}),
])
def test_a_malformed_results_file_is_refused(tmp_path: Path, payload: str) -> None:
    path = tmp_path / "results.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(ResultsError, match="not a billtrace results file"):
        read_results(path)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_the_results_file_is_as_readable_as_any_file_the_umask_allows(
        tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_results(tmp_path / "results.json", Results(()))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "results.json").stat().st_mode) == mode


def test_rewriting_a_state_file_keeps_the_mode_it_was_given(tmp_path: Path) -> None:
    target = tmp_path / "results.json"
    write_results(target, Results(()))
    target.chmod(0o640)
    write_results(target, Results(()))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
