"""Step five: ``mkdocs build --strict`` over the written sources, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.errors import SiteBuildError

__all__ = ["mkdocs_build"]


def mkdocs_build(config: Path, *, site_dir: Path | None = None, stamp: str = "") -> None:
    """Build the HTML site from ``config`` in strict mode (any warning fails the build).

    ``stamp`` (HTML) is the footer's build stamp (``generator.site.stamp``).

    Raises:
        SiteBuildError: mkdocs failed; the message carries its warnings and errors.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config)]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "BILLTRACE_STAMP": stamp}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines()
                 if line.startswith(("WARNING", "ERROR", "Aborted", "Error", "Config value"))]
        detail = "\n".join(lines[-20:]) or (done.stderr or done.stdout).strip()[-2000:]
        raise SiteBuildError(f"mkdocs build --strict failed:\n{detail}")
