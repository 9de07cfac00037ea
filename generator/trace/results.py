"""The results file of a test run: per test, its outcome, duration, provisions and sentence.

Our pytest plugin (``generator.trace.pytest_plugin``) writes it at the end of a
session; ``collect`` reads it.  The format is JSON, tests sorted by node id::

    {"format": 1, "tests": [{"nodeid": "tests/rules/test_s5.py::test_x", "name": "test_x",
      "sentence": "...", "outcome": "passed", "duration": 0.001,
      "provisions": ["s5_a"], "path": "tests/rules/test_s5.py", "line": 12, "message": ""}]}

``message`` is a failed test's first assertion line (optional: older files lack it).

Outcomes: ``passed``, ``failed``, ``error`` (setup or teardown failed),
``skipped``, ``xfailed``, ``xpassed``, ``not run`` (collected, never run).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ResultsError, ResultsMissingError
from generator.project.files import write_atomically

__all__ = ["FORMAT", "OUTCOMES", "Results", "TestResult", "read_results", "sentence_for", "write_results"]

FORMAT = 1
OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "not run")


@dataclass(frozen=True, slots=True)
class TestResult:
    """One test of a run."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    nodeid: str
    name: str
    sentence: str  # the test's name (or first docstring line) as a sentence a reader can follow
    outcome: str
    duration: float
    provisions: tuple[str, ...]  # declared with @pytest.mark.provision
    path: str
    line: int
    message: str = ""  # a failed test's first assertion line (its error, for one that errored)

    @property
    def passed(self) -> bool:
        """True when the test ran and passed."""
        return self.outcome == "passed"

    @property
    def failed(self) -> bool:
        """True when the test (or its setup or teardown) failed, or passed when it should not."""
        return self.outcome in ("failed", "error", "xpassed")


@dataclass(frozen=True, slots=True)
class Results:
    """Every test of one run, sorted by node id."""

    tests: tuple[TestResult, ...]

    def get(self, nodeid: str) -> TestResult | None:
        """The test with this node id, or None."""
        for test in self.tests:
            if test.nodeid == nodeid:
                return test
        return None


def sentence_for(name: str, doc: str | None = None) -> str:
    """A test's name as a sentence: the docstring's first line, else the name in words.

    >>> sentence_for("test_an_import_from_a_member_enters_free_of_duty[lithium]")
    'An import from a member enters free of duty (lithium)'
    """
    first = (doc or "").strip().splitlines()[0].strip() if (doc or "").strip() else ""
    base, _, params = name.partition("[")
    if first:
        words = first
    else:
        words = _apostrophes(re.sub(r"^test_?", "", base).replace("_", " ").strip() or base)
        words = words[:1].upper() + words[1:]
    if params:
        words += f" ({params.rstrip(']')})"
    return words


def _apostrophes(words: str) -> str:
    """The apostrophes a test's name cannot hold, put back where the name shows them: a lone ``s``
    after a word is its possessive ("the secretary s duty" -> "the secretary's duty"), a lone ``t``
    after a word ending in ``n`` a negation ("doesn t" -> "doesn't").  Nothing else is guessed: an
    ``s`` after a word such as "the" or "an" ("an s corporation") stays a word of its own.

    >>> _apostrophes("the secretary s duty doesn t lapse for an s corporation")
    "the secretary's duty doesn't lapse for an s corporation"
    """
    return _NEGATION.sub(r"\1n't", _POSSESSIVE.sub(_possessive, words))


def _possessive(match: re.Match[str]) -> str:
    word = match.group(1)
    return match.group(0) if word.lower() in _NOT_POSSESSED else f"{word}'s"


# A word of letters, then a lone "s" or "t" as a word of its own.
_POSSESSIVE = re.compile(r"\b([A-Za-z]{2,}) s\b")
_NEGATION = re.compile(r"\b([A-Za-z]+)n t\b")
# Words that take no possessive: an "s" after them is a word of its own (an S corporation, schedule S).
_NOT_POSSESSED = frozenset(["a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "by", "for", "from",
                            "with", "as", "is", "are", "was", "no", "not", "schedule", "subchapter", "type",
                            "class", "form", "part", "item", "letter", "plural", "if", "than"])


def write_results(path: Path, results: Results) -> None:
    """Write ``results`` to ``path`` atomically (a temporary file beside it, then a rename)."""
    payload: dict[str, Any] = {
        "format": FORMAT,
        "tests": [
            {
                "nodeid": t.nodeid, "name": t.name, "sentence": t.sentence, "outcome": t.outcome,
                "duration": round(t.duration, 6), "provisions": list(t.provisions),
                "path": t.path, "line": t.line, "message": t.message,
            }
            for t in sorted(results.tests, key=lambda t: t.nodeid)
        ],
    }
    write_atomically(path, json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def read_results(path: Path) -> Results:
    """Read a results file.

    Raises:
        ResultsMissingError: there is no file at ``path``.
        ResultsError: the file is not a results file of this format.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResultsMissingError(f"no test results at {path}") from None
    try:
        payload = json.loads(text)
        if payload.get("format") != FORMAT:
            raise ValueError(f"format {payload.get('format')!r}, expected {FORMAT}")
        tests = tuple(
            TestResult(
                nodeid=str(t["nodeid"]), name=str(t["name"]), sentence=str(t["sentence"]),
                outcome=_outcome(t["outcome"]), duration=float(t["duration"]),
                provisions=tuple(str(p) for p in t["provisions"]), path=str(t["path"]), line=int(t["line"]),
                message=str(t.get("message", "")),
            )
            for t in payload["tests"]
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ResultsError(f"{path} is not a billtrace results file: {error}") from None
    return Results(tuple(sorted(tests, key=lambda t: t.nodeid)))


def _outcome(value: object) -> str:
    if value not in OUTCOMES:
        raise ValueError(f"unknown outcome {value!r}")
    return str(value)
