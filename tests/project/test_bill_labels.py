"""``bill_labels``: a bill's citation labels, parsed once per text and never trusted past a change."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import grammar.parse
from generator.project.bill_labels import BillFacts, bill_facts, bill_labels
from generator.project.reviewed_words import changed_since_review
from generator.trace.review import NOTHING_REVIEWED, ReviewedText, accept
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


def _texts(count: int) -> list[str]:
    """``count`` texts of the bill, each another widget act."""
    return [BILL.replace("Widget Act", f"Widget Act of {2000 + n}") for n in range(count)]


def _cached(state: Path) -> set[str]:
    return {p.name for p in (state / "labels").iterdir() if not p.name.startswith(".")}


def test_the_cache_keeps_the_texts_of_the_last_few_parses_and_removes_the_rest(tmp_path: Path) -> None:
    from generator.project.bill_labels import KEPT

    path, state = tmp_path / "bill.txt", tmp_path / "state"
    names = []
    for n, text in enumerate(_texts(KEPT + 4)):
        path.write_text(text, encoding="utf-8")
        bill_labels(path, state)
        (new,) = _cached(state) - set(names)
        names.append(new)
        os.utime(state / "labels" / new, (1_000_000 + n, 1_000_000 + n))  # written in this order, a second apart
        assert len(_cached(state)) <= KEPT
    assert _cached(state) == set(names[-KEPT:])
    path.write_text(_texts(1)[0], encoding="utf-8")  # the first text again: parsed afresh, its labels right
    assert bill_labels(path, state)["s2_a"] == "sec. 2(a)"
    assert names[0] in _cached(state) and names[-1] in _cached(state) and len(_cached(state)) == KEPT


def test_pruning_removes_only_the_caches_own_files_inside_its_folder(tmp_path: Path) -> None:
    from generator.project.bill_labels import KEPT

    path, state = tmp_path / "bill.txt", tmp_path / "state"
    labels = state / "labels"
    labels.mkdir(parents=True)
    outside = tmp_path / "precious.json"
    outside.write_text("{}", encoding="utf-8")
    theirs = {"notes.txt": "mine", "README.md": "mine", "a" * 63 + ".json": "mine", "A" * 64 + ".json": "mine"}
    for name, content in theirs.items():
        (labels / name).write_text(content, encoding="utf-8")
    (labels / ("b" * 64 + ".json")).symlink_to(outside)  # a link named like a cache file: the link may go
    (labels / ("c" * 64 + ".json")).mkdir()  # a folder named like one stays
    old_partial = labels / ".labels-crashed.tmp"  # left by a writer that died: removed once old
    old_partial.write_text('{"format": ', encoding="utf-8")
    os.utime(old_partial, (1_000_000, 1_000_000))
    fresh_partial = labels / ".labels-writing.tmp"  # another process writing now: left alone
    fresh_partial.write_text('{"format": ', encoding="utf-8")
    for text in _texts(KEPT + 2):
        path.write_text(text, encoding="utf-8")
        bill_labels(path, state)
    assert outside.read_text(encoding="utf-8") == "{}"
    assert all((labels / name).read_text(encoding="utf-8") == content for name, content in theirs.items())
    assert (labels / ("c" * 64 + ".json")).is_dir()
    assert not old_partial.exists() and fresh_partial.exists()
    ours = [p for p in labels.iterdir() if re.fullmatch(r"[0-9a-f]{64}\.json", p.name) and p.is_file()
            and not p.is_symlink()]
    assert len(ours) == KEPT


def test_a_labels_folder_that_is_a_link_elsewhere_is_never_pruned(tmp_path: Path) -> None:
    from generator.project.bill_labels import KEPT

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for n in range(KEPT + 2):
        (elsewhere / f"{n:064x}.json").write_text("{}", encoding="utf-8")
    state = tmp_path / "state"
    state.mkdir()
    (state / "labels").symlink_to(elsewhere, target_is_directory=True)
    path = tmp_path / "bill.txt"
    path.write_text(BILL, encoding="utf-8")
    assert bill_labels(path, state)["s2_a"] == "sec. 2(a)"
    assert len(list(elsewhere.iterdir())) >= KEPT + 2


def test_a_reader_whose_cache_file_is_pruned_meanwhile_gets_its_labels_all_the_same(tmp_path: Path) -> None:
    import threading

    from generator.project.bill_labels import KEPT

    state = tmp_path / "state"
    reader_bill = tmp_path / "reader.txt"
    reader_bill.write_text(BILL, encoding="utf-8")
    writer_bill = tmp_path / "writer.txt"
    stop, seen, failures = threading.Event(), [], []

    def read() -> None:
        while not stop.is_set():
            try:
                seen.append(bill_labels(reader_bill, state)["s2_b"])
            except Exception as error:  # the test's point: none may escape
                failures.append(error)
                return

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for text in _texts(3 * KEPT):  # each a new file, so the reader's is pruned again and again
            writer_bill.write_text(text, encoding="utf-8")
            bill_labels(writer_bill, state)
    finally:
        stop.set()
        reader.join()
    assert failures == [] and seen and set(seen) == {"sec. 2(b)"}
    assert len(_cached(state)) <= KEPT


def _facts_and_review(tmp_path: Path, now: str, accepted: tuple[str, ...]) -> tuple[BillFacts, ReviewedText]:
    """The cached facts of ``now``, and a reviewed text recording ``accepted`` as they were in ``BILL``."""
    reviewed = accept(NOTHING_REVIEWED, grammar.parse.parse_text(BILL), accepted)
    path = tmp_path / "bill.txt"
    path.write_text(now, encoding="utf-8")
    return bill_facts(path, tmp_path / "state"), reviewed


@pytest.mark.parametrize(("now", "changed"), [
    (BILL, ()),
    (BILL.replace("A gadget is not", "A gadget is never"), ("s2_b", "below s2")),  # a part of the reviewed section
    (BILL.replace("A widget is a good", "A widget is a thing"), ("s2_a", "below s2")),
    (BILL + "\n    (c) Widgets Too.--A sprocket is a widget.\n", ("s2_c", "below s2")),  # new since the review
    (BILL.replace("SEC. 2. WIDGETS.", "SEC. 2. WIDGETS AND GADGETS."), ("s2",)),  # the section's own heading
])
def test_the_cached_facts_tell_which_cited_provisions_changed_since_review(
        tmp_path: Path, now: str, changed: tuple[str, ...]) -> None:
    facts, reviewed = _facts_and_review(tmp_path, now, ("s2",))  # only the section has an entry
    moved = changed_since_review(["s2_b", "s2_a", "s2_c", "s2", "s1", "s9"], facts, reviewed)
    assert tuple(m.id if m.own_words else f"below {m.id}" for m in moved) == changed
