"""Words changed since review, as a reader of the site sees it: badges, the word diff, the dashboard."""

from __future__ import annotations

import json
import re

import pytest
from built_site import Built

pytestmark = pytest.mark.site


def _main(built: Built, name: str) -> str:
    html = (built.workspace.build / name).read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_a_provision_whose_words_changed_has_a_badge_on_its_page_and_on_its_matrix_row(mini_site: Built) -> None:
    page = _main(mini_site, "s3.html")
    block = page.split('id="s3_a"', 1)[1].split('id="s3_b"', 1)[0]
    assert '<span class="bt-badge bt-review-changed" title="' in block
    assert ">words changed since review</span>" in block
    assert "billtrace review --accept s3_a" in block
    script = (mini_site.workspace.build / "assets" / "matrix.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    at = {name: i for i, name in enumerate(data["columns"])}
    row = next(r for r in data["rows"] if r[at["id"]] == "s3_a")
    # Its tests pass, but they ran its rule against other words: not verified until re-read.
    assert (row[at["status"]], row[at["review"]], row[at["stale"]]) == ("changed-since-review", "changed", 1)
    assert row[at["review_summary"]]


def test_the_word_diff_shows_the_old_words_struck_and_the_new_inserted_as_text(mini_site: Built) -> None:
    block = _main(mini_site, "s3.html").split('id="s3_a"', 1)[1]
    diff = block.split('<p class="bt-review-diff">', 1)[1].split("</p>", 1)[0]
    assert "<del>&lt;b&gt;free&lt;/b&gt;</del> <ins>free</ins>" in diff
    assert "<del>[duty](javascript:x),</del> <ins>duty,</ins>" in diff


def test_a_current_or_untracked_provision_has_no_review_badge(mini_site: Built) -> None:
    page = _main(mini_site, "s1.html")
    assert "bt-review" not in page


def test_the_home_dashboard_counts_changed_unreviewed_and_removed_provisions(mini_site: Built) -> None:
    home = _main(mini_site, "index.html")
    for state, count in (("changed", 1), ("unreviewed", 4), ("removed", 1)):
        figure = re.search(rf'<div class="bt-figure bt-review-{state}" id="review-{state}"><span class="bt-number">'
                           rf"(\d+)</span>", home)
        assert figure is not None and int(figure.group(1)) == count, state
    assert "Words changed since their rules and tests were reviewed" in home
    assert re.search(r'<tr id="dash-s3">.*<span class="bt-badge bt-review-changed">3</span>', home)


def test_the_matrix_filter_of_stale_words_counts_changed_and_never_reviewed_ones_and_says_so(
        mini_site: Built) -> None:
    page = _main(mini_site, "matrix.html")  # 1 changed and 4 never reviewed: not 5 changed
    assert 'data-filter="stale" aria-pressed="false">words changed since review or never reviewed (5)</button>' in page


def test_a_reviewed_provision_the_text_no_longer_has_is_listed_on_the_matrix_page(mini_site: Built) -> None:
    page = _main(mini_site, "matrix.html")
    assert 'id="removed-s9"' in page
    assert "the text no longer has provision s9" in page
    assert "A &lt;script&gt;gone&lt;/script&gt; provision." in page


def test_the_site_of_s2839_counts_the_provisions_whose_words_changed(site: Built) -> None:
    home = _main(site, "index.html")
    figure = re.search(r'id="review-changed"><span class="bt-number">(\d+)</span>', home)
    assert figure is not None
    assert int(figure.group(1)) == sum(1 for r in site.matrix.rows if r.review and r.review.state.value == "changed")
    matrix = _main(site, "matrix.html")
    assert f"words changed since review or never reviewed ({site.matrix.tally.stale})" in matrix
    script = (site.workspace.build / "assets" / "matrix.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    at = {name: i for i, name in enumerate(data["columns"])}
    tracked = [r[at["id"]] for r in data["rows"] if r[at["review"]]]
    assert tracked == [r.id for r in site.matrix.rows if r.review is not None]
