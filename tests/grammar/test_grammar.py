"""The grammar itself: LALR, strict (no conflicts, no terminal collisions), one terminal a line."""

from __future__ import annotations

from grammar.lines import grammar_parser, read_lines


def test_the_grammar_builds_in_strict_mode_from_scratch() -> None:
    # Built without the cache, Lark checks for shift/reduce conflicts and, with
    # interegular, for terminals that could match the same line in one parser state.
    parser = grammar_parser.__wrapped__(cached=False)
    assert parser.options.parser == "lalr"
    assert parser.options.strict is True


def test_every_line_of_a_bill_gets_the_shape_the_grammar_recognised() -> None:
    text = (
        "[Congressional Bills 119th Congress]\n<DOC>\n119th CONGRESS\n  1st Session\n"
        "                                S. 12\n\nTo do a thing.\n\n"
        "    Be it enacted by the Senate and House of Representatives of the \n"
        "United States of America in Congress assembled,\n\n"
        "SEC. 2. A HEADING THAT \n            WRAPS.\n\n"
        "    (a) In General.--The Secretary shall--\n"
        "            (1) act; and\n"
        "            (2) report.\n"
        "                                 <all>\n"
    )
    kinds = [(line.kind, line.part) for line in read_lines(text) if line.kind != "_BLANK"]
    assert kinds == [
        ("GPO_BRACKET", "front"), ("DOC_MARK", "front"), ("CONGRESS", "front"), ("SESSION", "front"),
        ("MEASURE", "front"), ("TEXT", "front"),
        ("ENACTING", "body"), ("TEXT", "body"),
        ("SECTION_HEADER_OPEN", "body"), ("HEADER_CLOSE", "body"),
        ("DESIGNATED", "body"), ("DESIGNATED", "body"), ("DESIGNATED", "body"),
        ("ALL_MARK", "back"),
    ]
