"""Step two: join the bill, the rules and the tests into the traceability matrix.

One row per provision, in the order of the text.  A row's status:

``not formalized``
    declared with ``not_formalized(id, reason=...)``; a provision below a declared
    one, with no rule of its own, is not formalized for the same reason.
``verified``
    the provision has a rule, and every rule it has was executed by a passing test: its
    passing tests together ran at least the project's ``verified-share`` of the rule's
    statements (0, the default: any of them) and took at least its ``verified-branch-share``
    of the rule's branches (0, the default: any).
``failing``
    a test declared for the provision, or one that executed its rules, failed
    (failed, errored, or passed when marked xfail).
``changed since review``
    it would be verified, but the words its rules were reviewed against have changed
    since (its own words, words below it, or a definition it uses or a provision it
    cites: its review is ``changed`` or ``affected``; for a part that takes its
    ancestor's rules, that ancestor's review).  Its tests ran the rules against words
    that are not the words now, so it is not verified until a person re-reads them and
    records it (``billtrace review --accept``).
``claimed``
    a test is marked for the provision but executes none of its rules (or the
    provision has no rule at all).
``untested``
    the provision has a rule, and no passing test executes it (or one of them).
``pending``
    operative, no rule, no test, and not declared not formalized.
``container``
    a provision with parts, no rule of its own and no declaration: its status is
    summarised from the provisions below it.  Its ``rollup`` is the worst status
    among them, in the order failing, changed since review, claimed, pending, untested,
    verified, not formalized: so a container rolls up to verified only if every operative
    provision below it is verified.

A rule implements the whole provision it names, parts included: a part with no
rule of its own takes the rules of its nearest ancestor that has some (the row
says which).  The checks are applied in the order failing, verified, claimed,
untested; then the review turns a verified one whose words moved into changed since
review.  *Operative* provisions are all but containers and those not formalized;
*percent verified* is verified / operative.

Beside the status, each row whose words something rests on (a rule of its own,
a test marked for it, a declaration) carries its ``review``: whether its words are
still those its rules and tests were reviewed against (``generator.trace.review``).
A row is *stale* when its review is changed, affected or unreviewed; the matrix
lists the reviewed ids the bill no longer has in ``removed``.  The tests marked for
a provision are those of the traced run.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from generator.errors import GeneratorError
from generator.trace.calls import rules_run_by
from generator.trace.collect import Inputs
from generator.trace.measure import Arc, RuleCoverage, arc_text, coverage_figure
from generator.trace.provenance import Source
from generator.trace.results import TestResult
from generator.trace.review import Review, Reviews, ReviewState, declared_tests, review
from grammar import Bill, Provision
from grammar.errors import close_ids
from provisions.kit import Catalogue, Rule
from provisions.kit.wording import counted

__all__ = ["OPERATIVE", "SEVERITY", "Matrix", "Row", "RuleLink", "SectionTally", "Status", "Tally",
           "TestCounts", "TestLink", "join", "words_moved"]


class Status(enum.StrEnum):
    """The status of a provision in the matrix."""

    VERIFIED = "verified"
    FAILING = "failing"
    CHANGED = "changed since review"
    UNTESTED = "untested"
    CLAIMED = "claimed"
    PENDING = "pending"
    NOT_FORMALIZED = "not formalized"
    CONTAINER = "container"

    @property
    def slug(self) -> str:
        """The status as one word, for CSS classes and filters: ``not-formalized``."""
        return self.value.replace(" ", "-")


SEVERITY = (Status.FAILING, Status.CHANGED, Status.CLAIMED, Status.PENDING, Status.UNTESTED, Status.VERIFIED,
            Status.NOT_FORMALIZED)
OPERATIVE = frozenset({Status.VERIFIED, Status.FAILING, Status.CHANGED, Status.UNTESTED, Status.CLAIMED,
                       Status.PENDING})
# The review states in which the words a rule was reviewed against are no longer the words now.
_WORDS_MOVED = frozenset({ReviewState.CHANGED, ReviewState.AFFECTED})


@dataclass(frozen=True, slots=True)
class RuleLink:
    """A rule of a provision, and what the tests executed of its body."""

    name: str
    inherited_from: str | None  # the ancestor the rule implements, when not this provision
    statements: tuple[int, ...]
    executed: tuple[int, ...]
    missed: tuple[int, ...]
    passing_tests: tuple[str, ...]  # node ids of passing tests that executed it
    passing_share: float = 0.0  # the share of its statements the passing tests executed (1 with none)
    branches: tuple[Arc, ...] | None = None  # its body's branch arcs; None: the run measured no branches
    branches_taken: tuple[Arc, ...] = ()  # those some test took
    branches_missed: tuple[Arc, ...] = ()  # those no test took
    passing_branch_share: float | None = None  # the share of its branches the passing tests took (1 with none)

    @property
    def figure(self) -> str:
        """``2 of 3 statements, 1 of 2 branches executed by tests``."""
        return coverage_figure(len(self.statements), len(self.executed),
                               None if self.branches is None else len(self.branches), len(self.branches_taken))


@dataclass(frozen=True, slots=True)
class TestLink:
    """A test of a provision: declared with the marker, measured by coverage, or both."""

    __test__ = False

    nodeid: str
    sentence: str
    outcome: str
    declared: bool
    measured: bool
    rules: tuple[str, ...]  # the provision's rules the test executed
    message: str = ""  # a failed test's first assertion line


@dataclass(frozen=True, slots=True)
class TestCounts:
    """How many tests a provision has, and of which kind; every report counts them from here.

    A provision's tests are those marked for it (declared) and those that run its rules
    (measured), each once: ``total`` = ``running`` + ``marked_only``.  So "289 tests" and
    "270 run its rules" are two counts of one list, and the text says which is which.
    """

    __test__ = False

    total: int
    running: int  # run (execute) at least one of its rules, marked for it or not
    marked_only: int  # marked for it with the provision marker, running none of its rules
    passing: int

    @property
    def text(self) -> str:
        """``289 tests (270 run its rules, 19 only marked for it)``; ``2 tests, 1 passing, all running its rules``.

        >>> TestCounts(3, 2, 1, 3).text
        '3 tests (2 run its rules, 1 only marked for it)'
        >>> TestCounts(1, 1, 0, 0).text
        '1 test, 0 passing, running its rules'
        """
        if not self.total:
            return "no tests"
        head = f"{self.total} test{'' if self.total == 1 else 's'}"
        head += f", {self.passing} passing" if self.passing != self.total else ""
        if self.running and self.marked_only:
            return f"{head} ({self.running} run{'s' if self.running == 1 else ''} its rules, " \
                   f"{self.marked_only} only marked for it)"
        every = "" if self.total == 1 else "all "
        return f"{head}, {every}{'running its rules' if self.running else 'only marked for it'}"


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of provisions per status, and of the tracked ones per review state."""

    counts: Mapping[Status, int]
    reviews: Mapping[ReviewState, int] = field(
        default_factory=lambda: MappingProxyType(dict.fromkeys(ReviewState, 0)))

    @classmethod
    def of(cls, statuses: Iterable[Status], reviews: Iterable[ReviewState] = ()) -> Tally:
        """The tally of ``statuses`` (and of the review states of the same rows)."""
        counts = dict.fromkeys(Status, 0)
        for status in statuses:
            counts[status] += 1
        states = dict.fromkeys(ReviewState, 0)
        for state in reviews:
            states[state] += 1
        return cls(MappingProxyType(counts), MappingProxyType(states))

    @property
    def total(self) -> int:
        """Every provision counted."""
        return sum(self.counts.values())

    @property
    def operative(self) -> int:
        """Provisions that are neither containers nor left uncoded."""
        return sum(n for status, n in self.counts.items() if status in OPERATIVE)

    @property
    def verified(self) -> int:
        """Verified provisions."""
        return self.counts[Status.VERIFIED]

    @property
    def stale(self) -> int:
        """Rows whose words changed since review, or were never reviewed."""
        return (self.reviews[ReviewState.CHANGED] + self.reviews[ReviewState.AFFECTED]
                + self.reviews[ReviewState.UNREVIEWED])

    @property
    def percent(self) -> float:
        """Percent verified of operative provisions (100 when none is operative)."""
        return 100.0 if self.operative == 0 else round(100.0 * self.verified / self.operative, 1)


