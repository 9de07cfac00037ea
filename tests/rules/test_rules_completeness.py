"""Completeness: every id a rule, a reason, a data file or a test names exists in the bill, and every
provision of the bill is implemented or declared not formalized, with a reason."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from grammar import Bill
from grammar.model import Provision
from provisions import RULES as PACKAGE
from provisions.datasets import concern_countries, data_files, declared_provisions

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "provisions"
TESTS = Path(__file__).resolve().parent
ID = re.compile(r"s\d+(?:_[0-9A-Za-z]+)*")
SECTIONS = ("s1", "s2", "s3", "s4", "s5", "s6")

# These tests check the links between the rules, the tests and the bill, not the
# words of any provision: they carry no provision marker, so the matrix does not
# count them as checks of sections 1 to 6.


def status(bill: Bill, provision: Provision) -> str | None:
    """implemented, not-formalized, inherited (an enclosing unit is declared), composed (every
    child has a status), or None."""
    book = PACKAGE.catalogue()
    if book.rules_for(provision.id):
        return "implemented"
    if book.reason_not_formalized(provision.id):
        return "not-formalized"
    if any(book.reason_not_formalized(up.id) for up in bill.ancestors(provision.id)):
        return "inherited"
    if provision.children and all(status(bill, child) for child in provision.children):
        return "composed"
    return None


def string_ids(path: Path) -> Iterator[tuple[int, str]]:
    """Every string literal in ``path`` that has the form of a provision id."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ID.fullmatch(node.value):
            yield node.lineno, node.value


