"""``billtrace migrate``: every link re-pointed along the alignment, the rest listed, nothing silent."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from versions_texts import DRAFT, ROOT

from generator.cli.main import main
from generator.trace.resting import Basis, words_digest
from generator.trace.review import read_reviewed
from grammar import Bill


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}).stdout


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this project (bill, rules, the bill's tests, configuration), committed in its own git."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copy(ROOT / ".gitignore", root)
    ignore = shutil.ignore_patterns("__pycache__")
    for part in ("statute", "provisions", "tests/rules"):
        shutil.copytree(ROOT / part, root / part, ignore=ignore)
    shutil.copy(ROOT / "tests" / "conftest.py", root / "tests")
    shutil.copy(DRAFT, tmp_path / "s2839-rs.txt")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the project")
    return root


def migrate(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), "migrate", *args])


def test_a_dry_run_writes_a_patch_and_the_report_and_changes_nothing(project: Path) -> None:
    result = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert git(project, "status", "--porcelain") == ""
    decorator = next(n for n, line in enumerate((project / "provisions" / "s4.py").read_text().splitlines(), 1)
                     if line.startswith('@implements("s4_e_1"'))
    assert f"provisions/s4.py:{decorator}" in result.stdout and "s4_e_1 -> s4_f_1" in result.stdout
    assert ("not_formalized     s4_i_2: sec. 4(i)(2) was removed from the new text; careful: in the new text "
            "s4_i_2 is another provision (it was sec. 4(h)(2))") in result.stdout
    patch = project / ".billtrace" / "migrate.patch"
    assert '+@implements("s4_f_1", "s4_f_2", "s4_f_3")' in patch.read_text(encoding="utf-8")
    git(project, "apply", "--check", str(patch))


def test_migrate_re_points_rules_tests_provenance_data_and_reviewed_words(project: Path, draft: Bill) -> None:
    result = migrate(project, str(project.parent / "s2839-rs.txt"))
    assert result.exit_code == 0, result.stderr
    s4 = (project / "provisions" / "s4.py").read_text(encoding="utf-8")
    assert '@implements("s4_f_1", "s4_f_2", "s4_f_3")' in s4
    # the removed sec. 4(i)(2)'s declaration would now name the old 4(h)(2), carried to s4_i_2: dropped, listed
    assert s4.count('    "s4_i_2",') == 1 and "partners' deficiencies" not in s4
    assert 'not_formalized(\n    "s4_i_2",\n    reason="Lists what a review must do' in s4
    s6 = (project / "provisions" / "s6.py").read_text(encoding="utf-8")
    assert '"s5_c_1"' in s6 and '"s6_c_1"' not in s6  # ids move, the law does not:
    # the draft swaps secs. 5 and 6: each module now stands for the other number, and says so
    assert s6.startswith('"""SEC. 5. CRITICAL MINERAL MINING AND PROCESSING TRUST FUND."""\n')
    assert 'section = Section(__name__, "s5")' in s6
    s5 = (project / "provisions" / "s5.py").read_text(encoding="utf-8")
    assert s5.startswith('"""SEC. 6. DUTIES ON CRITICAL MINERALS AND SELECT DERIVATIVE PRODUCTS FROM FOREIGN COUNTRIES')
    assert 'section = Section(__name__, "s6")' in s5
    report = (project / ".billtrace" / "migrate-report.txt").read_text(encoding="utf-8")
    assert "provisions/s5.py:1" in report and "module docstring" in report
    assert "not_formalized     s4_i_2: sec. 4(i)(2) was removed from the new text" in report
    assert "its entry is dropped: s4_i_2 now names the provision carried there" in report
    # prose is listed, not edited: the parameters' descriptions still say sec. 5(a), now the Trust Fund's
    assert re.search(r"provisions/parameters\.py:\d+ +sec\. 5\(a\) -> sec\. 6\(a\)", report)
    values = (project / "provisions" / "data" / "values.toml").read_text(encoding="utf-8")
    assert 'provision = "s5_c_1"\nwords = "60 percent to the Loan Programs Office' in values
    tests = (project / "tests" / "rules" / "test_s6_trust_fund.py").read_text(encoding="utf-8")
    assert 'mark.provision("s6_c' not in tests
    provenance = (project / "statute" / "provenance.toml").read_text(encoding="utf-8")
    assert "[s4_f]" in provenance and provenance.count("[s4_i_2]") == 1
    assert (project / "statute" / "s2839-is.txt").read_text(encoding="utf-8") == DRAFT.read_text(encoding="utf-8")
    reviewed = read_reviewed(project / "provisions" / "reviewed-text.toml").entries
    assert reviewed["s4_f_1"].hash == draft.get("s4_f_1").hash  # renumbered, same words: still reviewed
    assert reviewed["s5_d_1_B_ii"].hash == draft.get("s5_d_1_B_ii").hash
    assert reviewed["s5_c_1"].hash != draft.get("s5_c_1").hash  # its words changed: the gate names it
    assert "60 percent" in reviewed["s5_c_1"].words
    # what each entry's meaning rests on follows it: sec. 6(b)(2), now 5(b)(2), rests on 6(a) and 6(b)(1),
    # renumbered with their words, and is recorded as if reviewed against the new text
    assert reviewed["s5_b_2"].rests_on == Basis(draft).digests("s5_b_2") and reviewed["s5_b_2"].rests_on
    # sec. 4(f)(1), now 4(g)(1), differs only in references that follow the renumbering ("(e)(2)" -> "(f)(2)")
    assert reviewed["s4_f_2"].rests_on["s4_g_1"] == words_digest(draft.get("s4_g_1").hash)  # type: ignore[index]
    # sec. 6(c)(3), now 5(c)(3), cites paragraph (1), whose 60 percent became 50: the digest reviewed stays
    assert reviewed["s5_c_3"].rests_on["s5_c_1"] != words_digest(draft.get("s5_c_1").hash)  # type: ignore[index]
    assert (project / ".billtrace" / "migrate-report.txt").is_file()


