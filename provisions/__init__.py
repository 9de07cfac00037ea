"""The executable rules of S. 2839, one module per section of the bill."""

from provisions.determination import Determination, Reason, to_jsonable
from provisions.inputs import InputError
from provisions.parameters import DEFAULTS, Parameters
from provisions.registry import Catalogue, NotFormalized, Rule, catalogue, implements, not_formalized

__all__ = [
    "DEFAULTS",
    "Catalogue",
    "Determination",
    "InputError",
    "NotFormalized",
    "Parameters",
    "Reason",
    "Rule",
    "catalogue",
    "implements",
    "not_formalized",
    "to_jsonable",
]
