"""Site benchmark: render and write the pages of a synthetic 1,000-section bill, then mkdocs build.

The synthetic bill is the one benchmarks/parse.py makes (the working text's
sections 3 to 6, renumbered, under the bill's own header).  The rules are the real
ones, the traced run the last one in ``.billtrace/`` (run ``make site`` or
``billtrace test`` first; without one the tests are left out and the figure says so).
Prints the seconds of each step; the targets are render + write under 30 seconds,
and ``make site`` for S. 2839 under 60 seconds on two cores.

    python benchmarks/site.py                 # 1,000 sections, with mkdocs build
    python benchmarks/site.py 200 --no-mkdocs  # another size, pages only
    python benchmarks/site.py --make-site      # also time `make site` for S. 2839
"""

from __future__ import annotations

import argparse
import importlib.util
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


def _synthetic_bill(sections: int) -> str:
    spec = importlib.util.spec_from_file_location("billtrace_benchmark_parse", ROOT / "benchmarks" / "parse.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.synthetic_bill(sections))


def run(sections: int, *, with_mkdocs: bool) -> dict[str, float]:
    """Time each step for a synthetic bill of ``sections`` sections; returns seconds by step."""
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="billtrace-bench-") as tmp:
        statute = Path(tmp, "statute")
        statute.mkdir()
        (statute / "synthetic.txt").write_text(_synthetic_bill(sections), encoding="utf-8")
        workspace = Workspace.at(ROOT, bill=statute / "synthetic.txt", site=Path(tmp, "site"))
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
        seconds["traced"] = float(inputs.traced)
        if with_mkdocs:
            started = time.perf_counter()
            mkdocs_build(workspace.config)
            seconds["mkdocs build"] = time.perf_counter() - started
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
    args = parser.parse_args(argv)
    ok = True
    if args.make_site:
        total = make_site()
        ok &= total < TARGET_MAKE_SITE
        print(f"make site (S. 2839): {total:.1f} s (target < {TARGET_MAKE_SITE:.0f} s)")
    figures = run(args.sections, with_mkdocs=not args.no_mkdocs)
    traced = "with the last traced run" if figures.pop("traced") else "no traced run found: tests left out"
    pages = int(figures.pop("pages"))
    markdown = figures.pop("markdown bytes")
    print(f"synthetic bill of {args.sections} sections, {pages} files ({markdown / 1e6:.1f} MB of Markdown), "
          f"{traced}:")
    for step, value in figures.items():
        print(f"  {step:<16} {value:8.2f} s")
    ok &= figures["render + write"] < TARGET_RENDER_WRITE
    print(f"render + write target < {TARGET_RENDER_WRITE:.0f} s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
