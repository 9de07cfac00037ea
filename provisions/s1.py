"""SECTION 1. SHORT TITLE."""

from provisions.kit.rules import Section

section = Section(__name__, "s1")  # this section's rules and the provisions it leaves uncoded
not_formalized = section.not_formalized

not_formalized(
    "s1",
    reason="The short title names the Act for citation; it sets no duty, date or amount to compute.",
)
