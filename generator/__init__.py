"""Joining the bill, the rules and the tests: the command line, the matrix and the site."""
