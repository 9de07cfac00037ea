"""A rule's docstring on the site: its reStructuredText read as a reader expects, its words escaped."""

from __future__ import annotations

import re

from generator.site.docstring import doc_html
from generator.site.pages import Site


def test_the_rules_page_shows_a_docstrings_literals_as_code_not_backticks(rendered: Site) -> None:
    docs = re.findall(r'<div class="bt-doc">.*?</div>', rendered.files["rules.md"], re.DOTALL)
    assert docs
    assert "<p><code>lists</code> defaults to the committed lists" in "".join(docs)
    assert not [d for d in docs if "`" in d]


def test_inline_marks_become_code_emphasis_and_strong() -> None:
    html = str(doc_html("See :func:`~provisions.s4.duty`, :class:`Rate <provisions.kit.Rate>` and `x`; "
                        "*only* **once**, 2 * 3 * 4, a\\*b."))
    assert html == ("<p>See <code>duty</code>, <code>Rate</code> and <code>x</code>; "
                    "<em>only</em> <strong>once</strong>, 2 * 3 * 4, a*b.</p>")


def test_paragraphs_doctests_literal_blocks_and_lists_keep_their_shape() -> None:
    html = str(doc_html("The rate.\n\nExample::\n\n    rate(1)\n    2\n\n>>> rate(1)\n2\n\n- one ``a``\n- two\n  more"))
    assert html == ("<p>The rate.</p><p>Example:</p><pre><code>rate(1)\n2</code></pre>"
                    "<pre><code>&gt;&gt;&gt; rate(1)\n2</code></pre><ul><li>one <code>a</code></li><li>two more</li></ul>")
    assert "\n\n" not in html  # a blank line would end the raw HTML block the page puts it in


def test_markup_inside_a_docstrings_marks_stays_text() -> None:
    html = str(doc_html('``<script>alert(1)</script>`` *[x](javascript:y)* `see <javascript:alert(1)>`_ '
                        "**<img src=x onerror=alert(2)>**"))
    assert "<script" not in html and "<img" not in html and "href" not in html
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html
    assert "<em>[x](javascript:y)</em>" in html and "see" in html and "javascript:alert" not in html
    assert "<strong>&lt;img src=x onerror=alert(2)&gt;</strong>" in html


def test_a_quotation_of_the_bill_in_gpo_quotes_is_no_code() -> None:
    assert str(doc_html("The term ``critical mineral'' means ``x``.")) == \
        "<p>The term \u201ccritical mineral\u201d means <code>x</code>.</p>"


def test_a_rule_without_a_docstring_says_so() -> None:
    assert str(doc_html("")) == "<p><em>No docstring.</em></p>"
