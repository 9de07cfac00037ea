"""``billtrace migrate``'s lists on a project of our own writing: the new provisions (every provision no
entry of the project will name), and ids in its prose outside git."""

from __future__ import annotations

from pathlib import Path

from versions_texts import CUT, JOINED, bill

from generator.versions import compare
from generator.versions.migrate import plan_migration
from generator.versions.project import ProjectFiles

PROVENANCE = "".join(f'[{pid}]\nstatus = "assumed"\nnote = "Drafted for the test."\n\n' for pid in ("s2", "s2_a", "s2_b"))


def project(root: Path) -> ProjectFiles:
    """A project of our own writing: its bill, a provenance table, an empty rules package, no tests."""
    (root / "rules").mkdir(parents=True)
    (root / "bill.txt").write_text("", encoding="utf-8")
    (root / "provenance.toml").write_text(PROVENANCE, encoding="utf-8")
    return ProjectFiles(root=root, bill=root / "bill.txt", reviewed=root / "reviewed.toml",
                        provenance=root / "provenance.toml", rules=root / "rules", tests=(), exclude_tests=(),
                        state=root / ".billtrace")


def test_the_new_half_of_a_split_provision_is_listed_as_new(tmp_path: Path) -> None:
    plan = plan_migration(compare(bill(JOINED), bill(CUT)), project(tmp_path), new_text=None)
    # sec. 2(a) was cut in two: its second half, sec. 2(b), is named by no entry once the old
    # 2(b) has moved to 2(c); the first half keeps the id s2_a and its entry (a decision says so)
    assert plan.notes == ("sec. 2(b) (s2_b) is new, split from sec. 2(a): give it a provenance entry, and a rule, "
                          "a not_formalized declaration or a parent that has one",)
    assert [(d.id, d.reason) for d in plan.decisions] == [("s2_a", "sec. 2(a) was split into sec. 2(a) and sec. 2(b)")]


def test_an_added_provision_is_listed_and_a_merger_keeping_an_old_id_is_not(tmp_path: Path) -> None:
    added = bill(JOINED.replace("    (b) Duration.", "    (b) Audit.--The Inspector General shall audit each "
                                "grant every year.\n    (c) Duration."))
    plan = plan_migration(compare(bill(JOINED), added), project(tmp_path / "added"), new_text=None)
    assert [note.split(":")[0] for note in plan.notes] == ["sec. 2(b) (s2_b) is new"]
    merged = plan_migration(compare(bill(CUT), bill(JOINED)), project(tmp_path / "merged"), new_text=None)
    assert merged.notes == ()  # the merged sec. 2(a) keeps the id s2_a and its entry


def test_outside_git_the_top_level_markdown_and_the_rules_tables_are_read_for_ids(tmp_path: Path) -> None:
    files = project(tmp_path)
    (tmp_path / "README.md").write_text("Sec. 2(b) is coded in `s2_b`.\n", encoding="utf-8")
    (tmp_path / "rules" / "notes.csv").write_text("# what s2_b needs\nname\n", encoding="utf-8")
    plan = plan_migration(compare(bill(JOINED), bill(CUT)), files, new_text=None)
    assert [(m.path, m.words, m.now) for m in plan.mentions] == [
        ("README.md", "Sec. 2(b)", "sec. 2(c)"), ("README.md", "s2_b", "s2_c (sec. 2(c))"),
        ("rules/notes.csv", "s2_b", "s2_c (sec. 2(c))")]
