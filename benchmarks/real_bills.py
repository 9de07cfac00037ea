"""Check the reading of real bills: parse every GPO plain-text bill in a folder you supply and
print, per bill, the signals that something was misread.

    python benchmarks/real_bills.py FOLDER            # every *.txt in FOLDER (and below it)
    python benchmarks/real_bills.py FOLDER --json     # one JSON object per bill, a line each
    python benchmarks/real_bills.py FOLDER --ids      # also list every -dup id and misplaced unit

Per bill: its units by kind, its diagnostics by code, the ``-dup`` ids (a designation read
twice in one place: usually a wrapped citation taken for a unit, or a unit filed under
the wrong parent), the designations out of sequence, the quotations that had to be
closed for it, the lines that open with a designation after a line that ends a unit
(``.``, ``;``, ``:``, ``--``, ``; and``) and yet opened no unit (a list read as running
text, or a unit swallowed by a quotation), and the seconds the parse took.  A bill read
right has none of these; the counts of units by kind are the figures to compare with the
bill's own table of contents or a count by hand.
Nothing is written anywhere; the bills stay where they are.  A file that cannot be
parsed is reported with its error and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grammar import Bill, BillError, parse_file  # noqa: E402

# The diagnostics that say a unit may have been misread, rather than that the bill is untidy.
# text-cut-short is the file's fault, not the reading's, but what it lacks cannot have been read.
_MISREAD = ("duplicate-id", "out-of-sequence", "unclosed-quotation", "unbalanced-quotation",
            "text-after-back-matter", "text-cut-short")


# A line that opens with a designation, indented as a unit is, and the end of a unit before it.
_DESIGNATION_LINE = re.compile(r"^ {2,}\((?:[0-9]{1,4}[A-Z]{0,2}|[a-z]{1,6}|[A-Z]{1,6})\) ")
_ENDS_A_UNIT = re.compile(r"(?:[.;:]|--|;\s+(?:and|or))(?:'')?\s*$")


def unopened(bill: Bill, text: str) -> list[str]:
    """Lines of the body that look like the start of a unit, after a line that ends one, where
    no unit of ``bill`` starts: each as ``line N: its first words``."""
    provisions = list(bill.walk())
    if not provisions:
        return []
    starts = {provision.line_start for provision in provisions}
    quoted = {number for provision in provisions for block in provision.quoted
              for number in range(block.line_start, block.line_end + 1)}
    first = min(provision.line_start for provision in provisions)
    last = max(provision.line_end for provision in provisions)
    found: list[str] = []
    previous = ""
    for number, line in enumerate(text.split("\n")[first - 1 : last], start=first):
        if not line.strip():
            continue
        if (number not in starts and number not in quoted and _DESIGNATION_LINE.match(line)
                and _ENDS_A_UNIT.search(previous)):
            found.append(f"line {number}: {line.strip()[:60]}")
        previous = line
    return found


def signals(bill: Bill, text: str = "") -> dict[str, object]:
    """What a reader checks to trust a parse: counts of units and of each kind of diagnostic,
    and (given the file's ``text``) the designation lines that opened no unit."""
    kinds = Counter(provision.kind for provision in bill.walk())
    codes = Counter(diagnostic.code for diagnostic in bill.diagnostics)
    dups = [provision.id for provision in bill.walk() if "-dup" in provision.id]
    out_of_sequence = [
        f"line {d.line}: {d.message}" for d in bill.diagnostics if d.code == "out-of-sequence"
    ]
    quotations = [
        f"line {d.line}: {d.message}" for d in bill.diagnostics
        if d.code in ("unclosed-quotation", "unbalanced-quotation")
    ]
    return {
        "units": sum(kinds.values()),
        "kinds": dict(sorted(kinds.items())),
        "diagnostics": dict(sorted(codes.items())),
        "dup_ids": dups,
        "out_of_sequence": out_of_sequence,
        "quotations": quotations,
        "unopened": unopened(bill, text) if text else [],
        "sections": kinds.get("section", 0),
        "toc_entries": sum(1 for entry in bill.toc if entry.kind == "section"),
    }


def check(path: Path) -> dict[str, object]:
    start = time.perf_counter()
    try:
        bill = parse_file(path)
    except BillError as error:
        return {"file": str(path), "error": str(error).splitlines()[0],
                "seconds": round(time.perf_counter() - start, 3)}
    found = signals(bill, path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n"))
    found["file"] = str(path)
    found["bytes"] = path.stat().st_size
    found["seconds"] = round(time.perf_counter() - start, 3)
    return found


def _print(found: dict[str, object], *, ids: bool) -> None:
    print(found["file"])
    if "error" in found:
        print(f"  cannot be parsed: {found['error']}")
        return
    kinds = cast(dict[str, int], found["kinds"])
    print(f"  {found['bytes']:,} bytes, {found['units']:,} units in {found['seconds']} s; "
          f"{found['sections']} sections, {found['toc_entries']} in the table of contents")
    print("  units:       " + ", ".join(f"{kind} {count}" for kind, count in kinds.items()))
    diagnostics = cast(dict[str, int], found["diagnostics"])
    print("  diagnostics: " + (", ".join(f"{code} {count}" for code, count in diagnostics.items()) or "none"))
    misread = sum(count for code, count in diagnostics.items() if code in _MISREAD)
    misread += len(cast(list[str], found["unopened"]))
    if found["unopened"]:
        print(f"  designation lines that opened no unit: {len(cast(list[str], found['unopened']))}")
    print(f"  misreading signals: {misread}" + ("" if misread else " (none)"))
    if ids:
        for key, title in (("dup_ids", "-dup ids"), ("out_of_sequence", "out of sequence"),
                           ("quotations", "quotations closed by recovery"),
                           ("unopened", "opened no unit")):
            for item in cast(list[str], found[key]):
                print(f"    {title}: {item}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of GPO plain-text bills (*.txt)")
    parser.add_argument("--json", action="store_true", help="one JSON object per bill, a line each")
    parser.add_argument("--ids", action="store_true", help="list every -dup id and misplaced unit")
    options = parser.parse_args(argv)
    if not options.folder.is_dir():
        parser.error(f"{options.folder} is not a folder")
    paths = sorted(options.folder.rglob("*.txt"))
    if not paths:
        parser.error(f"{options.folder} holds no .txt files")
    failed = 0
    totals: Counter[str] = Counter()
    for path in paths:
        found = check(path)
        failed += "error" in found
        for code, count in cast(dict[str, int], found.get("diagnostics", {})).items():
            totals[code] += count
        if options.json:
            print(json.dumps(found, sort_keys=True))
        else:
            _print(found, ids=options.ids)
    if not options.json:
        print(f"{len(paths)} bills, {failed} not parsed; diagnostics: "
              + (", ".join(f"{code} {count}" for code, count in sorted(totals.items())) or "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
