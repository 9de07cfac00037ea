"""The project configuration: ``[tool.billtrace]`` in ``pyproject.toml``, and where each setting came from.

Discovery follows pytest's "finding the rootdir": the project is the directory named by
``--project`` (or ``BILLTRACE_PROJECT``), else the first directory at or above the working
directory whose ``pyproject.toml`` has a ``[tool.billtrace]`` table.  Then, setting by
setting, the first of these that gives a value wins, and values are never merged:

1. a command-line option (``--bill``, ``--reviewed``, ``--site``, ``--state``);
2. an environment variable (``BILLTRACE_BILL``, ``BILLTRACE_REVIEWED``, ``BILLTRACE_SITE``,
   ``BILLTRACE_STATE``, ``BILLTRACE_PROVENANCE``);
3. the ``[tool.billtrace]`` table of that one ``pyproject.toml``;
4. the default.

>>> SETTINGS["bill"].variable
'BILLTRACE_BILL'
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConfigurationError, NotInProjectError

__all__ = ["SETTINGS", "Config", "Setting", "Value", "find_project", "load_config", "shown_path"]

TABLE = "tool.billtrace"


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of ``[tool.billtrace]``: its meaning, its default and how it may be overridden."""

    key: str
    help: str
    default: Any
    kind: str  # "path", "paths", "module", "modules", "text", "number"
    variable: str | None = None  # the BILLTRACE_* variable that overrides it


SETTINGS: Mapping[str, Setting] = {
    setting.key: setting
    for setting in (
        Setting("bill", "the bill text, in the GPO plain-text layout", None, "path", "BILLTRACE_BILL"),
        Setting("versions", "other texts of the bill the project holds (oldest first)", (), "paths"),
        Setting("rules", "the rules package: a module exposing RULES, a RulesPackage", None, "module"),
        Setting("reviewed", "the words each tracked provision was last reviewed against",
                "reviewed-text.toml", "path", "BILLTRACE_REVIEWED"),
        Setting("provenance", "where the words of each provision come from (default: provenance.toml beside the bill)",
                None, "path", "BILLTRACE_PROVENANCE"),
        Setting("tests", "the test paths of the traced run", ("tests",), "paths"),
        Setting("exclude-tests", "test paths left out of the traced run (tooling tests)", (), "paths"),
        Setting("exclude-markers", "pytest markers left out of the traced run", (), "texts"),
        Setting("coverage", "the packages whose execution the traced run measures (default: rules)",
                (), "modules"),
        Setting("verified-share", "the share of a rule's statements its passing tests must execute "
                "for the provision to count as verified (0 to 1; 0: any statement)", 0, "number"),
        Setting("verified-branch-share", "the share of a rule's branches (each way on from an if, a loop, a "
                "match) its passing tests must take for the provision to count as verified (0 to 1; 0: any)",
                0, "number"),
        Setting("state", "where the traced run is kept", ".billtrace", "path", "BILLTRACE_STATE"),
        Setting("site", "where the site's sources and build go", "site", "path", "BILLTRACE_SITE"),
    )
}


