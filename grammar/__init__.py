"""Reading bills in the GPO plain-text layout into a tree of provisions.

>>> from grammar import parse_text
>>> bill = parse_text("SECTION 1. SHORT TITLE.\\n\\n    This Act may be cited as the ``Widget Act''.\\n")
>>> bill.get("s1").label, bill.meta.short_title
('sec. 1', 'Widget Act')
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
