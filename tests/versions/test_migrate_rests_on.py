"""``migrate`` carries what each reviewed entry rests on to the new ids: renumbering is no change, a change is one."""

from __future__ import annotations

from pathlib import Path

from versions_texts import bill

from generator.trace.resting import Basis, words_digest
from generator.trace.review import Reviews, ReviewState, accept_all, read_reviewed, review, write_reviewed
from generator.versions import compare
from generator.versions.migrate import plan_migration
from generator.versions.project import ProjectFiles
from grammar import Bill
from provisions.kit import Catalogue

# Sec. 3(a) uses the terms sec. 2 defines; its own words stay the same in every new text below.
_DEFINITIONS = """\
SEC. 2. DEFINITIONS.

    In this Act:
            (1) Eligible entity.--The term ``eligible entity'' means a
        university or a nonprofit laboratory.
            (2) Secretary.--The term ``Secretary'' means the Secretary of
        Energy.
{extra}
SEC. 3. GRANTS.

    (a) In General.--The Secretary shall award grants to eligible
entities for research on the safety of consumer gadgets.
    (b) Duration.--A grant shall be for a period of not more than 3 years.
"""
_ALLIANCE = """\
            (1) Alliance.--The term ``Alliance'' means the Critical Minerals
        Alliance.
"""
OLD = _DEFINITIONS.format(extra="")
# a definition inserted first: "eligible entity" and "Secretary" become paragraphs (2) and (3), words unchanged
RENUMBERED = OLD.replace("    In this Act:\n", "    In this Act:\n" + _ALLIANCE).replace(
    "(2) Secretary", "(3) Secretary").replace("(1) Eligible", "(2) Eligible")
# ... and the Secretary is now another one: the words sec. 3(a) rests on changed
RENUMBERED_AND_CHANGED = RENUMBERED.replace("the Secretary of\n        Energy.", "the Secretary of\n        Commerce.")
# the definition of "eligible entity" struck: "Secretary" becomes paragraph (1), in the place of the struck one
STRUCK = OLD.replace("""            (1) Eligible entity.--The term ``eligible entity'' means a
        university or a nonprofit laboratory.
""", "").replace("(2) Secretary", "(1) Secretary")

_TRACKED = {"s3_a": ("tests/test_s3.py::test_grants",)}  # a test marked for sec. 3(a): it is tracked
_NO_RULES = Catalogue((), ())


def migrated(tmp_path: Path, old: Bill, new: Bill) -> Reviews:
    """The review of ``new`` once a project that reviewed every tracked provision of ``old`` is migrated to it."""
    reviewed_file = tmp_path / "reviewed-text.toml"
    write_reviewed(reviewed_file, accept_all(read_reviewed(reviewed_file), old, ["s3_a"]), old)
    (tmp_path / "rules").mkdir()
    project = ProjectFiles(root=tmp_path, bill=tmp_path / "bill.txt", reviewed=reviewed_file,
                           provenance=tmp_path / "provenance.toml", rules=tmp_path / "rules", tests=(),
                           exclude_tests=(), state=tmp_path / ".billtrace")
    plan = plan_migration(compare(old, new), project, new_text=None)
    (change,) = [c for c in plan.files if c.path == reviewed_file]
    reviewed_file.write_text(change.after, encoding="utf-8")
    return review(new, _NO_RULES, _TRACKED, read_reviewed(reviewed_file))


def test_a_provision_resting_on_definitions_renumbered_with_their_words_stays_current(tmp_path: Path) -> None:
    old, new = bill(OLD), bill(RENUMBERED)
    assert Basis(old).of("s3_a").keys() == {"s2_1", "s2_2"} and Basis(new).of("s3_a").keys() == {"s2_2", "s2_3"}
    reviews = migrated(tmp_path, old, new)
    grants = reviews.of("s3_a")
    assert grants is not None and grants.state is ReviewState.CURRENT, grants
    # recorded under the new ids, as if it had been accepted against the new text
    entry = read_reviewed(tmp_path / "reviewed-text.toml").entries["s3_a"]
    assert entry.rests_on == Basis(new).digests("s3_a")
    assert entry.rests_on == {"s2_2": words_digest(new.get("s2_2").hash), "s2_3": words_digest(new.get("s2_3").hash)}


def test_a_provision_resting_on_a_definition_whose_words_changed_is_affected_after_migration(tmp_path: Path) -> None:
    reviews = migrated(tmp_path, bill(OLD), bill(RENUMBERED_AND_CHANGED))
    grants = reviews.of("s3_a")
    assert grants is not None and grants.state is ReviewState.AFFECTED
    assert grants.affected_by == ("sec. 2(3) changed since review; this provision uses `Secretary`",)


def test_a_definition_struck_under_an_id_another_now_holds_never_leaves_its_user_current(tmp_path: Path) -> None:
    # the struck paragraph (1)'s id now names the definition of "Secretary", renumbered into its place:
    # the digest reviewed for the struck one holds the key, which the words there now do not match
    reviews = migrated(tmp_path, bill(OLD), bill(STRUCK))
    grants = reviews.of("s3_a")
    assert grants is not None and grants.state is ReviewState.AFFECTED
    assert grants.affected_by == ("sec. 2(1) changed since review; this provision uses `Secretary`",)