def test_migrate_refuses_to_edit_a_file_with_uncommitted_changes(project: Path) -> None:
    rules = project / "provisions" / "s4.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a local change\n", encoding="utf-8")
    result = migrate(project, str(project.parent / "s2839-rs.txt"))
    assert result.exit_code == 2 and result.stdout == ""
    assert "provisions/s4.py" in result.stderr and "--force" in result.stderr
    assert git(project, "status", "--porcelain").strip() == "M provisions/s4.py"
    assert migrate(project, str(project.parent / "s2839-rs.txt"), "--force").exit_code == 0


def test_a_rule_module_that_does_not_parse_is_listed_not_edited(project: Path) -> None:
    rules = project / "provisions" / "s2.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\ndef broken(:\n", encoding="utf-8")
    git(project, "commit", "-qam", "a broken module")
    result = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run")
    assert result.exit_code == 0
    assert "provisions/s2.py:" in result.stdout and "not valid Python" in result.stdout


def test_the_bill_itself_as_new_text_needs_the_old_one(project: Path) -> None:
    result = migrate(project, str(project / "statute" / "s2839-is.txt"))
    assert result.exit_code == 2 and "--from OLD" in result.stderr
    result = migrate(project, str(project.parent / "s2839-rs.txt"), "--min-similarity", "2")
    assert result.exit_code == 2 and "between 0 and 1" in result.stderr


