"""`billtrace init` makes a project for any bill: its coverage lists every operative provision as pending,
its own test command passes, and `billtrace build` builds its site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.project.scaffold import init_project
from grammar import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "grammar" / "fixtures"

pytestmark = pytest.mark.site  # runs the new project's commands in subprocesses: left out of the traced run


def _billtrace(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BILLTRACE_")}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("fixture", ["omnibus-eh.txt", "resolution-ih.txt", "reported-rs.txt"])
def test_a_new_project_lists_every_operative_provision_as_pending_and_its_tests_pass(
        tmp_path: Path, fixture: str) -> None:
    made = init_project(tmp_path / "other", FIXTURES / fixture)
    root = made.root
    assert (root / "pyproject.toml").is_file() and (root / "README.md").is_file()
    assert (root / "statute" / fixture).read_bytes() == (FIXTURES / fixture).read_bytes()
    bill = parse_file(FIXTURES / fixture)
    for name in made.modules:
        module = (root / "rules" / f"{name}.py").read_text(encoding="utf-8")
        stands_for = re.search(r'section = Section\(__name__, "([^"]+)"\)', module)
        assert stands_for and stands_for.group(1) in bill.ids  # the section it stands for, by id
        assert "@implements" not in module.replace('@implements("ID")', "")
    first_words = next(p for p in bill.walk() if p.text).text.split()[:6]
    assert any(" ".join(first_words) in " ".join((root / "rules" / f"{n}.py").read_text().split())
               for n in made.modules)

    coverage = _billtrace(root, "coverage", "--format", "json")
    assert coverage.returncode == 0, coverage.stderr
    summary = json.loads(coverage.stdout)["summary"]
    assert summary["operative"] > 0
    assert summary["counts"]["pending"] == summary["operative"]

    tests = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=root, capture_output=True, text=True,
                           check=False)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "1 passed" in tests.stdout


def test_a_new_project_builds_its_site(tmp_path: Path) -> None:
    made = init_project(tmp_path / "other", FIXTURES / "enrolled.txt")
    built = _billtrace(made.root, "build")
    assert built.returncode == 0, built.stderr
    assert (made.root / "site" / "build" / "index.html").is_file()
    assert (made.root / "site" / "build" / "s1.html").is_file()
    assert "0 of " in built.stdout


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(GeneratorError, match="not an empty directory"):
        init_project(target, FIXTURES / "enrolled.txt")
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_init_of_a_file_that_is_not_a_bill_leaves_nothing_behind(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes: the bill is due on Friday.\n", encoding="utf-8")
    done = _billtrace(tmp_path, "init", str(tmp_path / "new"), "--bill", str(notes))
    assert done.returncode == 2
    assert "is not a bill in the GPO plain-text layout" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(("package", "message"), [
    ("os", "that name is taken"), ("pytest", "that name is taken"), ("tests", "that name is taken"),
    ("Rules", "not a lower-case Python name"), ("class", "not a lower-case Python name"),
])
def test_init_refuses_a_package_name_that_would_break_the_project(tmp_path: Path, package: str, message: str) -> None:
    with pytest.raises(GeneratorError, match=message):
        init_project(tmp_path / "new", FIXTURES / "enrolled.txt", package=package)
    assert not (tmp_path / "new").exists()


def test_init_of_a_damaged_bill_makes_the_project_and_warns_of_what_the_grammar_found(tmp_path: Path) -> None:
    # A download cut off mid-sentence: the project is made from what there is, and init says so.
    text = (FIXTURES / "enrolled.txt").read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("Section 2 shall") + len("Section 2 shall")] + "\n", encoding="utf-8")
    assert any(d.code == "text-cut-short" for d in parse_file(cut).diagnostics)
    done = _billtrace(tmp_path, "init", str(tmp_path / "new"), "--bill", str(cut))
    assert done.returncode == 0, done.stderr
    assert re.search(rf"^{re.escape(str(cut))}:[0-9]+:[0-9]+: warning: .*\[text-cut-short\]$", done.stderr, re.M)
    assert done.stdout.startswith(f"made {tmp_path / 'new'}")


def test_the_new_projects_test_reads_the_bill_the_run_names(tmp_path: Path) -> None:
    # The example test reads the bill through billtrace_bill, so BILLTRACE_BILL (a traced run's copy) decides.
    made = init_project(tmp_path / "other", FIXTURES / "enrolled.txt")
    test = (made.root / "tests" / "test_example.py").read_text(encoding="utf-8")
    assert "billtrace_bill" in test and "statute" not in test.split('"""')[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("BILLTRACE_")}
    other = tmp_path / "notes.txt"
    other.write_text("Meeting notes: the bill is due on Friday.\n", encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=made.root, capture_output=True, text=True,
                             check=False, env={**env, "BILLTRACE_BILL": str(other)})
    assert refused.returncode != 0 and "notes.txt:1:1: error: this is not a bill" in refused.stdout + refused.stderr
