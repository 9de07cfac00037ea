"""The real-bill check (benchmarks/real_bills.py): the signals it gives a reader that a bill was misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.real_bills import main, unopened
from grammar import parse_text
from grammar.model import Bill, Meta, Provision

_HASH = "0" * 64
_TEXT = (
    "SEC. 1. RULES.\n\n"
    "    (a) In General.--The Secretary shall--\n"
    "            (1) act; and\n"
    "            (2) report.\n"
    "    (b) Reports.--A report under paragraphs (1), (2), and\n"
    "    (3) of subsection (a) shall be public.\n"
)


def _unit(pid: str, kind: str, designation: str, start: int, end: int,
          children: tuple[Provision, ...] = ()) -> Provision:
    return Provision(id=pid, kind=kind, designation=designation, heading="", text="words", flush="",
                     label=pid, line_start=start, line_end=end, hash=_HASH, children=children)


def test_a_bill_read_right_has_no_designation_line_that_opened_no_unit() -> None:
    # The wrapped "(3) of subsection (a)" follows "and", which ends no unit: not a signal.
    assert unopened(parse_text(_TEXT), _TEXT) == []


def test_a_designation_line_after_the_end_of_a_unit_that_opened_none_is_listed() -> None:
    # A reading that lost paragraph (2): its line follows "act; and" and no unit starts there.
    lost = _unit("s1", "section", "1", 1, 7, (
        _unit("s1_a", "subsection", "a", 3, 5, (_unit("s1_a_1", "paragraph", "1", 4, 5),)),
        _unit("s1_b", "subsection", "b", 6, 7),
    ))
    assert unopened(Bill(meta=Meta(), provisions=(lost,)), _TEXT) == ["line 5: (2) report."]


def test_the_check_counts_the_lines_per_bill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bill.txt").write_text(_TEXT, encoding="utf-8")
    assert main([str(tmp_path), "--ids"]) == 0
    out = capsys.readouterr().out
    assert "misreading signals: 0 (none)" in out and "opened no unit" not in out


def test_a_text_cut_short_counts_as_a_misreading_signal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A download that stops mid-sentence: what it lacks was never read, so the reader is told.
    (tmp_path / "bill.txt").write_text(_TEXT.replace("shall be public.\n", "shall be\n"), encoding="utf-8")
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "text-cut-short" in out and "misreading signals: 1" in out