@dataclass(frozen=True, slots=True)
class Row:
    """One provision in the matrix."""

    provision: Provision
    depth: int
    section: str | None  # the id of the section it stands in
    status: Status
    explanation: str  # why it has this status, in a sentence
    reason: str  # why it is not formalized ("" otherwise)
    rules: tuple[RuleLink, ...]
    tests: tuple[TestLink, ...]
    provenance: Source
    rollup: Status | None = None  # containers: the worst status below
    below: Tally | None = None  # containers: the statuses of the operative-or-uncoded rows below
    review: Review | None = None  # None when nothing of its own rests on its words

    @property
    def id(self) -> str:
        """The provision id."""
        return self.provision.id

    @property
    def stale(self) -> bool:
        """True when its words changed since review, or were never reviewed."""
        return self.review is not None and self.review.stale

    @property
    def counts(self) -> TestCounts:
        """Its tests counted: all of them, those that run its rules, those only marked for it, those passing."""
        running = sum(1 for t in self.tests if t.measured)
        return TestCounts(len(self.tests), running, len(self.tests) - running,
                          sum(1 for t in self.tests if t.outcome == "passed"))


@dataclass(frozen=True, slots=True)
class SectionTally:
    """The tally of one section (every provision in it, the section included)."""

    id: str
    label: str
    heading: str
    tally: Tally


