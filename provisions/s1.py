"""SECTION 1. SHORT TITLE."""

from provisions.registry import not_formalized

not_formalized(
    "s1",
    reason="The short title names the Act for citation; it sets no duty, date or amount to compute.",
)
