"""The build stamp in the site's footer: which bill version, which commit, which day.

It reaches the pages through mkdocs' ``copyright`` (read from the environment by
``mkdocs.yml``), so the Markdown and ``mkdocs.yml`` stay byte-identical between
builds.  The theme puts ``copyright`` into the page as HTML: the stamp is escaped.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from generator.site.markup import html_escape
from grammar import Meta

__all__ = ["build_stamp", "git_commit"]


def build_stamp(root: Path, meta: Meta, *, today: datetime.date | None = None) -> str:
    """``Built by billtrace 0.1 from S. 77 (IS), commit 1a2b3c4, on December 1, 2026``, HTML-escaped."""
    day = today or datetime.date.today()
    bill = " ".join(p for p in (meta.citation, f"({meta.version})" if meta.version else "") if p) or "the bill"
    parts = [f"Built by billtrace {_version()} from {bill}"]
    commit = git_commit(root)
    if commit:
        parts.append(f"commit {commit}")
    parts.append(f"on {day:%B} {day.day}, {day.year}")
    return str(html_escape(", ".join(parts)))


def git_commit(root: Path) -> str:
    """The short commit of ``root``'s checkout (``+`` when it has uncommitted changes), or ``""`` outside git."""
    git = shutil.which("git")
    if git is None:
        return ""
    head = subprocess.run([git, "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          check=False)
    if head.returncode != 0:
        return ""
    dirty = subprocess.run([git, "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False)
    return head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def _version() -> str:
    try:
        return metadata.version("billtrace")
    except metadata.PackageNotFoundError:
        return "(not installed)"
