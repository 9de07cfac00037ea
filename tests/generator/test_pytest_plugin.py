"""Our pytest plugin, run in a pytest of its own: it checks provision markers and records results."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.trace.pytest_plugin import check_markers

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini-bill.txt"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.site  # runs pytest in a subprocess: left out of the traced run


def _run(tmp_path: Path, tests: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(f"""\
        [tool.pytest.ini_options]
        strict_markers = true
        markers = ["provision(*ids): the provision(s) of the bill a test checks"]

        [tool.billtrace]
        bill = "{FIXTURE.as_posix()}"
        rules = "fixture_rules"
        """), encoding="utf-8")
    (tmp_path / "test_law.py").write_text(textwrap.dedent(tests), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "generator.trace.pytest_plugin", "-p", "no:cacheprovider",
         "-q", str(tmp_path / "test_law.py"), *args],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_an_unknown_provision_id_stops_the_run_naming_the_test_and_close_ids(tmp_path: Path) -> None:
    done = _run(tmp_path, """
        import pytest

        @pytest.mark.provision("s3_d")
        def test_a_widget_is_free():
            pass
        """)
    assert done.returncode == 4, done.stdout + done.stderr
    message = done.stdout + done.stderr
    assert "test_law.py::test_a_widget_is_free: unknown provision id 's3_d'" in message
    assert "did you mean" in message and "s3_a" in message
    assert "Traceback" not in message


def test_each_outcome_and_the_declared_provisions_are_written_to_the_results_file(tmp_path: Path) -> None:
    done = _run(tmp_path, """
        import pytest

        @pytest.fixture
        def broken():
            raise RuntimeError("setup fails")

        @pytest.mark.provision("s3_a")
        def test_a_widget_enters_free_of_duty():
            pass

        @pytest.mark.provision("s3_b", "s3")
        def test_a_gadget_pays_duty():
            assert False

        @pytest.mark.skip(reason="not yet")
        def test_skipped():
            pass

        @pytest.mark.xfail(reason="known")
        def test_expected_to_fail():
            assert False

        def test_with_broken_setup(broken):
            '''A test whose fixture fails.'''
        """, "--billtrace-results=out/results.json")
    assert done.returncode == 1, done.stdout + done.stderr
    tests = {t["name"]: t for t in json.loads((tmp_path / "out" / "results.json").read_text())["tests"]}
    assert {name: t["outcome"] for name, t in tests.items()} == {
        "test_a_widget_enters_free_of_duty": "passed",
        "test_a_gadget_pays_duty": "failed",
        "test_skipped": "skipped",
        "test_expected_to_fail": "xfailed",
        "test_with_broken_setup": "error",
    }
    assert tests["test_a_gadget_pays_duty"]["provisions"] == ["s3_b", "s3"]
    assert tests["test_with_broken_setup"]["sentence"] == "A test whose fixture fails."
    assert tests["test_a_widget_enters_free_of_duty"]["sentence"] == "A widget enters free of duty"


def test_without_the_option_no_results_file_is_written(tmp_path: Path) -> None:
    done = _run(tmp_path, """
        def test_nothing():
            pass
        """)
    assert done.returncode == 0
    assert not (tmp_path / ".billtrace").exists()


def test_a_marker_without_ids_is_reported() -> None:
    problems = check_markers([("t.py::test_a", [None])], frozenset({"s1"}))
    assert problems == ["t.py::test_a: the provision marker needs provision ids as strings, got None"]
