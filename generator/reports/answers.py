"""How ``billtrace check`` prints an answer: for a person (citations as ``sec. 5(a)``) or as JSON.

An answer is a value and its reasons.  JSON output is one object::

    {"value": {...}, "reasons": [{"provision": "s5_a", "label": "sec. 5(a)",
     "statement": "...", "inputs": {...}}, ...], "rule": "rules.s5.duty_treatment",
     "parameters": {...non-default parameters...}}

The labels come from the parsed bill; an id the bill lacks is an error, not a blank.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from grammar.errors import UnknownProvisionError
from provisions.kit import Reason, to_jsonable
from provisions.kit.parameters import describe, non_default

if TYPE_CHECKING:
    from grammar.model import Bill

__all__ = ["Labels", "answer_json", "answer_text", "reasons_json", "reasons_text"]

_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Labels:
    """Provision ids -> their citations (``s5_a`` -> ``sec. 5(a)``), from the parsed bill."""

    labels: Mapping[str, str]

    @classmethod
    def of(cls, bill: Bill) -> Labels:
        """The labels of every provision of ``bill``."""
        return cls({provision.id: provision.label for provision in bill.walk()})

    def __call__(self, provision_id: str) -> str:
        try:
            return self.labels[provision_id]
        except KeyError:
            raise UnknownProvisionError(provision_id, self.labels) from None


def reasons_json(reasons: Iterable[Reason], labels: Labels) -> list[dict[str, Any]]:
    """Each reason as a JSON-ready dict: provision, label, statement, inputs."""
    return [
        {
            "provision": r.provision,
            "label": labels(r.provision),
            "statement": r.statement,
            "inputs": to_jsonable(dict(r.inputs)),
        }
        for r in reasons
    ]


def answer_json(
    value: Any, reasons: Iterable[Reason], labels: Labels, *, rule: str, params: Any
) -> str:
    """The whole answer as one JSON object (see the module docstring)."""
    document = {
        "value": to_jsonable(value),
        "reasons": reasons_json(reasons, labels),
        "rule": rule,
        "parameters": {name: to_jsonable(getattr(params, name)) for name in non_default(params)},
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def answer_text(
    title: str, value: Any, reasons: Iterable[Reason], labels: Labels, *, params: Any,
    percent: frozenset[str] = frozenset(), field_labels: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """The answer for a person: the value, field by field, then the reasons with their citations.

    ``percent`` names the fields shown with a ``%`` (the rules package's ``percent_fields``);
    ``field_labels`` shows a field of the value under another name (the answer's ``field_labels``:
    field -> (provision id whose citation begins the name, or "", the words after it)).
    """
    lines = [title, ""]
    names = {key: f"{labels(pid)} {words}" if pid else words for key, (pid, words) in (field_labels or {}).items()}
    lines.extend(_fields(to_jsonable(value), indent=2, percent=percent, names=names))
    changed = non_default(params)
    if changed:
        lines.append("")
        lines.append("Parameters: " + "; ".join(describe(params, name) for name in changed))
    lines.append("")
    lines.append("Why:")
    lines.append(reasons_text(reasons, labels))
    return "\n".join(lines)


def reasons_text(reasons: Iterable[Reason], labels: Labels) -> str:
    """One reason per paragraph: the citation, then the statement wrapped beside it."""
    out: list[str] = []
    for reason in reasons:
        label = labels(reason.provision)
        head = f"  {label:<20}"
        body = textwrap.wrap(reason.statement, width=_WIDTH - len(head)) or [""]
        out.append(head + body[0])
        out.extend(" " * len(head) + line for line in body[1:])
    return "\n".join(out)


def _fields(value: Any, *, indent: int, percent: frozenset[str], names: Mapping[str, str] | None = None) -> list[str]:
    """The fields of ``value`` a line each; ``names`` (top level only) shows a field under another name."""
    pad = " " * indent
    if not isinstance(value, Mapping):
        return [pad + _scalar(value)]
    names = names or {}
    shown = {key: names.get(str(key), str(key).replace("_", " ")) for key in value}
    width = max((len(name) for name in shown.values()), default=0) + 2
    lines: list[str] = []
    for key, item in value.items():
        name = shown[key]
        if isinstance(item, Mapping) and item:
            lines.append(f"{pad}{name}:")
            lines.extend(_fields(item, indent=indent + 2, percent=percent))
        elif isinstance(item, list) and item and isinstance(item[0], Mapping):
            lines.append(f"{pad}{name}:")
            for entry in item:
                lines.extend(_fields(entry, indent=indent + 2, percent=percent))
                lines.append("")
        elif key in percent and item is not None:
            lines.append(f"{pad}{name:<{width}}{_scalar(item)}%")
        else:
            lines.append(f"{pad}{name:<{width}}{_scalar(item)}")
    return lines


def _scalar(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value) if value else "none"
    return str(value)
