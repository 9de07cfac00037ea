"""``billtrace check`` in a project of its own: it refuses a broken rules package in one line, as
``coverage`` and ``review`` do, and says after an answer when a provision it cites changed since review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def test_an_answer_citing_words_changed_since_review_is_followed_by_a_warning_naming_them(tmp_path: Path) -> None:
    project = with_question(make_project(tmp_path))
    unreviewed = _check(project)
    assert unreviewed[1] == []  # never reviewed: nothing it was reviewed against has moved
    accepted = billtrace(project, "review", "--accept-all")
    assert accepted.returncode == 0, accepted.stderr
    reviewed = _check(project)
    assert reviewed == unreviewed  # the words are those reviewed: no warning
    _edit(project, "(b) Exception.--A gadget shall", "(b) Exception.--A gadget shall always")
    assert _check(project)[1] == []  # sec. 3(b) changed, but the answer does not cite it
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


ACT = """\
SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Widget Act''.

SEC. 2. WIDGETS.

    (a) In General.--A widget is a good.

    (b) Exception.--A gadget is not a widget.
"""


def _facts_and_review(tmp_path: Path, reviewed_text: str, now: str, accepted: tuple[str, ...]) -> tuple[Any, Any]:
    from generator.project.bill_labels import bill_facts
    from generator.trace.review import NOTHING_REVIEWED, accept
    from grammar import parse_text

    reviewed = accept(NOTHING_REVIEWED, parse_text(reviewed_text), accepted)
    path = tmp_path / "bill.txt"
    path.write_text(now, encoding="utf-8")
    return bill_facts(path, tmp_path / "state"), reviewed


@pytest.mark.parametrize(("now", "changed"), [
    (ACT, ()),
    (ACT.replace("A gadget is not", "A gadget is never"), ("s2_b", "below s2")),  # a part of the reviewed section
    (ACT.replace("A widget is a good", "A widget is a thing"), ("s2_a", "below s2")),
    (ACT + "\n    (c) Widgets Too.--A sprocket is a widget.\n", ("s2_c", "below s2")),  # new since the review
    (ACT.replace("SEC. 2. WIDGETS.", "SEC. 2. WIDGETS AND GADGETS."), ("s2",)),  # the section's own heading
])
def test_a_cited_part_is_changed_when_the_entry_above_it_recorded_other_words(
        tmp_path: Path, now: str, changed: tuple[str, ...]) -> None:
    from generator.project.reviewed_words import changed_since_review

    facts, reviewed = _facts_and_review(tmp_path, ACT, now, ("s2",))
    moved = changed_since_review(["s2_b", "s2_a", "s2_c", "s2", "s1", "s9"], facts, reviewed)
    assert tuple(m.id if m.own_words else f"below {m.id}" for m in moved) == changed
