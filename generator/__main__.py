"""``python -m generator``: the billtrace command line."""

from generator.cli import main

main()
