"""Site benchmark: render and write the pages of a synthetic 1,000-section bill, then mkdocs build.

The synthetic bill is the one benchmarks/parse.py makes (the working text's
sections 3 to 6, renumbered, under the bill's own header).  The rules are the real
ones, the traced run the last one in ``.billtrace/`` (run ``make site`` or
``billtrace test`` first; without one the tests are left out and the figure says so).
Prints the seconds of each step and the bytes of each kind of page; the targets are
render + write under 30 seconds, the Markdown at most 10.3 MB (a fifth of the 51.5 MB it
once was), and ``make site`` for S. 2839 under 60 seconds on two cores.  Files the site
ships beside the Markdown (the report page, the matrix's rows, the scripts' data, the
downloads) are counted apart: mkdocs copies them as they are.

    python benchmarks/site.py                 # 1,000 sections, with mkdocs build
    python benchmarks/site.py 200 --no-mkdocs  # another size, pages only
    python benchmarks/site.py --make-site      # also time `make site` for S. 2839
    python benchmarks/site.py --elements       # also what a section page's bytes are
    python benchmarks/site.py --without-tests  # as if no traced run were there
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.project.workspace import Workspace  # noqa: E402
from generator.site.mkdocs_run import mkdocs_build  # noqa: E402
from generator.site.pages import render  # noqa: E402
from generator.site.write import write_site  # noqa: E402
from generator.trace.collect import collect_from  # noqa: E402
from generator.trace.matrix import join  # noqa: E402
from grammar import parse_file  # noqa: E402
from provisions import RULES  # noqa: E402

TARGET_RENDER_WRITE = 30.0
TARGET_MAKE_SITE = 60.0
TARGET_MARKDOWN = 10.3e6

_SECTION_PAGE = re.compile(r"s\d+\.md")
# What a section page's bytes are, in the order they are taken out of it.
_ELEMENTS = (
    ("collapsed rules and tests", re.compile(r'<details class="bt-work">.*?</details>\n', re.S)),
    ("status lines of their own", re.compile(r'<p class="bt-s">.*?</p>\n')),
    ("notes, covered by, history", re.compile(r'<p class="bt-(?:note|covered|history)">.*?</p>\n')),
    ("reviews", re.compile(r'<div class="bt-review.*?</div>\n', re.S)),
    ("headings", re.compile(r"^#.*\n", re.M)),
    ("links in the words", re.compile(r"<a [^>]*>|</a>")),
    ("blocks (div, p, i)", re.compile(r"</?(?:div|p|i)(?: [^>]*)?>")),
    ("line ends", re.compile(r"\n")),
)


def kind(name: str) -> str:
    """The kind of a file of the site, as the figures group them."""
    if _SECTION_PAGE.fullmatch(name):
        return "section pages"
    if name.endswith(".md"):
        return {"matrix.md": "matrix", "glossary.md": "glossary", "index.md": "home"}.get(
            name, "test module pages" if name.startswith("tests-") else "rule sources"
            if name.startswith("source-") else "other pages")
    return "beside the Markdown: " + name


def elements(files: dict[str, str]) -> dict[str, int]:
    """The bytes of the section pages by what they are (what is left is the bill's words)."""
    sizes = dict.fromkeys([name for name, _ in _ELEMENTS], 0)
    words = 0
    for name, text in files.items():
        if not _SECTION_PAGE.fullmatch(name):
            continue
        for element, pattern in _ELEMENTS:
            sizes[element] += sum(len(m.encode("utf-8")) for m in pattern.findall(text))
            text = pattern.sub("", text)
        words += len(text.encode("utf-8"))
    return {"the words of the bill": words, **sizes}


def _synthetic_bill(sections: int) -> str:
    spec = importlib.util.spec_from_file_location("billtrace_benchmark_parse", ROOT / "benchmarks" / "parse.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.synthetic_bill(sections))


def run(sections: int, *, with_mkdocs: bool, with_elements: bool = False,
        without_tests: bool = False) -> dict[str, float]:
    """Time each step for a synthetic bill of ``sections`` sections; returns seconds by step."""
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="billtrace-bench-") as tmp:
        statute = Path(tmp, "statute")
        statute.mkdir()
        (statute / "synthetic.txt").write_text(_synthetic_bill(sections), encoding="utf-8")
        state = {"state": Path(tmp, "no-run")} if without_tests else {}
        workspace = Workspace.at(ROOT, bill=statute / "synthetic.txt", site=Path(tmp, "site"), **state)
        started = time.perf_counter()
        bill = parse_file(workspace.bill)
        inputs = collect_from(bill, RULES.catalogue().relative_to(str(ROOT)), workspace, require_results=False)
        seconds["parse + collect"] = time.perf_counter() - started
        started = time.perf_counter()
        matrix = join(inputs)
        seconds["join"] = time.perf_counter() - started
        started = time.perf_counter()
        site = render(matrix, inputs)
        write_site(site, docs=workspace.docs, config=workspace.config)
        seconds["render + write"] = time.perf_counter() - started
        seconds["pages"] = float(len(site.files))
        seconds["markdown bytes"] = float(sum(len(t.encode("utf-8")) for n, t in site.files.items()
                                              if n.endswith(".md")))
        for name, text in site.files.items():
            group = "bytes: " + kind(name)
            seconds[group] = seconds.get(group, 0.0) + len(text.encode("utf-8"))
        if with_elements:
            for element, size in elements(dict(site.files)).items():
                seconds["element: " + element] = float(size)
        seconds["traced"] = float(inputs.traced)
        if with_mkdocs:
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            mkdocs_build(workspace.config)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds["mkdocs build"] = time.perf_counter() - started
            # The processor seconds mkdocs used: a loaded machine stretches the wall-clock ones.
            seconds["mkdocs CPU"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds


def make_site() -> float:
    """Seconds for ``make site`` (S. 2839: trace, render, mkdocs build, link check)."""
    started = time.perf_counter()
    subprocess.run(["make", "site"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="?", type=int, default=1000)
    parser.add_argument("--no-mkdocs", action="store_true", help="skip the mkdocs build")
    parser.add_argument("--make-site", action="store_true", help="also time `make site` for S. 2839")
    parser.add_argument("--elements", action="store_true", help="also break the section pages down by element")
    parser.add_argument("--without-tests", action="store_true",
                        help="leave the last traced run out (no rule or test blocks, no test module pages)")
    args = parser.parse_args(argv)
    ok = True
    if args.make_site:
        total = make_site()
        ok &= total < TARGET_MAKE_SITE
        print(f"make site (S. 2839): {total:.1f} s (target < {TARGET_MAKE_SITE:.0f} s)")
    figures = run(args.sections, with_mkdocs=not args.no_mkdocs, with_elements=args.elements,
                  without_tests=args.without_tests)
    traced = "with the last traced run" if figures.pop("traced") else "no traced run found: tests left out"
    pages = int(figures.pop("pages"))
    markdown = figures.pop("markdown bytes")
    print(f"synthetic bill of {args.sections} sections, {pages} files ({markdown / 1e6:.2f} MB of Markdown), "
          f"{traced}:")
    for step, value in figures.items():
        if step.startswith(("bytes: ", "element: ")):
            continue
        print(f"  {step:<16} {value:8.2f} s")
    print("  Markdown and the files beside it, by kind:")
    for step, value in sorted(((k, v) for k, v in figures.items() if k.startswith("bytes: ")),
                              key=lambda item: (item[0].startswith("bytes: beside"), -item[1])):
        print(f"    {step[7:]:<48} {value / 1e6:8.3f} MB")
    if args.elements:
        print("  the section pages, by element:")
        for step, value in figures.items():
            if step.startswith("element: "):
                print(f"    {step[9:]:<48} {value / 1e6:8.3f} MB")
    render_ok = figures["render + write"] < TARGET_RENDER_WRITE
    size_ok = markdown <= TARGET_MARKDOWN
    print(f"render + write target < {TARGET_RENDER_WRITE:.0f} s: {'met' if render_ok else 'NOT met'}; "
          f"Markdown target <= {TARGET_MARKDOWN / 1e6:.1f} MB: {'met' if size_ok else 'NOT met'}")
    return 0 if ok and render_ok and size_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
