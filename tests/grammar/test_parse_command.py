"""`billtrace parse`: the outline for a person and the JSON contract for other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
STATUTE = ROOT / "statute" / "s2839-is.txt"
SCHEMA = json.loads((ROOT / "grammar" / "bill.schema.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"


def parse_json(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_outline_prints_one_line_per_provision_indented_by_depth() -> None:
    result = CliRunner().invoke(main, ["parse", str(STATUTE)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "S. 2839 (IS) Restoring American Mineral Security Act of 2025"
    assert lines[1:4] == ["s1  SHORT TITLE", "s2  SENSE OF CONGRESS",
                          "  s2_1  a reliable supply chain of critical minerals is essential ..."]
    assert "      s4_b_5_A  illicit transshipment of critical minerals and select ..." in lines
    assert len(lines) == 1 + 98
    assert result.stderr == ""


@pytest.mark.parametrize("path", [STATUTE, *sorted(FIXTURES.glob("*.txt"))], ids=lambda p: p.name)
def test_the_json_output_follows_the_documented_schema(path: Path) -> None:
    document = parse_json(path)
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def test_the_json_output_keeps_the_contracted_names() -> None:
    document = parse_json(STATUTE)
    assert {"meta", "provisions", "definitions", "citations", "diagnostics"} <= set(document)
    assert document["meta"] | {} == document["meta"]
    assert {k: document["meta"][k] for k in (
        "congress", "session", "measure", "number", "version", "chamber", "date", "short_title")} == {
        "congress": 119, "session": 1, "measure": "S.", "number": 2839, "version": "IS",
        "chamber": "Senate", "date": "2025-09-17",
        "short_title": "Restoring American Mineral Security Act of 2025",
    }
    assert document["meta"]["committees"] == ["Committee on Finance"]
    section_4 = document["provisions"][3]
    assert {k: section_4[k] for k in ("id", "kind", "designation", "heading", "label")} == {
        "id": "s4", "kind": "section", "designation": "4",
        "heading": "CRITICAL MINERALS SECURITY ALLIANCE", "label": "sec. 4",
    }
    paragraph = section_4["children"][1]["children"][0]
    assert (paragraph["id"], paragraph["line_start"], paragraph["line_end"]) == ("s4_b_1", 134, 142)
    assert len(paragraph["hash"]) == 64 and paragraph["children"] == []


def test_every_id_in_the_json_tree_is_unique_and_every_target_exists() -> None:
    document = parse_json(STATUTE)
    ids: list[str] = []

    def collect(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            ids.append(node["id"])
            collect(node["children"])

    collect(document["provisions"])
    assert len(ids) == len(set(ids)) == 98
    for citation in document["citations"]:
        assert set(citation["targets"]) <= set(ids)
    for definition in document["definitions"]:
        assert definition["provision"] in ids and set(definition["uses"]) <= set(ids)
