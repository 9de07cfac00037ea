"""One traced run or build at a time per checkout: an exclusive lock on ``.billtrace/lock``.

The lock is ``flock`` on the file, so it goes with the process that holds it, however that
process ends (a killed build never leaves a lock behind).  The file holds the holder's pid,
for the message of the one that waits.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.project.files import naming

__all__ = ["holding_lock"]


@contextlib.contextmanager
def holding_lock(path: Path, *, waiting: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the lock at ``path`` for the ``with`` block, waiting for another holder to finish.

    ``waiting`` is called once, with a sentence naming the holder, when the lock is taken.

    Raises:
        OSError: the lock file cannot be made or opened (the state folder is a file, read-only ...).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)  # less the umask, as any file
    except OSError as error:
        raise naming(error, path) from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "unknown"
            waiting(f"another billtrace build or test run (pid {holder}) holds {path}; waiting for it to finish")
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError as error:  # a full disk: the pid is only for the message of one that waits
            raise naming(error, path) from None
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
