"""``billtrace init``: a new bill project from any bill in the GPO plain-text layout.

The project gets a ``pyproject.toml`` with ``[tool.billtrace]``, the bill under ``statute/``,
a rules package with one module per section (its docstring quotes each provision's words;
it declares nothing yet), a tests folder with one example test, and a README saying what to
do next.  Everything is written into a temporary folder beside the target and moved into
place whole, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import importlib.metadata
import keyword
import os
import re
import shutil
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from generator.errors import GeneratorError
from generator.project.files import ordinary_mode
from grammar import Bill, Diagnostic, Provision, parse_file

__all__ = ["Scaffold", "init_project", "section_modules"]

# Units that hold sections rather than being one: their sections get modules, they do not.
_CONTAINERS = frozenset({"division", "title", "subtitle", "chapter", "subchapter", "part", "subpart"})
_WIDTH = 88


@dataclass(frozen=True, slots=True)
class Scaffold:
    """What ``init`` made: the project's root, its rules package and its section modules."""

    root: Path
    package: str
    modules: tuple[str, ...]
    operative: int  # provisions in the bill, all pending until a rule or a declaration names them
    diagnostics: tuple[Diagnostic, ...] = ()  # what the grammar found to check in the bill's text


def section_modules(bill: Bill) -> tuple[tuple[str, Provision], ...]:
    """The module name and provision of every unit that gets a module: sections, and the
    top-level units of a resolution (its resolving and whereas clauses)."""
    found: list[tuple[str, Provision]] = []

    def visit(provision: Provision) -> None:
        if provision.kind in _CONTAINERS:
            for child in provision.children:
                visit(child)
            return
        found.append((_module_name(provision.id), provision))

    for top in bill.provisions:
        visit(top)
    return tuple(found)


def init_project(target: Path, bill_file: Path, *, package: str = "rules") -> Scaffold:
    """Make a new project at ``target`` for the bill in ``bill_file``.

    Raises:
        BillError: the bill cannot be parsed (nothing is written).
        GeneratorError: ``target`` exists and is not an empty directory, or ``package`` is
            not a Python name.
    """
    _check_package(package)
    target = target.resolve()
    if target.exists() and not target.is_dir():
        raise GeneratorError(f"{target}: already exists and is a file, not a directory")
    if target.exists() and any(target.iterdir()):
        raise GeneratorError(f"{target}: already exists and is not an empty directory")
    bill = parse_file(bill_file)
    text_name = bill_file.name if bill_file.suffix == ".txt" else f"{bill_file.stem}.txt"
    modules = section_modules(bill)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        staging.chmod(ordinary_mode(directory=True))  # mkdtemp's 0700 would hide the project from the group
    except OSError as error:
        raise GeneratorError(f"{target}: cannot create it: {error.strerror or error}") from None
    try:
        _write_project(staging, bill, bill_file, text_name, package, modules)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise GeneratorError(f"{target}: cannot write the project: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Scaffold(target, package, tuple(name for name, _ in modules), sum(1 for _ in bill.walk()),
                    bill.diagnostics)


_RESERVED = frozenset({"grammar", "provisions", "generator", "tests", "statute", "site", "benchmarks"})


