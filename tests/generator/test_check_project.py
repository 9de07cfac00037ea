"""``billtrace check`` in a project of its own: it refuses a broken rules package in one line, as
``coverage`` and ``review`` do, and says after an answer when a provision it cites changed since review."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.tiny_project import billtrace, make_project, with_question

pytestmark = pytest.mark.site  # runs billtrace in subprocesses: left out of the traced run

TWICE = '''\
"""Sec. 1 of the fixture bill: its short title."""

from provisions.kit.rules import Section

section = Section(__name__, "s1")
section.not_formalized("s1", reason="A short title.")
'''


def test_check_answers_in_a_sound_project(tmp_path: Path) -> None:
    project = with_question(make_project(tmp_path))
    done = billtrace(project, "check", "duty", "--kind", "widget")
    assert done.returncode == 0, done.stderr
    assert "sec. 3(a)" in done.stdout and done.stderr == ""


@pytest.mark.parametrize("where", ["in a module the question never imports", "in two modules"])
def test_check_refuses_a_provision_declared_not_formalized_twice_in_one_line(tmp_path: Path, where: str) -> None:
    project = with_question(make_project(tmp_path), sections=("tinyrules.s1", "tinyrules.s3"))
    if where == "in two modules":
        (project / "tinyrules" / "s1.py").write_text(TWICE, encoding="utf-8")
        with (project / "tinyrules" / "s3.py").open("a", encoding="utf-8") as module:
            module.write('\nnot_formalized("s1", reason="The title again.")\n')
        expected = "error: s1 is declared not formalized in both tinyrules.s1 and tinyrules.s3; keep one"
    else:
        (project / "tinyrules" / "s1.py").write_text(
            TWICE + 'section.not_formalized("s1", reason="The title again.")\n', encoding="utf-8")
        expected = "error: tinyrules.s1: s1 is declared not formalized twice"
    coverage = billtrace(project, "coverage")
    assert coverage.returncode == 2 and coverage.stderr.startswith(expected), coverage.stderr
    done = billtrace(project, "check", "duty", "--kind", "widget")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(expected) and len(done.stderr.splitlines()) == 1, done.stderr
