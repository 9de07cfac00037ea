"""How a command ends when a test it ran, or a test of the run it reports, failed: exit status 1.

A failing test fails the command that ran it (``test``, ``build``), and a report of a
run in which a test failed (``coverage``, ``trace``, ``report``) is printed whole and
then fails too, saying so in one line, so that a script or a CI job never reads a
failed run as a good one.  Words that changed under reviewed rules fail ``build`` the
same way (the site it built shows them as changed since review) and are said, as a
warning, by ``coverage``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

import click

from generator.trace.matrix import Matrix, Row, words_moved
from generator.trace.results import TestResult

__all__ = ["exit_if_failed", "fail_naming_each", "failed_in", "words_moved_line"]

_NAMED = 3  # node ids a one-line summary names before "and N more"


def failed_in(rows: Iterable[Row]) -> tuple[str, ...]:
    """The node ids of the failed tests of ``rows`` (failed, errored or passed when marked xfail), sorted."""
    return tuple(sorted({t.nodeid for row in rows for t in row.tests if t.outcome in ("failed", "error", "xpassed")}))


def exit_if_failed(command: str, failed: Sequence[str], *, of: str = "the traced run") -> None:
    """Say in one line on standard error that tests of ``of`` failed, naming the first few, and exit
    with status 1; do nothing when ``failed`` is empty.  Called after the report is printed."""
    if not failed:
        return
    named = ", ".join(failed[:_NAMED]) + (f" and {len(failed) - _NAMED} more" if len(failed) > _NAMED else "")
    tests = "1 test" if len(failed) == 1 else f"{len(failed)} tests"
    click.echo(f"error: billtrace {command}: {tests} of {of} failed ({named}); "
               f"`billtrace test` names each with its assertion", err=True)
    sys.exit(1)


def fail_naming_each(failures: Sequence[TestResult]) -> None:
    """Name each failed test with its first assertion line on standard error, and exit with status 1."""
    if not failures:
        return
    for test in failures:
        click.echo(f"FAILED {test.nodeid} ({test.outcome})" + (f": {test.message}" if test.message else ""),
                   err=True)
    click.echo(f"error: {len(failures)} test(s) failed", err=True)
    sys.exit(1)


def words_moved_line(command: str, matrix: Matrix, rows: Sequence[Row] | None = None) -> str:
    """One line saying which reviewed provisions' words changed since review (of ``rows``, or of the
    whole matrix), so that their rules are not verified; empty when none did."""
    moved = words_moved(matrix.rows if rows is None else rows)
    if not moved:
        return ""
    named = ", ".join(f"{r.provision.label} ({r.id})" for r in moved[:_NAMED])
    named += f" and {len(moved) - _NAMED} more" if len(moved) > _NAMED else ""
    which = "1 reviewed provision" if len(moved) == 1 else f"{len(moved)} reviewed provisions"
    return (f"billtrace {command}: the words of {which} changed since review: {named}; what rests on them "
            f"is not verified until a person re-reads it (`billtrace review` lists them)")
