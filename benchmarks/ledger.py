"""Ledger benchmark: a synthetic import ledger of 1,000,000 rows through ``billtrace check duty --ledger``.

Run ``.venv/bin/python benchmarks/ledger.py`` (``--rows N`` for another size, ``--json`` to
time the JSON output).  It writes the ledger to a temporary directory, runs the command
in a subprocess with its output sent to /dev/null, and prints the wall time, the peak
resident memory of the subprocess (``getrusage(RUSAGE_CHILDREN).ru_maxrss``) and the
rows per second.  Targets: under 30 seconds and under 200 MB on one core.

The ledger is random but seeded: subheadings from the committed section 301 table and a
few the bill does not cover, origins among countries of concern, members and others,
entry dates over two fiscal years, one row in twenty made by a foreign entity of concern.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 30.0
TARGET_MB = 200.0
MEMBERS = ("AU:2027-01-01", "CA:2027-04-01", "JP:2027-07-01")
ORIGINS = ("CN", "CN", "CN", "RU", "VE", "AU", "CA", "JP", "BR", "DE", "KR", "IN", "MX", "ZA")
OUT_OF_SCOPE = ("8471.30.01", "7208.10.15", "8703.80.00", "2709.00.20")


def write_ledger(path: Path, rows: int, *, seed: int = 2839) -> None:
    """Write a synthetic ledger of ``rows`` rows to ``path``."""
    sys.path.insert(0, str(ROOT))
    from provisions.datasets import section301_lines

    subheadings = [*section301_lines(), *OUT_OF_SCOPE, "8507.60.0010", "8507.60.0020"]
    rng = random.Random(seed)
    start = dt.date(2026, 10, 1)
    days = [(start + dt.timedelta(days=n)).isoformat() for n in range(730)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "hts", "origin", "entry_date", "value", "producer_feoc", "other_duties"])
        for n in range(1, rows + 1):
            cents = rng.randrange(100, 5_000_000_00)
            other = f"{rng.randrange(0, 50_000_00) / 100:.2f}" if rng.random() < 0.3 else ""
            writer.writerow(
                [
                    f"E{n:07d}",
                    rng.choice(subheadings),
                    rng.choice(ORIGINS),
                    rng.choice(days),
                    f"{cents // 100}.{cents % 100:02d}",
                    "true" if rng.random() < 0.05 else "",
                    other,
                ]
            )


def run(ledger: Path, *, as_json: bool) -> tuple[float, float]:
    """Run the command on ``ledger``; return (wall seconds, peak resident MB of the child)."""
    command = [str(ROOT / ".venv" / "bin" / "billtrace"), "check", "duty", "--ledger", str(ledger)]
    for member in MEMBERS:
        command += ["--member", member]
    if as_json:
        command.append("--json")
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    return wall, peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true", help="time the JSON output instead of the text output")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger.csv"
        began = time.perf_counter()
        write_ledger(ledger, args.rows)
        size_mb = ledger.stat().st_size / 1e6
        print(f"ledger: {args.rows:,} rows, {size_mb:.1f} MB, written in {time.perf_counter() - began:.1f} s")
        wall, peak = run(ledger, as_json=args.json)
    rate = args.rows / wall
    mode = " --json" if args.json else ""
    print(f"billtrace check duty --ledger{mode}: {wall:.1f} s, peak RSS {peak:.0f} MB, {rate:,.0f} rows/s")
    ok = wall < TARGET_SECONDS and peak < TARGET_MB
    print(f"targets (< {TARGET_SECONDS:.0f} s, < {TARGET_MB:.0f} MB): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
