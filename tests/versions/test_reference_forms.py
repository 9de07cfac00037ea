"""A reference that only follows its target's new number is `reference-renumbered` and affects nothing,
in every form the citations layer resolves and in a quotation naming this Act by its short title."""

from __future__ import annotations

import re

import pytest
from versions_texts import bill

from generator.versions import Comparison, compare
from generator.versions.render import render_comparison

# A subsection (b) is inserted, so (b) to (e) become (c) to (f); sec. 2(d) defines a term that (e) uses,
# so a change of its words that is more than a conforming one affects (e).
BODY = """\
SEC. 1. SHORT TITLE.

    This Act may be cited as the ``Gadget Safety Act of 2026''.

SEC. 2. GADGETS.

    (a) In General.--The Secretary shall regulate gadgets.
{inserted}    ({b}) Standards.--
            (1) In general.--The Secretary shall issue standards for
        gadgets sold in interstate commerce.
            (2) Review.--The Secretary shall review the standards every
        year after they are issued.
    ({c}) Penalties.--A person who violates a standard shall pay a
civil penalty.
    ({d}) Objection Defined.--In this section, the term ``objection''
means a letter to the Secretary that {cite}.
    ({e}) Hearings.--The Secretary shall hold a hearing on each objection.
"""
LABELS = "    (b) Labels.--The Secretary shall require a label on every gadget.\n"


def renumbered(old_cite: str, new_cite: str) -> Comparison:
    """The text before the insertion citing ``old_cite`` in sec. 2(d), and after it citing ``new_cite``."""
    old = BODY.format(inserted="", b="b", c="c", d="d", e="e", cite=old_cite)
    new = BODY.format(inserted=LABELS, b="c", c="d", d="e", e="f", cite=new_cite)
    return compare(bill(old), bill(new))


def typed(comparison: Comparison) -> list[tuple[str, str, str]]:
    pair = next(p for p in comparison.pairs if p.old == "s2_d")
    assert pair.new == "s2_e"
    return [(d.kind, d.before, d.after) for d in pair.details if d.kind != "designation"]


FORMS = [
    # (what the form is, the citing words before and after, the references as the details show them)
    ("relative subsection", "cites subsection (b)", "cites subsection (c)",
     [("subsection (b)", "subsection (c)")]),
    ("relative, with a paragraph", "cites subsection (b)(1)", "cites subsection (c)(1)",
     [("subsection (b)(1)", "subsection (c)(1)")]),
    ("compound section", "cites section 2(b)(1)", "cites section 2(c)(1)",
     [("section 2(b)(1)", "section 2(c)(1)")]),
    ("chained", "cites paragraph (2) of subsection (b)", "cites paragraph (2) of subsection (c)",
     [("paragraph (2) of subsection (b)", "paragraph (2) of subsection (c)")]),
    ("chained to a section", "cites paragraph (1) of section 2(b)", "cites paragraph (1) of section 2(c)",
     [("paragraph (1) of section 2(b)", "paragraph (1) of section 2(c)")]),
    ("a list", "cites subsection (b) or (c)", "cites subsection (c) or (d)",
     [("subsection (b) or (c)", "subsection (c) or (d)")]),
    ("a range", "cites subsections (b) through (c)", "cites subsections (c) through (d)",
     [("subsections (b) through (c)", "subsections (c) through (d)")]),
    ("of this Act", "cites section 2(b) of this Act", "cites section 2(c) of this Act",
     [("section 2(b) of this Act", "section 2(c) of this Act")]),
    ("this Act by its short title", "cites section 2(b) of the Gadget Safety Act of 2026",
     "cites section 2(c) of the Gadget Safety Act of 2026", [("section 2(b)", "section 2(c)")]),
    ("inside a parenthesis", "cites a standard (as described in subsection (b)(1))",
     "cites a standard (as described in subsection (c)(1))", [("subsection (b)(1)", "subsection (c)(1)")]),
    # the old words of one reference are the new words of another: each still follows its own target
    ("references trading words", "cites subsection (c), subsection (b), or paragraph (2) of subsection (b)",
     "cites subsection (d), subsection (c), or paragraph (2) of subsection (c)",
     [("subsection (c)", "subsection (d)"), ("subsection (b)", "subsection (c)"),
      ("paragraph (2) of subsection (b)", "paragraph (2) of subsection (c)")]),
    # a quoted joint resolution naming this Act by its short title: the words of sec. 4(g)(1)(B) of
    # our drafted reported version
    ("in a quotation, this Act by its short title",
     "reads as follows: ``I object to the standards under section 2(b)(1) of the Gadget Safety Act of 2026.''",
     "reads as follows: ``I object to the standards under section 2(c)(1) of the Gadget Safety Act of 2026.''",
     [("section 2(b)(1)", "section 2(c)(1)")]),
    ("in straight quotes, this Act by its short title",
     'reads as follows: "I object to the standards under section 2(b)(1) of the Gadget Safety Act of 2026."',
     'reads as follows: "I object to the standards under section 2(c)(1) of the Gadget Safety Act of 2026."',
     [("section 2(b)(1)", "section 2(c)(1)")]),
]


