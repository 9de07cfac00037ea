"""The project configuration: [tool.billtrace], found as pytest finds its rootdir, each setting from its first source."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import COMMANDS, main
from generator.errors import ConfigurationError, NotInProjectError
from generator.project.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def _project(folder: Path, table: str = 'bill = "statute/b.txt"\nrules = "rules"\n') -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(f"[tool.billtrace]\n{table}", encoding="utf-8")
    return folder


def test_the_first_pyproject_with_a_billtrace_table_upward_is_the_project(tmp_path: Path) -> None:
    outer = _project(tmp_path / "outer")
    (outer / "inner").mkdir()
    (outer / "inner" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    config = load_config(outer / "inner", environ={})
    assert config.root == outer
    assert config.bill == outer / "statute" / "b.txt"
    assert config.values["bill"].source == "pyproject.toml"
    assert config.values["state"].source == "default"


def test_an_option_beats_a_variable_which_beats_the_table_and_nothing_is_merged(tmp_path: Path) -> None:
    root = _project(tmp_path, 'bill = "statute/b.txt"\nrules = "rules"\nsite = "web"\n')
    environ = {"BILLTRACE_BILL": str(tmp_path / "env.txt"), "BILLTRACE_SITE": str(tmp_path / "env-site")}
    config = load_config(root, environ=environ, options={"bill": str(tmp_path / "opt.txt")})
    assert (config.bill, config.values["bill"].source) == (tmp_path / "opt.txt", "--bill")
    assert (Path(config["site"]), config.values["site"].source) == (tmp_path / "env-site", "BILLTRACE_SITE")
    # another bill brings its own provenance table, beside it
    assert Path(config["provenance"]) == tmp_path / "provenance.toml"


def test_a_named_project_must_have_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(NotInProjectError, match=r"no \[tool.billtrace\]"):
        load_config(project=str(tmp_path), environ={})


@pytest.mark.parametrize(("table", "message"), [
    ('bill = "b.txt"\nrules = "rules"\nbil = "typo"\n', "unknown key"),
    ('bill = 3\nrules = "rules"\n', "non-empty string"),
    ('rules = "rules"\n', "needs `bill`"),
    ('bill = "b.txt"\nrules = "rules"\ntests = "tests"\n', "list of non-empty strings"),
    ('bill = "b.txt"\nrules = "rules"\nverified-share = 2\n', "from 0 to 1"),
])
def test_a_malformed_table_is_named_in_one_message(tmp_path: Path, table: str, message: str) -> None:
    _project(tmp_path, table)
    with pytest.raises(ConfigurationError, match=message):
        load_config(tmp_path, environ={})


def test_billtrace_config_prints_every_setting_and_its_source() -> None:
    result = CliRunner().invoke(main, ["--project", str(ROOT), "config"], env={"BILLTRACE_STATE": "/tmp/st"})
    assert result.exit_code == 0, result.output
    assert "bill                   statute/s2839-is.txt  [pyproject.toml]" in result.output
    assert "state                  /tmp/st (absent)  [BILLTRACE_STATE]" in result.output
    assert "verified-branch-share  0  [default]" in result.output


@pytest.mark.parametrize("command", [
    ["config"], ["coverage"], ["trace", "s1"], ["review"], ["test"], ["build"], ["serve"], ["check", "duty"],
    ["check", "--help"], ["parse"],
])
def test_outside_a_project_every_command_says_so_in_one_line_and_exits_2(tmp_path: Path, command: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BILLTRACE_")}
    done = subprocess.run([sys.executable, "-m", "generator", *command], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"error: not inside a billtrace project: no [tool.billtrace] in pyproject.toml at or above {tmp_path.resolve()}"]


def test_the_command_table_lists_every_command_of_the_cli() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert all(name in result.output for name in COMMANDS)
    assert "init" in COMMANDS and "config" in COMMANDS


def test_the_table_of_this_repository_is_what_the_readme_shows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.billtrace]\n", 1)[1].split("\n\n", 1)[0]
    assert textwrap.dedent(table).strip() in readme
