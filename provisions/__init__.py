"""The executable rules of S. 2839, one module per section of the bill.

The package declares itself as ``RULES``, a ``provisions.kit.RulesPackage`` (see
``provisions.package``), which ``billtrace`` loads by the name ``[tool.billtrace] rules``
gives.  ``RULES`` is imported on first use, so that ``provisions.kit`` (the bill-neutral
rule kit) can be used without loading S. 2839.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provisions.kit import RulesPackage

    RULES: RulesPackage

__all__ = ["RULES"]


def __getattr__(name: str) -> Any:
    if name == "RULES":
        from provisions.package import RULES

        return RULES
    raise AttributeError(f"module 'provisions' has no attribute {name!r}")
