"""Step three: render the matrix and the inputs into the site's files, in memory.

``render`` returns ``mkdocs.yml`` and every page and asset as text; nothing is
written here.  Templates live in ``generator/site/templates`` and run under Jinja2
with ``StrictUndefined`` and autoescape on: every value from the bill, the rules or
the tests is HTML-escaped unless it is a ``Markup`` fragment built here from escaped
parts (``generator.site.markup``, the one escaping path); Markdown contexts take
``md``, ``mkdocs.yml`` takes ``yaml``.
All pages sit side by side in ``docs/``, so every link is ``page.html#anchor``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from generator.reports.report import report_csv, report_html, report_json, report_rows, rule_owners
from generator.site.docstring import doc_html
from generator.site.headings import Casing
from generator.site.markup import Mark, Markup, html_escape, marked_text, md_escape, slug, yaml_text
from generator.site.masthead import sponsorship
from generator.site.versions_pages import coverages, history_view, pair_page, pair_page_name, versions_page
from generator.trace.collect import Inputs
from generator.trace.matrix import Matrix, Row, Status
from generator.trace.measure import arc_text
from generator.trace.provenance import Source
from generator.trace.review import Review, ReviewState, WordChange, advice
from generator.versions.compare import Comparison, compare
from generator.versions.history import chain
from grammar import Bill, Citation, Provision
from grammar.model import Meta
from provisions.kit import Example

__all__ = ["Site", "render", "rule_anchor", "test_anchor", "test_page"]

_PROVENANCE_LABELS = {"official": "official text", "summary": "from summary",
                      "assumed": "assumed", "unrecorded": "unrecorded"}
_REVIEW_LABELS = {ReviewState.CHANGED: "words changed since review", ReviewState.UNREVIEWED: "words not reviewed",
                  ReviewState.AFFECTED: "meaning changed through a definition or citation",
                  ReviewState.REMOVED: "provision gone from the text"}
# The classes of a provision's block on a section page (short: a long bill has tens of thousands):
# its status, the worst status below a container, where its words come from (billtrace.css names them).
_STATUS_CLASS = {Status.VERIFIED: "v", Status.FAILING: "f", Status.CHANGED: "w", Status.UNTESTED: "u",
                 Status.CLAIMED: "c", Status.PENDING: "p", Status.NOT_FORMALIZED: "n", Status.CONTAINER: "k"}
_SOURCE_CLASS = {"official": "o", "summary": "s", "assumed": "a", "unrecorded": "u"}
_STATUS_ORDER = (Status.VERIFIED, Status.FAILING, Status.CHANGED, Status.UNTESTED, Status.CLAIMED, Status.PENDING,
                 Status.NOT_FORMALIZED, Status.CONTAINER)


@dataclass(frozen=True, slots=True)
class Site:
    """The rendered site: ``mkdocs.yml`` and each file of ``docs/`` by its relative path."""

    config: str
    files: Mapping[str, str]


def render(matrix: Matrix, inputs: Inputs) -> Site:
    """Render every page of the site (a pure function of its arguments)."""
    env = _environment()
    pages = _Pages(inputs.bill)
    files: dict[str, str] = {}
    nav: list[dict[str, Any]] = [{"title": "Home", "path": "index.md", "children": []}]

    files["index.md"] = env.get_template("home.md.j2").render(**_home(matrix, inputs, pages))
    text_nav = []
    marker = _Marks(inputs.bill, pages, matrix)
    section_template = env.get_template("section.md.j2")
    owners = rule_owners(matrix)  # once: a section page looks up the owner of each of its rules
    comparisons = chain(inputs.versions, inputs.bill) if inputs.versions else ()
    histories = history_view(comparisons)
    for root in pages.roots:
        files[f"{root.id}.md"] = section_template.render(
            blocks=_blocks(root, matrix, inputs, pages, marker, owners, histories))
        text_nav.append({"title": _nav_title(root, pages.casing), "path": f"{root.id}.md"})
    nav.append({"title": "Text", "path": "", "children": text_nav})
    files["matrix.md"] = env.get_template("matrix.md.j2").render(**_matrix_page(matrix, inputs, pages))
    files["glossary.md"] = env.get_template("glossary.md.j2").render(entries=_glossary(inputs.bill, pages, matrix))
    files["rules.md"] = env.get_template("rules.md.j2").render(rules=_rules_index(matrix, inputs, pages))
    groups = _tests_index(inputs, pages)
    files["tests.md"] = env.get_template("tests.md.j2").render(groups=groups, traced=inputs.traced)
    module_template = env.get_template("test_module.md.j2")
    test_nav = [{"title": "All test modules", "path": "tests.md"}]
    for group in groups:
        source = inputs.test_sources.get(group["path"])
        code_html = _linked_ids(_code(source, 1, len(source.splitlines()), missed=(), anchors="T"), pages) \
            if source else Markup("")
        files[group["page"]] = module_template.render(group=group, code_html=code_html)
        # the page's name before it was made short: old links lead on to the page, anchor and all
        if _moved_test_page(group["path"]) != group["href"]:
            files[_moved_test_page(group["path"])] = _moved(group["href"])
        test_nav.append({"title": group["path"], "path": group["page"]})
    files["examples.md"] = env.get_template("examples.md.j2").render(
        examples=[_example(e, inputs.bill, pages, matrix) for e in inputs.examples])
    files["provenance.md"] = env.get_template("provenance.md.j2").render(**_provenance_page(matrix, inputs, pages))
    files["parameters.md"] = env.get_template("parameters.md.j2").render(
        parameters=[_parameter_view(p, inputs.bill, pages) for p in inputs.parameters])
    files["data.md"] = env.get_template("data.md.j2").render(
        sources=[_data_view(d, inputs.bill, pages) for d in inputs.data_sources])
    report = report_rows(matrix)
    files["matrix.csv"] = report_csv(report)
    files["matrix.json"] = report_json(report, inputs.bill, matrix)
    # The printable report is the page `billtrace report --format html` writes, beside the Markdown
    # (mkdocs copies it as it is): one table of every provision, with its own print stylesheet.
    files["report.html"] = report_html(report, inputs.bill, matrix, site=True)
    nav += [{"title": title, "path": path, "children": []} for title, path in (
        ("Matrix", "matrix.md"), ("Glossary", "glossary.md"), ("Rules", "rules.md"))]
    nav.append({"title": "Tests", "path": "", "children": test_nav})
    nav += [{"title": title, "path": path, "children": []} for title, path in (
        ("Worked examples", "examples.md"), ("Parameters", "parameters.md"), ("Data sources", "data.md"),
        ("Provenance", "provenance.md"), ("Report", "report.html"))]
    version_nav = _version_pages(files, env, comparisons, matrix, inputs, pages)
    if version_nav:
        nav.append({"title": "Versions", "path": "", "children": version_nav})
    source_nav = []
    for path, source in inputs.sources.items():
        name = _source_page(path)
        files[name] = env.get_template("source.md.j2").render(
            path=path, code_html=_linked_ids(_code(source, 1, len(source.splitlines()), missed=(), anchors="L"),
                                             pages),
            rules=[{"name": r.name, "anchor": rule_anchor(r.name), "start": r.line_start, "end": r.line_end}
                   for r in inputs.catalogue.rules if r.path == path])
        source_nav.append({"title": path, "path": name})
    if source_nav:
        nav.append({"title": "Source", "path": "", "children": source_nav})
    for asset in ("billtrace.css", "billtrace.js", "iframe-worker-shim.js"):
        files[f"assets/{asset}"] = _asset(asset)
    files["assets/terms.js"] = _terms_script(marker.tips)
    files["assets/ids.js"] = _ids_script(inputs.bill, pages, matrix)
    files["assets/matrix.js"] = _matrix_script(matrix, pages)
    meta = inputs.bill.meta
    config = env.get_template("mkdocs.yml.j2").render(
        site_name=" — ".join(p for p in (meta.citation, meta.short_title) if p) or inputs.bill.source,
        site_description=meta.long_title or "", nav=nav)
    return Site(config=config, files=dict(sorted(files.items())))


def test_anchor(nodeid: str) -> str:
    """The anchor of a test on the tests page: readable, and unique by a short hash."""
    digest = hashlib.sha1(nodeid.encode("utf-8")).hexdigest()[:8]
    return f"t-{slug(nodeid.split('::', 1)[-1])[:60]}-{digest}"


def test_page(path: str) -> str:
    """The page of a test module: ``tests/rules/test_s4.py`` -> ``tests-rules-s4.md``.

    The path under ``tests/``, its module's ``test_`` and ``.py`` dropped; a module outside
    ``tests/`` keeps its whole path (``tests-provisions-test-x-py.md``), so no two modules share a page.
    """
    folder, _, module = path.rpartition("/")
    if not path.startswith("tests/") or not module.endswith(".py"):
        return f"tests-{slug(path)}.md"
    name = module.removesuffix(".py").removeprefix("test_")
    return f"tests-{slug(folder.removeprefix('tests').strip('/') + '/' + name)}.md"


def _moved_test_page(path: str) -> str:
    """The page a test module had before its name was made short (``tests-tests-rules-test-s4-py.html``)."""
    return f"tests-{slug(path)}.html"


def _moved(to: str) -> str:
    """A page that sends the reader on to ``to`` (a page of this site), keeping the ``#anchor`` of the link."""
    target = html_escape(to)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\"><link rel=\"canonical\" href=\"{target}\">\n"
            f"<script>location.replace({json.dumps(to)} + location.hash);</script></head>\n"
            f"<body><p>This page has moved to <a href=\"{target}\">{target}</a>.</p></body></html>\n")


