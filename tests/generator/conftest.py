"""Fixtures of the generator's tests: the mini fixture workspace (see fixtures/mini.py)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from generator.trace.collect import Inputs, collect_from
from grammar import parse_file

_MINI = Path(__file__).resolve().parent / "fixtures" / "mini.py"


def load_mini() -> ModuleType:
    """The fixture module ``fixtures/mini.py``."""
    import importlib.util
    import sys

    name = "billtrace_fixture_mini"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _MINI)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def mini() -> ModuleType:
    """The fixture module: its bill, rules and made-up traced run."""
    return load_mini()


@pytest.fixture
def mini_inputs(tmp_path: Path, mini: ModuleType) -> Inputs:
    """The collected inputs of the fixture workspace."""
    space = mini.workspace(tmp_path)
    return collect_from(parse_file(space.bill), mini.catalogue(), space)
