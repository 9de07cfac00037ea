"""Reading an answer in tests: which provisions its reasons cite, and what they say."""

from __future__ import annotations

from typing import Any

from provisions.kit import Determination


def cited(answer: Determination[Any]) -> list[str]:
    """The provision ids an answer's reasons cite, in order."""
    return [reason.provision for reason in answer.reasons]


def said(answer: Determination[Any]) -> str:
    """All the statements of an answer, as one text."""
    return " ".join(reason.statement for reason in answer.reasons)
