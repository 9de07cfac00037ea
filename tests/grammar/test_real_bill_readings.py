"""Readings that a check against real GPO texts found wrong, each in a fragment we wrote.

Each test gives a fragment in the real layout (the indentation, wrapping and punctuation
of GPO plain text, the words our own) and the exact ids and first lines of its units.
"""

from __future__ import annotations

import pytest

from grammar import Bill, BillSyntaxError, parse_text


def outline(bill: Bill) -> list[tuple[str, int, str]]:
    """Every unit's id, first line and first words (up to 40 characters)."""
    return [(p.id, p.line_start, p.text[:40]) for p in bill.walk()]


def codes(bill: Bill) -> list[str]:
    return [d.code for d in bill.diagnostics]


# A heading that wraps onto a line opening with a parenthesis or a quotation mark.
WRAPPED_HEADINGS = """\
SEC. 101. FUNDS FOR THE WIDGET REGISTRY MODERNIZATION AND REVIEW
              (WRMR) ACCOUNT.

    In addition to amounts otherwise available, there is appropriated
to the Secretary for fiscal year 2030 $5,000,000 for the account.

SEC. 102. AMENDMENTS TO THE WIDGET SAFETY ACT AND THE
              ``GADGET LABELLING ACT''.

    (a) In General.--The Secretary shall inspect widgets.
    (b) Report.--The Secretary shall report each year.

SEC. 103. Section 5 of the Widget Safety Act is amended--
    (1) by striking ``annual'' and inserting ``quarterly''; and
    (2) by adding at the end the following.
"""


def test_a_section_heading_may_wrap_onto_a_line_opening_with_a_parenthesis_or_a_quotation() -> None:
    bill = parse_text(WRAPPED_HEADINGS)
    assert outline(bill) == [
        ("s101", 1, "In addition to amounts otherwise availab"),
        ("s102", 7, ""),
        ("s102_a", 10, "The Secretary shall inspect widgets."),
        ("s102_b", 11, "The Secretary shall report each year."),
        ("s103", 13, "Section 5 of the Widget Safety Act is am"),
        ("s103_1", 14, "by striking ``annual'' and inserting ``q"),
        ("s103_2", 15, "by adding at the end the following."),
    ]
    assert bill.get("s101").heading == "FUNDS FOR THE WIDGET REGISTRY MODERNIZATION AND REVIEW (WRMR) ACCOUNT"
    assert bill.get("s102").heading == "AMENDMENTS TO THE WIDGET SAFETY ACT AND THE ``GADGET LABELLING ACT''"
    assert bill.get("s103").heading == ""


def test_a_heading_in_capitals_that_runs_into_a_units_line_is_still_unfinished() -> None:
    # The period left out: the "(a)" line is the section's first unit, not more of its heading.
    text = "SEC. 5. WIDGET DUTIES\n    (a) In General.--The Secretary shall act.\n"
    with pytest.raises(BillSyntaxError) as raised:
        parse_text(text)
    assert "the section heading above is not finished" in str(raised.value)
    assert (raised.value.line, raised.value.column) == (2, 5)


# Units whose words begin with "of", "and" or "through", beside wrapped citations that do.
UNITS_OPENING_WITH_OF = """\
SEC. 201. WIDGET GRANTS.

    (a) Grants.--The Secretary shall award grants to States--
            (1) for widget inspections--
                    (A) of which, at least 40 percent is for the
                inspection of small factories described in
                paragraphs (1) and
                (2) of section 4(b) of the Widget Act; and
                    (B) except that not more than 10 percent may be
                used for travel;
            (2) for each State with a family income--
                    (A) of not more than 50 percent of the median
                income, the State shall pay the full cost; and
                    (B) of more than 50 percent of the median income,
                the State shall pay half the cost;
            (3) that may be administered--
                    (A) directly by the State agency; or
                    (B) through other State agencies, as the State
                may decide; and
            (4) and any other purpose the Secretary decides,
        except as provided in clauses (i), (ii),
        (iii), and (iv) of section 6(c)(1)(A) of such Act.
    (b) Reports.--Each State shall report the number of widgets
inspected under subparagraphs (A) and
(B) of subsection (a)(1).
"""


