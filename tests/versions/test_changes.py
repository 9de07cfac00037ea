"""Typed changes inside a pair, and the impact of a change beyond a provision's own words."""

from __future__ import annotations

from versions_texts import bill

from generator.versions import Comparison, compare


def typed(comparison: Comparison, old: str) -> list[tuple[str, str, str]]:
    pair = next(p for p in comparison.pairs if p.old == old)
    return [(d.kind, d.before, d.after) for d in pair.details]


def test_a_percentage_changed_shows_before_and_after(reported: Comparison) -> None:
    assert ("percentage", "60 percent", "50 percent") in typed(reported, "s6_c_1")
    assert ("percentage", "20 percent", "30 percent") in typed(reported, "s6_c_2")


def test_a_period_changed_shows_before_and_after(reported: Comparison) -> None:
    assert typed(reported, "s4_c_1") == [("period", "5 years", "3 years")]


def test_shall_and_may_swapped(reported: Comparison) -> None:
    assert ("modal", "shall", "may") in typed(reported, "s5_c")


def test_an_actor_changed(reported: Comparison) -> None:
    assert typed(reported, "s4_a_2") == [("actor", "Secretary of State", "Secretary of Energy")]


def test_a_list_item_added_is_named_on_its_parent(reported: Comparison) -> None:
    kinds = typed(reported, "s4")
    assert [k for k, _, _ in kinds] == ["item-added"]
    assert kinds[0][2].startswith("sec. 4(e) Consultation With Industry.--Before certifying a country")


def test_a_renumbered_provision_names_its_old_and_new_designation(reported: Comparison) -> None:
    assert typed(reported, "s4_e") == [("designation", "sec. 4(e)", "sec. 4(f)")]
    assert typed(reported, "s4_e_1") == []  # it follows its parent: nothing of its own changed


def test_a_date_and_an_amount_changed() -> None:
    old = bill("SEC. 2. AUTHORIZATION.\n\n    There is authorized to be appropriated $5,000,000 for the period\n"
               "beginning on January 1, 2026.\n")
    new = bill("SEC. 2. AUTHORIZATION.\n\n    There is authorized to be appropriated $7,500,000 for the period\n"
               "beginning on July 1, 2027.\n")
    kinds = typed(compare(old, new), "s2")
    assert ("amount", "$5,000,000", "$7,500,000") in kinds
    assert ("date", "January 1, 2026", "July 1, 2027") in kinds


def test_a_cross_reference_re_pointed_is_a_citation_change() -> None:
    body = ("SEC. 2. GRANTS.\n\n    (a) Eligibility.--An entity is eligible if it does research.\n"
            "    (b) Priority.--An entity is a priority if it serves rural areas.\n"
            "    (c) Awards.--The Secretary shall award grants to the entities described in subsection {x}.\n")
    kinds = typed(compare(bill(body.format(x="(a)")), bill(body.format(x="(b)"))), "s2_c")
    assert ("citation", "subsection (a)", "subsection (b)") in kinds


def test_a_changed_definition_affects_every_provision_using_the_term(reported: Comparison) -> None:
    affected = {a.provision: [c.message for c in a.causes] for a in reported.impact}
    assert affected["s4_b_1"] == ["sec. 3(4) changed; this provision uses `foreign country of concern`"]
    assert "sec. 3(4) changed; this provision uses `foreign country of concern`" in affected["s6_a"]
    # the definition itself and its parts are not "affected": their own words changed
    assert "s3_4" not in affected and "s3_4_B" not in affected


def test_a_changed_provision_affects_the_provisions_citing_it(reported: Comparison) -> None:
    affected = {a.provision: [c.message for c in a.causes] for a in reported.impact}
    assert affected["s5_c_3"] == ["sec. 5(c)(1) changed; this provision cites it (``paragraph (1)``)"]


def test_a_provision_whose_own_words_changed_is_never_listed_as_merely_affected(reported: Comparison) -> None:
    # sec. 6(c)(2) cites paragraph (1), which changed, but its own 20 percent became 30 too: it is a
    # changed pair, and its own change is what a person reads
    assert ("percentage", "20 percent", "30 percent") in typed(reported, "s6_c_2")
    assert "s5_c_2" not in {a.provision for a in reported.impact}
    body = ("SEC. 2. GRANTS.\n\n    (a) Amount.--A grant shall be not more than {a}.\n"
            "    (b) Match.--A grant under subsection (a) {b} be matched in full.\n")
    both = compare(bill(body.format(a="$1,000", b="shall")), bill(body.format(a="$2,000", b="may")))
    assert ("amount", "$1,000", "$2,000") in typed(both, "s2_a") and typed(both, "s2_b") == [("modal", "shall", "may")]
    assert both.impact == ()  # (b) cites the changed (a), and is listed with its own change alone
    only_a = compare(bill(body.format(a="$1,000", b="shall")), bill(body.format(a="$2,000", b="shall")))
    assert [a.provision for a in only_a.impact] == ["s2_b"]  # words unchanged: affected


