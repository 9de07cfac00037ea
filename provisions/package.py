"""S. 2839 declared: its sections, parameters, ``check`` questions, worked examples and site notice."""

from __future__ import annotations

from provisions.datasets import data_file_descriptions
from provisions.examples import PERCENT_FIELDS, worked_examples
from provisions.kit import RulesPackage
from provisions.parameters import Parameters, parameter_descriptions
from provisions.questions import QUESTIONS
from provisions.values import value_mismatches

__all__ = ["RULES"]

RULES = RulesPackage(
    name="provisions",
    title="S. 2839 (119th Congress), the Restoring American Mineral Security Act of 2025",
    sections=tuple(f"provisions.s{number}" for number in range(1, 7)),
    parameters=Parameters,
    parameters_from_strings=Parameters.from_strings,
    questions=QUESTIONS,
    examples=worked_examples,
    # The statute file is a working text until the official one replaces it (statute/README.md).
    notice="A working text, not the official one",
    percent_fields=PERCENT_FIELDS,
    data_sources=data_file_descriptions,
    parameter_descriptions=parameter_descriptions,
    value_mismatches=value_mismatches,
)
