"""Moving a project to a new text of its bill: every link re-pointed along the alignment, or left for a person.

``plan_migration`` reads the project's files and returns a ``Plan``: the new text of each
file it would change, one ``Edit`` per id re-pointed and one ``Decision`` per id left
untouched for a person, so that nothing moves silently.  An old id is re-pointed when
its provision has exactly one counterpart in the new text, as ``same``, ``renumbered``,
``moved`` or ``reworded``, with a similarity of its own words of at least
``MIN_SIMILARITY`` (0.6: below that, more than about a third of the words differ, and
whether the rule still implements it is a question, not a renumbering), or with own
words that differ only in their numbers (a short "$1,000; or" become "$1,500; or").  Removed, split
and merged provisions, and pairs below the threshold, are decisions.

The files: each kind of ``sites.ID_FILE_KINDS`` (rules and tests source, the provenance
table, data files; a rules module's docstring header follows the section it declares, by
``headings.carry_heading``), the reviewed-text file, and the bill itself (the new text is copied
over it).  A provenance entry is re-pointed with its status and note unchanged; where the words
it covers (its provision's own words, and those of the parts under it that have no entry of
their own) changed, its note speaks of words the text no longer holds: it is listed as a
``Recheck`` for a person to re-read.  The project's other prose (Markdown, TOML and CSV files,
``mentions.prose_files``) is read for citations in words and ids, listed, never edited.

In the reviewed-text file an entry follows its provision; when the words at
and below it are the same (renumbering changes no word), or differ only in references
that follow the renumbering to the same provisions (``impact.words_changed``), it is
recorded as reviewed under the new id, otherwise it keeps the words that were reviewed, so that ``billtrace
review`` shows the word diff and names the rules and tests to re-read.  What its meaning rests on
(``rests_on``) follows too, keyed by the new ids: a provision it rests on whose words are the same
but for references that follow the renumbering gets the digest it has now, any other keeps the
digest reviewed, so that the entry is ``affected`` until a person re-reads it.  A table keyed by
an id that was removed and now names another provision would repeat a key: that entry is
dropped, and listed.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from generator.trace.resting import words_digest
from generator.trace.review import (
    Reviewed,
    ReviewedText,
    diff_text,
    own_digest,
    read_reviewed,
    reviewed_to_toml,
    snapshot,
    word_diff,
)
from generator.versions.compare import Comparison
from generator.versions.headings import carry_heading, carry_unit_lines
from generator.versions.impact import words_changed
from generator.versions.mentions import Mention, prose_files, stale_mentions
from generator.versions.project import ProjectFiles
from generator.versions.sites import ID_FILE_KINDS, Site
from grammar import Provision

__all__ = ["CARRIED", "MIN_SIMILARITY", "Decision", "Edit", "FileChange", "IdMap", "Plan", "Recheck", "id_map",
           "plan_migration"]

MIN_SIMILARITY = 0.6
CARRIED = frozenset({"same", "renumbered", "moved", "reworded"})


@dataclass(frozen=True, slots=True)
class IdMap:
    """Old id -> new id for every provision that is carried over (ids that stay the same included),
    and old id -> why, for every provision left to a person."""

    moves: Mapping[str, str]
    undecided: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Edit:
    """One id re-pointed in one file."""

    path: str
    line: int
    kind: str  # the kind of file: rules, tests, provenance, data, reviewed-text
    context: str
    old: str
    new: str
    change: str


@dataclass(frozen=True, slots=True)
class Decision:
    """One id left untouched (or an entry dropped) for a person, and why."""

    path: str
    line: int
    kind: str
    context: str
    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Recheck:
    """A provenance entry carried to words that changed: its status and note speak of the old words."""

    path: str
    line: int
    old: str
    new: str
    status: str
    note: str
    changed: tuple[str, ...]  # each covered provision whose words changed: "sec. 3(4)(B): includes [-...-]{+...+}"


@dataclass(frozen=True, slots=True)
class FileChange:
    """A file's text before and after the migration."""

    path: Path
    shown: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything a migration would do, and everything it leaves to a person."""

    files: tuple[FileChange, ...]
    edits: tuple[Edit, ...]
    decisions: tuple[Decision, ...]
    notes: tuple[str, ...] = field(default=())
    mentions: tuple[Mention, ...] = field(default=())  # citations in words to re-read (not edited)
    rechecks: tuple[Recheck, ...] = field(default=())  # provenance entries carried to changed words

    def patch(self) -> str:
        """The changes as one unified diff (``git apply``-able, paths relative to the root)."""
        chunks: list[str] = []
        for change in self.files:
            chunks.extend(difflib.unified_diff(
                change.before.splitlines(keepends=True), change.after.splitlines(keepends=True),
                fromfile=f"a/{change.shown}", tofile=f"b/{change.shown}"))
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in chunks)


def id_map(comparison: Comparison, min_similarity: float = MIN_SIMILARITY) -> IdMap:
    """Which old ids follow their provision to the new text, and which are left to a person."""
    moves: dict[str, str] = {}
    undecided: dict[str, str] = {}
    old, new = comparison.old, comparison.new
    by_old: dict[str, list[tuple[str | None, str, float]]] = {}
    for pair in comparison.pairs:
        if pair.old is not None:
            by_old.setdefault(pair.old, []).append((pair.new, pair.change, pair.similarity))
    for old_id, matches in by_old.items():
        label = old.get(old_id).label
        news = [n for n, _, _ in matches if n is not None]
        change, similarity = matches[0][1], matches[0][2]
        if change == "removed":
            reason = f"{label} was removed from the new text"
        elif change == "split":
            reason = f"{label} was split into " + " and ".join(new.get(n).label for n in news)
        elif change == "merged":
            reason = f"{label} was merged into {new.get(news[0]).label}"
        elif change in CARRIED and similarity < min_similarity and not _only_numbers_differ(
                old.get(old_id), new.get(news[0])):
            reason = (f"{label} became {new.get(news[0]).label} with only {similarity:.2f} of its words alike "
                      f"(below {min_similarity:.2f})")
        else:
            moves[old_id] = news[0]
            continue
        if old_id in new and old_id not in news:
            was = [p.old for p in comparison.pairs if p.new == old_id and p.old is not None]
            reason += (f"; careful: in the new text {old_id} is another provision"
                       + (f" (it was {old.get(was[0]).label})" if was else " (a new one)"))
        undecided[old_id] = reason
    return IdMap(MappingProxyType(moves), MappingProxyType(undecided))


_NUMBER = re.compile(r"\$?[0-9][0-9,.]*")


def _only_numbers_differ(old: Provision, new: Provision) -> bool:
    """Whether the two provisions' own words differ only in their numbers (amounts, counts, years):
    a short provision whose amount changed ("$1,000; or" -> "$1,500; or") is the same provision
    amended, however unlike its few words look; the review gate names the change."""
    return _NUMBER.sub("#", old.full_text) == _NUMBER.sub("#", new.full_text)


def plan_migration(comparison: Comparison, project: ProjectFiles, *, new_text: str | None,
                   min_similarity: float = MIN_SIMILARITY) -> Plan:
    """The plan of a migration of ``project`` to ``comparison.new``.

    ``new_text`` is the new bill's text to copy over the project's bill (None: leave the
    bill file as it is, because it already holds the new text).
    """
    mapping = id_map(comparison, min_similarity)
    targets = {new_id for old_id, new_id in mapping.moves.items() if old_id != new_id}
    changes = {pair.old: pair.change for pair in comparison.pairs if pair.old is not None}
    files: list[FileChange] = []
    edits: list[Edit] = []
    decisions: list[Decision] = []
    ids = comparison.old.ids
    scanned: dict[Path, tuple[str, str, str]] = {}  # the files read, before and as the migration leaves them
    links: dict[str, set[tuple[int, str]]] = {}  # by file: the (line, id) of every link found in it
    rechecks: list[Recheck] = []
    for kind in ID_FILE_KINDS:
        for path in kind.files(project):
            try:
                before = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            shown = project.relative(path)
            unreadable = _not_python(path, before)
            if unreadable:
                decisions.append(Decision(shown, unreadable[0], kind.name, "file", "",
                                          f"not valid Python ({unreadable[1]}): no id in it was re-pointed"))
                continue
            sites = list(kind.sites(before, ids))
            links.setdefault(shown, set()).update((s.line, s.id) for s in sites)
            if kind.name == "provenance":
                found, malformed = _rechecks(before, shown, sites, comparison, mapping)
                rechecks.extend(found)
                if malformed:
                    decisions.append(Decision(shown, 0, kind.name, "file", "", f"not valid TOML ({malformed}): "
                                              f"its notes were not checked against the changed words"))
            after, made, left = _repoint(before, sites, mapping, targets, dropping=_DROPPING.get(kind.name))
            edits.extend(Edit(shown, s.line, kind.name, s.context, s.id, mapping.moves[s.id], changes.get(s.id, ""))
                         for s in made)
            heading = carry_heading(before, after, comparison.old, comparison.new, mapping.moves) \
                if kind.name == "rules" else None
            if heading is not None:
                after = heading.text
                edits.append(Edit(shown, heading.line, kind.name, "module docstring", heading.old, heading.new,
                                  "heading"))
            if kind.name == "rules":
                after, listed = carry_unit_lines(after, comparison.old, comparison.new, mapping.moves)
                edits.extend(Edit(shown, e.line, kind.name, "docstring line", e.old, e.new, "") for e in listed)
            decisions.extend(Decision(shown, s.line, kind.name, s.context, s.id, why) for s, why in left)
            if after != before:
                files.append(FileChange(path, shown, before, after))
            scanned[path.resolve()] = (shown, before, after)
    reviewed_change, reviewed_edits, reviewed_decisions = _reviewed(comparison, project, mapping)
    if reviewed_change is not None:
        files.append(reviewed_change)
    edits.extend(reviewed_edits)
    decisions.extend(reviewed_decisions)
    if new_text is not None:
        before = project.bill.read_text(encoding="utf-8")
        if before != new_text:
            files.append(FileChange(project.bill, project.relative(project.bill), before, new_text))
    notes = _new_provisions(comparison, mapping)
    for path in prose_files(project):
        if path not in scanned:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                why = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
                decisions.append(Decision(project.relative(path), 0, "prose", "file", "",
                                          f"cannot be read ({why}): not read for ids and citations in words"))
                continue
            scanned[path] = (project.relative(path), text, text)
    mentions = stale_mentions(scanned.values(), comparison.old, comparison.new, mapping.moves, links=links)
    return Plan(tuple(files), tuple(edits), tuple(decisions), notes, mentions, tuple(rechecks))


def _new_provisions(comparison: Comparison, mapping: IdMap) -> tuple[str, ...]:
    """A note for each provision of the new text that no entry of the project names once migrated: the
    added ones, and the halves of a split (or the union of a merger) whose id no old provision leaves
    its entries under (the half that keeps the old id keeps them, and the old id's decision says so)."""
    old, new = comparison.old, comparison.new
    notes: list[str] = []
    for provision in new.walk():
        new_id = provision.id
        matches = comparison.alignment.of_new(new_id)
        change = matches[0].change if matches else "added"
        if change in {"split", "merged"} and (new_id not in old or new_id in mapping.moves):
            sources = " and ".join(old.get(m.old).label for m in matches if m.old is not None)
            how = f"is new, split from {sources}" if change == "split" else f"is new, merging {sources}"
        elif change == "added":
            how = "is new"
        else:
            continue
        notes.append(f"{new.get(new_id).label} ({new_id}) {how}: give it a provenance entry, and a rule, "
                     f"a not_formalized declaration or a parent that has one")
    return tuple(notes)


def _rechecks(text: str, shown: str, sites: Sequence[Site], comparison: Comparison,
              mapping: IdMap) -> tuple[list[Recheck], str]:
    """The entries of a provenance table that are carried to a provision whose words changed: its own,
    or those of a part under it that has no entry of its own (the entry covers it); and, for a table
    that is not TOML, why (its keys are re-pointed all the same, its notes cannot be read)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [], str(error)
    except RecursionError:
        return [], "nested too deeply"
    nested = document.get("provisions")
    tables = nested if isinstance(nested, dict) else document
    entries = {key: value for key, value in tables.items() if isinstance(value, dict)}
    old, new = comparison.old, comparison.new
    found: list[Recheck] = []
    for site in sites:
        target = mapping.moves.get(site.id)
        if target is None or site.id not in entries:
            continue
        changed: list[str] = []
        for covered in _covered(old.get(site.id), entries):
            now = mapping.moves.get(covered.id)
            if now is not None and covered.full_text != new.get(now).full_text:
                changed.append(f"{new.get(now).label}: "
                               f"{diff_text(word_diff(covered.full_text, new.get(now).full_text), context=6)}")
        if changed:
            entry = entries[site.id]
            found.append(Recheck(shown, site.line, site.id, target, str(entry.get("status", "")),
                                 str(entry.get("note", "")).strip(), tuple(changed)))
    return found, ""


def _covered(provision: Provision, entries: Mapping[str, object]) -> list[Provision]:
    """``provision`` and the parts under it that take their provenance from its entry (no entry of their own)."""
    found = [provision]
    for child in provision.children:
        if child.id not in entries:
            found.extend(_covered(child, entries))
    return found


def _not_python(path: Path, text: str) -> tuple[int, str] | None:
    """(line, message) when ``path`` is Python source that does not parse; None otherwise."""
    if path.suffix != ".py":
        return None
    try:
        ast.parse(text)
    except SyntaxError as error:
        return error.lineno or 0, error.msg
    return None


def _repoint(text: str, sites: Sequence[Site], mapping: IdMap, targets: set[str], *,
             dropping: Callable[[str, Site], tuple[int, int] | None] | None
             ) -> tuple[str, list[Site], list[tuple[Site, str]]]:
    """``text`` with every site of a carried id re-pointed; the sites left, with the reason.

    A site left whose id now names the provision another one is carried to would say two
    things of one id: where ``dropping`` gives the span of its entry (a provenance table, a
    ``not_formalized`` declaration), the entry is dropped, and listed.
    """
    made: list[Site] = []
    left: list[tuple[Site, str]] = []
    cuts: list[tuple[int, int, str]] = []
    for site in sites:
        new_id = mapping.moves.get(site.id)
        if new_id is not None:
            if new_id != site.id:
                made.append(site)
                cuts.append((site.start, site.end, new_id))
            continue
        reason = mapping.undecided.get(site.id, "")
        span = dropping(text, site) if dropping is not None and site.id in targets else None
        if span is not None:
            cuts.append((span[0], span[1], ""))
            left.append((site, reason + f"; its entry is dropped: {site.id} now names the provision "
                                        f"carried there"))
        else:
            left.append((site, reason))
    for start, end, replacement in sorted(cuts, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, made, left


def _table_block(text: str, site: Site) -> tuple[int, int]:
    """The span of the TOML table whose header holds the site: its header line to the next header."""
    start = text.rfind("\n", 0, site.start) + 1
    following = text.find("\n[", site.start)
    return start, (len(text) if following < 0 else following + 1)


def _declaration_block(text: str, site: Site) -> tuple[int, int] | None:
    """The lines of the top-level ``not_formalized(...)`` statement whose first argument is the site, if it is one
    (and the blank line after it); None for any other site."""
    if site.context != "not_formalized":
        return None
    lines = text.splitlines(keepends=True)
    for node in ast.parse(text).body:
        call = node.value if isinstance(node, ast.Expr) else None
        if not (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant)
                and call.args[0].value == site.id and node.lineno <= site.line <= (node.end_lineno or 0)):
            continue
        end_line = node.end_lineno or node.lineno
        if end_line < len(lines) and not lines[end_line].strip():
            end_line += 1  # the blank line that separated it from the next statement
        start = sum(len(line) for line in lines[:node.lineno - 1])
        return start, start + sum(len(line) for line in lines[node.lineno - 1:end_line])
    return None


def _reviewed(comparison: Comparison, project: ProjectFiles,
              mapping: IdMap) -> tuple[FileChange | None, list[Edit], list[Decision]]:
    shown = project.relative(project.reviewed)
    reviewed = read_reviewed(project.reviewed, name=shown)
    if not reviewed.present:
        return None, [], []
    alignment = comparison.alignment
    old, new = comparison.old, comparison.new
    entries: dict[str, Reviewed] = {}
    edits: list[Edit] = []
    decisions: list[Decision] = []
    carried_to = set(mapping.moves.values())
    untouched: list[Reviewed] = []
    for key, entry in reviewed.entries.items():
        target = mapping.moves.get(key)
        if target is None:
            untouched.append(entry)
            continue
        # recorded as reviewed under the new id only when the entry was current against the old
        # text and the words did not change: a pending change stays pending, however many migrations
        words_alike = (key in old and _current(entry, old.get(key))
                       and not words_changed(alignment, key, target))  # references renumbered alone are no change
        rests_on = _rests_on(comparison, entry.rests_on, mapping)
        if words_alike:
            entries[target] = dataclasses.replace(snapshot(new.get(target)), rests_on=rests_on)
        else:
            entries[target] = Reviewed(target, entry.hash, entry.words, MappingProxyType(
                _below(comparison, entry.below, mapping)), rests_on)
        if target != key or (words_alike and entries[target] != entry):
            if not words_alike:
                state = "words changed: the reviewed words are kept, and `billtrace review` names it"
            elif alignment.old_keys[key] == alignment.new_keys[target]:
                state = "words unchanged: recorded as reviewed"
            else:
                state = "only its references renumbered, to the same provisions: recorded as reviewed"
            edits.append(Edit(shown, 0, "reviewed-text", state, key, target,
                              next((p.change for p in comparison.pairs if p.old == key), "")))
    for entry in untouched:
        reason = mapping.undecided.get(entry.id, f"{entry.id} is not a provision of the old text")
        if entry.id in carried_to:
            decisions.append(Decision(shown, 0, "reviewed-text", "entry", entry.id,
                                      reason + f"; its entry is dropped: {entry.id} now names the provision "
                                               f"carried there"))
            continue
        entries[entry.id] = entry
        decisions.append(Decision(shown, 0, "reviewed-text", "entry", entry.id, reason))
    result = ReviewedText(reviewed.path, True, MappingProxyType(entries))
    before = project.reviewed.read_text(encoding="utf-8")
    after = reviewed_to_toml(result, new)
    change = FileChange(project.reviewed, shown, before, after) if after != before else None
    return change, edits, decisions


def _current(entry: Reviewed, provision: Provision) -> bool:
    """Whether ``entry`` records the words ``provision`` has (at it and below it)."""
    now = snapshot(provision)
    return entry.hash == now.hash and dict(entry.below) == dict(now.below)


def _below(comparison: Comparison, below: Mapping[str, str], mapping: IdMap) -> dict[str, str]:
    """An entry's digests of the provisions under it, keyed by their new ids; a part whose own words
    did not change gets the digest it has now (its designation may have), others keep the reviewed one."""
    old, new = comparison.old, comparison.new
    result: dict[str, str] = {}
    for pid, digest in below.items():
        target = mapping.moves.get(pid)
        if target is None:
            result[pid] = digest
            continue
        if pid in old and old.get(pid).full_text == new.get(target).full_text and digest == own_digest(old.get(pid)):
            result[target] = own_digest(new.get(target))
        else:
            result[target] = digest
    return result


def _rests_on(comparison: Comparison, rests_on: Mapping[str, str] | None,
              mapping: IdMap) -> Mapping[str, str] | None:
    """An entry's digests of the provisions its meaning rests on, keyed by their new ids, in the order of
    the new text.  One whose recorded digest was that of its words in the old text, and whose words at
    and below it are the same in the new one but for references that follow a renumbering, gets the
    digest it has now (renumbering changes its hash, not its words); every other keeps the digest that
    was reviewed, which the new words do not have, so the review names it.  One left to a person keeps
    its old id: gone from the new text, or naming another provision there whose words are not those
    reviewed; it holds its key against one carried to it, so that neither passes as reviewed."""
    if rests_on is None:
        return None  # an entry written before they were kept: it stays one
    old, new = comparison.old, comparison.new
    carried: dict[str, str] = {}
    left: dict[str, str] = {}
    for pid, digest in rests_on.items():
        target = mapping.moves.get(pid)
        if target is None:
            left[pid] = digest
        elif (pid in old and digest == words_digest(old.get(pid).hash)
              and not words_changed(comparison.alignment, pid, target)):
            carried[target] = words_digest(new.get(target).hash)
        else:
            carried[target] = digest
    result = {**carried, **left}
    order = {p.id: n for n, p in enumerate(new.walk())}
    return MappingProxyType({pid: result[pid] for pid in sorted(
        result, key=lambda k: (0, order[k], "") if k in order else (1, 0, k))})


# kind of file -> the span of an entry that would collide with a carried one (dropped, and listed)
_DROPPING: dict[str, Callable[[str, Site], tuple[int, int] | None]] = {
    "provenance": _table_block, "rules": _declaration_block}
