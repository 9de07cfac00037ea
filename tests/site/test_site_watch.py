"""``billtrace serve --watch``: what triggers a rebuild, and the reload the served pages get."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.project.workspace import Workspace
from generator.site.serve import BuildCounter, make_server
from generator.site.watch import Rebuild, Snapshot, rebuild_for, snapshot, watch

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> tuple[Workspace, Path]:
    """A new project made by `billtrace init` from S. 2839's text, and a copy of the site's templates."""
    billtrace = Path(sys.executable).parent / "billtrace"
    subprocess.run([str(billtrace), "init", str(tmp_path / "p"), "--bill", str(ROOT / "statute" / "s2839-is.txt")],
                   check=True, capture_output=True, cwd=tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "generator" / "site" / "templates", templates)
    return Workspace.at(tmp_path / "p"), templates


def test_nothing_changed_means_no_rebuild(project: tuple[Workspace, Path]) -> None:
    workspace, templates = project
    assert rebuild_for(snapshot(workspace, templates=templates), snapshot(workspace, templates=templates)) is None


def test_a_changed_template_re_renders_without_tracing_the_tests_again(project: tuple[Workspace, Path]) -> None:
    workspace, templates = project
    before = snapshot(workspace, templates=templates)
    with (templates / "glossary.md.j2").open("a", encoding="utf-8") as file:
        file.write("\n")
    assert rebuild_for(before, snapshot(workspace, templates=templates)) == Rebuild(
        trace=False, changed=("template glossary.md.j2",))


def test_a_changed_rule_test_or_bill_traces_the_tests_again(project: tuple[Workspace, Path]) -> None:
    workspace, templates = project
    for path in (workspace.root / "rules" / "s6.py", workspace.root / "tests" / "test_example.py", workspace.bill):
        before = snapshot(workspace, templates=templates)
        with path.open("a", encoding="utf-8") as file:
            file.write("\n# edited\n")
        change = rebuild_for(before, snapshot(workspace, templates=templates))
        assert change is not None and change.trace
        assert workspace.relative(path) in change.changed


def test_the_watcher_rebuilds_once_per_change() -> None:
    states = iter([Snapshot({"a": "1"}, {}), Snapshot({"a": "1"}, {}), Snapshot({"a": "2"}, {}),
                   Snapshot({"a": "2"}, {"t": "x"}), Snapshot({"a": "2"}, {"t": "x"})])
    calls: list[Rebuild] = []
    watch(None, calls.append, interval=0, rounds=4, take=lambda _: next(states))  # type: ignore[arg-type]
    assert calls == [Rebuild(trace=True, changed=("a",)), Rebuild(trace=False, changed=("template t",))]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<html><body><p>home</p></body></html>", encoding="utf-8")
    (tmp_path / "style.css").write_text("p {}", encoding="utf-8")
    return tmp_path


def _serve(folder: Path, counter: BuildCounter | None) -> Iterator[str]:
    server = make_server(folder, port=0, reload=counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_a_watched_page_polls_the_build_number_and_the_number_moves_on_each_rebuild(built: Path) -> None:
    counter = BuildCounter()
    for base in _serve(built, counter):
        page = _get(base)
        assert "/__billtrace/build" in page and "location.reload()" in page
        assert page.index("location.reload()") < page.index("</body>")
        assert _get(base + "style.css") == "p {}"
        assert _get(base + "__billtrace/build") == "0"
        counter.bump()
        assert _get(base + "__billtrace/build") == "1"
    assert "__billtrace" not in (built / "index.html").read_text(encoding="utf-8")  # the files stay as built


def test_a_page_served_without_watch_has_no_reload_script(built: Path) -> None:
    for base in _serve(built, None):
        assert "__billtrace" not in _get(base + "index.html")
        with pytest.raises(urllib.error.HTTPError):
            _get(base + "__billtrace/build")
