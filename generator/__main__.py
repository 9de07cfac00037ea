"""``python -m generator``: the billtrace command line."""

from generator.cli.main import main

main()
