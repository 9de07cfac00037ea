"""Step four, the only one that writes the site's sources: ``docs/`` and ``mkdocs.yml``."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.site.pages import Site

__all__ = ["write_file", "write_site"]


def write_file(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` (UTF-8, ``\\n`` line ends), making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(content)


def write_site(site: Site, *, docs: Path, config: Path) -> None:
    """Replace ``docs`` with the rendered files (so no stale page survives) and write ``config``."""
    if docs.exists():
        shutil.rmtree(docs)
    for relative, content in site.files.items():
        write_file(docs / relative, content)
    write_file(config, site.config)
