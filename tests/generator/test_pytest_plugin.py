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


def _run(tmp_path: Path, tests: str, *args: str, bill: Path | None = None,
         setting: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
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
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **({"BILLTRACE_BILL": str(bill)} if bill else {}),
             **(setting or {})},
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
    assert "billtrace migrate" not in message  # a typo: nothing says the text was renumbered
    assert "Traceback" not in message


def test_an_unknown_id_after_the_text_was_renumbered_points_at_migrate(tmp_path: Path) -> None:
    # The reviewed-text file has an entry for s3_d, which the bill no longer has: the text was replaced.
    from generator.trace.review import NOTHING_REVIEWED, accept, write_reviewed
    from grammar import parse_file

    bill = parse_file(FIXTURE)
    reviewed = tmp_path / "reviewed.toml"
    write_reviewed(reviewed, accept(NOTHING_REVIEWED, bill, ["s3_a"]), bill)
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace("[s3_a", "[s3_d"), encoding="utf-8")
    done = _run(tmp_path, """
        import pytest

        @pytest.mark.provision("s3_d")
        def test_a_widget_is_free():
            pass
        """, setting={"BILLTRACE_REVIEWED": str(reviewed)})
    message = done.stdout + done.stderr
    assert done.returncode == 4, message
    assert "`billtrace migrate NEW --from OLD` moves the ids of the rules, tests and reviews" in message
    assert "Traceback" not in message


_READS_THE_BILL = """
    import pytest

    @pytest.mark.provision("s3_b")
    def test_a_gadget_pays_10_percent(billtrace_bill, billtrace_bill_path):
        assert "10 percent" in billtrace_bill.get("s3_b").text
        assert billtrace_bill_path.read_text(encoding="utf-8").count("SEC. 3.") == 1
    """


def test_the_bill_fixture_is_the_projects_bill(tmp_path: Path) -> None:
    done = _run(tmp_path, _READS_THE_BILL)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_bill_fixture_follows_billtrace_bill_so_a_test_tests_the_words_the_run_records(tmp_path: Path) -> None:
    # A traced run points BILLTRACE_BILL at its copy of the words: the tests must read those.
    changed = tmp_path / "changed.txt"
    changed.write_text(FIXTURE.read_text(encoding="utf-8").replace("duty of 10 \npercent", "duty of 12 \npercent"),
                       encoding="utf-8")
    done = _run(tmp_path, _READS_THE_BILL, bill=changed)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "assert '10 percent' in" in done.stdout


def test_a_bill_that_cannot_be_read_is_one_message_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("Meeting notes: the bill is due on Friday.\n", encoding="utf-8")
    done = _run(tmp_path, _READS_THE_BILL, bill=broken)
    message = done.stdout + done.stderr
    assert done.returncode == 4, message
    assert "cannot check provision markers: " in message and "broken.txt:1:1: error: this is not a bill" in message
    assert "Traceback" not in message


def test_the_rules_tests_test_the_words_billtrace_bill_names(tmp_path: Path) -> None:
    # The project's own values test, run against a copy of the working text whose DOE share says 50
    # percent: it fails naming the value, as the traced run of such a copy must.
    text = (ROOT / "statute" / "s2839-is.txt").read_text(encoding="utf-8")
    changed = tmp_path / "s2839-changed.txt"
    changed.write_text(text.replace("--60 percent to the Loan Programs", "--50 percent to the Loan Programs", 1),
                       encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != text
    test = "tests/rules/test_values.py::test_every_value_is_read_in_words_the_bill_holds"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    as_committed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=ROOT,
                                  capture_output=True, text=True, check=False, env=env)
    assert as_committed.returncode == 0, as_committed.stdout + as_committed.stderr
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=ROOT,
                          capture_output=True, text=True, check=False, env={**env, "BILLTRACE_BILL": str(changed)})
    assert done.returncode == 1, done.stdout + done.stderr
    assert "DOE share: the words of sec. 6(c)(1) (s6_c_1) no longer contain '60 percent to the Loan" in done.stdout


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
