"""A rules package declares each provision's status once: a second declaration is refused, never a silent winner."""

from __future__ import annotations

import pytest

from grammar.errors import BilltraceError
from provisions.kit.rules import DeclarationError, Section, catalogue_of


def test_an_id_declared_not_formalized_twice_in_a_module_is_refused_naming_it() -> None:
    section = Section("rules.s4", "s4")
    section.not_formalized("s4_i_2", reason="Lists what a review must do.")
    with pytest.raises(DeclarationError, match=r"rules\.s4: s4_i_2 is declared not formalized twice"):
        section.not_formalized("s4_i_2", reason="Report contents: a narrative.")
    assert section.not_formalized_entries["s4_i_2"].reason == "Lists what a review must do."
    assert issubclass(DeclarationError, BilltraceError)  # one line and exit 2 from any command


def test_an_id_declared_in_two_modules_is_refused_naming_both() -> None:
    first, second = Section("rules.s4", "s4"), Section("rules.s5", "s5")
    first.not_formalized("s4_c", reason="A direction to act.")
    second.not_formalized("s4_c", reason="Another reason.")
    with pytest.raises(DeclarationError, match=r"s4_c is declared not formalized in both rules\.s4 and rules\.s5"):
        catalogue_of([first, second])


def test_a_section_names_the_provision_it_stands_for() -> None:
    assert catalogue_of([Section("rules.s4", "s4"), Section("rules.helpers")]).sections == (("rules.s4", "s4"),)
    with pytest.raises(ValueError, match="non-empty id"):
        Section("rules.s4", "")