@dataclass(frozen=True, slots=True)
class Matrix:
    """Every provision with its rules, tests and status; tallies per section and for the bill."""

    rows: tuple[Row, ...]
    tally: Tally
    sections: tuple[SectionTally, ...]
    problems: tuple[str, ...]  # inconsistencies found while joining, each in a sentence
    removed: tuple[Review, ...] = ()  # reviewed provisions the bill no longer has
    _by_id: Mapping[str, Row] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({row.id: row for row in self.rows}))

    def row(self, provision_id: str) -> Row:
        """The row of ``provision_id``.

        Raises:
            KeyError: no such provision.
        """
        return self._by_id[provision_id]

    def section(self, provision_id: str) -> tuple[Row, ...]:
        """The rows of one section (or any provision): itself and every provision below it.

        Raises:
            KeyError: no such provision.
        """
        ids = {p.id for p in self._by_id[provision_id].provision.walk()}
        return tuple(r for r in self.rows if r.id in ids)

    def find_section(self, wanted: str) -> SectionTally:
        """The section ``wanted`` names: its id in any case (``s4``, ``dA_s101``), or its number
        (``4``, ``sec. 4``) where only one section has it.

        Raises:
            GeneratorError: no section, or a number several sections share (naming them).
        """
        by_id = {s.id.lower(): s for s in self.sections}
        if wanted.strip().lower() in by_id:
            return by_id[wanted.strip().lower()]
        number = re.sub(r"^(?:sec(?:tion)?\.?\s*)", "", wanted.strip(), flags=re.IGNORECASE).lower()
        numbered = [s for s in self.sections if s.id.rsplit("_", 1)[-1].lower() == f"s{number}"]
        if len(numbered) == 1:
            return numbered[0]
        if numbered:
            raise GeneratorError(f"{len(numbered)} sections are numbered {number!r}: "
                                 f"{', '.join(s.id for s in numbered)}; give one of those ids")
        close = close_ids(wanted, [s.id for s in self.sections])
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise GeneratorError(f"the bill has no section {wanted!r}{hint}")


def words_moved(rows: Iterable[Row]) -> tuple[Row, ...]:
    """The rows whose words moved under what was reviewed: their review is changed or affected."""
    return tuple(r for r in rows if r.review is not None and r.review.state in _WORDS_MOVED)


