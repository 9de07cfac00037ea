"""``billtrace review``: what a change of the bill's words puts in question, and recording a review.

Without options it lists every tracked provision whose words changed since its
rules and tests were reviewed, whose meaning may have moved with the words of a
provision it rests on (a definition it uses, a provision it cites), was never
reviewed, or is gone from the text, with the word diff and the rules and tests
to re-read; exit status 1 when there is one, 0 when there is none (so CI can
gate on it).  ``--accept ID ...`` records the words of those provisions, and of
the provisions they rest on, as they are now; ``--accept-all`` records every
tracked provision.  Bad input gets one message and exit status 2, and the file
is left as it was.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence

import click

from generator.cli.context import workspace_of
from generator.errors import GeneratorError
from generator.project.rules import load_catalogue, load_rules, values_out_of_date
from generator.reports.review import WIDTH, review_json, review_text
from generator.reports.terminal import echo, fit, terminal_width
from generator.trace.review import (
    ReviewedText,
    accept,
    accept_all,
    declared_tests,
    read_reviewed,
    review,
    tracked,
    write_reviewed,
)
from generator.trace.run import collect_tests
from grammar import Bill, parse_file
from grammar.errors import close_ids
from grammar.ids import UnknownId, resolve_id
from provisions.kit import Catalogue
from provisions.kit.wording import counted

__all__ = ["review_command"]


@click.command("review")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option("--accept", "accept_given", is_flag=True,
              help="Record the words of each ID as they are now: a person has re-read its rules and tests.")
@click.option("--accept-all", "accept_everything", is_flag=True,
              help="Record the words of every tracked provision as they are now.")
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON (for tools).")
def review_command(ids: tuple[str, ...], accept_given: bool, accept_everything: bool, as_json: bool) -> None:
    """List the provisions whose words changed since their rules and tests were reviewed.

    Exit status 1 when a provision's words changed, were never reviewed or are gone
    from the text; 0 when none did.  Once a person has re-read the rules and tests of
    a provision against its new words: billtrace review --accept ID [ID ...].  An ID is
    the provision's id in any case, or its citation: "sec. 4(c)(1)", "4(c)(1)".
    """
    # one line each, in the form of every other billtrace error (exit status 2), saying what to type
    if ids and not (accept_given or accept_everything):
        raise GeneratorError("provision ids are taken only with --accept: billtrace review --accept ID [ID ...] "
                             "records them as reviewed; billtrace review alone lists what to review")
    if accept_everything and ids:
        raise GeneratorError("give either --accept ID [ID ...] or --accept-all, not both")
    if accept_given and not ids:
        raise GeneratorError("--accept needs the ids of the provisions a person has re-read: billtrace review "
                             "--accept ID [ID ...] (an id such as s4_c_1, or a citation such as \"sec. 4(c)(1)\"), "
                             "or billtrace review --accept-all to record every tracked provision")
    workspace = workspace_of()
    bill = parse_file(workspace.bill)
    reviewed = read_reviewed(workspace.reviewed, name=workspace.relative(workspace.reviewed))
    declared = declared_tests(collect_tests(workspace))
    rules = load_catalogue(workspace)
    if not (accept_given or accept_everything):
        reviews = review(bill, rules, declared, reviewed)
        values = values_out_of_date(bill, load_rules(workspace))
        if as_json:
            click.echo(json.dumps(review_json(reviews, present=reviewed.present, values=values), indent=2,
                                  ensure_ascii=False))
        else:
            width = terminal_width()
            echo(fit(review_text(reviews, rules, present=reviewed.present, values=values, width=width or WIDTH,
                                 styled=True), width))
        sys.exit(1 if reviews.stale or values else 0)
    ids = _resolved(ids, bill, reviewed)
    if accept_everything:
        updated = accept_all(reviewed, bill, tracked(bill, rules, declared))
        done = [f"recorded the words of all {len(updated.entries)} tracked provisions as reviewed"]
    else:
        problems = _accept_problems(ids, bill, rules, declared, reviewed)
        if problems:
            raise GeneratorError("\n".join(p.removeprefix("error: ") for p in problems))
        updated = accept(reviewed, bill, ids)
        done = [f"recorded the words of {pid} ({bill.get(pid).label}) as reviewed" if pid in bill
                else f"dropped the entry for {pid}: the text no longer has it" for pid in dict.fromkeys(ids)]
    try:
        write_reviewed(workspace.reviewed, updated, bill)
    except OSError as error:
        raise GeneratorError(f"cannot write {reviewed.path}: {error.strerror}") from None
    left = review(bill, rules, declared, updated).stale
    done.append(f"{reviewed.path}: " + (f"{counted(len(left), 'provision')} still to review (billtrace review)" if left
                                       else "nothing left to review"))
    click.echo("\n".join(done))


def _resolved(ids: Sequence[str], bill: Bill, reviewed: ReviewedText) -> tuple[str, ...]:
    """Each id as the bill spells it (an id in any case, or a citation); an id nothing matches stays
    as typed, for ``_accept_problems`` to name."""
    known = [*(p.id for p in bill.walk()), *(pid for pid in reviewed.entries if pid not in bill)]
    out = []
    for pid in ids:
        try:
            out.append(resolve_id(pid, known))
        except UnknownId:
            out.append(pid)
    return tuple(out)


def _accept_problems(ids: Sequence[str], bill: Bill, rules: Catalogue, declared: Mapping[str, Sequence[str]],
                    reviewed: ReviewedText) -> list[str]:
    """One message per id that cannot be accepted: neither tracked nor an entry the bill has lost."""
    resting = tracked(bill, rules, declared)
    gone = [pid for pid in reviewed.entries if pid not in bill]
    problems = []
    for pid in dict.fromkeys(ids):
        if pid in resting or pid in gone:
            continue
        if pid in bill:
            problems.append(f"error: nothing rests on the words of {pid} ({bill.get(pid).label}): no rule "
                            f"implements it, no test is marked for it and it is not declared not formalized, "
                            f"so there is nothing to accept")
            continue
        close = close_ids(pid, [*resting, *gone])
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        problems.append(f"error: no tracked provision has the id {pid!r}{hint}")
    return problems
