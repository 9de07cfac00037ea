"""The built site of S. 2839: its pages, anchors and links, as a reader finds them."""

from __future__ import annotations

import re

import pytest
from built_site import Built

from generator.site.linkcheck import check_links
from generator.trace.matrix import Status

pytestmark = pytest.mark.site


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site: Built) -> None:
    report = check_links(site.workspace.build)
    assert report.broken == ()
    assert report.pages >= 10 and report.links > 1000


def test_the_site_loads_nothing_from_outside(site: Built) -> None:
    assert check_links(site.workspace.build).remote_loads == ()
    for page in site.workspace.build.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text and "cdn.jsdelivr" not in text


def test_every_provision_has_an_element_with_its_id_on_its_section_page(site: Built) -> None:
    pages = {p.name: p.read_text(encoding="utf-8") for p in site.workspace.build.glob("s*.html")}
    for row in site.matrix.rows:
        section = row.section or row.id
        assert f'id="{row.id}"' in pages[f"{section}.html"], row.id


def test_the_home_page_says_plainly_that_the_text_is_a_working_text(site: Built) -> None:
    home = (site.workspace.build / "index.html").read_text(encoding="utf-8")
    assert "A working text, not the official one" in home
    assert "This is a working text of S. 2839" in home
    assert 'href="provenance.html"' in home
    assert home.count('class="bt-bar"') == len(site.matrix.sections)