@dataclass(frozen=True, slots=True)
class Value:
    """A setting's value and where it came from (``--bill``, ``BILLTRACE_BILL``, ``pyproject.toml``, ``default``)."""

    value: Any
    source: str


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one project, each with its origin; paths are absolute."""

    root: Path
    pyproject: Path
    found_by: str  # how the root was found
    values: Mapping[str, Value]

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value

    @property
    def bill(self) -> Path:
        return Path(self["bill"])

    @property
    def rules(self) -> str:
        return str(self["rules"])

    def relative(self, path: Path) -> str:
        """``path`` as messages show it: relative to the root when inside it."""
        return shown_path(path, self.root)


def shown_path(path: Path, root: Path) -> str:
    """``path`` as messages and pages show it: relative to ``root`` when inside it, else as given.

    The one place a path is made relative for display.
    """
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def find_project(start: Path | None = None, *, project: str | None = None,
                 environ: Mapping[str, str] | None = None) -> tuple[Path, str]:
    """The project root and how it was found.

    Raises:
        NotInProjectError: no ``[tool.billtrace]`` at or above ``start``, or the named
            project has none.
    """
    environ = os.environ if environ is None else environ
    named, how = (project, "--project") if project else (environ.get("BILLTRACE_PROJECT"), "BILLTRACE_PROJECT")
    if named:
        root = Path(named).resolve()
        if not _has_table(root / "pyproject.toml"):
            raise NotInProjectError(f"not a billtrace project ({how}): "
                                    f"no [tool.billtrace] in {root / 'pyproject.toml'}")
        return root, how
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _has_table(candidate / "pyproject.toml"):
            return candidate, "the first pyproject.toml with [tool.billtrace] at or above the working directory"
    raise NotInProjectError(f"not inside a billtrace project: no [tool.billtrace] in pyproject.toml at or above {here}")


def load_config(start: Path | None = None, *, project: str | None = None,
                options: Mapping[str, str | None] | None = None,
                environ: Mapping[str, str] | None = None) -> Config:
    """Find the project and read its settings, each from the first source that gives it.

    Raises:
        NotInProjectError: no project was found.
        ConfigurationError: the table has an unknown key, a value of the wrong type, or
            no ``bill`` or ``rules``.
    """
    environ = os.environ if environ is None else environ
    root, found_by = find_project(start, project=project, environ=environ)
    pyproject = root / "pyproject.toml"
    table = _read_table(pyproject)
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        keys = "key" if len(unknown) == 1 else "keys"
        raise ConfigurationError(f"{pyproject}: unknown {keys} in [tool.billtrace]: {', '.join(unknown)}; "
                                 f"the keys are {', '.join(SETTINGS)}")
    values: dict[str, Value] = {}
    for key, setting in SETTINGS.items():
        option = (options or {}).get(key)
        if option:
            values[key] = Value(_convert(setting, option, root, f"--{key}", base=Path.cwd(), text=True), f"--{key}")
        elif setting.variable and environ.get(setting.variable):
            values[key] = Value(_convert(setting, environ[setting.variable], root, setting.variable,
                                         base=Path.cwd(), text=True), setting.variable)
        elif key in table:
            values[key] = Value(_convert(setting, table[key], root, f"[tool.billtrace] {key}", base=root),
                                "pyproject.toml")
        else:
            default = setting.default
            if key == "coverage":
                default = (values["rules"].value,) if "rules" in values else ()
            values[key] = Value(_convert(setting, default, root, key, base=root) if default is not None else None,
                                "default")
    if values["bill"].source != "pyproject.toml" and values["provenance"].source in ("pyproject.toml", "default") \
            and values["bill"].value is not None:
        # Another bill brings its own provenance table, beside it (as before the configuration existed).
        values["provenance"] = Value(Path(values["bill"].value).parent / "provenance.toml",
                                     f"beside the bill of {values['bill'].source}")
    for required in ("bill", "rules"):
        if values[required].value is None:
            raise ConfigurationError(f"{pyproject}: [tool.billtrace] needs `{required}` ({SETTINGS[required].help})")
    return Config(root, pyproject, found_by, values)


def _has_table(pyproject: Path) -> bool:
    if not pyproject.is_file():
        return False
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge here; a project file must still read cleanly below
    return isinstance(document.get("tool"), dict) and isinstance(document["tool"].get("billtrace"), dict)


def _read_table(pyproject: Path) -> dict[str, Any]:
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigurationError(f"{pyproject}: cannot read: {error.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigurationError(f"{pyproject}: not valid TOML: {error}") from None
    table = document["tool"]["billtrace"]
    return dict(table)


def _convert(setting: Setting, raw: Any, root: Path, where: str, *, base: Path, text: bool = False) -> Any:
    kind = setting.kind
    if kind in ("path", "module", "text"):
        if not isinstance(raw, str) or not raw.strip():
            raise ConfigurationError(f"{where}: should be a non-empty string, not {raw!r}")
        return (base / raw).resolve() if kind == "path" else raw.strip()
    if kind in ("paths", "modules", "texts"):
        # A variable or option lists its paths with the path separator; the table uses a TOML list.
        items = raw.split(os.pathsep) if text and isinstance(raw, str) else raw
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ConfigurationError(f"{where}: should be a list of non-empty strings, not {raw!r}")
        if kind == "paths":
            return tuple((base / item).resolve() for item in items)
        return tuple(item.strip() for item in items)
    if kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 1:
            raise ConfigurationError(f"{where}: should be a number from 0 to 1, not {raw!r}")
        return raw
    raise AssertionError(f"unknown setting kind {kind!r}")  # a programming error: SETTINGS is ours
