"""How units nest: the designation, its neighbours, and indentation only to break a tie."""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import parse_file, parse_text
from grammar.lexicon import Level
from grammar.nesting import Cue, LeadIn, lead_in_of, nest

FIXTURES = Path(__file__).parent / "fixtures"
C, L = LeadIn.CHAPEAU, LeadIn.LIST
S = LeadIn.SENTENCE
SUB, PAR, SUBPAR, CL, SUBCL = Level.SUBSECTION, Level.PARAGRAPH, Level.SUBPARAGRAPH, Level.CLAUSE, Level.SUBCLAUSE


def cues(*specs: tuple[str, LeadIn] | tuple[str, LeadIn, bool | None]) -> list[Cue]:
    return [Cue(spec[0], spec[1], title_case=spec[2] if len(spec) > 2 else None) for spec in specs]


LETTERS_A_TO_H = [(d, C if d == "a" else S) for d in "abcdefgh"]


@pytest.mark.parametrize(
    ("case", "sequence", "expected_last"),
    [
        ("(i) after (h) at the same depth is subsection (i)", [*LETTERS_A_TO_H, ("i", S)], SUB),
        ("(i) after a chapeau under (A) is clause (i)", [("a", C), ("1", C), ("A", C), ("i", C)], CL),
        ("(I) after (H) in a list is subparagraph (I)",
         [("a", C), ("1", C), *[(d, C if d == "A" else L) for d in "ABCDEFGH"], ("I", L)], SUBPAR),
        ("(I) after a chapeau under clause (i) is subclause (I)",
         [("a", C), ("1", C), ("A", C), ("i", C), ("I", C)], SUBCL),
        ("(ii) after (i) is clause (ii)", [("a", C), ("1", C), ("A", C), ("i", C), ("ii", L)], CL),
        ("(v) after (iv) in a list is clause (v)",
         [*[(d, C if d == "a" else S) for d in "abcdefghijklmnopqrstu"], ("1", C), ("A", C),
          ("i", C), ("ii", L), ("iii", L), ("iv", L), ("v", L)], CL),
        ("(v) with a Title Case heading after (u) is subsection (v)",
         [*[(d, C if d == "a" else S) for d in "abcdefghijklmnopqrstu"], ("1", C), ("A", C),
          ("i", C), ("ii", L), ("iii", L), ("iv", S), ("v", S, True)], SUB),
        ("(v) after a list that has ended is subsection (v)",
         [*[(d, C if d == "a" else S) for d in "abcdefghijklmnopqrstu"], ("1", C), ("A", C),
          ("i", C), ("ii", L), ("iii", L), ("iv", S), ("v", S)], SUB),
        ("(x) after (ix) in a list is clause (x)",
         [("a", C), ("1", C), ("A", C), *[(r, C if r == "i" else L) for r in
                                          ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")],
          ("x", L)], CL),
        ("(2) after a subparagraph closes the subparagraphs", [("a", C), ("1", C), ("A", C), ("B", L), ("2", S)], PAR),
        ("(b) after a clause closes everything below the subsection",
         [("a", C), ("1", C), ("A", C), ("i", C), ("b", S)], SUB),
        ("a section may open with paragraphs", [("1", C), ("2", S), ("A", C)], SUBPAR),
        ("(aa) under a subclause is item (aa)",
         [("a", C), ("1", C), ("A", C), ("i", C), ("I", C), ("aa", C)], Level.ITEM),
        ("(bb) after (aa) is item (bb)",
         [("a", C), ("1", C), ("A", C), ("i", C), ("I", C), ("aa", C), ("bb", L)], Level.ITEM),
        ("(AA) under an item is subitem (AA)",
         [("a", C), ("1", C), ("A", C), ("i", C), ("I", C), ("aa", C), ("AA", C)], Level.SUBITEM),
        ("(ii) after item (hh) is item (ii), not clause (ii)",
         [("a", C), ("1", C), ("A", C), ("i", C), ("I", C),
          *[(d * 2, C if d == "a" else L) for d in "abcdefgh"], ("ii", L)], Level.ITEM),
    ],
)
def test_nesting_table(case: str, sequence: list[tuple[str, LeadIn] | tuple[str, LeadIn, bool]],
                       expected_last: Level) -> None:
    levels = nest(cues(*sequence))
    assert None not in levels, case
    assert levels[-1] is expected_last, case


def test_a_designation_mid_sentence_is_a_citation_not_a_unit() -> None:
    assert nest([Cue("a", C), Cue("1", C), Cue("c", LeadIn.OPEN)]) == [SUB, PAR, None]


def test_a_designation_that_continues_no_sequence_opens_nothing() -> None:
    assert nest([Cue("a", C), Cue("q", S)]) == [SUB, None]


def test_indentation_breaks_a_tie_the_words_leave_open() -> None:
    # After clause (iv) of subsection (u), "(v)" ending a sentence could be clause (v)
    # or subsection (v); with no heading to tell, the indentation decides, and
    # without indentation the list is taken to have ended.
    prefix = [Cue(d, C if d == "a" else S, indent=4) for d in "abcdefghijklmnopqrstu"]
    prefix += [Cue("1", C, indent=12), Cue("A", C, indent=20), Cue("i", C, indent=28),
               Cue("ii", L, indent=28), Cue("iii", L, indent=28), Cue("iv", L, indent=28)]
    assert nest([*prefix, Cue("v", S, indent=28)])[-1] is CL
    assert nest([*prefix, Cue("v", S, indent=4)])[-1] is SUB
    assert nest([*prefix, Cue("v", S)])[-1] is SUB


@pytest.mark.parametrize(
    ("words", "lead_in"),
    [
        ("the Committee on Finance of the Senate; and", LeadIn.LIST),
        ("take complementary actions with respect to--", LeadIn.CHAPEAU),
        ("In this Act:", LeadIn.CHAPEAU),
        ("trade remedies.", LeadIn.SENTENCE),
        ("``Restoring American Mineral Security Act of 2025''.", LeadIn.SENTENCE),
        ("the certification required by paragraph", LeadIn.OPEN),
        ("by striking ``subparagraphs", LeadIn.OPEN),
        ("", LeadIn.CHAPEAU),
    ],
)
def test_the_end_of_the_words_before_a_line_is_classified(words: str, lead_in: LeadIn) -> None:
    assert lead_in_of(words) is lead_in


def test_a_bill_nests_subsection_i_after_h_and_clause_i_under_a_subparagraph() -> None:
    bill = parse_file(FIXTURES / "nesting-ih.txt")
    assert bill.get("s2_i").kind == "subsection"
    assert bill.get("s2_i").heading == "Reports"
    assert bill.get("s2_h_2_B_i").kind == "clause"
    assert [c.id for c in bill.get("s2_h").children] == ["s2_h_1", "s2_h_2"]


def test_a_bill_reads_subparagraph_i_after_h_and_subclauses_under_clause_v() -> None:
    bill = parse_file(FIXTURES / "nesting-ih.txt")
    assert bill.get("s2_j_1_I").kind == "subparagraph"
    assert bill.get("s2_j_1_I").text == "are labeled as class A widgets."
    assert [c.id for c in bill.get("s2_j_1_H").children] == ["s2_j_1_H_i", "s2_j_1_H_ii"]
    assert bill.get("s2_k_1_A_v").kind == "clause"
    assert [c.id for c in bill.get("s2_k_1_A_v").children] == ["s2_k_1_A_v_I", "s2_k_1_A_v_II"]
    assert bill.get("s2_k_1_A_v_I").kind == "subclause"
    assert bill.get("s2_k_1_B").text == "magnets; and"
    assert bill.get("s2_k_2").text == "widgets recalled in the preceding year."


def test_a_bill_with_subsections_up_to_v_reads_v_after_u_as_a_subsection() -> None:
    letters = "abcdefghijklmnopqrstu"
    body = [f"    ({d}) Item {d.upper()}.--The Secretary shall act." for d in letters[:-1]]
    body += [
        "    (u) Lists.--The Secretary shall list--",
        "            (1) widgets that--",
        "                    (A) contain--",
        "                            (i) lithium;",
        "                            (ii) cobalt;",
        "                            (iii) nickel; or",
        "                            (iv) graphite.",
        "    (v) Verification.--The Secretary shall verify each list.",
    ]
    text = "SEC. 2. LISTS.\n\n" + "\n".join(body) + "\n"
    for variant in (text, "\n".join(line.lstrip() for line in text.split("\n"))):
        bill = parse_text(variant)
        assert bill.get("s2_v").kind == "subsection"
        assert [c.id for c in bill.get("s2_u_1_A").children] == [
            "s2_u_1_A_i", "s2_u_1_A_ii", "s2_u_1_A_iii", "s2_u_1_A_iv",
        ]


def test_run_in_designations_open_a_unit_and_its_first_child() -> None:
    bill = parse_file(FIXTURES / "untidy-no-header.txt")
    assert bill.get("s2_b_1").text == ""
    assert bill.get("s2_b_1_A").text.startswith("section 212(a)(11)(A) of the Gadget Act")
    assert bill.get("s2_b_1_B").text == ""
    assert bill.get("s2_b_1_B_i").text.endswith("may be released only if--")
    assert [c.id for c in bill.get("s2_b_1_B_i").children] == ["s2_b_1_B_i_I", "s2_b_1_B_i_II"]
    assert bill.get("s2_b_1_B_ii").kind == "clause"


def test_a_continuation_line_that_opens_with_a_citation_invents_no_unit() -> None:
    bill = parse_file(FIXTURES / "untidy-no-header.txt")
    assert "s2_b_1_A_a" not in bill and "s2_c_1" not in bill
    # "(a), may be released ..." and "(c)(1)(A)(i) of section 4 ..." continue the words above
    assert "as added by subsection (a), may be released" in bill.get("s2_b_1_A").text
    assert "subsection (c)(1)(A)(i) of section 4 of the Gadget Act." in bill.get("s2_b_2").text
    # "(A) and (B)'' and inserting" sits inside an open quotation
    assert bill.get("s2_c").text.endswith(
        "by striking ``subparagraphs (A) and (B)'' and inserting ``subparagraphs (A), (B), and (C)''."
    )
    assert [c.id for c in bill.get("s2").children] == ["s2_a", "s2_b", "s2_c", "s2_d"]