def _test_href(nodeid: str) -> str:
    return f"{test_page(nodeid.split('::', 1)[0])[:-3]}.html#{test_anchor(nodeid)}"


def rule_anchor(name: str) -> str:
    """The anchor of a rule on the rules page."""
    return "rule-" + slug(name)


class _Pages:
    """Which page each provision is on: its section's, or its own above the sections."""

    def __init__(self, bill: Bill) -> None:
        self.bill = bill
        self.casing = Casing(p.text for p in bill.walk())  # the site's headings, the bill's names kept
        self.roots: list[Provision] = []
        self.page: dict[str, str] = {}
        for top in bill.provisions:
            self._place(top, None)

    def _place(self, provision: Provision, page: str | None) -> None:
        if page is None and (provision.kind == "section" or not any(
                p.kind == "section" for p in provision.walk())):
            self.roots.append(provision)
            page = provision.id
        if page is None:  # a title or division: a page of its own, its sections on theirs
            self.roots.append(provision)
            self.page[provision.id] = provision.id
            for child in provision.children:
                self._place(child, None)
            return
        self.page[provision.id] = page
        for child in provision.children:
            self._place(child, page)

    def href(self, provision_id: str, here: str = "") -> str:
        """The link to a provision: ``s4.html#s4_b``, or ``#s4_b`` from the page ``here``."""
        page = self.page[provision_id]
        return f"#{provision_id}" if page == here else f"{page}.html#{provision_id}"

    def label(self, provision_id: str) -> str:
        return self.bill.get(provision_id).label


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["yaml"] = yaml_text
    env.filters["yaml_path"] = lambda value: yaml_text(value, as_html=False)
    return env


def _asset(name: str) -> str:
    return resources.files("generator.site").joinpath("templates", "assets", name).read_text(encoding="utf-8")


