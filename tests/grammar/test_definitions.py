"""The definitions layer: terms, where they are defined, their scope, and where they are used."""

from __future__ import annotations

from pathlib import Path

from grammar import Bill, Definition, parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def definition(bill: Bill, term: str) -> Definition:
    return next(d for d in bill.definitions if d.term == term)


def test_every_term_the_working_text_defines_is_found(bill: Bill) -> None:
    assert [(d.term, d.provision, d.scope, d.kind) for d in bill.definitions] == [
        ("appropriate congressional committees", "s3_1", "act", "means"),
        ("critical mineral", "s3_2", "act", "means"),
        ("derivative product", "s3_3", "act", "means"),
        ("foreign country of concern", "s3_4", "act", "has-meaning"),
        ("foreign entity of concern", "s3_5", "act", "has-meaning"),
        ("processed", "s3_6", "act", "includes"),
        ("select derivative product", "s3_7", "act", "means"),
        ("Trade Representative", "s3_8", "act", "means"),
        ("Alliance", "s4_a_1", "act", "referred-to-as"),
        ("joint resolution of disapproval", "s4_f_1", "s4", "means"),
        ("Trust Fund", "s6_a", "s6", "referred-to-as"),
        ("upper-middle-income economy", "s6_d_2", "s6_d", "has-meaning"),
        ("high-income economy", "s6_d_2", "s6_d", "has-meaning"),
    ]


def test_a_plural_use_counts_as_a_use_of_the_term(bill: Bill) -> None:
    foreign = definition(bill, "foreign country of concern")
    assert "foreign countries of concern" in foreign.forms
    assert "s4_h_2_D" in foreign.uses  # "... sourced from foreign countries of concern ..."
    assert "s2_1" in definition(bill, "critical mineral").uses  # "critical minerals"


def test_a_longer_term_is_not_also_a_use_of_the_shorter_one_inside_it(bill: Bill) -> None:
    assert "s4_g_1" in definition(bill, "select derivative product").uses
    assert definition(bill, "derivative product").uses == ("s3_7",)


def test_a_definitions_own_words_are_not_uses_of_it(bill: Bill) -> None:
    uses = definition(bill, "critical mineral").uses
    assert not {"s3_2", "s3_2_A", "s3_2_B"} & set(uses)


def test_a_definition_limited_to_a_section_applies_only_there(bill: Bill) -> None:
    joint = definition(bill, "joint resolution of disapproval")
    assert joint.uses == ("s4_e_2", "s4_f_2_A", "s4_f_2_B", "s4_f_2_C_i")
    trust_fund = definition(bill, "Trust Fund")
    assert trust_fund.uses == ("s6_b_1", "s6_c")


def test_a_term_in_a_proper_name_is_not_a_use() -> None:
    text = (
        "SEC. 3. DEFINITIONS.\n\n    In this Act, the term ``critical mineral'' means any mineral on "
        "the list.\n\nSEC. 4. ALLIANCE.\n\n    The Critical Minerals Security Alliance shall meet.\n"
    )
    assert definition(parse_text(text), "critical mineral").uses == ()


def test_a_term_inside_a_quotation_is_not_a_use(bill: Bill) -> None:
    # s4_f_1_B quotes a joint resolution that names "the United States Trade Representative"
    assert "s4_f_1_B" not in definition(bill, "Trade Representative").uses


def test_a_definition_in_this_subsection_is_limited_to_the_subsection() -> None:
    bill = parse_file(FIXTURES / "untidy-no-header.txt")
    importer = definition(bill, "importer")
    assert (importer.provision, importer.scope, importer.uses) == ("s2_b_2", "s2_b", ("s2_b_1_A",))


def test_a_definition_without_a_lead_in_applies_to_its_section() -> None:
    bill = parse_file(FIXTURES / "omnibus-eh.txt")
    small = definition(bill, "small factory")
    assert (small.provision, small.scope) == ("s102_b_2", "s102_b")


