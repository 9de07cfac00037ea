"""Where a project's files name provision ids: one entry of ``ID_FILE_KINDS`` per kind of file.

A *site* is one exact occurrence of an id in a file, in a context that makes it a link:

- Python source of the rules and the tests: a string literal whose whole value is a
  provision id (``@implements("s4_e_1")``, ``@pytest.mark.provision("s4_e_1")``,
  ``not_formalized("s2", ...)``, a reason's ``"s4_e_1"``); read with ``ast``, so ids in
  comments, docstrings or longer strings are never touched;
- TOML tables keyed by id (``[s4_e_1]``, ``[provisions.s4_e_1]``): the provenance table;
- data files: the ``# provisions:`` line of their header, and every CSV column whose name
  contains ``provision``.

Adding another id-bearing kind of file (the values file of the rules, say) is one more
``IdFileKind`` in the table: its files and a function finding its sites in a text.  Only
ids of the old text are sites; ``migrate`` decides which to re-point.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.versions.project import ProjectFiles

__all__ = ["ID_FILE_KINDS", "IdFileKind", "Site", "data_sites", "python_sites", "toml_key_sites"]


@dataclass(frozen=True, slots=True)
class Site:
    """One occurrence of an id: characters ``start:end`` of the file's text are exactly ``id``."""

    start: int
    end: int
    line: int
    id: str
    context: str  # "@implements", "provision marker", "not_formalized", "id literal", "table key", "data header" ...


@dataclass(frozen=True, slots=True)
class IdFileKind:
    """A kind of project file that names provision ids."""

    name: str
    files: Callable[[ProjectFiles], Iterable[Path]]
    sites: Callable[[str, Collection[str]], Iterator[Site]]  # (text, the old text's ids) -> sites


_CALL_CONTEXT = {"implements": "@implements", "provision": "provision marker", "not_formalized": "not_formalized"}


def python_sites(text: str, ids: Collection[str]) -> Iterator[Site]:
    """String literals of Python source whose whole value is one of ``ids``."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    context: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func).rsplit(".", 1)[-1]
            for arg in node.args:
                context[id(arg)] = _CALL_CONTEXT.get(name, f"argument of {name}()")
            for keyword in node.keywords:
                context[id(keyword.value)] = f"{keyword.arg}= of {name}()"
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids):
            continue
        if node.end_lineno != node.lineno or node.end_col_offset is None:
            continue
        raw = lines[node.lineno - 1].encode("utf-8")
        begin = starts[node.lineno - 1] + len(raw[:node.col_offset].decode("utf-8"))
        finish = starts[node.lineno - 1] + len(raw[:node.end_col_offset].decode("utf-8"))
        literal = text[begin:finish]
        if len(literal) < 2 or literal[0] not in "'\"" or literal[1:-1] != node.value:
            continue  # a prefixed, escaped or concatenated literal: not an exact spelling to replace
        yield Site(begin + 1, finish - 1, node.lineno, node.value, context.get(id(node), "id literal"))


_TABLE = re.compile(r"^\[\s*(?:provisions\.)?(?P<id>[A-Za-z0-9_-]+)\s*\]", re.MULTILINE)


def toml_key_sites(text: str, ids: Collection[str]) -> Iterator[Site]:
    """Table headers ``[id]`` or ``[provisions.id]`` naming one of ``ids``."""
    for match in _TABLE.finditer(text):
        if match.group("id") in ids:
            yield Site(match.start("id"), match.end("id"), text.count("\n", 0, match.start()) + 1,
                       match.group("id"), "table key")


_HEADER = re.compile(r"^#\s*provisions:(?P<list>.*)$", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z0-9_-]+")


_TOML_PROVISION = re.compile(r'^[ \t]*provision[ \t]*=[ \t]*"(?P<id>[A-Za-z0-9_]+)"', re.MULTILINE)


def data_sites(text: str, ids: Collection[str]) -> Iterator[Site]:
    """The ids of a data file's ``# provisions:`` header line, of its CSV columns named ``*provision*``,
    and of its TOML ``provision = "ID"`` keys (a values file)."""
    for match in _TOML_PROVISION.finditer(text):
        if match.group("id") in ids:
            line = text.count("\n", 0, match.start()) + 1
            yield Site(match.start("id"), match.end("id"), line, match.group("id"), "data key")
    for match in _HEADER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        for word in _WORD.finditer(match.group("list")):
            if word.group(0) in ids:
                start = match.start("list") + word.start()
                yield Site(start, start + len(word.group(0)), line, word.group(0), "data header")
    offset = 0
    columns: list[int] | None = None
    for number, line_text in enumerate(text.splitlines(keepends=True), start=1):
        body = line_text.rstrip("\r\n")
        if body.startswith("#") or not body.strip():
            offset += len(line_text)
            continue
        cells = next(csv.reader(io.StringIO(body)), [])
        if columns is None:
            columns = [n for n, name in enumerate(cells) if "provision" in name.lower()]
        else:
            position = 0
            for n, cell in enumerate(cells):
                where = body.find(cell, position)
                if n in columns and cell in ids and where >= 0:
                    yield Site(offset + where, offset + where + len(cell), number, cell, "data column")
                position = max(position, where + len(cell)) if where >= 0 else position
        offset += len(line_text)


def _python_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _test_files(project: ProjectFiles) -> Iterator[Path]:
    """Test modules that mark tests for provisions of the bill (fixtures of other bills are left alone)."""
    seen: set[Path] = set()
    for place in project.tests:
        for path in ([place] if place.is_file() else _python_files(place)):
            if path in seen or any(path.is_relative_to(out) for out in project.exclude_tests):
                continue
            seen.add(path)
            yield from _if_marked(path)


def _if_marked(path: Path) -> Iterator[Path]:
    if path.suffix == ".py":
        text = path.read_text(encoding="utf-8", errors="replace")
        if "mark.provision(" not in text:
            return
        try:
            ast.parse(text)
        except SyntaxError:
            yield path  # it seems to mark tests: listed as not valid Python rather than silently skipped
            return
        if any(s.context == "provision marker" for s in python_sites(text, _AnyId())):
            yield path


class _AnyId(Collection[str]):
    """Every string counts (to find out whether a file has any provision marker at all)."""

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _data_files(project: ProjectFiles) -> Iterator[Path]:
    folder = project.rules / "data"
    if folder.is_dir():
        yield from sorted(p for p in folder.iterdir() if p.suffix in {".csv", ".toml"})


ID_FILE_KINDS: tuple[IdFileKind, ...] = (
    IdFileKind("rules", lambda project: (p for p in _python_files(project.rules) if not project.is_kit(p)),
               python_sites),
    IdFileKind("tests", _test_files, python_sites),
    IdFileKind("provenance", lambda project: [project.provenance], toml_key_sites),
    IdFileKind("data", _data_files, data_sites),
)
