"""A rules module's docstring header follows the section the module declares; other prose is left alone."""

from __future__ import annotations

from generator.versions.headings import carry_heading
from grammar import parse_text

FRONT = """[Congressional Bills 119th Congress]
[From the U.S. Government Publishing Office]
[S. 9 Introduced in Senate (IS)]

119th CONGRESS
  1st Session
                                  S. 9

To test headings.

    Be it enacted by the Senate and House of Representatives of the United
States of America in Congress assembled,

SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Heading Test Act''.
"""
SECTIONS = {
    "duties": "SEC. {n}. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES OF CONCERN.\n\n"
              "    The duty shall be paid.\n",
    "fund": "SEC. {n}. {fund}.\n\n    The fund is established.\n",
}


def bill(order: tuple[str, str], fund: str = "TRUST FUND") -> str:
    parts = [SECTIONS[name].format(n=n, fund=fund) for n, name in enumerate(order, start=2)]
    return FRONT + "\n" + "\n".join(parts)


MODULE = '''"""SEC. 2. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES
OF CONCERN."""

from rules.kit import Section

section = Section(__name__, "s2")
'''


def test_a_renumbered_section_carries_its_wrapped_header_and_keeps_the_wrapping() -> None:
    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("fund", "duties")))
    repointed = MODULE.replace('"s2"', '"s3"')  # what re-pointing the ids leaves: the module stands for s3
    edit = carry_heading(MODULE, repointed, old, new, {"s2": "s3", "s3": "s2"})
    assert edit is not None
    assert edit.text.startswith('"""SEC. 3. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES\nOF CONCERN."""')
    assert (edit.old, edit.new, edit.line) == ("SEC. 2.", "SEC. 3.", 1)  # the report shows what changed


def test_a_retitled_section_gets_its_new_heading() -> None:
    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("duties", "fund"), fund="RESERVE FUND"))
    module = '"""SEC. 3. TRUST FUND."""\n\nsection = Section(__name__, "s3")\n'
    edit = carry_heading(module, module, old, new, {"s3": "s3"})
    assert edit is not None and edit.text.startswith('"""SEC. 3. RESERVE FUND."""\n')
    assert (edit.old, edit.new) == ("SEC. 3. TRUST FUND.", "SEC. 3. RESERVE FUND.")


def test_prose_a_module_without_a_declaration_and_an_unchanged_header_are_left_alone() -> None:
    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("fund", "duties")))
    moves = {"s2": "s3", "s3": "s2"}
    prose = '"""The duties of the bill."""\n\nsection = Section(__name__, "s2")\n'
    assert carry_heading(prose, prose, old, new, moves) is None
    undeclared = '"""SEC. 2. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES OF CONCERN."""\n'
    assert carry_heading(undeclared, undeclared, old, new, moves) is None
    same = '"""SEC. 2. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES OF CONCERN."""\n' \
           'section = Section(__name__, "s2")\n'
    assert carry_heading(same, same, old, old, {"s2": "s2"}) is None


def test_the_words_list_billtrace_init_writes_follows_its_ids_and_a_labelled_header_its_label() -> None:
    from generator.versions.headings import carry_unit_lines

    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("fund", "duties")))
    module = ('"""SEC. 2. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES OF CONCERN.\n\n'
              "The words this module implements, provision by provision:\n\n"
              "s2 (sec. 2):\n    The duty shall be paid.\n"
              's9 (sec. 9):\n    Not a provision of the old text: left alone.\n"""\n\n'
              'section = Section(__name__, "s2")\n'
              '# s2 (sec. 2): a comment, not the docstring\n')
    text, edits = carry_unit_lines(module, old, new, {"s2": "s3", "s3": "s2"})
    assert "\ns3 (sec. 3):\n    The duty shall be paid.\n" in text and "\ns9 (sec. 9):\n" in text
    assert text.endswith("# s2 (sec. 2): a comment, not the docstring\n")
    assert [(e.line, e.old, e.new) for e in edits] == [(5, "s2 (sec. 2)", "s3 (sec. 3)")]
    labelled = '"""SEC. 2. DUTIES ON GOODS OF ONE KIND AND OF ANOTHER KIND FROM PLACES OF CONCERN."""\n' \
               'section = Section(__name__, "s2")\n'
    edit = carry_heading(labelled, labelled, old, new, {"s2": "s3", "s3": "s2"})
    assert edit is not None and edit.text.startswith('"""SEC. 3. DUTIES ON GOODS')


def test_citations_in_words_of_moved_sections_are_listed_not_edited() -> None:
    from generator.versions.mentions import stale_mentions

    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("fund", "duties")))
    before = ('HELP = "the duty under sec. 2, paid into the fund of sec. 3"\n'
              '# section 1 is the short title; sec. 9 is not of this bill\n')
    after = before + '"""SEC. 3. DUTIES ..."""  # a line the migration wrote itself\n'
    found = stale_mentions([("rules/help.py", before, after)], old, new, {"s1": "s1", "s2": "s3", "s3": "s2"})
    assert [(m.line, m.words, m.now) for m in found] == [(1, "sec. 2", "sec. 3"), (1, "sec. 3", "sec. 2")]


def test_ids_in_prose_are_listed_but_not_links_paths_or_dotted_names() -> None:
    from generator.versions.mentions import stale_mentions

    old, new = parse_text(bill(("duties", "fund"))), parse_text(bill(("fund", "duties")))
    text = ("The duty (`s2`) is paid into the fund, s3.\n"
            "See provisions/s2.py and provisions.s3; s1 keeps its id.\n"
            'implements = "s2"\n')
    found = stale_mentions([("README.md", text, text)], old, new, {"s1": "s1", "s2": "s3", "s3": "s2"},
                           links={"README.md": {(3, "s2")}})
    assert [(m.line, m.words, m.now) for m in found] == [(1, "s2", "s3 (sec. 3)"), (1, "s3", "s2 (sec. 2)")]
