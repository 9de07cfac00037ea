"""The ``billtrace`` command line: one group, each command in a module of its own.

Every command reports bad input as one message on standard error and exits
with status 2; nothing is printed to standard output before the answer is
complete.
"""

from __future__ import annotations

import click

from generator.check_command import check_command
from generator.coverage_command import coverage_command, trace_command
from generator.parse_command import parse_command
from generator.review_command import review_command
from generator.site_command import build_command, serve_command, test_command
from generator.versions.commands import diff_command, migrate_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="billtrace")
def main() -> None:
    """billtrace: a bill's provisions, the rules that implement them and the tests that check them."""


main.add_command(parse_command)
main.add_command(test_command)
main.add_command(coverage_command)
main.add_command(trace_command)
main.add_command(review_command)
main.add_command(build_command)
main.add_command(serve_command)
main.add_command(check_command)
main.add_command(diff_command)
main.add_command(migrate_command)