def _check_package(package: str) -> None:
    """Refuse a package name that is not a lower-case Python name or that would shadow a module
    the project imports (``os``, ``pytest``, billtrace's own packages, the project's folders)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", package) or keyword.iskeyword(package):
        raise GeneratorError(f"--package {package!r}: not a lower-case Python name (letters, digits, _)")
    installed = importlib.metadata.packages_distributions()  # top-level names of installed distributions
    if package in _RESERVED or package in sys.stdlib_module_names or package in installed:
        raise GeneratorError(f"--package {package!r}: that name is taken (a module Python or billtrace "
                             f"already imports, or a folder of the project); choose another")


def _write_project(root: Path, bill: Bill, bill_file: Path, text_name: str, package: str,
                   modules: tuple[tuple[str, Provision], ...]) -> None:
    (root / "statute").mkdir()
    shutil.copyfile(bill_file, root / "statute" / text_name)
    (root / package).mkdir()
    (root / "tests").mkdir()
    title = _title(bill)
    (root / "pyproject.toml").write_text(_pyproject(bill, text_name, package), encoding="utf-8")
    (root / package / "__init__.py").write_text(_package_init(title, package, modules), encoding="utf-8")
    for name, provision in modules:
        (root / package / f"{name}.py").write_text(_section_module(provision), encoding="utf-8")
    example = next((p for _, section in modules for p in section.walk() if not p.children), None)
    (root / "tests" / "test_example.py").write_text(_example_test(package, len(modules), example),
                                                    encoding="utf-8")
    (root / "README.md").write_text(_readme(title, text_name, package, modules), encoding="utf-8")
    (root / ".gitignore").write_text(".billtrace/\nsite/\n__pycache__/\n", encoding="utf-8")


def _title(bill: Bill) -> str:
    meta = bill.meta
    parts = [meta.citation, f"({meta.congress}th Congress)" if meta.congress else None, meta.short_title]
    return " ".join(p for p in parts if p) or bill.source


def _pyproject(bill: Bill, text_name: str, package: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (bill.meta.citation or Path(text_name).stem).lower()).strip("-") or "bill"
    document = {
        "build-system": {"requires": ["setuptools>=77"], "build-backend": "setuptools.build_meta"},
        # billtrace itself is not on a package index: install it beside this project (its README).
        "project": {"name": f"{slug}-rules", "version": "0.1.0", "requires-python": ">=3.11"},
        "tool": {
            "setuptools": {"packages": {"find": {"include": [package, f"{package}.*"]}}},
            "billtrace": {"bill": f"statute/{text_name}", "rules": package,
                          "reviewed": f"{package}/reviewed-text.toml", "tests": ["tests"],
                          "coverage": [package]},
            "pytest": {"ini_options": {
                "testpaths": ["tests"], "pythonpath": ["."], "strict_markers": True,
                "addopts": "-p generator.trace.pytest_plugin",
                "markers": ["provision(*ids): the provision(s) of the bill a test checks"],
            }},
        },
    }
    return "# A billtrace project: `billtrace config` shows what each setting is and where it came from.\n" \
        + tomli_w.dumps(document)


def _package_init(title: str, package: str, modules: tuple[tuple[str, Provision], ...]) -> str:
    names = ", ".join(f'"{package}.{name}"' for name, _ in modules)
    return f'''"""The executable rules of {_doc_line(title)}, one module per section of the bill."""

from __future__ import annotations

from dataclasses import dataclass

from provisions.kit import RulesPackage
from provisions.kit.parameters import check_choices, from_strings


@dataclass(frozen=True, slots=True)
class Parameters:
    """Every reading the bill leaves open, each a named choice with its default first.

    Add one field per open question, e.g.
    ``review_period_counting: Literal["calendar-days", "days-of-session"] = "calendar-days"``.
    """

    def __post_init__(self) -> None:
        check_choices(self)


RULES = RulesPackage(
    name="{package}",
    title={title!r},
    sections=({names}{"," if len(modules) == 1 else ""}),
    parameters=Parameters,
    parameters_from_strings=lambda values: from_strings(Parameters, values),
)
'''


def _section_module(provision: Provision) -> str:
    label = provision.label.upper() if provision.kind == "section" else provision.label
    heading = f"{label}. {provision.heading.rstrip('.')}." if provision.heading else label
    lines = [f'"""{_doc_line(heading)}', "", "The words this module implements, provision by provision:", ""]
    for unit in provision.walk():
        heading = f"{unit.heading.rstrip('.')}." if unit.heading and (unit.text or unit.flush) else unit.heading
        words = " ".join(part for part in (heading, unit.text, unit.flush) if part)
        lines.append(f"{unit.id} ({unit.label}):")
        lines.extend(textwrap.wrap(_doc_line(words), width=_WIDTH, initial_indent="    ",
                                   subsequent_indent="    ") or ["    (no words of its own)"])
    lines += ['"""', "", "from __future__ import annotations", "",
              "from provisions.kit import Section", "",
              f'section = Section(__name__, "{provision.id}")  # the section it stands for, its rules, its uncoded',
              "implements, not_formalized = section.implements, section.not_formalized", "",
              "# Declare a rule with @implements(\"ID\") above a function returning a Determination, or a",
              "# provision left uncoded with not_formalized(\"ID\", reason=\"...\").  Until then every",
              "# provision of this section is pending in `billtrace coverage`.", ""]
    return "\n".join(lines)


def _example_test(package: str, count: int, example: Provision | None) -> str:
    example_id, example_label = (example.id, example.label) if example else ("ID", "that provision")
    return f'''"""An example test: every id the rules name is one the bill has.

Add tests of your rules beside it, each marked with the provision it checks:
``@pytest.mark.provision("{example_id}")`` above a test that calls the rule for {example_label}.

The fixture ``billtrace_bill`` is the project's bill (the one under statute/, or the copy a
traced run records): read the words through it, never from statute/ directly, so that a
test tests the words its status is shown against.
"""

from __future__ import annotations

from grammar import Bill
from {package} import RULES


def test_every_id_the_rules_name_is_a_provision_of_the_bill(billtrace_bill: Bill) -> None:
    ids = billtrace_bill.ids
    catalogue = RULES.catalogue()
    assert len(RULES.modules()) == {count}
    assert [p for rule in catalogue.rules for p in rule.provisions if p not in ids] == []
    assert [entry.provision for entry in catalogue.not_formalized if entry.provision not in ids] == []
'''


def _readme(title: str, text_name: str, package: str, modules: tuple[tuple[str, Provision], ...]) -> str:
    first = modules[0][0] if modules else "s1"
    return f"""# {title}: rules and their traceability

Made by `billtrace init`. The bill is `statute/{text_name}`; its rules go in `{package}/`, one
module per section (`{package}/{first}.py` ...), each module's docstring quoting the words it
implements. Nothing is declared yet, so every operative provision is *pending*.

## What to do next

1. See where you stand: `billtrace coverage` (every provision, its rules, tests and status).
2. Write a rule: in `{package}/{first}.py`, a function decorated with `@implements("ID")` that
   returns a `provisions.kit.Determination` whose reasons cite the provisions they rest on; or
   declare a provision left uncoded with `not_formalized("ID", reason="...")`.
3. Test it: a test in `tests/` marked `@pytest.mark.provision("ID")`. Run `python -m pytest`.
4. Trace and publish: `billtrace test` (the traced run), then `billtrace build` (the site in
   `site/build/`) and `billtrace serve`.
5. Record what you reviewed: `billtrace review --accept-all` once the rules and tests are read
   against the words; later `billtrace review` names every provision whose words changed.

`billtrace config` shows every setting of `[tool.billtrace]` in `pyproject.toml` and where it
came from.
"""


def _module_name(provision_id: str) -> str:
    name = re.sub(r"\W", "_", provision_id)
    return name if name.isidentifier() and not keyword.iskeyword(name) else f"u_{name}"


def _doc_line(text: str) -> str:
    """Text safe inside a triple-quoted docstring: no backslashes or closing quotes."""
    return " ".join(text.replace("\\", "/").replace('"""', "''").split())
