"""Staleness: what a change of the bill's words puts in question, on the fixture bill and on S. 2839.

The first test gates the suite: it fails, naming each provision and its rules,
while the words of statute/s2839-is.txt differ from those recorded in
provisions/reviewed-text.toml.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from generator.cli import review as review_command
from generator.cli.main import main
from generator.errors import ReviewedTextError
from generator.project.rules import load_catalogue
from generator.project.workspace import Workspace
from generator.reports.matrix import matrix_to_json, matrix_to_markdown, matrix_to_table, trace_text
from generator.reports.review import review_json, review_text
from generator.trace.collect import Inputs
from generator.trace.matrix import Status, join
from generator.trace.results import Results
from generator.trace.review import (
    NOTHING_REVIEWED,
    ReviewedText,
    ReviewState,
    accept,
    accept_all,
    advice,
    declared_tests,
    diff_text,
    read_reviewed,
    review,
    reviewed_to_toml,
    tracked,
    word_diff,
)
from generator.trace.run import collect_tests
from grammar import Bill, parse_file, parse_text
from provisions.kit import Catalogue

ROOT = Path(__file__).resolve().parents[2]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini-bill.txt"
DECLARED: Mapping[str, tuple[str, ...]] = {"s2_1": ("t.py::test_claim",), "s3_a": ("t.py::test_widget",),
                                           "s3_b": ("t.py::test_gadget",)}


@pytest.fixture(scope="module")
def collected() -> Results:
    """The tests of S. 2839 and their provision markers, collected once (not run)."""
    return collect_tests(Workspace.at(ROOT))


# -- The gate: the working text against the reviewed text --------------------------------------------------


def test_the_words_of_every_tracked_provision_are_the_words_its_rules_and_tests_were_reviewed_against(
        collected: Results) -> None:
    workspace = Workspace.at(ROOT)
    reviewed = read_reviewed(workspace.reviewed, name=workspace.relative(workspace.reviewed))
    assert reviewed.present, f"{reviewed.path} is missing: run `billtrace review --accept-all` once reviewed"
    declared = declared_tests(collected)
    stale = review(parse_file(workspace.bill), load_catalogue(Workspace.at(ROOT)), declared, reviewed).stale
    if stale:
        pytest.fail("\n".join(advice(item) for item in stale), pytrace=False)


# -- The fixture bill: changed, below, unreviewed, removed --------------------------------------------------


def _mini(text: str | None = None) -> Bill:
    return parse_text(text if text is not None else MINI.read_text(encoding="utf-8"), source="mini-bill.txt")


def _changed(old: str, new: str) -> Bill:
    text = MINI.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return _mini(text.replace(old, new))


def _reviewed_now(bill: Bill, rules: Catalogue) -> ReviewedText:
    return accept_all(NOTHING_REVIEWED, bill, tracked(bill, rules, DECLARED))


def test_a_changed_word_marks_its_provision_changed_with_the_words_that_changed(mini: ModuleType) -> None:
    rules = mini.catalogue()
    reviewed = _reviewed_now(_mini(), rules)
    item = review(_changed("*device*", "*machine*"), rules, DECLARED, reviewed).of("s2_1")
    assert item is not None and item.state is ReviewState.CHANGED and item.own_words_changed
    assert [(c.op, c.old, c.new) for c in item.diff if c.op != "equal"] == [("replace", "*device*", "*machine*")]
    assert "[-*device*-]{+*machine*+}" in diff_text(item.diff)
    assert item.tests == ("t.py::test_claim",)


def test_a_changed_word_marks_each_tracked_ancestor_changed_for_words_below_it(mini: ModuleType) -> None:
    rules = mini.catalogue()
    reviewed = _reviewed_now(_mini(), rules)
    item = review(_changed("*device*", "*machine*"), rules, DECLARED, reviewed).of("s2")
    assert item is not None and item.state is ReviewState.CHANGED
    assert not item.own_words_changed and item.diff == ()
    assert item.below == ("s2_1",)
    assert item.summary == "only words below it changed since review: s2_1"
    assert item.rules == ("fixture.definitions",)


def test_a_changed_definition_flags_the_provisions_using_the_term_and_leaves_the_others_current(
        mini: ModuleType) -> None:
    rules = mini.catalogue()
    reviews = review(_changed("*device*", "*machine*"), rules, DECLARED, _reviewed_now(_mini(), rules))
    # s3_b uses `gadget`, defined as "a widget sold ...": the change reaches it through that definition
    assert {r.id: r.state.value for r in reviews.items} == {
        "s2": "changed", "s2_1": "changed", "s3_a": "affected", "s3_b": "affected", "s3_c": "affected"}
    affected = reviews.of("s3_a")
    assert affected is not None and affected.affected_by[0].startswith("sec. 2(1) changed since review; this "
                                                                       "provision uses `")
    through = reviews.of("s3_b")
    assert through is not None and through.affected_by == (
        "sec. 2(1) changed since review; this provision uses `gadget` (sec. 2(2)), which uses `widget`",)


def test_a_provision_added_below_a_reviewed_one_is_named_as_new(mini: ModuleType) -> None:
    rules = mini.catalogue()
    added = _changed("    (c) Reports.", "    (d) Penalties.--A gadget seller shall pay.\n    (c) Reports.")
    # the fixture's s3 is tracked here by a test marked for it
    declared = {**DECLARED, "s3": ("t.py::test_section",)}
    reviewed = accept_all(NOTHING_REVIEWED, _mini(), tracked(_mini(), rules, declared))
    item = review(added, rules, declared, reviewed).of("s3")
    assert item is not None and item.state is ReviewState.CHANGED
    assert item.added == ("s3_d",) and "new s3_d" in item.summary


def test_a_tracked_provision_with_no_entry_is_unreviewed(mini: ModuleType) -> None:
    rules = mini.catalogue()
    reviewed = accept(NOTHING_REVIEWED, _mini(), ["s2", "s2_1", "s3_a", "s3_c"])
    item = review(_mini(), rules, DECLARED, reviewed).of("s3_b")
    assert item is not None and item.state is ReviewState.UNREVIEWED
    assert advice(item) == ("the words of sec. 3(b) were never reviewed against its rules; read "
                            "fixture.gadget_duty and its tests, then run `billtrace review --accept s3_b`")


def test_an_entry_for_an_id_the_text_no_longer_has_is_reported_removed(mini: ModuleType) -> None:
    rules = mini.catalogue()
    longer = _mini(MINI.read_text(encoding="utf-8") + "    (d) Penalties.--A gadget seller shall pay.\n")
    reviewed = accept_all(NOTHING_REVIEWED, longer, ["s3_d", *tracked(_mini(), rules, DECLARED)])
    reviews = review(_mini(), rules, DECLARED, reviewed)
    assert [(r.id, r.state) for r in reviews.removed] == [("s3_d", ReviewState.REMOVED)]
    assert reviews.removed[0].summary == "the text no longer has provision s3_d"
    assert reviews.of("s3") is None  # nothing of its own rests on s3, though its words changed


def test_nothing_rests_on_a_provision_without_a_rule_test_or_declaration_of_its_own(mini: ModuleType) -> None:
    assert tracked(_mini(), mini.catalogue(), DECLARED) == ("s2", "s2_1", "s3_a", "s3_b", "s3_c")


def test_accepting_a_provision_records_its_words_as_they_are_now(mini: ModuleType) -> None:
    rules = mini.catalogue()
    changed = _changed("*device*", "*machine*")
    reviewed = accept(_reviewed_now(_mini(), rules), changed, ["s2_1"])
    reviews = review(changed, rules, DECLARED, reviewed)
    # s2 still records the old words of s2_1 below it, so the provisions using its term stay flagged
    assert [(r.id, r.state.value) for r in reviews.stale] == [("s2", "changed"), ("s3_a", "affected"),
                                                               ("s3_b", "affected"), ("s3_c", "affected")]
    assert "*machine*" in reviewed.entries["s2_1"].words
    reviewed = accept(reviewed, changed, ["s2"])
    # the provisions using the term were reviewed against its old words: each stays flagged until re-read
    assert [r.id for r in review(changed, rules, DECLARED, reviewed).stale] == ["s3_a", "s3_b", "s3_c"]
    reviewed = accept(reviewed, changed, ["s3_a", "s3_b", "s3_c"])
    assert review(changed, rules, DECLARED, reviewed).stale == ()


def test_accepting_a_removed_id_drops_its_entry(mini: ModuleType) -> None:
    rules = mini.catalogue()
    reviewed = accept(_reviewed_now(_mini(), rules), _mini(_mini_text_with_s3_d()), ["s3_d"])
    assert "s3_d" in reviewed.entries
    assert "s3_d" not in accept(reviewed, _mini(), ["s3_d"]).entries


def _mini_text_with_s3_d() -> str:
    return MINI.read_text(encoding="utf-8") + "    (d) Penalties.--A gadget seller shall pay.\n"


def test_the_word_diff_compares_words_without_autojunk() -> None:
    common = "the " * 250  # "the" would be junk to difflib's autojunk heuristic
    changes = word_diff(common + "end", common + "finish")
    assert [(c.op, c.new) for c in changes] == [("equal", common.strip()), ("replace", "finish")]


# -- The file: written in the order of the text, read back, malformed ----------------------------------------


def test_the_file_reads_back_what_was_written_in_the_order_of_the_text(mini: ModuleType, tmp_path: Path) -> None:
    bill = _mini()
    reviewed = accept_all(NOTHING_REVIEWED, _mini(_mini_text_with_s3_d()),
                          ["s3_d", *tracked(bill, mini.catalogue(), DECLARED)])
    text = reviewed_to_toml(reviewed, bill)
    path = tmp_path / "reviewed-text.toml"
    path.write_text(text, encoding="utf-8")
    again = read_reviewed(path)
    assert again.entries == reviewed.entries
    assert reviewed_to_toml(again, bill) == text
    tables = [line for line in text.splitlines() if line.startswith("[") and "." not in line]
    assert tables == ["[s2]", "[s2_1]", "[s3_a]", "[s3_b]", "[s3_c]", "[s3_d]"]  # s3_d: not in the bill, last
    assert text.startswith("# The words of each tracked provision")


def test_a_missing_file_reads_as_nothing_reviewed(tmp_path: Path) -> None:
    reviewed = read_reviewed(tmp_path / "absent.toml", name="provisions/reviewed-text.toml")
    assert not reviewed.present and reviewed.entries == {}


@pytest.mark.parametrize(("content", "message"), [
    ("[s2\nhash = 1", "is not valid TOML"),
    ('s2 = "x"\n', "s2 must be a table [s2] with hash and words"),
    ('[s2]\nhash = "abc"\nwords = "x"\n', "[s2] hash must be 64 lowercase hex digits"),
    (f'[s2]\nhash = "{"a" * 64}"\nwords = 3\n', "[s2] words must be a string"),
    (f'[s2]\nhash = "{"a" * 64}"\nwords = "x"\nnote = "y"\n', "[s2] has unknown key 'note'"),
    (f'[s2]\nhash = "{"a" * 64}"\nwords = "x"\n[s2.below]\ns2_1 = "zz"\n', "[s2.below] must map provision ids"),
])
def test_a_malformed_file_is_refused_with_its_name_and_the_problem(tmp_path: Path, content: str,
                                                                   message: str) -> None:
    path = tmp_path / "reviewed-text.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewedTextError) as caught:
        read_reviewed(path, name="provisions/reviewed-text.toml")
    assert str(caught.value).startswith("error: provisions/reviewed-text.toml")
    assert message in str(caught.value)


# -- The matrix and its reports: review beside status ---------------------------------------------------------


def test_a_verified_row_whose_words_changed_since_review_is_changed_since_review_not_verified(
        mini_inputs: Inputs) -> None:
    matrix = join(mini_inputs)
    row = matrix.row("s3_a")  # its passing test ran its rule, but against words that are not the words now
    assert row.status is Status.CHANGED
    assert "its words changed since its rules were reviewed" in row.explanation
    assert "billtrace review --accept s3_a" in row.explanation
    assert matrix.tally.verified == 0 and matrix.tally.counts[Status.CHANGED] == 1
    assert matrix.row("s3").rollup is Status.FAILING  # a failing test below still rolls up first
    assert row.review is not None and row.review.state is ReviewState.CHANGED and row.stale
    assert "<b>free</b>" in row.review.diff[1].old
    assert matrix.row("s1").review is None  # nothing rests on it
    assert [r.id for r in matrix.removed] == ["s9"]
    assert matrix.tally.reviews[ReviewState.UNREVIEWED] == 4 and matrix.tally.stale == 5
    assert {s.id: s.tally.stale for s in matrix.sections} == {"s1": 0, "s2": 2, "s3": 3}


def test_the_json_has_a_review_object_per_provision_and_counts_in_the_summary(mini_inputs: Inputs) -> None:
    data = json.loads(json.dumps(matrix_to_json(join(mini_inputs), mini_inputs.bill)))
    by_id = {p["id"]: p for p in data["provisions"]}
    assert by_id["s1"]["review"] is None
    assert by_id["s3_a"]["review"]["state"] == "changed" and by_id["s3_a"]["review"]["own_words_changed"]
    assert [c for c in by_id["s3_a"]["review"]["diff"] if c["op"] != "equal"] == [
        {"op": "replace", "old": "<b>free</b>", "new": "free"},
        {"op": "replace", "old": "[duty](javascript:x),", "new": "duty,"}]
    assert data["summary"]["review"] == {"current": 0, "changed": 1, "affected": 0, "unreviewed": 4, "to_review": 5,
                                      "stale": 5, "removed": 1}
    assert [r["id"] for r in data["removed"]] == ["s9"]
    assert by_id["s3_a"]["status"] == "changed since review"
    assert data["summary"]["percent_verified"] == 0.0 and data["summary"]["counts"]["changed since review"] == 1


def test_the_table_flags_the_review_of_each_row(mini_inputs: Inputs) -> None:
    table = matrix_to_table(join(mini_inputs), mini_inputs.bill)
    assert "REVIEW" in table.splitlines()[2]
    line = next(row for row in table.splitlines() if row.strip().startswith("s3_a "))
    assert " changed since review " in line and " changed " in line.split("changed since review", 1)[1]
    assert "its words changed since its rules were reviewed" in line
    assert "review: 0 current, 1 changed, 0 affected, 4 unreviewed, 1 removed (billtrace review lists them)" in table
    assert "removed: the text no longer has provision s9" in table


def test_coverage_and_review_count_the_states_by_the_same_names(mini_inputs: Inputs) -> None:
    matrix = join(mini_inputs)
    reviews = review(mini_inputs.bill, mini_inputs.catalogue, declared_tests(mini_inputs.results),
                     mini_inputs.reviewed)
    counts = review_json(reviews)["counts"]
    summary = matrix_to_json(matrix, mini_inputs.bill)["summary"]["review"]
    assert counts == {"current": 0, "changed": 1, "affected": 0, "unreviewed": 4, "removed": 1, "to_review": 5}
    assert {k: v for k, v in summary.items() if k != "stale"} == counts  # "stale": to_review, as it was first named
    # the review's headline and coverage's review line say the same counts in the same words
    assert "(1 changed, 0 affected, 4 unreviewed)" in review_text(reviews, mini_inputs.catalogue)
    assert "1 changed, 0 affected, 4 unreviewed, 1 removed" in matrix_to_markdown(matrix, mini_inputs.bill)


def test_a_trace_shows_the_review_with_the_word_diff(mini_inputs: Inputs) -> None:
    text = trace_text(join(mini_inputs).row("s3_a"), mini_inputs)
    assert "review: changed" in text
    assert "[-<b>free</b>-]{+free+} of" in text
    assert "billtrace review --accept s3_a" in text


# -- The command: billtrace review, --accept, --accept-all -------------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, collected: Results, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment of a run of `billtrace review` on S. 2839 with its reviewed text in ``tmp_path``
    (the tests' markers collected once for every run)."""
    monkeypatch.setattr(review_command, "collect_tests", lambda workspace: collected)
    return {"BILLTRACE_REVIEWED": str(tmp_path / "reviewed-text.toml")}


