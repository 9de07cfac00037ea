"""Parsing speed and memory: synthetic bills made from the working text, and shapes of input
that once cost more than their size.

Each synthetic bill repeats sections 3, 4, 5, 4, 6 of statute/s2839-is.txt, renumbered
(and with their internal citations renumbered to match), under the bill's own
header.  The shapes are files of one kind of line only: designation lines, one
designation repeated, repeated definitions, runs of citations, the whole text on one
line, text without designations, distinct definitions, one term in many scopes, a quotation
never closed; and six
denser than any real bill (a unit or a line of the table of contents every 20 to 55 bytes):
many short sections, a table of contents of sections the text lacks, a citation in every
unit, units nested five deep, straight-quoted definitions, flush language under every unit.
Every measurement parses a file from disk (text -> Bill with both layers) in a fresh
process, so that its peak memory (the peak of the process's resident set while
parsing, less the resident set before) is its own.

    python benchmarks/parse.py                 # bills of 100, 1,000 and 10,000 sections, then the shapes
    python benchmarks/parse.py bills 100 1000  # bills of those sizes only
    python benchmarks/parse.py shapes 5        # the shapes only, each of about 5 MB

Prints per input the MB, the seconds (CPU time of the parsing process, best of the runs:
on a shared machine wall-clock time measures the neighbours), seconds per MB and peak
memory as a multiple of the file's size; then time per MB of the largest bill against the
smallest, and of each shape against the 1,000-section bill, measured in the same run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATUTE = ROOT / "statute" / "s2839-is.txt"
_SECTION = re.compile(r"^(SECTION|SEC\.) (\d+)\.", re.MULTILINE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def synthetic_bill(sections: int) -> str:
    """The working text's header, then ``sections`` sections copied from secs. 3 to 6."""
    text = STATUTE.read_text(encoding="utf-8")
    starts = [m.start() for m in _SECTION.finditer(text)]
    header = text[: starts[0]]
    end = text.index("<all>")
    sections_3_to_6 = [text[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)][2:]
    # secs. 3, 4, 5, 4, 6 in turn: about 5 kB a section, so about 5 MB at 1,000 sections
    bodies = [sections_3_to_6[i] for i in (0, 1, 2, 1, 3)]
    out = [header]
    for n in range(1, sections + 1):
        out.append(_renumbered(bodies[(n - 1) % len(bodies)], n))
    out.append("\n                                 <all>\n")
    return "".join(out)


def small_sections_bill(sections: int, subsections: bool = False) -> str:
    """The working text's header, then ``sections`` sections of one sentence each (or of two
    short subsections each), every one with a heading of its own: a bill of many small sections."""
    text = STATUTE.read_text(encoding="utf-8")
    header = text[: _SECTION.search(text).start()]  # type: ignore[union-attr]
    if subsections:
        body = ("SEC. {n}. PROGRAM {n}.\n\n    (a) In General.--The Secretary shall establish program {n}.\n"
                "    (b) Report.--Not later than 1 year after the date of enactment of this Act, the Secretary "
                "shall submit a report on program {n}.\n\n")
    else:
        body = "SEC. {n}. SECTION {n}.\n\n    The Secretary shall carry out activity {n}.\n\n"
    closing = "\n                                 <all>\n"
    return header + "".join(body.format(n=n) for n in range(1, sections + 1)) + closing


def _renumbered(body: str, number: int) -> str:
    """A section's text as section ``number``, its "section 4(a)" citations shifted to match."""
    original = int(_SECTION.match(body).group(2))  # type: ignore[union-attr]
    header = f"{'SECTION' if number == 1 else 'SEC.'} {number}."
    body = _SECTION.sub(header, body, count=1)
    return re.sub(
        r"\bsection (\d+)\(",
        lambda m: f"section {max(1, number - original + int(m.group(1)))}(",
        body,
    )


# The shapes: each a section header and then one kind of line, about ``size`` bytes of it.
def _lines(line: Callable[[int], str], size: int) -> str:
    out = ["SEC. 1. SHAPES.\n\n"]
    total = 0
    n = 0
    while total < size:
        piece = line(n)
        out.append(piece)
        total += len(piece)
        n += 1
    return "".join(out)


