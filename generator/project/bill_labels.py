"""The citation label and the words of every provision of a bill (``s5_a`` -> ``sec. 5(a)``), parsed once per text.

``billtrace check`` cites each reason by its provision's label, and says when the words of one it
cites changed since review, so it needs the parsed bill; for a short question, importing the
parser and parsing the bill is most of the command's time.  The labels, words and review digests
are therefore kept in the project's state folder, in a file named by the SHA-256 of the bill's
text and of the source of the parser and of the review's digests: a bill, a parser or a digest
changed in any byte gets another name and is parsed afresh, so a fact never outlives the words
it was read from.  The
file is written whole under a temporary name and renamed into place (never half-written), and is
used only if it is exactly what this module writes; anything else is parsed afresh.

Each parse of a new text prunes the folder to the ``KEPT`` files written last (the current
text's among them), and removes temporary files a writer that died left behind.  It removes only
plain files with the names this module gives, through a handle on the folder itself (never a
path that a link could send elsewhere), and never a folder reached through a link.  A reader
whose file goes meanwhile has it open already or finds it absent, and parses afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeGuard

from grammar.source import read_source

__all__ = ["KEPT", "BillFacts", "bill_facts", "bill_labels"]

_FORMAT = "billtrace-labels-3"
KEPT = 8  # cache files kept: enough for the texts a project moves between (its versions, a diff's two)
_CACHED = re.compile(r"[0-9a-f]{64}\.json")
_TEMPORARY = re.compile(r"\.labels-[^/]*\.tmp")
_ABANDONED = 600.0  # seconds after which a temporary file is a dead writer's, not one at work
_ROOT = Path(__file__).resolve().parent.parent.parent
_GRAMMAR = _ROOT / "grammar"
_DIGESTS = _ROOT / "generator" / "trace" / "review.py"  # own_digest, as the reviewed-text file records it


@dataclass(frozen=True, slots=True)
class BillFacts:
    """What a question needs of the bill, by provision id: its label; its own words (heading, text,
    flush), against which the rules package's bound values are checked; and, to tell whether its
    words are those reviewed (``generator.trace.review``), its ``Provision.hash``, the digest of
    its own words the reviewed text keeps for a part below an entry, and its parent's id ("" for a
    provision at the top)."""

    labels: dict[str, str]
    words: dict[str, str]
    hashes: dict[str, str]
    digests: dict[str, str]
    parents: dict[str, str]


def bill_labels(path: str | os.PathLike[str], state: Path) -> dict[str, str]:
    """Provision id -> label for the bill at ``path``, from ``state`` when this text was parsed before.

    Raises:
        BillError: the bill cannot be read or parsed (as ``grammar.parse_file``), naming the file.
    """
    return bill_facts(path, state).labels


def bill_facts(path: str | os.PathLike[str], state: Path) -> BillFacts:
    """The labels and words of the bill at ``path``, from ``state`` when this text was parsed before.

    Raises:
        BillError: the bill cannot be read or parsed (as ``grammar.parse_file``), naming the file.
    """
    name = os.fspath(path)
    text = read_source(name)  # the bytes checked and decoded as the parser reads them
    key = hashlib.sha256(_parser_digest().encode("ascii") + b"\0" + text.encode("utf-8")).hexdigest()
    cached = state / "labels" / f"{key}.json"
    facts = _read(cached, key)
    if facts is None:
        from generator.trace.review import own_digest
        from grammar.parse import parse_text  # the parser only when the text is new

        bill = parse_text(text, source=name)
        provisions = list(bill.walk())
        parents = dict.fromkeys((p.id for p in provisions), "")
        parents.update({child.id: p.id for p in provisions for child in p.children})
        facts = BillFacts({p.id: p.label for p in provisions}, {p.id: p.full_text for p in provisions},
                          {p.id: p.hash for p in provisions}, {p.id: own_digest(p) for p in provisions}, parents)
        _write(cached, {"format": _FORMAT, "key": key, "labels": facts.labels, "words": facts.words,
                        "hashes": facts.hashes, "digests": facts.digests, "parents": facts.parents})
        _prune(cached.parent, keep=cached.name)
    return facts


@cache
def _parser_digest() -> str:
    """The SHA-256 of the parser's source (its modules and its grammar) and of the module that
    makes the review's digests, once per process."""
    digest = hashlib.sha256()
    for file in [*sorted(_GRAMMAR.glob("*")), _DIGESTS]:
        if file.suffix in (".py", ".lark") and file.is_file():
            digest.update(file.name.encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(cached: Path, key: str) -> BillFacts | None:
    try:
        document = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, unreadable or not JSON: parse afresh
        return None
    if not (isinstance(document, dict) and document.get("format") == _FORMAT and document.get("key") == key):
        return None
    names = ("labels", "words", "hashes", "digests", "parents")  # BillFacts' fields, in order
    maps = [m for m in (document.get(name) for name in names) if _text_map(m)]
    if len(maps) != len(names) or any(m.keys() != maps[0].keys() for m in maps):
        return None
    return BillFacts(*maps)


def _text_map(value: object) -> TypeGuard[dict[str, str]]:
    return (isinstance(value, dict) and bool(value)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()))


def _write(cached: Path, document: dict[str, object]) -> None:
    """Write ``document`` to ``cached`` atomically.  A state folder that cannot be written (a
    read-only checkout) costs only the next run a parse: no answer depends on the file."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cached.parent, prefix=".labels-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False)
        os.replace(temporary, cached)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, *, keep: str) -> None:
    """Leave ``folder`` with at most ``KEPT`` cache files: ``keep`` and those written last.

    Temporary files older than ``_ABANDONED`` go too.  Only plain files named as this module
    names them are removed, by name within a handle on ``folder`` opened without following a
    link.  Like ``_write``, it fails quietly: an entry another process removed first, or a folder
    that cannot be read or written, leaves files that cost only disk space.
    """
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:  # absent, not a folder, or a link to one elsewhere: nothing of ours to prune
        return
    try:
        now, written, abandoned = time.time(), [], []
        with os.scandir(handle) as entries:
            for entry in entries:
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    modified = entry.stat(follow_symlinks=False).st_mtime
                except OSError:  # gone meanwhile
                    continue
                if _CACHED.fullmatch(entry.name) and entry.name != keep:
                    written.append((modified, entry.name))
                elif _TEMPORARY.fullmatch(entry.name) and now - modified > _ABANDONED:
                    abandoned.append(entry.name)
        written.sort(reverse=True)
        for name in [*abandoned, *(name for _, name in written[KEPT - 1:])]:
            try:
                os.unlink(name, dir_fd=handle)
            except OSError:  # removed by another process first, or a folder we may not write
                continue
    except OSError:
        return
    finally:
        os.close(handle)
