"""The working text of S. 2839 as parsed: its outline, masthead, labels, lines, hashes and provenance."""

from __future__ import annotations

import tomllib
from pathlib import Path

from generator.cli.parse import render_outline
from grammar import Bill, parse_text

ROOT = Path(__file__).resolve().parents[2]
STATUTE = ROOT / "statute" / "s2839-is.txt"
PROVENANCE = ROOT / "statute" / "provenance.toml"

# Every provision of sections 1 to 6, by id and heading (or first words), as
# `billtrace parse statute/s2839-is.txt` prints it.
OUTLINE = """\
S. 2839 (IS) Restoring American Mineral Security Act of 2025
s1  SHORT TITLE
s2  SENSE OF CONGRESS
  s2_1  a reliable supply chain of critical minerals is essential ...
  s2_2  as of the date of the enactment of this Act, the United ...
  s2_3  the Government of the People's Republic of China has ...
  s2_4  the United States must use trade tools to combat those ...
  s2_5  by building an alliance of trusted trading partners, the ...
s3  DEFINITIONS
  s3_1  Appropriate congressional committees
    s3_1_A  the Committee on Finance of the Senate; and
    s3_1_B  the Committee on Ways and Means of the House of ...
  s3_2  Critical mineral
    s3_2_A  on the list of critical minerals required by paragraph (3) ...
    s3_2_B  added to that list after January 1, 2026.
  s3_3  Derivative product
    s3_3_A  means a good that incorporates a critical mineral as a ...
    s3_3_B  does not include a critical mineral that has been mined or ...
  s3_4  Foreign country of concern
    s3_4_A  has the meaning given the term in section 10612(a)(1) of ...
    s3_4_B  includes Venezuela.
  s3_5  Foreign entity of concern
  s3_6  Processed
  s3_7  Select derivative product
    s3_7_A  A permanent magnet.
    s3_7_B  A lithium-ion battery for an electric vehicle.
    s3_7_C  A lithium-ion battery for a use other than in an electric ...
    s3_7_D  A battery part that is subject to duties imposed under ...
  s3_8  Trade representative
s4  CRITICAL MINERALS SECURITY ALLIANCE
  s4_a  Authority To Negotiate
    s4_a_1  In general
    s4_a_2  Consultation
  s4_b  Eligibility Criteria
    s4_b_1  increase the rates of duty imposed by the country on mined ...
    s4_b_2  meet on a regular basis with the other members of the ...
    s4_b_3  conduct, and share with the other members of the Alliance, ...
    s4_b_4  eliminate duties (other than antidumping and countervailing ...
    s4_b_5  take complementary actions with respect to--
      s4_b_5_A  illicit transshipment of critical minerals and select ...
      s4_b_5_B  the screening of investments; and
      s4_b_5_C  trade remedies.
  s4_c  Implementation of Commitments
    s4_c_1  allow the country to phase in the increase in rates of duty ...
    s4_c_2  accept non-tariff measures that the Trade Representative ...
  s4_d  Negotiating Objectives
    s4_d_1  not less than 90 percent of the critical minerals on the ...
    s4_d_2  all select derivative products.
  s4_e  Admission to the Alliance
    s4_e_1  Certification
    s4_e_2  Congressional review
    s4_e_3  Modifications
  s4_f  Joint Resolution of Disapproval
    s4_f_1  Definition
      s4_f_1_A  that is introduced during the 90-day period described in ...
      s4_f_1_B  the sole matter after the resolving clause of which is as ...
    s4_f_2  Procedures
      s4_f_2_A  Referral
        s4_f_2_A_i  introduced in the Senate shall be referred to the Committee ...
        s4_f_2_A_ii  introduced in the House of Representatives shall be ...
      s4_f_2_B  Expedited procedures
      s4_f_2_C  Rules of the senate and house of representatives
        s4_f_2_C_i  as an exercise of the rulemaking power of the Senate and ...
        s4_f_2_C_ii  with full recognition of the constitutional right of either ...
  s4_g  Treatment of Imports From Members of the Alliance
    s4_g_1  Duty-free treatment
    s4_g_2  Exemption from certain duties
    s4_g_3  Antidumping and countervailing duties
  s4_h  Reviews
    s4_h_1  In general
    s4_h_2  Elements
      s4_h_2_A  assess the capacity of the United States to extract and ...
      s4_h_2_B  determine whether to terminate or modify the Alliance;
      s4_h_2_C  determine whether to remove from coverage under the ...
      s4_h_2_D  reassess the rates of duty imposed by members of the ...
  s4_i  Annual Reports
    s4_i_1  the engagement of the Trade Representative with trading ...
    s4_i_2  any deficiencies of trading partners in meeting the ...
    s4_i_3  the information on capacity shared by members of the ...
s5  DUTIES ON CRITICAL MINERALS AND SELECT DERIVATIVE PRODUCTS FROM FOREIGN COUNTRIES OF CONCERN AND FOREIGN ENTITIES OF CONCERN
  s5_a  In General
  s5_b  Goods Sourced From a Foreign Entity of Concern
  s5_c  Implementation
s6  CRITICAL MINERAL MINING AND PROCESSING TRUST FUND
  s6_a  Establishment
  s6_b  Transfers to Trust Fund
    s6_b_1  In general
    s6_b_2  Adjustments
  s6_c  Use of Amounts
    s6_c_1  Department of energy
    s6_c_2  Department of defense
    s6_c_3  United states international development finance corporation
  s6_d  Support in Certain Countries
    s6_d_1  In general
      s6_d_1_A  the President certifies to the appropriate congressional ...
      s6_d_1_B  the project--
        s6_d_1_B_i  includes the participation of a United States person in the ...
        s6_d_1_B_ii  is the subject of a commitment by the Department of Defense ...
    s6_d_2  Income groups
"""


