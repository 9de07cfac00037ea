"""A long robustness campaign, run by hand: mutated bill text until N cases or T seconds.

    python tests/grammar/fuzz_campaign.py 100000 [--seconds 1800] [--seed 1]

Every case must end in a Bill whose ids are unique and whose JSON form can be written,
or in exactly one BillError; anything else is a finding, printed with the seed that
reproduces it (``--replay SEED``) and the text written to /tmp/billtrace-fuzz-SEED.txt.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutations import SOURCES, mutate, window

from grammar import Bill, BillError, bill_to_dict, parse_text


def case(seed: int, texts: list[str]) -> str:
    rng = random.Random(seed)
    return mutate(window(rng.choice(texts), rng), rng)


OUTCOMES: dict[str, int] = {}


def check(text: str) -> str | None:
    """None if the outcome is a sound Bill or one BillError; else what went wrong."""
    try:
        bill = parse_text(text)
    except BillError as error:
        name = type(error).__name__
        OUTCOMES[name] = OUTCOMES.get(name, 0) + 1
        message = str(error)
        if message.count("error:") != 1:
            return f"a BillError whose message has {message.count('error:')} 'error:' parts"
        return None
    except Exception:  # the finding: any other exception
        return traceback.format_exc(limit=6)
    OUTCOMES["Bill"] = OUTCOMES.get("Bill", 0) + 1
    return _unsound(bill)


def _unsound(bill: Bill) -> str | None:
    provisions = list(bill.walk())
    if len(bill.ids) != len(provisions):
        return "ids are not unique"
    for provision in provisions:
        if provision.line_start > provision.line_end:
            return f"{provision.id} ends before it starts"
    try:
        json.dumps(bill_to_dict(bill), ensure_ascii=False).encode("utf-8")
    except Exception:
        return traceback.format_exc(limit=6)
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=100_000)
    parser.add_argument("--seconds", type=float, default=3600.0)
    parser.add_argument("--seed", type=int, default=1, help="first seed; case k uses seed + k")
    parser.add_argument("--replay", type=int, help="run the one case with this seed and show it")
    options = parser.parse_args(argv)
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    if options.replay is not None:
        text = case(options.replay, texts)
        print(repr(text[:2000]))
        print(check(text) or "sound")
        return 0
    start = time.monotonic()
    findings = 0
    done = 0
    for k in range(options.cases):
        if time.monotonic() - start > options.seconds:
            break
        seed = options.seed + k
        text = case(seed, texts)
        problem = check(text)
        done += 1
        if problem is not None:
            findings += 1
            Path(f"/tmp/billtrace-fuzz-{seed}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            print(f"seed {seed}: {problem.strip().splitlines()[-1]}", flush=True)
        if done % 10_000 == 0:
            print(f"{done} cases, {findings} findings, {time.monotonic() - start:.0f} s", flush=True)
    print(f"{done} cases in {time.monotonic() - start:.0f} s, {findings} findings; outcomes: "
          + ", ".join(f"{name} {count}" for name, count in sorted(OUTCOMES.items())))
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
