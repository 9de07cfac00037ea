"""The results file: written atomically, read back the same, refused when malformed."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from generator.errors import ResultsError, ResultsMissingError
from generator.trace.results import read_results, sentence_for, write_results


def test_a_test_name_reads_as_a_sentence() -> None:
    assert sentence_for("test_an_import_enters_free_of_duty") == "An import enters free of duty"


def test_the_parameters_of_a_test_follow_its_sentence() -> None:
    assert sentence_for("test_duty_is_charged[lithium]") == "Duty is charged (lithium)"


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
