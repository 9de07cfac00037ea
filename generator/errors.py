"""Errors raised while finding the project, joining the bill, the rules and the tests, or building the site.

    BilltraceError (grammar.errors) root of every billtrace error
    +-- BillError (grammar.errors)  the bill's text
    +-- InputError (provisions.kit) a value given to the rules (also a ValueError)
    +-- GeneratorError              base of this package's errors; one line, no traceback
        +-- NotInProjectError       no [tool.billtrace] at or above the working directory
        +-- ConfigurationError      [tool.billtrace] has an unknown key or a value of the wrong type
        +-- ResultsMissingError     no traced test run to read (say how to make one)
        +-- ResultsError            a results or coverage file that cannot be read
        +-- StaleRunError           the traced run ran against inputs that have changed since
        +-- BuildLockedError        another build holds the project's lock
        +-- ProvenanceError         statute/provenance.toml is present but malformed
        +-- ReviewedTextError       provisions/reviewed-text.toml is present but malformed
        +-- CollectionError         pytest could not collect the tests to read their markers
        +-- SiteBuildError          a step of ``billtrace build`` failed (tests, mkdocs ...)

The command line catches ``BilltraceError`` (and ``OSError``) in one place, prints
``str(error)`` on standard error and exits with status 2.
"""

from __future__ import annotations

from grammar.errors import BilltraceError

__all__ = [
    "BuildLockedError",
    "CollectionError",
    "ConfigurationError",
    "GeneratorError",
    "NotInProjectError",
    "ProvenanceError",
    "ResultsError",
    "ResultsMissingError",
    "ReviewedTextError",
    "SiteBuildError",
    "StaleRunError",
]


class GeneratorError(BilltraceError):
    """Base of the generator's errors: a message, and the file it is about when there is one."""

    def __str__(self) -> str:
        if self.path is None:
            return f"error: {self.message}"
        return BilltraceError.__str__(self)


class NotInProjectError(GeneratorError):
    """The working directory is not inside a billtrace project."""


class ConfigurationError(GeneratorError, ValueError):
    """``[tool.billtrace]`` is present but has an unknown key or a value of the wrong type."""


class ResultsMissingError(GeneratorError):
    """There is no traced test run yet (or the file was removed)."""


class ResultsError(GeneratorError):
    """A results or coverage file exists but cannot be read."""


class StaleRunError(ResultsError):
    """The traced run predates an edit of the bill, a rule, a test or another input it ran against."""


class BuildLockedError(GeneratorError):
    """Another ``billtrace test`` or ``billtrace build`` of the same checkout is running."""


class ProvenanceError(GeneratorError):
    """The provenance table is present but does not have the expected shape."""


class ReviewedTextError(GeneratorError):
    """The reviewed-text file is present but is not what ``billtrace review`` writes."""


class CollectionError(GeneratorError):
    """pytest could not collect the tests (a syntax error, a bad provision marker ...)."""


class SiteBuildError(GeneratorError):
    """A step of the site build failed: the traced test run, rendering or ``mkdocs build``."""