@pytest.mark.site
def test_after_a_migration_the_rules_suite_fails_only_where_the_text_really_changed(project: Path) -> None:
    assert migrate(project, str(project.parent / "s2839-rs.txt")).exit_code == 0
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/rules"],
                         cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(project)})
    # "FAILED tests/rules/test_x.py::name[param] - message": the test's name and parameter, not the message.
    failed = sorted(line.split(" ")[1].split("::", 1)[1] for line in run.stdout.splitlines()
                    if line.startswith("FAILED "))
    assert failed == [
        # the draft's shares are 50/30/20: the values file names the DOE and DOD shares whose words changed
        "test_changing_60_percent_to_50_percent_fails_naming_the_doe_share_and_sec_6_c_1",
        "test_every_leaf_provision_has_a_rule_or_a_declaration_of_its_own_or_of_an_enclosing_unit",  # new sec. 4(e)
        "test_every_provision_is_implemented_or_declared_not_formalized[s4]",  # new sec. 4(e)
        "test_every_value_is_read_in_words_the_bill_holds",
    ], run.stdout[-3000:]
    # and the review gate names those same changes: the values whose words left the text, the
    # provisions whose words changed (with the rules on them), and nothing it cannot explain
    gate = subprocess.run([str(Path(sys.executable).with_name("billtrace")), "--project", str(project), "review", "--json"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(project)})
    assert gate.returncode == 1, gate.stderr
    review = json.loads(gate.stdout)
    assert sorted(v["name"] for v in review["values"]) == ["DOD share", "DOE share", "phase-in limit"]
    changed = {item["id"]: item["rules"] for item in review["items"] if item["state"] == "changed"}
    assert changed["s5_c_1"] == ["provisions.s6.allocate"] and "provisions.s4.duty_commitment" in changed["s4_c_1"]
    # what the entries rest on was carried: no entry reads as one that did not record it, a provision resting
    # on renumbered words alone is current, and one resting on words that changed is affected, naming them
    items = {item["id"]: item for item in review["items"]}
    assert [m for item in items.values() for m in item["affected_by"] if "not recorded" in m] == []
    assert items["s5_b_2"]["state"] == "current"
    # a provision whose words below it changed only in references renumbered to the same provisions
    # (sec. 4(f)(1)(A) -> 4(g)(1)(A): "subsection (e)(2)" -> "subsection (f)(2)") means what was reviewed;
    # it is affected only by what it rests on (sec. 4(a), which changed)
    assert items["s4_g_1"]["state"] == "affected" and items["s4_g_1"]["below"] == [], items["s4_g_1"]
    assert "sec. 4(a) changed since review; this provision rests on it through sec. 4(f)(2)" in items["s4_g_1"][
        "affected_by"]
    assert (items["s5_c_3"]["state"], items["s5_c_3"]["affected_by"]) == (
        "affected", ["sec. 5(c)(1) changed since review; this provision cites it (``paragraph (1)``)"])


def test_an_edited_file_keeps_its_mode(project: Path) -> None:
    rules = project / "provisions" / "s4.py"
    rules.chmod(0o644)
    git(project, "commit", "-qam", "modes", "--allow-empty")
    assert migrate(project, str(project.parent / "s2839-rs.txt")).exit_code == 0
    assert "s4_f_1" in rules.read_text(encoding="utf-8")  # it was edited
    assert rules.stat().st_mode & 0o777 == 0o644


def test_a_second_migration_keeps_a_pending_change_pending(project: Path, draft: Bill) -> None:
    assert migrate(project, str(project.parent / "s2839-rs.txt")).exit_code == 0
    git(project, "commit", "-qam", "migrated, not yet reviewed")
    again = migrate(project, str(project.parent / "s2839-rs.txt"))  # the same text again: every pair `same`
    assert again.exit_code == 0, again.stderr
    reviewed = read_reviewed(project / "provisions" / "reviewed-text.toml").entries
    assert reviewed["s5_c_1"].hash != draft.get("s5_c_1").hash  # still the words reviewed: 60 percent
    assert "60 percent" in reviewed["s5_c_1"].words
    assert reviewed["s5_c_3"].rests_on["s5_c_1"] != words_digest(draft.get("s5_c_1").hash)  # type: ignore[index]
    assert "recorded as reviewed" not in again.stdout


