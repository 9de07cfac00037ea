"""The grammar itself: LALR, strict (no conflicts, no terminal collisions), one terminal a line."""

from __future__ import annotations

from lark import Lark, Token

from grammar.lines import grammar_parser, grammar_text, lexing_grammar, read_lines


def test_the_grammar_builds_in_strict_mode_from_scratch() -> None:
    # Built without the cache, Lark checks for shift/reduce conflicts and, with
    # interegular, for terminals that could match the same line in one parser state.
    parser = grammar_parser.__wrapped__(cached=False)
    assert parser.options.parser == "lalr"
    assert parser.options.strict is True
    # The parser lexes wrapped paragraphs with a possessive repeat, which interegular cannot
    # read; the grammar as written is checked for collisions in full.
    Lark(grammar_text(), parser="lalr", lexer="contextual", strict=True, cache=False)


def test_the_lexing_grammar_differs_from_bill_lark_only_in_its_possessive_repeats() -> None:
    written, lexed = grammar_text().splitlines(), lexing_grammar(grammar_text()).splitlines()
    changed = [(a, b) for a, b in zip(written, lexed, strict=True) if a != b]
    assert [a.split(":")[0] for a, _ in changed] == ["DESIGNATED.3", "BODY_TEXT.1"]
    for a, b in changed:
        assert a.endswith(" CONTINUATION*") and b.endswith("){0,100}+/")


def test_the_parser_reads_the_same_tokens_as_the_grammar_as_written() -> None:
    # A wrapped paragraph, a designated line carrying on, a wrapped header, front and back matter.
    text = (
        "[Congressional Bills 119th Congress]\n119th CONGRESS\n\nTo do a thing.\n\n"
        "    Be it enacted by the Senate and House of Representatives of the \n"
        "United States of America in Congress assembled,\n\n"
        "SEC. 2. A HEADING THAT \n            WRAPS.\n\n"
        "    (a) In General.--The Secretary shall--\n        go on\n        and on\n"
        "            (1) act; and\n"
        + "    Words that wrap\n" * 300
        + "\nAttest:\n\n                                 Secretary.\n                                 <all>\n"
    )
    plain = Lark(grammar_text(), parser="lalr", lexer="contextual")
    tokens = list(plain.parse(text).scan_values(lambda v: isinstance(v, Token)))
    lines = read_lines(text)
    assert [(str(t.type).replace("BODY_TEXT", "TEXT"), t.line) for t in tokens] == [
        (line.kind, line.number) for line in lines if line.kind != "TEXT" or line.number in {t.line for t in tokens}
    ]
    assert len(lines) == sum(str(t.value).count("\n") for t in tokens)
    assert [line.part for line in lines][-3:] == ["back", "back", "back"]
    assert lines[2].part == "front" and lines[3].part == "body"


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
