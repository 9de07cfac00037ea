"""`billtrace report -o FILE` writes into a folder that is there; any other folder is one line naming it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from fixtures.tiny_project import make_project

from generator.cli.main import main


def _report_to(project: Path, target: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(project), "report", "-o", str(target)])
    return result.exit_code, result.stderr


def test_a_report_into_a_file_or_a_missing_folder_says_which_and_makes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "notes").write_text("a file\n", encoding="utf-8")
    code, said = _report_to(project, project / "notes" / "report.html")
    assert code == 2 and said.strip().splitlines() == [
        f"error: cannot write the report to {project / 'notes' / 'report.html'}: {project / 'notes'} is not a folder"]
    code, said = _report_to(project, project / "out" / "report.html")
    assert code == 2 and "out does not exist (make it first)" in said and len(said.strip().splitlines()) == 1
    assert not (project / "out").exists() and (project / "notes").read_text(encoding="utf-8") == "a file\n"
