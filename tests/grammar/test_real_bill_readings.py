"""Readings that a check against real GPO texts found wrong, each in a fragment we wrote.

Each test gives a fragment in the real layout (the indentation, wrapping and punctuation
of GPO plain text, the words our own) and the exact ids and first lines of its units.
"""

from __future__ import annotations

from grammar import Bill, parse_text


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
