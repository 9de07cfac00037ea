"""The one escaping path of the site, and the bill's words marked up with links.

A bill text is third-party input: none of it may become markup.  The templates run
under Jinja2's autoescape, so every value is HTML-escaped unless it is a
``markupsafe.Markup`` built here.  Three contexts, three functions:

* ``html_escape`` for text inside raw HTML blocks (most of each page): ``&``,
  ``<``, ``>`` and quotes become entities; Markdown does not look inside raw
  HTML blocks, so ``[link](x)`` stays text.  Autoescape does the same.
* ``md_escape`` for text in Markdown (headings, admonitions, list items): every
  character Markdown gives a meaning to is backslash-escaped, and ``&``, ``<``,
  ``>`` and ``"`` become entities, so neither Markdown nor HTML can come out of it.
* ``yaml_text`` for ``mkdocs.yml`` (navigation titles, the site name): MkDocs
  and the theme put these into pages without escaping them, so they are
  HTML-escaped first, then written as a YAML string with every character outside
  ASCII as an escape (a U+FFFE in a heading cannot break the file).

A ``title`` attribute is plain text for the browser's own tooltip; the site
turns off the theme's ``content.tooltips``, which would render it as HTML.

``marked_text`` turns a provision's words into HTML with defined terms linked to
their definition and citations linked to their target: an anchor of this site, or
the law cited, elsewhere.  A mark's tooltip is its ``title`` when it has one; the
site gives none in the page: a defined term's is written once, in ``assets/terms.js``,
an internal citation's (the label of its target and where its words come from) is
read from ``assets/ids.js``, and each is set as the ``title`` (plain text) when the
reader points at the link, so nothing is repeated at every use.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

__all__ = ["Mark", "Markup", "html_escape", "marked_text", "md_cell", "md_escape", "safe_href", "slug",
           "yaml_text"]

# The characters Python-Markdown lets a backslash escape (with the tables extension's "|").
_MD_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def html_escape(text: str) -> Markup:
    """``text`` safe inside HTML, elements and attribute values alike.

    >>> str(html_escape('<script>alert("x")</script>'))
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(str(text), quote=True))


def yaml_text(text: str, *, as_html: bool = True) -> Markup:
    """``text`` as a YAML double-quoted string, HTML-escaped first unless ``as_html`` is false.

    >>> str(yaml_text("Sense of <svg onload=x> Congress"))
    '"Sense of &lt;svg onload=x&gt; Congress"'
    """
    value = html.escape(str(text), quote=True) if as_html else str(text)
    return Markup(json.dumps(value, ensure_ascii=True))


def safe_href(url: str) -> str:
    """``url`` when it is a link a page may carry (this site's pages, http or https), else ``""``.

    >>> safe_href("javascript:alert(1)"), safe_href("https://example.org/x"), safe_href("s2.html#s2_1")
    ('', 'https://example.org/x', 's2.html#s2_1')
    """
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme is None:
        return url if not url.strip().startswith("//") else ""
    return url if scheme.group(1).lower() in ("http", "https") else ""


def md_escape(text: str) -> Markup:
    """``text`` safe inside Markdown: shown as written, whatever characters it holds.

    >>> str(md_escape("[link](x) <b>*"))
    '\\\\[link\\\\]\\\\(x\\\\) &lt;b&gt;\\\\*'
    """
    out = []
    for char in " ".join(text.split()):
        if char in _MD_ESCAPABLE:
            out.append("\\" + char)
        else:
            out.append(_HTML.get(char, char))
    return Markup("".join(out))


def md_cell(text: str) -> str:
    """``md_escape`` for a table cell: one line, ``|`` escaped."""
    return str(md_escape(text))


def slug(text: str) -> str:
    """Lower-case letters, digits and single hyphens: ``rules.s5.rate`` -> ``rules-s5-rate``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class Mark:
    """Words to link: ``text`` as it appears (or any of ``forms``), where it leads, its tooltip.

    A mark with ``forms`` (a defined term: its singular, plural, capitalised
    forms) links the first occurrence of any of them, as a whole word; a mark
    without (a citation) links ``text`` at its next occurrence.
    """

    text: str
    href: str
    title: str
    css: str  # the link's class: the site uses "bt-c" (a citation), "bt-x" (one out of the site), "" (a term)
    forms: tuple[str, ...] = ()
    tip: int = -1  # a defined term: the index of its tooltip in the site's terms.js (instead of ``title``)
    # An empty ``title`` makes none: the site's script gives an internal citation its tooltip.


def marked_text(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as HTML, escaped, with each mark's words turned into a link.

    Marks are applied in the order given: a later mark never overlaps an earlier
    one.  Citations are searched forward from the previous citation, as they come
    in the order of the text.
    """
    spans: list[tuple[int, int, Mark]] = []
    taken = [False] * len(text)
    cursor: dict[str, int] = {}
    for mark in marks:
        if not safe_href(mark.href):
            continue
        found: list[tuple[int, int]] = []
        if mark.forms:
            words = "|".join(re.escape(f) for f in sorted(mark.forms, key=len, reverse=True) if f)
            pattern = re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])")
            found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        elif mark.text:
            start = text.find(mark.text, cursor.get(mark.css, 0))
            found = [(start, start + len(mark.text))] if start >= 0 else []
        for start, end in found:
            if not any(taken[start:end]):
                spans.append((start, end, mark))
                taken[start:end] = [True] * (end - start)
                if not mark.forms:
                    cursor[mark.css] = end
                break
    out: list[str] = []
    position = 0
    for start, end, mark in sorted(spans, key=lambda s: s[0]):
        out.append(html_escape(text[position:start]))
        css = f' class="{mark.css}"' if mark.css else ""
        if mark.tip >= 0:
            tip = f' data-tip="{mark.tip}"'
        else:
            tip = f' title="{html_escape(mark.title)}"' if mark.title else ""
        out.append(f'<a{css} href="{html_escape(mark.href)}"{tip}>{html_escape(text[start:end])}</a>')
        position = end
    out.append(html_escape(text[position:]))
    return Markup("".join(out))
