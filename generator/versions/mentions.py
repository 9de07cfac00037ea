"""Citations written in words inside the project's files ("duty ... under sec. 4(g)"), and ids written
in prose (a README's "used by `s4_e_2`"), which no link carries.

An id in a string literal is a link and ``migrate`` re-points it; a citation in a help text,
a parameter's description, a reason's message or a comment is prose, and rewriting prose
by pattern would put words in the author's mouth.  So they are listed, not edited: every
``sec. N(x)...`` in a project file whose provision the new text numbers differently (or
no longer has), and every id of the old text standing alone in its words (not a link
``migrate`` found, not part of a path or dotted name such as ``rules.s5``) whose
provision has another id now (or none), with the file, the line and what the provision is now.
``prose_files`` says which files besides the rules and tests are read: the project's Markdown,
TOML and CSV files.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.versions.project import ProjectFiles
from grammar import Bill

__all__ = ["PROSE_SUFFIXES", "Mention", "prose_files", "stale_mentions"]

PROSE_SUFFIXES = frozenset({".md", ".toml", ".csv"})

# "sec. 4(g)(1)", "section 5(a)", "Sec. 6": one section, its parts in parentheses
_CITATION = re.compile(r"\b(?:sec\.|section)\s+(?P<number>[0-9]+[A-Za-z]?)(?P<parts>(?:\([A-Za-z0-9]+\))*)",
                       re.IGNORECASE)
# a word that may be an id: not inside a path, a dotted name or a longer word ("rules.s5", "s5.py")
_WORD = re.compile(r"(?<![\w./\\-])[A-Za-z0-9_]+(?![\w\\/-]|\.\w)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A citation in words, or an id in prose, that names a provision the new text numbers differently."""

    path: str
    line: int  # in the file as the migration leaves it
    words: str  # as written: "sec. 4(g)", "s4_g"
    now: str  # "sec. 4(h)", "s4_h (sec. 4(h))", or why there is none
    line_before: int = 0  # in the file as it stands before the migration (a dry run leaves it so)


def stale_mentions(files: Iterable[tuple[str, str, str]], old: Bill, new: Bill, moves: Mapping[str, str], *,
                   links: Mapping[str, Collection[tuple[int, str]]] | None = None) -> tuple[Mention, ...]:
    """Each citation in words, and each id in prose, in ``files`` ((shown path, text before, text after the
    migration)) of an old provision whose label or id changed; lines the migration wrote itself (a
    re-pointed header) are skipped, and so are the (line before, id) of ``links`` (by shown path): the
    links ``migrate`` re-points or lists as decisions."""
    by_label = {p.label: p.id for p in old.walk() if p.label}
    found: list[Mention] = []
    for shown, before, after in files:
        lines = after.splitlines()
        kept = _unchanged_lines(before.splitlines(), lines)
        linked = (links or {}).get(shown, ())
        for number, line in enumerate(lines, start=1):
            if number not in kept:
                continue
            for match in _CITATION.finditer(line):
                label = f"sec. {match.group('number')}{match.group('parts')}"
                old_id = by_label.get(label)
                if old_id is None:
                    continue
                target = moves.get(old_id)
                if target is None:
                    found.append(Mention(shown, number, match.group(0), "not carried to the new text", kept[number]))
                elif new.get(target).label != label:
                    found.append(Mention(shown, number, match.group(0), new.get(target).label, kept[number]))
            for word in _WORD.finditer(line):
                old_id = word.group(0)
                if old_id not in old or (kept[number], old_id) in linked:
                    continue
                target = moves.get(old_id)
                if target is None:
                    found.append(Mention(shown, number, old_id, "not carried to the new text", kept[number]))
                elif target != old_id:
                    found.append(Mention(shown, number, old_id, f"{target} ({new.get(target).label})", kept[number]))
    return tuple(found)


def prose_files(project: ProjectFiles) -> Iterator[Path]:
    """The project's files of prose and tables that may name ids or cite provisions in words, in a
    stable order: its Markdown, TOML and CSV files as git lists them (tracked, or new and not
    ignored: a generated site or a virtual environment is not the project's prose); outside git,
    those of the rules package, the test paths and the bill's folder, and its top-level Markdown.
    Never the bill, the reviewed-text file ``migrate`` rewrites, the rule kit or excluded tests."""
    root = project.root.resolve()
    listed = _git_files(root)
    found = {p for p in listed if p.suffix in PROSE_SUFFIXES} if listed is not None else _folder_files(project)
    skipped = {project.bill.resolve(), project.reviewed.resolve()}
    for path in sorted(p.resolve() for p in found):
        inside = path.relative_to(root).parts if path.is_relative_to(root) else path.parts[-1:]
        if (path in skipped or not path.is_file() or project.is_kit(path) or "__pycache__" in inside
                or any(part.startswith(".") for part in inside)  # .billtrace, .venv, .git: not the project's prose
                or any(path.is_relative_to(out) for out in project.exclude_tests)):
            continue
        yield path


def _git_files(root: Path) -> list[Path] | None:
    """The files git lists under ``root`` (tracked, and untracked ones it does not ignore); None
    outside a git checkout, or without git."""
    try:
        result = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard", "--", "."], capture_output=True, check=False)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return [root / name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def _folder_files(project: ProjectFiles) -> set[Path]:
    root = project.root.resolve()
    found: set[Path] = set()
    if root.is_dir():
        found.update(p for p in root.iterdir() if p.is_file() and p.suffix == ".md")
    for folder in dict.fromkeys(f.resolve() for f in (project.rules, *project.tests, project.bill.parent,
                                                      project.provenance.parent)):
        if folder.is_dir() and folder != root:
            found.update(p for p in folder.rglob("*") if p.suffix in PROSE_SUFFIXES and p.is_file())
        elif folder.is_file() and folder.suffix in PROSE_SUFFIXES:
            found.add(folder)
    return found


def _unchanged_lines(before: list[str], after: list[str]) -> dict[int, int]:
    """The numbers (from 1) of the lines of ``after`` that stand as they stood in ``before``, each with
    its number in ``before``."""
    kept: dict[int, int] = {}
    for tag, i1, _, start, end in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            kept.update((start + n + 1, i1 + n + 1) for n in range(end - start))
    return kept
