"""The built site in headless Chromium: follow a provision to its test and back, search, filter."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from built_site import Built

pytestmark = [pytest.mark.site, pytest.mark.e2e]


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    """A fresh page that records console errors, page errors and any request leaving the site."""
    context = browser.new_context()
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    opened.on("request", lambda r: None if r.url.startswith(served) else problems.append(f"request: {r.url}"))
    opened.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    opened.problems = problems
    yield opened
    context.close()


def _block(page: Any, provision_id: str) -> Any:
    """A provision's block on its section page: the element holding its words (anchored at its id,
    or, under a heading, naming it) and what is said of it."""
    return page.locator(f"div:has(> p[id='{provision_id}']), div:has(> p[data-p='{provision_id}'])")


def _drawn(page: Any) -> None:
    """Wait until the matrix page has drawn its rows from assets/matrix.js."""
    page.wait_for_selector("table.bt-matrix[data-drawn]", state="attached", timeout=15000)


def test_a_reader_follows_a_provision_to_its_test_and_back(page: Any, served: str, site: Built) -> None:
    row = next((r for r in site.matrix.rows if any(t.declared for t in r.tests) and r.rules
                and not any(link.inherited_from for link in r.rules)), None)
    assert row is not None, "no provision has a declared test: the site has no test to follow"
    section = row.section or row.id
    page.goto(f"{served}{section}.html#{row.id}")
    block = _block(page, row.id)
    link = block.locator("a.bt-test-link").first
    assert not link.is_visible()  # the tests are collapsed under the provision's words
    block.locator("details.bt-work > summary").first.click()
    link.click()
    page.wait_for_url(re.compile(r"tests-[a-z0-9-]+\.html#t-"))
    anchor = page.url.split("#", 1)[1]
    entry = page.locator(f"[id='{anchor}']")
    assert entry.is_visible()
    back = entry.locator(f"a.bt-provision-link[href='{section}.html#{row.id}']").first
    back.click()
    page.wait_for_url(f"{served}{section}.html#{row.id}")
    assert page.locator(f"[id='{row.id}']").is_visible()
    assert page.problems == []


def test_a_part_implemented_by_its_parent_says_covered_by_and_links_to_it(page: Any, served: str,
                                                                           site: Built) -> None:
    from generator.reports.report import rule_owners

    owner_of = rule_owners(site.matrix)
    row = next(r for r in site.matrix.rows if any(owner_of[link.name] != r.id for link in r.rules))
    owner = next(owner_of[link.name] for link in row.rules if owner_of[link.name] != row.id)
    section = row.section or row.id
    page.goto(f"{served}{section}.html#{row.id}")
    covered = _block(page, row.id).locator("> p.bt-covered").first
    assert covered.inner_text().startswith("Covered by ")
    covered.locator(f"a[href$='#{owner}']").click()
    page.wait_for_url(re.compile(rf"#{owner}$"))
    assert page.problems == []


def test_no_test_is_listed_twice_on_a_section_page(site: Built) -> None:
    for html in sorted(site.workspace.build.glob("s*.html")):
        if html.name.startswith("source-"):
            continue
        links = re.findall(r'class="bt-test-link" href="([^"]+)"', html.read_text(encoding="utf-8"))
        assert len(links) == len(set(links)), html.name


def test_the_matrix_fits_a_400_pixel_screen_and_filters_there(browser: Any, served: str, site: Built) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800})
    narrow = context.new_page()
    narrow.goto(f"{served}matrix.html")
    narrow.wait_for_load_state("load")
    _drawn(narrow)
    assert narrow.locator("table.bt-matrix tbody tr").count() > 50
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 400
    table = narrow.locator("table.bt-matrix")
    assert table.evaluate("t => t.getBoundingClientRect().right") <= 400
    # the rows are cards here: a filter must still take the others out of sight
    narrow.locator("button[data-filter='prov-assumed']").click()
    shown = narrow.locator("table.bt-matrix tbody tr:visible")
    assert shown.count() == sum(1 for r in site.matrix.rows if r.provenance.status == "assumed") > 0
    narrow.locator("button[data-filter='not-formalized']").click()
    assert narrow.locator("table.bt-matrix tbody tr:visible").count() == sum(
        1 for r in site.matrix.rows if r.status.slug == "not-formalized")
    context.close()


def test_the_matrix_lists_every_provision_with_its_status_and_where_its_words_come_from(page: Any, served: str,
                                                                                      site: Built) -> None:
    page.goto(f"{served}matrix.html")
    _drawn(page)
    rows = page.locator("table.bt-matrix tbody tr").evaluate_all(
        "rows => rows.map(r => [r.id, r.dataset.status, r.dataset.prov, r.querySelector('td.bt-pv').textContent,"
        " r.querySelector('a').getAttribute('href')])")
    words = {"official": "official text", "summary": "from summary", "assumed": "assumed", "unrecorded": "unrecorded"}
    assert rows == [[f"m-{r.id}", r.status.slug, r.provenance.status, words[r.provenance.status],
                     f"{r.section or r.id}.html#{r.id}"] for r in site.matrix.rows]
    assert page.problems == []


def test_a_reader_filters_the_matrix_by_where_the_words_come_from(page: Any, served: str, site: Built) -> None:
    page.goto(f"{served}matrix.html")
    _drawn(page)
    for status in sorted({r.provenance.status for r in site.matrix.rows}):
        page.locator(f"button[data-filter='prov-{status}']").click()
        shown = page.locator("table.bt-matrix tbody tr:visible")
        assert shown.count() == sum(1 for r in site.matrix.rows if r.provenance.status == status)
        assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.prov)")) == {status}
    assert page.problems == []


def test_a_link_to_a_row_of_the_matrix_lands_on_it_once_drawn(page: Any, served: str) -> None:
    page.goto(f"{served}matrix.html#m-s4_e_2")
    _drawn(page)
    row = page.locator("[id='m-s4_e_2']")
    assert row.is_visible()
    assert row.evaluate("r => r.getBoundingClientRect().top") < 800
    assert page.problems == []


def test_a_reader_searches_for_a_defined_term_and_finds_its_page(page: Any, served: str, site: Built) -> None:
    term = "joint resolution of disapproval"
    # The search worker loads its index after the page; a query typed before then is lost.
    with page.expect_response(re.compile(r"search_index\.json$")):
        page.goto(served)
    page.wait_for_timeout(500)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    result = page.locator(".md-search-result__item a[href*='glossary.html']").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(re.compile(r"glossary\.html"))
    assert page.get_by_role("heading", name=re.compile(term, re.IGNORECASE)).first.is_visible()
    assert page.problems == []


def test_a_reader_filters_the_matrix_by_status(page: Any, served: str, site: Built) -> None:
    page.goto(f"{served}matrix.html")
    _drawn(page)
    page.locator("button[data-filter='not-formalized']").click()
    shown = page.locator("table.bt-matrix tbody tr:visible")
    expected = sum(1 for r in site.matrix.rows if r.status.slug == "not-formalized")
    assert shown.count() == expected
    assert all(s == "not-formalized" for s in shown.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    page.locator("button[data-filter='stale']").click()
    assert shown.count() == sum(1 for r in site.matrix.rows if r.stale)
    page.locator("button[data-filter='all']").click()
    assert page.locator("table.bt-matrix tbody tr:visible").count() == len(site.matrix.rows)
    assert page.problems == []


def test_every_page_opens_without_a_console_error(page: Any, served: str, site: Built) -> None:
    for html in sorted(site.workspace.build.glob("*.html")):
        page.goto(f"{served}{html.name}")
        page.wait_for_load_state("load")
    assert page.problems == []


def test_a_search_for_a_citation_finds_that_provision_first(page: Any, served: str) -> None:
    with page.expect_response(re.compile(r"search_index\.json$")):
        page.goto(served)
    page.wait_for_timeout(500)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("sec. 4(e)(2)", delay=20)
    first = page.locator(".md-search-result__list > li a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href") == "s4.html#s4_e_2"
    first.click()
    page.wait_for_url(re.compile(r"s4\.html#s4_e_2$"))
    assert page.problems == []


def test_a_search_for_words_of_the_law_finds_the_provision_before_the_code_quoting_it(page: Any,
                                                                                      served: str) -> None:
    with page.expect_response(re.compile(r"search_index\.json$")):
        page.goto(served)
    page.wait_for_timeout(500)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("90 days", delay=20)
    first = page.locator(".md-search-result__list > li a").first
    # the results of the whole query, not of "90 d" as it was typed: a link highlights the words it matched
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__list > li a')]"
                           ".some(a => a.href.includes('h=90+days'))", timeout=15000)
    # sec. 4(e)(2) says it, on the page of sec. 4; the rule's source and its tests quote it
    assert urlsplit(first.get_attribute("href")).path.endswith("/s4.html"), first.get_attribute("href")
    assert page.problems == []


SCREENSHOT = Path(__file__).parent / "screenshots" / "section.png"


def test_a_glossary_entry_shows_its_provenance_badge_linking_to_the_provenance_table(page: Any, served: str,
                                                                                    site: Built) -> None:
    page.goto(f"{served}glossary.html#term-critical-mineral")
    where = page.locator("#term-critical-mineral + .bt-definition p.bt-where")
    badge = where.locator("a.bt-badge[class*='bt-prov-']").first
    assert badge.is_visible()
    expected = site.matrix.row("s3_2").provenance.status
    assert f"bt-prov-{expected}" in (badge.get_attribute("class") or "")
    badge.click()
    page.wait_for_url(re.compile(r"provenance\.html(#p-[A-Za-z0-9_]+)?$"))
    assert page.problems == []


def test_a_reader_goes_from_a_provision_to_its_test_its_source_line_and_back(page: Any, served: str,
                                                                            site: Built) -> None:
    page.goto(f"{served}s4.html#s4_e_2")
    block = _block(page, "s4_e_2")
    block.locator("details.bt-work > summary").first.click()
    block.locator("a.bt-test-link").first.click()
    page.wait_for_url(re.compile(r"tests-[a-z0-9-]+\.html#t-"))
    entry = page.locator(f"[id='{page.url.split('#', 1)[1]}']")
    entry.locator("a.bt-source-link").click()
    page.wait_for_url(re.compile(r"#T-\d+$"))
    line = page.url.rsplit("-", 1)[1]
    assert page.locator(f"[id='T-{line}']").count() == 1
    page.go_back()
    page.locator(f"[id='{page.url.split('#', 1)[1]}'] a.bt-provision-link").first.click()
    page.wait_for_url(re.compile(r"s\d+\.html#s\d"))
    assert page.problems == []


def test_the_printed_report_fits_under_20_letter_pages(page: Any, served: str) -> None:
    page.goto(f"{served}report.html")
    page.wait_for_load_state("load")
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= pages < 20, pages


def test_a_section_page_as_a_newcomer_sees_it(browser: Any, served: str, tmp_path: Path) -> None:
    """The README's screenshot: BILLTRACE_UPDATE_SCREENSHOT=1 writes it to tests/site/screenshots/."""
    context = browser.new_context(viewport={"width": 1100, "height": 720})
    shown = context.new_page()
    shown.goto(f"{served}s4.html#s4_e_2")
    shown.wait_for_load_state("load")
    _block(shown, "s4_e_2").locator("details.bt-work > summary").first.click()
    target = SCREENSHOT if os.environ.get("BILLTRACE_UPDATE_SCREENSHOT") else tmp_path / "section.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    shown.screenshot(path=str(target))
    context.close()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert SCREENSHOT.is_file(), "the README shows tests/site/screenshots/section.png"


