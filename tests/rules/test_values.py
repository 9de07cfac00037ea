"""Values bound to the words: each value the rules take from the text is read in words the text still holds."""

from __future__ import annotations

from fractions import Fraction

import pytest

from grammar import Bill, parse_text
from provisions.kit.inputs import InputError
from provisions.kit.values import check_values, load_values
from provisions.s3 import LIST_DATE
from provisions.s4 import REVIEW_DAYS
from provisions.s6 import RECIPIENTS
from provisions.values import VALUES


def words_of(bill: Bill) -> dict[str, str]:
    return {provision.id: provision.full_text for provision in bill.walk()}


@pytest.mark.provision("s6_c_1", "s6_c_2", "s6_c_3", "s4_e_2", "s3_2_A")
def test_every_value_is_read_in_words_the_bill_holds(bill: Bill) -> None:
    labels = {provision.id: provision.label for provision in bill.walk()}
    assert [mismatch.message for mismatch in check_values(VALUES, words_of(bill), labels=labels)] == []


@pytest.mark.provision("s6_c_1")
def test_changing_60_percent_to_50_percent_fails_naming_the_doe_share_and_sec_6_c_1(bill: Bill, bill_lines: list[str]) -> None:
    # Built from the values file and the bill as they stand (not from one text's line), so that a new
    # text carried by `migrate` tests the same binding: the share's number changed in its own lines.
    share = VALUES["DOE share"]
    lines = bill_lines
    provision = bill.get(share.provision)
    first, last = provision.line_start - 1, provision.line_end
    own = "".join(lines[first:last])
    said = f"{share.value} percent"
    assert said in own, f"{provision.label} no longer says {said!r}: the values file is out of date"
    changed = "".join(lines[:first]) + own.replace(said, f"{share.value - 10} percent", 1) + "".join(lines[last:])
    changed_bill = parse_text(changed)
    labels = {p.id: p.label for p in changed_bill.walk()}
    mismatches = check_values(VALUES, words_of(changed_bill), labels=labels)
    assert [(m.value.name, m.value.provision) for m in mismatches] == [("DOE share", share.provision)]
    assert mismatches[0].message.startswith(f"DOE share: the words of {labels[share.provision]} ({share.provision})")
    assert f"{share.words!r}" in mismatches[0].message


@pytest.mark.provision("s6_c", "s4_e_2", "s3_2_A")
def test_the_rules_use_the_values_of_the_file() -> None:
    shares = {key: share for key, share, _, _ in RECIPIENTS}
    assert shares == {
        "doe_lpo": Fraction(VALUES.number("DOE share")) / 100,
        "dod": Fraction(VALUES.number("DOD share")) / 100,
        "dfc": Fraction(VALUES.number("DFC share")) / 100,
    }
    assert sum(shares.values()) == 1
    assert REVIEW_DAYS == VALUES.number("review period") == 90
    assert VALUES.date("list date") == LIST_DATE


@pytest.mark.provision("s6_c_1")
def test_a_value_whose_provision_is_gone_is_reported(bill: Bill) -> None:
    words = words_of(bill)
    before = {m.value.name for m in check_values(VALUES, words)}  # empty unless the words changed
    del words[VALUES["DOE share"].provision]
    after = {m.value.name: m.message for m in check_values(VALUES, words)}
    assert after["DOE share"].endswith("is not in the text")
    assert set(after) - {"DOE share"} == before - {"DOE share"}  # no other value is touched


@pytest.mark.provision("s6_c_1")
def test_a_malformed_values_file_is_one_message() -> None:
    with pytest.raises(InputError, match="row 1, field 'words': missing"):
        load_values('[[value]]\nname = "x"\nprovision = "s6_c_1"\nvalue = 1\nunit = "percent"\ndoc = ""\n')
    entry = '[[value]]\nname = "x"\nprovision = "p"\nwords = "w"\nvalue = 1\nunit = "u"\ndoc = ""\n'
    with pytest.raises(InputError, match="declared twice"):
        load_values(entry + entry)
    with pytest.raises(InputError, match="not a TOML document"):
        load_values("[[value")