def _run(env: Mapping[str, str], *args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, ["review", *args], env=dict(env))
    return done.exit_code, done.stdout, done.stderr


def _first_rule_provision() -> str:
    return load_catalogue(Workspace.at(ROOT)).rules[0].provisions[0]


def test_accept_all_records_every_tracked_provision_and_review_then_finds_nothing(cli: dict[str, str]) -> None:
    code, out, _ = _run(cli, "--accept-all")
    assert code == 0 and "recorded the words of all" in out
    first = Path(cli["BILLTRACE_REVIEWED"]).read_bytes()
    assert _run(cli, "--accept-all")[0] == 0
    assert Path(cli["BILLTRACE_REVIEWED"]).read_bytes() == first  # deterministic
    code, out, _ = _run(cli)
    assert code == 0 and "are the words their rules and tests were reviewed against" in out


def test_review_lists_a_changed_provision_with_its_diff_rules_and_tests_and_exits_1(cli: dict[str, str]) -> None:
    _run(cli, "--accept-all")
    pid = _first_rule_provision()
    path = Path(cli["BILLTRACE_REVIEWED"])
    reviewed = read_reviewed(path)
    entry = reviewed.entries[pid]
    earlier = dataclasses.replace(entry, hash="0" * 64, words="Formerly " + entry.words)
    entries = {**reviewed.entries, pid: earlier}
    path.write_text(reviewed_to_toml(dataclasses.replace(reviewed, entries=entries), parse_file(Workspace.at(ROOT).bill)),
                    encoding="utf-8")
    code, out, err = _run(cli)
    assert (code, err) == (1, "")
    assert f"\n{pid}  " in out and re.search(r"\d+ of \d+ tracked provisions to review \(1 changed, \d+ affected, 0 unreviewed\)\n", out)
    assert "[-Formerly-]" in out
    assert load_catalogue(Workspace.at(ROOT)).rules_for(pid)[0].name in out
    assert f"then: billtrace review --accept {pid}" in out


