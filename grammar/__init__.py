"""Reading bills in the GPO plain-text layout into a tree of provisions.

>>> from grammar import parse_text
>>> bill = parse_text("SECTION 1. SHORT TITLE.\\n\\n    This Act may be cited as the ``Widget Act''.\\n")
>>> bill.get("s1").label, bill.meta.short_title
('sec. 1', 'Widget Act')
"""

import importlib
from typing import TYPE_CHECKING, Any

from grammar.errors import (
    BillError,
    BillSourceError,
    BillStrictError,
    BillStructureError,
    BillSyntaxError,
    BilltraceError,
    UnknownProvisionError,
)

if TYPE_CHECKING:
    from grammar.model import (
        Action,
        Bill,
        Citation,
        Definition,
        Diagnostic,
        Meta,
        Provision,
        QuotedBlock,
        TocEntry,
    )
    from grammar.parse import parse_file, parse_text
    from grammar.serialize import bill_to_dict

# The parser (Lark and its grammar) is imported on first use, not with the package: a command
# that only needs ``grammar.errors`` (every one, through the error exit) starts without it.
_LAZY = {
    **dict.fromkeys(
        ("Action", "Bill", "Citation", "Definition", "Diagnostic", "Meta", "Provision", "QuotedBlock", "TocEntry"),
        "grammar.model",
    ),
    "parse_file": "grammar.parse",
    "parse_text": "grammar.parse",
    "bill_to_dict": "grammar.serialize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'grammar' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Action",
    "Bill",
    "BillError",
    "BillSourceError",
    "BillStrictError",
    "BillStructureError",
    "BillSyntaxError",
    "BilltraceError",
    "Citation",
    "Definition",
    "Diagnostic",
    "Meta",
    "Provision",
    "QuotedBlock",
    "TocEntry",
    "UnknownProvisionError",
    "bill_to_dict",
    "parse_file",
    "parse_text",
]
