"""The review records the words a provision's meaning rests on, tracked or not: a change to a provision it
cites or a definition it uses that nothing else rests on flags it as affected, until it is accepted again."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from types import MappingProxyType, ModuleType

import pytest
import tomli_w

from generator.errors import ReviewedTextError
from generator.trace.review import (
    NOTHING_REVIEWED,
    ReviewedText,
    ReviewState,
    accept,
    accept_all,
    advice,
    read_reviewed,
    review,
    reviewed_to_toml,
    tracked,
)
from grammar import Bill, parse_text
from provisions.kit import Catalogue

ROOT = Path(__file__).resolve().parents[2]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini-bill.txt"
CITES_3B = "sec. 3(b) changed since review; this provision cites it (``subsection (b)``)"


def _mini(old: str = "", new: str = "") -> Bill:
    text = MINI.read_text(encoding="utf-8")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return parse_text(text, source="mini-bill.txt")


def _only_3a(mini: ModuleType) -> Catalogue:
    """The fixture's rules for sec. 3(a) alone: it cites sec. 3(b) (which uses `gadget`, sec. 2(2)) and
    uses `widget` (sec. 2(1)), and nothing rests on any of them."""
    rules = mini.catalogue()
    return Catalogue(tuple(r for r in rules.rules if r.provisions == ("s3_a",)), ())


def _reviewed_now(rules: Catalogue) -> ReviewedText:
    bill = _mini()
    reviewed = accept_all(NOTHING_REVIEWED, bill, tracked(bill, rules, {}))
    assert list(reviewed.entries) == ["s3_a"]
    return reviewed


def test_a_change_to_a_cited_provision_nothing_else_rests_on_flags_the_provision_citing_it(
        mini: ModuleType) -> None:
    rules = _only_3a(mini)
    reviewed = _reviewed_now(rules)
    assert review(_mini(), rules, {}, reviewed).stale == ()
    reviews = review(_mini("duty of 10", "duty of 20"), rules, {}, reviewed)  # sec. 3(b), which 3(a) cites
    item = reviews.of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED and item.stale
    assert item.affected_by == (CITES_3B,)
    assert advice(item).endswith("re-read fixture.widget_duty against the words they rest on now, then run "
                                 "`billtrace review --accept s3_a`")


def test_a_change_to_a_definition_nothing_else_rests_on_flags_the_provision_using_the_term(mini: ModuleType) -> None:
    rules = _only_3a(mini)
    item = review(_mini("*device*", "*machine*"), rules, {}, _reviewed_now(rules)).of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED
    assert item.affected_by == ("sec. 2(1) changed since review; this provision uses `widget`",)


def test_accepting_the_affected_provision_records_the_words_it_rests_on_and_clears_it(mini: ModuleType) -> None:
    rules = _only_3a(mini)
    changed = _mini("duty of 10", "duty of 20")
    reviewed = accept(_reviewed_now(rules), changed, ["s3_a"])
    assert review(changed, rules, {}, reviewed).stale == ()
    assert reviewed.entries["s3_a"].rests_on == {pid: changed.get(pid).hash[:16] for pid in ("s2_1", "s2_2", "s3_b")}


def test_accepting_a_cited_provision_does_not_clear_the_one_citing_it(mini: ModuleType) -> None:
    rules = mini.catalogue()  # s3_b has a rule of its own here
    declared = {"s3_a": ("t.py::test_widget",), "s3_b": ("t.py::test_gadget",)}
    bill = _mini()
    reviewed = accept_all(NOTHING_REVIEWED, bill, tracked(bill, rules, declared))
    changed = _mini("duty of 10", "duty of 20")
    reviewed = accept(reviewed, changed, ["s3_b"])  # only its own rule was re-read
    item = review(changed, rules, declared, reviewed).of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED and item.affected_by == (CITES_3B,)


def test_in_s2839_a_change_to_the_heading_of_a_subsection_no_rule_implements_flags_the_provisions_citing_it(
        ) -> None:
    from provisions import RULES

    text = (ROOT / "statute" / "s2839-is.txt").read_text(encoding="utf-8")
    assert text.count("(b) Transfers to Trust Fund.--") == 1  # sec. 6(b): only its paragraphs are tracked
    bill = parse_text(text.replace("(b) Transfers to Trust Fund.--", "(b) Transfers From the Treasury.--"))
    reviews = review(bill, RULES.catalogue(), {}, read_reviewed(ROOT / "provisions" / "reviewed-text.toml"))
    item = reviews.of("s6_a")  # "... transferred to the Trust Fund under subsection (b)"
    assert item is not None and item.state is ReviewState.AFFECTED
    assert item.affected_by == ("sec. 6(b) changed since review; this provision cites it (``subsection (b)``)",)
    assert reviews.of("s6_b_1").state is ReviewState.CURRENT  # type: ignore[union-attr]  # its words are the same


# -- A file written before the words a provision rests on were recorded ---------------------------------------


def _without_rests_on(reviewed: ReviewedText, bill: Bill, path: Path) -> ReviewedText:
    """``reviewed`` as a file written before ``rests_on`` was kept: written out, read back."""
    document = tomllib.loads(reviewed_to_toml(reviewed, bill))
    for entry in document.values():
        del entry["rests_on"]
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return read_reviewed(path, name="reviewed-text.toml")


def test_an_old_entry_reads_and_says_which_words_it_rests_on_were_never_recorded(
        mini: ModuleType, tmp_path: Path) -> None:
    rules = _only_3a(mini)
    old = _without_rests_on(_reviewed_now(rules), _mini(), tmp_path / "reviewed-text.toml")
    assert old.entries["s3_a"].rests_on is None
    item = review(_mini(), rules, {}, old).of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED  # not silently current
    assert item.affected_by == (
        "the words of sec. 2(1) were not recorded when this provision was reviewed; this provision uses `widget`",
        "the words of sec. 2(2) were not recorded when this provision was reviewed; this provision rests on it "
        "through sec. 3(b)",
        "the words of sec. 3(b) were not recorded when this provision was reviewed; this provision cites it "
        "(``subsection (b)``)")
    assert advice(item).endswith("then run `billtrace review --accept s3_a`")
    assert review(_mini(), rules, {}, accept(old, _mini(), ["s3_a"])).stale == ()


def test_an_old_entry_whose_provisions_all_have_words_recorded_stays_current_until_they_change(
        mini: ModuleType, tmp_path: Path) -> None:
    rules = mini.catalogue()
    declared = {"s2_1": ("t.py::test_claim",), "s3_a": ("t.py::test_widget",), "s3_b": ("t.py::test_gadget",)}
    bill = _mini()
    old = _without_rests_on(accept_all(NOTHING_REVIEWED, bill, tracked(bill, rules, declared)), bill,
                            tmp_path / "reviewed-text.toml")
    assert review(bill, rules, declared, old).stale == ()  # sec. 2(1) and 3(b) have entries of their own
    item = review(_mini("duty of 10", "duty of 20"), rules, declared, old).of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED and item.affected_by == (CITES_3B,)


# -- The file ---------------------------------------------------------------------------------------------------


def test_the_words_rested_on_are_written_in_the_order_of_the_text_and_read_back(
        mini: ModuleType, tmp_path: Path) -> None:
    rules = mini.catalogue()
    bill = _mini()
    reviewed = accept_all(NOTHING_REVIEWED, bill, tracked(bill, rules, {"s3_a": ("t.py::test_widget",)}))
    text = reviewed_to_toml(reviewed, bill)
    assert "[s3_a.rests_on]\n" + "".join(f'{pid} = "{bill.get(pid).hash[:16]}"\n'
                                        for pid in ("s2_1", "s2_2", "s3_b")) + "\n" in text
    assert "[s3_c.rests_on]\n" in text  # sec. 3(c) uses `widget` too
    path = tmp_path / "reviewed-text.toml"
    path.write_text(text, encoding="utf-8")
    back = read_reviewed(path)
    assert back.entries == reviewed.entries
    assert back.entries["s2"].rests_on == {}  # recorded: it rests on nothing beyond its own words


@pytest.mark.parametrize(("table", "shown"), [
    ('rests_on = "s3_b"', "must be a table of provision ids and 16 hex digits, got str 's3_b'"),
    ('rests_on = { s2_1 = "0123456789abcdef", s3_b = "123" }', "must map provision ids to 16 hex digits, got "
                                                              "'s3_b' = '123'"),
    ("rests_on = { s3_b = 7 }", "must map provision ids to 16 hex digits, got 's3_b' = 7"),
    (f'rests_on = {{ s3_b = "{"x" * 5000}" }}', "must map provision ids to 16 hex digits, got "
                                                "'s3_b' = 'xxxxxxxxxxxx...xxxxxxxxxxxxx'"),
])
def test_a_malformed_record_of_the_words_rested_on_is_one_error_naming_the_file_and_the_entry(
        tmp_path: Path, table: str, shown: str) -> None:
    path = tmp_path / "reviewed-text.toml"
    path.write_text(f'[s3_a]\nhash = "{"0" * 64}"\nwords = "A widget"\n{table}\n', encoding="utf-8")
    with pytest.raises(ReviewedTextError) as raised:
        read_reviewed(path, name="provisions/reviewed-text.toml")
    assert str(raised.value) == f"error: provisions/reviewed-text.toml: [s3_a.rests_on] {shown}"


def test_a_provision_the_entry_rested_on_that_is_gone_from_the_text_is_named(mini: ModuleType) -> None:
    rules = _only_3a(mini)
    reviewed = _reviewed_now(rules)
    entry = reviewed.entries["s3_a"]
    assert entry.rests_on is not None
    gone = dataclasses.replace(entry, rests_on=MappingProxyType({**entry.rests_on, "s9": "0" * 16}))
    item = review(_mini(), rules, {}, ReviewedText(reviewed.path, True, MappingProxyType({"s3_a": gone}))).of("s3_a")
    assert item is not None and item.state is ReviewState.AFFECTED
    assert item.affected_by == ("s9, whose words this provision rested on when reviewed, is gone from the text",)


# -- `billtrace check`, from the cached facts of the bill --------------------------------------------------------


def test_check_names_a_cited_provision_resting_on_words_that_changed_and_an_untracked_one_that_changed(
        mini: ModuleType, tmp_path: Path) -> None:
    from generator.project.bill_labels import bill_facts
    from generator.project.reviewed_words import Moved, changed_since_review

    reviewed = _reviewed_now(_only_3a(mini))
    text = tmp_path / "bill.txt"
    text.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert changed_since_review(["s3_a", "s3_b"], bill_facts(text, tmp_path / "state"), reviewed) == ()
    text.write_text(MINI.read_text(encoding="utf-8").replace("duty of 10", "duty of 20"), encoding="utf-8")
    facts = bill_facts(text, tmp_path / "state")
    assert changed_since_review(["s3_a", "s3_b"], facts, reviewed) == (Moved("s3_a", None, "s3_b"), Moved("s3_b", None))
    accepted = accept(reviewed, _mini("duty of 10", "duty of 20"), ["s3_a"])
    assert changed_since_review(["s3_a", "s3_b"], facts, accepted) == ()
