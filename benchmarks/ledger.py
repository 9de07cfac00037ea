"""Ledger benchmark: ``billtrace check duty --ledger`` against a plain ``csv.reader`` pass over the same file.

Run ``.venv/bin/python benchmarks/ledger.py`` (``--rows N`` for another size; default 300,000).
It writes a synthetic ledger to a temporary directory, then times, in the same run, (1) a
Python process that reads the file with ``csv.reader`` and counts its rows -- the cost of
reading it -- and (2) the command, for text and for ``--json`` output sent to /dev/null,
each in its own process (interpreter start-up included on both sides).  The three are run
in turn ``--repeat`` times (default 3) and each keeps its least CPU time: on a shared machine
a run can only be slowed by the others, never sped up, so the least is the one least
disturbed, and taking it on both sides keeps the ratio fair.  It prints each time, the ratio
to the ``csv`` pass and each process's peak resident memory.  Target: within 10 times the
``csv`` pass for text and for JSON; memory flat in the number of rows (compare ``--rows
300000`` with ``--rows 10000000``).

The ledger is random but seeded: subheadings from the table of covered goods and a few the
bill does not cover, origins among countries of concern, members and others, entry dates
over two fiscal years, one row in twenty made by a foreign entity of concern.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 10.0
MEMBERS = ("AU:2027-01-01", "CA:2027-04-01", "JP:2027-07-01")
ORIGINS = ("CN", "CN", "CN", "RU", "VE", "AU", "CA", "JP", "BR", "DE", "KR", "IN", "MX", "ZA")
OUT_OF_SCOPE = ("8471.30.01", "7208.10.15", "8703.80.00", "2709.00.20")


def write_ledger(path: Path, rows: int, *, seed: int = 2839) -> None:
    """Write a synthetic ledger of ``rows`` rows to ``path``."""
    sys.path.insert(0, str(ROOT))
    from provisions.datasets import covered_goods

    subheadings = [*covered_goods(), *OUT_OF_SCOPE]
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


_MEASURE = """
import resource, subprocess, sys, time
began = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
"""
_CSV_PASS = "import csv, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n" \
    "    print(sum(1 for _ in csv.reader(f)))"


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of ``command``, run in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True)
    wall, cpu, peak = done.stdout.split()
    return float(wall), float(cpu), float(peak)


def ledger_command(ledger: Path, *, as_json: bool) -> list[str]:
    """The ``billtrace check duty --ledger`` command for ``ledger``."""
    command = [str(ROOT / ".venv" / "bin" / "billtrace"), "check", "duty", "--ledger", str(ledger)]
    for member in MEMBERS:
        command += ["--member", member]
    return [*command, "--json"] if as_json else command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the least CPU time is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "ledger.csv"
        began = time.perf_counter()
        write_ledger(ledger, args.rows)
        size_mb = ledger.stat().st_size / 1e6
        print(f"ledger: {args.rows:,} rows, {size_mb:.1f} MB, written in {time.perf_counter() - began:.1f} s")
        commands = {
            "csv.reader pass": [sys.executable, "-c", _CSV_PASS, str(ledger)],
            "billtrace check duty --ledger": ledger_command(ledger, as_json=False),
            "billtrace check duty --ledger --json": ledger_command(ledger, as_json=True),
        }
        best: dict[str, tuple[float, float, float]] = {}
        for _ in range(max(1, args.repeat)):
            for name, command in commands.items():  # in turn, so a burst of load falls on all alike
                wall, cpu, peak = measure(command)
                known = best.get(name)
                best[name] = (wall, cpu, peak) if known is None else (
                    min(known[0], wall), min(known[1], cpu), max(known[2], peak))
    reading, reading_cpu, reading_mb = best.pop("csv.reader pass")
    print(f"csv.reader pass: {reading:.2f} s wall, {reading_cpu:.2f} s CPU, peak RSS {reading_mb:.0f} MB")
    ok = True
    for name, (wall, cpu, peak) in best.items():
        ratio = cpu / reading_cpu  # CPU time: a busy machine slows both sides' wall time unevenly
        ok = ok and ratio <= TARGET_RATIO
        print(
            f"{name}: {wall:.2f} s wall, {cpu:.2f} s CPU, {ratio:.1f} x the csv pass "
            f"(CPU; {wall / reading:.1f} x wall), peak RSS {peak:.0f} MB, {args.rows / wall:,.0f} rows/s"
        )
    print(f"least of {max(1, args.repeat)} runs each; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"target (within {TARGET_RATIO:.0f} x the csv pass): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
