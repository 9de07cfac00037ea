"""`billtrace coverage` and `billtrace trace` over the traced run the site was built from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from built_site import Built
from click.testing import CliRunner

from generator.cli.main import main

pytestmark = pytest.mark.site


def _run(site: Built, *args: str, state: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    done = runner.invoke(main, list(args), env={"BILLTRACE_STATE": str(state or site.workspace.state)})
    return done.exit_code, done.stdout, done.stderr


def test_coverage_shows_every_provision_with_its_status(site: Built) -> None:
    code, out, err = _run(site, "coverage")
    assert code == 0, err
    for row in site.matrix.rows:
        assert f" {row.id} " in f" {out} " or f"\n{row.id} " in out or f"  {row.id} " in out, row.id
    assert "operative provisions verified" in out


def test_coverage_as_json_keeps_summary_and_provisions(site: Built) -> None:
    code, out, _ = _run(site, "coverage", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"]["percent_verified"] == site.matrix.tally.percent
    assert [p["id"] for p in data["provisions"]] == [r.id for r in site.matrix.rows]
    assert all({"id", "status", "rules", "tests"} <= set(p) for p in data["provisions"])


def test_coverage_can_be_narrowed_to_one_section(site: Built) -> None:
    code, out, _ = _run(site, "coverage", "--section", "5", "--format", "json")
    assert code == 0
    assert {p["section"] for p in json.loads(out)["provisions"]} == {"s5"}


def test_coverage_under_the_threshold_exits_with_status_1(site: Built) -> None:
    assert _run(site, "coverage", "--fail-under", "0")[0] == 0
    code, _, err = _run(site, "coverage", "--fail-under", "100")
    assert code == (0 if site.matrix.tally.percent >= 100 else 1)
    assert code == 0 or "is under 100%" in err
    assert _run(site, "coverage", "--fail-under", "100.1")[0] == 2  # not a percent: a usage error


def test_coverage_without_a_traced_run_says_how_to_make_one(site: Built, tmp_path: Path) -> None:
    code, out, err = _run(site, "coverage", state=tmp_path)
    assert code == 2 and out == ""
    assert "billtrace test" in err and "Traceback" not in err


def test_an_unknown_section_is_refused(site: Built) -> None:
    code, out, err = _run(site, "coverage", "--section", "9")
    assert code == 2 and out == "" and "no section" in err


def test_trace_shows_everything_about_one_provision(site: Built) -> None:
    code, out, _ = _run(site, "trace", "s4_c_1")
    assert code == 0
    for part in ("sec. 4(c)(1)", "status:", "provenance:", "rules:", "tests:", "citations in:", "uses terms:"):
        assert part in out


def test_trace_of_an_unknown_id_names_the_close_ones(site: Built) -> None:
    code, out, err = _run(site, "trace", "s4_c_3")
    assert code == 2 and out == ""
    assert "s4_c_1" in err or "s4_c_2" in err


def test_the_site_and_coverage_count_a_provisions_tests_alike_and_say_which_run_its_rules(site: Built) -> None:
    code, out, _ = _run(site, "coverage", "--format", "json")
    assert code == 0
    counts = next(p["test_counts"] for p in json.loads(out)["provisions"] if p["id"] == "s5_a")
    total, running, marked = counts["total"], counts["running"], counts["marked_only"]
    assert total == running + marked and running and marked  # sec. 5(a) has tests of both kinds
    said = f"{total} tests ({running} run its rules, {marked} only marked for it)"
    assert counts["text"] == said
    page = (site.workspace.build / "s5.html").read_text(encoding="utf-8")
    line = page.split('id="s5_a"', 1)[1].split('<span class="bt-counts">', 1)[1].split("</span>", 1)[0]
    assert line.endswith(said), line  # the site's count is coverage's, and says what each number is
    _, table, _ = _run(site, "coverage", "--section", "5")
    row = next(r for r in table.splitlines() if r.strip().startswith("s5_a "))
    assert f"  {total} = {running} + {marked}  " in f"{row}  "
    _, trace, _ = _run(site, "trace", "s5_a")
    assert f"tests: {said}" in trace
    assert f"of its {total} tests pass and run them" in trace  # the verified explanation counts the same list
