"""Readings that a third check against real GPO texts found wrong, each in a fragment we wrote.

The sample: openings of real texts of the 106th to 117th Congresses of the kinds the first two
samples lacked (appropriations bills introduced, reported in the House and placed on the Senate
calendar; a House appropriations act reported in the Senate with its text struck; enrolled
concurrent resolutions; a joint resolution received in the Senate; two public laws).  Each
fragment below has the layout of GPO plain text (its indentation, centring, wrapping and
markers) and words of our own, and each test gives the exact ids and first lines of its units.
"""

from __future__ import annotations

from grammar import Bill, parse_text


def outline(bill: Bill) -> list[tuple[str, int, str]]:
    """Every unit's id, first line and first words (up to 40 characters)."""
    return [(p.id, p.line_start, p.text[:40]) for p in bill.walk()]


def codes(bill: Bill) -> list[str]:
    return [d.code for d in bill.diagnostics]


ENACTING_AN_APPROPRIATION = """\
    Be it enacted by the Senate and House of Representatives of the
United States of America in Congress assembled, That the following sums
are appropriated, out of any money in the Treasury not otherwise
appropriated, for the Widget Agencies for the fiscal year ending
September 30, 2031, and for other purposes, namely:
"""

# An appropriations bill sets each title as its designation alone on a centred line, its name
# in capitals on the next line but one, and the headings of its accounts below that.
TITLES_WITHOUT_DASHES = ENACTING_AN_APPROPRIATION + """\

                                TITLE I

                           WIDGET PROGRAMS

                       Inspection and Licensing

                       Office of the Inspector

    For necessary expenses of the Office of the Inspector, $4,200,000:
Provided, That not to exceed $10,000 shall be available for official
reception expenses.

                                TITLE II

                          GENERAL PROVISIONS

    Sec. 201.  None of the funds made available by this Act may be used
to license a widget factory that has not been inspected.
"""


def test_a_title_set_as_its_designation_alone_is_a_title_named_by_the_capitals_below_it() -> None:
    bill = parse_text(TITLES_WITHOUT_DASHES)
    assert outline(bill) == [
        ("tI", 7, "Inspection and Licensing Office of the I"),
        ("tII", 19, ""),
        ("s201", 23, "None of the funds made available by this"),
    ]
    assert [(p.heading, p.line_end) for p in bill.provisions] == [
        ("WIDGET PROGRAMS", 17), ("GENERAL PROVISIONS", 24)]
    assert bill.get("tI").text.endswith(
        "$4,200,000: Provided, That not to exceed $10,000 shall be available for official "
        "reception expenses.")
    assert bill.preamble.endswith("for the fiscal year ending September 30, 2031, and for other "
                                  "purposes, namely:")
    assert codes(bill) == []


# A title with its name after the dashes, then (after a blank line) the capitals of the first
# agency it funds: the agency is no part of the title's name.  A name that wraps goes on with
# the very next line.
TITLE_THEN_AGENCY = ENACTING_AN_APPROPRIATION + """\

              TITLE I--WIDGET AGENCY APPROPRIATIONS FOR THE FISCAL
                            YEAR 2031

                           OFFICE OF WIDGETS

                         Salaries and Expenses

    For salaries and expenses of the Office of Widgets, $1,000,000.
"""


def test_capitals_after_a_blank_line_are_not_the_title_heading_going_on() -> None:
    bill = parse_text(TITLE_THEN_AGENCY)
    assert outline(bill) == [("tI", 7, "OFFICE OF WIDGETS Salaries and Expenses ")]
    assert bill.get("tI").heading == "WIDGET AGENCY APPROPRIATIONS FOR THE FISCAL YEAR 2031"
    assert codes(bill) == []


# A Senate committee's amendment striking a whole text: each struck paragraph opens with
# <DELETED> and closes with </DELETED> lines later, its wrapped lines bare in between (one
# of them opening with a designation, another closing a quotation the struck words opened).
STRUCK_PARAGRAPHS = """\
    Be it enacted by the Senate and House of Representatives of the
United States of America in Congress assembled,

<DELETED>SECTION 1. SHORT TITLE.</DELETED>

<DELETED>    This Act may be cited as the ``Widget Repair Act of
2031''.</DELETED>

<DELETED>SEC. 2. REPAIR GRANTS.</DELETED>

<DELETED>    (a) In General.--The Secretary may make grants to repair
shops for the repair of widgets described in section 3(a) of the Widget
Act (15 U.S.C. 9999).</DELETED>
<DELETED>    (b) Amount.--A grant under subsection (a) shall not exceed
(1) $5,000 for each shop.</DELETED>

SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Widget Repair and Reuse Act of 2031''.

SEC. 2. REPAIR GRANTS.

    (a) In General.--The Secretary may make grants to repair shops.
    (b) Amount.--A grant under subsection (a) shall not exceed $6,000.
"""


