"""Reading a bill file: bytes checked and decoded to text, or one clear error.

Everything that is not GPO plain text is turned away here, before the grammar
sees it, with a message that says what the file is instead.
"""

from __future__ import annotations

import os
import re
import unicodedata

from grammar.errors import BillSourceError

__all__ = ["decode_source", "read_source", "refuse_unsafe_characters"]

# Magic numbers of the binary files people most often mistake for bill text.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx file is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)
_HTML = re.compile(rb"\A\s*(<!doctype\s+html|<html|<head|<body|<pre>|<!--)", re.IGNORECASE)
_XML = re.compile(rb"\A\s*(<\?xml|<bill[\s>]|<resolution[\s>]|<amendment-doc)", re.IGNORECASE)
_JSON = re.compile(rb"\A\s*(\{|\[\s*[{\"\]])")
_PLAIN_TEXT = "the plain-text (.txt) version of the bill"
# Documents of another kind, recognised by how they open: (pattern, what it is, what to use instead).
_DOCUMENTS = (
    (_HTML, "an HTML page, not plain text",
     "the plain-text layout: save the .txt version from govinfo.gov, or the text inside the page's <pre> element"),
    (_XML, "an XML document (the GPO bill XML?), not the plain-text layout", _PLAIN_TEXT),
    (_JSON, "a JSON document, not bill text", _PLAIN_TEXT),
)
_COLLAPSED_MARKS = ("SEC. ", "Be it enacted", "Resolved", "<DOC>", "CONGRESS", "Public Law")
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Beyond ASCII: C1 controls, noncharacters (U+FDD0..U+FDEF and the last two code points of
# every plane) and lone surrogates, none of which a YAML file or an HTML page may hold;
# and digits other than 0-9, which would make a section or designation number that
# reads as one to a person and as none to the grammar.
_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(17))
_UNSAFE = re.compile(rf"[\x80-\x9f\ufdd0-\ufdef\ud800-\udfff{_NONCHARACTERS}]|(?=\d)[^0-9]")


