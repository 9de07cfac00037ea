"""The review gate flags provisions whose meaning changed through a definition or a citation."""

from __future__ import annotations

from pathlib import Path

from versions_texts import ROOT, WORKING

from generator.trace.review import ReviewState, advice, read_reviewed, review
from grammar import parse_text
from provisions import RULES


def test_a_changed_definition_flags_every_reviewed_provision_using_the_term_with_the_cause() -> None:
    text = WORKING.read_text(encoding="utf-8").replace("(B) includes Venezuela.", "(B) includes Venezuela and Cuba.")
    bill = parse_text(text)
    reviewed = read_reviewed(ROOT / "provisions" / "reviewed-text.toml")
    reviews = review(bill, RULES.catalogue(), {}, reviewed)
    s4_b_1 = reviews.of("s4_b_1")
    assert s4_b_1 is not None and s4_b_1.state is ReviewState.AFFECTED and s4_b_1.stale
    assert s4_b_1.affected_by == ("sec. 3(4) changed since review; this provision uses `foreign country of concern`",)
    assert "re-read" in advice(s4_b_1) and "sec. 3(4) changed since review" in advice(s4_b_1)
    # the definition itself is changed, not affected; a provision that does not use the term is current
    assert reviews.of("s3_4_B").state is ReviewState.CHANGED  # type: ignore[union-attr]
    assert reviews.of("s6_c_1").state is ReviewState.CURRENT  # type: ignore[union-attr]


def test_a_changed_provision_flags_the_reviewed_provisions_citing_it(tmp_path: Path) -> None:
    text = WORKING.read_text(encoding="utf-8").replace("Department of energy.--60 percent", "Department of energy.--50 percent")
    reviews = review(parse_text(text), RULES.catalogue(), {}, read_reviewed(ROOT / "provisions" / "reviewed-text.toml"))
    cites = reviews.of("s6_c_2")
    assert cites is not None and cites.state is ReviewState.AFFECTED
    assert cites.affected_by == ("sec. 6(c)(1) changed since review; this provision cites it (``paragraph (1)``)",)


def test_the_unchanged_working_text_affects_nothing() -> None:
    reviews = review(parse_text(WORKING.read_text(encoding="utf-8")), RULES.catalogue(), {},
                     read_reviewed(ROOT / "provisions" / "reviewed-text.toml"))
    assert reviews.count(ReviewState.AFFECTED) == 0


def test_the_review_gate_follows_chains_from_a_changed_definition() -> None:
    text = WORKING.read_text(encoding="utf-8").replace("(B) includes Venezuela.", "(B) includes Venezuela and Cuba.")
    reviews = review(parse_text(text), RULES.catalogue(), {}, read_reviewed(ROOT / "provisions" / "reviewed-text.toml"))
    applies = reviews.of("s4_c")  # "the criterion described in subsection (b)(1)", which uses the term
    assert applies is not None and applies.state is ReviewState.AFFECTED
    assert applies.affected_by == ("sec. 3(4) changed since review; this provision cites sec. 4(b)(1) "
                                   "(``subsection (b)(1)``), which uses `foreign country of concern`",)
    certifies = reviews.of("s4_e_2")  # the certification of paragraph (1), that the criteria of (b) are met
    assert certifies is not None and certifies.state is ReviewState.AFFECTED
    assert certifies.affected_by[0].startswith("sec. 3(4) changed since review; this provision cites sec. 4(e)(1)")
    assert reviews.of("s4_c_1").state is ReviewState.CURRENT  # type: ignore[union-attr]  # rests on none of it