def marker_ids(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(test name or "pytestmark", ids) for each provision marker in a test file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.mark.provision":
            yield path.name, [str(arg.value) for arg in node.args if isinstance(arg, ast.Constant)]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_every_id_a_rule_implements_exists_in_the_bill(bill: Bill) -> None:
    unknown = [(rule.name, pid) for rule in PACKAGE.catalogue().rules for pid in rule.provisions if pid not in bill]
    assert unknown == []


def test_every_id_declared_not_formalized_exists_in_the_bill(bill: Bill) -> None:
    assert [entry.provision for entry in PACKAGE.catalogue().not_formalized if entry.provision not in bill] == []


def test_every_id_written_in_the_rules_exists_in_the_bill(bill: Bill) -> None:
    unknown = [
        f"{path.name}:{line}: {pid}"
        for path in sorted(RULES.glob("*.py"))
        for line, pid in string_ids(path)
        if pid not in bill
    ]
    assert unknown == []


def test_every_id_a_data_file_names_exists_in_the_bill(bill: Bill) -> None:
    for name in data_files():
        ids = declared_provisions(name)
        assert ids, f"{name} has no '# provisions:' line"
        assert [pid for pid in ids if pid not in bill] == [], name
    assert all(country.provision in bill for country in concern_countries())


def test_every_id_a_test_marker_names_exists_in_the_bill(bill: Bill) -> None:
    unknown = [
        (where, pid)
        for path in sorted(TESTS.glob("test_*.py"))
        for where, ids in marker_ids(path)
        for pid in ids
        if pid not in bill
    ]
    assert unknown == []


def test_a_rule_naming_an_id_the_bill_lacks_is_caught(bill: Bill) -> None:
    assert "s4_z_9" not in bill  # the check above would report it


@pytest.mark.parametrize("section", ["s3", "s4", "s5", "s6", "s1", "s2"])
def test_every_provision_is_implemented_or_declared_not_formalized(bill: Bill, section: str) -> None:
    missing = [p.id for p in bill.get(section).walk() if status(bill, p) is None]
    assert missing == [], "provisions with no rule and no declaration"


def test_every_leaf_provision_has_a_rule_or_a_declaration_of_its_own_or_of_an_enclosing_unit(
    bill: Bill,
) -> None:
    leaves = [p for section in SECTIONS for p in bill.get(section).walk() if not p.children]
    assert [
        p.id for p in leaves if status(bill, p) not in ("implemented", "not-formalized", "inherited")
    ] == []


def test_no_provision_is_both_implemented_and_declared_not_formalized() -> None:
    book = PACKAGE.catalogue()
    both = [entry.provision for entry in book.not_formalized if book.rules_for(entry.provision)]
    assert both == []


def test_every_declaration_gives_a_reason_a_reader_can_check() -> None:
    short = [entry.provision for entry in PACKAGE.catalogue().not_formalized if len(entry.reason) < 60]
    assert short == []


def test_the_short_title_and_the_sense_of_congress_are_declared_not_operative() -> None:
    book = PACKAGE.catalogue()
    assert book.reason_not_formalized("s1")
    assert "binds no one" in (book.reason_not_formalized("s2") or "")


def test_every_implemented_provision_is_checked_by_a_test(bill: Bill) -> None:
    others = [path for path in TESTS.glob("test_*.py") if path.name != Path(__file__).name]
    marked = {pid for path in others for _, ids in marker_ids(path) for pid in ids}

    def checked(provision: Provision) -> bool:  # a unit whose children are each checked is checked
        return provision.id in marked or (bool(provision.children) and all(map(checked, provision.children)))

    implemented = {pid for rule in PACKAGE.catalogue().rules for pid in rule.provisions}
    assert sorted(pid for pid in implemented if not checked(bill.get(pid))) == []


def test_every_test_of_a_rule_carries_a_provision_marker() -> None:
    unmarked = []
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name == Path(__file__).name:  # this file checks the links, not provisions
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_marked = any(
            isinstance(n, ast.Assign) and any(ast.unparse(t) == "pytestmark" for t in n.targets)
            for n in tree.body
        )
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                decorated = any("pytest.mark.provision" in ast.unparse(d) for d in node.decorator_list)
                if not (decorated or module_marked):
                    unmarked.append(f"{path.name}::{node.name}")
    assert unmarked == []


@pytest.mark.parametrize("section", ["s1", "s2", "s3", "s4", "s5", "s6"])
def test_each_section_module_opens_with_the_section_heading(bill: Bill, section: str) -> None:
    module = importlib.import_module(f"provisions.{section}")
    stands_for = bill.get(module.section.provision)  # the section it declares, not its file name: ids move
    assert stands_for.kind == "section"
    heading = " ".join(words(stands_for.heading))
    assert heading in " ".join(words(module.__doc__ or ""))
    assert re.match(rf"(?:SEC\.|SECTION) {re.escape(stands_for.designation)}\. ", module.__doc__ or "")  # SEC. 5.


def test_each_rule_implements_a_provision_of_the_section_its_module_stands_for(bill: Bill) -> None:
    # a rule may also implement words of another section (sec. 5(a) prevailing over sec. 4(g)(1)),
    # but a module whose rules all lie elsewhere is filed under the wrong section
    within = {module: {p.id for p in bill.get(pid).walk()} for module, pid in PACKAGE.catalogue().sections}
    misfiled = [rule.name for rule in PACKAGE.catalogue().rules
                if not within[rule.name.rsplit(".", 1)[0]].intersection(rule.provisions)]
    assert misfiled == []


def test_rules_stand_in_the_order_of_the_text(bill: Bill) -> None:
    order = {p.id: n for n, p in enumerate(bill.walk())}
    for section in ("s3", "s4", "s5", "s6"):
        rules = [rule for rule in PACKAGE.catalogue().rules if rule.name.startswith(f"provisions.{section}.")]
        positions = [order[rule.provisions[0]] for rule in rules]
        assert positions == sorted(positions), section


def test_every_rule_quotes_the_words_it_implements(bill: Bill) -> None:
    unquoted = []
    for rule in PACKAGE.catalogue().rules:
        doc = " ".join(words(rule.doc))
        texts = [words(bill.get(pid).text) for pid in rule.provisions]
        if not any(" ".join(text[:8]) in doc for text in texts if text):
            unquoted.append(rule.name)
    assert unquoted == []


def test_every_determination_names_its_rule() -> None:
    registered = {rule.name for rule in PACKAGE.catalogue().rules}
    for path in sorted(RULES.glob("s[0-9].py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith("provisions.s")
                and node.value.count(".") == 2
            ):
                assert node.value in registered, f"{path.name}:{node.lineno}: {node.value}"