def test_accept_records_the_reviewed_words_of_the_ids_given(cli: dict[str, str]) -> None:
    _run(cli, "--accept-all")
    pid = _first_rule_provision()
    path = Path(cli["BILLTRACE_REVIEWED"])
    before = path.read_text(encoding="utf-8")
    path.write_text(before.replace(read_reviewed(path).entries[pid].hash, "0" * 64), encoding="utf-8")
    assert _run(cli)[0] == 1
    code, out, _ = _run(cli, "--accept", pid)
    assert code == 0 and f"recorded the words of {pid}" in out and "nothing left to review" in out
    assert path.read_text(encoding="utf-8") == before


def test_accepting_an_unknown_id_names_the_close_ones_exits_2_and_writes_nothing(cli: dict[str, str]) -> None:
    _run(cli, "--accept-all")
    path = Path(cli["BILLTRACE_REVIEWED"])
    before = path.read_bytes()
    pid = _first_rule_provision()
    code, out, err = _run(cli, "--accept", pid, pid + "9")
    assert (code, out) == (2, "")
    assert err.startswith(f"error: no tracked provision has the id '{pid}9' (did you mean ")
    assert pid in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_without_a_file_every_tracked_provision_is_unreviewed(cli: dict[str, str]) -> None:
    code, out, _ = _run(cli)
    assert code == 1
    assert "does not exist yet" in out and "(0 changed, " in out and " unreviewed)" in out


