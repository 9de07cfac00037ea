"""Every reading the words leave open is a named parameter, documented in the README and for the site."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from grammar import Bill
from provisions.parameters import DEFAULTS, Parameters, parameter_descriptions

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.provision("s6_c", "s5_a", "s4_e_2")
def test_every_parameter_has_a_row_in_the_readme_table_and_a_description(bill: Bill) -> None:
    text = README.read_text(encoding="utf-8")
    described = {doc.name: doc for doc in parameter_descriptions()}
    for field in dataclasses.fields(Parameters):
        assert f"| `{field.name}` (" in text, f"{field.name} has no row in the README's parameter table"
        doc = described[field.name]
        assert doc.provisions and all(pid in bill for pid in doc.provisions)
        default = getattr(DEFAULTS, field.name)
        if isinstance(default, str):
            assert doc.default == default
            assert doc.meanings[0][0] == default  # the default first
            assert doc.alternatives, f"{field.name} has no alternative"