_NESTED = ("(a)", "(1)", "(A)", "(i)", "(I)")


def _sections(size: int) -> str:
    """Sections of one short sentence each, numbered 1, 2, 3 ..."""
    out, total, number = [], 0, 1
    while total < size:
        piece = f"SEC. {number}. WIDGETS.\n\n    The Secretary shall act.\n\n"
        out.append(piece)
        total += len(piece)
        number += 1
    return "".join(out)


def _table_of_contents(size: int) -> str:
    """A table of contents listing ``size`` bytes of sections, of which the text has one (a
    text cut short after its table): a mismatch for every line of the table."""
    head = ("SECTION 1. SHORT TITLE; TABLE OF CONTENTS.\n\n"
            "    (a) Short Title.--This Act may be cited as the ``Widget Act''.\n"
            "    (b) Table of Contents.--The table of contents for this Act is as follows:\n\n"
            "Sec. 1. Short title; table of contents.\n")
    out, total, number = [head], 0, 2
    while total < size:
        piece = f"Sec. {number}. Widgets.\n"
        out.append(piece)
        total += len(piece)
        number += 1
    out.append("\nSEC. 2. WIDGETS.\n\n    The Secretary shall act.\n")
    return "".join(out)


def _many_scopes(size: int) -> str:
    """A term defined for the whole Act in capitals and again, in lower case, in each of the
    twenty paragraphs of every later section, each use capitalised: a use is judged against
    both (a fresh-eyes review found that quadratic)."""
    out = ["SEC. 1. DEFINITIONS.\n\n    In this Act, the term ``Widget'' means a thing.\n\n"]
    total, number = len(out[0]), 2
    while total < size:
        paragraphs = "".join(f"            ({k}) In this paragraph, the term ``widget'' means a Widget.\n"
                             for k in range(1, 21))
        piece = f"SEC. {number}. RULES {number}.\n\n    (a) Scoped.--\n{paragraphs}\n"
        out.append(piece)
        total += len(piece)
        number += 1
    return "".join(out)


