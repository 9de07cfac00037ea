"""The value the site fixtures give the tests: a built site and what went into it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.project.workspace import Workspace
from generator.site.build import BuildReport
from generator.trace.collect import Inputs
from generator.trace.matrix import Matrix


@dataclass(frozen=True)
class Built:
    """A built site: where it is, what went in, and the matrix."""

    workspace: Workspace
    inputs: Inputs | None
    matrix: Matrix
    report: BuildReport | None = None