def test_the_wrapped_lines_of_a_struck_paragraph_are_struck_too() -> None:
    bill = parse_text(STRUCK_PARAGRAPHS)
    assert outline(bill) == [
        ("s1", 17, "This Act may be cited as the ``Widget Re"),
        ("s2", 21, ""),
        ("s2_a", 23, "The Secretary may make grants to repair "),
        ("s2_b", 24, "A grant under subsection (a) shall not e"),
    ]
    assert bill.preamble == ("Be it enacted by the Senate and House of Representatives of the "
                             "United States of America in Congress assembled,")
    assert bill.get("s1").text == "This Act may be cited as the ``Widget Repair and Reuse Act of 2031''."
    assert codes(bill) == []


# A struck paragraph whose closing marker never comes before the blank line: only the marked
# line is struck, and the bare line after it is kept as words of the section (nothing that
# is not marked is dropped).
STRUCK_WITHOUT_ITS_CLOSING_MARKER = """\
SECTION 1. SHORT TITLE.

<DELETED>    This Act may be cited as the Widget Act of 2030 and its
words go on here

    This Act may be cited as the Widget Act of 2031.
"""


def test_a_struck_paragraph_without_its_closing_marker_strikes_only_its_marked_line() -> None:
    bill = parse_text(STRUCK_WITHOUT_ITS_CLOSING_MARKER)
    assert outline(bill) == [("s1", 1, "words go on here This Act may be cited a")]
    assert bill.get("s1").text == "words go on here This Act may be cited as the Widget Act of 2031."


# A joint resolution in sections: its resolving clause stops at "assembled," as a bill's
# enacting clause does, and is the resolution's formula, not a unit of its own.  A clause that
# goes on with "That ..." is the resolution's words, and stays a unit.
JOINT_RESOLUTION_IN_SECTIONS = """\
    Resolved by the Senate and House of Representatives of the United
States of America in Congress assembled,

SECTION 1. DAY FOR THE WIDGET COUNT.

    The widget count shall be taken on the first Monday in May 2031.

SEC. 2. REPORT.

    The Secretary shall report the count to Congress.
"""

JOINT_RESOLUTION_WITH_WORDS = """\
    Resolved by the Senate and House of Representatives of the United
States of America in Congress assembled, That the following sums are
appropriated for the widget count, namely:

SEC. 101. The count shall be taken in May 2031.
"""


def test_a_resolving_clause_that_stops_at_assembled_is_the_formula_of_the_sections_after_it() -> None:
    bill = parse_text(JOINT_RESOLUTION_IN_SECTIONS)
    assert outline(bill) == [
        ("s1", 4, "The widget count shall be taken on the f"),
        ("s2", 8, "The Secretary shall report the count to "),
    ]
    assert bill.preamble == ("Resolved by the Senate and House of Representatives of the United "
                             "States of America in Congress assembled,")
    with_words = parse_text(JOINT_RESOLUTION_WITH_WORDS)
    assert outline(with_words) == [
        ("res", 1, "Resolved by the Senate and House of Repr"),
        ("s101", 5, "The count shall be taken in May 2031."),
    ]
    assert with_words.preamble == ""
    in_titles = parse_text(JOINT_RESOLUTION_IN_SECTIONS.replace(
        "SECTION 1.", "TITLE I--THE COUNT\n\nSECTION 1."))
    assert [p.id for p in in_titles.walk()] == ["tI", "s1", "s2"]
    assert in_titles.preamble == bill.preamble


