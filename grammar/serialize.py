"""The JSON form of a parsed bill: the contract ``billtrace parse --format json`` prints.

The schema is grammar/bill.schema.json; tests/test_parse_json.py checks output
against it.
"""

from __future__ import annotations

from typing import Any

from grammar.model import Bill, Diagnostic, Meta, Provision
from grammar.stores import Citation, Definition

__all__ = ["SCHEMA_VERSION", "bill_to_dict", "provision_to_dict"]

SCHEMA_VERSION = "1.0"


def bill_to_dict(bill: Bill) -> dict[str, Any]:
    """The whole bill as plain JSON types."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": bill.source,
        "meta": _meta(bill.meta),
        "preamble": bill.preamble,
        "toc": [
            {"kind": e.kind, "designation": e.designation, "heading": e.heading, "line": e.line}
            for e in bill.toc
        ],
        "provisions": [provision_to_dict(p) for p in bill.provisions],
        "definitions": [_definition(d) for d in bill.definitions],
        "citations": [_citation(c) for c in bill.citations],
        "diagnostics": [_diagnostic(d) for d in bill.diagnostics],
    }


def provision_to_dict(provision: Provision) -> dict[str, Any]:
    """One provision and everything below it."""
    return {
        "id": provision.id,
        "kind": provision.kind,
        "designation": provision.designation,
        "heading": provision.heading,
        "text": provision.text,
        "chapeau": provision.chapeau,
        "flush": provision.flush,
        "label": provision.label,
        "line_start": provision.line_start,
        "line_end": provision.line_end,
        "hash": provision.hash,
        "quoted": [
            {"line_start": q.line_start, "line_end": q.line_end, "text": q.text} for q in provision.quoted
        ],
        "children": [provision_to_dict(child) for child in provision.children],
    }


def _meta(meta: Meta) -> dict[str, Any]:
    return {
        "congress": meta.congress,
        "session": meta.session,
        "measure": meta.measure,
        "number": meta.number,
        "citation": meta.citation,
        "version": meta.version,
        "version_name": meta.version_name,
        "document_type": meta.document_type,
        "chamber": meta.chamber,
        "date": meta.date.isoformat() if meta.date else None,
        "legislative_day": meta.legislative_day.isoformat() if meta.legislative_day else None,
        "sponsor": meta.sponsor,
        "committees": list(meta.committees),
        "long_title": meta.long_title,
        "short_title": meta.short_title,
        "actions": [
            {"date": a.date.isoformat() if a.date else None, "text": a.text} for a in meta.actions
        ],
    }


def _definition(definition: Definition) -> dict[str, Any]:
    return {
        "term": definition.term,
        "provision": definition.provision,
        "scope": definition.scope,
        "kind": definition.kind,
        "line": definition.line,
        "forms": list(definition.forms),
        "uses": list(definition.uses),
    }


def _citation(citation: Citation) -> dict[str, Any]:
    return {
        "source": citation.source,
        "text": citation.text,
        "kind": citation.kind,
        "line": citation.line,
        "column": citation.column,
        "targets": list(citation.targets),
        "url": citation.url,
        "resolved": citation.resolved,
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "provision": diagnostic.provision,
    }