def join(inputs: Inputs) -> Matrix:
    """Build the matrix from the collected inputs (a pure function of them)."""
    bill, catalogue = inputs.bill, inputs.catalogue
    tests_by_id = {t.nodeid: t for t in inputs.results.tests}
    problems: list[str] = []
    known = bill.ids
    for rule in catalogue.rules:
        for provision_id in rule.provisions:
            if provision_id not in known:
                problems.append(f"rule {rule.name} implements {provision_id!r}, which the bill does not have")
    for entry in catalogue.not_formalized:
        if entry.provision not in known:
            problems.append(f"{entry.module} declares {entry.provision!r} not formalized, "
                            f"but the bill has no such provision")
        elif catalogue.rules_for(entry.provision):
            problems.append(f"{entry.provision} is declared not formalized, yet rules implement it")
    for module, provision_id in catalogue.sections:
        if provision_id not in known:
            problems.append(f"{module} stands for {provision_id!r} (its Section declaration), "
                            f"which the bill does not have")
    unknown_tests = sorted({nodeid for cov in inputs.measured.values() for nodeid in cov.executed_by
                            if nodeid not in tests_by_id})
    if unknown_tests:
        problems.append(f"coverage names {counted(len(unknown_tests), 'test')} the results file lacks, "
                        f"e.g. {unknown_tests[0]}: results and coverage come from different runs")

    declared: dict[str, list[TestResult]] = {}
    for test in inputs.results.tests:
        for provision_id in test.provisions:
            declared.setdefault(provision_id, []).append(test)

    reviews = review(bill, catalogue, declared_tests(inputs.results), inputs.reviewed)
    run_by = rules_run_by(catalogue.rules)
    rows: dict[str, Row] = {}
    order = list(bill.walk())
    for provision in order:
        row = _row(provision, inputs, declared.get(provision.id, []), tests_by_id)
        row = _reviewed(dataclasses.replace(row, review=reviews.of(provision.id)), reviews)
        rows[provision.id] = _resting_on_rules_run(row, reviews, run_by, catalogue, bill)
    for provision in reversed(order):  # containers, deepest first
        row = rows[provision.id]
        if row.status is Status.CONTAINER:
            rows[provision.id] = _summarise(row, [rows[p.id] for p in provision.walk() if p is not provision])

    ordered = tuple(rows[p.id] for p in order)
    sections = tuple(
        SectionTally(r.id, r.provision.label, r.provision.heading, _tally([x for x in ordered if x.section == r.id]))
        for r in ordered if r.provision.kind == "section"
    )
    return Matrix(ordered, _tally(ordered), sections, tuple(problems), reviews.removed)


def _tally(rows: Iterable[Row]) -> Tally:
    shown = list(rows)
    return Tally.of((r.status for r in shown), (r.review.state for r in shown if r.review is not None))


@dataclass(frozen=True, slots=True)
class _Place:
    """What every row of a provision carries whatever its status."""

    provision: Provision
    depth: int
    section: str | None
    provenance: Source

    def row(self, status: Status, explanation: str, *, reason: str = "", rules: tuple[RuleLink, ...] = (),
            tests: tuple[TestLink, ...] = ()) -> Row:
        return Row(provision=self.provision, depth=self.depth, section=self.section, status=status,
                   explanation=explanation, reason=reason, rules=rules, tests=tests, provenance=self.provenance)


def _row(provision: Provision, inputs: Inputs, declared: list[TestResult],
         tests_by_id: Mapping[str, TestResult]) -> Row:
    bill, catalogue = inputs.bill, inputs.catalogue
    section = bill.section_of(provision.id)
    place = _Place(provision, len(bill.ancestors(provision.id)), section.id if section is not None else None,
                   inputs.provenance.of(provision.id))
    rules = catalogue.rules_for(provision.id)
    owner: str | None = None
    reason = catalogue.reason_not_formalized(provision.id) if not rules else None
    if not rules and reason is None:
        for ancestor in bill.ancestors(provision.id):
            if catalogue.rules_for(ancestor.id):
                rules, owner = catalogue.rules_for(ancestor.id), ancestor.id
                break
            ancestor_reason = catalogue.reason_not_formalized(ancestor.id)
            if ancestor_reason is not None:
                reason, owner = ancestor_reason, ancestor.id
                break
    declared_links = tuple(_link(t, declared=True, measured=False, rules=()) for t in declared)
    if reason is not None:
        where = f" (declared for {owner})" if owner else ""
        return place.row(Status.NOT_FORMALIZED, f"not formalized{where}: {reason}", reason=reason,
                         tests=declared_links)
    if not rules:
        if provision.children:
            return place.row(Status.CONTAINER, "", tests=declared_links)
        if declared:
            marked = "1 test is" if len(declared) == 1 else f"{len(declared)} tests are"
            return place.row(Status.CLAIMED, f"{marked} marked for it, but no rule implements it",
                             tests=declared_links)
        return place.row(Status.PENDING, "no rule implements it, no test is marked for it, and it is not "
                                         "declared not formalized")
    return _operative(place, rules, owner, declared, tests_by_id, inputs.measured, inputs.verified_share,
                      inputs.verified_branch_share)