def test_terms_defined_by_the_thousand_are_each_found_where_they_are_used() -> None:
    # Many distinct terms: each use is found by its first word, longest term first, whole words only.
    defined = "".join(f"    ({chr(97 + k % 26)}) The term ``widget {k}'' means a gadget.\n" for k in range(300))
    text = ("SEC. 1. DEFINITIONS.\n\n    In this Act:\n" + defined +
            "SEC. 2. RULES.\n\n    (a) A widget 12 or widget 120 is a widget 1200, not a widget 12-b or widget 7s.\n")
    bill = parse_text(text)
    used = {d.term: d.uses for d in bill.definitions if d.uses}
    # "widget 7s" is the plural of "widget 7"; "widget 1200" was never defined, nor is it "widget 120".
    assert used == {"widget 12": ("s2_a",), "widget 120": ("s2_a",), "widget 7": ("s2_a",)}
    assert len(bill.definitions) == 300


def test_a_capitalised_use_is_found_through_the_term_in_lower_case_and_odd_capitals_as_they_are() -> None:
    # Only each term and its plural are held for the search; a capitalised use is looked up
    # in lower case.  A first letter whose capital does not give it back in lower case (the
    # dotless i, whose capital is I) is held capitalised too, and is found all the same.
    text = ("SEC. 1. DEFINITIONS.\n\n    In this Act:\n"
            "        (1) The term ``widget'' means a gadget.\n"
            "        (2) The term ``\u0131l\u0131k'' means warm.\n"
            "        (3) The term ``\u00e9lan'' means style.\n"
            "        (4) The term ``Secretary'' means the Secretary of Energy.\n\n"
            "SEC. 2. RULES.\n\n"
            "    (a) Il\u0131k things with \u00c9lan.\n"
            "    (b) The secretary, not the Secretary.\n\n"
            "SEC. 3. MORE.\n\n    Widgets, widgets and \u00c9lans.\n")
    uses = {d.term: d.uses for d in parse_text(text).definitions}
    assert uses == {"widget": ("s3",), "\u0131l\u0131k": ("s2_a",), "\u00e9lan": ("s2_a", "s3"),
                    "Secretary": ("s2_b",)}
    assert parse_text(text).definitions[0].forms == ("widget", "widgets", "Widget", "Widgets")


def test_a_form_two_terms_share_is_used_under_the_one_whose_scope_holds_it() -> None:
    # ``Widgets'' is a form of ``widget'' (the whole Act) and of ``Widget'' (section 3 only).
    text = ("SEC. 1. DEFINITIONS.\n\n    In this Act, the term ``widget'' means a gadget.\n\n"
            "SEC. 2. RULES.\n\n    Widgets are made.\n\n"
            "SEC. 3. MORE.\n\n    (a) In this section, the term ``Widget'' means a sprocket.\n"
            "    (b) Widgets are sold.\n")
    uses = {(d.term, d.provision): d.uses for d in parse_text(text).definitions}
    assert uses == {("widget", "s1"): ("s2",), ("Widget", "s3_a"): ("s3_b",)}


def test_a_capitalised_use_takes_the_nearest_scope_of_the_term_or_its_lower_case() -> None:
    # ``Widget'' (the Act) and ``widget'' (subsection 2(a)): "A Widget" in 2(a)(2) is the
    # subsection's term, in capitals; in 2(b), outside it, the Act's.
    text = ("SEC. 1. DEFINITIONS.\n\n    In this Act, the term ``Widget'' means a thing.\n\n"
            "SEC. 2. RULES.\n\n    (a) In this subsection:\n        (1) The term ``widget'' means a gadget.\n"
            "        (2) A Widget is sold.\n    (b) A Widget is made.\n")
    assert [(d.term, d.scope, d.uses) for d in parse_text(text).definitions] == [
        ("Widget", "act", ("s2_b",)), ("widget", "s2_a", ("s2_a_2",))]


def test_a_term_of_only_spaces_is_no_definition() -> None:
    bill = parse_text("SEC. 1. DEFINITIONS.\n\n    In this Act, the term ``  '' means a thing, and the term "
                      "``widget'' means a gadget.\n\nSEC. 2. RULES.\n\n    A widget is made.\n")
    assert [(d.term, d.uses) for d in bill.definitions] == [("widget", ("s2",))]
