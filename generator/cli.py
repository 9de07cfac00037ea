"""The ``billtrace`` command line: one group, each command in a module of its own.

Every command reports bad input as one message on standard error and exits
with status 2; nothing is printed to standard output before the answer is
complete.
"""

from __future__ import annotations

import click

from generator.parse_command import parse_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="billtrace")
def main() -> None:
    """billtrace: a bill's provisions, the rules that implement them and the tests that check them."""


main.add_command(parse_command)