def test_a_malformed_file_is_one_message_and_exit_2(cli: dict[str, str]) -> None:
    Path(cli["BILLTRACE_REVIEWED"]).write_text("[s4\n", encoding="utf-8")
    code, out, err = _run(cli)
    assert (code, out) == (2, "")
    assert "is not valid TOML" in err and "Traceback" not in err


@pytest.mark.parametrize(("args", "message"), [
    (("s4_b",), "provision ids are taken only with --accept: billtrace review --accept ID [ID ...] records them "
                "as reviewed; billtrace review alone lists what to review"),
    (("--accept",), "--accept needs the ids of the provisions a person has re-read: billtrace review --accept ID "
                    "[ID ...] (an id such as s4_c_1, or a citation such as \"sec. 4(c)(1)\"), or billtrace review "
                    "--accept-all to record every tracked provision"),
    (("--accept-all", "s4_b"), "give either --accept ID [ID ...] or --accept-all, not both"),
])
def test_ids_and_accept_options_that_do_not_fit_together_are_refused(cli: dict[str, str], args: tuple[str, ...],
                                                                       message: str) -> None:
    # one line in billtrace's own form, naming what to type, not click's usage block
    code, out, err = _run(cli, *args)
    assert (code, out, err) == (2, "", f"error: {message}\n")


def test_the_reviewed_text_of_the_repository_is_written_as_billtrace_writes_it() -> None:
    workspace = Workspace.at(ROOT)
    reviewed = read_reviewed(workspace.reviewed)
    assert workspace.reviewed.read_text(encoding="utf-8") == reviewed_to_toml(reviewed, parse_file(workspace.bill))
