"""Counts in words: ``1 day``, ``2 days``, never ``2 day(s)``, in reasons and in messages alike."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun in the number it takes.

    >>> counted(1, "link"), counted(487, "link"), counted(0, "file")
    ('1 link', '487 links', '0 files')
    >>> counted(2, "criterion", "criteria"), counted(1, "day of adjournment", "days of adjournment")
    ('2 criteria', '1 day of adjournment')
    """
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
