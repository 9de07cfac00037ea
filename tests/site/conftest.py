"""Fixtures of the site tests: S. 2839's site and the fixture bill's site, each built once."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from built_site import Built

from generator.project.workspace import Workspace
from generator.site.build import build_site
from generator.site.mkdocs_run import mkdocs_build
from generator.site.pages import Site, render
from generator.site.serve import make_server
from generator.site.write import write_site
from generator.trace.collect import collect, collect_from
from generator.trace.matrix import join
from grammar import parse_file

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_BILL = ROOT / "tests" / "site" / "fixtures" / "hostile-bill.txt"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def _mini() -> ModuleType:
    name = "billtrace_fixture_mini"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "generator" / "fixtures" / "mini.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """S. 2839's site, built as `billtrace build` builds it (tests traced, mkdocs, link check)."""
    tmp = tmp_path_factory.mktemp("s2839")
    workspace = Workspace.at(ROOT, state=tmp / "state", site=tmp / "site")
    report = build_site(workspace)
    return Built(workspace, None, report.matrix, report)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """S. 2839's site rendered in memory, without a traced run (fast: for what the pages say)."""
    tmp = tmp_path_factory.mktemp("rendered")
    workspace = Workspace.at(ROOT, state=tmp / "state", site=tmp / "site")
    inputs = collect(workspace, require_results=False)
    return render(join(inputs), inputs)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture bill's site: markup in its text, test names and docstrings."""
    mini = _mini()
    workspace = mini.workspace(tmp_path_factory.mktemp("mini"))
    inputs = collect_from(parse_file(workspace.bill), mini.catalogue(), workspace)
    matrix = join(inputs)
    write_site(render(matrix, inputs), docs=workspace.docs, config=workspace.config)
    mkdocs_build(workspace.config)
    return Built(workspace, inputs, matrix)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture bill with script, event-handler and ``javascript:`` payloads in its headings,
    short title, sponsor, definitions and text (tests/site/fixtures/hostile-bill.txt)."""
    mini = _mini()
    workspace = mini.workspace(tmp_path_factory.mktemp("hostile"))
    shutil.copyfile(HOSTILE_BILL, workspace.bill)
    inputs = collect_from(parse_file(workspace.bill), mini.catalogue(), workspace)
    matrix = join(inputs)
    write_site(render(matrix, inputs), docs=workspace.docs, config=workspace.config)
    mkdocs_build(workspace.config)
    return Built(workspace, inputs, matrix)


def _serve(built: Built) -> Iterator[str]:
    server = make_server(built.workspace.build, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served(site: Built) -> Iterator[str]:
    """The base URL of S. 2839's built site, served on 127.0.0.1."""
    yield from _serve(site)


@pytest.fixture(scope="session")
def hostile_served(hostile_site: Built) -> Iterator[str]:
    """The base URL of the hostile bill's built site, served on 127.0.0.1."""
    yield from _serve(hostile_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (skipped where absent, except in CI)."""
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: .ci/run should have installed Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as playwright:  # each launch gets a fresh, empty profile
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
