"""Where the words of each provision come from: ``statute/provenance.toml``.

The file maps provision ids to a ``status`` (``official``: the bill's own words;
``summary``: drafted from an official summary; ``assumed``: drafted where the
summary is silent) and an optional ``note``::

    [s3_3_A]
    status = "official"
    note = "GPO text of the bill as introduced"

The entries may also stand under one ``[provisions]`` table.  A provision
without an entry takes the entry of its nearest ancestor that has one.  When
the file is absent every provision is ``unrecorded``; when it is present but
malformed, reading it fails with a ProvenanceError naming the problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.errors import ProvenanceError
from grammar import Bill

__all__ = ["STATUSES", "Provenance", "Source", "read_provenance"]

STATUSES = ("official", "summary", "assumed")
UNRECORDED = "unrecorded"


@dataclass(frozen=True, slots=True)
class Source:
    """The provenance of one provision."""

    status: str  # official, summary, assumed or unrecorded
    note: str = ""
    declared_at: str | None = None  # the id whose entry this is (itself or an ancestor)


@dataclass(frozen=True, slots=True)
class Provenance:
    """The provenance of every provision, and whether the table exists at all."""

    recorded: bool
    path: str
    by_id: Mapping[str, Source]

    def of(self, provision_id: str) -> Source:
        """The provenance of ``provision_id`` (``unrecorded`` if nothing is known)."""
        return self.by_id.get(provision_id, Source(UNRECORDED))


def read_provenance(path: Path, bill: Bill, *, name: str | None = None) -> Provenance:
    """Read the provenance table for ``bill``; an absent file gives an unrecorded table.

    ``name`` is how pages and messages call the file (default: ``path``).

    Raises:
        ProvenanceError: the file is not TOML, an entry is not a table, its status
            is not one of STATUSES, or its key names no provision of the bill.
    """
    shown = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Provenance(False, shown, MappingProxyType({}))
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ProvenanceError(f"{shown} is not valid TOML: {error}") from None
    except RecursionError:
        raise ProvenanceError(f"{shown} is not valid TOML: nested too deeply") from None
    entries: Any = document.get("provisions", document) if isinstance(document.get("provisions"), dict) \
        else {k: v for k, v in document.items() if isinstance(v, dict)}
    declared: dict[str, Source] = {}
    for key, entry in entries.items():
        if key not in bill:
            raise ProvenanceError(f"{shown}: [{key}] names no provision of the bill")
        if not isinstance(entry, dict):
            raise ProvenanceError(f"{shown}: [{key}] must be a table with status and note")
        status = entry.get("status")
        if status not in STATUSES:
            raise ProvenanceError(f"{shown}: [{key}] status must be one of {', '.join(STATUSES)}, "
                                  f"got {status!r}")
        note = entry.get("note", "")
        if not isinstance(note, str):
            raise ProvenanceError(f"{shown}: [{key}] note must be a string")
        declared[key] = Source(status, note.strip(), key)
    by_id: dict[str, Source] = {}
    for provision in bill.walk():
        own = declared.get(provision.id)
        if own is None:
            own = next((declared[a.id] for a in bill.ancestors(provision.id) if a.id in declared), None)
        if own is not None:
            by_id[provision.id] = own
    return Provenance(True, shown, MappingProxyType(by_id))
