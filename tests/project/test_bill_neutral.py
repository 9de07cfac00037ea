"""Nothing in the bill-neutral packages names S. 2839, its sections, its data or its domain types
(the import contract, run by `make test`, checks the imports; this checks the words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEUTRAL = [ROOT / "grammar", ROOT / "generator", ROOT / "provisions" / "kit"]
# S. 2839 by number or name, its rule modules, its data files and its domain words.
NAMES = re.compile(r"2839|6696|Mineral Security|provisions\.(s\d|questions|package|ledger|candidate|datasets|inputs"
                   r"|parameters|examples)\b|critical mineral|section ?301|\bAlliance\b|\bHTS\b|trust fund",
                   re.IGNORECASE)


def _files() -> list[Path]:
    return sorted(p for folder in NEUTRAL for p in folder.rglob("*")
                  if p.is_file() and p.suffix in {".py", ".j2", ".lark", ".json", ".css", ".js", ".toml"}
                  and "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_bill_neutral_file_names_no_part_of_s2839(path: Path) -> None:
    found = [f"{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if NAMES.search(line)]
    assert found == []
