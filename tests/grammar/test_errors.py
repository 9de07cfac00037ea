"""Bad input: one clear message naming the file, line and column, the line with a caret,
what was expected, exit status 2; no traceback and nothing on standard output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
STATUTE = Path(__file__).resolve().parents[2] / "statute" / "s2839-is.txt"


def run_parse(path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["parse", str(path), *args])
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


CASES = {
    "an empty file": (b"", "error: the file is empty"),
    "a file of blank lines": (b"\n   \n\n", "error: the file contains only white space"),
    "a file with NUL bytes": (b"SEC. 1.\x00\x00\x01 binary", "error: this is a binary file (it contains NUL bytes)"),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "error: this is a PDF document, not bill text"),
    "a Word document": (b"PK\x03\x04\x14\x00\x06\x00", "error: this is a ZIP archive"),
    "an HTML page": (
        b"<!DOCTYPE html>\n<html><body><pre>\n[Congressional Bills 119th Congress]\n</pre></body></html>\n",
        "page.txt:1:1: error: this is an HTML page, not plain text",
    ),
    "an XML document": (b'<?xml version="1.0"?>\n<bill bill-stage="Introduced-in-Senate">\n',
                        "page.txt:1:1: error: this is an XML document"),
    "a JSON document": (b'{"meta": {}}\n', "page.txt:1:1: error: this is a JSON document, not bill text"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_file_that_is_not_bill_text_gets_one_message_and_status_2(tmp_path: Path, case: str) -> None:
    content, message = CASES[case]
    path = write(tmp_path, "page.txt", content)
    status, stdout, stderr = run_parse(path)
    assert status == 2
    assert stdout == ""
    assert message in stderr
    assert stderr.startswith(str(path))
    assert "Traceback" not in stderr


def test_a_file_that_is_not_utf8_names_the_line_and_column_of_the_bad_byte(tmp_path: Path) -> None:
    text = STATUTE.read_text(encoding="utf-8").replace("People's Republic", "People\u2019s Republic", 1)
    path = write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    assert stderr.splitlines() == [
        f"{path}:54:50: error: the file is not UTF-8: byte 0x92 cannot be decoded",
        "   54 |         States is heavily dependent on the People\ufffds Republic of China ",
        "      |                                                  ^",
        "expected: UTF-8 text (a Windows-1252 file can be converted with `iconv -f cp1252 -t utf-8`)",
    ]


def test_prose_that_is_not_a_bill_is_refused_at_its_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", b"\n\nMeeting notes: the bill is due on Friday.\nSEC. 1. Nothing.\n")
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    lines = stderr.splitlines()
    assert lines[0] == (
        f"{path}:3:1: error: this is not a bill in the GPO plain-text layout: its first line is "
        "neither a header line nor the start of a bill's text"
    )
    assert lines[1:3] == ["    3 | Meeting notes: the bill is due on Friday.", "      | ^"]
    assert lines[3].startswith("expected: the GPO header ([Congressional Bills ...] or <DOC>)")


def test_a_header_with_no_bill_after_it_says_the_text_never_begins(tmp_path: Path) -> None:
    text = "\n".join(STATUTE.read_text(encoding="utf-8").split("\n")[:37]) + "\n"
    path = write(tmp_path, "truncated.txt", text.encode())
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    assert stderr.startswith(f"{path}:37:")
    assert "error: the file ends before the bill's text begins" in stderr
    assert "expected:" in stderr and "the enacting clause" in stderr


def test_a_section_heading_that_never_closes_is_a_syntax_error(tmp_path: Path) -> None:
    text = STATUTE.read_text(encoding="utf-8").replace("SEC. 4. CRITICAL MINERALS SECURITY ALLIANCE.",
                                                       "SEC. 4. CRITICAL MINERALS SECURITY ALLIANCE")
    path = write(tmp_path, "heading.txt", text.encode())
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    assert stderr.splitlines()[:3] == [
        f"{path}:122:1: error: the section heading above is not finished",
        "  122 | ",
        "      | ^",
    ]
    assert "expected: more of the section heading; or the end of the section heading, closing with a period" in stderr


def test_text_after_the_closing_marker_is_a_syntax_error(tmp_path: Path) -> None:
    text = STATUTE.read_text(encoding="utf-8") + "\nSEC. 7. STRAY SECTION.\n"
    path = write(tmp_path, "trailing.txt", text.encode())
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    assert "error: nothing may follow the closing <all> marker" in stderr
    assert stderr.splitlines()[1] == "  353 | SEC. 7. STRAY SECTION."


def test_a_bill_whose_line_breaks_were_lost_is_refused_with_a_reason(tmp_path: Path) -> None:
    text = " ".join(STATUTE.read_text(encoding="utf-8").split())
    path = write(tmp_path, "collapsed.txt", text.encode())
    status, stdout, stderr = run_parse(path)
    assert (status, stdout) == (2, "")
    assert "error: the bill's line breaks have been lost: the whole text stands on one line" in stderr


def test_a_missing_file_and_a_directory_get_one_message_each(tmp_path: Path) -> None:
    assert run_parse(tmp_path / "absent.txt")[0::2] == (2, f"{tmp_path / 'absent.txt'}: error: no such file\n")
    assert run_parse(tmp_path)[0::2] == (2, f"{tmp_path}: error: this is a directory, not a bill file\n")


def test_strict_parsing_turns_a_diagnostic_into_an_error(tmp_path: Path) -> None:
    text = STATUTE.read_text(encoding="utf-8").replace("described in section 3(2)(A)", "described in section 3(9)")
    path = write(tmp_path, "unresolved.txt", text.encode())
    status, stdout, stderr = run_parse(path)
    assert status == 0
    assert f"{path}:171:31: warning: sec. 4(d)(1): 'section 3(9)' refers to no provision" in stderr
    status, stdout, stderr = run_parse(path, "--strict")
    assert (status, stdout) == (2, "")
    assert stderr.startswith(
        f"{path}:171:31: error: sec. 4(d)(1): 'section 3(9)' refers to no provision of this bill "
        "[unresolved-citation]"
    )


def test_the_installed_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    billtrace = Path(sys.executable).with_name("billtrace")
    result = subprocess.run([str(billtrace), "parse", str(path)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"{path}: error: the file is empty\n"
