"""Readings that a second check against real GPO texts found wrong, each in a fragment we wrote.

The sample: thirteen texts of the 115th and 118th Congresses (bills, a joint resolution and a
concurrent resolution; introduced and enrolled; two with titles, subtitles and a table of
contents; one that rewrites the Internal Revenue Code at length).  Each fragment below has
the layout of GPO plain text (its indentation, wrapping and punctuation) and words of our own,
and each test gives the exact ids and first lines of its units or the kind of each citation.
"""

from __future__ import annotations

from grammar import Bill, parse_text
from grammar.lexicon import Level
from grammar.nesting import Cue, LeadIn, OpenUnit, place


def outline(bill: Bill) -> list[tuple[str, int, str]]:
    """Every unit's id, first line and first words (up to 40 characters)."""
    return [(p.id, p.line_start, p.text[:40]) for p in bill.walk()]


def codes(bill: Bill) -> list[str]:
    return [d.code for d in bill.diagnostics]


# A list of citations wrapped after "and", its last designation at the start of a line set at
# the continuation indent of the unit it stands in, out of sequence with every open unit.
WRAPPED_CITATION_LIST = """\
SEC. 3. DUTIES OF THE PANEL.

    (a) Duties.--The Panel shall--
            (1) study the widget recalls of the past decade;
            (2) study the effects of the laws described in paragraphs
        (1) through (4) of section 2(b) of the Widget Act on owners; and
            (3) recommend remedies for the matters described in
        paragraphs (1) and (2). In making its recommendations, the Panel
        shall address the following questions:
                    (A) How the harm from the matters described in
                paragraphs (1), (2), and
                (3) can be undone and what programs would undo it.
                    (B) What form a refund to the owners should take.
    (b) Report.--The Panel shall report within 1 year.
"""


def test_a_citation_list_wrapped_after_and_opens_no_unit_out_of_sequence() -> None:
    bill = parse_text(WRAPPED_CITATION_LIST)
    assert outline(bill) == [
        ("s3", 1, ""),
        ("s3_a", 3, "The Panel shall--"),
        ("s3_a_1", 4, "study the widget recalls of the past dec"),
        ("s3_a_2", 5, "study the effects of the laws described "),
        ("s3_a_3", 7, "recommend remedies for the matters descr"),
        ("s3_a_3_A", 10, "How the harm from the matters described "),
        ("s3_a_3_B", 13, "What form a refund to the owners should "),
        ("s3_b", 14, "The Panel shall report within 1 year."),
    ]
    assert bill.get("s3_a_3_A").text == (
        "How the harm from the matters described in paragraphs (1), (2), and (3) can be undone "
        "and what programs would undo it."
    )
    assert codes(bill) == []


# A unit's list that follows words ending in ";" (a chapeau left without its "--" or ":"), each
# item set a level in from the unit, as a metes and bounds description is printed.
LIST_AFTER_A_SEMICOLON = """\
SEC. 12. BOUNDARY OF THE PARK.

    (a) In General.--The Park shall consist of the lands described in
subsection (b).
    (b) Description.--The boundary of the Park is as follows: Beginning
at the corner of Elm Road and the county line;
            (1) thence north along Elm Road to the river;
            (2) thence east along the river to the old mill; and
            (3) thence south along the mill race to the point of
        beginning.
    (c) Map.--The Secretary shall keep a map of the boundary described
in subsection (b); and
(1) of the lands in it.
"""


def test_a_list_set_a_level_in_after_words_ending_in_a_semicolon_is_the_units_children() -> None:
    bill = parse_text(LIST_AFTER_A_SEMICOLON)
    assert outline(bill) == [
        ("s12", 1, ""),
        ("s12_a", 3, "The Park shall consist of the lands desc"),
        ("s12_b", 5, "The boundary of the Park is as follows: "),
        ("s12_b_1", 7, "thence north along Elm Road to the river"),
        ("s12_b_2", 8, "thence east along the river to the old m"),
        ("s12_b_3", 9, "thence south along the mill race to the "),
        # a designation at the left margin after ";" is still the running text
        ("s12_c", 11, "The Secretary shall keep a map of the bo"),
    ]
    assert bill.get("s12_b").text.endswith("Beginning at the corner of Elm Road and the county line;")
    assert bill.get("s12_c").text.endswith("; and (1) of the lands in it.")


