"""Impact along re-pointed citations and along chains of definitions and citations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from versions_texts import DRAFT, ROOT, WORKING, bill

from generator.cli.main import main
from generator.versions import Comparison, compare
from generator.versions.render import render_comparison
from grammar import parse_text

SCHEMA = json.loads((ROOT / "generator" / "versions" / "diff.schema.json").read_text(encoding="utf-8"))


def causes(comparison: Comparison) -> dict[str, list[str]]:
    return {a.provision: [c.message for c in a.causes] for a in comparison.impact}


# -- a citation whose words stayed the same but which names another provision now --------------

_CRITERIA = ("SEC. 2. PARTNER COUNTRIES.\n\n"
             "    (a) Criteria.--A country is a partner country if the country commits to--\n"
             "{criteria}"
             "    (b) Certification.--The Secretary shall certify each country that meets the criteria\n"
             "described in subsection (a).\n"
             "    (c) Reports.--The Secretary shall report each year on the information shared\n"
             "under subsection (a)(3).\n")
_COMMITMENTS = ["reduce the duties it imposes on critical minerals;", "meet with the other partner countries;",
                "share reviews of its capacity to process critical minerals;", "screen investments in mines."]


def _criteria(commitments: list[str]) -> str:
    return "".join(f"            ({n}) {words}\n" for n, words in enumerate(commitments, start=1))


def test_a_citation_left_pointing_at_the_paragraph_renumbered_into_the_struck_ones_place_is_flagged() -> None:
    old = bill(_CRITERIA.format(criteria=_criteria(_COMMITMENTS)))
    new = bill(_CRITERIA.format(criteria=_criteria([_COMMITMENTS[0], *_COMMITMENTS[2:]])))  # (2) struck
    comparison = compare(old, new)
    assert causes(comparison)["s2_c"] == [
        "this provision cites ``subsection (a)(3)``: that is now sec. 2(a)(3) (the old sec. 2(a)(4)); "
        "the old sec. 2(a)(3) is now sec. 2(a)(2)"]
    cause = next(a for a in comparison.impact if a.provision == "s2_c").causes[0]
    assert (cause.kind, cause.changed, cause.via) == ("citation", "s2_a_3", "subsection (a)(3)")
    # the pair of (c) keeps its words; its typed change says which provision each text names
    pair = next(p for p in comparison.pairs if p.old == "s2_c")
    assert [(d.kind, d.before, d.after) for d in pair.details] == [
        ("citation", "subsection (a)(3) (sec. 2(a)(3))", "subsection (a)(3) (sec. 2(a)(3), the old sec. 2(a)(4))")]


def test_striking_sec_4_b_3_of_the_working_text_flags_the_paragraph_still_citing_b_3() -> None:
    text = WORKING.read_text(encoding="utf-8")
    start, end = text.index("            (3) conduct, and share"), text.index("            (4) eliminate duties")
    struck = text[:start] + text[end:].replace("            (4) eliminate", "            (3) eliminate", 1).replace(
        "            (5) take complementary", "            (4) take complementary", 1)
    comparison = compare(parse_text(text), parse_text(struck))
    found = causes(comparison)
    # its words are the same, so the pair is "same", but diff lists it: a reference in it names another provision
    shown = render_comparison(comparison, "old.txt", "new.txt")
    assert ("      citation: subsection (b)(3) (sec. 4(b)(3)) -> subsection (b)(3) (sec. 4(b)(3), the old "
            "sec. 4(b)(4))") in shown
    assert "s4_i_1" not in shown  # a same pair naming what it named stays counted, not listed
    assert found["s4_i_3"] == ["this provision cites ``subsection (b)(3)``: that is now sec. 4(b)(3) "
                               "(the old sec. 4(b)(4)); the old sec. 4(b)(3) was removed"]
    assert found["s4_e_1"] == ["sec. 4(b) changed; this provision cites it (``subsection (b)``)"]


def test_the_conforming_change_left_undone_is_flagged_and_diff_shows_the_parser_warning(tmp_path: Path) -> None:
    draft = DRAFT.read_text(encoding="utf-8")
    undone = draft.replace("described in subsection (f)(2); and", "described in subsection (e)(2); and")
    assert undone != draft
    found = causes(compare(parse_text(WORKING.read_text(encoding="utf-8")), parse_text(undone)))
    assert found["s4_g_1_A"] == ["this provision cites ``subsection (e)(2)``, which names no provision of the new "
                                 "text; the old sec. 4(e)(2) is now sec. 4(f)(2)"]
    # and what rests on it is told the citation names nothing now, not "another provision"
    assert found["s4_g_2_A"][0].startswith("sec. 4(g)(1)(A) cites ``subsection (e)(2)``, which now names no "
                                           "provision; this provision uses `joint resolution of disapproval`")
    path = tmp_path / "s2839-rs-undone.txt"
    path.write_text(undone, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(WORKING), str(path)])
    assert result.exit_code == 0, result.stderr
    assert f"1 warning in the new text (billtrace parse {path} lists them):" in result.stdout
    line = undone[:undone.index("subsection (e)(2); and")].count("\n") + 1
    assert (f"{path}:{line}:30: warning: sec. 4(g)(1)(A): 'subsection (e)(2)' refers to no provision of this "
            "bill [unresolved-citation]") in result.stdout
    result = CliRunner().invoke(main, ["diff", str(WORKING), str(path), "--format", "json"])
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert [(d["code"], d["provision"], d["line"]) for d in document["new"]["diagnostics"]] == [
        ("unresolved-citation", "s4_g_1_A", line)]
    assert document["old"]["diagnostics"] == []


def test_a_clean_new_text_shows_no_warnings_and_its_conforming_references_flag_nothing(reported: Comparison) -> None:
    result = CliRunner().invoke(main, ["diff", str(WORKING), str(DRAFT)])
    assert "warning" not in result.stdout
    assert not any(m.startswith("this provision cites ``") for ms in causes(reported).values() for m in ms)


_TITLES = ("TITLE I--GRANTS\n\n"
           "SEC. 101. GRANTS.\n\n"
           "    (a) In General.--The Secretary shall award grants for research on critical minerals.\n"
           "    (b) Limit.--A grant under subsection (a) may not exceed the amount of a loan under section "
           "201(a).\n\n"
           "{moved}"
           "TITLE II--LOANS AND REPORTS\n\n"
           "{loans}"
           "SEC. {report}. REPORTS.\n\n"
           "    The Secretary shall report each year to Congress on the grants made under this Act.\n")
_LOANS = ("SEC. {n}. LOANS.\n\n"
          "    (a) Amount.--A loan may not exceed one-half of the cost of the mining project it funds.\n"
          "    (b) Terms.--A loan shall be repaid within the period the Secretary sets for the project.\n\n")


def test_a_section_moved_into_another_title_flags_the_citations_it_leaves_pointing_nowhere() -> None:
    old = bill(_TITLES.format(moved="", loans=_LOANS.format(n=201), report=202))
    new = bill(_TITLES.format(moved=_LOANS.format(n=102), loans="", report=201))
    comparison = compare(old, new)
    assert next(p.new for p in comparison.pairs if p.old == "s201_a") == "s102_a"
    assert causes(comparison)["s101_b"] == [
        "this provision cites ``section 201(a)``, which names no provision of the new text; "
        "the old sec. 201(a) is now sec. 102(a)"]
    assert [d.code for d in new.diagnostics] == ["unresolved-citation"]


# -- chains -------------------------------------------------------------------------------------


def test_a_changed_definition_reaches_the_definitions_built_on_its_term_and_their_users() -> None:
    text = WORKING.read_text(encoding="utf-8")
    changed = text.replace("(B) added to that list after January 1, 2026.", "(B) added to that list after July 1, 2026.")
    comparison = compare(parse_text(text), parse_text(changed))
    found = causes(comparison)
    assert found["s3_3_A"] == ["sec. 3(2) changed; this provision uses `critical mineral`"]
    assert found["s3_7"] == ["sec. 3(2) changed; this provision uses `derivative product` (sec. 3(3)), whose "
                             "sec. 3(3)(A) uses `critical mineral`"]
    # sec. 4(d)(2) ("all select derivative products") rests on sec. 3(2) through two definitions
    assert found["s4_d_2"] == ["sec. 3(2) changed; this provision uses `select derivative product` (sec. 3(7)), "
                               "which uses `derivative product` (sec. 3(3)), whose sec. 3(3)(A) uses "
                               "`critical mineral`"]
    cause = next(a for a in comparison.impact if a.provision == "s4_d_2").causes[0]
    assert (cause.kind, cause.changed, cause.via, cause.through) == (
        "definition", "s3_2", "select derivative product", ("s3_7", "s3_3", "s3_3_A"))
    # a provision resting on the change directly is not told the longer ways round as well
    assert found["s4_b_1"] == ["sec. 3(2) changed; this provision uses `critical mineral`"]
    assert "s3_2" not in found and "s3_2_B" not in found  # the changed definition is not affected by itself


def test_a_provision_applying_a_criterion_whose_meaning_changed_is_affected(reported: Comparison) -> None:
    found = causes(reported)
    assert found["s4_c"] == ["sec. 3(4) changed; this provision cites sec. 4(b)(1) (``subsection (b)(1)``), "
                             "which uses `foreign country of concern`"]
    # a new provision is not "affected": all of it is new
    assert "s4_e" not in found


def test_chains_end_where_definitions_and_citations_run_in_a_circle() -> None:
    body = ("SEC. 2. DEFINITIONS.\n\n    In this Act:\n"
            "            (1) Alpha.--The term ``alpha'' means a mineral that is not a beta {alpha}.\n"
            "            (2) Beta.--The term ``beta'' means a mineral that is not an alpha.\n"
            "            (3) Gamma.--The term ``gamma'' means a mineral mined in the United States.\n\n"
            "SEC. 3. GRANTS.\n\n"
            "    (a) In General.--The Secretary shall award grants for each gamma described in subsection (b).\n"
            "    (b) Scope.--A grant under subsection (a) shall cover each beta.\n"
            "    (c) Reports.--The Secretary shall report on grants under subsection (a).\n")
    comparison = compare(bill(body.format(alpha="or a gamma")), bill(body.format(alpha="or a delta")))
    found = causes(comparison)
    assert found == {
        "s2_2": ["sec. 2(1) changed; this provision uses `alpha`"],
        "s3_b": ["sec. 2(1) changed; this provision uses `beta` (sec. 2(2)), which uses `alpha`"],
        "s3_a": ["sec. 2(1) changed; this provision cites sec. 3(b) (``subsection (b)``), which uses `beta` "
                 "(sec. 2(2)), which uses `alpha`"],
        "s3_c": ["sec. 2(1) changed; this provision cites sec. 3(a) (``subsection (a)``), which cites sec. 3(b) "
                 "(``subsection (b)``), which uses `beta` (sec. 2(2)), which uses `alpha`"],
    }


def test_a_long_chain_shows_its_ends_and_counts_the_links_between() -> None:
    sections = "".join(f"    ({chr(97 + n)}) Step.--The Secretary shall act under subsection ({chr(96 + n)}).\n"
                       for n in range(1, 7))
    body = "SEC. 2. STEPS.\n\n    (a) First.--The Secretary shall act within {days} days.\n" + sections
    found = causes(compare(bill(body.format(days=30)), bill(body.format(days=60))))
    assert found["s2_b"] == ["sec. 2(a) changed; this provision cites it (``subsection (a)``)"]
    assert found["s2_g"] == ["sec. 2(a) changed; this provision cites sec. 2(f) (``subsection (f)``), which cites "
                             "sec. 2(e) (``subsection (e)``), ... (3 more links), which cites sec. 2(a) "
                             "(``subsection (a)``)"]
