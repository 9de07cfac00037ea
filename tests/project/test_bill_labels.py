"""``bill_labels``: a bill's citation labels, parsed once per text and never trusted past a change."""

from __future__ import annotations

from pathlib import Path

import pytest

import grammar.parse
from generator.project.bill_labels import bill_labels
from grammar import Bill, BillError

BILL = """\
SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Widget Act''.

SEC. 2. WIDGETS.

    (a) In General.--A widget is a good.

    (b) Exception.--A gadget is not a widget.
"""


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that gets one entry each time the bill is parsed."""
    seen: list[str] = []
    real = grammar.parse.parse_text

    def counted(text: str, *, source: str = "<text>", strict: bool = False) -> Bill:
        seen.append(source)
        return real(text, source=source, strict=strict)

    monkeypatch.setattr(grammar.parse, "parse_text", counted)
    return seen


def test_the_labels_are_the_parsed_bills_and_a_second_run_does_not_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bill.txt"
    path.write_text(BILL, encoding="utf-8")
    parses = _parses(monkeypatch)
    first = bill_labels(path, tmp_path / "state")
    assert first["s2_a"] == "sec. 2(a)" and first["s1"] == "sec. 1"
    assert first == {p.id: p.label for p in grammar.parse.parse_file(path).walk()}
    assert bill_labels(path, tmp_path / "state") == first
    assert len(parses) == 1


def test_a_changed_text_is_parsed_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bill.txt"
    path.write_text(BILL, encoding="utf-8")
    parses = _parses(monkeypatch)
    assert "s2_b" in bill_labels(path, tmp_path / "state")
    path.write_text(BILL.replace("    (b) Exception.--A gadget is not a widget.\n", ""), encoding="utf-8")
    assert "s2_b" not in bill_labels(path, tmp_path / "state")
    assert len(parses) == 2


@pytest.mark.parametrize("content", ["", "{not json", '{"format": "billtrace-labels-1", "key": "x", "labels": {}}'])
def test_a_damaged_or_foreign_cache_file_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    path = tmp_path / "bill.txt"
    path.write_text(BILL, encoding="utf-8")
    state = tmp_path / "state"
    good = bill_labels(path, state)
    (cached,) = (state / "labels").iterdir()
    cached.write_text(content, encoding="utf-8")
    parses = _parses(monkeypatch)
    assert bill_labels(path, state) == good
    assert len(parses) == 1
    assert bill_labels(path, state) == good and len(parses) == 1  # rewritten whole


def test_a_cache_file_of_another_text_under_this_name_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "bill.txt"
    state = tmp_path / "state"
    path.write_text(BILL, encoding="utf-8")
    bill_labels(path, state)
    (old,) = (state / "labels").iterdir()
    path.write_text(BILL.replace("    (b) Exception.--A gadget is not a widget.\n", ""), encoding="utf-8")
    bill_labels(path, state)
    (new,) = set((state / "labels").iterdir()) - {old}
    new.write_text(old.read_text(encoding="utf-8"), encoding="utf-8")  # the old text's labels, renamed
    assert "s2_b" not in bill_labels(path, state)


def test_a_state_folder_that_cannot_be_written_costs_only_a_parse(tmp_path: Path) -> None:
    path = tmp_path / "bill.txt"
    path.write_text(BILL, encoding="utf-8")
    blocked = tmp_path / "state"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert bill_labels(path, blocked)["s2_a"] == "sec. 2(a)"


def test_a_bad_bill_is_one_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(BillError, match="no such file"):
        bill_labels(tmp_path / "absent.txt", tmp_path / "state")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(BillError) as caught:
        bill_labels(empty, tmp_path / "state")
    assert "empty.txt" in str(caught.value)
    assert not (tmp_path / "state").exists()
