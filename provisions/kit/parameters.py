"""The named-parameter mechanism: a frozen dataclass of readings, each a ``Literal`` of choices.

A bill's rules package declares its open questions as one dataclass whose fields are
``Literal[...]`` choices with the default first (or any other type with a converter);
these functions check, describe and read it, so no bill repeats them.

>>> from dataclasses import dataclass
>>> from typing import Literal
>>> @dataclass(frozen=True)
... class Readings:
...     counting: Literal["calendar-days", "days-of-session"] = "calendar-days"
>>> non_default(from_strings(Readings, {"counting": "days-of-session"}))
('counting',)
>>> describe(Readings(), "counting")
"parameter counting='calendar-days' (default)"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

from provisions.kit.inputs import InputError

__all__ = ["check_choices", "choices", "describe", "from_strings", "non_default"]

T = TypeVar("T")


_CHOICES: dict[type, dict[str, tuple[str, ...]]] = {}
_DEFAULTS: dict[type, object] = {}


def choices(cls: type) -> dict[str, tuple[str, ...]]:
    """The parameters of ``cls`` that are a choice among words, with their choices (read once per class)."""
    known = _CHOICES.get(cls)
    if known is not None:
        return known
    hints = get_type_hints(cls)
    found = _CHOICES[cls] = {name: get_args(hint) for name, hint in hints.items() if get_origin(hint) is Literal}
    return found


def check_choices(instance: object) -> None:
    """Raise ``InputError`` naming the parameter when a value is not one of its choices."""
    for name, allowed in choices(type(instance)).items():
        value = getattr(instance, name)
        if value not in allowed:
            raise InputError(name, f"{value!r} is not one of {', '.join(allowed)}")


def _default(cls: type) -> object:
    default = _DEFAULTS.get(cls)
    if default is None:
        default = _DEFAULTS[cls] = cls()
    return default


_NON_DEFAULT: dict[object, tuple[str, ...]] = {}


def non_default(instance: object) -> tuple[str, ...]:
    """The names of the parameters set to something other than their default (remembered per value)."""
    known = _NON_DEFAULT.get(instance)
    if known is not None:
        return known
    default = _default(type(instance))
    names = tuple(f.name for f in dataclasses.fields(instance)  # type: ignore[arg-type]
                  if getattr(instance, f.name) != getattr(default, f.name))
    if len(_NON_DEFAULT) < 1024:
        _NON_DEFAULT[instance] = names
    return names


def describe(instance: object, name: str) -> str:
    """``parameter name='value' (default)`` or ``(non-default)``, for a reason."""
    value = getattr(instance, name)
    marker = "non-default" if name in non_default(instance) else "default"
    if isinstance(value, tuple):
        text = ",".join(":".join(str(part) for part in item) if isinstance(item, tuple) else str(item)
                        for item in value)
    else:
        text = value
    return f"parameter {name}={text!r} ({marker})"


def from_strings(cls: type[T], values: Mapping[str, str], *,
                 converters: Mapping[str, Callable[[str], Any]] | None = None) -> T:
    """``cls`` from ``name -> text`` pairs (command-line ``--param`` or a TOML table).

    Names may use ``-`` for ``_``; ``converters`` turn the text of non-choice parameters.

    Raises:
        InputError: an unknown name, or a value that is not one of the choices.
    """
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for name, text in values.items():
        key = name.replace("-", "_")
        if key not in fields:
            raise InputError(name, f"unknown parameter; the parameters are {', '.join(sorted(fields))}")
        convert = (converters or {}).get(key)
        kwargs[key] = convert(text) if convert else text
    return cls(**kwargs)
