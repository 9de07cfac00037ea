"""SEC. 2. SENSE OF CONGRESS."""

from provisions.kit.rules import Section

section = Section(__name__, "s2")  # this section's rules and the provisions it leaves uncoded
not_formalized = section.not_formalized

_NOT_OPERATIVE = (
    "A sense-of-Congress finding states a view and binds no one; no rule can follow from it. {what}"
)

not_formalized("s2", reason=_NOT_OPERATIVE.format(what="The section is five such findings."))
not_formalized(
    "s2_1", reason=_NOT_OPERATIVE.format(what="Finding: supply chains of critical minerals matter.")
)
not_formalized(
    "s2_2", reason=_NOT_OPERATIVE.format(what="Finding: dependence on the People's Republic of China.")
)
not_formalized(
    "s2_3", reason=_NOT_OPERATIVE.format(what="Finding: China's conduct in critical mineral markets.")
)
not_formalized("s2_4", reason=_NOT_OPERATIVE.format(what="Finding: trade tools work best with partners."))
not_formalized(
    "s2_5", reason=_NOT_OPERATIVE.format(what="Finding: an alliance of trading partners can help.")
)