def test_a_file_that_cannot_be_replaced_leaves_every_file_as_it_was(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.versions.commands as commands

    real_replace, done = os.replace, []

    def replace(source: str, target: str | Path) -> None:
        if Path(target).name == "s5.py":  # as an immutable or read-only file would
            raise PermissionError(1, "Operation not permitted", str(target))
        real_replace(source, target)
        done.append(Path(target).name)

    monkeypatch.setattr(commands.os, "replace", replace)
    result = migrate(project, str(project.parent / "s2839-rs.txt"))
    assert result.exit_code == 2 and result.stdout == ""
    assert f"cannot write {project / 'provisions' / 's5.py'}: Operation not permitted" in result.stderr
    assert "already written were put back as they were" in result.stderr and done  # some were, and are back
    assert git(project, "status", "--porcelain", "--untracked-files=all") == ""


def test_outside_git_or_to_another_bill_migrate_asks_for_force(project: Path) -> None:
    other = ROOT / "tests" / "grammar" / "fixtures" / "enrolled.txt"
    result = migrate(project, str(other))
    assert result.exit_code == 2 and "have a counterpart in" in result.stderr and "--force" in result.stderr
    assert git(project, "status", "--porcelain") == ""
    shutil.rmtree(project / ".git")
    result = migrate(project, str(project.parent / "s2839-rs.txt"))
    assert result.exit_code == 2 and "is not a git checkout" in result.stderr and "--force" in result.stderr
    assert (project / "statute" / "s2839-is.txt").read_bytes() == (ROOT / "statute" / "s2839-is.txt").read_bytes()
    assert migrate(project, str(project.parent / "s2839-rs.txt"), "--force").exit_code == 0


def test_a_test_module_that_does_not_parse_is_listed_and_a_real_run_removes_the_stale_patch(project: Path) -> None:
    broken = project / "tests" / "rules" / "test_broken.py"
    broken.write_text('import pytest\n\n@pytest.mark.provision("s6_c_1")\ndef test_x(:\n', encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "a broken test module")
    dry = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run")
    assert "tests/rules/test_broken.py:4" in dry.stdout and "not valid Python" in dry.stdout
    assert (project / ".billtrace" / "migrate.patch").is_file()
    assert migrate(project, str(project.parent / "s2839-rs.txt")).exit_code == 0
    assert not (project / ".billtrace" / "migrate.patch").exists()


def test_the_bill_neutral_kit_is_not_among_the_files_to_re_read(project: Path) -> None:
    # the kit's docstrings cite "sec. 5(a)" and "sec. 6(c)(1)" as examples of no bill: not the project's prose
    report = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout
    assert "provisions/kit/" not in report
    assert re.search(r"provisions/parameters\.py:\d+ +sec\. 5\(a\) -> sec\. 6\(a\)", report)  # the project's are


def section_of_report(report: str, heading: str) -> str:
    start = report.index(heading)
    end = report.find("\n\n", start)
    return report[start:end if end >= 0 else len(report)]


def test_a_provenance_entry_carried_to_changed_words_is_listed_for_re_reading(project: Path) -> None:
    report = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout
    assert report.splitlines()[1].endswith("; 9 provenance notes to re-read")
    listed = section_of_report(report, "Provenance entries carried to words that changed")
    # sec. 3(4)(B) now adds Cuba too; its note still says the bill "adds Venezuela expressly"
    assert ("statute/provenance.toml:88" in listed and "[s3_4_B] status \"summary\"; note: Summary: 'foreign "
            "countries of concern' include China and Venezuela; the bill 'adds Venezuela expressly'.") in listed
    assert "words: sec. 3(4)(B): includes [-Venezuela.-]{+Venezuela and Cuba.+}" in listed
    assert "[s6_c_1 -> s5_c_1]" in listed and "[s4_f -> s4_g]" not in listed  # renumbered alone: its words stand
    assert "[s3_4]" not in listed  # sec. 3(4)(B) has an entry of its own


def test_an_entry_covering_a_part_with_no_entry_of_its_own_is_listed_when_that_part_changed(project: Path) -> None:
    provenance = project / "statute" / "provenance.toml"
    text = provenance.read_text(encoding="utf-8")
    start = text.index("[s3_4_B]\n")
    provenance.write_text(text[:start] + text[text.index("\n[", start) + 1:], encoding="utf-8")
    git(project, "commit", "-qam", "sec. 3(4)(B) takes its provenance from sec. 3(4)")
    report = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout
    listed = section_of_report(report, "Provenance entries carried to words that changed")
    assert "[s3_4] status \"summary\"" in listed and "adds Venezuela expressly" in listed
    assert "words: sec. 3(4)(B): includes [-Venezuela.-]{+Venezuela and Cuba.+}" in listed


def test_ids_and_citations_in_the_projects_markdown_toml_and_csv_prose_are_listed_not_edited(project: Path) -> None:
    readme = project / "provisions" / "data" / "README.md"
    before = readme.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(before.splitlines(), 1) if text.startswith("| `adjournments.csv`"))
    result = migrate(project, str(project.parent / "s2839-rs.txt"))
    assert result.exit_code == 0, result.stderr
    listed = section_of_report(result.stdout, "Citations in words and ids in prose")
    assert re.search(rf"provisions/data/README\.md:{line} +s4_e_2 -> s4_f_2 \(sec\. 4\(f\)\(2\)\)", listed)
    assert re.search(rf"provisions/data/README\.md:{line} +s4_f_1_A -> s4_g_1_A \(sec\. 4\(g\)\(1\)\(A\)\)", listed)
    assert re.search(r"statute/README\.md:\d+ +sec\. 4\(e\)\(2\) -> sec\. 4\(f\)\(2\)", listed)
    assert "s3_2 ->" not in listed  # ids the new text keeps are not listed
    assert readme.read_text(encoding="utf-8") == before  # listed, not edited
    # the links migrate re-points are not listed again (the values file's provision keys, the tables' keys)
    assert "provisions/data/values.toml:51 " not in listed and "statute/provenance.toml:200 " not in listed