def test_renumbering_and_conforming_references_alone_affect_nothing() -> None:
    body = ("SEC. 2. DEFINITIONS.\n\n    In this Act:\n{new}"
            "            ({g}) Gadget.--The term ``gadget'' means a device sold to consumers.\n"
            "            ({w}) Widget.--The term ``widget'' means a gadget with a dial.\n\n"
            "SEC. 3. GRANTS.\n\n    (a) In General.--The Secretary shall award grants for research on each "
            "gadget.\n    (b) Scope.--A grant under subsection (a) shall cover gadgets as defined in "
            "section 2({g}).\n")
    old = bill(body.format(new="", g="1", w="2"))
    new = bill(body.format(new="            (1) Appliance.--The term ``appliance'' means a machine.\n", g="2", w="3"))
    comparison = compare(old, new)
    assert [(p.old, p.new, p.change) for p in comparison.pairs if p.change != "same"] == [
        ("s2", "s2", "reworded"), (None, "s2_1", "added"), ("s2_1", "s2_2", "renumbered"),
        ("s2_2", "s2_3", "renumbered"), ("s3_b", "s3_b", "reworded")]
    assert ("reference-renumbered", "section 2(1)", "section 2(2)") in typed(comparison, "s3_b")
    assert comparison.impact == ()


def typed_words(before: str, after: str) -> list[tuple[str, str, str]]:
    """The typed changes when subsection (a) of a section of our own writing says ``after`` for ``before``."""
    body = "SEC. 2. GRANTS.\n\n    (a) In General.--{}\n    (b) Reports.--The Secretary shall report each year.\n"
    return typed(compare(bill(body.format(before)), bill(body.format(after))), "s2_a")


def test_a_changed_year_is_a_date_shown_whole() -> None:
    assert typed_words("The program ends on January 1, 2026, or on a later date the Secretary sets.",
                       "The program ends on January 1, 2027, or on a later date the Secretary sets.") == [
        ("date", "January 1, 2026", "January 1, 2027")]


def test_a_changed_month_is_a_date_shown_whole() -> None:
    assert typed_words("The program ends on January 1, 2026, or on a later date the Secretary sets.",
                       "The program ends on March 1, 2026, or on a later date the Secretary sets.") == [
        ("date", "January 1, 2026", "March 1, 2026")]


def test_a_number_inside_a_citation_is_the_citations_change_not_a_number() -> None:
    internal = typed_words("The Secretary shall award grants as provided in Section 2(b).",
                           "The Secretary shall award grants as provided in Section 3.")
    assert [kind for kind, _, _ in internal] == ["citation"]
    external = typed_words("Duties under section 301 of the Trade Act of 1974 apply to the goods.",
                           "Duties under section 302 of the Trade Act of 1974 apply to the goods.")
    assert external == [("citation", "section 301 of the Trade Act of 1974", "section 302 of the Trade Act of 1974")]


def test_a_changed_number_or_period_is_shown_without_the_words_after_it() -> None:
    assert typed_words("Grants are made for fiscal years 2026 through 2030 to carry out this section.",
                       "Grants are made for fiscal years 2026 through 2031 to carry out this section.") == [
        ("number", "2030", "2031")]
    assert typed_words("The Secretary shall report not later than 180 days after the date of enactment.",
                       "The Secretary shall report not later than 1 year after the date of enactment.") == [
        ("period", "180 days", "1 year")]


def test_a_90_day_period_is_a_period() -> None:
    assert typed_words("Congress may act before the end of that 90-day period.",
                       "Congress may act before the end of that 60-day period.") == [
        ("period", "90-day period", "60-day period")]


def test_a_not_put_after_or_taken_from_a_modal_is_a_modal_change() -> None:
    assert typed_words("The Secretary may award grants to a State.", "The Secretary may not award grants to a State.") == [
        ("modal", "may", "may not")]
    assert typed_words("The Secretary shall award grants to a State.",
                       "The Secretary shall not award grants to a State.") == [("modal", "shall", "shall not")]
    assert typed_words("The Secretary shall not award grants to a State.",
                       "The Secretary may award grants to a State.") == [("modal", "shall not", "may")]
    # the month May is no modal
    assert typed_words("Payments begin in May 2026.", "Payments begin in June 2026.") == [
        ("date", "May 2026", "June 2026")]


def test_an_organisation_the_office_pattern_does_not_know_is_an_actor() -> None:
    assert typed_words("The Secretary shall consult with the World Bank on each grant.",
                       "The Secretary shall consult with the International Monetary Fund on each grant.") == [
        ("actor", "World Bank", "International Monetary Fund")]
    # capitalised words in the heading or in a citation are no actor
    assert ("actor", "In General", "Scope") not in typed(compare(
        bill("SEC. 2. GRANTS.\n\n    (a) In General.--The Secretary shall award grants.\n"),
        bill("SEC. 2. GRANTS.\n\n    (a) Scope.--The Secretary shall award grants.\n")), "s2_a")