def test_place_opens_a_first_child_after_a_list_only_where_the_line_is_set_a_level_in() -> None:
    subsection_b = [OpenUnit(Level.SUBSECTION, "b", 4)]
    # set a level in from (b): its first paragraph
    assert place(subsection_b, Cue("1", LeadIn.LIST, indent=12)) is Level.PARAGRAPH
    assert place(subsection_b, Cue("1", LeadIn.SENTENCE, indent=12)) is Level.PARAGRAPH
    # at the margin, at (b)'s own indentation or with no indentation known: no unit
    assert place(subsection_b, Cue("1", LeadIn.LIST, indent=0)) is None
    assert place(subsection_b, Cue("1", LeadIn.LIST, indent=4)) is None
    assert place(subsection_b, Cue("1", LeadIn.LIST)) is None
    # only a first designation: (2) set a level in continues nothing
    assert place(subsection_b, Cue("2", LeadIn.LIST, indent=12)) is None
    # a sibling still wins: (c) after (b) is the next subsection wherever it is set
    assert place(subsection_b, Cue("c", LeadIn.LIST, indent=12)) is Level.SUBSECTION


# Units of other laws named in the forms bills use: the Constitution's articles and sections,
# the Revised Statutes, the District of Columbia Official Code, and provisions listed under a
# chapeau that repeals them from a named law.  The bill has sections 2, 8 and 10 of its own,
# so a reference misread as this bill's would resolve.
OTHER_LAWS_UNITS = """\
SEC. 2. SHORT TITLE.

    This Act may be cited as the ``Widget Territory Act''.

SEC. 8. STATUS OF THE TERRITORY.

    (a) Seat of Government.--The Territory shall be the seat of the
widget government, as provided in clause 3 of section 8 of article IV of
the Constitution of the United States, and subject to the limits of
article I, section 10.
    (b) Laws Continued.--Notwithstanding section 2 of the Revised Statutes
relating to the Territory, the laws in force under sections 1-401 and
1-402, D.C. Official Code, and under paragraph (2) of section 11-
1726(b), District of Columbia Official Code, go on in force.

SEC. 10. REPEALS.

    (a) Repeals.--The following provisions of the Widget Act of 1990 are
repealed:
            (1) Section 2 (relating to widget fees).
            (2) Sections 8 and 10 of chapter 3 (relating to reports).
    (b) Effect.--Section 8 applies on the date of the repeal.
"""


def test_units_of_the_constitution_the_revised_statutes_the_dc_code_and_a_repealed_law_are_not_this_bills() -> None:
    bill = parse_text(OTHER_LAWS_UNITS)
    assert [(c.source, c.text, c.kind, c.targets) for c in bill.citations] == [
        ("s8_a", "section 8 of article IV of the Constitution", "statute", ()),
        ("s8_a", "section 10", "statute", ()),
        ("s8_b", "section 2 of the Revised Statutes", "statute", ()),
        ("s8_b", "sections 1-401 and 1-402, D.C. Official Code", "statute", ()),
        ("s8_b", "paragraph (2) of section 11-1726(b), District of Columbia Official Code", "statute", ()),
        ("s10_a_1", "Section 2", "amended-law", ()),
        ("s10_a_2", "Sections 8 and 10", "amended-law", ()),
        # the bill's own section 8, outside the list of repealed provisions
        ("s10_b", "Section 8", "internal", ("s8",)),
    ]
    assert codes(bill) == []
