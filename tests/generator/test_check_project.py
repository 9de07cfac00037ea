"""``billtrace check`` in a project of its own: it refuses a broken rules package in one line, as
``coverage`` and ``review`` do, and says after an answer when a provision it cites changed since review."""

from __future__ import annotations

import json
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


def _check(project: Path, *args: str) -> tuple[str, list[str]]:
    done = billtrace(project, "check", "duty", "--kind", "widget", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr.splitlines()


def _edit(project: Path, old: str, new: str) -> None:
    bill = project / "statute" / "bill.txt"
    text = bill.read_text(encoding="utf-8")
    assert old in text
    bill.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGED_3A = ("warning: the words of sec. 3(a) (s3_a), which this answer cites, changed since review: the rules "
              "that answered were reviewed against other words (`billtrace review` shows the change)")

AFFECTED_3A = ("warning: sec. 3(a) (s3_a), which this answer cites, rests on sec. 3(b) (s3_b), whose words changed "
               "since review: the rules that answered were reviewed against what those words said then "
               "(`billtrace review` shows the change)")


def test_an_answer_citing_words_changed_since_review_is_followed_by_a_warning_naming_them(tmp_path: Path) -> None:
    project = with_question(make_project(tmp_path))
    unreviewed = _check(project)
    assert unreviewed[1] == []  # never reviewed: nothing it was reviewed against has moved
    accepted = billtrace(project, "review", "--accept-all")
    assert accepted.returncode == 0, accepted.stderr
    reviewed = _check(project)
    assert reviewed == unreviewed  # the words are those reviewed: no warning
    _edit(project, "(b) Exception.--A gadget shall", "(b) Exception.--A gadget shall always")
    # the answer does not cite sec. 3(b), but sec. 3(a) does ("except as provided in subsection (b)")
    assert _check(project)[1] == [AFFECTED_3A]
    _edit(project, "A widget shall enter free of duty", "A widget shall enter free of all duty")
    out, err = _check(project)
    assert out == unreviewed[0]  # the answer as it was, on standard output
    assert err == [CHANGED_3A]
    as_json = billtrace(project, "check", "duty", "--kind", "widget", "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["reasons"][0]["provision"] == "s3_a"
    assert as_json.stderr.splitlines() == [CHANGED_3A]
    assert billtrace(project, "review", "--accept", "s3_a").returncode == 0
    assert _check(project)[1] == []  # once a person has re-read them, nothing to say


@pytest.mark.parametrize(("shape", "message"), [
    ("malformed", "error: reviewed-text.toml: [s3_a] hash must be 64"),
    ("a folder", "error: "),
])
def test_a_reviewed_text_that_cannot_be_read_gets_one_line_and_no_answer(tmp_path: Path, shape: str,
                                                                        message: str) -> None:
    project = with_question(make_project(tmp_path))
    if shape == "malformed":
        (project / "reviewed-text.toml").write_text("[s3_a]\nhash = 'short'\n", encoding="utf-8")
    else:
        (project / "reviewed-text.toml").mkdir()
    done = billtrace(project, "check", "duty", "--kind", "widget")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(message) and "reviewed-text.toml" in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    review = billtrace(project, "review")
    assert review.returncode == 2 and review.stderr == done.stderr  # the line review gives
