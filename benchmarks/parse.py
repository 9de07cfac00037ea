"""Parsing speed: synthetic bills of 10, 100 and 1,000 sections made from the working text.

Each synthetic bill repeats sections 3, 4, 5, 4, 6 of statute/s2839-is.txt, renumbered
(and with their internal citations renumbered to match), under the bill's own
header.  Prints, per size, the bytes, the seconds for text -> Bill with both
layers (definitions and citations), and MB/s; best of three runs.

    python benchmarks/parse.py            # all sizes
    python benchmarks/parse.py 1000       # one size
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grammar import parse_text  # noqa: E402

STATUTE = ROOT / "statute" / "s2839-is.txt"
_SECTION = re.compile(r"^(SECTION|SEC\.) (\d+)\.", re.MULTILINE)


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


def measure(sections: int, repeat: int = 3) -> tuple[int, float]:
    text = synthetic_bill(sections)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        bill = parse_text(text)
        best = min(best, time.perf_counter() - start)
        assert sum(1 for p in bill.walk() if p.kind == "section") == sections
    return len(text.encode("utf-8")), best


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10, 100, 1000]
    print(f"{'sections':>8} {'MB':>7} {'seconds':>8} {'MB/s':>7} {'s/MB':>7}")
    for sections in sizes:
        size, seconds = measure(sections, repeat=3 if sections < 1000 else 2)
        mb = size / 1_000_000
        print(f"{sections:>8} {mb:>7.2f} {seconds:>8.3f} {mb / seconds:>7.2f} {seconds / mb:>7.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
