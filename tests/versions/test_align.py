"""Aligning two texts: pairs and change types, on texts of our own writing."""

from __future__ import annotations

import re

from versions_texts import CUT, JOINED, WORKING, bill

from generator.versions import CHANGES, Comparison, compare
from grammar import Bill, parse_text


def pair(comparison: Comparison, old: str | None, new: str | None) -> str:
    """The change type of the pair (old, new); fails when the alignment has no such pair."""
    found = [p.change for p in comparison.pairs if p.old == old and p.new == new]
    assert found, f"no pair {old} -> {new}"
    return found[0]


def test_an_inserted_subsection_renumbers_the_later_ones_without_changing_them(reported: Comparison) -> None:
    assert pair(reported, None, "s4_e") == "added"
    assert pair(reported, "s4_e", "s4_f") == "renumbered"
    assert pair(reported, "s4_g", "s4_h") == "renumbered"
    assert pair(reported, "s4_h", "s4_i") == "renumbered"
    # their parts follow them, unchanged
    assert pair(reported, "s4_e_1", "s4_f_1") == "same"
    assert pair(reported, "s4_h_2_D", "s4_i_2_D") == "same"


def test_a_conforming_reference_makes_its_provision_reworded_with_the_reference_named(reported: Comparison) -> None:
    assert pair(reported, "s4_f_1_A", "s4_g_1_A") == "reworded"
    details = next(p.details for p in reported.pairs if p.old == "s4_f_1_A")
    assert ("reference-renumbered", "subsection (e)(2)", "subsection (f)(2)") in [
        (d.kind, d.before, d.after) for d in details]


def test_a_dropped_list_item_is_removed_and_the_next_one_renumbered(reported: Comparison) -> None:
    assert pair(reported, "s4_i_2", None) == "removed"
    assert pair(reported, "s4_i_3", "s4_j_2") == "renumbered"
    parent = next(p for p in reported.pairs if p.old == "s4_i")
    assert parent.new == "s4_j" and parent.change == "reworded"
    assert [d.kind for d in parent.details if d.kind.startswith("item")] == ["item-dropped"]
    assert "sec. 4(i)(2) any deficiencies" in next(d.before for d in parent.details if d.kind == "item-dropped")


def test_sections_that_change_places_are_renumbered_not_rewritten(reported: Comparison) -> None:
    assert pair(reported, "s6", "s5") == "renumbered"
    assert pair(reported, "s5", "s6") == "renumbered"
    assert pair(reported, "s6_d_1_B_ii", "s5_d_1_B_ii") == "same"


def test_words_changed_in_place_are_reworded(reported: Comparison) -> None:
    assert pair(reported, "s3_4_B", "s3_4_B") == "reworded"
    assert pair(reported, "s6_c_1", "s5_c_1") == "reworded"
    assert pair(reported, "s5_c", "s6_c") == "reworded"


def test_nothing_else_changed(reported: Comparison) -> None:
    changed = {(p.old, p.new) for p in reported.pairs if p.change not in {"same", "renumbered"}}
    assert changed == {
        ("s3_4_B", "s3_4_B"), ("s4", "s4"), ("s4_a_2", "s4_a_2"), ("s4_c_1", "s4_c_1"), (None, "s4_e"),
        ("s4_f_1_A", "s4_g_1_A"), ("s4_f_1_B", "s4_g_1_B"), ("s4_i", "s4_j"), ("s4_i_1", "s4_j_1"),
        ("s4_i_2", None), ("s6_c_1", "s5_c_1"), ("s6_c_2", "s5_c_2"), ("s5_c", "s6_c"),
    }
    assert reported.counts()["same"] == 79


def test_every_provision_of_each_text_is_in_the_pairs(reported: Comparison, working: Bill, draft: Bill) -> None:
    assert {p.old for p in reported.pairs if p.old} == working.ids
    assert {p.new for p in reported.pairs if p.new} == draft.ids
    assert all(p.change in CHANGES and 0 <= p.similarity <= 1 for p in reported.pairs)