@pytest.mark.parametrize(("form", "before", "after", "references"), FORMS, ids=[f[0] for f in FORMS])
def test_a_reference_following_its_renumbered_target_is_reference_renumbered_and_affects_nothing(
        form: str, before: str, after: str, references: list[tuple[str, str]]) -> None:
    comparison = renumbered(before, after)
    assert typed(comparison) == [("reference-renumbered", old, new) for old, new in references], form
    # the definition means what it meant: the provision using its term is not affected
    assert comparison.impact == (), [c.message for a in comparison.impact for c in a.causes]


def test_a_reference_re_pointed_at_another_provision_is_a_citation_change_and_affects_the_term_s_users() -> None:
    comparison = renumbered("cites subsection (b)", "cites subsection (a)")
    assert typed(comparison) == [("citation", "subsection (b)", "subsection (a)")]
    assert [(a.provision, [c.message for c in a.causes]) for a in comparison.impact] == [
        ("s2_f", ["sec. 2(e) changed; this provision uses `objection`"])]


def test_a_quoted_reference_left_unchanged_by_the_renumbering_names_another_provision() -> None:
    quoted = "reads as follows: ``I object to the standards under section 2(b)(1) of the Gadget Safety Act of 2026.''"
    comparison = renumbered(quoted, quoted)  # the conforming change left undone: 2(b)(1) is now nothing
    assert typed(comparison) == [("citation", "section 2(b)(1) (sec. 2(b)(1))", "section 2(b)(1) (no provision)")]
    assert [a.provision for a in comparison.impact] == ["s2_e", "s2_f"]  # the definition, and its term's user


def test_a_quoted_reference_to_another_law_is_not_this_act_s() -> None:
    comparison = renumbered("reads as follows: ``I object under section 2(b)(1) of the Trade Act of 1974.''",
                            "reads as follows: ``I object under section 2(c)(1) of the Trade Act of 1974.''")
    assert typed(comparison) == []  # the words changed; no reference of this Act followed a renumbering
    assert [a.provision for a in comparison.impact] == ["s2_f"]


def test_sec_4_g_1_B_of_the_reported_version_follows_the_renumbered_certification(reported: Comparison) -> None:
    pair = next(p for p in reported.pairs if p.old == "s4_f_1_B")
    assert [(d.kind, d.before, d.after) for d in pair.details] == [
        ("reference-renumbered", "section 4(e)(1)", "section 4(f)(1)")]  # as its sibling (A)'s reference
    shown = render_comparison(reported, "old.txt", "new.txt")
    assert re.search(r"sec\. 4\(f\)\(1\)\(B\) -> sec\. 4\(g\)\(1\)\(B\) .*\n"
                     r"      reference-renumbered: section 4\(e\)\(1\) -> section 4\(f\)\(1\)\n", shown)
    # so the definition of `joint resolution of disapproval` (sec. 4(g)(1)) did not change, and no
    # provision using the term is affected through it
    causes = [c for a in reported.impact for c in a.causes]
    assert not [c.message for c in causes if c.changed == "s4_g_1" or "sec. 4(g)(1) changed" in c.message]


def test_a_reference_naming_nothing_in_either_text_is_no_change_and_affects_nothing() -> None:
    # the parser warns of it in each text; the diff neither calls it re-pointed nor stops on it
    comparison = renumbered("cites subsection (z)", "cites subsection (z)")
    assert typed(comparison) == [] and comparison.impact == ()
    comparison = renumbered("cites subsection (y)", "cites subsection (z)")  # both name nothing: not a renumbering
    assert typed(comparison) == [("citation", "subsection (y)", "subsection (z)")]
