"""Texts of a bill compared: alignment of provisions, typed changes, impact, and migration of a project.

Bill-neutral: everything here is a function of ``grammar.Bill`` values and of the files a
project names ids in.

    align      which provision of the new text is which of the old (pairs and change types)
    changes    the typed changes inside a pair (numbers, shall/may, list items, actors, references)
    impact     provisions whose meaning changed through a changed definition or cited provision
    compare    the three together: a Comparison
    history    the pairs of a sequence of texts, per provision (for the site)
    migrate    a plan re-pointing every id of a project along the alignment; sites: where ids stand
"""

from generator.versions.align import CHANGES, Alignment, Match, align
from generator.versions.changes import DETAIL_KINDS, Detail, details
from generator.versions.compare import Comparison, Pair, compare
from generator.versions.impact import Affected, Cause, impact

__all__ = [
    "CHANGES",
    "DETAIL_KINDS",
    "Affected",
    "Alignment",
    "Cause",
    "Comparison",
    "Detail",
    "Match",
    "Pair",
    "align",
    "compare",
    "details",
    "impact",
]
