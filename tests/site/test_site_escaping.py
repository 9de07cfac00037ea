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
    module = next(n for n in pages if n.startswith("tests-") and "has moved" not in pages[n])
    for name in ("tests.html", module, "s3.html", "matrix.html", "rules.html", "s2.html"):
        main = _main(pages[name])
        assert "<script" not in main, name
        assert 'href="javascript:' not in main, name
    assert "A gadget pays [ten](javascript:x) percent &lt;script&gt;x&lt;/script&gt;" in _main(pages[module])
    assert "&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt; [a link](javascript:x)" in _main(pages["rules.html"])


def test_a_not_formalized_reason_with_markup_shows_as_text(mini_site: Built) -> None:
    page = _main(_pages(mini_site)["s3.html"])
    assert "&lt;b&gt;Reports&lt;/b&gt; are a [duty](javascript:x) to act" in page


def test_a_noncharacter_in_a_heading_cannot_break_mkdocs_yml() -> None:
    import yaml

    from generator.site.markup import yaml_text

    heading = 'Sense of \ufffe <svg onload=x> Congress: "a"'
    loaded = yaml.safe_load(f"site_name: {yaml_text(heading)}\n")
    assert loaded == {"site_name": "Sense of \ufffe &lt;svg onload=x&gt; Congress: &quot;a&quot;"}


def test_the_theme_never_renders_a_title_as_html(mini_site: Built) -> None:
    config = mini_site.workspace.config.read_text(encoding="utf-8")
    assert "content.tooltips" not in config  # Material's tooltips put a title into innerHTML


def test_only_links_of_the_site_or_the_web_are_made() -> None:
    from generator.site.markup import Mark, marked_text

    html = marked_text("see the law", [Mark("the law", "javascript:alert(1)", "x", "bt-cite bt-external")])
    assert str(html) == "see the law"


def test_a_failed_test_shows_its_assertion_message_as_text_beside_it(mini_site: Built) -> None:
    pages = _pages(mini_site)
    shown = "assert &lt;b&gt;Decimal(&#39;5&#39;)&lt;/b&gt; == Decimal(&#39;10&#39;)"
    section = _main(pages["s3.html"])
    assert re.search(r'class="bt-test-link"[^>]*>A gadget pays.*?<code class="bt-message">' + re.escape(shown),
                      section, re.S)
    module = next(_main(html) for name, html in pages.items() if name.startswith("tests-") and "gadget" in html)
    assert f'<pre class="bt-message"><code>{shown}</code></pre>' in module
    assert "<b>Decimal" not in section + module
    assert section.count('class="bt-message"') == 1  # the passing tests say nothing
