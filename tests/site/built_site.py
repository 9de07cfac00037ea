"""The value the site fixtures give the tests: a built site and what went into it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.collect import Inputs
from generator.matrix import Matrix
from generator.pipeline import BuildReport
from generator.workspace import Workspace


@dataclass(frozen=True)
class Built:
    """A built site: where it is, what went in, and the matrix."""

    workspace: Workspace
    inputs: Inputs | None
    matrix: Matrix
    report: BuildReport | None = None
