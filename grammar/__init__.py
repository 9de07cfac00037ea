"""Reading bills in the GPO plain-text layout into a tree of provisions.

>>> from grammar import parse_file
>>> bill = parse_file("statute/s2839-is.txt")
>>> bill.get("s4_b_1").label
'sec. 4(b)(1)'
"""

from grammar.errors import (
    BillError,
    BillSourceError,
    BillStrictError,
    BillStructureError,
    BillSyntaxError,
    BilltraceError,
    UnknownProvisionError,
)
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
