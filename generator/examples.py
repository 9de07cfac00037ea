"""Worked examples: real scenarios run through the rules, kept with the rules' own reasons.

Each example calls rule functions of ``provisions`` and keeps what they return
(a ``Determination``: a value and its reasons, each citing a provision), so the
page shows exactly what the code decides and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from provisions import Determination, Reason, to_jsonable

__all__ = ["Example", "Step", "step", "worked_examples"]


@dataclass(frozen=True, slots=True)
class Step:
    """One rule applied: its name, its answer in words, and its reasons."""

    rule: str
    value: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Example:
    """A scenario, its inputs in words, and the rules' determinations."""

    title: str
    scenario: str
    inputs: tuple[tuple[str, str], ...]
    steps: tuple[Step, ...]


def step(determination: Determination[object], *, rule: str | None = None) -> Step:
    """A step from a rule's determination; the value is shown as text."""
    return Step(rule=rule or determination.rule, value=_words(determination.value),
                reasons=determination.reasons)


def worked_examples() -> tuple[Example, ...]:
    """The worked examples of S. 2839, computed by calling the rules."""
    return ()


def _words(value: object) -> str:
    plain = to_jsonable(value)
    if isinstance(plain, bool):
        return "yes" if plain else "no"
    if isinstance(plain, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_words(v)}" for k, v in plain.items())
    if isinstance(plain, list):
        return ", ".join(_words(v) for v in plain)
    return "none" if plain is None else str(plain)
