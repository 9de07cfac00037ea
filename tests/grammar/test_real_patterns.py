"""Patterns of real amended bills that once lost or misplaced units, each in a fixture we wrote.

The fixture amended-titles-eas.txt is a Senate amendment in the GPO layout: a table of
contents that ends straight into the body's first title, an inline quotation carried
on by quoted paragraphs, wrapped lists of citations, a designation after words with
no closing punctuation, a unit's next sentence at the start of a line, headings with
semicolons, a term with an apostrophe, a definition inside another law's quoted text,
references to title 38, and a second copy of the bill after the back matter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import Bill, parse_file, parse_text
from grammar.nesting import LeadIn, continues_citation, lead_in_of
from grammar.quotes import Carried, carry, ends_paragraph

FIXTURES = Path(__file__).parent / "fixtures"
AMENDED = FIXTURES / "amended-titles-eas.txt"


@pytest.fixture(scope="module")
def amended() -> Bill:
    return parse_file(AMENDED)


# Every unit, its first line and its first words, worked out by hand.
EXPECTED = [
    ("res", 10, "Resolved, That the bill from the House"),
    ("s1", 18, ""),
    ("tI", 40, ""),
    ("tI_stA", 42, ""),
    ("s101", 44, ""),
    ("s101_a", 46, "The Secretary shall inspect each widget"),
    ("s101_a_1", 48, "the number of widgets made; and"),
    ("s101_a_2", 49, "the number of widgets recalled."),
    ("s101_b", 50, "Section 12(a) of the Widget Act"),
    ("s101_c", 54, "Subsection (a) does not apply to a factory--"),
    ("s101_c_1", 55, "that makes fewer than 100 widgets a year; or"),
    ("s101_c_2", 56, "that is described in clauses (i), (ii), (iii), (iv), and (v) of section 4(b)(1)(A)"),
    ("s101_d", 58, "The Secretary may waive an inspection under paragraph (1)(E) of subsection (a)"),
    ("s102", 62, "In this title:"),
    ("s102_1", 65, "The term ``registrar's jurisdiction'' means"),
    ("s102_2", 67, "The term ``widget'' has the meaning"),
    ("tI_stB", 70, ""),
    ("s111", 72, ""),
    ("s111_a", 74, "The amount of a payment to a State"),
    ("s111_a_1", 76, "the number of widgets inspected in the State multiplied by"),
    ("s111_a_2", 78, "$100."),
    ("s111_b", 79, "A State shall use a payment--"),
    ("s111_b_1", 80, "to train inspectors;"),
    ("s111_b_2", 81, "for the costs of--"),
    ("s111_b_2_A", 82, "inspections;"),
    ("s111_b_2_B", 83, "reports; and"),
    ("s111_b_2_C", 84, "recalls of widgets found unsafe. The State shall send each buyer"),
    ("s111_b_2_C_i", 87, "the widget recalled; and"),
    ("s111_b_2_C_ii", 88, "the refund due."),
    ("s111_b_3", 89, "to carry out section 102."),
    ("tII", 91, ""),
    ("s201", 93, "Section 1720 of title 38, United States Code, is amended"),
    ("s202", 101, ""),
    ("s202_a", 103, "The amendment made by section 201 applies"),
    ("s202_b", 105, "Section 1720(h) of title 38, United States Code, as added by section 201"),
]


def test_every_unit_of_the_amended_bill_has_its_id_first_line_and_first_words(amended: Bill) -> None:
    found = [(p.id, p.line_start, p.text) for p in amended.walk()]
    assert [f[:2] for f in found] == [e[:2] for e in EXPECTED]
    for (pid, _, text), (_, _, words) in zip(found, EXPECTED, strict=True):
        assert text.startswith(words), pid


def test_an_inline_quotation_carried_on_by_quoted_paragraphs_closes_at_its_last_mark(amended: Bill) -> None:
    # ``which-- then ``(A) ... and ``(B) ...'': one quotation, not three nested ones;
    # subsections (c) and (d) after it are the bill's own.
    amendment = amended.get("s101_b")
    assert amendment.children == ()
    assert amendment.text.endswith(
        "is amended by inserting ``which-- ``(A) is made in the United States; and "
        "``(B) is sold at retail'' after ``each widget''."
    )
    [block] = amendment.quoted
    assert (block.line_start, block.line_end) == (51, 53)
    assert block.text.startswith("``which-- ``(A) is made")
    assert [c.id for c in amended.get("s101").children] == ["s101_a", "s101_b", "s101_c", "s101_d"]


def test_the_first_title_after_a_table_of_contents_is_the_bodys(amended: Bill) -> None:
    assert amended.get("tI").heading == "WIDGET SAFETY"
    assert amended.get("tI_stA").heading == "Inspections"
    assert amended.get("tI_stB").heading == "Payments"
    assert [c.id for c in amended.get("tI").children] == ["tI_stA", "tI_stB"]
    assert [(e.kind, e.designation) for e in amended.toc] == [
        ("section", "1"), ("title", "I"), ("subtitle", "A"), ("section", "101"), ("section", "102"),
        ("subtitle", "B"), ("section", "111"), ("title", "II"), ("section", "201"), ("section", "202"),
    ]
    # the definitions of "In this title:" apply to title I
    assert {d.term: d.scope for d in amended.definitions}["widget"] == "tI"


def test_a_wrapped_list_of_citations_opens_no_unit(amended: Bill) -> None:
    assert not [p.id for p in amended.walk() if "-dup" in p.id]
    assert "s101_c_iii" not in amended and "s101_d_1" not in amended
    assert not [d for d in amended.diagnostics if d.code in ("duplicate-id", "out-of-sequence")]


def test_a_designation_after_words_without_closing_punctuation_opens_the_next_unit(amended: Bill) -> None:
    assert amended.get("s111_a_1").text.endswith("multiplied by")
    assert amended.get("s111_a_2").text == "$100."


def test_a_sentence_at_the_start_of_a_line_goes_on_with_the_unit_whose_clauses_follow(amended: Bill) -> None:
    assert amended.get("s111_b").flush == ""
    assert amended.get("s111_b_2_C").text.endswith("a notice that states--")
    assert [c.id for c in amended.get("s111_b_2_C").children] == ["s111_b_2_C_i", "s111_b_2_C_ii"]


def test_a_section_one_without_the_word_section_is_section_one(amended: Bill) -> None:
    assert amended.get("s1").heading == "TABLE OF CONTENTS"
    assert not [d for d in amended.diagnostics if d.code == "toc-mismatch"]


def test_headings_with_a_semicolon_are_kept_below_section_level(amended: Bill) -> None:
    assert amended.get("s101_a").heading == "Inspections; Reports"


def test_a_defined_term_may_hold_an_apostrophe_and_quoted_law_defines_nothing_here(amended: Bill) -> None:
    terms = {d.term: d for d in amended.definitions}
    # not "approval program", referred to in the text of title 38 that s201 quotes
    assert sorted(terms) == ["registrar's jurisdiction", "widget"]
    assert terms["registrar's jurisdiction"].provision == "s102_1"


def test_references_to_this_acts_sections_and_to_title_38_are_told_apart(amended: Bill) -> None:
    by_text = {(c.source, c.text): c for c in amended.citations}
    as_amended = by_text[("s102_2", "section 101")]
    assert (as_amended.kind, as_amended.targets) == ("internal", ("s101",))
    title_38 = by_text[("s202_a", "section 1710(a)(2) of title 38")]
    assert title_38.kind == "statute"
    assert not [d for d in amended.diagnostics if d.code == "unresolved-citation"]


def test_a_second_copy_of_the_bill_after_the_back_matter_is_a_diagnostic(amended: Bill) -> None:
    [diagnostic] = [d for d in amended.diagnostics if d.code == "text-after-back-matter"]
    assert diagnostic.line == 121
    assert amended.get("s101").line_start == 44  # the first copy is the one read


def test_quoted_text_with_stray_marks_recovers_at_this_bills_next_unit() -> None:
    text = (
        "SEC. 2. AMENDMENTS.\n"
        "\n"
        "    (a) In General.--Section 5 of the Widget Act is amended--\n"
        "            (1) by striking ``any gadget and inserting\n"
        "        ``any widget''; and\n"
        "            (2) in subsection (b), by striking ``gadget'' and inserting \n"
        "        ``widget''.\n"
        "    (b) Effective Date.--The amendments made by subsection (a) take \n"
        "effect on January 1, 2027.\n"
    )
    bill = parse_text(text)
    assert [p.id for p in bill.walk()] == ["s2", "s2_a", "s2_a_1", "s2_a_2", "s2_b"]
    assert bill.get("s2_a_2").text.startswith("in subsection (b), by striking")


def test_a_quoted_block_with_unbalanced_marks_ends_where_a_block_ends() -> None:
    text = (
        "SEC. 2. AMENDMENT.\n"
        "\n"
        "    (a) In General.--Section 5 of the Widget Act is amended by adding \n"
        "at the end the following:\n"
        "            ``(3) Gadget.--The term ``gadget means a small widget.''.\n"
        "    (b) Effective Date.--This section takes effect on January 1, 2027.\n"
    )
    bill = parse_text(text)
    assert [p.id for p in bill.walk()] == ["s2", "s2_a", "s2_b"]
    [diagnostic] = bill.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("unbalanced-quotation", 5)


# The pure rules, table-tested ---------------------------------------------------


@pytest.mark.parametrize(
    ("depth", "line", "after_break", "expected"),
    [
        (0, "``(11) Unsafe gadgets.--A gadget is inadmissible if--", True, Carried(1, None)),
        (1, "``(A) the gadget was made by a person; or", True, Carried(1, None)),  # a new paragraph
        (1, "``(B) the gadget fails a test under section 5.''.", True, Carried(0, 48)),
        (3, "``(A) is made in the United States; and", True, Carried(1, None)),  # resets stray depth
        (1, "``(B) is sold at retail'' after ``each widget''.", True, Carried(0, 25)),
        (1, "``widget'' means a gadget.''.", False, Carried(0, 28)),  # a nested pair wrapped here
        (1, "the term `widget' means a gadget;", True, Carried(1, None)),  # single marks: not counted
        (1, "``(3) Gadget.--The term ``gadget means a widget.''.", True, Carried(1, None)),
    ],
)
def test_carry_reads_one_line_of_a_quoted_block(depth: int, line: str, after_break: bool,
                                                expected: Carried) -> None:
    assert carry(depth, line, after_break=after_break) == expected


@pytest.mark.parametrize(
    ("line", "ends"),
    [("``(A) a gadget; or", True), ("``(3) Widget.--The term", False), ("inserting ``which--", True),
     ("a widget.''.", True), ("made by a person", False)],
)
def test_ends_paragraph(line: str, ends: bool) -> None:
    assert ends_paragraph(line) is ends


@pytest.mark.parametrize(
    ("after", "citation"),
    [(", (iv), and (v) of such Act", True), (" of subsection (a)", True), (" and (B)", True),
     ("'' and inserting", True), (" the Secretary shall", False), (" in subsection (a)--", False),
     (" In General.--The Secretary", False)],
)
def test_continues_citation(after: str, citation: bool) -> None:
    assert continues_citation(after) is citation


@pytest.mark.parametrize(
    ("words", "lead_in"),
    [("the number of widgets inspected in the State multiplied by", LeadIn.BARE),
     ("the amount minus", LeadIn.BARE), ("the Secretary shall report", LeadIn.BARE),
     ("described in clauses (i), (ii),", LeadIn.LIST), ("under paragraph", LeadIn.OPEN),
     ("under section 4", LeadIn.OPEN), ("subparagraphs (A) and", LeadIn.OPEN)],
)
def test_words_without_closing_punctuation_are_told_from_a_citation_going_on(words: str, lead_in: LeadIn) -> None:
    assert lead_in_of(words) is lead_in


def test_a_stray_opening_mark_in_running_text_is_closed_at_this_bills_next_unit() -> None:
    text = (
        "SEC. 2. AMENDMENTS.\n"
        "\n"
        "    (a) In General.--Section 5 of the Widget Act is amended--\n"
        "            (1) by striking ``any gadget and inserting ``any \n"
        "        widget; and\n"
        "            (2) in subsection (b), by striking ``gadget'' and inserting \n"
        "        ``widget''.\n"
        "    (b) Effective Date.--The amendments made by subsection (a) take \n"
        "effect on January 1, 2027.\n"
    )
    for variant in (text, "\n".join(line.lstrip() for line in text.split("\n"))):
        bill = parse_text(variant)
        assert [p.id for p in bill.walk()] == ["s2", "s2_a", "s2_a_1", "s2_a_2", "s2_b"]
        [diagnostic] = bill.diagnostics
        assert (diagnostic.code, diagnostic.line) == ("unclosed-quotation", 6)
        assert "opened on line 4 is not closed before line 6" in diagnostic.message


def test_a_section_of_that_title_is_another_laws() -> None:
    bill = parse_text(
        "SEC. 1. ELIGIBILITY.\n\n"
        "    (a) In General.--Section 1720 of title 38, United States Code, is \n"
        "amended by striking ``1 year'' and inserting ``2 years''.\n"
        "    (b) Rule.--A veteran described in section 1710(a)(2) of that title \n"
        "is eligible.\n"
    )
    by_text = {c.text: c for c in bill.citations}
    assert by_text["section 1710(a)(2) of that title"].kind == "statute"
    assert bill.diagnostics == ()
