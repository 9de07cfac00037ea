"""The build stamp in the footer: the bill's version, the commit and the day, as text."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from built_site import Built

from generator.site.stamp import build_stamp, git_commit
from grammar import Meta

pytestmark = pytest.mark.site


def test_the_stamp_names_the_bill_version_the_commit_and_the_day(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "a.txt"], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "commit", "-qm", "a"], check=True)
    commit = git_commit(tmp_path)
    assert len(commit) >= 7 and " " not in commit
    meta = Meta(measure="S.", number=2839, version="IS")
    stamp = build_stamp(tmp_path, meta, today=datetime.date(2026, 12, 1))
    assert stamp.startswith("Built by billtrace ") and "from S. 2839 (IS)" in stamp
    assert stamp.endswith(f"commit {commit}, on December 1, 2026")
    (tmp_path / "a.txt").write_text("b", encoding="utf-8")
    assert git_commit(tmp_path) == f"{commit} with uncommitted changes"


def test_outside_git_the_stamp_has_no_commit_and_markup_in_the_version_is_text(tmp_path: Path) -> None:
    stamp = build_stamp(tmp_path, Meta(measure="S.", number=1, version="<b>IS</b>"), today=datetime.date(2026, 1, 2))
    assert "commit" not in stamp and "&lt;b&gt;IS&lt;/b&gt;" in stamp and "<b>" not in stamp


def test_the_built_site_shows_the_stamp_a_dark_mode_toggle_and_previous_next_links(site: Built) -> None:
    home = (site.workspace.build / "s4.html").read_text(encoding="utf-8")
    footer = home.split('class="md-copyright"', 1)[1][:600]
    assert "Built by billtrace" in footer and "S. 2839 (IS)" in footer
    assert 'data-md-color-scheme="slate"' in home  # the dark palette, switched by the toggle
    assert 'class="md-footer__link md-footer__link--prev"' in home
    assert 'class="md-footer__link md-footer__link--next"' in home
    assert 'class="md-path"' in home  # breadcrumbs
