"""`billtrace review` names a value bound to the words when its words leave the text (DOE share, sec. 6(c)(1))."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.site  # collects the tests in a subprocess


def test_changing_60_percent_to_50_makes_review_name_the_doe_share_and_fail(tmp_path: Path) -> None:
    bill = tmp_path / "s2839-is.txt"
    text = (ROOT / "statute" / "s2839-is.txt").read_text(encoding="utf-8")
    assert "energy.--60 percent" in text
    bill.write_text(text.replace("energy.--60 percent", "energy.--50 percent"), encoding="utf-8")
    shutil.copyfile(ROOT / "statute" / "provenance.toml", tmp_path / "provenance.toml")
    reviewed = tmp_path / "reviewed-text.toml"
    shutil.copyfile(ROOT / "provisions" / "reviewed-text.toml", reviewed)
    env = {"BILLTRACE_BILL": str(bill), "BILLTRACE_REVIEWED": str(reviewed)}
    result = CliRunner().invoke(main, ["--project", str(ROOT), "review", "--json"], env=env)
    assert result.exit_code == 1, result.output
    values = json.loads(result.stdout)["values"]
    assert [(v["name"], v["provision"]) for v in values] == [("DOE share", "s6_c_1")]
    text_result = CliRunner().invoke(main, ["--project", str(ROOT), "review"], env=env)
    assert "value 'DOE share'" in text_result.stdout and "sec. 6(c)(1)" in text_result.stdout