def test_a_unit_whose_words_begin_with_of_and_or_through_is_a_unit_not_a_wrapped_citation() -> None:
    bill = parse_text(UNITS_OPENING_WITH_OF)
    assert outline(bill) == [
        ("s201", 1, ""),
        ("s201_a", 3, "The Secretary shall award grants to Stat"),
        ("s201_a_1", 4, "for widget inspections--"),
        ("s201_a_1_A", 5, "of which, at least 40 percent is for the"),
        ("s201_a_1_B", 9, "except that not more than 10 percent may"),
        ("s201_a_2", 11, "for each State with a family income--"),
        ("s201_a_2_A", 12, "of not more than 50 percent of the media"),
        ("s201_a_2_B", 14, "of more than 50 percent of the median in"),
        ("s201_a_3", 16, "that may be administered--"),
        ("s201_a_3_A", 17, "directly by the State agency; or"),
        ("s201_a_3_B", 18, "through other State agencies, as the Sta"),
        ("s201_a_4", 20, "and any other purpose the Secretary deci"),
        ("s201_b", 23, "Each State shall report the number of wi"),
    ]
    # the citations wrapped at a unit's continuation indent stay in its words
    assert "paragraphs (1) and (2) of section 4(b) of the Widget Act; and" in bill.get("s201_a_1_A").text
    assert bill.get("s201_a_4").text.endswith("clauses (i), (ii), (iii), and (iv) of section 6(c)(1)(A) of such Act.")
    assert bill.get("s201_b").text.endswith("subparagraphs (A) and (B) of subsection (a)(1).")
    assert codes(bill) == []


# Designations after words without closing punctuation, where the indentation puts a new unit.
AFTER_WORDS_WITHOUT_PUNCTUATION = """\
SEC. 301. WIDGET INSPECTION FUNDS.

    (a) Appropriation.--There is appropriated for fiscal year 2030,
out of any money in the Treasury not otherwise appropriated, to remain
available until September 30, 2034
            (1) $5,000,000 for inspections of widgets;
            (2) $2,000,000 for fiscal year 2031, to remain available
        until September 30, 2035
            (3) $1,000,000 for reports under the Widget Act (15 U.S.C.
        9901)
            (4) $500,000 for grants, which--
                    (A) shall be made from State contributions and
                    (B) shall count no more than half of the amount
                described in subsection
                (b) as reduced by the Secretary.
    (b) Limit.--No amount under subsection (a) may be paid to a
contractor.

SEC. 302. WIDGET REPORT FUNDS.

    There is appropriated for fiscal year 2030, out of any money in the
Treasury not otherwise appropriated, to remain available until
September 30, 2034
            (1) $300,000 for the annual report; and
            (2) $200,000 for the review of the report.
"""


def test_a_designation_after_unpunctuated_words_opens_where_sequence_and_indentation_agree() -> None:
    bill = parse_text(AFTER_WORDS_WITHOUT_PUNCTUATION)
    assert outline(bill) == [
        ("s301", 1, ""),
        ("s301_a", 3, "There is appropriated for fiscal year 20"),
        ("s301_a_1", 6, "$5,000,000 for inspections of widgets;"),
        ("s301_a_2", 7, "$2,000,000 for fiscal year 2031, to rema"),
        ("s301_a_3", 9, "$1,000,000 for reports under the Widget "),
        ("s301_a_4", 11, "$500,000 for grants, which--"),
        ("s301_a_4_A", 12, "shall be made from State contributions a"),
        ("s301_a_4_B", 13, "shall count no more than half of the amo"),
        ("s301_b", 16, "No amount under subsection (a) may be pa"),
        ("s302", 19, "There is appropriated for fiscal year 20"),
        ("s302_1", 24, "$300,000 for the annual report; and"),
        ("s302_2", 25, "$200,000 for the review of the report."),
    ]
    assert bill.get("s301_a").text.endswith("until September 30, 2034")
    assert bill.get("s301_a_3").text.endswith("the Widget Act (15 U.S.C. 9901)")
    # "(b)" at the continuation indent of (B) is a citation, though it is (a)'s successor
    assert bill.get("s301_a_4_B").text.endswith("described in subsection (b) as reduced by the Secretary.")
    assert codes(bill) == []


