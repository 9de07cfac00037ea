"""Bills and resolutions in the layouts GPO publishes, and the untidy copies websites serve."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from grammar import Bill, BillStructureError, parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Bill:
    return parse_file(FIXTURES / name)


# Quoted blocks -----------------------------------------------------------------


def test_a_quoted_block_stays_text_of_the_unit_that_quotes_it() -> None:
    bill = fixture("untidy-no-header.txt")
    amendment = bill.get("s2_a")
    assert [c.id for c in amendment.children] == []
    assert "s2_a_11" not in bill and "s2_a_A" not in bill
    assert amendment.text.endswith(
        "is amended by adding at the end the following: ``(11) Unsafe gadgets.--A gadget is "
        "inadmissible if-- ``(A) the gadget was made by a person described in subparagraph (B); or "
        "``(B) the gadget fails a test under section 5.''."
    )
    [block] = amendment.quoted
    assert (block.line_start, block.line_end) == (9, 12)
    assert block.text.startswith("``(11) Unsafe gadgets.--")


def test_a_quoted_block_in_straight_quotes_is_recognised_in_an_enrolled_bill() -> None:
    bill = fixture("enrolled.txt")
    section = bill.get("s2")
    assert section.children == ()
    [block] = section.quoted
    assert block.text.startswith('"(c) Lithium.--')
    assert block.text.endswith('Widget Labeling Act.".')
    assert [c.id for c in bill.get("s3").children] == ["s3_a", "s3_b"]


def test_an_unclosed_quotation_at_the_end_of_the_file_is_an_error_naming_the_line_it_opens_on() -> None:
    text = (
        "SEC. 2. AMENDMENT.\n"
        "\n"
        "    Section 12 of the Widget Act is amended by adding at the end the \n"
        "following:\n"
        "    ``(c) Exception.--Subsection (a) shall not apply to toy widgets.\n"
        "\n"
        "    This Act takes effect on January 1, 2027.\n"
    )
    with pytest.raises(BillStructureError) as raised:
        parse_text(text, source="broken.txt")
    assert str(raised.value) == (
        "broken.txt:5:5: error: the quotation opened on line 5 is never closed\n"
        "    5 |     ``(c) Exception.--Subsection (a) shall not apply to toy widgets.\n"
        "      |     ^\n"
        "expected: a line ending the quotation with '' (or \") and its punctuation, such as ''. or '';"
    )


def test_an_unclosed_quotation_ends_at_the_next_section_header_with_a_diagnostic_naming_it() -> None:
    text = (
        "SEC. 2. AMENDMENT.\n"
        "\n"
        "    Section 12 of the Widget Act is amended by adding at the end the \n"
        "following:\n"
        "    ``(c) Exception.--Subsection (a) shall not apply to toy widgets.\n"
        "\n"
        "SEC. 3. EFFECTIVE DATE.\n"
        "\n"
        "    (a) In General.--This Act takes effect on January 1, 2027.\n"
    )
    bill = parse_text(text, source="broken.txt")
    assert [p.id for p in bill.walk()] == ["s2", "s3", "s3_a"]
    [block] = bill.get("s2").quoted
    assert (block.line_start, block.line_end) == (5, 5)
    [diagnostic] = bill.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("unclosed-quotation", 7)
    assert "opened on line 5 is not closed before line 7" in diagnostic.message


# Tables of contents, titles, subtitles, divisions -------------------------------


def test_a_table_of_contents_is_read_as_such_and_its_lines_are_not_sections() -> None:
    bill = fixture("omnibus-eh.txt")
    sections = [p.id for p in bill.walk() if p.kind == "section"]
    assert sections == ["s1", "s2", "dA_s101", "s102", "dB_s101", "s111"]
    assert [(e.kind, e.designation, e.heading) for e in bill.toc] == [
        ("section", "1", "Short title; table of contents"),
        ("section", "2", "References"),
        ("division", "A", "WIDGET SAFETY PROGRAMS"),
        ("title", "I", "GENERAL PROVISIONS"),
        ("section", "101", "Widget inspections"),
        ("section", "102", "Reports on widget recalls and on the recovery of widgets from retail sale"),
        ("division", "B", "GADGET RESEARCH PROGRAMS"),
        ("title", "I", "GENERAL PROVISIONS"),
        ("subtitle", "A", "Research Programs"),
        ("section", "101", "Gadget research grants"),
        ("subtitle", "B", "Reports"),
        ("section", "111", "Annual report"),
    ]
    assert bill.diagnostics == ()


def test_a_table_of_contents_that_disagrees_with_the_sections_is_reported() -> None:
    text = (FIXTURES / "omnibus-eh.txt").read_text(encoding="utf-8")
    bill = parse_text(text.replace("Sec. 111. Annual report.", "Sec. 111. Annual reports on grants."))
    [diagnostic] = bill.diagnostics
    assert diagnostic.code == "toc-mismatch"
    assert diagnostic.provision == "s111"
    assert "'Annual reports on grants'" in diagnostic.message and "'ANNUAL REPORT'" in diagnostic.message


def test_divisions_titles_and_subtitles_contain_their_sections() -> None:
    bill = fixture("omnibus-eh.txt")
    assert [p.id for p in bill.provisions] == ["s1", "s2", "dA", "dB"]
    assert bill.get("dA").heading == "WIDGET SAFETY PROGRAMS"
    assert [c.id for c in bill.get("dA_tI").children] == ["dA_s101", "s102"]
    assert [c.id for c in bill.get("dB_tI").children] == ["dB_tI_stA", "dB_tI_stB"]
    assert [c.id for c in bill.get("dB_tI_stA").children] == ["dB_s101"]
    assert bill.get("dB_tI_stA").label == "division B, title I, subtitle A"
    assert bill.get("dB_s101").label == "div. B, sec. 101"


def test_where_section_numbers_repeat_the_division_leads_the_id() -> None:
    bill = fixture("omnibus-eh.txt")
    assert bill.get("dA_s101_a").label == "div. A, sec. 101(a)"
    assert bill.get("s102_b_1").label == "sec. 102(b)(1)"  # 102 stands once: no prefix
    inspections = next(c for c in bill.citations if c.source == "s102_b_1")
    assert (inspections.text, inspections.targets) == ("section 101(a)", ("dA_s101_a",))
    grants = next(c for c in bill.citations if c.source == "s111")
    assert (grants.text, grants.targets) == ("section 101", ("dB_s101",))


def test_an_engrossed_act_takes_its_date_from_the_attestation() -> None:
    meta = fixture("omnibus-eh.txt").meta
    assert (meta.measure, meta.number, meta.version, meta.document_type) == ("H.R.", 9001, "EH", "act")
    assert meta.date == dt.date(2027, 3, 3)
    assert meta.short_title == "Widget and Gadget Appropriations Act, 2027"


# Resolutions ---------------------------------------------------------------------


def test_a_simple_resolution_has_whereas_clauses_and_a_resolving_clause_with_parts() -> None:
    bill = fixture("resolution-ih.txt")
    assert [p.id for p in bill.provisions] == ["wh1", "wh2", "wh3", "res"]
    assert [c.id for c in bill.get("wh2").children] == ["wh2_1", "wh2_2"]
    assert bill.get("res").text == "Resolved, That the House of Representatives--"
    assert [c.id for c in bill.get("res").children] == ["res_1", "res_2", "res_3"]
    assert bill.get("res_2_B").label == "resolving clause (2)(B)"
    assert bill.get("wh2_1").label == "whereas clause 2 (1)"
    meta = bill.meta
    assert (meta.measure, meta.number, meta.document_type, meta.chamber) == (
        "H.Res.", 4321, "resolution", "House of Representatives")
    assert meta.committees == ("Committee on Energy and Commerce",)
    citation = next(c for c in bill.citations if c.source == "res_2_B")
    assert (citation.text, citation.targets) == ("subparagraph (A)", ("res_2_A",))


def test_concurrent_and_joint_resolutions_resolve_in_one_clause() -> None:
    concurrent = fixture("concurrent-resolution-eh.txt")
    assert [p.id for p in concurrent.provisions] == ["res"]
    assert concurrent.get("res").text.startswith(
        "Resolved by the House of Representatives (the Senate concurring), That the rotunda")
    assert concurrent.meta.measure == "H.Con.Res."
    joint = fixture("joint-resolution-is.txt")
    assert [p.id for p in joint.provisions] == ["res"]
    assert (joint.meta.measure, joint.meta.number, joint.meta.document_type) == (
        "S.J.Res.", 55, "joint resolution")
    assert joint.meta.committees == ("Committee on Commerce, Science, and Transportation",)


# Enrolled, reported, engrossed amendments ---------------------------------------


def test_an_enrolled_bill_reads_its_congress_session_and_date_from_words() -> None:
    bill = fixture("enrolled.txt")
    meta = bill.meta
    assert (meta.congress, meta.session, meta.measure, meta.number, meta.version) == (119, 1, "S.", 77, "ENR")
    assert meta.document_type == "act"
    # "Begun and held ... the third day of January" is when the session began, not the bill's date
    assert meta.date is None
    assert meta.short_title == "Widget Labeling Act"
    assert meta.long_title == (
        "To amend the Widget Safety Act to require the labeling of widgets that contain lithium."
    )


def test_signature_lines_of_an_enrolled_bill_are_not_text_of_its_last_provision() -> None:
    bill = fixture("enrolled.txt")
    assert bill.get("s3_b").text.endswith("before the date described in subsection (a).")
    assert bill.get("s3").line_end == bill.get("s3_b").line_end


def test_a_reported_bill_drops_struck_text_and_its_back_page() -> None:
    bill = fixture("reported-rs.txt")
    assert [p.id for p in bill.walk()] == ["s1", "s2", "s2_a", "s2_b", "s2_b_1", "s2_b_2", "s2_c"]
    assert bill.get("s1").text == "This Act may be cited as the ``Gadget Safety Research Act''."
    assert bill.get("s2_c").text.endswith("to carry out this section.")
    meta = bill.meta
    assert (meta.version, meta.date) == ("RS", dt.date(2025, 2, 4))
    assert [a.date for a in meta.actions] == [dt.date(2025, 2, 4), dt.date(2025, 5, 20)]
    assert meta.actions[1].text.startswith("Reported by Mr. Sample, with an amendment")
    assert meta.committees == ("Committee on Health, Education, Labor, and Pensions",)


def test_a_whole_act_inside_an_amendment_between_the_houses_is_read_as_its_sections() -> None:
    bill = fixture("amendment-eas.txt")
    assert [p.id for p in bill.provisions] == ["res", "s1", "s2"]
    assert bill.get("res").text.endswith("do pass with the following AMENDMENT:")
    assert bill.preamble == "Strike out all after the enacting clause and insert:"
    assert [c.id for c in bill.get("s2_a").children] == ["s2_a_1", "s2_a_2"]
    assert (bill.meta.version, bill.meta.chamber, bill.meta.date) == ("EAS", "Senate", dt.date(2025, 12, 9))


# Untidy copies ---------------------------------------------------------------------


def test_a_copy_without_header_doc_marker_or_closing_marker_parses() -> None:
    bill = fixture("untidy-no-header.txt")
    assert [p.id for p in bill.provisions] == ["s1", "s2"]
    assert bill.meta.congress is None and bill.meta.version is None
    assert bill.meta.short_title == "Gadget Import Integrity Act"
    assert bill.diagnostics == ()


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_fixture_parses_to_the_same_tree_with_its_indentation_removed(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    flat = "\n".join(line.lstrip() for line in text.split("\n"))
    assert _tree(parse_text(flat)) == _tree(parse_text(text))


def test_the_working_text_parses_to_the_same_tree_with_its_indentation_removed(bill: Bill) -> None:
    text = Path(bill.source).read_text(encoding="utf-8")
    flat = "\n".join(line.lstrip() for line in text.split("\n"))
    assert _tree(parse_text(flat)) == _tree(bill)


def _tree(bill: Bill) -> list[tuple[str, str, str, str, str, int, int, str]]:
    return [(p.id, p.kind, p.heading, p.text, p.flush, p.line_start, p.line_end, p.hash) for p in bill.walk()]
