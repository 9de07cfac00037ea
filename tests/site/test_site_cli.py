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
    code, out, _ = _run(site, "coverage")
    assert code == 0
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
