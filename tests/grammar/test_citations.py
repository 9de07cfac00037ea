"""The citations layer: internal references resolved to provision ids, external ones linked out."""

from __future__ import annotations

import itertools
from array import array
from pathlib import Path

import pytest

from grammar import Bill, BillStrictError, Citation, parse_file, parse_text
from grammar.citations import _LEADING_SPACE, _LINE_BREAK, _ROW, _Locator

FIXTURES = Path(__file__).parent / "fixtures"


def cited(bill: Bill, source: str, text: str) -> Citation:
    return next(c for c in bill.citations if c.source == source and c.text == text)


@pytest.mark.parametrize(
    ("source", "text", "targets"),
    [
        ("s4_a_2", "paragraph (1)", ("s4_a_1",)),  # relative: the paragraph of the same subsection
        ("s4_d", "subsection (a)", ("s4_a",)),  # relative: the subsection of the same section
        ("s4_c", "subsection (b)(1)", ("s4_b_1",)),  # compound
        ("s4_d_1", "section 3(2)(A)", ("s3_2_A",)),  # another section
        ("s5_a", "section 4(a)", ("s4_a",)),
        ("s4_e_3", "Paragraphs (1) and (2)", ("s4_e_1", "s4_e_2")),  # a list
        ("s4_f_1_A", "subsection (e)(2)", ("s4_e_2",)),
        ("s6_d_1", "subsection (c)(3)", ("s6_c_3",)),
        ("s4_a_1", "this section", ("s4",)),
        ("s4_g_3", "this subsection", ("s4_g",)),
    ],
)
def test_internal_references_resolve_to_provision_ids(bill: Bill, source: str, text: str,
                                                       targets: tuple[str, ...]) -> None:
    citation = cited(bill, source, text)
    assert (citation.kind, citation.targets, citation.resolved) == ("internal", targets, True)


def test_this_act_is_a_reference_to_the_whole_act(bill: Bill) -> None:
    citation = cited(bill, "s2_2", "this Act")
    assert (citation.kind, citation.targets) == ("act-self", ())


def test_a_range_of_paragraphs_resolves_to_each_of_them() -> None:
    text = (
        "SEC. 2. GRANTS.\n\n    (a) Uses.--Grants may be used for--\n"
        "            (1) research;\n            (2) testing;\n            (3) training; and\n"
        "            (4) travel.\n    (b) Limit.--Not more than 10 percent of a grant may be used for "
        "the purposes described in paragraphs (1) through (3) of subsection (a).\n"
    )
    citation = cited(parse_text(text), "s2_b", "paragraphs (1) through (3) of subsection (a)")
    assert citation.targets == ("s2_a_1", "s2_a_2", "s2_a_3")


def test_an_anchored_reference_resolves_under_its_anchor() -> None:
    bill = parse_file(FIXTURES / "untidy-no-header.txt")
    assert cited(bill, "s2_d", "paragraph (1) of subsection (b)").targets == ("s2_b_1",)
    assert cited(bill, "s2_b_1_B_ii", "subclause (I) or (II) of clause (i)").targets == (
        "s2_b_1_B_i_I", "s2_b_1_B_i_II")


def test_a_reference_into_another_act_is_external_even_when_this_bill_has_that_number(bill: Bill) -> None:
    energy = cited(bill, "s3_2_A", "paragraph (3) of section 7002(c) of the Energy Act of 2020")
    assert (energy.kind, energy.targets) == ("statute", ())
    assert energy.url == "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title30-section1606"
    trade = cited(bill, "s4_f_2_B", "subsections (b) through (f) of section 152 of the Trade Act of 1974")
    assert trade.kind == "statute"  # not subsections (b) to (f) of section 4
    tariff = cited(bill, "s4_g_3", "title VII of the Tariff Act of 1930")
    assert tariff.kind == "statute"


def test_us_code_citations_link_to_the_official_us_code_site(bill: Bill) -> None:
    usc = cited(bill, "s3_2_A", "30 U.S.C. 1606(c)")
    assert usc.kind == "usc"
    assert usc.url == "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title30-section1606"
    assert cited(bill, "s4_g_3", "19 U.S.C. 1671 et seq.").url.endswith("title19-section1671")  # type: ignore[union-attr]


def test_a_citation_wrapped_across_lines_is_found_and_located_where_it_starts(bill: Bill) -> None:
    usc = cited(bill, "s3_4_A", "42 U.S.C. 19221(a)(1)")  # "(42 U.S.C. \n19221(a)(1))" in the file
    assert (usc.line, usc.column) == (97, 50)
    paragraph = cited(bill, "s4_e_2", "paragraph (1)")  # "paragraph \n(1)"
    assert (paragraph.line, paragraph.column) == (181, 62)


