"""Dense input read in bounded memory, with nothing lost: many repeats of one designation,
a bill's index of parents, the compact stores of lines, citations and the table of contents."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re

import pytest
from lark.exceptions import UnexpectedInput

import grammar.citations as citations_layer
from grammar import parse_text
from grammar.errors import UnknownProvisionError
from grammar.lines import Line, Lines, grammar_parser, read_lines
from grammar.model import (
    Bill,
    Citation,
    Citations,
    Definition,
    Definitions,
    Meta,
    Provision,
    QuotedBlock,
    TableOfContents,
    TableOfContentsWriter,
    TocEntry,
)
from grammar.repeats import LIMIT


def _repeated(times: int) -> str:
    lines = "".join(f"    (a) The Secretary shall act on widget {n}.\n" for n in range(times))
    return "SEC. 1. SHAPES.\n\n" + lines


def test_every_repeat_of_a_designation_keeps_its_own_unit_and_id() -> None:
    bill = parse_text(_repeated(25))
    section = bill.get("s1")
    assert [child.id for child in section.children] == ["s1_a", *(f"s1_a-dup{n}" for n in range(2, 26))]
    assert [child.text for child in section.children][-1] == "The Secretary shall act on widget 24."
    assert [child.line_start for child in section.children][:3] == [3, 4, 5]


def test_the_first_repeats_are_reported_one_by_one_and_the_rest_in_one_diagnostic() -> None:
    bill = parse_text(_repeated(25))
    duplicates = [d for d in bill.diagnostics if d.code == "duplicate-id"]
    assert len(duplicates) == LIMIT + 1
    assert [d.provision for d in duplicates[:LIMIT]] == [f"s1_a-dup{n}" for n in range(2, 2 + LIMIT)]
    summary = duplicates[LIMIT]
    # 24 repeats: 10 one by one, 14 counted, from the 12th unit (line 14) to the 25th (line 27)
    assert summary.line == 14 and summary.provision == "s1_a-dup12"
    assert summary.message.startswith("14 more units, from line 14 to line 27, repeat the designation of s1_a")
    assert "s1_a-dup12 to s1_a-dup25" in summary.message
    out_of_sequence = [d for d in bill.diagnostics if d.code == "out-of-sequence"]
    assert len(out_of_sequence) == LIMIT + 1
    assert out_of_sequence[-1].message.startswith("14 more times, from line 14 to line 27, (a) follows (a)")


def test_a_designation_repeated_a_few_times_is_reported_each_time() -> None:
    bill = parse_text(_repeated(4))
    assert [d.provision for d in bill.diagnostics if d.code == "duplicate-id"] == [
        "s1_a-dup2", "s1_a-dup3", "s1_a-dup4"]
    assert not any("more" in d.message for d in bill.diagnostics)


def test_repeats_are_counted_per_designation() -> None:
    # (a) to (c) over and over: each letter's repeats are summarised on their own.
    text = "SEC. 1. SHAPES.\n\n" + "".join(f"    ({'abc'[n % 3]}) The Secretary shall act.\n" for n in range(45))
    bill = parse_text(text)
    summaries = [d for d in bill.diagnostics if d.code == "duplicate-id" and "more units" in d.message]
    assert sorted(d.message.split(";")[0].rsplit(" ", 1)[1] for d in summaries) == ["s1_a", "s1_b", "s1_c"]
    assert all(d.message.startswith("4 more units") for d in summaries)
    assert len(bill.get("s1").children) == 45


_TITLED = (
    "SECTION 1. SHORT TITLE.\n\n    This Act may be cited as the ``Widget Act''.\n\n"
    "TITLE I--WIDGETS\n\nSEC. 101. RULES.\n\n"
    "    (a) In General.--The Secretary shall--\n"
    "            (1) act; and\n"
    "            (2) report.\n"
    "    (a) Again.--The Secretary shall--\n"
    "            (1) act again.\n"
)


def test_every_provision_has_the_parent_that_holds_it() -> None:
    bill = parse_text(_TITLED)
    for provision in bill.walk():
        for child in provision.children:
            assert bill.parent(child.id) is provision
    assert [p.id for p in bill.ancestors("s101_a-dup2_1")] == ["s101_a-dup2", "s101", "tI"]
    assert bill.parent("tI") is None and bill.parent("s1") is None


_REPEATS_EVERYWHERE = (
    "SEC. 1. SHAPES.\n\n"
    + "    (a) The Secretary shall--\n        (1) act; and\n        (1) report.\n" * 4
    + "TITLE I--WIDGETS\n\nSEC. 5. RULES.\n\n    Text.\n\nSEC. 5. MORE RULES.\n\n    Text.\n\n"
    "TITLE II--GADGETS\n\nSEC. 5. OTHER RULES.\n\n    (a) One.\n    (a) Two.\n"
)


def test_every_repeated_unit_is_found_by_its_id_and_knows_its_parent() -> None:
    # Repeats are found from the first of their designation, not from the index: each must
    # still be there by its id, in the walk and in the ids, under the unit that holds it.
    bill = parse_text(_REPEATS_EVERYWHERE)
    ids = [p.id for p in bill.walk()]
    assert ids == [p.id for top in bill.provisions for p in top.walk()]
    assert "s1_a-dup4_1-dup2" in ids and "s5-dup2" in ids and "s5-dup3_a-dup2" in ids
    assert bill.ids == frozenset(ids) and len(ids) == len(bill.ids)
    for provision in bill.walk():
        assert bill.get(provision.id) is provision and provision.id in bill
        for child in provision.children:
            assert bill.parent(child.id) is provision
    assert [p.id for p in bill.ancestors("s1_a-dup4_1-dup2")] == ["s1_a-dup4", "s1"]
    assert [p.id for p in bill.ancestors("s5-dup2")] == ["tI"]
    assert [p.id for p in bill.ancestors("s5-dup3_a-dup2")] == ["s5-dup3", "tII"]
    assert bill.get("s5-dup3").heading == "OTHER RULES"


@pytest.mark.parametrize("missing", ["s1_a-dup5", "s1_a-dup1", "s1_a-dup0", "s1_a-dup02", "s1_a-dup\u0663",
                                     "s1_a-dup" + "9" * 40, "s1_a-dup", "s2_a-dup2", "s5-dup4", "s1_b-dup2"])
def test_an_id_past_the_repeats_of_a_designation_is_unknown(missing: str) -> None:
    bill = parse_text(_REPEATS_EVERYWHERE)
    assert missing not in bill and missing not in bill.ids
    with pytest.raises(UnknownProvisionError):
        bill.get(missing)


def test_a_bill_made_by_hand_with_a_dup_id_of_another_parent_finds_each() -> None:
    # ``-dup2`` under another unit than its first is not a repeat of it: it is indexed as it is.
    first = _provision(id="s1_a", kind="subsection")
    elsewhere = _provision(id="s1_a-dup2", kind="subsection")
    bill = Bill(meta=Meta(), provisions=(
        _provision(id="s1", kind="section", children=(first,)),
        _provision(id="s2", kind="section", children=(elsewhere,)),
    ))
    assert bill.get("s1_a-dup2") is elsewhere and bill.parent("s1_a-dup2").id == "s2"
    assert [p.id for p in bill.walk()] == ["s1", "s1_a", "s2", "s1_a-dup2"]


def test_the_citations_read_back_as_the_citations_found() -> None:
    bill = parse_text("SEC. 1. SHAPES.\n\n    See " + "section 1, " * 500 + "and subsection (z).\n")
    citations = bill.citations
    assert isinstance(citations, Citations) and len(citations) == 501
    first = Citation("s1", "section 1", "internal", 3, 9, ("s1",))
    assert citations[0] == first and citations[1].column == 20
    assert citations[-1] == Citation("s1", "subsection (z)", "internal", 3, 5513, (), resolved=False)
    assert list(citations) == [citations[i] for i in range(501)]
    assert citations[:2] == (first, citations[1])
    assert citations == tuple(citations) and citations != citations[:500]
    with pytest.raises(IndexError):
        citations[501]
    assert [d.code for d in bill.diagnostics] == ["unresolved-citation"]


def test_a_citations_store_keeps_what_it_is_given() -> None:
    given = (
        Citation("s2", "section 4(b)", "internal", 12, 5, ("s4_b",)),
        Citation("s2", "30 U.S.C. 1606", "usc", 13, 1, url="https://uscode.house.gov/x"),
        Citation("s3", "section 4(b)", "internal", 20, 7, ("s4_b",), resolved=False),
    )
    assert tuple(Citations(given)) == given
    assert Citations() == () and len(Citations()) == 0
    assert hash(Citations(given)) == hash(given)
    rows = [(c.source, c.text, c.kind, c.line, c.column, c.targets, c.url, c.resolved) for c in given]
    assert tuple(Citations.of_rows(rows)) == given  # the layer's way in: rows, no objects


def test_a_citations_store_keeps_a_source_that_comes_back_after_another() -> None:
    given = (
        Citation("s2", "section 3", "internal", 1, 1, ("s3",)),
        Citation("s3", "section 2", "internal", 2, 1, ("s2",)),
        Citation("s2", "section 4", "internal", 3, 1, ("s4",)),
    )
    assert [c.source for c in Citations(given)] == ["s2", "s3", "s2"]


_HASH = "0" * 63 + "f"


def _provision(**changes: object) -> Provision:
    fields: dict[str, object] = {
        "id": "s4_b", "kind": "subsection", "designation": "b", "heading": "Rule",
        "text": "The Secretary shall act.", "flush": "", "label": "sec. 4(b)", "line_start": 12,
        "line_end": 14, "hash": _HASH}
    fields.update(changes)
    return Provision(**fields)  # type: ignore[arg-type]


def test_a_provision_reads_back_every_field_it_was_given() -> None:
    block = QuotedBlock(20, 21, "``(1) words of another law.''")
    provision = _provision(flush="after the list", quoted=(block,), children=(_provision(id="s4_b_1"),))
    assert (provision.id, provision.kind, provision.designation, provision.heading) == (
        "s4_b", "subsection", "b", "Rule")
    assert (provision.text, provision.flush, provision.label) == (
        "The Secretary shall act.", "after the list", "sec. 4(b)")
    assert (provision.line_start, provision.line_end, provision.hash) == (12, 14, _HASH)
    assert provision.quoted == (block,) and [c.id for c in provision.children] == ["s4_b_1"]
    assert _provision().flush == "" and _provision().quoted == () and _provision().children == ()


@pytest.mark.parametrize(("start", "end"), [(1, 1), (2**30 - 1, 2**30 - 1), (5, 2**30), (2**40, 2**41), (0, 0)])
def test_a_provision_keeps_line_numbers_of_any_size(start: int, end: int) -> None:
    provision = _provision(line_start=start, line_end=end)
    assert (provision.line_start, provision.line_end) == (start, end)


@pytest.mark.parametrize(("pid", "designation", "label"), [
    ("s4_b", "b", "sec. 4(b)"),  # spelled by the id: not stored, read back the same
    ("s12", "12", "sec. 12"),
    ("s4_b", "c", "sec. 4(c)"),  # given otherwise than the id spells: kept as given
    ("s1_a-dup2", "a", "sec. 1(a)"),
    ("s1_a-dup2_1-dup3", "1", "sec. 1(a)(1)"),  # a repeat is cited as the unit it repeats
    ("s5-dup2_b", "b", "sec. 5(b)"),
    ("s1_a-dup2_1", "1", "sec. 1(a-dup2)(1)"),  # given otherwise: kept as given
    ("dA_s101", "101", "div. A, sec. 101"),
    ("tI", "I", "title I"),
    ("stA", "A", "subtitle A"),
    ("s1_", "", "sec. 1()"),
    ("txt", "", "enacted text"),
])
def test_a_provision_reads_back_its_designation_and_label_as_given(pid: str, designation: str, label: str) -> None:
    provision = _provision(id=pid, designation=designation, label=label)
    assert (provision.id, provision.designation, provision.label) == (pid, designation, label)
    assert pickle.loads(pickle.dumps(provision)) == provision


@pytest.mark.parametrize("digest", [_HASH, "ab" * 32, "not a digest", "", "AB" * 32, "0" * 65])
def test_a_provision_gives_back_its_hash_as_written(digest: str) -> None:
    assert _provision(hash=digest).hash == digest


def test_a_provision_is_compared_frozen_and_pickled_like_a_frozen_dataclass() -> None:
    first, same, other = _provision(), _provision(), _provision(text="The Secretary may act.")
    assert first == same and hash(first) == hash(same) and first != other
    assert first != "s4_b" and len({first, same, other}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del first.id  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(first)) == first
    assert repr(first).startswith("Provision(id='s4_b', kind='subsection', designation='b', heading='Rule', ")
    assert f"hash='{_HASH}'" in repr(first) and "children=()" in repr(first)


def test_repeated_units_hold_one_copy_of_their_words_and_hash() -> None:
    bill = parse_text(_repeated_same(30))
    units = bill.get("s1").children
    assert len(units) == 30 and len({unit.id for unit in units}) == 30
    assert all(unit.text is units[0].text for unit in units)
    assert all(unit.hash == units[0].hash for unit in units)
    assert all(unit._digest is units[0]._digest for unit in units)
    assert [unit.line_start for unit in units][-1] == 32


def test_a_repeated_unit_shares_what_its_children_repeat_of_the_unit_it_repeats() -> None:
    # (a) with two paragraphs, over and over: every repeat's paragraphs hold the first one's
    # words and hash, and store no label (theirs is the one their id spells, the repeat left out).
    unit = "    (a) The Secretary shall--\n        (1) act; and\n        (2) report.\n"
    bill = parse_text("SEC. 1. SHAPES.\n\n" + unit * 4)
    first = bill.get("s1_a")
    for repeat in ("s1_a-dup2", "s1_a-dup3", "s1_a-dup4"):
        again = bill.get(repeat)
        assert again.text is first.text and again.hash == first.hash
        for mine, theirs in zip(again.children, first.children, strict=True):
            assert mine.text is theirs.text and mine._digest is theirs._digest
            assert mine._label is None and mine.label == theirs.label
    assert bill.get("s1_a-dup3_2").label == "sec. 1(a)(2)" and bill.get("s1_a-dup3_2").text == "report."
    assert [p.line_start for p in bill.get("s1_a-dup3").walk()] == [9, 10, 11]


def _repeated_same(times: int) -> str:
    return "SEC. 1. SHAPES.\n\n" + "    (a) The Secretary shall act.\n" * times


def test_a_bill_made_by_hand_with_an_id_twice_walks_every_provision() -> None:
    twice = (_provision(id="s1", kind="section", label="sec. 1"), _provision(id="s1", kind="section"))
    bill = Bill(meta=Meta(), provisions=twice)
    assert len(list(bill.walk())) == 2
    parsed = parse_text(_TITLED)
    assert [p.id for p in parsed.walk()] == [p.id for top in parsed.provisions for p in top.walk()]


def test_a_run_of_citations_reads_its_provision_once_to_see_whether_it_amends_a_law(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Read once per citation, a run of them in one long provision costs its length squared.
    pattern = citations_layer._AMENDING
    searched: list[int] = []

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(citations_layer, "_AMENDING", Counting())
    bill = parse_text("SEC. 1. SHAPES.\n\n    (a) See " + "section 1, " * 300 + "and this section.\n")
    assert len(bill.citations) == 301
    assert len(searched) <= 2


def _table_of(listed: int, *, headings: str = "Widgets") -> str:
    return (
        "SECTION 1. SHORT TITLE; TABLE OF CONTENTS.\n\n"
        "    (a) Short Title.--This Act may be cited as the ``Widget Act''.\n"
        "    (b) Table of Contents.--The table of contents for this Act is as follows:\n\n"
        "Sec. 1. Short title; table of contents.\n"
        + "".join(f"Sec. {n}. {headings} {n}.\n" for n in range(2, listed + 2))
        + "\nSEC. 2. WIDGETS 2.\n\n    The Secretary shall act.\n"
    )


def test_a_table_listing_many_absent_sections_reports_the_first_and_counts_the_rest() -> None:
    bill = parse_text(_table_of(26))  # sections 2 to 27 listed; only 2 is in the text
    mismatches = [d for d in bill.diagnostics if d.code == "toc-mismatch"]
    assert [d.message for d in mismatches[:2]] == [
        "the table of contents lists section 3, which the bill does not have",
        "the table of contents lists section 4, which the bill does not have",
    ]
    assert len(mismatches) == LIMIT + 1
    summary = mismatches[LIMIT]
    # 25 absent: sections 3 to 12 (lines 8 to 17) one by one, 13 to 27 (lines 18 to 32) counted
    assert (summary.line, summary.provision) == (18, None)
    assert summary.message == ("15 more sections the table of contents lists, from line 18 to line 32, "
                               "are not in the bill (the first 10 are listed one by one)")


def test_headings_that_differ_are_counted_apart_from_absent_sections() -> None:
    bill = parse_text(_table_of(12, headings="Gadgets"))
    mismatches = [d for d in bill.diagnostics if d.code == "toc-mismatch"]
    assert mismatches[0].message == "the table of contents calls section 2 'Gadgets 2'; its heading is 'WIDGETS 2'"
    assert mismatches[0].provision == "s2"
    # 11 absent (3 to 13): ten in full and one counted; the heading apart, in full
    assert len(mismatches) == 1 + LIMIT + 1
    assert mismatches[-1].message == ("1 more section the table of contents lists, at line 18, is not in the "
                                      "bill (the first 10 are listed one by one)")


def test_a_parsed_bill_pickles_and_copies_with_everything_it_found() -> None:
    # A bill handed to a worker process, or deep-copied, is the same bill: its repeats are
    # found by id again and its layers come with it.
    bill = parse_text(_REPEATS_EVERYWHERE + "\nSEC. 6. CROSS.\n\n    See section 5(a) of this Act.\n")
    for copied in (pickle.loads(pickle.dumps(bill)), copy.deepcopy(bill)):
        assert copied == bill
        assert [p.id for p in copied.walk()] == [p.id for p in bill.walk()]
        assert copied.get("s1_a-dup4_1-dup2").text == bill.get("s1_a-dup4_1-dup2").text
        assert copied.parent("s5-dup3_a-dup2").id == "s5-dup3"
        assert list(copied.citations) == list(bill.citations) and copied.diagnostics == bill.diagnostics


def test_the_lines_store_reads_back_every_line_it_was_given() -> None:
    given = [Line("GPO_BRACKET", "[Congressional Bills 119th Congress]", 1, "front"),
             Line("DESIGNATED", "(a) In General.--The Secretary shall act.", 70_000, "body", "    "),
             Line("TEXT", "words that wrap", 70_001, "body", "\t  "),
             Line("ATTEST", "Attest:", 70_003, "back")]
    lines = Lines(given)
    assert list(lines) == given and [lines[k] for k in range(4)] == given and lines[-1] == given[-1]
    assert lines[1:3] == given[1:3] and len(lines) == 4
    assert lines[2].indent == 3 and lines[2].text == "\t  words that wrap"
    assert list(lines.of_part("back")) == given[3:] and list(lines.of_part("front")) == given[:1]
    assert not lines.all_in("body")
    lines[1] = given[1]._replace(kind="TEXT")  # written in place: another kind
    assert lines[1].kind == "TEXT" and lines[1].content == given[1].content
    lines.cut_to("body")
    assert list(lines) == [given[1]._replace(kind="TEXT"), given[2]] and lines.all_in("body")
    gone = Line("_GONE", "", 0, "body")
    lines.let_go(0, 1, gone)  # a line read is let go: its words with it
    assert list(lines) == [gone, given[2]]


def test_the_lines_store_keeps_the_lines_of_a_part_that_does_not_stand_together() -> None:
    given = [Line("TEXT", f"line {n}", n, part) for n, part in enumerate(["front", "body", "back", "body"], 1)]
    lines = Lines(given)
    lines.cut_to("body")
    assert list(lines) == [given[1], given[3]]
    lines.cut_to("front")
    assert list(lines) == []


def test_the_parser_puts_each_line_in_its_part_and_splits_wrapped_tokens_into_lines() -> None:
    text = ("119th CONGRESS\n\n    Be it enacted by the Senate and House of Representatives of the\n"
            "United States of America in Congress assembled,\n\nSEC. 2. WIDGETS.\n\n"
            "    The Secretary\nshall act.\n\nAttest:\n\n                                 Secretary.\n")
    lines = read_lines(text)
    assert isinstance(lines, Lines)
    assert [(line.kind, line.number, line.part) for line in lines] == [
        ("CONGRESS", 1, "front"), ("ENACTING", 3, "body"), ("TEXT", 4, "body"),
        ("SECTION_HEADER_LINE", 6, "body"), ("TEXT", 8, "body"), ("TEXT", 9, "body"),
        ("ATTEST", 11, "back"), ("TEXT", 13, "back")]
    assert lines[4].prefix == "    " and lines[4].content == "The Secretary"


def test_a_table_of_contents_store_reads_back_every_entry() -> None:
    given = (TocEntry("title", "I", "General Provisions", 9), TocEntry("section", "101", "Widgets.", 10),
             TocEntry("section", "102", "Widgets.", 11))
    table = TableOfContents(given)
    assert tuple(table) == given and table == given and table[-1] == given[2] and table[1:] == given[1:]
    assert hash(table) == hash(given) and TableOfContents() == () and table != given[:2]
    with pytest.raises(IndexError):
        table[3]
    writer = TableOfContentsWriter()
    for entry in given:
        writer.add(entry.kind, entry.designation, entry.heading, entry.line)
    assert len(writer) == 3 and writer.finish() == given and len(writer) == 0
    assert pickle.loads(pickle.dumps(table)) == given


def test_a_parsed_table_of_contents_is_stored_by_column_and_read_as_listed() -> None:
    bill = parse_text(_table_of(3))
    assert isinstance(bill.toc, TableOfContents)
    assert [(e.kind, e.designation, e.line) for e in bill.toc][:2] == [("section", "1", 6), ("section", "2", 7)]


def test_a_definitions_store_reads_back_every_definition_with_its_uses() -> None:
    widget = ("widget", "widgets", "Widget", "Widgets")
    given = (Definition("widget", "s2_1", "act", "means", 12, widget, ("s3", "s4_a")),
             Definition("gadget", "s2_2", "s2", "includes", -1, ("gadget", "gadgets", "Gadget", "Gadgets")),
             Definition("widget", "s5_1", "s5", "has-meaning", 2**40, widget, ("s5_b",)),
             Definition("doohickey", "s6", "s6", "means", 7, ("thingamajig",)))  # forms given otherwise: kept
    store = Definitions(given)
    assert tuple(store) == given and store == given and store[-1] == given[3] and store[:1] == given[:1]
    assert hash(store) == hash(given) and Definitions() == () and store != given[:2]
    assert store[0].forms == widget and store[3].forms == ("thingamajig",)
    given = given[:3]
    with pytest.raises(IndexError):
        store[4]
    bare = Definitions.of_rows((d.term, d.provision, d.scope, d.kind, d.line) for d in given)
    assert [d.uses for d in bare] == [(), (), ()]
    assert bare.with_uses({0: given[0].uses, 2: given[2].uses}) == given
    assert (bare.term(1), bare.scope(1), bare.provision(1)) == ("gadget", "s2", "s2_2")
    assert pickle.loads(pickle.dumps(store)) == store


def test_a_parsed_bills_definitions_are_stored_by_column_and_share_a_repeated_term() -> None:
    bill = parse_text("SEC. 1. SHAPES.\n\n" + "    The term ``widget'' means a gadget.\n" * 3)
    assert isinstance(bill.definitions, Definitions) and len(bill.definitions) == 3
    first, second = bill.definitions[0], bill.definitions[1]
    assert first.term is second.term  # one string for a term defined many times


def test_the_stores_read_as_the_tuples_and_lists_they_stand_for() -> None:
    bill = parse_text(_table_of(3) + "\nSEC. 3. MORE.\n\n    The term ``widget'' means a gadget; see section 2.\n")
    for store in (bill.toc, bill.definitions, bill.citations):
        items = tuple(store)
        assert store == items and store + () == items and () + store == items and store + store == items * 2  # noqa: RUF005
    # The table and the definitions were tuples, not equal to a list; the citations always were.
    assert bill.toc != list(bill.toc) and bill.definitions != list(bill.definitions)
    assert bill.citations == list(bill.citations)
    lines = read_lines("SEC. 1. A.\n\n    Text.\n")
    assert lines == read_lines("SEC. 1. A.\n\n    Text.\n") and lines == list(lines) and lines != tuple(lines)
    lines.append(Line("TEXT", "more", 4, "body"))
    lines.extend([Line("TEXT", "and more", 5, "body")])
    assert lines[-2:] == [Line("TEXT", "more", 4, "body"), Line("TEXT", "and more", 5, "body")] and len(lines) == 4
    with pytest.raises(TypeError, match="one at a time"):
        lines[0:1] = [Line("TEXT", "x", 1, "body")]  # type: ignore[call-overload]


def test_the_parser_itself_gives_the_lines_of_each_text_it_parses() -> None:
    # grammar_parser().parse is the parser read_lines runs: each parse starts afresh, after a
    # parse that failed too.
    text = "SEC. 1. A.\n\n    Text.\n"
    assert grammar_parser().parse(text) == read_lines(text)
    with pytest.raises(UnexpectedInput):
        grammar_parser().parse(text + "                                 <all>\nmore\n")
    assert list(grammar_parser().parse(text)) == list(read_lines(text))
