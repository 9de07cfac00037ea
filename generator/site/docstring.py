"""A rule's docstring as the site shows it: its reStructuredText read, every word escaped.

A docstring is written for Python's tools, in reStructuredText; the site is read by counsel and
the public, who should see ``code`` as code and *emphasis* as emphasis, not the marks.  Only the
marks docstrings use are read, each into one element made here: inline literals (````x````),
roles (``:func:`x```, shown as the code they name), interpreted text (```x```), ``**strong**``,
``*emphasis*``, doctest and literal blocks, and bullet lists.  Every character of the
docstring is HTML-escaped first (``generator.site.markup.html_escape``): a docstring is
third-party input, and nothing in it becomes markup except those elements.  A hyperlink
(```words <url>`_``) shows its words, no link: the site makes only the links it means to.

The result is HTML for a raw HTML block of a page (Markdown does not look inside one); it has
no blank line, which would end the block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.site.markup import Markup, html_escape

__all__ = ["doc_html"]

# The inline marks, in the order reStructuredText reads them: the longest start-string first.
_INLINE = re.compile(
    r"``(?P<literal>[^`]+?)``"
    r"|:[\w.+-]+:`(?P<role>[^`]+)`"
    r"|`(?P<linked>[^`<]+?)\s*<[^`>]*>`__?"
    r"|`(?P<interpreted>[^`]+)`_{0,2}"
    r"|(?<![\w*\\])\*\*(?P<strong>\S(?:[^*]*\S)?)\*\*(?![\w*])"
    r"|(?<![\w*\\])\*(?P<emphasis>[^\s*](?:[^*]*[^\s*\\])?)\*(?![\w*])"
    r"|\\(?P<escaped>.)")
_BULLET = re.compile(r"^[-*+] +")
_GPO_QUOTE = re.compile(r"``([^`']*?)''")


def doc_html(doc: str) -> Markup:
    """``doc`` as HTML: a paragraph per paragraph, inline marks as elements, code blocks as ``pre``.

    >>> str(doc_html("Uses ``rate`` (see :func:`~rules.s2.duty`), *not* <b>this</b>."))
    '<p>Uses <code>rate</code> (see <code>duty</code>), <em>not</em> &lt;b&gt;this&lt;/b&gt;.</p>'
    """
    parts = list(_blocks(doc))
    return Markup("").join(parts) if parts else Markup("<p><em>No docstring.</em></p>")


def _blocks(doc: str) -> Iterator[Markup]:
    literal_next = False
    for block in (b for b in re.split(r"\n\s*\n", doc.strip("\n")) if b.strip()):
        lines = block.splitlines()
        if literal_next or lines[0].lstrip().startswith(">>>"):
            yield Markup("<pre><code>{}</code></pre>").format("\n".join(_dedent(lines)))
            literal_next = False
            continue
        text = " ".join(block.split())
        if text.endswith("::"):  # "Example::" ends in a colon; a lone "::" leaves none
            literal_next = True
            text = text[:-2].rstrip() + (":" if not text[:-2].endswith(" ") and text != "::" else "")
            if not text.strip(": "):
                continue
        if all(_BULLET.match(line.lstrip()) or line.startswith((" ", "\t")) for line in lines) \
                and _BULLET.match(lines[0].lstrip()):
            items = re.split(r"(?:^|\n)\s*[-*+] +", block.strip())
            yield Markup("<ul>{}</ul>").format(
                Markup("").join(Markup("<li>{}</li>").format(_inline(" ".join(i.split()))) for i in items if i.strip()))
            continue
        yield Markup("<p>{}</p>").format(_inline(text))


def _dedent(lines: list[str]) -> list[str]:
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return [line[indent:] for line in lines]


def _inline(text: str) -> Markup:
    # a quotation of the bill in GPO's typewriter quotes (``eligible widget'') is no literal
    text = _GPO_QUOTE.sub("\u201c\\1\u201d", text)
    out: list[Markup] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(html_escape(text[position:match.start()]))
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "role":
            out.append(Markup("<code>{}</code>").format(_role_target(value)))
        elif kind in ("literal", "interpreted"):
            out.append(Markup("<code>{}</code>").format(value))
        elif kind == "strong":
            out.append(Markup("<strong>{}</strong>").format(value))
        elif kind == "emphasis":
            out.append(Markup("<em>{}</em>").format(value))
        else:  # the words of a hyperlink, an escaped character: text
            out.append(html_escape(value))
        position = match.end()
    out.append(html_escape(text[position:]))
    return Markup("").join(out)


def _role_target(value: str) -> str:
    """What a role shows: its title (``title <target>``), else the target, its last part after ``~``."""
    titled = re.match(r"(.+?)\s*<[^<>]+>$", value)
    if titled:
        return titled.group(1)
    return value[1:].rsplit(".", 1)[-1] if value.startswith("~") else value.lstrip("!")
