"""What a traced run ran against, so that a status computed before an edit is never shown as current.

A fingerprint maps each input of the traced run to a SHA-256 of its bytes: the bill text, every
file of the rules package and of the packages coverage measures, every file under the test
paths, the reviewed-text and provenance files, ``pyproject.toml``, the pytest selection, and
the version of every installed distribution.  ``billtrace test`` and ``billtrace build`` write it
beside the results (``.billtrace/fingerprint.json``), with the hashes of the results and
coverage files they wrote, so a results file from another run is caught too.

``stale_inputs`` compares a recorded fingerprint with the checkout: every input that differs,
in words (``provisions/s4.py changed``).  ``require_current`` turns a difference into one
``StaleRunError`` naming what changed; ``coverage``, ``trace`` and ``build --no-trace`` call it,
and ``build`` re-traces only when it would fail.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.errors import ResultsMissingError, StaleRunError
from generator.project.workspace import Workspace

__all__ = ["FORMAT", "current_fingerprint", "read_fingerprint", "require_current", "stale_inputs",
           "with_outputs"]

FORMAT = 1
_SKIPPED_PARTS = frozenset({"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def current_fingerprint(workspace: Workspace, selection: Sequence[str]) -> dict[str, Any]:
    """The fingerprint of the checkout as it stands, for a traced run of ``selection``."""
    files: dict[str, str] = {}
    named = [workspace.bill, workspace.reviewed, workspace.provenance, workspace.root / "pyproject.toml"]
    for path in named:
        files[workspace.relative(path)] = _digest(path)
    folders = [*_package_folders(workspace, (workspace.rules, *workspace.coverage_packages)), *workspace.tests]
    left_out = [path.resolve() for path in workspace.exclude_tests]
    for folder in folders:
        for path in _files_under(folder):
            if not any(path.resolve().is_relative_to(out) for out in left_out):
                files[workspace.relative(path)] = _digest(path)
    return {
        "format": FORMAT,
        "bill": workspace.relative(workspace.bill),
        "files": dict(sorted(files.items())),
        "selection": list(selection),
        "packages": _packages(),
    }


def with_outputs(fingerprint: Mapping[str, Any], results: Path, coverage: Path) -> dict[str, Any]:
    """``fingerprint`` with the hashes of the results and coverage files its run wrote."""
    return {**fingerprint, "outputs": {"results": _digest(results), "coverage": _digest(coverage)}}


def read_fingerprint(path: Path) -> dict[str, Any] | None:
    """The fingerprint at ``path``; None when there is none or it is not one of ours."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        return None
    return payload


def stale_inputs(recorded: Mapping[str, Any] | None, current: Mapping[str, Any], *,
                 results: Path | None = None, coverage: Path | None = None) -> list[str]:
    """What differs between the run ``recorded`` ran against and the checkout (``current``), in words.

    >>> stale_inputs({"format": 1, "files": {"a.py": "1"}, "selection": [], "packages": {}},
    ...              {"format": 1, "files": {"a.py": "2"}, "selection": [], "packages": {}})
    ['a.py changed']
    >>> stale_inputs({"bill": "/tmp/copy.txt", "files": {"/tmp/copy.txt": "1"}},
    ...              {"bill": "statute/b.txt", "files": {"statute/b.txt": "2"}})
    ['the run read the bill /tmp/copy.txt; the project now names statute/b.txt']
    """
    if recorded is None:
        return ["the traced run has no fingerprint (it predates this billtrace, or was interrupted)"]
    changes: list[str] = []
    before, now = _mapping(recorded.get("files")), _mapping(current.get("files"))
    bills = (recorded.get("bill"), current.get("bill"))
    moved_bill = bills[0] is not None and bills[1] is not None and bills[0] != bills[1]
    if moved_bill:  # BILLTRACE_BILL or --bill set for one run and not the other: not a removed file
        changes.append(f"the run read the bill {bills[0]}; the project now names {bills[1]}")
    for name in sorted(set(before) | set(now)):
        if moved_bill and name in bills:
            continue
        if name not in before:
            changes.append(f"{name} is new")
        elif name not in now:
            changes.append(f"{name} was removed")
        elif before[name] != now[name]:
            changes.append(f"{name} changed" if now[name] != "absent" else f"{name} was removed")
    if list(recorded.get("selection") or []) != list(current.get("selection") or []):
        changes.append(f"the run selected tests with {' '.join(recorded.get('selection') or []) or 'nothing'!s}, "
                       f"not the project's selection")
    old, new = _mapping(recorded.get("packages")), _mapping(current.get("packages"))
    moved = sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name))
    if moved:
        first = moved[0]
        changes.append(f"package {first} {old.get(first, 'absent')} -> {new.get(first, 'absent')}"
                       + (f" (and {len(moved) - 1} more packages)" if len(moved) > 1 else ""))
    outputs = _mapping(recorded.get("outputs"))
    for name, path in (("results", results), ("coverage", coverage)):
        if path is not None and outputs.get(name) != _digest(path):
            changes.append(f"the {name} file is not the one the traced run wrote")
    return changes


def require_current(workspace: Workspace, selection: Sequence[str]) -> None:
    """Refuse a traced run that predates the checkout.

    Raises:
        ResultsMissingError: there is no traced run.
        StaleRunError: it ran against other inputs; the message names the first few.
    """
    if not workspace.results.is_file():
        raise ResultsMissingError(f"no test results at {workspace.results}; run `billtrace test` (or "
                                  f"`billtrace build`) to run the tests with tracing")
    changes = stale_inputs(read_fingerprint(workspace.fingerprint), current_fingerprint(workspace, selection),
                           results=workspace.results, coverage=workspace.coverage)
    if changes:
        more = f" (and {len(changes) - 3} more)" if len(changes) > 3 else ""
        raise StaleRunError(f"the traced run is stale: {'; '.join(changes[:3])}{more}; run `billtrace test` "
                            f"(or `billtrace build`) to trace the tests again")


def _digest(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except FileNotFoundError:
        return "absent"
    except IsADirectoryError:
        return "a directory"


def _package_folders(workspace: Workspace, names: Iterable[str]) -> list[Path]:
    folders: list[Path] = []
    for name in dict.fromkeys(names):
        top = name.split(".")[0]
        candidate = workspace.root / top
        if candidate.is_dir():
            folders.append(candidate)
        elif (workspace.root / f"{top}.py").is_file():
            folders.append(workspace.root / f"{top}.py")
        else:
            try:
                spec = importlib.util.find_spec(top)
            except (ImportError, ValueError):
                spec = None
            if spec is not None:
                folders.extend(Path(p) for p in (spec.submodule_search_locations or [spec.origin or ""]) if p)
    return folders


def _files_under(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if d not in _SKIPPED_PARTS and not d.startswith("."))
        found.extend(Path(directory, name) for name in sorted(names) if not name.endswith(_SKIPPED_SUFFIXES))
    return found


def _packages() -> dict[str, str]:
    versions: dict[str, str] = {}
    for distribution in importlib.metadata.distributions():
        name = distribution.metadata["Name"]
        if name:
            versions[str(name).lower()] = str(distribution.version)
    return dict(sorted(versions.items()))


def _mapping(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}
