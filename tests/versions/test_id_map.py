"""Which ids follow their provision to a new text: a short provision amended in its numbers is carried."""

from __future__ import annotations

from versions_texts import bill

from generator.versions import compare
from generator.versions.migrate import id_map

LIMITS = """SEC. 2. LIMITS.

    (a) Amounts.--The amount of a grant may not exceed--
            (1) for a State--
                    (A) {state}; or
                    (B) $5,000 for a territory; and
            (2) $500 for any other recipient.
    (b) Words.--The Secretary shall {act}.
"""


def test_a_short_amount_changed_in_place_is_carried_though_few_of_its_words_are_alike() -> None:
    old = bill(LIMITS.format(state="$1,000", act="publish the limits"))
    new = bill(LIMITS.format(state="$1,500", act="publish the limits"))
    comparison = compare(old, new)
    pair = next(p for p in comparison.pairs if p.old == "s2_a_1_A")
    assert pair.similarity < 0.6  # two words, one of them changed
    mapping = id_map(comparison)
    assert mapping.moves["s2_a_1_A"] == "s2_a_1_A" and "s2_a_1_A" not in mapping.undecided


def test_words_replaced_in_place_are_still_left_for_a_person() -> None:
    old = bill(LIMITS.format(state="$1,000", act="publish the limits"))
    new = bill(LIMITS.format(state="$1,000", act="consult the Governors before any award is made"))
    mapping = id_map(compare(old, new))
    assert "s2_b" in mapping.undecided and "s2_b" not in mapping.moves
