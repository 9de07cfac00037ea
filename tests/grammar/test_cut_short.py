"""A text that stops mid-sentence, with no back matter after it, says it may be cut short."""

from __future__ import annotations

from pathlib import Path

from grammar import parse_text

STATUTE = Path(__file__).resolve().parents[2] / "statute" / "s2839-is.txt"


def test_a_bill_cut_in_the_middle_of_a_word_is_read_as_far_as_it_goes_and_says_so() -> None:
    text = STATUTE.read_text(encoding="utf-8")
    cut = text[:text.index("apply to the ") + len("apply to the ag")]
    bill = parse_text(cut)
    [warning] = [d for d in bill.diagnostics if d.code == "text-cut-short"]
    assert warning.line == cut.count("\n") + 1 and "apply to the ag'" in warning.message
    assert "may be cut short" in warning.message


def test_a_whole_bill_and_a_text_ending_at_a_sentence_say_nothing_of_the_kind() -> None:
    text = STATUTE.read_text(encoding="utf-8")
    assert not [d for d in parse_text(text).diagnostics if d.code == "text-cut-short"]
    at_a_sentence = text[:text.index("<all>")].rstrip() + "\n"
    assert not [d for d in parse_text(at_a_sentence).diagnostics if d.code == "text-cut-short"]
