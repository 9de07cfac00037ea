"""Alignment speed: a synthetic 1 MB bill against a 1 MB version of it.

The old text is ``benchmarks/parse.py``'s synthetic bill (sections 3, 4, 5, 4, 6 of the
working text repeated and renumbered: much repeated wording, the hard case for an
alignment).  The new text inserts a section after the first (so every later section
is renumbered), changes "60 percent" to "50 percent" in every tenth section, drops a
list item in every seventh, and swaps two sections near the end; a second new text changes
a word in every section (no section identical: the worst case).  Prints the seconds to
parse each text and to compare them (alignment, typed changes, impact), the ratio of
comparing to parsing the old text, and the change counts; best of three runs.

    python benchmarks/versions.py            # about 1 MB
    python benchmarks/versions.py 400        # sections
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse import synthetic_bill  # noqa: E402

from generator.versions import compare  # noqa: E402
from grammar import parse_text  # noqa: E402

_SECTION = re.compile(r"^ *(?:SECTION|SEC\.) (\d+)\.", re.MULTILINE)  # parse.py leaves spaces before some
_INSERTED = """SEC. 2. CONSULTATION WITH INDUSTRY.

    The Trade Representative shall consult with representatives of the
domestic critical minerals industry before each certification under this
Act and shall report the results to the appropriate congressional committees.

"""


def version_of(text: str) -> str:
    """The new text: a section inserted, numbers changed, list items dropped, two sections swapped."""
    starts = [m.start() for m in _SECTION.finditer(text)]
    end = text.index("\n                                 <all>")
    header, sections = text[: starts[0]], [text[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    changed = []
    for n, body in enumerate(sections, start=1):
        if n % 10 == 0:
            body = body.replace("--60 percent", "--50 percent")
        if n % 7 == 0:
            body = re.sub(r"\n                    \(C\) trade remedies\.", "", body)
        changed.append(body)
    changed[-3], changed[-2] = changed[-2], changed[-3]
    renumbered = [changed[0], _INSERTED, *changed[1:]]
    out = []
    for n, body in enumerate(renumbered, start=1):
        out.append(_SECTION.sub(f"{'SECTION' if n == 1 else 'SEC.'} {n}.", body.lstrip(" "), count=1))
    return header + "".join(out) + text[end:]


def best(function, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def reworded_everywhere(text: str) -> str:
    """The worst case for the first pass: a word changed in every section, so no section is
    identical in the two texts."""
    return text.replace("Trade Representative", "United States Trade Representative").replace(
        "critical mineral", "key mineral")


def main() -> None:
    sections = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    old_text = synthetic_bill(sections)
    parse_old, old = best(lambda: parse_text(old_text))
    for name, new_text in (("a version", version_of(old_text)), ("reworded everywhere", reworded_everywhere(old_text))):
        parse_new, new = best(lambda: parse_text(new_text))  # noqa: B023 (called at once)
        seconds, comparison = best(lambda: compare(old, new))  # type: ignore[arg-type]  # noqa: B023
        counts = {k: v for k, v in comparison.counts().items() if v}  # type: ignore[attr-defined]
        print(f"{name}, {sections} sections: old {len(old_text.encode()) / 1e6:.2f} MB, "
              f"new {len(new_text.encode()) / 1e6:.2f} MB")
        print(f"  parse old {parse_old:.2f} s, parse new {parse_new:.2f} s, compare {seconds:.2f} s "
              f"({seconds / parse_old:.2f} x parsing the old text)")
        print("  pairs:", ", ".join(f"{n} {change}" for change, n in counts.items()))


if __name__ == "__main__":
    main()
