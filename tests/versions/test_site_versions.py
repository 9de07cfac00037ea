"""The site's version pages: the texts held, a page per pair with typed changes and a redline, each
provision's history, all of a bill's words escaped."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from versions_texts import DRAFT, ROOT, WORKING

from generator.project.workspace import Workspace
from generator.site.mkdocs_run import mkdocs_build
from generator.site.pages import Site, render
from generator.site.write import write_site
from generator.trace.collect import collect_from
from generator.trace.matrix import join
from grammar import parse_file, parse_text
from provisions import RULES


def site_with(tmp_path: Path, *versions_text: str) -> Site:
    """The project's site, holding ``versions_text`` as earlier texts of its bill."""
    workspace = Workspace.at(ROOT, state=tmp_path / "state", site=tmp_path / "site")
    inputs = collect_from(parse_file(WORKING), RULES.catalogue(), workspace, require_results=False)
    versions = tuple(dataclasses.replace(parse_text(text), source=f"version-{n}.txt")
                     for n, text in enumerate(versions_text, start=1))
    inputs = dataclasses.replace(inputs, versions=versions)
    return render(join(inputs), inputs)


def test_without_other_texts_there_are_no_version_pages(tmp_path: Path) -> None:
    site = site_with(tmp_path)
    assert not [name for name in site.files if name.startswith("versions")]
    assert "Versions" not in site.config


def test_a_page_per_pair_with_typed_changes_and_a_redline(tmp_path: Path) -> None:
    site = site_with(tmp_path, DRAFT.read_text(encoding="utf-8"))
    overview = site.files["versions.md"]
    assert "S. 2839 (RS), Reported in Senate" in overview and "(the project's text)" in overview
    assert "Reported in Senate to S\\. 2839 \\(IS\\), Introduced in Senate](versions-1.md)" in overview
    page = site.files["versions-1.md"]
    # from the drafted RS back to the working text: 50 percent becomes 60, sec. 5(c) becomes 6(c)
    assert "<strong>percentage</strong>: 50 percent &rarr; 60 percent" in page
    assert '<a href="s6.html#s6_c_1">sec. 6(c)(1)</a> <code>s6_c_1</code>' in page
    assert "Department of energy <del>50</del> <ins>60</ins> percent" in page
    assert '<span class="bt-badge bt-change-renumbered">renumbered</span> sec. 4(f) <code>s4_f</code>' in page
    assert "Versions" in site.config and "versions-1.md" in site.config


def test_the_affected_provisions_say_whose_numbers_they_carry_and_give_the_old_number_first(tmp_path: Path) -> None:
    page = site_with(tmp_path, DRAFT.read_text(encoding="utf-8")).files["versions-1.md"]
    listed = page[page.index("## Affected"):]
    assert "numbered as in the new text, the old number first where it differs" in listed
    # the draft's 4(f)(2) is the working text's 4(e)(2); 4(b)(1) kept its number
    assert '<li><a href="s4.html#s4_e_2">sec. 4(f)(2) \u2192 sec. 4(e)(2)</a>: ' in listed
    assert '<li><a href="s4.html#s4_b_1">sec. 4(b)(1)</a>: ' in listed
    # one item a line, the bill's quoted words as code, not Markdown
    assert "this provision uses <code>foreign country of concern</code></li>\n<li>" in listed
    assert "`" not in listed


def test_a_provision_shows_its_history_across_the_texts(tmp_path: Path) -> None:
    site = site_with(tmp_path, DRAFT.read_text(encoding="utf-8"))
    section4 = site.files["s4.md"]
    assert ('Earlier texts: <a href="versions-1.html#v-s4_e">S. 2839 (RS), Reported in Senate</a>: sec. 4(f) '
            '<code>s4_f</code>, renumbered') in section4
    assert 'Earlier texts: <a href="versions-1.html#v-s4_i_2">S. 2839 (RS), Reported in Senate</a>: not in that text, added' in section4


def test_the_words_of_another_text_are_escaped(tmp_path: Path) -> None:
    text = WORKING.read_text(encoding="utf-8").replace(
        "Secretary of State.", "Secretary of <script>alert(1)</script> [State](javascript:x).")
    page = site_with(tmp_path, text).files["versions-1.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.site
def test_the_version_pages_build_with_mkdocs_strict(tmp_path: Path) -> None:
    site = site_with(tmp_path, DRAFT.read_text(encoding="utf-8"))
    write_site(site, docs=tmp_path / "site" / "docs", config=tmp_path / "site" / "mkdocs.yml")
    mkdocs_build(tmp_path / "site" / "mkdocs.yml")
    assert (tmp_path / "site" / "build" / "versions-1.html").is_file()