def test_the_matrix_page_draws_every_provision_from_its_data_script(site: Built) -> None:
    import json

    matrix = (site.workspace.build / "matrix.html").read_text(encoding="utf-8")
    assert f'<table class="bt-matrix" data-rows="{len(site.matrix.rows)}">' in matrix
    assert 'href="matrix.csv"' in matrix and 'href="matrix.json"' in matrix and "<noscript>" in matrix
    script = (site.workspace.build / "assets" / "matrix.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    at = {name: i for i, name in enumerate(data["columns"])}
    assert [(r[at["id"]], r[at["status"]], r[at["provenance"]]) for r in data["rows"]] == [
        (r.id, r.status.slug, r.provenance.status) for r in site.matrix.rows]


def test_every_not_formalized_provision_shows_its_reason(site: Built) -> None:
    for row in site.matrix.rows:
        if row.status is Status.NOT_FORMALIZED:
            assert row.reason.strip()


def test_the_glossary_has_every_defined_term_with_its_uses(site: Built) -> None:
    glossary = (site.workspace.build / "glossary.html").read_text(encoding="utf-8")
    bill = site.report.matrix.rows[0].provision if site.report else None
    assert bill is not None
    assert "critical mineral" in glossary and "Used in" in glossary


def test_a_defined_term_in_the_text_links_to_its_definition_with_a_tooltip(site: Built) -> None:
    import json

    page = (site.workspace.build / "s5.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="s3\.html#s3_2">critical minerals?</a>', page)
    script = (site.workspace.build / "assets" / "terms.js").read_text(encoding="utf-8")
    tips = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    assert any("critical mineral" in forms[1:] and "critical mineral" in forms[0] for forms in tips["s3_2"])


def test_an_internal_citation_links_to_its_anchor_and_an_external_one_links_out(site: Built) -> None:
    page = (site.workspace.build / "s4.html").read_text(encoding="utf-8")
    assert '<a class="bt-c" href="#s4_b_1"' in page  # on its own page: a bare anchor
    assert '<a class="bt-c" href="s3.html#s3_2_A"' in page  # on another page: that page and the anchor
    assert re.search(r'<a class="bt-x" href="https://[^"]+">', page)


def test_the_traced_run_recorded_the_tests_of_the_law(site: Built) -> None:
    results = site.workspace.results.read_text(encoding="utf-8")
    assert '"nodeid": "tests/' in results
    assert "tests/site/" not in results and "tests/generator/" not in results


def test_a_rule_source_page_links_each_implemented_and_cited_provision_to_it(site: Built) -> None:
    page = (site.workspace.build / "source-provisions-s4-py.html").read_text(encoding="utf-8")
    implemented = re.search(r'<span class="nd">@implements</span><span class="p">\(</span><span class="s2">'
                            r'<a class="bt-id-link" href="s4\.html#s4_b" title="[^"]*">', page)
    assert implemented is not None
    cited = re.findall(r'<span class="n">Reason</span><span class="p">\(</span><span class="s2">'
                       r'<a class="bt-id-link" href="s4\.html#(s4_[a-z0-9_]+)"', page)
    assert cited
    assert 'href="s4.html#s4_b_1"' in page


def test_each_test_links_to_its_line_in_its_module_source_which_links_back_to_its_provisions(site: Built) -> None:
    from generator.site.pages import test_anchor, test_page
    from generator.trace.results import read_results

    test = next(t for t in read_results(site.workspace.results).tests if t.provisions)
    html = (site.workspace.build / test_page(test.path).replace(".md", ".html")).read_text(encoding="utf-8")
    entry = html.split(f'id="{test_anchor(test.nodeid)}"', 1)[1].split('class="bt-test"', 1)[0]
    assert f'href="#T-{test.line}"' in entry
    # The source below, each line anchored: the test starts there (at its decorators, if any).
    start = re.sub(r"<[^>]+>", "", html.split(f'id="T-{test.line}"', 1)[1].split(">", 1)[1]).split("\n")[:12]
    assert start[0].startswith(("@", "def "))
    assert any(line.startswith(f"def {test.name.split('[')[0]}(") for line in start)
    provision = test.provisions[0]
    assert re.search(rf'class="bt-id-link" href="s\d+\.html#{provision}"', html)


def test_each_glossary_entry_says_where_its_definitions_words_come_from(site: Built) -> None:
    import html as html_module

    glossary = (site.workspace.build / "glossary.html").read_text(encoding="utf-8")
    entries = glossary.split('<div class="bt-definition">')[1:]
    assert entries
    for entry in entries:
        where = entry.split("</p>", 1)[0]
        badge = re.search(r'class="bt-badge bt-prov-([a-z]+)"[^>]*>([^<]+)</a>', where)
        assert badge is not None, where
        link = re.search(r'Defined in <a href="[a-z0-9]+\.html#([A-Za-z0-9_]+)"', where)
        assert link is not None
        assert badge.group(1) == site.matrix.row(link.group(1)).provenance.status
        assert html_module.unescape(badge.group(2)) in ("official text", "from summary", "assumed", "unrecorded")


def test_a_defined_terms_tooltip_and_a_citations_title_say_where_the_words_come_from(site: Built) -> None:
    import json

    script = (site.workspace.build / "assets" / "terms.js").read_text(encoding="utf-8")
    tips = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    definition = next(d for d in site.matrix.rows if d.id == "s3_2")
    label = {"summary": "from summary", "official": "official text", "assumed": "assumed"}[
        definition.provenance.status]
    assert any(t[0].startswith("\u201ccritical mineral\u201d (sec. 3(2); " + label) for t in tips["s3_2"])
    ids = (site.workspace.build / "assets" / "ids.js").read_text(encoding="utf-8")
    entries = {e[0]: e for e in json.loads(ids.split("=", 1)[1].strip().rstrip(";"))}
    assert entries["s4_b_1"][2] == "sec. 4(b)(1)" and entries["s4_b_1"][4].startswith(_words(site, "s4_b_1"))


def test_the_search_by_citation_and_the_worked_examples_say_where_the_words_come_from(site: Built) -> None:
    import json

    script = (site.workspace.build / "assets" / "ids.js").read_text(encoding="utf-8")
    entries = {e[0]: e for e in json.loads(script.split("=", 1)[1].strip().rstrip(";"))}
    assert entries["s4_e_2"][4].startswith(_words(site, "s4_e_2"))
    examples = (site.workspace.build / "examples.html").read_text(encoding="utf-8")
    reasons = re.findall(r'<li><a href="s\d+\.html#([A-Za-z0-9_]+)">[^<]+</a> <a class="bt-badge bt-prov-([a-z]+)"',
                         examples)
    assert reasons
    assert all(site.matrix.row(i).provenance.status == status for i, status in reasons)


def _words(site: Built, provision_id: str) -> str:
    return {"summary": "from summary", "official": "official text", "assumed": "assumed",
            "unrecorded": "unrecorded"}[site.matrix.row(provision_id).provenance.status]


def test_the_parameters_page_lists_every_reading_with_its_default_and_the_provisions_it_reads(site: Built) -> None:
    from provisions.parameters import parameter_descriptions

    page = (site.workspace.build / "parameters.html").read_text(encoding="utf-8")
    for parameter in parameter_descriptions():
        assert f'id="param-{parameter.name.replace("_", "-")}"' in page, parameter.name
    assert "allocation_rounding" in page and "largest-remainder" in page
    assert 'href="s6.html#s6_c"' in page


def test_the_data_sources_page_gives_each_file_its_source_date_confidence_and_provisions(site: Built) -> None:
    from provisions.datasets import data_file_descriptions

    page = (site.workspace.build / "data.html").read_text(encoding="utf-8")
    for source in data_file_descriptions():
        assert f"<code>{source.file}</code>" in page
        assert source.confidence in page
    assert "covered_goods.csv" in page


def test_a_test_modules_page_is_named_once_for_its_path_and_its_old_name_leads_on_to_it(mini_site: Built) -> None:
    from generator.site.pages import test_page

    assert test_page("tests/rules/test_s4.py") == "tests-rules-s4.md"
    assert test_page("tests/test_parameters_documented.py") == "tests-parameters-documented.md"
    build = mini_site.workspace.build
    assert mini_site.inputs is not None
    paths = {t.path for t in mini_site.inputs.results.tests}
    assert paths
    for path in paths:
        page = test_page(path).replace(".md", ".html")
        assert not page.startswith("tests-tests-") and (build / page).is_file(), page
        moved = (build / ("tests-" + path.replace("/", "-").replace("_", "-").replace(".", "-") + ".html"))
        old = moved.read_text(encoding="utf-8")
        assert f'url={page}"' in old and f'location.replace("{page}" + location.hash)' in old
    nav = (build / "index.html").read_text(encoding="utf-8")
    assert "tests-tests-" not in nav