# A bill reported in the Senate printed with a cover page: a first masthead, the date and
# "Reported with an amendment", then the full masthead again.  The cover's action ends where
# the second masthead begins; the long title under that masthead is no part of it.
REPORTED_WITH_A_COVER_PAGE = """\
                                                       Calendar No. 77

131st CONGRESS

  1st Session

                               H. R. 1200

                          [Report No. 131-40]

_______________________________________________________________________

                                 AN ACT

    To amend the Widget Act to reform the inspection of widgets.

_______________________________________________________________________

                             June 2, 2049

                       Reported with an amendment





                                                       Calendar No. 77
131st CONGRESS
  1st Session
                                H. R. 1200

                          [Report No. 131-40]

    To amend the Widget Act to reform the inspection of widgets.


_______________________________________________________________________


                   IN THE SENATE OF THE UNITED STATES

                             March 3, 2049

     Received; read twice and referred to the Committee on Commerce

                             June 2, 2049

                Reported by Mr. Doe, with an amendment

_______________________________________________________________________

                                 AN ACT

    To amend the Widget Act to reform the inspection of widgets.

    Be it enacted by the Senate and House of Representatives of the
United States of America in Congress assembled,

SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Widget Inspection Act''.
"""


def test_the_action_on_a_cover_page_ends_where_the_second_masthead_begins() -> None:
    meta = parse_text(REPORTED_WITH_A_COVER_PAGE).meta
    assert [(str(a.date), a.text) for a in meta.actions] == [
        ("2049-06-02", "Reported with an amendment"),
        ("2049-03-03", "Received; read twice and referred to the Committee on Commerce"),
        ("2049-06-02", "Reported by Mr. Doe, with an amendment"),
    ]
    assert meta.long_title == "To amend the Widget Act to reform the inspection of widgets."


# Texts kept by the GPO's old gateway (and the archives that copied it) often open with the
# document id alone, ``[DOCID: f:s777rs.txt]``, no ``[S. 777 Reported in Senate (RS)]`` line:
# the id's last letters are the version.  A version line, where there is one, is what counts.
DOCID_ONLY = """\
[DOCID: f:s777rs.txt]
                                                       Calendar No. 12
131st CONGRESS
  1st Session
                                 S. 777

_______________________________________________________________________

                   IN THE SENATE OF THE UNITED STATES

                            January 9, 2049

  Mr. Roe, from the Committee on Commerce, reported the following
           original bill; which was read twice and placed on the calendar

_______________________________________________________________________

                                 A BILL

            To count the widgets of the United States.

    Be it enacted by the Senate and House of Representatives of the
United States of America in Congress assembled,

SECTION 1. COUNT.

    The Secretary shall count the widgets.
"""


def test_a_text_that_opens_with_its_document_id_alone_takes_its_version_from_the_id() -> None:
    meta = parse_text(DOCID_ONLY).meta
    assert (meta.version, meta.version_name, meta.chamber) == ("RS", "Reported in Senate", "Senate")
    enrolled = parse_text(DOCID_ONLY.replace("f:s777rs.txt", "f:hj80enr.txt")).meta
    assert (enrolled.version, enrolled.version_name) == ("ENR", "Enrolled Bill")
    both = parse_text("[S. 777 Placed on Calendar Senate (PCS)]\n" + DOCID_ONLY).meta
    assert (both.version, both.version_name) == ("PCS", "Placed on Calendar Senate")
    unknown = parse_text(DOCID_ONLY.replace("f:s777rs.txt", "f:s777xyz.txt")).meta
    assert (unknown.version, unknown.version_name) == (None, None)


# A public law prints its margin notes in the text, ``<<NOTE: ...>>``, even between a title's
# keyword and its number; the note is no part of the heading.
PUBLIC_LAW_TITLE_WITH_A_NOTE = ENACTING_AN_APPROPRIATION + """\

                               DIVISION A

                      WIDGET AGENCY APPROPRIATIONS

   TITLE <<NOTE: Widget Agency Appropriations Act, 2031.>>  I--
FISCAL YEAR 2031 APPROPRIATIONS

                              FEDERAL FUNDS

    For a Federal payment to the Widget Agency, $1,000,000.
"""


def test_a_margin_note_between_a_titles_keyword_and_its_number_is_no_part_of_it() -> None:
    bill = parse_text(PUBLIC_LAW_TITLE_WITH_A_NOTE)
    assert outline(bill) == [("dA", 7, ""), ("dA_tI", 11, "FEDERAL FUNDS For a Federal payment to t")]
    assert [p.heading for p in bill.walk()] == [
        "WIDGET AGENCY APPROPRIATIONS", "FISCAL YEAR 2031 APPROPRIATIONS"]
