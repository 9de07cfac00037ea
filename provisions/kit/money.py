"""Money arithmetic in whole cents: duty amounts, and splitting a sum into shares.

Amounts are ``Decimal`` dollars; nothing here uses floating point.

Rounding rules, stated once:

* a duty is ``value x rate / 100`` rounded to the nearest cent, halves up;
* a split (``split_cents``) either uses the largest-remainder rule -- every share
  is rounded down to the cent, then the cents left over go one each to the
  shares with the largest remainders, ties in the order given -- so that no
  share is a cent or more away from its exact value; or gives every cent left
  over to the first share (``remainder-to-first``).  Either way the shares add
  up to the total exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

__all__ = ["CENT", "duty_amount", "split_cents", "to_cents"]

CENT = Decimal("0.01")


def duty_amount(value: Decimal, rate_percent: Decimal) -> Decimal:
    """The duty on ``value`` at ``rate_percent``, to the nearest cent (halves up).

    >>> duty_amount(Decimal("1000.00"), Decimal("25"))
    Decimal('250.00')
    >>> duty_amount(Decimal("0.02"), Decimal("25"))
    Decimal('0.01')
    """
    return (value * rate_percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """Whole cents in ``amount``.

    Raises:
        ValueError: ``amount`` has a fraction of a cent.
    """
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"{amount} has a fraction of a cent")
    return int(cents)


def split_cents(
    total: Decimal,
    weights: Sequence[tuple[str, Fraction]],
    *,
    rounding: Literal["largest-remainder", "remainder-to-first"] = "largest-remainder",
) -> dict[str, Decimal]:
    """Split ``total`` by ``weights`` (which add up to 1) into whole cents summing to ``total``.

    >>> thirds = [("a", Fraction(3, 5)), ("b", Fraction(1, 5)), ("c", Fraction(1, 5))]
    >>> split_cents(Decimal("1000000.01"), thirds)
    {'a': Decimal('600000.01'), 'b': Decimal('200000.00'), 'c': Decimal('200000.00')}

    Raises:
        ValueError: the weights do not add up to 1, or ``total`` has a fraction of a cent.
    """
    if sum(weight for _, weight in weights) != 1:
        raise ValueError("the weights of a split must add up to 1")
    cents = to_cents(total)
    exact = [cents * weight for _, weight in weights]
    floors = [int(share // 1) for share in exact]
    left = cents - sum(floors)
    if rounding == "remainder-to-first":
        floors[0] += left
    else:
        by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in by_remainder[:left]:
            floors[i] += 1
    return {
        name: Decimal(share).scaleb(-2).quantize(CENT)
        for (name, _), share in zip(weights, floors, strict=True)
    }
