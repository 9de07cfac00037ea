"""The README's shell examples run as written: a newcomer can paste them.

Each ```sh block runs from the repository root unless the line before it is a
``<!-- readme-test: skip (why) -->`` marker (it serves the site, rewrites the
project's files or runs this very suite); of a skipped block, each ``billtrace``
command must still exist (its ``--help`` works).  The block marked
``<!-- readme-test: walkthrough -->`` runs in a temporary folder and must end
with the provision verified.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
_BLOCK = re.compile(r"(?:^<!-- readme-test: (?P<marker>[^>]*?) -->\n)?^```sh\n(?P<body>.*?)^```$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    line: int
    marker: str
    body: str


def _blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [Block(text.count("\n", 0, m.start()) + 1, m.group("marker") or "", m.group("body"))
            for m in _BLOCK.finditer(text)]


def _env() -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=600, check=False)


def test_the_readme_has_shell_examples_each_run_or_skipped_for_a_reason() -> None:
    blocks = _blocks()
    assert len(blocks) >= 8
    for block in blocks:
        assert block.marker in ("", "walkthrough") or re.fullmatch(r"skip \(.+\)", block.marker), block
        commands = [line.split(" #", 1)[0] for line in block.body.splitlines() if not line.startswith("#")]
        assert not [c for c in commands if "..." in c], f"README line {block.line}: a placeholder in a command"


@pytest.mark.parametrize("block", [b for b in _blocks() if not b.marker], ids=lambda b: f"README line {b.line}")
def test_a_readme_shell_example_runs_from_the_repository_root(block: Block) -> None:
    done = _run(block.body, ROOT)
    assert done.returncode == 0, f"README line {block.line}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def test_each_billtrace_command_of_a_skipped_readme_example_exists() -> None:
    for block in (b for b in _blocks() if b.marker.startswith("skip")):
        for line in block.body.splitlines():
            words = shlex.split(line, comments=True)
            if not words or words[0] != "billtrace":
                continue
            command = words[:3] if words[1:2] == ["check"] else words[:2]
            done = _run(shlex.join([*command, "--help"]), ROOT)
            assert done.returncode == 0, f"README line {block.line}: {line}\n{done.stderr}"


def test_the_readme_walk_through_turns_a_not_formalized_provision_verified(tmp_path: Path) -> None:
    (block,) = [b for b in _blocks() if b.marker == "walkthrough"]
    target = tmp_path / "walkthrough"
    done = _run(block.body.replace("/tmp/walkthrough", str(target)), ROOT)
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    _, last = done.stdout.split("status: not formalized", 1)
    assert "status: verified" in last
    page = (target / "site" / "build" / "s6.html").read_text(encoding="utf-8")
    block_html = page.split('<p id="s6_c_2"', 1)[1].split('<p id="s6_', 1)[0]
    assert 'class="bt-st">verified</b>' in block_html and "defense_share" in block_html


def test_the_readme_duty_example_shows_what_the_command_prints() -> None:
    """The lines of the ``check duty`` example before and after its ``...`` are the command's own."""
    command = "billtrace check duty --hts 8505.11.00 --origin CN --entry-date 2027-03-01 --member AU:2027-01-01"
    example = README.read_text(encoding="utf-8").split(f"$ {command} --value 1000.00\n", 1)[1].split("```", 1)[0]
    head, tail = example.split("  ...\n", 1)
    done = _run(f"{command} --value 1000.00", ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(head), f"README:\n{head}\nprinted:\n{done.stdout[:len(head)]}"
    fields = tail.split("Why:\n", 1)[0]  # the totals, as printed
    assert fields.strip() and "\n" + fields + "Why:\n" in done.stdout, fields
