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
from generator.trace.review import Review, ReviewState
from provisions.kit.wording import counted

__all__ = ["exit_if_failed", "fail_naming_each", "failed_in", "tests_counted", "unreviewed_line", "words_moved_line"]

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
    click.echo(f"error: billtrace {command}: {tests_counted(len(failed))} of {of} failed ({named}); "
               f"`billtrace test` names each with its assertion", err=True)
    sys.exit(1)


def fail_naming_each(command: str, failures: Sequence[TestResult]) -> None:
    """Name each failed test with its first assertion line on standard error, then say how many of the
    traced run failed in the words ``exit_if_failed`` uses, and exit with status 1."""
    if not failures:
        return
    for test in failures:
        click.echo(f"FAILED {test.nodeid} ({test.outcome})" + (f": {test.message}" if test.message else ""),
                   err=True)
    click.echo(f"error: billtrace {command}: {tests_counted(len(failures))} of the traced run failed "
               f"(named above)", err=True)
    sys.exit(1)


def tests_counted(count: int) -> str:
    """``1 test``, ``2 tests``.

    >>> tests_counted(1), tests_counted(0), tests_counted(3)
    ('1 test', '0 tests', '3 tests')
    """
    return "1 test" if count == 1 else f"{count} tests"


def words_moved_line(command: str, matrix: Matrix, rows: Sequence[Row] | None = None) -> str:
    """One line saying which reviewed provisions' words changed since review, and which are affected
    (their words are those reviewed, but words they rest on changed), of ``rows`` or of the whole
    matrix, so that their rules are not verified; empty when none.  It uses the review's names::

        billtrace build: the words of 1 reviewed provision changed since review: sec. 4(a)(2) (s4_a_2);
        1 reviewed provision is affected: sec. 6(c)(2) (s6_c_2) rests on words that changed since review
        (sec. 6(c)(1)); what rests on them is not verified until a person re-reads it (...)
    """
    moved = words_moved(matrix.rows if rows is None else rows)
    if not moved:
        return ""
    reviewed = [(r, r.review) for r in moved if r.review is not None]
    changed = [r for r, review in reviewed if review.state is ReviewState.CHANGED]
    affected = [(r, review) for r, review in reviewed if review.state is ReviewState.AFFECTED]
    parts = []
    if changed:
        parts.append(f"the words of {_reviewed(len(changed))} changed since review: "
                     + _first_few(f"{r.provision.label} ({r.id})" for r in changed))
    if affected:
        verb = "is" if len(affected) == 1 else "are"
        parts.append(f"{_reviewed(len(affected))} {verb} affected: "
                     + _first_few(_resting(r, review) for r, review in affected))
    them = "it" if len(moved) == 1 else "them"
    return (f"billtrace {command}: " + "; ".join(parts) + f"; what rests on {them} is not verified until a person "
            f"re-reads it (`billtrace review` lists {them})")


def unreviewed_line(command: str, matrix: Matrix) -> str:
    """One line naming the provisions that rules, tests or declarations rest on whose words no
    one has reviewed, so that their statuses are not taken for a person's reading; empty when none::

        billtrace build: 1 provision that rules or tests rest on was never reviewed: sec. 4(e) (s4_e);
        its status says what its tests ran, not that a person read its rules against its words
        (`billtrace review --accept ID` records a review)
    """
    rows = [r for r in matrix.rows if r.review is not None and r.review.state is ReviewState.UNREVIEWED]
    if not rows:
        return ""
    one = len(rows) == 1
    return (f"billtrace {command}: {counted(len(rows), 'provision')} that rules or tests rest on "
            f"{'was' if one else 'were'} never reviewed: " + _first_few(f"{r.provision.label} ({r.id})" for r in rows)
            + f"; {'its status says' if one else 'their statuses say'} what {'its' if one else 'their'} tests ran, "
            f"not that a person read {'its' if one else 'their'} rules against {'its' if one else 'their'} words "
            f"(`billtrace review --accept ID` records a review)")


def _reviewed(count: int) -> str:
    return "1 reviewed provision" if count == 1 else f"{count} reviewed provisions"


def _first_few(named: Iterable[str]) -> str:
    """The first few of ``named``, then how many more."""
    items = list(named)
    return ", ".join(items[:_NAMED]) + (f" and {len(items) - _NAMED} more" if len(items) > _NAMED else "")


def _resting(row: Row, review: Review) -> str:
    """``sec. 6(c)(2) (s6_c_2) rests on words that changed since review (sec. 6(c)(1))``."""
    words = []
    if review.rests_on_changed:
        words.append(f"words that changed since review ({_and(review.rests_on_changed)})")
    if review.rests_on_unrecorded:
        words.append(f"words its review did not record ({_and(review.rests_on_unrecorded)})")
    return f"{row.provision.label} ({row.id}) rests on " + (" and ".join(words) or "words that changed since review")


def _and(labels: Sequence[str]) -> str:
    return ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else "".join(labels)
