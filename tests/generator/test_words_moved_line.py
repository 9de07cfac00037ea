"""The one line ``build`` and ``coverage`` end with when reviewed words moved: which provisions' own words
changed since review, and which are affected (their words are those reviewed, but words they rest on changed)."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from generator.cli.outcome import words_moved_line
from generator.trace.collect import Inputs
from generator.trace.matrix import join
from generator.trace.review import ReviewedText, ReviewState, accept_all, declared_tests, review, tracked

_TAIL = "what rests on {} is not verified until a person re-reads it (`billtrace review` lists {})"


def _reviewed(inputs: Inputs, **entries: dict[str, object]) -> Inputs:
    """``inputs`` with every tracked provision reviewed as it stands, then the fields of ``entries`` replaced."""
    ids = tracked(inputs.bill, inputs.catalogue, declared_tests(inputs.results))
    reviewed = accept_all(inputs.reviewed, inputs.bill, ids)
    edited = {**reviewed.entries, **{pid: dataclasses.replace(reviewed.entries[pid], **fields)  # type: ignore[arg-type]
                                     for pid, fields in entries.items()}}
    return dataclasses.replace(inputs, reviewed=ReviewedText(reviewed.path, True, MappingProxyType(edited)))


def _sec_2_1_reviewed_with_other_words(inputs: Inputs) -> Inputs:
    """Sec. 2(1) (the definition of `widget`) reviewed when it said something else, and sec. 3(a),
    which uses the term, reviewed against those words."""
    entries = _reviewed(inputs).reviewed.entries
    assert entries["s3_a"].rests_on is not None and "s2_1" in entries["s3_a"].rests_on
    return _reviewed(inputs, s2_1={"hash": "0" * 64, "words": "The term widget means a small device."},
                     s3_a={"rests_on": MappingProxyType({**entries["s3_a"].rests_on, "s2_1": "0" * 16})})


def test_a_provision_resting_on_changed_words_is_named_affected_with_the_words_it_rests_on(
        mini_inputs: Inputs) -> None:
    inputs = _sec_2_1_reviewed_with_other_words(mini_inputs)
    matrix = join(inputs)
    assert matrix.row("s2_1").review.state is ReviewState.CHANGED  # type: ignore[union-attr]
    assert matrix.row("s3_a").review.state is ReviewState.AFFECTED  # type: ignore[union-attr]
    assert words_moved_line("build", matrix) == (
        "billtrace build: the words of 1 reviewed provision changed since review: sec. 2(1) (s2_1); "
        "1 reviewed provision is affected: sec. 3(a) (s3_a) rests on words that changed since review (sec. 2(1)); "
        + _TAIL.format("them", "them"))
    # coverage of sec. 3 alone: only the affected one, and nothing says its own words changed
    assert words_moved_line("coverage", matrix, [matrix.row("s3_a")]) == (
        "billtrace coverage: 1 reviewed provision is affected: sec. 3(a) (s3_a) rests on words that changed "
        "since review (sec. 2(1)); " + _TAIL.format("it", "it"))


def test_the_review_names_the_same_provisions_as_the_line(mini_inputs: Inputs) -> None:
    inputs = _sec_2_1_reviewed_with_other_words(mini_inputs)
    reviews = review(inputs.bill, inputs.catalogue, declared_tests(inputs.results), inputs.reviewed)
    affected = reviews.of("s3_a")
    assert affected is not None and affected.rests_on_changed == ("sec. 2(1)",)
    assert affected.affected_by == ("sec. 2(1) changed since review; this provision uses `widget`",)


def test_words_an_old_entry_did_not_record_are_not_called_changed(mini_inputs: Inputs) -> None:
    # an entry for sec. 3(a) written before rests_on was kept, and none for the definitions it uses
    inputs = _reviewed(mini_inputs, s3_a={"rests_on": None})
    entries = {pid: e for pid, e in inputs.reviewed.entries.items() if pid not in ("s2", "s2_1")}
    inputs = dataclasses.replace(inputs, reviewed=ReviewedText(inputs.reviewed.path, True, MappingProxyType(entries)))
    matrix = join(inputs)
    assert words_moved_line("build", matrix) == (
        "billtrace build: 1 reviewed provision is affected: sec. 3(a) (s3_a) rests on words its review did not "
        "record (sec. 2(1) and sec. 2(2)); " + _TAIL.format("it", "it"))