SHAPES: dict[str, Callable[[int], str]] = {
    "designation lines only": lambda size: _lines(
        lambda n: f"    ({_LETTERS[n % 26]}) The Secretary shall act under this section.\n", size),
    "one designation repeated": lambda size: _lines(lambda n: "    (a) The Secretary shall act.\n", size),
    "repeated definitions": lambda size: _lines(lambda n: "    The term ``widget'' means a gadget.\n", size),
    "runs of citations": lambda size: "SEC. 1. SHAPES.\n\n    See " + "section 1, " * (size // 11) + "\n",
    "one line": lambda size: "SEC. 1. SHAPES.\n\n    " + "word " * (size // 5) + "\n",
    "text without designations": lambda size: _lines(
        lambda n: "    The Secretary shall act under this Act and the rules for widgets\n", size),
    "distinct definitions": lambda size: _lines(
        lambda n: f"    ({_LETTERS[n % 26]}) The term ``widget {n}'' means a gadget.\n", size),
    "one term in many scopes": lambda size: _many_scopes(size),
    "a quotation never closed": lambda size: "SEC. 1. SHAPES.\n\n    The term ``widget means\n" + _lines(
        lambda n: "    a gadget and the Secretary shall act.\n", size)[len("SEC. 1. SHAPES.\n\n"):],
    # Denser than any real bill: a unit (or a table line) every 20 to 55 bytes.
    "many short sections": lambda size: _sections(size),
    "a table of absent sections": lambda size: _table_of_contents(size),
    "a citation in every unit": lambda size: _lines(
        lambda n: f"    ({_LETTERS[n % 26]}) See section 1(a).\n", size),
    "nesting five deep": lambda size: _lines(
        lambda n: " " * (4 + 2 * (n % 5)) + _NESTED[n % 5] + " The Secretary shall act.\n", size),
    "straight-quoted definitions": lambda size: _lines(
        lambda n: f"    ({_LETTERS[n % 26]}) The term \"widget\" means a gadget.\n", size),
    "flush language under every unit": lambda size: _lines(
        lambda n: f"    ({_LETTERS[n % 26]}) The Secretary shall--\n        (1) act on the rules; and\n"
                  "        (2) report on them,\n    as the rules require.\n", size),
}

# Run in a fresh interpreter: parse the file, print seconds and the peak growth of the
# resident set in kB.  After the warm-up (imports, the parser, a first bill) the kernel's
# high-water mark of the resident set is reset (Linux: /proc/self/clear_refs), so that the
# peak is this parse's own and not hidden under the warm-up's; the growth is that peak less
# the resident set before reading the file.  Where the mark cannot be reset, the growth of
# ru_maxrss is used, which understates a peak lower than the warm-up's.
_MEASURE = """
import gc, re, resource, sys, time
sys.path.insert(0, {root!r})
from grammar import parse_file
from grammar.lines import grammar_parser
def status(key):
    with open("/proc/self/status") as handle:
        return int(re.search(key + r":\\s+([0-9]+)", handle.read()).group(1))
grammar_parser()
parse_file({warm!r})
gc.collect()
try:
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    before, peak = status("VmRSS"), lambda: status("VmHWM")
except OSError:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
bill = parse_file({path!r})
seconds = time.process_time() - start
after = peak()
print(seconds, after - before, len(bill.ids))
"""


def measure(text: str, repeat: int) -> tuple[int, float, float]:
    """Bytes, best seconds and peak memory (as a multiple of the bytes) of parsing ``text``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bill.txt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        best, peak = float("inf"), 0.0
        for _ in range(repeat):
            script = _MEASURE.format(root=str(ROOT), warm=str(STATUTE), path=str(path))
            result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            seconds, grown_kb, _ = result.stdout.split()
            best = min(best, float(seconds))
            peak = max(peak, int(grown_kb) * 1024 / size)
    return size, best, peak


def _row(name: str, size: int, seconds: float, peak: float) -> float:
    mb = size / 1_000_000
    print(f"{name:>28} {mb:>7.2f} {seconds:>8.2f} {seconds / mb:>7.3f} {peak:>6.1f}x", flush=True)
    return seconds / mb


def bills(sizes: list[int]) -> dict[int, float]:
    print(f"{'sections':>28} {'MB':>7} {'seconds':>8} {'s/MB':>7} {'memory':>7}")
    per_mb = {}
    for sections in sizes:
        size, seconds, peak = measure(synthetic_bill(sections), repeat=3 if sections < 10_000 else 1)
        per_mb[sections] = _row(f"{sections:,}", size, seconds, peak)
    if len(per_mb) > 1:
        smallest, largest = min(per_mb), max(per_mb)
        print(f"time per MB at {largest:,} sections is {per_mb[largest] / per_mb[smallest]:.2f} "
              f"times that at {smallest:,}")
    for subsections in (False, True):
        size, seconds, peak = measure(small_sections_bill(10_000, subsections), repeat=2)
        _row("10,000 small sections" + (" of 2 subsections" if subsections else ""), size, seconds, peak)
    return per_mb


def shapes(megabytes: float, reference: float | None) -> None:
    if reference is None:
        print(f"{'reference':>28} {'MB':>7} {'seconds':>8} {'s/MB':>7} {'memory':>7}")
        size, seconds, peak = measure(synthetic_bill(1000), repeat=2)
        reference = _row("1,000 sections", size, seconds, peak)
    print(f"{'shape':>28} {'MB':>7} {'seconds':>8} {'s/MB':>7} {'memory':>7} {'x ref':>6}")
    for name, make in SHAPES.items():
        size, seconds, peak = measure(make(int(megabytes * 1_000_000)), repeat=2)
        mb = size / 1_000_000
        print(f"{name:>28} {mb:>7.2f} {seconds:>8.2f} {seconds / mb:>7.3f} {peak:>6.1f}x "
              f"{seconds / mb / reference:>6.2f}", flush=True)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "bills":
        bills([int(a) for a in argv[1:]] or [100, 1000, 10_000])
    elif argv and argv[0] == "shapes":
        shapes(float(argv[1]) if len(argv) > 1 else 5.0, None)
    else:
        per_mb = bills([100, 1000, 10_000])
        shapes(5.0, per_mb[1000])


if __name__ == "__main__":
    main(sys.argv[1:])