def _operative(place: _Place, rules: tuple[Rule, ...], owner: str | None, declared: list[TestResult],
               tests_by_id: Mapping[str, TestResult], measured: Mapping[str, RuleCoverage],
               verified_share: float = 0, verified_branch_share: float = 0) -> Row:
    executed_rules: dict[str, list[str]] = {}  # node id -> the rules it executed
    links: list[RuleLink] = []
    for rule in rules:
        cov = measured.get(rule.name)
        by = cov.executed_by if cov is not None else {}
        for nodeid in by:
            if nodeid in tests_by_id:
                executed_rules.setdefault(nodeid, []).append(rule.name)
        passing = tuple(n for n in by if n in tests_by_id and tests_by_id[n].passed)
        statements = cov.statements if cov else ()
        ran = {line for n in passing for line in by[n]}
        share = len(ran & set(statements)) / len(statements) if statements else (1.0 if passing else 0.0)
        branch_share = None
        if cov is not None and cov.branches is not None:
            took = {arc for n in passing for arc in cov.branches_by.get(n, ())}
            branch_share = (len(took & set(cov.branches)) / len(cov.branches) if cov.branches
                            else (1.0 if passing else 0.0))
        links.append(RuleLink(rule.name, owner, statements, cov.executed if cov else (),
                              cov.missed if cov else (), passing, share, cov.branches if cov else None,
                              cov.branches_taken if cov else (), cov.branches_missed if cov else (), branch_share))
    declared_ids = {t.nodeid for t in declared}
    tests = []
    for nodeid in sorted(declared_ids | set(executed_rules)):
        test = tests_by_id.get(nodeid) or next(t for t in declared if t.nodeid == nodeid)
        tests.append(_link(test, declared=nodeid in declared_ids, measured=nodeid in executed_rules,
                           rules=tuple(executed_rules.get(nodeid, ()))))
    failing = [t for t in tests if t.outcome in ("failed", "error", "xpassed")]
    unexecuted = [link.name for link in links if not link.passing_tests]
    short = [link for link in links if link.passing_tests and link.passing_share < verified_share]
    few_branches = [link for link in links if link.passing_tests and verified_branch_share > 0
                    and (link.passing_branch_share is None or link.passing_branch_share < verified_branch_share)]
    claims = [t for t in tests if t.declared and not t.measured]
    via = f" (the rule of {owner})" if owner else ""
    if failing:
        status, why = Status.FAILING, (f"1 test of it fails: {failing[0].nodeid}" if len(failing) == 1 else
                                       f"{len(failing)} tests of it fail, e.g. {failing[0].nodeid}")
    elif not unexecuted and short:
        link = short[0]
        status, why = Status.UNTESTED, (f"its passing tests execute {link.passing_share:.0%} of the statements of "
                                        f"{link.name}{via}, under the project's verified-share of "
                                        f"{verified_share:.0%}")
    elif not unexecuted and few_branches:
        link = few_branches[0]
        if link.passing_branch_share is None:
            what = f"the traced run measured no branches of {link.name}{via} (run `billtrace test` again)"
        else:
            what = (f"its passing tests take {link.passing_branch_share:.0%} of the branches of {link.name}{via} "
                    f"(not taken: {', '.join(map(arc_text, _untaken(link, measured)))})")
        status, why = Status.UNTESTED, f"{what}, under the project's verified-branch-share of " \
                                       f"{verified_branch_share:.0%}"
    elif not unexecuted:
        count = len({n for link in links for n in link.passing_tests})
        status, why = Status.VERIFIED, (f"every rule{via} is executed by a passing test: {count} of its "
                                        f"{len(tests)} tests pass and run {'it' if len(links) == 1 else 'them'}")
    elif claims:
        status, why = Status.CLAIMED, f"{claims[0].nodeid} is marked for it but executes none of its rules{via}"
    else:
        status, why = Status.UNTESTED, f"no passing test executes {', '.join(unexecuted)}{via}"
    return place.row(status, why, rules=tuple(links), tests=tuple(tests))


