"""``billtrace serve --watch``: rebuild the site when an input changes.

``snapshot`` digests what the site is made from: the traced run's inputs (the bill,
the rules, the tests ... as ``generator.trace.fingerprint`` sees them) and the site's
templates.  ``rebuild_for`` compares two snapshots and says what a rebuild needs:
nothing, a re-render (a template changed: the last traced run still holds), or a
re-traced build (an input of the traced run changed).  ``watch`` polls and rebuilds;
the watch server tells each open page to reload (``generator.site.serve``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.project.workspace import Workspace
from generator.trace.fingerprint import current_fingerprint
from generator.trace.run import selection

__all__ = ["Rebuild", "Snapshot", "rebuild_for", "snapshot", "watch"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The digests of the traced run's inputs and of the site's templates, by path."""

    inputs: Mapping[str, str]
    templates: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Rebuild:
    """What changed between two snapshots, and so whether the tests must be traced again."""

    trace: bool
    changed: tuple[str, ...]


def snapshot(workspace: Workspace, *, templates: Path | None = None) -> Snapshot:
    """What the site of ``workspace`` is made from, as it stands now."""
    inputs = current_fingerprint(workspace, selection(workspace))["files"]
    folder = templates or Path(str(resources.files("generator.site").joinpath("templates")))
    digests = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(folder.rglob("*")) if p.is_file()}
    return Snapshot(dict(inputs), digests)


def rebuild_for(before: Snapshot, after: Snapshot) -> Rebuild | None:
    """None when nothing changed; else what changed, tracing again only when an input of the run did."""
    inputs = _changed(before.inputs, after.inputs)
    templates = _changed(before.templates, after.templates)
    if not inputs and not templates:
        return None
    return Rebuild(trace=bool(inputs), changed=(*inputs, *(f"template {t}" for t in templates)))


def watch(workspace: Workspace, rebuild: Callable[[Rebuild], None], *, interval: float = 1.0,
          rounds: int | None = None, take: Callable[[Workspace], Snapshot] = snapshot) -> None:
    """Poll every ``interval`` seconds and call ``rebuild`` on each change (forever, or ``rounds`` polls)."""
    seen = take(workspace)
    done = 0
    while rounds is None or done < rounds:
        time.sleep(interval)
        done += 1
        now = take(workspace)
        change = rebuild_for(seen, now)
        seen = now
        if change is not None:
            rebuild(change)


def _changed(before: Mapping[str, str], after: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k)))
