"""A status you can trust, end to end in a project of its own: a failing test fails the command
naming it, a stale traced run is refused, a warm build skips the test run, a broken run is never
published, and builds in one checkout take turns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.tiny_project import ROOT, billtrace, defense_project, make_project

from generator.project.lock import holding_lock

pytestmark = pytest.mark.site  # runs billtrace (and pytest) in subprocesses: left out of the traced run


def test_a_failing_test_fails_billtrace_test_naming_it_and_its_assertion(tmp_path: Path) -> None:
    project = make_project(tmp_path, failing=True)
    done = billtrace(project, "test")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED tests/test_tiny.py::test_a_gadget_is_free_too (failed): AssertionError: gadgets are free" \
        in done.stderr
    assert "test_a_widget_enters_free" not in done.stderr  # only the failed ones are named
    # then one line in the words coverage, trace and report use for a run with a failed test
    assert done.stderr.splitlines()[-1] == "error: billtrace test: 1 test of the traced run failed (named above)"
    assert "1 failed, 1 passed" in done.stdout  # pytest's progress and summary, shown as it runs


def test_a_failing_test_fails_the_build_too_and_a_warm_build_skips_the_test_run(tmp_path: Path) -> None:
    project = make_project(tmp_path, failing=True)
    first = billtrace(project, "build", "--markdown-only")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "FAILED tests/test_tiny.py::test_a_gadget_is_free_too" in first.stderr
    assert first.stderr.splitlines()[-1] == "error: billtrace build: 1 test of the traced run failed (named above)"
    assert "billtrace build: trace\n" in first.stderr
    again = billtrace(project, "build", "--markdown-only")
    assert again.returncode == 1  # the same failing run, not re-run, still fails the build
    assert "trace skipped" in again.stderr and "billtrace build: trace\n" not in again.stderr


def test_a_report_of_a_run_with_a_failed_test_is_printed_whole_and_fails_the_command(tmp_path: Path) -> None:
    project = make_project(tmp_path, failing=True)
    assert billtrace(project, "test").returncode == 1
    named = "1 test of the traced run failed (tests/test_tiny.py::test_a_gadget_is_free_too)"
    for command in (("coverage",), ("coverage", "--format", "json"), ("coverage", "--format", "md"),
                    ("report", "--format", "csv")):
        done = billtrace(project, *command)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert "s3_a" in done.stdout and "failing" in done.stdout, command  # the whole report, still printed
        assert [line for line in done.stderr.splitlines() if line] == [
            f"error: billtrace {command[0]}: {named}; `billtrace test` names each with its assertion"], command
    section = billtrace(project, "coverage", "--section", "3")
    assert section.returncode == 1 and "1 test of sec. 3 failed" in section.stderr
    trace = billtrace(project, "trace", "s3_a")
    assert trace.returncode == 1 and "status: failing" in trace.stdout
    assert "1 test of it fails: tests/test_tiny.py::test_a_gadget_is_free_too" in trace.stdout.replace("\n  ", " ")
    assert "1 test of sec. 3(a) failed (tests/test_tiny.py::test_a_gadget_is_free_too)" in trace.stderr
    written = billtrace(project, "report", "-o", "report.html")
    assert written.returncode == 1 and (project / "report.html").is_file()


def test_a_report_of_a_run_whose_tests_pass_exits_0(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert billtrace(project, "test").returncode == 0
    for command in (("coverage",), ("trace", "s3_a"), ("report", "--format", "json")):
        done = billtrace(project, *command)
        assert done.returncode == 0 and done.stderr == "", (command, done.stderr)
    under = billtrace(project, "coverage", "--fail-under", "15")  # 1 of 6 operative provisions verified: met
    assert under.returncode == 0


def test_after_an_edit_of_a_rule_a_test_or_the_text_the_old_run_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert billtrace(project, "test").returncode == 0
    assert billtrace(project, "coverage").returncode == 0
    for edited in ("tinyrules/s3.py", "tests/test_tiny.py", "statute/bill.txt"):
        path = project / edited
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        for command in (("coverage",), ("trace", "s3_a"), ("build", "--no-trace", "--markdown-only")):
            done = billtrace(project, *command)
            assert done.returncode == 2 and done.stdout == "", (command, done.stderr)
            assert f"the traced run is stale: {edited} changed" in done.stderr, (command, done.stderr)
        path.write_bytes(original)  # reverted: the run is current again
        assert billtrace(project, "coverage").returncode == 0


def test_trace_without_a_traced_run_says_how_to_make_one(tmp_path: Path) -> None:
    done = billtrace(make_project(tmp_path), "trace", "s3_a")
    assert done.returncode == 2 and done.stdout == ""
    assert "billtrace test" in done.stderr and "untested" not in done.stderr


def test_a_broken_run_never_replaces_the_last_whole_one(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert billtrace(project, "test").returncode == 0
    kept = {name: (project / ".billtrace" / name).read_bytes() for name in ("results.json", "coverage")}
    (project / "tests" / "test_broken.py").write_text("def test_(:\n", encoding="utf-8")
    done = billtrace(project, "test")
    assert done.returncode == 2 and "the last traced run is kept" in done.stderr
    assert {name: (project / ".billtrace" / name).read_bytes() for name in kept} == kept
    assert not list((project / ".billtrace").glob(".run-*"))
    refused = billtrace(project, "coverage")  # kept, but not shown as current: a test file is new
    assert refused.returncode == 2 and "tests/test_broken.py is new" in refused.stderr


def test_a_second_build_waits_for_the_one_holding_the_lock(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert billtrace(project, "test").returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("BILLTRACE_STATE", None)
    with holding_lock(project / ".billtrace" / "lock"):
        second = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-trace", "--markdown-only"],
                                  cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        time.sleep(3)
        assert second.poll() is None  # still waiting
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert f"(pid {os.getpid()})" in err and "waiting for it to finish" in err
    assert (project / "site" / "docs" / "index.md").is_file()


def test_a_rule_whose_error_branch_no_test_takes_is_not_verified_under_a_branch_share_of_one(
        tmp_path: Path) -> None:
    project = make_project(tmp_path)  # its one test takes the widget's way, never the gadget's
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "verified-branch-share = 1\n", encoding="utf-8")
    assert billtrace(project, "test").returncode == 0
    done = billtrace(project, "coverage", "--format", "json")
    assert done.returncode == 0, done.stderr
    row = next(r for r in json.loads(done.stdout)["provisions"] if r["id"] == "s3_a")
    rule = row["rules"][0]
    assert rule["figure"] == "2 of 3 statements, 1 of 2 branches executed by tests"
    assert rule["passing_branch_share"] == 0.5 and len(rule["branches_missed"]) == 1
    assert row["status"] == "untested"
    trace = billtrace(project, "trace", "s3_a")
    assert "status: untested" in trace.stdout and "verified-branch-share of 100%" in trace.stdout
    assert "2 of 3 statements, 1 of 2 branches executed by tests; not executed: lines" in trace.stdout
    assert "branches not taken: " in trace.stdout




def _status_in_matrix_script(project: Path, provision_id: str) -> str:
    script = (project / "site" / "build" / "assets" / "matrix.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    at = {name: i for i, name in enumerate(data["columns"])}
    return str(next(r for r in data["rows"] if r[at["id"]] == provision_id)[at["status"]])


def test_in_a_new_project_a_reviewed_rule_whose_words_changed_is_not_shown_verified_and_fails_the_build(
        tmp_path: Path) -> None:
    project = defense_project(tmp_path / "other")
    assert billtrace(project, "review", "--accept", "s6_c_2").returncode == 0
    first = billtrace(project, "build")
    assert first.returncode == 0, first.stderr
    assert _status_in_matrix_script(project, "s6_c_2") == "verified"

    bill = project / "statute" / "s2839-is.txt"  # a committee changes a word of sec. 6(c)(2)
    text = bill.read_text(encoding="utf-8")
    assert text.count("defense.--20 percent") == 1
    bill.write_text(text.replace("defense.--20 percent", "defense.--25 percent"), encoding="utf-8")
    again = billtrace(project, "build")
    assert again.returncode == 1, again.stdout + again.stderr
    assert ("error: billtrace build: the words of 1 reviewed provision changed since review: sec. 6(c)(2) "
            "(s6_c_2)") in again.stderr
    assert "0 of 68 operative provisions verified (0.0%), 1 changed since review" in again.stdout

    # The site: the provision's block and its matrix row say changed since review, never verified.
    page = (project / "site" / "build" / "s6.html").read_text(encoding="utf-8")
    block = page.split('id="s6_c_2"', 1)[1].split('id="s6_c_3"', 1)[0]
    assert '<b class="bt-st">changed since review</b>' in block or ">changed since review</a>" in block
    assert "verified" not in block.split("bt-work")[0]
    assert _status_in_matrix_script(project, "s6_c_2") == "changed-since-review"
    # sec. 6(c) and sec. 6 roll up to it: the stylesheet draws the words of the class.
    assert page.count('class="r-w"') == 2
    css = (project / "site" / "build" / "assets" / "billtrace.css").read_text(encoding="utf-8")
    assert '.r-w { --ru: ", rolls up to changed since review"; }' in css
    report = (project / "site" / "build" / "report.html").read_text(encoding="utf-8")
    assert '<td class="s changed-since-review">changed since review</td>' in report

    # The commands: coverage (table and JSON), trace, and the report.
    coverage = billtrace(project, "coverage", "--format", "json")
    assert coverage.returncode == 0
    row = next(r for r in json.loads(coverage.stdout)["provisions"] if r["id"] == "s6_c_2")
    assert (row["status"], row["review"]["state"]) == ("changed since review", "changed")
    assert "billtrace review --accept s6_c_2" in row["explanation"]
    assert "warning: billtrace coverage: the words of 1 reviewed provision changed since review" in coverage.stderr
    summary = json.loads(coverage.stdout)["summary"]
    assert (summary["verified"], summary["counts"]["changed since review"]) == (0, 1)
    assert "status: changed since review" in billtrace(project, "trace", "s6_c_2").stdout
    csv_row = next(line for line in billtrace(project, "report", "--format", "csv").stdout.splitlines()
                   if line.startswith("s6_c_2,"))
    assert ",changed since review," in csv_row and ",verified," not in csv_row

    # Re-read and accepted: verified again, and the build passes.
    assert billtrace(project, "review", "--accept", "s6_c_2").returncode == 0
    accepted = billtrace(project, "build")
    assert accepted.returncode == 0, accepted.stderr
    assert _status_in_matrix_script(project, "s6_c_2") == "verified"


@pytest.mark.parametrize("shown", ["-v", "-q"])
def test_a_whole_run_shown_verbose_or_quiet_is_still_the_whole_run(tmp_path: Path, shown: str) -> None:
    # -v and -q change what pytest prints, not which tests run: coverage must show the run as current.
    project = make_project(tmp_path)
    assert billtrace(project, "test", shown).returncode == 0
    done = billtrace(project, "coverage")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    selected = billtrace(project, "test", shown, "-k", "widget")  # a selection is still one
    assert selected.returncode == 0
    refused = billtrace(project, "coverage")
    assert refused.returncode == 2 and "stale" in refused.stderr and "-k" in refused.stderr, refused.stderr


def test_build_warns_of_provisions_whose_rules_no_one_reviewed_until_a_review_is_recorded(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = billtrace(project, "build", "--markdown-only")
    assert first.returncode == 0, first.stderr
    [warning] = [line for line in first.stderr.splitlines() if line.startswith("warning: ")]
    assert warning.startswith("warning: billtrace build: 1 provision that rules or tests rest on was never "
                              "reviewed: sec. 3(a) (s3_a); its status says what its tests ran")
    assert billtrace(project, "review", "--accept", "s3_a").returncode == 0
    again = billtrace(project, "build", "--markdown-only")
    assert again.returncode == 0 and "never reviewed" not in again.stderr, again.stderr


def test_a_run_of_another_bill_is_refused_naming_both_bills_not_a_removed_file(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    copy = tmp_path / "copy.txt"
    copy.write_bytes((project / "statute" / "bill.txt").read_bytes())
    assert billtrace(project, "test", setting={"BILLTRACE_BILL": str(copy)}).returncode == 0
    assert billtrace(project, "coverage", setting={"BILLTRACE_BILL": str(copy)}).returncode == 0
    refused = billtrace(project, "coverage")  # the project's own bill again
    assert refused.returncode == 2, refused.stderr
    shown = copy.relative_to(project) if copy.is_relative_to(project) else copy
    assert f"the run read the bill {shown}; the project now names statute/bill.txt" in refused.stderr
    assert f"{shown} was removed" not in refused.stderr and "bill.txt is new" not in refused.stderr
