"""The executable rules of S. 2839, one module per section of the bill."""

from provisions.determination import Determination, Reason, to_jsonable
from provisions.registry import Catalogue, NotFormalized, Rule, catalogue, implements, not_formalized

__all__ = [
    "Catalogue",
    "Determination",
    "NotFormalized",
    "Reason",
    "Rule",
    "catalogue",
    "implements",
    "not_formalized",
    "to_jsonable",
]