def test_an_office_renamed_in_two_places_is_one_actor_change_with_the_whole_names() -> None:
    assert typed_words("The Secretary shall consult with the Administrator of the Environmental Protection Agency.",
                       "The Secretary shall consult with the Director of the National Science Foundation.") == [
        ("actor", "Administrator of the Environmental Protection Agency", "Director of the National Science Foundation")]


def test_a_reference_following_its_renumbered_target_adds_no_number_change() -> None:
    definitions = "SEC. {n}. DEFINITIONS.\n\n    In this Act, the term ``gadget'' means a device sold to consumers.\n\n"
    grants = ("SEC. {n}. GRANTS.\n\n    The Secretary shall award grants for each gadget as defined in section {d} "
              "and under section {s} of the Trade Act of 1974.\n")
    old = bill(definitions.format(n=2) + grants.format(n=3, d=2, s=301))
    new = bill("SEC. 2. FINDINGS.\n\n    Congress finds that gadgets matter to the economy of every State.\n\n"
               + definitions.format(n=3) + grants.format(n=4, d=3, s=302))
    assert typed(compare(old, new), "s3") == [
        ("designation", "sec. 3", "sec. 4"), ("reference-renumbered", "section 2", "section 3"),
        ("citation", "section 301 of the Trade Act of 1974", "section 302 of the Trade Act of 1974")]


def test_a_name_joined_to_a_list_is_an_item_added_not_an_actor(reported: Comparison) -> None:
    # the drafted reported version: sec. 3(4)(B) "includes Venezuela." -> "includes Venezuela and Cuba."
    assert typed(reported, "s3_4_B") == [("item-added", "", "Cuba")]


def test_items_joined_to_or_taken_from_a_list_in_the_words() -> None:
    assert typed_words("The term includes China, Russia, and Iran.",
                       "The term includes China, Russia, Iran, and Venezuela.") == [("item-added", "", "Venezuela")]
    assert typed_words("The Secretary may award grants, loans, and loan guarantees.",
                       "The Secretary may award grants and loan guarantees.") == [("item-dropped", "loans", "")]
    # a clause after a comma is no item of a list; an office replaced in a list is still an actor
    assert [kind for kind, _, _ in typed_words(
        "The Secretary shall award grants.", "The Secretary shall award grants, subject to appropriations.")] == []
    assert [kind for kind, _, _ in typed_words(
        "The Secretary shall award grants.", "The Secretary shall award grants and the Administrator may audit them.")
            ] == []
    assert typed_words("The Secretary shall consult the Secretary of State.",
                       "The Secretary shall consult the Secretary of State and the Secretary of Health and Human "
                       "Services.") == [("item-added", "", "the Secretary of Health and Human Services")]
    assert typed_words("The Secretary shall consult the Secretary of State and the Trade Representative.",
                       "The Secretary shall consult the Secretary of Energy and the Trade Representative.") == [
        ("actor", "Secretary of State", "Secretary of Energy")]


def test_a_reference_or_a_date_joined_to_a_list_is_the_citations_or_the_dates_change() -> None:
    body = ("SEC. 2. GRANTS.\n\n    (a) Eligibility.--An entity is eligible if it does research.\n"
            "    (b) Priority.--An entity is a priority if it serves rural areas.\n"
            "    (c) Reports.--An entity reports each year.\n"
            "    (d) Awards.--The Secretary shall award grants to the entities described in {x}.\n")
    kinds = typed(compare(bill(body.format(x="subsection (a) or (b)")),
                          bill(body.format(x="subsection (a), (b), or (c)"))), "s2_d")
    assert [kind for kind, _, _ in kinds] == ["citation"]
    dates = typed_words("The program begins on January 1, 2026.", "The program begins on January 1, 2026, or July 1, 2026.")
    assert [kind for kind, _, _ in dates] == ["date"]


def test_a_changed_provision_whose_reference_now_names_another_provision_shows_it_among_its_changes() -> None:
    old = ("SEC. 2. GRANTS.\n\n    (a) Eligible Entities.--An eligible entity is--\n            (1) a State;\n"
           "            (2) a city; or\n            (3) a tribe.\n    (b) Priority.--The Secretary shall give "
           "priority to an entity described in paragraph (2) of subsection (a).\n")
    new = old.replace("(1) a State;\n            (2) a city; or\n            (3) a tribe.",
                      "(1) a State; or\n            (2) a tribe.").replace("Secretary shall", "Secretary may")
    comparison = compare(bill(old), bill(new))
    # not listed as affected (its own words changed), and the break is not hidden: its pair says it
    assert comparison.impact == ()
    assert typed(comparison, "s2_b") == [
        ("modal", "shall", "may"),
        ("citation", "paragraph (2) of subsection (a) (sec. 2(a)(2))",
         "paragraph (2) of subsection (a) (sec. 2(a)(2), the old sec. 2(a)(3))")]
