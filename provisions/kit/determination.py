"""What a rule returns: a value, and the ordered reasons it rests on, each citing a provision."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

__all__ = ["Determination", "Reason", "to_jsonable"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of a rule's reasoning: what it found, under which provision, from which inputs."""

    provision: str  # the provision id it rests on, e.g. "s5_a"
    statement: str  # in words a reader can check against the text
    inputs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Determination(Generic[T]):
    """A rule's answer with the reasons for it, in the order they were applied."""

    value: T
    reasons: tuple[Reason, ...]
    rule: str = ""  # the rule's qualified name


def to_jsonable(value: Any) -> Any:
    """Decimals as strings, dates in ISO form, dataclasses and mappings as dicts, enums by value."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [to_jsonable(v) for v in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    return value
