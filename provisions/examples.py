"""Worked examples: real scenarios run through the rules, kept with the rules' own reasons.

Each example calls rule functions of ``provisions`` and keeps what they return
(a ``Determination``: a value and its reasons, each citing a provision), so the
page shows exactly what the code decides and why.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from provisions.kit import Determination, Example, Step, to_jsonable

__all__ = ["PERCENT_FIELDS", "step", "worked_examples"]

# The fields of S. 2839's answers that are rates in percent (shown with %, here and by `check`).
PERCENT_FIELDS = frozenset({"rate", "mineral_share", "product_share", "before", "under_bill", "total_rate"})


def step(determination: Determination[Any], *, rule: str | None = None) -> Step:
    """A step from a rule's determination; the value is shown as text."""
    return Step(rule=rule or determination.rule, value=_words(determination.value),
                reasons=determination.reasons)


def worked_examples() -> tuple[Example, ...]:
    """The worked examples of S. 2839, computed by calling the rules.

    Raises:
        ImportError, AttributeError: a rule the examples call is missing or renamed;
            the examples are part of the site and fail loudly rather than vanish.
    """
    from provisions.candidate import COMMITMENTS, Candidate
    from provisions.inputs import Alliance, Import, Member, parse_hts
    from provisions.kit.periods import FiscalQuarter
    from provisions.s4 import eligibility
    from provisions.s5 import duty_treatment
    from provisions.s6 import trust_fund_quarter

    alliance = Alliance.of([Member("AU", dt.date(2027, 1, 1)), Member("CA", dt.date(2027, 4, 1))])
    members = ("AU", "Australia, in force January 1, 2027"), ("CA", "Canada, in force April 1, 2027")
    magnets = Import(parse_hts("8505.11.00"), "CN", dt.date(2027, 3, 1), False, Decimal("1000.00"))
    lithium = Import(parse_hts("2836.91.00"), "AU", dt.date(2027, 3, 1), False, Decimal("1000.00"))
    candidate = Candidate(
        country="CL", default_rate=Decimal("50"), certification=dt.date(2027, 6, 1),
        entry_into_force=dt.date(2027, 9, 1), phase_in_until=dt.date(2033, 9, 1),
        commitments=dict.fromkeys(COMMITMENTS, True),
    )
    quarter = FiscalQuarter(2027, 2)
    return (
        Example(
            title="Permanent magnets from a country of concern, after the first agreement",
            scenario="A $1,000.00 entry of permanent magnets made in China on March 1, 2027, when the first "
                     "Alliance agreement (Australia's) has been in force since January 1, 2027.",
            inputs=(("Good", "HTS 8505.11.00, permanent magnets of metal"), ("Origin", "CN (China)"),
                    ("Entered", "March 1, 2027"), ("Customs value", "$1,000.00"), *(("Member", m[1]) for m in members)),
            steps=(step(duty_treatment(magnets, alliance)),),
        ),
        Example(
            title="Lithium from a member of the Alliance",
            scenario="A $1,000.00 entry of lithium carbonate from Australia on March 1, 2027, two months after "
                     "Australia's agreement entered into force.",
            inputs=(("Good", "HTS 2836.91.00, lithium carbonates"), ("Origin", "AU (Australia)"),
                    ("Entered", "March 1, 2027"), ("Customs value", "$1,000.00"), *(("Member", m[1]) for m in members)),
            steps=(step(duty_treatment(lithium, alliance)),),
        ),
        Example(
            title="A candidate with a 6-year phase-in",
            scenario="Chile commits to a 50 percent duty on every covered good from countries of concern, to "
                     "every other criterion of sec. 4(b), and to phasing the duty in until September 1, 2033: "
                     "six years after its agreement would enter into force, one more than sec. 4(c)(1) allows.",
            inputs=(("Country", "CL (Chile)"), ("Committed rate", "50 percent on every covered subheading"),
                    ("Certification", "June 1, 2027"), ("Entry into force", "September 1, 2027"),
                    ("Phase-in until", "September 1, 2033"), ("Other commitments", "all of sec. 4(b)(2) to (5)")),
            steps=(step(eligibility(candidate)),),
        ),
        Example(
            title="A quarter's trust-fund split",
            scenario="In the second quarter of fiscal year 2027 the duties collected on mined and processed "
                     "critical minerals come to $1,000,000.01; the Secretary of the Treasury transfers an equal "
                     "amount to the Trust Fund, which is split 60/20/20.",
            inputs=(("Quarter", "FY2027 Q2 (January to March 2027)"),
                    ("Duties on critical minerals", "$1,000,000.01")),
            steps=(step(trust_fund_quarter(Decimal("1000000.01"), quarter=quarter)),),
        ),
    )


def _words(value: object) -> str:
    """The answer as a person reads it: a field a line, nested parts indented, rates with %."""
    plain = to_jsonable(value)
    if not isinstance(plain, dict):
        return _scalar(plain, percent=False)
    return "\n".join(_field_lines(plain, 0))


def _field_lines(fields: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    shown = {k: v for k, v in fields.items() if v != ""}  # an empty field says nothing
    width = max((len(k) for k in shown), default=0) + 2
    lines: list[str] = []
    for key, item in shown.items():
        name = key.replace("_", " ")
        if isinstance(item, dict) and item:
            lines += [f"{pad}{name}:", *_field_lines(item, indent + 2)]
        elif isinstance(item, list) and item and all(isinstance(entry, dict) for entry in item):
            lines.append(f"{pad}{name}:")
            for entry in item:
                entry_lines = _field_lines(entry, indent + 2)
                lines += [f"{pad}- {entry_lines[0].lstrip()}", *entry_lines[1:]] if entry_lines else []
        else:
            lines.append(f"{pad}{name:<{width}}{_scalar(item, percent=key in PERCENT_FIELDS)}")
    return lines


def _scalar(value: object, *, percent: bool) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "-"  # not known, or not applicable: as `check` prints it
    if isinstance(value, list):
        return ", ".join(_scalar(v, percent=percent) for v in value) or "none"
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_scalar(v, percent=False)}" for k, v in value.items())
    return f"{value}%" if percent else str(value)