def test_a_provenance_table_or_a_prose_file_that_cannot_be_read_is_said_so(project: Path) -> None:
    provenance = project / "statute" / "provenance.toml"
    provenance.write_text(provenance.read_text(encoding="utf-8") + "\n[s9\n", encoding="utf-8")
    (project / "provisions" / "data" / "NOTES.md").write_bytes("Used by s4_e_2 \u2013 see sec. 4(e).\n".encode("cp1252"))
    git(project, "add", "-A")
    git(project, "commit", "-qm", "a broken table, a note in Windows-1252")
    report = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout
    assert re.search(r"statute/provenance\.toml +file +: not valid TOML \(.*\): its notes were not checked", report)
    assert "provisions/data/NOTES.md" in report and "cannot be read (not UTF-8)" in report
    assert "[s4_e -> s4_f]" not in report and "statute/provenance.toml:200 " in report  # its keys still re-pointed


def test_a_mention_names_the_line_of_the_file_as_the_reader_finds_it(project: Path) -> None:
    # the removed sec. 4(i)(2)'s table is dropped above sec. 5's note, which quotes the summary's "Section 5"
    provenance = project / "statute" / "provenance.toml"

    def line_of_note(text: str) -> int:
        return next(n for n, line in enumerate(text.splitlines(), 1) if "'Section 5 locks in" in line)

    before = line_of_note(provenance.read_text(encoding="utf-8"))
    dry = migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout
    assert re.search(rf"statute/provenance\.toml:{before} +Section 5 -> sec\. 6", dry)  # the file is as it was
    applied = migrate(project, str(project.parent / "s2839-rs.txt")).stdout
    after = line_of_note(provenance.read_text(encoding="utf-8"))
    assert after == before - 4 and re.search(rf"statute/provenance\.toml:{after} +Section 5 -> sec\. 6", applied)


def test_the_projects_own_notes_anywhere_are_read_but_not_what_git_ignores(project: Path) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "counsel-notes.md").write_text("The review period of s4_e_2 runs in days of session.\n",
                                                       encoding="utf-8")
    (project / "site" / "docs").mkdir(parents=True)  # a generated site: ignored by git, not the project's prose
    (project / "site" / "docs" / "s4.md").write_text("s4_e_2\n", encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "counsel's notes")
    listed = section_of_report(migrate(project, str(project.parent / "s2839-rs.txt"), "--dry-run").stdout,
                               "Citations in words and ids in prose")
    assert re.search(r"docs/counsel-notes\.md:1 +s4_e_2 -> s4_f_2", listed)
    assert "site/docs" not in listed
