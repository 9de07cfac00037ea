"""``billtrace diff``: for a person, as JSON under its documented schema, and one message for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from versions_texts import DRAFT, ROOT, WORKING

from generator.cli.main import main
from generator.site.headings import Casing
from grammar import Bill

SCHEMA = json.loads((ROOT / "generator" / "versions" / "diff.schema.json").read_text(encoding="utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_json_output_follows_the_documented_schema() -> None:
    code, out, _ = run("diff", str(WORKING), str(DRAFT), "--format", "json")
    assert code == 0
    document = json.loads(out)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert document["old"]["file"] == str(WORKING) and document["new"]["meta"]["version"] == "RS"
    assert {"old": "s4_e", "new": "s4_f", "change": "renumbered", "similarity": 1.0,
            "details": [{"kind": "designation", "before": "sec. 4(e)", "after": "sec. 4(f)"}]} in document["pairs"]
    assert document["summary"]["added"] == 1 and document["summary"]["removed"] == 1
    assert any(a["provision"] == "s4_b_1" for a in document["impact"])


def test_the_schema_rejects_an_unknown_change_type() -> None:
    _, out, _ = run("diff", str(WORKING), str(DRAFT), "--format", "json")
    document = json.loads(out)
    document["pairs"][0]["change"] = "changed"
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(document)


def test_the_text_output_groups_changes_by_section_with_a_word_diff() -> None:
    code, out, _ = run("diff", str(WORKING), str(DRAFT))
    assert code == 0
    assert "79 same, 11 reworded, 7 renumbered, 1 added, 1 removed" in out
    section6 = out.index("\nSec. 5. Critical Mineral Mining and Processing Trust Fund\n")
    assert out.index("sec. 6(c)(1) -> sec. 5(c)(1)", section6) > section6
    assert "percentage: 60 percent -> 50 percent" in out
    assert "words: Department of energy [-60-]{+50+} percent" in out
    assert "sec. 3(4) changed; this provision uses `foreign country of concern`" in out
    assert "s6_d_1_B_ii" not in out  # unchanged parts are counted, not listed
    code, everything, _ = run("diff", str(WORKING), str(DRAFT), "--all")
    assert "s6_d_1_B_ii -> s5_d_1_B_ii" in everything


def test_a_file_that_is_not_a_bill_gets_one_message_and_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes: the bill is due on Friday.\n", encoding="utf-8")
    code, out, err = run("diff", str(WORKING), str(notes))
    assert code == 2 and out == ""
    assert "notes.txt:1:1: error: this is not a bill" in err
    assert "Traceback" not in err
    code, out, err = run("diff", str(tmp_path / "missing.txt"), str(WORKING))
    assert code == 2 and out == "" and "missing.txt" in err and len(err.strip().splitlines()) <= 3


def test_the_affected_list_says_whose_numbers_it_shows_and_the_old_number_where_it_differs() -> None:
    _, out, _ = run("diff", str(WORKING), str(DRAFT))
    impact = out[out.index("Affected through"):]
    assert impact.startswith("Affected through a changed definition or citation (numbered as in the new text, "
                             "the old number first where it differs;")
    # sec. 4(e) was inserted: the old 4(e)(1) is 4(f)(1) now, and the causes use the new numbers too
    assert re.search(r"\n  sec\. 4\(e\)\(1\) -> sec\. 4\(f\)\(1\) +sec\. 3\(4\) changed;", impact)
    assert re.search(r"\n  sec\. 4\(b\)\(1\) +sec\. 3\(4\) changed;", impact)  # the same number in both
    _, out, _ = run("diff", str(WORKING), str(DRAFT), "--format", "json")
    impact_json = {a["provision"]: a for a in json.loads(out)["impact"]}
    assert impact_json["s4_f_1"]["old"] == ["s4_e_1"] and impact_json["s4_f_1"]["label"] == "sec. 4(f)(1)"


def test_a_provision_whose_own_words_changed_is_listed_as_changed_not_as_affected() -> None:
    _, out, _ = run("diff", str(WORKING), str(DRAFT))
    pairs, impact = out[:out.index("Affected through")], out[out.index("Affected through"):]
    assert re.search(r"\n  reworded +sec\. 6\(c\)\(2\) -> sec\. 5\(c\)\(2\) .*\n      percentage: 20 percent -> 30 "
                     r"percent\n", pairs)
    assert "sec. 6(c)(2)" not in impact  # its own words changed: the chain stops there
    assert re.search(r"\n  sec\. 6\(c\)\(3\) -> sec\. 5\(c\)\(3\) +sec\. 5\(c\)\(1\) changed;", impact)


def test_a_new_item_s_heading_is_marked_off_from_its_words_as_the_bill_sets_it() -> None:
    _, out, _ = run("diff", str(WORKING), str(DRAFT))
    assert "item-added: - -> sec. 4(e) Consultation With Industry.--Before certifying a country under" in out
    assert "words: {+Consultation With Industry.--Before certifying a country under subsection (f)(1)," in out
    assert "Industry Before" not in out
    # a dropped item without a heading shows its words as they were
    assert "item-dropped: sec. 4(i)(2) any deficiencies of trading partners" in out
    assert "words: [-any deficiencies of trading partners in meeting the criteria" in out


def test_section_headings_are_in_the_site_s_sentence_case_with_the_bill_s_names_kept(draft: Bill) -> None:
    _, out, _ = run("diff", str(WORKING), str(DRAFT))
    headings = [line for line in out.splitlines() if line.startswith(("sec. ", "Sec. "))]
    assert headings == ["Sec. 3. Definitions", "Sec. 4. Critical Minerals Security Alliance",
                        "Sec. 5. Critical Mineral Mining and Processing Trust Fund",
                        "Sec. 6. Duties on critical minerals and select derivative products from foreign countries "
                        "of concern and foreign entities of concern"]
    # as the site names a section (generator.site.headings), were the new text the project's bill
    casing = Casing(p.text for p in draft.walk())
    assert [h.split(". ", 2)[2] for h in headings] == [casing.sentence_case(draft.get(f"s{n}").heading)
                                                       for n in (3, 4, 5, 6)]


def test_a_utf16_text_is_refused_as_utf16_not_as_binary(tmp_path: Path) -> None:
    # a reported version saved as "Unicode text" by a word processor: UTF-16, with or without its mark
    text = DRAFT.read_text(encoding="utf-8")
    for encoding, name, code in (("utf-16", "UTF-16 (little-endian)", "UTF-16LE"),
                                 ("utf-16-le", "UTF-16 (little-endian)", "UTF-16LE"),
                                 ("utf-16-be", "UTF-16 (big-endian)", "UTF-16BE")):
        wide = tmp_path / f"{encoding}.txt"
        wide.write_bytes(text.encode(encoding))
        status, out, err = run("diff", str(WORKING), str(wide))
        assert status == 2 and out == ""
        assert f"error: the file is {name}, not UTF-8: the bill must be UTF-8" in err, err
        assert f"iconv -f {code} -t UTF-8" in err and "binary" not in err