# An amending instruction with no heading, followed by a quoted paragraph that has one.
INSTRUCTION_BEFORE_A_QUOTED_HEADING = """\
SEC. 401. CONFORMING AMENDMENTS.

    (a) Widget Act.--
            (1) In general.--Section 12(b)(3) of the Widget Act is
        amended to read as follows:
            ``(3) Refund cross-reference.--For the refund of a fee,
        see subsection (k).''.
            (2) Conforming amendments.--
                    (A) Section 14(c)(2) is amended to read as
                follows:
            ``(2) Penalty cross-reference.--For penalties, see
        section 30.''.
                    (B) Section 15 is amended by striking ``annual''.
"""


def test_a_quoted_paragraphs_heading_is_not_the_heading_of_the_unit_that_quotes_it() -> None:
    bill = parse_text(INSTRUCTION_BEFORE_A_QUOTED_HEADING)
    assert [(p.id, p.line_start, p.heading) for p in bill.walk()] == [
        ("s401", 1, "CONFORMING AMENDMENTS"),
        ("s401_a", 3, "Widget Act"),
        ("s401_a_1", 4, "In general"),
        ("s401_a_2", 8, "Conforming amendments"),
        ("s401_a_2_A", 9, ""),
        ("s401_a_2_B", 13, ""),
    ]
    unit = bill.get("s401_a_2_A")
    assert unit.text.startswith("Section 14(c)(2) is amended to read as follows: ``(2) Penalty cross-reference.--")
    [block] = unit.quoted
    assert (block.line_start, block.line_end) == (11, 12)
    assert block.text == "``(2) Penalty cross-reference.--For penalties, see section 30.''."
    # the quoted law's "section 30" is not a reference to this bill
    assert [(c.source, c.text) for c in bill.citations if c.source == "s401_a_2_A"] == [
        ("s401_a_2_A", "Section 14(c)(2)")]
    assert codes(bill) == []


# References in a bill that amends another law, "such" chains and Acts named with parentheses.
REFERENCES_TO_OTHER_LAWS = """\
SEC. 501. WIDGET CREDIT AMENDMENTS.

    (a) Rate.--Section 31(a)(2) is amended by striking ``10 percent''
and inserting ``15 percent''.
    (b) Limit.--Paragraph (4) of section 22(d) is amended by striking
``$1,000'' and inserting ``$2,000''.
    (c) Repeal.--Section 45(b)(1) is amended by striking subclause
(VI) of clause (i).

SEC. 502. WIDGET FUNDS.

    (a) Appropriations.--There is appropriated--
            (1) $2,000,000 for carrying out paragraph (17) of section
        9(a) of the Widget Act (15 U.S.C. 9901(a)); and
            (2) $1,000,000 for carrying out subparagraph (C) of such
        paragraph (17) and such section 708(c).
    (b) Plan.--Funds under subsection (a) are for the plan required
under section 12(b) of the Jane Q. (Janie) Roe Widget Authorization
Act and section 4 of the Widgets with Defects Act, for widgets that
meet the requirements of that section 4(b), and for programs under
section 40 or part B of the Widget Act and under paragraphs (2) and (3)
of subsection (b) and paragraph (1) of subsection (c) of section 41 of
such Act.
    (c) Leases.--The Secretary may lease widget depots.
    (d) Depots.--The Secretary shall list the depots leased.
    (e) Termination.--
            (1) In general.--Upon the last lease of depots listed under
        subsection (d), subsections (a) through (c) are repealed and any
        provision of law amended by those subsections is restored.
            (2) Notice.--The Secretary shall give notice of the date in
        paragraph (1).
"""