def _reviewed(row: Row, reviews: Reviews) -> Row:
    """``row``, no longer verified when the words its rules were reviewed against have moved since.

    A passing test proves the rule as it is, not that the rule still says what the
    words now say: that takes a person's review.  A part that takes its ancestor's
    rules was reviewed as part of the ancestor's words, so the ancestor's review decides.
    """
    if row.status is not Status.VERIFIED:
        return row
    owner = next((link.inherited_from for link in row.rules if link.inherited_from), None)
    moved_reviews = [r for r in (row.review, reviews.of(owner) if owner else None)
                     if r is not None and r.state in _WORDS_MOVED]
    if not moved_reviews:
        return row
    basis = moved_reviews[0]
    what = "its words" if basis.id == row.id else f"the words of {basis.label}, whose rules it takes,"
    if basis.state is ReviewState.AFFECTED:
        moved = f"{what} may mean something else now ({'; '.join(basis.affected_by)})"
    else:
        moved = f"{what} changed since its rules were reviewed, so the tests ran them against other words"
    explanation = (f"its passing tests run every rule, but {moved}; re-read the rules and tests, "
                   f"then run `billtrace review --accept {basis.id}`")
    return dataclasses.replace(row, status=Status.CHANGED, explanation=explanation)


def _resting_on_rules_run(row: Row, reviews: Reviews, run_by: Mapping[str, tuple[Rule, ...]],
                          catalogue: Catalogue, bill: Bill) -> Row:
    """``row``, no longer verified when a rule it rests on implements words that moved since review.

    A verified answer rests on every rule that computes it: its own rules, the other
    provisions those rules implement too, and the rules they call (``generator.trace.calls``):
    the duty of sec. 5(a) is worked out by calling the rule of sec. 4(g), so when the words of
    sec. 4(g)(2) change, sec. 5(a)'s tests ran a rule reviewed against other words.  A
    provision inside the row or containing it is left out (its own review and its owner's
    cover those).
    """
    if row.status is not Status.VERIFIED:
        return row
    related = {row.id, *(p.id for p in bill.ancestors(row.id))}
    for link in row.rules:
        own = next((rule for rule in catalogue.rules if rule.name == link.name), None)
        if own is None:
            continue
        for rule in (own, *run_by.get(own.name, ())):
            for provision_id in rule.provisions:
                if provision_id in related or provision_id not in bill:
                    continue
                moved = reviews.of(provision_id)
                if moved is None or moved.state not in _WORDS_MOVED or row.id in {
                        p.id for p in bill.ancestors(provision_id)}:
                    continue
                how = "may mean something else now" if moved.state is ReviewState.AFFECTED else "changed since review"
                via = (f"{own.name} also implements" if rule is own
                       else f"{own.name} runs {rule.name}, which implements")
                explanation = (f"its passing tests run every rule, but {via} {moved.label} ({provision_id}), "
                               f"whose words {how}; re-read the rules and tests, then run "
                               f"`billtrace review --accept {provision_id}`")
                return dataclasses.replace(row, status=Status.CHANGED, explanation=explanation)
    return row


def _untaken(link: RuleLink, measured: Mapping[str, RuleCoverage]) -> tuple[Arc, ...]:
    """The branch arcs of ``link``'s rule its passing tests did not take."""
    cov = measured[link.name]
    took = {arc for n in link.passing_tests for arc in cov.branches_by.get(n, ())}
    return tuple(arc for arc in link.branches or () if arc not in took)


def _summarise(row: Row, below: list[Row]) -> Row:
    statuses = [r.status for r in below if r.status is not Status.CONTAINER]
    tally = Tally.of(statuses)
    rollup = next((s for s in SEVERITY if tally.counts[s]), Status.NOT_FORMALIZED)
    parts = ", ".join(f"{n} {s.value}" for s, n in tally.counts.items() if n)
    return Row(provision=row.provision, depth=row.depth, section=row.section, status=Status.CONTAINER,
               explanation=f"summarised from the {len(statuses)} provisions below it: {parts}; "
                           f"rolls up to {rollup.value}",
               reason="", rules=(), tests=row.tests, provenance=row.provenance, rollup=rollup, below=tally,
               review=row.review)


def _link(test: TestResult, *, declared: bool, measured: bool, rules: tuple[str, ...]) -> TestLink:
    return TestLink(test.nodeid, test.sentence, test.outcome, declared, measured, rules, test.message)
