"""Writing the project's files whole or not at all, readable as any file the user makes would be.

A temporary file beside the target, then a rename: a reader never sees half a file, and a
failed write (a full disk, a read-only folder) leaves the target as it was.  ``mkstemp``
makes its file 0600; the file written here gets the target's mode when it exists, and
otherwise the mode an ordinary new file gets (0666 less the umask), so a results file or a
reviewed text is as readable as the rest of the checkout.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["naming", "ordinary_mode", "write_atomically"]


def ordinary_mode(*, directory: bool = False) -> int:
    """The mode a new file (0666) or directory (0777) gets under the process's umask."""
    mask = os.umask(0o077)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


def naming(error: OSError, path: Path) -> OSError:
    """``error`` as one naming ``path`` (a write's error names no file; a temporary one means nothing
    to the user), of the same kind (``PermissionError`` stays one)."""
    named = None if error.filename is None else Path(os.fsdecode(error.filename)).name
    if named is not None and not named.startswith(f".{path.name}."):
        return error  # it names the target or a folder above it already
    return OSError(error.errno, error.strerror or str(error), str(path))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` whole, or leave ``path`` as it was.

    Raises:
        OSError: naming ``path``; it could not be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else ordinary_mode()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise naming(error, path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            os.fchmod(stream.fileno(), mode)
            stream.write(text)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise naming(error, path) from None
        raise