def test_the_working_text_against_its_flattened_copy_is_all_same(working: Bill) -> None:
    flattened = parse_text("\n".join(line.lstrip() for line in WORKING.read_text(encoding="utf-8").splitlines()))
    comparison = compare(working, flattened)
    assert {p.change for p in comparison.pairs} == {"same"}
    assert all(p.old == p.new for p in comparison.pairs)
    assert comparison.impact == ()


def test_a_bill_against_itself_with_sections_reordered_is_all_same(working: Bill) -> None:
    text = WORKING.read_text(encoding="utf-8")
    sections = [m.start() for m in re.finditer(r"^SEC(?:TION|\.) \d+\.", text, re.MULTILINE)]
    end = text.index("\n\n\n\n\n                                 <all>")
    parts = [text[a:b].rstrip("\n") + "\n\n" for a, b in zip(sections, [*sections[1:], end], strict=True)]
    reordered = text[:sections[0]] + "".join([parts[0], parts[4], parts[2], parts[3], parts[1], parts[5]]) + text[end:]
    comparison = compare(working, parse_text(reordered))
    assert {p.change for p in comparison.pairs} == {"same"}
    assert all(p.old == p.new for p in comparison.pairs)


def test_a_section_inserted_at_the_top_leaves_every_later_section_renumbered_only() -> None:
    body = ("SEC. {n}. {name}.\n\n    The Secretary of {name} shall submit to Congress an annual report on the "
            "{name} programs of the Department.\n\n")
    names = ["Energy", "Defense", "Commerce", "Labor"]
    old = bill("".join(body.format(n=n, name=name) for n, name in enumerate(names, start=1)))
    new = bill("".join(body.format(n=n, name=name) for n, name in enumerate(["State", *names], start=1)))
    comparison = compare(old, new)
    assert [(p.old, p.new, p.change) for p in comparison.pairs] == [
        (None, "s1", "added"), ("s1", "s2", "renumbered"), ("s2", "s3", "renumbered"),
        ("s3", "s4", "renumbered"), ("s4", "s5", "renumbered")]


TWO_SECTIONS = """\
SEC. 2. GRANTS.

    (a) In General.--The Secretary shall award grants to eligible
entities for research on the safety of consumer gadgets.
    (b) Reports.--Each recipient of a grant under subsection (a) shall
submit to the Secretary an annual report on the use of the grant funds.

SEC. 3. AUTHORIZATION.

    (a) In General.--There is authorized to be appropriated $5,000,000
for each of fiscal years 2026 through 2030 to carry out this Act.
"""


def test_a_subsection_taken_to_another_section_is_moved() -> None:
    old = bill(TWO_SECTIONS)
    new = bill(TWO_SECTIONS.replace("""    (b) Reports.--Each recipient of a grant under subsection (a) shall
submit to the Secretary an annual report on the use of the grant funds.
""", "") + """    (b) Reports.--Each recipient of a grant under section 2(a) shall
submit to the Secretary an annual report on the use of the grant funds.
""")
    comparison = compare(old, new)
    moved = next(p for p in comparison.pairs if p.old == "s2_b")
    assert (moved.new, moved.change) == ("s3_b", "moved")
    assert moved.similarity > 0.9
    assert ("citation", "subsection (a)", "section 2(a)") not in [(d.kind, d.before, d.after) for d in moved.details]


def test_a_subsection_cut_in_two_is_split_and_two_joined_are_merged() -> None:
    joined, cut = bill(JOINED), bill(CUT)
    split = compare(joined, cut)
    assert sorted((p.old, p.new) for p in split.pairs if p.change == "split") == [("s2_a", "s2_a"), ("s2_a", "s2_b")]
    assert pair(split, "s2_b", "s2_c") == "renumbered"
    merged = compare(cut, joined)
    assert sorted((p.old, p.new) for p in merged.pairs if p.change == "merged") == [("s2_a", "s2_a"), ("s2_b", "s2_a")]