def test_references_to_the_amended_law_to_such_units_and_to_named_acts_are_not_this_bills() -> None:
    bill = parse_text(REFERENCES_TO_OTHER_LAWS)
    assert [(c.source, c.text, c.kind, c.targets) for c in bill.citations] == [
        ("s501_a", "Section 31(a)(2)", "amended-law", ()),
        ("s501_b", "Paragraph (4) of section 22(d)", "amended-law", ()),
        ("s501_c", "Section 45(b)(1)", "amended-law", ()),
        ("s501_c", "subclause (VI) of clause (i)", "amended-law", ()),
        ("s502_a_1", "paragraph (17) of section 9(a) of the Widget Act", "statute", ()),
        ("s502_a_1", "15 U.S.C. 9901(a)", "usc", ()),
        ("s502_a_2", "subparagraph (C) of such paragraph (17)", "statute", ()),
        ("s502_a_2", "section 708(c)", "statute", ()),
        ("s502_b", "subsection (a)", "internal", ("s502_a",)),
        ("s502_b", "section 12(b) of the Jane Q. (Janie) Roe Widget Authorization Act", "statute", ()),
        ("s502_b", "section 4 of the Widgets with Defects Act", "statute", ()),
        ("s502_b", "section 4(b)", "statute", ()),
        # a list whose last reference names another law: that law's throughout
        ("s502_b", "section 40", "statute", ()),
        ("s502_b", "part B of the Widget Act", "statute", ()),
        ("s502_b", "paragraphs (2) and (3) of subsection (b)", "statute", ()),
        ("s502_b", "paragraph (1) of subsection (c) of section 41 of such Act", "statute", ()),
        # "any provision of law amended by those subsections" amends nothing itself
        ("s502_e_1", "subsection (d)", "internal", ("s502_d",)),
        ("s502_e_1", "subsections (a) through (c)", "internal", ("s502_a", "s502_b", "s502_c")),
        ("s502_e_2", "paragraph (1)", "internal", ("s502_e_1",)),
    ]
    assert codes(bill) == []


# A definition in the flush language after a list.
DEFINITION_IN_FLUSH_LANGUAGE = """\
SEC. 601. WIDGET CREDIT REDUCTION.

    (a) In General.--The credit allowed under this section shall be
reduced by the product of--
            (1) the credit otherwise allowed; and
            (2) the percentage by which a deferral reduces the payments
        under this section.
For purposes of this subsection, the term ``deferral'' means a delay
of payments ordered by the Secretary under section 602.
    (b) Notice.--The Secretary shall give notice of each deferral.

SEC. 602. WIDGET PAYMENTS.

    The Secretary may delay a payment under section 601.
"""


def test_a_definition_in_flush_language_is_found_with_its_scope_and_the_list_that_uses_it() -> None:
    bill = parse_text(DEFINITION_IN_FLUSH_LANGUAGE)
    assert bill.get("s601_a").flush.startswith("For purposes of this subsection, the term ``deferral'' means")
    [definition] = bill.definitions
    assert (definition.term, definition.provision, definition.scope, definition.kind) == (
        "deferral", "s601_a", "s601_a", "means")
    # (b) is outside the subsection the definition is for
    assert definition.uses == ("s601_a_2",)


# The masthead of a House bill received in the Senate: its first action names no sponsor.
RECEIVED_IN_THE_SENATE = """\
[Congressional Bills 121st Congress]
[From the U.S. Government Publishing Office]
[H.R. 4321 Received in Senate (RDS)]

<DOC>
121st CONGRESS
  1st Session
                                H. R. 4321


_______________________________________________________________________


                   IN THE SENATE OF THE UNITED STATES

                              May 4, 2029

                                Received

_______________________________________________________________________

                                 AN ACT


To require the labeling of widgets.

    Be it enacted by the Senate and House of Representatives of the
United States of America in Congress assembled,

SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Widget Labels Act''.
"""


def test_a_bill_received_in_the_senate_has_the_date_it_was_received_and_no_sponsor() -> None:
    meta = parse_text(RECEIVED_IN_THE_SENATE).meta
    assert (meta.measure, meta.number, meta.version, meta.chamber) == ("H.R.", 4321, "RDS", "Senate")
    assert meta.date is not None and meta.date.isoformat() == "2029-05-04"
    assert meta.sponsor is None
    assert [action.text for action in meta.actions] == ["Received"]
