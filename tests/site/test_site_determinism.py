"""Two builds from the same inputs give byte-identical Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from built_site import Built

from generator.site.pages import render
from generator.site.write import write_site
from generator.trace.collect import collect
from generator.trace.matrix import join

pytestmark = pytest.mark.site


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_rendering_the_same_inputs_twice_gives_byte_identical_files(site: Built, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for target in (first, second):
        inputs = collect(site.workspace)  # read afresh from the same files each time
        write_site(render(join(inputs), inputs), docs=target / "docs", config=target / "mkdocs.yml")
    assert _tree(first) == _tree(second)
    assert _tree(first / "docs") == _tree(site.workspace.docs)
    assert (first / "mkdocs.yml").read_bytes() == site.workspace.config.read_bytes()


def test_the_markdown_carries_no_absolute_path_and_no_timestamp(site: Built) -> None:
    for name, content in _tree(site.workspace.docs).items():
        text = content.decode("utf-8")
        assert str(site.workspace.root) not in text, name
        assert "/tmp/" not in text, name
