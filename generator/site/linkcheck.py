"""Check the built HTML as a reader would follow it: every internal link and anchor resolves.

Walks every ``.html`` file of a built site with the standard library's HTML
parser, collects each page's ids (and ``<a name>``), and checks every ``href``
and ``src`` that stays inside the site: the file exists, and the ``#fragment``,
if any, is an id of that file.  Links out of the site (``https:``,
``mailto:``) are counted, not followed; a page that *loads* anything from
outside (a script, a stylesheet, an image, a font) is reported, since the site
must work offline.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["LinkReport", "check_links"]

_EXTERNAL = ("http:", "https:", "mailto:", "tel:", "javascript:", "data:", "//")
_LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
          ("video", "src"), ("audio", "src")}


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What the check found: broken links, resources loaded from outside, and the counts."""

    broken: tuple[str, ...]  # "page.html: href -> why"
    remote_loads: tuple[str, ...]  # "page.html: <script src=...>"
    pages: int
    links: int
    external_links: int

    @property
    def ok(self) -> bool:
        """True when nothing is broken and nothing is loaded from outside the site."""
        return not self.broken and not self.remote_loads


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(key):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            value = values.get(key)
            if value is not None:
                rel = (values.get("rel") or "") if tag == "link" else ""
                if tag == "link" and key == "href" and rel in ("canonical", "external"):
                    continue
                self.refs.append((tag, key, value))


def check_links(site: Path, *, pages: Iterable[Path] | None = None) -> LinkReport:
    """Check the links of every HTML page under ``site`` (or only ``pages`` of it)."""
    parsed: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site).as_posix()] = page
    chosen = sorted(parsed) if pages is None else sorted(p.relative_to(site).as_posix() for p in pages)
    broken: list[str] = []
    remote: list[str] = []
    links = external = 0
    for name in chosen:
        for tag, key, value in parsed[name].refs:
            links += 1
            if value.startswith(_EXTERNAL) or ":" in value.split("/", 1)[0]:
                external += 1
                if (tag, key) in _LOADS:
                    remote.append(f"{name}: <{tag} {key}={value!r}> loads from outside the site")
                continue
            problem = _resolve(site, parsed, name, value)
            if problem:
                broken.append(f"{name}: {value} -> {problem}")
    return LinkReport(tuple(broken), tuple(remote), len(chosen), links, external)


def _resolve(site: Path, parsed: dict[str, _Page], name: str, value: str) -> str | None:
    parts = urlsplit(value)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path:
        base = "" if path.startswith("/") else posixpath.dirname(name)  # "/x": from the site's root
        target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if target.startswith(".."):
            return "leaves the site"
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            return "no such file"
    else:
        target = name
    if fragment and target.endswith(".html"):
        ids = parsed[target].ids if target in parsed else set()
        if fragment not in ids:
            return f"no element with id {fragment!r} in {target}"
    return None
