"""The bill-neutral rule kit: declaring rules, determinations and reasons, money, periods,
input parsing and named parameters.  It imports nothing of any bill."""

from provisions.kit.determination import Determination, Reason, to_jsonable
from provisions.kit.inputs import InputError
from provisions.kit.package import Answer, Example, Option, Question, RulesPackage, Step, StreamAnswer, Writer
from provisions.kit.rules import Catalogue, NotFormalized, Rule, Section, catalogue_of

__all__ = [
    "Answer",
    "Catalogue",
    "Determination",
    "Example",
    "InputError",
    "NotFormalized",
    "Option",
    "Question",
    "Reason",
    "Rule",
    "RulesPackage",
    "Section",
    "Step",
    "StreamAnswer",
    "Writer",
    "catalogue_of",
    "to_jsonable",
]
