"""The provenance table: read when present, unrecorded when absent, refused when malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ProvenanceError
from generator.trace.provenance import read_provenance
from grammar import Bill, parse_file

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini-bill.txt"


@pytest.fixture(scope="module")
def mini_bill() -> Bill:
    return parse_file(FIXTURE)


def test_an_absent_table_leaves_every_provision_unrecorded(tmp_path: Path, mini_bill: Bill) -> None:
    provenance = read_provenance(tmp_path / "provenance.toml", mini_bill)
    assert not provenance.recorded
    assert provenance.of("s3_a").status == "unrecorded"


def test_a_provision_without_an_entry_takes_its_ancestors(tmp_path: Path, mini_bill: Bill) -> None:
    path = tmp_path / "provenance.toml"
    path.write_text('[s3]\nstatus = "summary"\nnote = "from the summary"\n\n[s3_b]\nstatus = "official"\n',
                    encoding="utf-8")
    provenance = read_provenance(path, mini_bill)
    assert provenance.of("s3_a").status == "summary"
    assert provenance.of("s3_a").declared_at == "s3"
    assert provenance.of("s3_b").status == "official"
    assert provenance.of("s1").status == "unrecorded"


@pytest.mark.parametrize(("text", "complaint"), [
    ("[s1\nstatus =", "not valid TOML"),
    ('[s1]\nstatus = "rumour"\n', "status must be one of"),
    ('[s42]\nstatus = "official"\n', "names no provision"),
    ('[s1]\nstatus = "official"\nnote = 3\n', "note must be a string"),
])
def test_a_malformed_table_is_refused_with_the_reason(
        tmp_path: Path, mini_bill: Bill, text: str, complaint: str) -> None:
    path = tmp_path / "provenance.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProvenanceError, match=complaint):
        read_provenance(path, mini_bill)


def test_the_working_text_has_a_provenance_entry_for_every_provision(bill: Bill) -> None:
    root = Path(__file__).resolve().parents[2]
    provenance = read_provenance(root / "statute" / "provenance.toml", bill)
    assert provenance.recorded
    assert {p.id for p in bill.walk() if provenance.of(p.id).status == "unrecorded"} == set()
