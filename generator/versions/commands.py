"""``billtrace diff OLD NEW`` and ``billtrace migrate NEW``: comparing texts of a bill, moving a project to one.

Bad input (a file that is not a bill, a similarity out of range, uncommitted changes to
the files a migration would edit) gets one message on standard error and exit status 2.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from generator.cli.context import workspace_of
from generator.project.files import ordinary_mode
from generator.versions.compare import Comparison, compare
from generator.versions.diff_json import comparison_to_dict
from generator.versions.migrate import MIN_SIMILARITY, FileChange, plan_migration
from generator.versions.project import ProjectFiles, project_files
from generator.versions.render import render_comparison
from generator.versions.report import render_plan
from grammar import Bill, BillError, parse_file
from provisions.kit.wording import counted

__all__ = ["diff_command", "migrate_command"]


def _fail(message: str) -> None:
    click.echo(message if message.startswith(("error:", "warning:")) or ": error:" in message
               else f"error: {message}", err=True)
    sys.exit(2)


def _parse(path: str) -> Bill:
    try:
        return parse_file(path)
    except BillError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


@click.command("diff")
@click.argument("old", metavar="OLD", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", metavar="NEW", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: grouped by section with a word diff; json: the documented contract.")
@click.option("--all", "show_same", is_flag=True, help="List unchanged provisions too.")
def diff_command(old: str, new: str, output_format: str, show_same: bool) -> None:
    """Align the provisions of two texts of a bill and show what changed, typed, and what it affects."""
    comparison = compare(_parse(old), _parse(new))
    if output_format == "json":
        click.echo(json.dumps(comparison_to_dict(comparison, old, new), indent=2, ensure_ascii=False))
    else:
        click.echo(render_comparison(comparison, old, new, show_same=show_same))


@click.command("migrate")
@click.argument("new", metavar="NEW", type=click.Path(dir_okay=True, path_type=str))
@click.option("--from", "old_path", metavar="OLD", type=click.Path(dir_okay=True, path_type=str),
              help="The text the links were written against (default: the project's bill).")
@click.option("--dry-run", is_flag=True, help="Change nothing: write the patch and print the report.")
@click.option("--patch", "patch_path", metavar="FILE", type=click.Path(dir_okay=False, path_type=str),
              help="Where --dry-run writes the unified diff ('-': standard output; default "
                   ".billtrace/migrate.patch).")
@click.option("--min-similarity", type=float, default=MIN_SIMILARITY, show_default=True,
              help="Pairs whose own words are less alike than this are left for a person.")
@click.option("--force", is_flag=True, help="Edit files even when they have uncommitted changes.")
def migrate_command(new: str, old_path: str | None, dry_run: bool, patch_path: str | None,
                    min_similarity: float, force: bool) -> None:
    """Move the project to the text NEW: re-point every id that names a provision along the alignment.

    Rules (@implements, not_formalized, the ids their reasons cite), test markers, the
    provenance table, data files and the reviewed-text file; the new text is copied over
    the project's bill.  Whatever was removed, split, merged or aligned below
    --min-similarity is listed and left as it is.  The report is printed and written to
    .billtrace/migrate-report.txt.
    """
    if not 0.0 <= min_similarity <= 1.0:
        _fail(f"--min-similarity must be between 0 and 1, got {min_similarity}")
    project = project_files(workspace_of())
    new_is_bill = Path(new).resolve() == project.bill
    if old_path is None and new_is_bill:
        _fail(f"{new} is the project's bill itself: give the text the links were written against with "
              f"--from OLD (for example the committed one: git show HEAD:{project.relative(project.bill)} > old.txt)")
    old_file = old_path or project.relative(project.bill)
    old_bill = _parse(old_path or str(project.bill))
    new_bill = _parse(new)
    try:
        new_text = None if new_is_bill else Path(new).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"{new}: cannot be read: {error}")
        return
    comparison = compare(old_bill, new_bill)
    plan = plan_migration(comparison, project, new_text=new_text, min_similarity=min_similarity)
    if not dry_run and not force:
        _refuse_another_bill(comparison, old_file, new)
        if plan.files and not _in_git(project):
            files = counted(len(plan.files), "file")
            _fail(f"{project.root} is not a git checkout: migrate would edit {files} in place "
                  f"with no way back; commit the project to git first (or pass --force)")
        dirty = _uncommitted(project, plan.files)
        if dirty:
            _fail("these files have uncommitted changes, and migrate would edit them: " + ", ".join(dirty)
                  + " (commit or stash them, or pass --force)")
    report = render_plan(plan, comparison, old_file, new, applied=not dry_run)
    if dry_run:
        patch = plan.patch()
        if patch_path == "-":
            click.echo(patch, nl=False)
            click.echo(report, err=True)
            return
        target = Path(patch_path) if patch_path else project.state / "migrate.patch"
        _write_all([(target, patch)])
        click.echo(report + f"\n\nThe patch: {project.relative(target)} (nothing else was changed)")
        return
    _write_all([(change.path, change.after) for change in plan.files]
               + [(project.state / "migrate-report.txt", report + "\n")])
    (project.state / "migrate.patch").unlink(missing_ok=True)  # a dry run's patch is stale now
    click.echo(report + f"\n\nThis report: {project.relative(project.state / 'migrate-report.txt')}")


def _refuse_another_bill(comparison: Comparison, old_file: str, new_file: str) -> None:
    """Stop when fewer than half of the old text's provisions have a counterpart in the new one:
    a text of another bill, not a version of this one (companions and reported versions keep most)."""
    old_ids = comparison.old.ids
    carried = {p.old for p in comparison.pairs if p.old is not None and p.new is not None}
    if old_ids and len(carried) * 2 < len(old_ids):
        _fail(f"only {len(carried)} of the {len(old_ids)} provisions of {old_file} have a counterpart in {new_file}: "
              f"is it a text of the same bill? (pass --force to migrate anyway)")


def _in_git(project: ProjectFiles) -> bool:
    try:
        result = subprocess.run(["git", "-C", str(project.root), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, check=False)
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def _uncommitted(project: ProjectFiles, files: tuple[FileChange, ...]) -> list[str]:
    """The files among ``files`` with changes git has not committed ([] outside a git checkout)."""
    if not files:
        return []
    try:
        result = subprocess.run(["git", "-C", str(project.root), "status", "--porcelain", "--",
                                 *(change.shown for change in files)],
                                capture_output=True, text=True, check=False)
    except OSError:
        return []
    if result.returncode != 0:
        return []
    return [line[3:] for line in result.stdout.splitlines() if line.strip()]


def _write_all(contents: list[tuple[Path, str]]) -> None:
    """Write every file or none: each to a temporary file beside it first, then all renamed; when a
    rename fails, the files already replaced get their old bytes back and new ones are removed."""
    staged: list[tuple[str, Path, bytes | None]] = []
    replaced: list[tuple[Path, bytes | None]] = []
    current = contents[0][0] if contents else Path()
    try:
        for path, text in contents:
            current = path
            path.parent.mkdir(parents=True, exist_ok=True)
            before = path.read_bytes() if path.is_file() else None
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append((temporary, path, before))
            # The edited file keeps its mode (mkstemp's 0600 would hide it from the rest of the team).
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.is_file() else ordinary_mode())
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        for temporary, path, before in staged:
            current = path
            os.replace(temporary, path)
            replaced.append((path, before))
    except OSError as error:
        for temporary, _, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        left = _undo(replaced)
        if not replaced:
            state = "nothing was changed"
        elif not left:
            state = (f"the {counted(len(replaced), 'file')} already written "
                     + ("was put back as it was" if len(replaced) == 1 else "were put back as they were"))
        else:
            state = f"these could not be put back as they were: {', '.join(left)}"
        _fail(f"cannot write {current}: {error.strerror or error}; {state}")


def _undo(replaced: list[tuple[Path, bytes | None]]) -> list[str]:
    """Put back the files a failed migration had already replaced; the ones that could not be, by path."""
    left: list[str] = []
    for path, before in reversed(replaced):
        try:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(before)
        except OSError:
            left.append(str(path))
    return left