def read_source(path: str | os.PathLike[str]) -> str:
    """The text of the bill file at ``path``, checked and normalised (see ``decode_source``).

    Raises:
        BillSourceError: the file cannot be read, or is not GPO plain text.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise BillSourceError("no such file", path=name) from None
    except IsADirectoryError:
        raise BillSourceError("this is a directory, not a bill file", path=name) from None
    except PermissionError:
        raise BillSourceError("permission denied: the file cannot be read", path=name) from None
    except OSError as error:
        raise BillSourceError(f"the file cannot be read: {error.strerror}", path=name) from None
    return decode_source(data, path=name)


def decode_source(data: bytes, *, path: str = "<text>") -> str:
    """Decode a bill's bytes to text with Unix newlines and a final newline.

    Form feeds (page breaks in some GPO files) and a UTF-8 byte-order mark are
    dropped; no-break spaces become spaces.

    Raises:
        BillSourceError: the bytes are empty, binary, UTF-16 or UTF-32, not UTF-8, an HTML, XML or
            JSON document, or a bill whose line breaks were lost.
    """
    if not data:
        raise BillSourceError("the file is empty", path=path)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BillSourceError(
                f"this is {what}, not bill text",
                path=path,
                expected="the plain-text (.txt) version of the bill from govinfo.gov or congress.gov",
            )
    wide = _utf16_or_32(data)
    if wide is not None:
        raise BillSourceError(f"the file is {wide[0]}, not UTF-8: the bill must be UTF-8", path=path,
                              expected=f"UTF-8 text (convert it with `iconv -f {wide[1]} -t UTF-8`)")
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        line_start = data.rfind(b"\n", 0, nul) + 1
        # No offending line is shown: a binary file's "line" is bytes no terminal should receive.
        raise BillSourceError(
            "this is a binary file (it contains NUL bytes), not bill text",
            path=path,
            line=data.count(b"\n", 0, nul) + 1,
            column=len(data[line_start:nul].decode("utf-8", "replace")) + 1,
            expected="the plain-text (.txt) version of the bill",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(data, error, path) from None
    if not text or text.isspace():  # (strip() would copy the whole text)
        raise BillSourceError("the file contains only white space", path=path)
    for pattern, what, wanted in _DOCUMENTS:
        if pattern.match(data):
            raise BillSourceError(f"this is {what}", path=path, line=1, column=1,
                                  source_line=text.split("\n")[0], expected=wanted)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").replace("\u00a0", " ")
    refuse_unsafe_characters(text, path=path)
    # Only a text of three lines or fewer can be a bill run onto one line: split no other.
    lines = text.split("\n") if text.count("\n", 0, len(text)) <= 2 else [""]
    longest = max(lines, key=len)
    if len(lines) <= 3 and len(longest) > 500 and any(mark in longest for mark in _COLLAPSED_MARKS):
        raise BillSourceError(
            "the bill's line breaks have been lost: the whole text stands on one line",
            path=path,
            line=lines.index(longest) + 1,
            column=1,
            source_line=longest[:60] + " ...",
            expected="the text as GPO publishes it, one printed line to a line",
        )
    if not text.endswith("\n"):
        text += "\n"
    return text


_WIDE_MARKS = ((b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"),
               (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE"))


def _utf16_or_32(data: bytes) -> tuple[str, str] | None:
    """("UTF-16 (little-endian)", "UTF-16LE") and the like when the bytes are text in UTF-16 or UTF-32
    (a byte-order mark, or ASCII's zero bytes in every other place: what Windows saves as "Unicode
    text"); else None."""
    for mark, code in _WIDE_MARKS:
        if data.startswith(mark):
            return _wide_name(code), code
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd >= 0.9 * pairs and even == 0:
        return _wide_name("UTF-16LE"), "UTF-16LE"
    if even >= 0.9 * pairs and odd == 0:
        return _wide_name("UTF-16BE"), "UTF-16BE"
    return None


def _wide_name(code: str) -> str:
    return f"{code[:-2]} ({'little' if code.endswith('LE') else 'big'}-endian)"


def _not_utf8(data: bytes, error: UnicodeDecodeError, path: str) -> BillSourceError:
    head = data[: error.start]
    line = head.count(b"\n") + 1
    line_start = head.rfind(b"\n") + 1
    line_end = data.find(b"\n", error.start)
    raw_line = data[line_start : len(data) if line_end < 0 else line_end]
    column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
    byte = data[error.start]
    return BillSourceError(
        f"the file is not UTF-8: byte 0x{byte:02X} cannot be decoded",
        path=path,
        line=line,
        column=column,
        source_line=raw_line.decode("utf-8", errors="replace"),
        expected="UTF-8 text (a Windows-1252 file can be converted with "
        "`iconv -f cp1252 -t utf-8`)",
    )


def refuse_unsafe_characters(text: str, *, path: str = "<text>") -> None:
    """Refuse a character no bill holds and no page or YAML file can: one message naming its line.

    Raises:
        BillSourceError: a control character other than tab, newline, carriage return and
            form feed; a noncharacter or lone surrogate; a digit that is not 0-9.
    """
    found = _CONTROL.search(text)
    if found is None and not text.isascii():
        found = _UNSAFE.search(text)
    if found is None:
        return
    at = found.start()
    line = text.count("\n", 0, at) + 1
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    source_line = text[line_start : len(text) if line_end < 0 else line_end]
    char = found.group()
    code = ord(char)
    if char.isdigit() or unicodedata.category(char) == "Nd":
        name = unicodedata.name(char, "a digit")
        message = (f"the digit {char!r} ({name}) is not one of 0-9: section and "
                   "designation numbers are read in ASCII digits only")
        expected = "the digits 0-9"
    elif 0xD800 <= code <= 0xDFFF:
        message = f"the text contains the lone surrogate U+{code:04X}, which is not a character"
        expected = "valid Unicode text"
    elif code < 0xA0:
        message = f"the text contains the control character U+{code:04X}"
        expected = "printable text"
    else:
        message = (f"the text contains the noncharacter U+{code:04X}, which a web page or a "
                   "YAML file cannot hold")
        expected = "printable text"
    raise BillSourceError(
        message,
        path=path,
        line=line,
        column=at - line_start + 1,
        source_line=_printable(source_line),
        expected=expected,
    )


def _printable(line: str) -> str:
    """The line as an error message may show it: each unsafe character (not a digit) as U+FFFD."""
    line = _CONTROL.sub("\ufffd", line)
    if line.isascii():
        return line
    return _UNSAFE.sub(lambda m: m.group() if m.group().isdigit() else "\ufffd", line)
