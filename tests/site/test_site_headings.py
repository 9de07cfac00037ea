"""One rule for the site's headings: sentence case, the bill's own names kept as the bill writes them."""

from __future__ import annotations

import re

from generator.site.headings import Casing
from generator.site.pages import Site


def _headings(site: Site) -> list[str]:
    found = []
    for name, text in site.files.items():
        if name.endswith(".md") and not name.startswith(("glossary", "rules", "source-", "tests-")):
            found += [h.replace("\\", "") for h in re.findall(r"^#{1,6} (.*?)(?: \{ #[^}]*\})?$", text, re.MULTILINE)]
    return found


def test_every_heading_of_the_text_is_in_sentence_case_with_the_bills_names_kept(rendered: Site) -> None:
    headings = _headings(rendered)
    for expected in ("Sec. 1. Short title", "Sec. 2. Sense of Congress", "Sec. 4. Critical Minerals Security Alliance",
                     "(a) Authority to negotiate", "(e) Admission to the Alliance", "(b) Transfers to Trust Fund",
                     "(g) Treatment of imports from members of the Alliance", "(a) In general",
                     "Sec. 6. Critical Mineral Mining and Processing Trust Fund", "Worked examples"):
        assert expected in headings, expected
    # no heading shouts or is in title case: after its first word, a capital only in a name of the bill
    for heading in headings:
        assert not re.search(r"\b[A-Z]{3,} [A-Z]{3,}\b", heading), heading
    assert not [h for h in headings if re.search(r" (?:To|From|Of|The) ", h)]
    nav = rendered.config
    assert '"Sec. 1. Short title"' in nav and '"Sec. 2. Sense of Congress"' in nav


def test_a_name_is_a_whole_run_of_the_bills_capitals_never_a_part_of_one() -> None:
    casing = Casing(["The Secretary of State shall consult the Critical Minerals Security Alliance on national "
                     "security, the Trust Fund and the HTS."])
    assert casing.sentence_case("CRITICAL MINERALS SECURITY ALLIANCE") == "Critical Minerals Security Alliance"
    assert casing.sentence_case("National Security Review") == "National security review"
    assert casing.sentence_case("TRANSFERS TO THE TRUST FUND UNDER THE HTS") == "Transfers to the Trust Fund under the HTS"
    assert casing.sentence_case("Duties of the Secretary of State") == "Duties of the Secretary of State"
    # the first word of a sentence is no name: "The" stays small inside a heading
    assert casing.sentence_case("Reports To The Secretary") == "Reports to the Secretary"
