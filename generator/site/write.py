"""Step four, the only one that writes the site's sources: ``docs/`` and ``mkdocs.yml``; and the swap
that puts a finished build in place of the last one whole.

``billtrace build`` writes the sources and builds the HTML in a staging folder beside
``site/build/`` (``site/.staging-*``), and only when every step passed swaps each of
``docs/`` and ``build/`` with the one in place (one ``renameat2(RENAME_EXCHANGE)`` call on
Linux: there is no moment without a whole site) and replaces ``mkdocs.yml``.  Killing a build
at any moment leaves the last site whole; the staging folder it leaves is removed by the next.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.project.files import naming
from generator.site.pages import Site

__all__ = ["exchange", "staging", "write_file", "write_site"]

_STAGING = ".staging-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_file(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` (UTF-8, ``\\n`` line ends), making its folders."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
    except OSError as error:  # a full disk names no file: name the page
        raise naming(error, path) from None


def write_site(site: Site, *, docs: Path, config: Path) -> None:
    """Replace ``docs`` with the rendered files (so no stale page survives) and write ``config``."""
    if docs.exists():
        shutil.rmtree(docs)
    for relative, content in site.files.items():
        write_file(docs / relative, content)
    write_file(config, site.config)


@contextlib.contextmanager
def staging(site: Path) -> Iterator[Path]:
    """A fresh staging folder in ``site`` (removed after the block, with what it then holds);
    the staging folders of killed builds are removed first."""
    site.mkdir(parents=True, exist_ok=True)
    for leftover in site.glob(f"{_STAGING}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=_STAGING, dir=site))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def exchange(new: Path, current: Path) -> None:
    """Put the folder ``new`` at ``current``; what was at ``current`` moves to ``new``.

    Atomic where the kernel offers ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames,
    the second right after the first.
    """
    if not current.exists():
        os.replace(new, current)
        return
    if _renameat2 is not None and _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(current),
                                             _RENAME_EXCHANGE) == 0:
        return
    aside = new.with_name(new.name + ".old")
    os.replace(current, aside)
    os.replace(new, current)
    os.replace(aside, new)


def _load_renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        function = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()
