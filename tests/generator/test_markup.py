"""Escaping: markup in the bill, test names or docstrings shows as text, in Markdown and in HTML."""

from __future__ import annotations

import markdown

from generator.site.markup import Mark, html_escape, marked_text, md_escape

NASTY = '<script>alert("x")</script> [a link](javascript:alert(1)) *bold* _it_ `code` | # {: .x }'


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "abbr"])


def test_markdown_special_characters_render_as_themselves() -> None:
    rendered = _html(md_escape(NASTY))
    assert "<script" not in rendered and "<a " not in rendered
    assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "[a link](javascript:alert(1))" in rendered


def test_html_escaping_leaves_no_tag_and_no_attribute_breakout() -> None:
    assert html_escape(NASTY).count("<") == 0
    assert '"' not in html_escape(NASTY)


def test_marked_text_links_the_first_use_of_a_defined_term() -> None:
    html = marked_text("a widget and widgets", [Mark("widget", "s2.html#s2_1", "the term", "bt-term",
                                                     forms=("widget", "widgets"))])
    assert html == 'a <a class="bt-term" href="s2.html#s2_1" title="the term">widget</a> and widgets'


def test_marked_text_escapes_the_words_around_and_inside_links() -> None:
    html = marked_text("see <b>section 2</b> now", [Mark("section 2", "s2.html#s2", 't"x', "bt-cite")])
    assert html == ('see &lt;b&gt;<a class="bt-cite" href="s2.html#s2" title="t&quot;x">section 2</a>'
                    "&lt;/b&gt; now")


def test_a_term_inside_a_citation_is_not_linked_twice() -> None:
    marks = [Mark("the Widget Act", "https://example.org", "x", "bt-cite bt-external"),
             Mark("Widget", "s2.html#s2_1", "t", "bt-term", forms=("Widget",))]
    html = marked_text("under the Widget Act", marks)
    assert html.count("<a ") == 1 and 'href="https://example.org"' in html
