"""No bill text can put live markup into the site: a hostile bill, every page in Chromium.

The bill (tests/site/fixtures/hostile-bill.txt) carries ``<svg onload>``, ``<img
onerror>``, ``<b onmouseover>`` and ``javascript:`` payloads in its section
headings (the navigation), its short title (the site name), its sponsor, its
definitions (the tooltips of the defined terms) and its text.  Each page is
loaded, every element with a ``title`` is hovered, and a search is run for a
payload's words: any dialog, console error, request to ``x`` or element with an
event handler or a ``javascript:`` link fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from built_site import Built

pytestmark = [pytest.mark.site, pytest.mark.e2e]

# Every element an attacker could make live: event handlers and script URLs.
_LIVE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value.replace(/\\s/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName} ${name}`);
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(name)
          && value.startsWith("javascript:")) found.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  return found;
}"""


@pytest.fixture
def page(browser: Any, hostile_served: str) -> Iterator[Any]:
    """A fresh page that records dialogs, console errors, page errors and requests for anything but the site."""
    context = browser.new_context()
    opened = context.new_page()
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    opened.on("request", lambda r: None if r.url.startswith(hostile_served) and not r.url.endswith("/x")
              else problems.append(f"request: {r.url}"))
    opened.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    opened.problems = problems
    yield opened
    context.close()


def test_the_hostile_bill_reaches_the_navigation_the_site_name_and_the_tooltips(hostile_site: Built) -> None:
    page = (hostile_site.workspace.build / "s2.html").read_text(encoding="utf-8")
    assert "&lt;svg onload=alert(13)&gt;" in page.lower()  # the heading, in the navigation
    assert "fixture &lt;svg onload=alert(12)&gt; act of 2025" in page.lower()  # the site name
    assert "onerror=alert(15)" in page  # the definition's words, as text and in the term's tooltip


def test_no_page_of_the_hostile_bill_runs_its_markup(page: Any, hostile_served: str, hostile_site: Built) -> None:
    names = sorted(p.name for p in hostile_site.workspace.build.glob("*.html"))
    assert {"index.html", "s2.html", "s3.html", "glossary.html", "matrix.html"} <= set(names)
    for name in names:
        page.goto(f"{hostile_served}{name}")
        page.wait_for_load_state("load")
        titled = page.locator("[title]")
        for index in range(titled.count()):
            element = titled.nth(index)
            element.dispatch_event("mouseover")
            element.dispatch_event("mouseenter")
            element.dispatch_event("focus")
            if element.is_visible():
                element.hover(force=True, timeout=2000)
        page.wait_for_timeout(50)
        live = page.evaluate(_LIVE)
        assert live == [], f"{name}: {live}"
    assert page.problems == []


def test_a_search_for_the_payload_shows_it_as_text(page: Any, hostile_served: str) -> None:
    page.goto(hostile_served)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("onerror", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)
    assert page.evaluate(_LIVE) == []
    assert page.problems == []