def test_public_law_and_cfr_citations_are_collected_with_links() -> None:
    text = (
        "SEC. 2. APPLICATION.\n\n    This Act applies to programs under Public Law 117-167 and "
        "under part 231 of title 15, Code of Federal Regulations.\n"
    )
    bill = parse_text(text)
    public_law = next(c for c in bill.citations if c.kind == "public-law")
    assert public_law.url == "https://www.govinfo.gov/link/plaw/117/public/167"
    cfr = next(c for c in bill.citations if c.kind == "cfr")
    assert cfr.url == "https://www.ecfr.gov/current/title-15/part-231"


def test_a_reference_inside_quoted_text_is_not_resolved(bill: Bill) -> None:
    # s4_f_1_B quotes the joint resolution, which names "section 4(e)(1)"
    assert not [c for c in bill.citations if c.source == "s4_f_1_B"]


def test_inside_an_amendment_a_bare_reference_is_to_the_amended_law() -> None:
    text = (
        "SEC. 2. AMENDMENTS.\n\n    Section 12 of the Widget Act (15 U.S.C. 9999) is amended--\n"
        "            (1) in subsection (a), by striking ``2025'' and inserting ``2027''; and\n"
        "            (2) in subsection (b)(3), by striking ``may'' and inserting ``shall''.\n"
    )
    bill = parse_text(text)
    kinds = [(c.source, c.text, c.kind) for c in bill.citations if c.source.startswith("s2_")]
    assert kinds == [("s2_1", "subsection (a)", "amended-law"), ("s2_2", "subsection (b)(3)", "amended-law")]
    assert bill.diagnostics == ()


def test_a_reference_that_resolves_to_nothing_is_a_diagnostic() -> None:
    text = (
        "SEC. 2. REPORTS.\n\n    (a) In General.--The Secretary shall report as described in "
        "subsection (c).\n    (b) Form.--Reports under subsection (a) shall be public.\n"
    )
    bill = parse_text(text, source="reports.txt")
    citation = cited(bill, "s2_a", "subsection (c)")
    assert (citation.resolved, citation.targets) == (False, ())
    [diagnostic] = bill.diagnostics
    assert diagnostic.code == "unresolved-citation"
    assert diagnostic.message == "sec. 2(a): 'subsection (c)' refers to no provision of this bill"
    assert (diagnostic.line, diagnostic.column, diagnostic.provision) == (3, 65, "s2_a")
    with pytest.raises(BillStrictError) as raised:
        parse_text(text, source="reports.txt", strict=True)
    assert str(raised.value).startswith(
        "reports.txt:3:65: error: sec. 2(a): 'subsection (c)' refers to no provision of this bill "
        "[unresolved-citation]"
    )
    assert "more diagnostic" not in str(raised.value)


@pytest.mark.parametrize(("references", "more"), [
    ("subsection (c) and subsection (d)", "(and 1 more diagnostic)"),
    ("subsection (c), subsection (d) and subsection (e)", "(and 2 more diagnostics)"),
])
def test_strict_counts_the_diagnostics_after_the_first_in_words(references: str, more: str) -> None:
    text = f"SEC. 1. REPORTS.\n\n    (a) In General.--The Secretary shall act under {references}.\n"
    with pytest.raises(BillStrictError) as raised:
        parse_text(text, source="reports.txt", strict=True)
    assert str(raised.value).splitlines()[0].endswith(f"[unresolved-citation] {more}")


def test_the_working_text_resolves_every_internal_reference(bill: Bill) -> None:
    internal = [c for c in bill.citations if c.kind == "internal"]
    assert len(internal) == 30
    assert all(c.resolved and all(t in bill for t in c.targets) for c in internal)


def test_a_provision_of_one_line_is_located_as_the_general_case_locates_it() -> None:
    # Most units are one line, and are located without the regular expressions of the
    # general case: every line of up to four characters of spaces (Unicode ones too), tabs,
    # carriage returns and letters, with and without its newline, comes out the same.
    def general(segment: str) -> tuple[str, array[int], array[int]]:
        offsets, indents, offset = array("q"), array("q"), 0
        for row in _ROW.finditer(segment):
            offsets.append(offset)
            indents.append(row.end(1) - row.start(1))
            offset += row.end(2) - row.start(2) + 1
        return _LINE_BREAK.sub(" ", _LEADING_SPACE.sub("", segment, count=1)), offsets, indents

    for size in range(1, 5):
        for chars in itertools.product(" a\t\r\u00a0b\u2003", repeat=size):
            for end in ("", "\n"):
                segment = "".join(chars) + end
                assert _Locator._one_line_view(segment) == general(segment), repr(segment)
