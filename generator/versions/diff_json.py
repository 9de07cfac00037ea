"""``billtrace diff --format json``: the comparison as one JSON object (schema: ``diff.schema.json``).

    {"old": {"file": ..., "meta": {...}, "diagnostics": [...]}, "new": {"file": ..., "meta": {...}, ...},
     "pairs": [{"old": "s4_e" | null, "new": "s4_f" | null, "change": "renumbered",
                "similarity": 1.0, "details": [{"kind": "designation", "before": ..., "after": ...}]}],
     "impact": [{"provision": "s4_f_1", "label": "sec. 4(f)(1)", "old": ["s4_e_1"] (its ids in the old text),
                 "causes": [{"kind", "changed", "label", "via", "message",
                             "through": [ids of a chain's provisions, nearest first]}]}],
     "summary": {"same": 56, "reworded": 12, ...}}

``meta`` and ``diagnostics`` are those of ``billtrace parse --format json`` (the parser's warnings:
a citation naming no provision of the new text is often a conforming change left undone).
"""

from __future__ import annotations

from typing import Any

from generator.versions.compare import Comparison
from grammar import Bill, bill_to_dict

__all__ = ["comparison_to_dict"]


def comparison_to_dict(comparison: Comparison, old_file: str, new_file: str) -> dict[str, Any]:
    """The JSON-ready form of ``comparison``; ``old_file`` and ``new_file`` as the user named them."""
    return {
        "old": _side(comparison.old, old_file),
        "new": _side(comparison.new, new_file),
        "pairs": [
            {"old": p.old, "new": p.new, "change": p.change, "similarity": p.similarity,
             "details": [{"kind": d.kind, "before": d.before, "after": d.after} for d in p.details]}
            for p in comparison.pairs
        ],
        "impact": [
            {"provision": a.provision, "label": a.label, "old": _old_ids(comparison, a.provision),
             "causes": [{"kind": c.kind, "changed": c.changed, "label": c.label, "via": c.via, "message": c.message,
                         "through": list(c.through)}
                        for c in a.causes]}
            for a in comparison.impact
        ],
        "summary": comparison.counts(),
    }


def _old_ids(comparison: Comparison, new_id: str) -> list[str]:
    """The ids in the old text of a provision of the new one (none: it is new; two or more: merged)."""
    return [m.old for m in comparison.alignment.of_new(new_id) if m.old is not None]


def _side(bill: Bill, file: str) -> dict[str, Any]:
    whole = bill_to_dict(bill)
    return {"file": file, "meta": whole["meta"], "diagnostics": whole["diagnostics"]}
