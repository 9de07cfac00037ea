"""End to end in a project made by `billtrace init`: a change to the words of a provision that nothing
rests on but that a reviewed provision cites is not shown verified, fails the build, and clears once the
citing provision is accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.tiny_project import billtrace, defense_project

pytestmark = pytest.mark.site  # runs billtrace (and pytest) in subprocesses: left out of the traced run



_MOVED = "sec. 6(c)(1) changed since review; this provision cites it (``paragraph (1)``)"


def test_in_a_new_project_a_change_to_the_paragraph_a_reviewed_rule_cites_is_not_shown_verified(
        tmp_path: Path) -> None:
    project = defense_project(tmp_path / "other", citing_paragraph_1=True)
    assert billtrace(project, "review", "--accept", "s6_c_2").returncode == 0
    assert billtrace(project, "review").returncode == 0

    bill = project / "statute" / "s2839-is.txt"  # a committee changes the projects of sec. 6(c)(1)
    text = bill.read_text(encoding="utf-8")
    assert text.count("mining and processing of critical minerals and the") == 1
    bill.write_text(text.replace("mining and processing of critical minerals and the",
                                 "mining, processing and recycling of critical minerals and the"), encoding="utf-8")
    reviewed = billtrace(project, "review")
    assert reviewed.returncode == 1, reviewed.stdout + reviewed.stderr
    assert "s6_c_2  sec. 6(c)(2)  affected" in reviewed.stdout and _MOVED in reviewed.stdout.replace("\n  ", " ")
    built = billtrace(project, "build")
    assert built.returncode == 1, built.stdout + built.stderr
    # the line names it affected, and what it rests on, not its own words, as changed: as the review does
    said = ("billtrace {}: 1 reviewed provision is affected: sec. 6(c)(2) (s6_c_2) rests on words that changed "
            "since review (sec. 6(c)(1)); what rests on it is not verified until a person re-reads it "
            "(`billtrace review` lists it)")
    assert "error: " + said.format("build") in built.stderr.splitlines(), built.stderr
    assert "the words of 1 reviewed provision changed" not in built.stderr
    coverage = billtrace(project, "coverage", "--format", "json")
    row = next(r for r in json.loads(coverage.stdout)["provisions"] if r["id"] == "s6_c_2")
    assert (row["status"], row["review"]["state"]) == ("changed since review", "affected")
    assert row["review"]["affected_by"] == [_MOVED]
    assert "warning: " + said.format("coverage") in coverage.stderr.splitlines(), coverage.stderr

    assert billtrace(project, "review", "--accept", "s6_c_2").returncode == 0  # re-read against the new words
    assert billtrace(project, "review").returncode == 0
    again = billtrace(project, "build")
    assert again.returncode == 0, again.stdout + again.stderr