def _terms_script(tips: Mapping[str, Sequence[Sequence[str]]]) -> str:
    """The tooltips of the defined terms, as a script: by the id of the provision defining them, each
    term's tooltip (plain text the page sets as a ``title``) and the forms of the term it is used in.
    A use links to its definition and nothing more: the script finds its tooltip by the link's
    target (and, where a provision defines several terms, by the words linked)."""
    data = json.dumps(tips, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f"/* Generated by billtrace: the tooltip of each defined term. */\nwindow.billtraceTerms = {data};\n"


def _ids_script(bill: Bill, pages: _Pages, matrix: Matrix) -> str:
    """Every provision as [id, page, label, heading, words], for the search box to find a provision by its
    citation and say where its words come from."""
    entries = [[p.id, pages.page[p.id], p.label, p.heading, _words_note(matrix, p.id)] for p in bill.walk()]
    data = json.dumps(entries, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f"/* Generated by billtrace: each provision's page, label and heading. */\nwindow.billtraceIds = {data};\n"


def _source_page(path: str) -> str:
    return f"source-{slug(path)}.md"


def _nav_title(provision: Provision, casing: Casing) -> str:
    """A provision as its page, the navigation and the dashboard name it: "Sec. 4. Widget Safety
    Council", its heading in the site's sentence case (``generator.site.headings``)."""
    label = provision.label[:1].upper() + provision.label[1:]
    return f"{label}. {casing.sentence_case(provision.heading)}" if provision.heading else label


def _quotes(text: str) -> str:
    """GPO's typewriter quotes and dashes as a reader expects them."""
    return text.replace("``", "\u201c").replace("''", "\u201d").replace("--", "\u2014")


def _status_view(status: Status) -> dict[str, str]:
    return {"slug": status.slug, "label": status.value, "value": status.value}


def _words_note(matrix: Matrix, provision_id: str) -> str:
    """Where a provision's words come from, and whether they changed since review, as plain words."""
    try:
        row = matrix.row(provision_id)
    except KeyError:
        return ""
    note = _PROVENANCE_LABELS.get(row.provenance.status, row.provenance.status)
    if row.review is not None and row.review.stale:
        note += "; " + _REVIEW_LABELS[row.review.state]
    return note


def _words_badges(matrix: Matrix, pages: _Pages, provision_id: str) -> dict[str, Any]:
    """A provision's provenance badge, and its review badge when its words changed since review."""
    row = matrix.row(provision_id)
    return {"provenance": _provenance_view(provision_id, row.provenance), "review": _review_view(row.review, pages),
            "matrix_href": pages.href(provision_id)}


def _provenance_view(provision_id: str, source: Source) -> dict[str, str]:
    """A provision's provenance badge: its label, its note as the tooltip, a link to the entry it takes."""
    href = f"provenance.html#p-{source.declared_at}" if source.declared_at else "provenance.html"
    return {"status": source.status, "id": provision_id, "title": source.note, "href": href,
            "label": _PROVENANCE_LABELS.get(source.status, source.status)}


def _code(source: str, start: int, end: int, *, missed: Sequence[int], anchors: str) -> str:
    lines = source.splitlines(keepends=True)[start - 1:end]
    formatter = HtmlFormatter(linenos="table", linenostart=start, hl_lines=[m - start + 1 for m in missed],
                              cssclass="highlight", lineanchors=anchors, wrapcode=True)
    return Markup(str(highlight("".join(lines), PythonLexer(), formatter)).strip())


# A string literal of the highlighted code: "s4_b" or 's4_b', as Pygments writes it.
_ID_LITERAL = re.compile(r'<span class="(s[12])">("|\'|&quot;|&#39;)([A-Za-z][A-Za-z0-9_]*)\2</span>')


def _linked_ids(code_html: str, pages: _Pages) -> Markup:
    """Highlighted code with every string that is a provision's id (``@implements("s4_b")``, a
    reason's ``Reason("s4_b_1", ...)``, a test's marker) linked to that provision."""
    def link(match: re.Match[str]) -> str:
        css, quote, provision_id = match.groups()
        if provision_id not in pages.page:
            return match.group(0)
        return (f'<span class="{css}"><a class="bt-id-link" href="{pages.href(provision_id)}" '
                f'title="{html_escape(pages.label(provision_id))}">{quote}{provision_id}{quote}</a></span>')
    return Markup(_ID_LITERAL.sub(link, str(code_html)))



def _short_rule(name: str) -> str:
    """A rule's name without its package's top-level name: ``rules.s5.rate`` -> ``s5.rate``."""
    return name.split(".", 1)[-1]


def _failure(outcome: str, message: str) -> str:
    """What a test that did not pass said (its first assertion line); nothing for one that passed."""
    return message.strip() if outcome in ("failed", "error", "xpassed") else ""


def _how(declared: bool, measured: bool) -> str:
    return ", ".join(w for w, on in (("declared", declared), ("measured", measured)) if on)


class _Marks:
    """The links to make in each provision's words: its citations and the defined terms it uses."""

    def __init__(self, bill: Bill, pages: _Pages, matrix: Matrix) -> None:
        self.bill, self.pages, self.matrix = bill, pages, matrix
        self.citations: dict[str, list[Citation]] = {}
        for citation in sorted(bill.citations, key=lambda c: (c.line, c.column)):
            self.citations.setdefault(citation.source, []).append(citation)
        self.terms: dict[str, list[Mark]] = {}
        self.tips: dict[str, list[list[str]]] = {}  # a definition's id: [tooltip, form, form, ...] per term
        for definition in bill.definitions:
            words = _definition_text(bill.get(definition.provision))
            where = "; ".join(w for w in (pages.label(definition.provision), _words_note(matrix, definition.provision))
                              if w)
            tooltip = f"\u201c{definition.term}\u201d ({where}): {words}"
            if len(tooltip) > 320:
                tooltip = tooltip[:317].rsplit(" ", 1)[0] + " ..."
            forms = definition.forms or (definition.term,)
            self.tips.setdefault(definition.provision, []).append([tooltip, *forms])
            mark = Mark(definition.term, pages.href(definition.provision), "", "", forms=forms)
            for use in definition.uses:
                self.terms.setdefault(use, []).append(mark)

    def of(self, provision: Provision) -> list[Mark]:
        """The marks of one provision's words.  A link to its own page is a bare ``#anchor``; the
        tooltips of defined terms and internal citations come from the site's scripts (terms.js,
        ids.js), an external citation's is its address, which the browser shows: none is repeated
        at every use."""
        bill, pages = self.bill, self.pages
        here = pages.page[provision.id]
        marks = []
        for citation in self.citations.get(provision.id, ()):
            if citation.kind == "act-self":
                marks.append(Mark(citation.text, "index.html", "", "bt-c"))
            elif citation.targets and all(t in bill for t in citation.targets):
                marks.append(Mark(citation.text, pages.href(citation.targets[0], here), "", "bt-c"))
            elif citation.url:
                marks.append(Mark(citation.text, citation.url, "", "bt-x"))
        local = f"{here}.html#"
        return marks + [dataclasses.replace(m, href=m.href[len(local) - 1:]) if m.href.startswith(local) else m
                        for m in self.terms.get(provision.id, [])]


def _definition_text(provision: Provision) -> str:
    return _quotes(" ".join(p.full_text if p is not provision else " ".join(x for x in (p.text, p.flush) if x)
                            for p in provision.walk()))


def _references(ids: Sequence[str], bill: Bill, pages: _Pages) -> list[dict[str, str]]:
    """Provision ids as links to their provisions (an id the bill lacks is shown as it is)."""
    return [{"label": bill.get(i).label, "href": pages.href(i)} if i in bill else {"label": i, "href": ""}
            for i in ids]


def _parameter_view(parameter: Any, bill: Bill, pages: _Pages) -> dict[str, Any]:
    return {"name": parameter.name, "anchor": f"param-{slug(parameter.name)}", "question": parameter.question,
            "default": parameter.default, "meanings": list(parameter.meanings),
            "provisions": _references(parameter.provisions, bill, pages)}


def _data_view(source: Any, bill: Bill, pages: _Pages) -> dict[str, Any]:
    return {"file": source.file, "what": source.what, "source": source.source, "compiled": source.compiled,
            "confidence": source.confidence, "provisions": _references(source.provisions, bill, pages)}


def _version_pages(files: dict[str, str], env: jinja2.Environment, comparisons: Sequence[Comparison],
                   matrix: Matrix, inputs: Inputs, pages: _Pages) -> list[dict[str, str]]:
    """The version pages into ``files`` (none when the project holds one text); their nav entries."""
    if not comparisons:
        return []
    verified = {row.provision.id: row.status is Status.VERIFIED for row in matrix.rows}
    coverage = coverages([compare(v, inputs.bill) for v in inputs.versions], verified)
    files["versions.md"] = env.get_template("versions.md.j2").render(**versions_page(comparisons, coverage))
    nav = [{"title": "Overview", "path": "versions.md"}]
    for n, comparison in enumerate(comparisons):
        href = pages.href if comparison.new is inputs.bill else None
        view = pair_page(comparison, href, lambda provision: _nav_title(provision, pages.casing))
        files[pair_page_name(n)] = env.get_template("version-pair.md.j2").render(**view)
        nav.append({"title": f"{comparison.old.meta.version or n + 1} to {comparison.new.meta.version or n + 2}",
                    "path": pair_page_name(n)})
    return nav


def _blocks(root: Provision, matrix: Matrix, inputs: Inputs, pages: _Pages,
            marker: _Marks, owner_of: Mapping[str, str],
            histories: Mapping[str, list[dict[str, str]]]) -> list[dict[str, Any]]:
    """The blocks of one section page, in the order of the text: the section, then each of
    its parts, each holding the parts below it (so a block says only what differs from the
    block around it: its status and provenance are inherited, as the law's structure is).

    Each provision: its words, one line of status, then (collapsed) the rules it
    owns and the tests that check them.  A test is listed once on the page, on
    the first provision that owns a rule it executes or that it is declared for;
    a provision whose rule is owned by another (the first it implements, or the
    ancestor it inherits it from) says "covered by" that rule and links to it.
    """
    rules_by_name = {r.name: r for r in inputs.catalogue.rules}
    listed: set[str] = set()
    here = pages.page[root.id]
    dashboard = any(section.id == root.id for section in matrix.sections)  # the home page has its row

    def visit(provision: Provision, depth: int, parent: Row | None, nested: bool) -> dict[str, Any]:
        row = matrix.row(provision.id)
        marks = marker.of(provision)
        level = 1 if depth == 0 else 2 if depth == 1 and provision.heading else 0
        if level == 1:
            heading_md = md_escape(_nav_title(provision, pages.casing))
        elif level == 2:
            heading_md = md_escape(f"({provision.designation}) {pages.casing.sentence_case(provision.heading)}")
        else:
            heading_md = Markup("")
        lead = Markup("")
        if level == 0:
            lead = Markup("({}) ").format(provision.designation)
            if provision.heading:
                lead += Markup("<i>{}.</i>\u2014").format(provision.heading)
        own = [link for link in row.rules if owner_of[link.name] == provision.id]
        covered = [{"rule": _short_rule(link.name), "href": f"rules.html#{rule_anchor(link.name)}",
                    "owner": pages.label(owner_of[link.name]), "owner_href": pages.href(owner_of[link.name], here)}
                   for link in row.rules if owner_of[link.name] != provision.id and owner_of[link.name] in pages.page]
        elsewhere = {link.name for link in row.rules if owner_of[link.name] != provision.id}
        tests = []
        for test in row.tests:
            if test.nodeid in listed or (test.rules and set(test.rules) <= elsewhere and not test.declared):
                continue
            listed.add(test.nodeid)
            tests.append({"sentence": test.sentence, "href": _test_href(test.nodeid), "outcome": test.outcome,
                          "how": _how(test.declared, test.measured), "message": _failure(test.outcome, test.message)})
        review = _review_view(row.review, pages)
        history = histories.get(provision.id, [])
        note = _block_note(row, parent, root=level == 1)
        own_source = row.provenance.declared_at == provision.id
        # A provision with nothing of its own to link (the bulk of a long bill) gets its status line
        # from the stylesheet: the classes of its block name its status and provenance (where they
        # differ from the block around it), those of its words its roll-up; its id is its anchor.
        rich = bool(own_source or row.rules or row.tests or review or history)
        inherit = nested and parent is not None
        classes = [] if nested else ["bt-p"]
        if not (inherit and parent is not None and parent.status is row.status):
            classes.append(f"s-{_STATUS_CLASS[row.status]}")
        if not (inherit and parent is not None and parent.provenance.status == row.provenance.status):
            classes.append(f"v-{_SOURCE_CLASS.get(row.provenance.status, 'u')}")
        words_classes = ([f"r-{_STATUS_CLASS[row.rollup]}"] if row.rollup else []) + (["bt-r"] if rich else [])
        children = [visit(child, depth + 1, row, nested=depth >= 1) for child in provision.children
                    if pages.page.get(child.id) == here] if depth >= 1 else []
        return {
            "id": provision.id,
            # A part with nothing below it and nothing more to say is its words alone (no block).
            "leaf": nested and not (rich or children or provision.flush or note or covered),
            "label": provision.label,
            "depth": depth,
            "heading_level": level,
            "heading_md": heading_md,
            "css": " ".join(classes),
            "words_css": " ".join(words_classes),
            "rich": rich,
            "text_html": lead + marked_text(_quotes(provision.text), marks),
            "flush_html": marked_text(_quotes(provision.flush), marks) if provision.flush else Markup(""),
            "status": _status_view(row.status),
            "rollup": row.rollup.value if row.rollup else "",
            "review": review,
            "section_href": f"index.html#dash-{root.id}" if level == 1 and dashboard else "",
            "provenance": _provenance_view(provision.id, row.provenance),
            "own_source": own_source,
            "note": note,
            "counts": _counts_text(len(own), row) if row.rules or row.tests else "",
            "covered": covered,
            "rules": [_rule_view(link, rules_by_name) for link in own],
            "tests": tests,
            "history": history,
            "children": children,
        }

    # The section's own block holds none of its parts: a part with a heading starts a
    # Markdown heading (for the table of contents), which cannot stand inside a block.
    top = visit(root, 0, None, nested=False)
    root_row = matrix.row(root.id)
    parts = [visit(child, 1, root_row, nested=False) for child in root.children if pages.page.get(child.id) == here]
    flush = top["flush_html"]
    top["flush_html"] = Markup("")
    blocks = [top, *parts]
    if flush:
        blocks.append({"flush": flush})
    return blocks


def _block_note(row: Row, parent: Row | None, *, root: bool) -> str:
    """Why a provision has its status, where the page does not already say it.

    A container's tally is said once, at the top of its section (each part below shows its
    own status); a reason for not formalizing a part is said where it is declared, not again on
    each part that takes it from the provision above.
    """
    if row.status is Status.CONTAINER:
        if not root or row.below is None:
            return ""
        counts = [f"{row.below.counts[s]} {s.value}" for s in _STATUS_ORDER if row.below.counts[s]]
        return f"{row.below.total} provisions below: {', '.join(counts)}"
    if row.status in (Status.VERIFIED, Status.PENDING):
        return ""
    if (row.status is Status.NOT_FORMALIZED and parent is not None and parent.reason == row.reason
            and parent.status is Status.NOT_FORMALIZED):
        return ""
    return row.explanation


def _counts_text(rules: int, row: Row) -> str:
    """``2 rules · 289 tests (270 run its rules, 19 only marked for it)``: the counts as coverage gives them."""
    parts = [f"{rules} rule{'' if rules == 1 else 's'}"] if rules else []
    if row.tests:
        parts.append(row.counts.text)
    return " \u00b7 ".join(parts)


def _review_view(item: Review | None, pages: _Pages) -> dict[str, Any] | None:
    """A stale review as the pages show it (None for a current one, or where nothing rests on the words)."""
    if item is None or not item.stale:
        return None
    below = [{"id": pid, "href": pages.href(pid) if pid in pages.page else ""}
             for pid in (*item.below, *item.added, *item.dropped)]
    return {"state": item.state.value, "label": _REVIEW_LABELS[item.state], "summary": item.summary,
            "diff_html": _diff_html(item.diff), "below": below, "advice": advice(item), "id": item.id,
            "rules": [{"href": f"rules.html#{rule_anchor(r)}", "short": _short_rule(r)} for r in item.rules],
            "reviewed_words": _quotes(item.reviewed_words or "")}


def _diff_html(diff: Sequence[WordChange]) -> Markup:
    """A word diff as HTML: shared words as text, old words in ``<del>``, new words in ``<ins>``."""
    parts = []
    for change in diff:
        if change.op == "equal":
            parts.append(html_escape(_quotes(change.old)))
            continue
        if change.old:
            parts.append(Markup("<del>{}</del>").format(_quotes(change.old)))
        if change.new:
            parts.append(Markup("<ins>{}</ins>").format(_quotes(change.new)))
    return Markup(" ").join(parts)


def _rule_view(link: Any, rules_by_name: Mapping[str, Any]) -> dict[str, Any]:
    rule = rules_by_name[link.name]
    return {
        "name": rule.name,
        "href": f"rules.html#{rule_anchor(rule.name)}",
        "doc_html": doc_html(rule.doc),
        "file_href": f"{_source_page(rule.path)[:-3]}.html#L-{rule.line_start}",
        "file_label": f"{rule.path}, lines {rule.line_start}\u2013{rule.line_end}",
        "coverage_text": link.figure,
        "missed_text": " \u00b7 ".join(
            ([f"lines no test executed: {', '.join(map(str, link.missed))}"] if link.missed else [])
            + ([f"branches no test took: {', '.join(map(arc_text, link.branches_missed))}"]
               if link.branches_missed else [])),
    }


def _home(matrix: Matrix, inputs: Inputs, pages: _Pages) -> dict[str, Any]:
    bill, meta = inputs.bill, inputs.bill.meta
    tally = matrix.tally
    facts: list[tuple[str, str]] = []
    if meta.citation:
        facts.append(("Measure", meta.citation + (f" ({meta.version})" if meta.version else "")))
    if meta.congress:
        congress = f"{_ordinal(meta.congress)} Congress"
        facts.append(("Congress", congress + (f", {_ordinal(meta.session)} session" if meta.session else "")))
    for key, value in (("Version", meta.version_name), ("Short title", meta.short_title),
                       ("Long title", meta.long_title)):
        if value:
            facts.append((key, value))
    facts.extend(_masthead_facts(meta))
    if meta.committees:
        facts.append(("Committees", "; ".join(meta.committees)))
    facts.append(("Text", f"{bill.source} ({sum(1 for _ in bill.walk())} provisions)"))
    sections = []
    for section in matrix.sections:
        total = section.tally.total or 1
        segments = [{"slug": s.slug, "css": f"s-{_STATUS_CLASS[s]}",
                     "width": f"{100 * section.tally.counts[s] / total:.1f}",
                     "title": f"{section.tally.counts[s]} {s.value}"}
                    for s in _STATUS_ORDER if section.tally.counts[s]]
        sections.append({
            "id": section.id, "href": f"{pages.page[section.id]}.html",
            "label": _nav_title(bill.get(section.id), pages.casing),
            "heading": "", "segments": segments, "percent_text": _percent(section.tally),
            "aria": ", ".join(s["title"] for s in segments), "stale": section.tally.stale,
        })
    return {
        "title": " — ".join(p for p in (meta.citation, meta.short_title) if p) or bill.source,
        "notice_title": inputs.notice,
        "notice": _notice(matrix, inputs) if inputs.notice else "",
        "facts": facts,
        "tally": {"percent_text": _percent(tally), "verified": tally.verified, "operative": tally.operative,
                  "counts": {s.value: n for s, n in tally.counts.items()}},
        "statuses": [_status_view(s) for s in _STATUS_ORDER],
        "sections": sections,
        "review": _review_counts(matrix),
    }


def _masthead_facts(meta: Meta) -> list[tuple[str, str]]:
    """The sponsor and co-sponsors the first action names, the date, then each action of the masthead."""
    facts: list[tuple[str, str]] = []
    actions = [a.text for a in meta.actions]
    if meta.sponsor:
        parts = sponsorship(meta.sponsor)
        if parts.sponsor:
            facts.append(("Sponsor", parts.sponsor))
        if parts.cosponsors:
            facts.append(("Co-sponsor" if len(parts.cosponsors) == 1 else "Co-sponsors", ", ".join(parts.cosponsors)))
        if actions and " ".join(actions[0].split()) == " ".join(meta.sponsor.split()):
            actions[0] = parts.action
    if meta.date:
        facts.append(("Date", _day(meta.date)))
    for n, (action, text) in enumerate(zip(meta.actions, actions, strict=True)):
        # a later action is dated, unless its words carry the date ("Passed the Senate October 1, 2025.")
        dated = n > 0 and action.date is not None and str(action.date.year) not in text
        facts.append(("Action", f"{_day(action.date)}: {text}" if dated and action.date else text))
    return facts


def _day(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _review_counts(matrix: Matrix) -> dict[str, Any]:
    """How many provisions' words changed since review, were never reviewed, or are gone."""
    reviews = matrix.tally.reviews
    figures = [{"state": ReviewState.CHANGED.value, "count": reviews[ReviewState.CHANGED],
                "label": _REVIEW_LABELS[ReviewState.CHANGED]}]
    if reviews[ReviewState.AFFECTED]:
        figures.append({"state": ReviewState.AFFECTED.value, "count": reviews[ReviewState.AFFECTED],
                        "label": _REVIEW_LABELS[ReviewState.AFFECTED]})
    if reviews[ReviewState.UNREVIEWED]:
        figures.append({"state": ReviewState.UNREVIEWED.value, "count": reviews[ReviewState.UNREVIEWED],
                        "label": _REVIEW_LABELS[ReviewState.UNREVIEWED]})
    if matrix.removed:
        figures.append({"state": ReviewState.REMOVED.value, "count": len(matrix.removed),
                        "label": "reviewed provisions gone from the text"})
    return {"figures": figures, "stale": matrix.tally.stale + len(matrix.removed),
            "current": reviews[ReviewState.CURRENT]}


def _percent(tally: Any) -> str:
    return "—" if tally.operative == 0 else f"{tally.percent:.1f}%"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _notice(matrix: Matrix, inputs: Inputs) -> str:
    bill = inputs.bill
    name = bill.meta.citation or "this bill"
    if not inputs.provenance.recorded:
        return (f"This is a working text of {name}. Where its words come from is not recorded, so do not "
                f"take any of them for the official text of the bill.")
    runs: list[list[str]] = []
    counts = {"official": 0, "summary": 0, "assumed": 0, "unrecorded": 0}
    previous = False
    for row in matrix.rows:
        status = row.provenance.status
        counts[status] = counts.get(status, 0) + 1
        if status == "official":
            if not previous:
                runs.append([])
            runs[-1].append(row.provision.label)
        previous = status == "official"
    spans = [run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs]
    official = (f"Only {_join(spans)} {'is' if len(spans) == 1 and len(runs[0]) == 1 else 'are'} the "
                f"official words of the bill") if spans else "None of it is the official words of the bill"
    rest = []
    if counts["summary"]:
        rest.append(f"{counts['summary']} provisions were drafted from a summary")
    if counts["assumed"]:
        rest.append(f"{counts['assumed']} were assumed where the summary is silent")
    if counts["unrecorded"]:
        rest.append(f"{counts['unrecorded']} have no recorded source")
    tail = f"; {_join(rest)}." if rest else "."
    return f"This is a working text of {name}, not the bill as published. {official}{tail}"


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _matrix_page(matrix: Matrix, inputs: Inputs, pages: _Pages) -> dict[str, Any]:
    """The matrix page: its filters and downloads; its rows come from ``assets/matrix.js``."""
    tally = matrix.tally
    headline = (f"{tally.verified} of {tally.operative} operative provisions are verified "
                f"({_percent(tally)}).")
    provenance = [{"status": k, "label": v, "count": sum(1 for r in matrix.rows if r.provenance.status == k)}
                  for k, v in _PROVENANCE_LABELS.items()]
    return {"rows": len(matrix.rows), "statuses": [_status_view(s) for s in _STATUS_ORDER],
            "counts": {s.value: n for s, n in tally.counts.items()}, "headline": headline,
            "provenance": [p for p in provenance if p["count"]],
            "problems": list(matrix.problems), "stale": tally.stale,
            "removed": [_review_view(r, pages) for r in matrix.removed]}


def _matrix_script(matrix: Matrix, pages: _Pages) -> str:
    """Every provision's row of the matrix, as a script the matrix page draws its table from.

    A script rather than a fetch of ``matrix.json``: the site works from ``file://`` (the
    offline plugin), where a page may load a script but not read a file.  The rows are
    arrays (the names of their fields are ``columns``); a rule and a note, repeated on many
    rows, are written once in ``rules`` and ``notes`` and given by their index.
    """
    owner_of = rule_owners(matrix)
    rules: dict[str, int] = {}
    notes: dict[str, int] = {}
    rows = []
    for row in matrix.rows:
        note = "" if row.status in (Status.VERIFIED, Status.PENDING, Status.CONTAINER) else row.explanation
        review = row.review if row.review is not None and row.review.stale else None
        rows.append([
            row.id, pages.page[row.id], row.provision.label, row.depth, row.status.slug,
            row.rollup.value if row.rollup else "", row.provenance.status,
            row.review.state.value if row.review is not None else "", 1 if review else 0,
            len(row.tests), row.counts.passing, row.counts.running,
            [rules.setdefault(r.name, len(rules)) for r in row.rules if owner_of[r.name] == row.id],
            ", ".join(sorted({pages.label(owner_of[r.name]) for r in row.rules if owner_of[r.name] != row.id})),
            notes.setdefault(note, len(notes)),
            review.summary if review else "",
            [[c.op, _quotes(c.old), _quotes(c.new)] for c in review.diff] if review else [],
        ])
    data = {
        "columns": ["id", "page", "label", "depth", "status", "rollup", "provenance", "review", "stale", "tests",
                    "passing", "running", "rules", "covered", "note", "review_summary", "review_diff"],
        "statuses": {s.slug: s.value for s in _STATUS_ORDER},
        "provenance": _PROVENANCE_LABELS,
        "reviews": {state.value: label for state, label in _REVIEW_LABELS.items()},
        "rules": [[_short_rule(name), f"rules.html#{rule_anchor(name)}"] for name in rules],
        "notes": list(notes),
        "rows": rows,
    }
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return f"/* Generated by billtrace: the rows of the matrix page. */\nwindow.billtraceMatrix = {text};\n"


def _glossary(bill: Bill, pages: _Pages, matrix: Matrix) -> list[dict[str, Any]]:
    entries = []
    seen: set[str] = set()
    for definition in sorted(bill.definitions, key=lambda d: (d.term.casefold(), d.provision)):
        anchor = "term-" + slug(definition.term)
        if anchor in seen:
            anchor += "-" + slug(definition.provision)
        seen.add(anchor)
        provision = bill.get(definition.provision)
        words = _definition_text(provision)
        # The definition's opening words: the whole is one link away, on its section's page (and in
        # the term's tooltip), so a bill of a thousand definitions does not carry every one twice.
        excerpt = words if len(words) <= _EXCERPT else words[:_EXCERPT].rsplit(" ", 1)[0] + " \u2026"
        entries.append({
            "term": definition.term, "anchor": anchor, "href": pages.href(provision.id),
            "words": _words_badges(matrix, pages, provision.id),
            "label": provision.label, "kind": definition.kind.replace("-", " "),
            "scope": "the whole Act" if definition.scope == "act" else pages.label(definition.scope)
            if definition.scope in bill else definition.scope,
            "excerpt": excerpt,
            **_uses(definition.uses, bill, pages),
        })
    return entries


_USES_LISTED = 12  # a term used in more provisions is listed by section, with a count each
_EXCERPT = 120  # the characters of a definition's words the glossary shows


def _uses(uses: Sequence[str], bill: Bill, pages: _Pages) -> dict[str, Any]:
    """Where a term is used: each provision, or, for a term used widely, each section (the
    section's page links every use) with how many uses it holds, the first few sections only."""
    found = [u for u in uses if u in bill]
    if len(found) <= _USES_LISTED:
        return {"uses": [{"href": pages.href(u), "label": pages.label(u)} for u in found], "use_count": len(found),
                "use_sections": [], "more_sections": 0}
    by_section: dict[str, int] = {}
    for use in found:
        by_section[pages.page[use]] = by_section.get(pages.page[use], 0) + 1
    listed = [{"href": f"{page}.html", "label": pages.label(page), "count": count}
              for page, count in list(by_section.items())[:_USES_LISTED]]
    return {"uses": [], "use_count": len(found), "use_sections": listed,
            "section_count": len(by_section), "more_sections": len(by_section) - len(listed)}


def _rules_index(matrix: Matrix, inputs: Inputs, pages: _Pages) -> list[dict[str, Any]]:
    tests_by_id = {t.nodeid: t for t in inputs.results.tests}
    owner_of = rule_owners(matrix)
    views = []
    for rule in inputs.catalogue.rules:
        cov = inputs.measured.get(rule.name)
        nodeids = [n for n in (cov.executed_by if cov else {}) if n in tests_by_id]
        views.append({
            "name": rule.name, "anchor": rule_anchor(rule.name),
            "provisions": [{"id": p, "href": pages.href(p), "label": pages.label(p)}
                           for p in rule.provisions if p in inputs.bill],
            "file_href": f"{_source_page(rule.path)[:-3]}.html#L-{rule.line_start}",
            "file_label": f"{rule.path}, lines {rule.line_start}\u2013{rule.line_end}",
            "coverage_text": cov.figure if cov else "no statements measured",
            "doc_html": doc_html(rule.doc),
            "tests": [{"href": _test_href(n), "sentence": tests_by_id[n].sentence,
                       "outcome": tests_by_id[n].outcome} for n in nodeids],
            "passing": sum(1 for n in nodeids if tests_by_id[n].outcome == "passed"),
            # Its tests are listed once, under the provision that owns it (the first it implements).
            "owner": {"href": pages.href(owner_of[rule.name]), "label": pages.label(owner_of[rule.name])}
            if rule.name in owner_of and owner_of[rule.name] in pages.page else None,
        })
    return views


def _tests_index(inputs: Inputs, pages: _Pages) -> list[dict[str, Any]]:
    rules_by_name = {r.name: r for r in inputs.catalogue.rules}
    executed: dict[str, list[str]] = {}
    for name, cov in inputs.measured.items():
        for nodeid in cov.executed_by:
            executed.setdefault(nodeid, []).append(name)
    groups: dict[str, list[dict[str, Any]]] = {}
    for test in inputs.results.tests:
        rules = sorted(executed.get(test.nodeid, []))
        measured = list(dict.fromkeys(p for r in rules for p in rules_by_name[r].provisions if p in inputs.bill))
        groups.setdefault(test.path, []).append({
            "anchor": test_anchor(test.nodeid), "nodeid": test.nodeid, "sentence": test.sentence,
            "outcome": test.outcome, "line": test.line, "message": _failure(test.outcome, test.message),
            "declared": [{"href": pages.href(p), "label": pages.label(p)} for p in test.provisions
                         if p in inputs.bill],
            "measured": [{"href": pages.href(p), "label": pages.label(p)} for p in measured],
            "rules": [{"href": f"rules.html#{rule_anchor(r)}", "short": _short_rule(r)} for r in rules],
        })
    return [{"path": path, "anchor": "file-" + slug(path), "page": test_page(path), "tests": tests,
             "href": test_page(path)[:-3] + ".html",
             "passed": sum(1 for t in tests if t["outcome"] == "passed")}
            for path, tests in sorted(groups.items())]


def _provenance_page(matrix: Matrix, inputs: Inputs, pages: _Pages) -> dict[str, Any]:
    # The entries of the table, each with the provisions that take it: a provision without
    # an entry of its own takes its nearest ancestor's, so listing every row would repeat them.
    takers: dict[str, int] = {}
    for r in matrix.rows:
        if r.provenance.declared_at:
            takers[r.provenance.declared_at] = takers.get(r.provenance.declared_at, 0) + 1
    rows = [{"id": r.id, "label": r.provision.label, "href": pages.href(r.id), "depth": r.depth,
             "status": r.provenance.status, "note": r.provenance.note, "takers": takers.get(r.id, 1) - 1}
            for r in matrix.rows if r.provenance.declared_at == r.id]
    counts = {status: sum(1 for r in matrix.rows if r.provenance.status == status) for status in _PROVENANCE_LABELS}
    path = inputs.provenance.path
    root_relative = path
    return {"notice": _notice(matrix, inputs), "recorded": inputs.provenance.recorded,
            "path": root_relative, "rows": rows,
            "counts": [{"status": k, "label": _PROVENANCE_LABELS[k], "count": n} for k, n in counts.items() if n]}


def _example(example: Example, bill: Bill, pages: _Pages, matrix: Matrix) -> dict[str, Any]:
    return {
        "title": example.title, "anchor": "example-" + slug(example.title), "scenario": example.scenario,
        "inputs": list(example.inputs),
        "steps": [{
            "rule": step.rule, "rule_href": f"rules.html#{rule_anchor(step.rule)}", "value": step.value,
            "reasons": [{"href": pages.href(r.provision) if r.provision in bill else "#",
                         "label": pages.label(r.provision) if r.provision in bill else r.provision,
                         "words": _words_badges(matrix, pages, r.provision) if r.provision in bill else None,
                         "statement": r.statement} for r in step.reasons],
        } for step in example.steps],
    }