def test_the_outline_lists_every_provision_of_sections_1_to_6(bill: Bill) -> None:
    assert render_outline(bill) + "\n" == OUTLINE


def test_the_working_text_has_98_provisions_under_six_sections(bill: Bill) -> None:
    assert [p.id for p in bill.provisions] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert len(bill.ids) == 98


def test_the_masthead_is_read_into_the_metadata(bill: Bill) -> None:
    meta = bill.meta
    assert (meta.congress, meta.session, meta.measure, meta.number) == (119, 1, "S.", 2839)
    assert (meta.version, meta.version_name, meta.document_type) == ("IS", "Introduced in Senate", "bill")
    assert meta.chamber == "Senate"
    assert meta.date is not None and meta.date.isoformat() == "2025-09-17"
    assert meta.legislative_day is not None and meta.legislative_day.isoformat() == "2025-09-16"
    assert meta.sponsor == (
        "Ms. Cortez Masto (for herself and Mr. Hagerty) introduced the following bill; "
        "which was read twice and referred to the Committee on Finance"
    )
    assert meta.committees == ("Committee on Finance",)
    assert meta.long_title == (
        "To provide for the establishment of a Critical Minerals Security Alliance, and for other purposes."
    )
    assert meta.short_title == "Restoring American Mineral Security Act of 2025"
    assert bill.preamble == (
        "Be it enacted by the Senate and House of Representatives of the United States of "
        "America in Congress assembled,"
    )


def test_each_provision_carries_the_label_counsel_would_cite_it_by(bill: Bill) -> None:
    assert bill.get("s4").label == "sec. 4"
    assert bill.get("s4_b_5_A").label == "sec. 4(b)(5)(A)"
    assert bill.get("s4_f_2_C_ii").label == "sec. 4(f)(2)(C)(ii)"
    assert bill.get("s3_2").label == "sec. 3(2)"


def test_a_wrapped_section_heading_is_read_whole(bill: Bill) -> None:
    assert bill.get("s5").heading == (
        "DUTIES ON CRITICAL MINERALS AND SELECT DERIVATIVE PRODUCTS FROM FOREIGN COUNTRIES "
        "OF CONCERN AND FOREIGN ENTITIES OF CONCERN"
    )
    assert (bill.get("s5").line_start, bill.get("s5_a").line_start) == (278, 282)


def test_a_heading_that_wraps_inside_a_paragraph_is_split_from_its_text(bill: Bill) -> None:
    provision = bill.get("s4_f_2_C")
    assert provision.heading == "Rules of the senate and house of representatives"
    assert provision.text == "This subsection is enacted by Congress--"


def test_chapeau_own_text_and_children_are_kept_apart(bill: Bill) -> None:
    provision = bill.get("s4_b")
    assert provision.heading == "Eligibility Criteria"
    assert provision.chapeau == (
        "A country is eligible to become a member of the Alliance if the country commits to--"
    )
    assert [child.id for child in provision.children] == ["s4_b_1", "s4_b_2", "s4_b_3", "s4_b_4", "s4_b_5"]
    leaf = bill.get("s4_b_5_C")
    assert (leaf.text, leaf.chapeau, leaf.flush) == ("trade remedies.", "", "")


def test_text_is_unwrapped_with_whitespace_normalised(bill: Bill) -> None:
    assert bill.get("s3_2_A").text == (
        "on the list of critical minerals required by paragraph (3) of section 7002(c) of the "
        "Energy Act of 2020 (30 U.S.C. 1606(c)) on January 1, 2026; or"
    )


def test_line_ranges_point_at_the_provision_in_the_file(bill: Bill) -> None:
    lines = STATUTE.read_text(encoding="utf-8").split("\n")
    for provision in bill.walk():
        first = lines[provision.line_start - 1]
        if provision.kind == "section":
            assert first.startswith(("SECTION", "SEC.")), provision.id
        else:
            assert first.lstrip().startswith(f"({provision.designation})"), provision.id
        assert provision.line_start <= provision.line_end
    assert (bill.get("s4").line_start, bill.get("s4").line_end) == (121, 276)


def test_a_changed_word_changes_the_hash_of_its_provision_and_of_those_above_only(bill: Bill) -> None:
    text = STATUTE.read_text(encoding="utf-8").replace("than 5 years; or", "than 7 years; or")
    changed = parse_text(text)
    differ = {p.id for p in bill.walk() if p.hash != changed.get(p.id).hash}
    assert differ == {"s4_c_1", "s4_c", "s4"}


def test_the_working_text_parses_without_diagnostics(bill: Bill) -> None:
    assert bill.diagnostics == ()


def test_every_provision_has_exactly_one_provenance_entry(bill: Bill) -> None:
    table = tomllib.loads(PROVENANCE.read_text(encoding="utf-8"))
    assert sorted(table) == sorted(bill.ids)
    for provision_id, entry in table.items():
        assert entry["status"] in ("official", "summary", "assumed"), provision_id
        assert entry["note"].strip(), provision_id


def test_provenance_marks_the_official_words_and_what_was_assumed(bill: Bill) -> None:
    table = tomllib.loads(PROVENANCE.read_text(encoding="utf-8"))
    official = {pid for pid, entry in table.items() if entry["status"] == "official"}
    assert official == {
        "s1", "s2", "s2_1", "s2_2", "s2_3", "s2_4", "s2_5",
        "s3_1", "s3_1_A", "s3_1_B", "s3_2", "s3_2_A", "s3_2_B", "s3_3",
    }
    assert table["s3_3_A"]["status"] == "assumed"
    assert table["s3_4_A"]["status"] == "assumed"
