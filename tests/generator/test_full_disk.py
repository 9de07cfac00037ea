"""A full disk under `billtrace test` and `billtrace review --accept-all`: one line naming the path and
what went wrong, exit 2, and nothing lost or half-written (the last traced run and the reviewed text
are as they were; no temporary file is left behind).

The disk is made full in-process: every write into the project folder fails with ENOSPC (the
file's bytes, through ``open``/``os.fdopen``, and ``os.write``/``os.pwrite`` on a descriptor of a
file there).  The tests' own pytest run is a subprocess and writes its results on the real disk;
what fills up is where the command records them.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fixtures.tiny_project import make_project

from generator.cli.main import main

pytestmark = pytest.mark.site  # runs the project's tests in a subprocess: left out of the traced run

_FULL = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
_UNSET = dict.fromkeys(("BILLTRACE_BILL", "BILLTRACE_STATE", "BILLTRACE_SITE", "BILLTRACE_REVIEWED", "BILLTRACE_PROVENANCE", "BILLTRACE_PROJECT", "COVERAGE_FILE"))


class _FullFile:
    """A file open for writing on a full disk: every write fails, as the kernel says it would."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def write(self, data: Any) -> int:
        raise OSError(_FULL.errno, _FULL.strerror)

    def writelines(self, lines: Any) -> None:
        raise OSError(_FULL.errno, _FULL.strerror)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


def _fill(monkeypatch: pytest.MonkeyPatch, folder: Path, *, descriptors: bool = True) -> None:
    """Make the disk under ``folder`` full; with ``descriptors`` false, ``os.write``/``os.pwrite`` still work."""
    real_open, real_write, real_pwrite = io.open, os.write, os.pwrite
    root = folder.resolve()

    def inside(file: Any) -> bool:
        try:
            where = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else os.path.abspath(file)
        except (OSError, TypeError):
            return False
        return Path(where).is_relative_to(root)

    def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return _FullFile(handle) if any(c in mode for c in "wax+") and inside(file) else handle

    def refusing(real: Callable[..., int]) -> Callable[..., int]:
        def write(fd: int, data: bytes, *rest: Any) -> int:
            if inside(fd) and data:
                raise OSError(_FULL.errno, _FULL.strerror)
            return real(fd, data, *rest)
        return write

    monkeypatch.setattr(io, "open", full_open)
    monkeypatch.setattr(builtins, "open", full_open)
    if descriptors:
        monkeypatch.setattr(os, "write", refusing(real_write))
        monkeypatch.setattr(os, "pwrite", refusing(real_pwrite))


def _billtrace(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *args], env=_UNSET, catch_exceptions=True)


def _one_line_naming(result: Result, path: str) -> str:
    unexpected = result.exception if not isinstance(result.exception, SystemExit) else None
    assert unexpected is None, f"{type(unexpected).__name__}: {unexpected}"
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("billtrace test:")]
    assert len(lines) == 1, result.stderr
    assert path in lines[0] and "No space left on device" in lines[0], lines[0]
    return lines[0]


def _state(project: Path) -> dict[str, bytes]:
    state = project / ".billtrace"
    return {p.name: p.read_bytes() for p in sorted(state.iterdir()) if p.is_file() and p.name != "lock"}


@pytest.mark.parametrize(("full", "named"), [
    ("everywhere", ".billtrace/lock"),  # taking the lock writes the holder's pid
    ("files only", ".billtrace: cannot record the traced run"),  # the pid written, the run not recorded
])
def test_a_full_disk_under_billtrace_test_keeps_the_last_run_and_says_where(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: str, named: str) -> None:
    project = make_project(tmp_path / "project")
    first = _billtrace(project, "test")
    assert first.exit_code == 0, first.output
    before = _state(project)
    assert {"results.json", "coverage", "fingerprint.json"} <= set(before)

    with monkeypatch.context() as patch:
        _fill(patch, project, descriptors=full == "everywhere")
        line = _one_line_naming(_billtrace(project, "test"), named)
    assert "Traceback" not in line
    assert _state(project) == before  # the last whole run, byte for byte
    assert not [p for p in (project / ".billtrace").iterdir() if p.name.startswith(".run-")]
    assert _billtrace(project, "coverage").exit_code == 0  # and still current
    with monkeypatch.context() as patch:
        _fill(patch, project)
        _one_line_naming(_billtrace(project, "report", "--output", str(project / "report.html")), "report.html")
    assert not [p.name for p in project.iterdir() if "report.html" in p.name]  # no half a report


def test_a_full_disk_under_review_accept_all_writes_nothing_and_says_where(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project")
    reviewed = project / "reviewed-text.toml"
    with monkeypatch.context() as patch:
        _fill(patch, project)
        _one_line_naming(_billtrace(project, "review", "--accept-all"), "reviewed-text.toml")
    assert not reviewed.exists()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".reviewed-text.toml.")]

    old = os.umask(0o022)
    try:
        done = _billtrace(project, "review", "--accept-all")
    finally:
        os.umask(old)
    assert done.exit_code == 0, done.output
    assert stat.S_IMODE(reviewed.stat().st_mode) == 0o644  # as readable as any file, not mkstemp's 0600