# Each provision's line of status as the reader sees it: written by the stylesheet from the classes
# of its block (status, roll-up, provenance) and its id, or a line of its own (.bt-s) with links.
_STATUS_LINES = """() => [...document.querySelectorAll('.bt-p p[id], .bt-p p[data-p]')].map(p => {
  const id = p.id || p.dataset.p;
  const own = p.parentElement.querySelector(':scope > p.bt-s');
  const line = p.classList.contains('bt-r') ? (own ? own.textContent : '')
    : getComputedStyle(p, '::after').content;
  return [id, line.replace(/[\\u2003\\s]+/g, ' ')];
})"""


def test_every_provision_shows_its_own_status_and_provenance_on_its_page(page: Any, served: str,
                                                                         site: Built) -> None:
    words = {"official": "official text", "summary": "from summary", "assumed": "assumed", "unrecorded": "unrecorded"}
    seen = {}
    for section in sorted({r.section or r.id for r in site.matrix.rows}):
        page.goto(f"{served}{section}.html")
        seen.update(dict(page.evaluate(_STATUS_LINES)))
    for row in site.matrix.rows:
        line = seen[row.id]
        assert line.replace('"', "").startswith(row.status.value), (row.id, line)
        if row.rollup:
            assert f"rolls up to {row.rollup.value}" in line, (row.id, line)
        assert words[row.provenance.status] in line, (row.id, line)
        assert line.rstrip('" ').endswith(row.id), (row.id, line)
    assert page.problems == []


def test_a_defined_term_and_an_internal_citation_get_their_tooltips_when_pointed_at(page: Any, served: str,
                                                                                   site: Built) -> None:
    page.goto(f"{served}s5.html")
    term = page.locator(".bt-p a[href='s3.html#s3_2']").first
    term.hover()
    page.wait_for_function("t => t.title", arg=term.element_handle(), timeout=5000)
    assert term.get_attribute("title").startswith("\u201ccritical mineral\u201d (sec. 3(2); ")
    page.goto(f"{served}s4.html")
    citation = page.locator("a.bt-c[href='#s4_b_1']").first
    citation.hover()
    page.wait_for_function("c => c.title", arg=citation.element_handle(), timeout=5000)
    words = {"official": "official text", "summary": "from summary", "assumed": "assumed", "unrecorded": "unrecorded"}
    assert citation.get_attribute("title") == f"sec. 4(b)(1) ({words[site.matrix.row('s4_b_1').provenance.status]})"
    assert page.problems == []
