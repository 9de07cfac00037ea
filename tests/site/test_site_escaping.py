"""Markup in the bill's text, test names and docstrings shows as text on the built pages."""

from __future__ import annotations

import re

import pytest
from built_site import Built

pytestmark = pytest.mark.site


def _pages(built: Built) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in built.workspace.build.glob("*.html")}


def _main(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_a_script_in_the_bill_text_shows_as_text(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["s2.html"])
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;widget&quot;)&lt;/script&gt;" in page


def test_a_markdown_link_in_the_bill_text_shows_as_text(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["s2.html"])
    assert "[a link](javascript:alert(1))" in page
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page)  # only in text, never in an attribute


def test_emphasis_and_code_marks_in_the_bill_text_show_as_text(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["s2.html"])
    assert "*device*" in page and "`code` | pipes" in page


def test_markup_in_the_long_title_shows_as_text_on_the_home_page(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["index.html"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page


def test_markup_in_test_names_and_docstrings_shows_as_text(mini_site: Built) -> None:
    pages = _pages(mini_site)
    for name in ("tests.html", "s3.html", "matrix.html", "rules.html", "s2.html"):
        main = _main(pages[name])
        assert "<script" not in main, name
        assert 'href="javascript:' not in main, name
    assert "A gadget pays [ten](javascript:x) percent &lt;script&gt;x&lt;/script&gt;" in _main(pages["tests.html"])
    assert "&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt; [a link](javascript:x)" in _main(pages["rules.html"])


def test_a_not_formalized_reason_with_markup_shows_as_text(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["s3.html"])
    assert "&lt;b&gt;Reports&lt;/b&gt; are a [duty](javascript:x) to act" in page
