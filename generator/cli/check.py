"""``billtrace check``: ask the rules of S. 2839 a question; get the answer and the provisions it rests on.

Subcommands: ``duty`` (one import, or a ledger with ``--ledger``), ``eligibility``,
``timeline``, ``reviews``, ``fund``, ``coverage-objective`` and ``dfc-support``.  Each
prints the answer and its reasons for a person, citing provisions as ``sec. 5(a)``, or
one JSON object with ``--json``.  Bad input is one message on standard error naming the
option, key, row or column, and exit status 2; nothing is printed on standard output
unless the whole answer is ready.
"""

from __future__ import annotations

import csv
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

import click

from generator.reports.answers import Labels, answer_json, answer_text
from grammar import BillError, parse_file
from grammar.model import Bill
from provisions.candidate import candidate_from_document, candidate_parameters
from provisions.inputs import (
    Alliance,
    Import,
    InputError,
    parse_country,
    parse_date,
    parse_hts,
    parse_member,
    parse_money,
)
from provisions.kit import Determination, Reason
from provisions.kit.inputs import read_toml
from provisions.kit.periods import read_adjournments
from provisions.ledger_output import run_ledger
from provisions.parameters import Parameters
from provisions.s4 import (
    Disapproval,
    admission_timeline,
    annual_report_due_dates,
    coverage_objective,
    eligibility,
    review_due_dates,
)
from provisions.s5 import duty_treatment
from provisions.s6 import INCOME_GROUPS, dfc_may_support, trust_fund_quarter

__all__ = ["check_command"]

F = TypeVar("F", bound=Callable[..., Any])


class _Context:
    """What every subcommand shares: output mode, parameters, and the bill for citations."""

    def __init__(self, as_json: bool, params: tuple[str, ...], bill: str | None) -> None:
        self.as_json = as_json
        self.param_texts = params
        self.bill_path = bill

    def parameters(self, **overrides: str) -> Parameters:
        values: dict[str, str] = dict(overrides)
        for text in self.param_texts:
            name, sep, value = text.partition("=")
            if not sep:
                raise InputError("--param", f"{text!r} should be NAME=VALUE")
            values[name.strip().replace("-", "_")] = value.strip()
        return Parameters.from_strings(values)

    def labels(self) -> Labels:
        from generator.cli.context import workspace_of

        path = self.bill_path or str(workspace_of().bill)
        try:
            return Labels(_parse_bill(path))
        except BillError as error:
            _fail(str(error))

    def emit(
        self, title: str, value: Any, reasons: tuple[Reason, ...], *, rule: str, params: Parameters
    ) -> None:
        labels = self.labels()
        if self.as_json:
            text = answer_json(value, reasons, labels, rule=rule, params=params)
        else:
            text = answer_text(title, value, reasons, labels, params=params)
        click.echo(text)

    def emit_determination(self, title: str, answer: Determination[Any], params: Parameters) -> None:
        self.emit(title, answer.value, answer.reasons, rule=answer.rule, params=params)


def _common(function: F) -> F:
    function = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(function)
    function = click.option(
        "--param",
        "params",
        multiple=True,
        metavar="NAME=VALUE",
        help="Set a parameter of the rules (see provisions/parameters.py); repeatable.",
    )(function)
    function = click.option(
        "--bill",
        default=None,
        metavar="FILE",
        envvar="BILLTRACE_BILL",
        help="The bill whose labels cite the provisions [default: statute/s2839-is.txt].",
    )(function)
    return function


@click.group(
    "check",
    context_settings={"help_option_names": ["-h", "--help"]},
    short_help="Ask the rules a question; get the answer and the provisions it rests on.",
)
def check_command() -> None:
    """Answer a question under the rules of S. 2839, with the provisions the answer rests on."""


@check_command.command(
    "duty",
    short_help="How an import is treated under secs. 4(g) and 5, and its duty.",
)
@click.option("--hts", default=None, metavar="NUMBER", help="HTS subheading, e.g. 8505.11.00.")
@click.option("--origin", default=None, metavar="CODE", help="Country of origin, ISO 3166-1 alpha-2 (CN).")
@click.option("--entry-date", default=None, metavar="DATE", help="Date of entry, YYYY-MM-DD.")
@click.option(
    "--member",
    "members",
    multiple=True,
    metavar="CODE:DATE",
    help="An Alliance member and the date its agreement entered into force; repeatable.",
)
@click.option(
    "--producer-feoc", is_flag=True, help="A foreign entity of concern mined, processed or made the good."
)
@click.option("--value", default=None, metavar="DOLLARS", help="Customs value, to compute the duty.")
@click.option(
    "--ledger",
    default=None,
    metavar="FILE.csv",
    help="Treat every row of an import ledger ('-' for standard input) instead of one import.",
)
@click.option("--summary-only", is_flag=True, help="With --ledger: print the totals, not every row.")
@_common
def duty_command(
    hts: str | None,
    origin: str | None,
    entry_date: str | None,
    members: tuple[str, ...],
    producer_feoc: bool,
    value: str | None,
    ledger: str | None,
    summary_only: bool,
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """How secs. 4(g) and 5 treat an import: alliance-duty-free, concern-rate, unaffected or out-of-scope.

    With --ledger, the CSV has columns hts, origin, entry_date, value and, optionally,
    producer_feoc, other_duties and id (see provisions/ledger.py). It is read as a stream:
    per-row treatments and duties, totals, and the Trust Fund transfer for each federal
    fiscal quarter (the fiscal year begins October 1) and each recipient.
    """
    ctx = _Context(as_json, params, bill)
    with _input_errors():
        parameters = ctx.parameters()
        alliance = Alliance.of(parse_member(m) for m in members)
        if ledger is not None:
            given = [
                name
                for name, v in (
                    ("--hts", hts),
                    ("--origin", origin),
                    ("--entry-date", entry_date),
                    ("--value", value),
                )
                if v is not None
            ]
            if given or producer_feoc:
                raise InputError(
                    given[0] if given else "--producer-feoc",
                    "not with --ledger (the ledger has a column for it)",
                )
            run_ledger(
                ledger, alliance, parameters, labels=ctx.labels, as_json=as_json, summary_only=summary_only
            )
            return
        imp = Import(
            parse_hts(_required(hts, "--hts"), field="--hts"),
            parse_country(_required(origin, "--origin"), field="--origin"),
            parse_date(_required(entry_date, "--entry-date"), field="--entry-date"),
            producer_feoc,
            parse_money(value, field="--value") if value is not None else None,
        )
        answer = duty_treatment(imp, alliance, params=parameters)
    ctx.emit_determination(
        f"Duty treatment of {imp.hts} from {imp.origin} entered {imp.entry_date}", answer, parameters
    )


@check_command.command(
    "eligibility",
    short_help="Whether a candidate country is eligible for the Alliance (sec. 4(b), (c)).",
)
@click.argument("path", metavar="FILE.toml")
@_common
def eligibility_command(path: str, as_json: bool, params: tuple[str, ...], bill: str | None) -> None:
    """Whether a candidate country is eligible for the Alliance (sec. 4(b), (c)); every unmet criterion cited.

    The file gives the country, its duty commitments per HTS subheading (or a default),
    comparable measures, a phase-in end date and the commitments of sec. 4(b)(2) to (5);
    see provisions/candidate.py for the keys.
    """
    ctx = _Context(as_json, params, bill)
    with _input_errors(where=path):
        document = _read_toml(path)
        overrides = candidate_parameters(document)
        parameters = ctx.parameters(**overrides)
        candidate = candidate_from_document(document)
        answer = eligibility(candidate, params=parameters)
    ctx.emit_determination(
        f"Eligibility of {candidate.country} for the Critical Minerals Security Alliance", answer, parameters
    )


@check_command.command(
    "timeline",
    short_help="From certification to the earliest entry into force (sec. 4(e), (f)).",
)
@click.option(
    "--certified", required=True, metavar="DATE", help="Day the Trade Representative certified the country."
)
@click.option(
    "--disapproved-on",
    default=None,
    metavar="DATE",
    help="Day a joint resolution of disapproval was enacted.",
)
@click.option(
    "--disapproval-introduced-on", default=None, metavar="DATE", help="Day that resolution was introduced."
)
@click.option(
    "--adjournments",
    default=None,
    metavar="FILE.csv",
    help="Adjournment calendar (chamber, first_day, "
    "last_day, sine_die): count days of session instead of calendar days.",
)
@click.option(
    "--modification", is_flag=True, help="The agreement is a modification of an agreement (sec. 4(e)(3))."
)
@_common
def timeline_command(
    certified: str,
    disapproved_on: str | None,
    disapproval_introduced_on: str | None,
    adjournments: str | None,
    modification: bool,
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """Certification -> the 90-day review -> the earliest entry into force (sec. 4(e), (f))."""
    ctx = _Context(as_json, params, bill)
    with _input_errors():
        day = parse_date(certified, field="--certified")
        calendar = None
        overrides: dict[str, str] = {}
        if adjournments is not None:
            with _input_errors(where=adjournments):
                calendar = read_adjournments(_read_csv_rows(adjournments))
            overrides["review_period_counting"] = "days-of-session"
        parameters = ctx.parameters(**overrides)
        disapproval = None
        if disapproved_on is not None:
            disapproval = Disapproval(
                parse_date(disapproved_on, field="--disapproved-on"),
                parse_date(disapproval_introduced_on, field="--disapproval-introduced-on")
                if disapproval_introduced_on is not None
                else None,
            )
        elif disapproval_introduced_on is not None:
            raise InputError("--disapproval-introduced-on", "needs --disapproved-on (the day it was enacted)")
        answer = admission_timeline(
            day, disapproval=disapproval, calendar=calendar, modification=modification, params=parameters
        )
    ctx.emit_determination(f"Admission timeline for a certification on {day}", answer, parameters)


@check_command.command(
    "reviews",
    short_help="Due dates of the five-yearly reviews and annual reports (sec. 4(h), (i)).",
)
@click.option(
    "--first-entry-into-force",
    default=None,
    metavar="DATE",
    help="Day the first Alliance agreement entered into force.",
)
@click.option(
    "--member",
    "members",
    multiple=True,
    metavar="CODE:DATE",
    help="Alliance members instead: the earliest date is the first entry into force; repeatable.",
)
@click.option(
    "--reviews",
    "review_count",
    type=click.IntRange(1, 100),
    default=4,
    show_default=True,
    help="How many five-yearly reviews to list.",
)
@click.option(
    "--reports",
    "report_count",
    type=click.IntRange(1, 100),
    default=5,
    show_default=True,
    help="How many annual reports to list.",
)
@_common
def reviews_command(
    first_entry_into_force: str | None,
    members: tuple[str, ...],
    review_count: int,
    report_count: int,
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """Due dates of the five-yearly reviews (sec. 4(h)(1)) and the annual reports (sec. 4(i))."""
    ctx = _Context(as_json, params, bill)
    with _input_errors():
        parameters = ctx.parameters()
        if first_entry_into_force is not None:
            first = parse_date(first_entry_into_force, field="--first-entry-into-force")
        else:
            found = Alliance.of(parse_member(m) for m in members).first_entry_into_force
            if found is None:
                raise InputError("--first-entry-into-force", "missing (or give --member CODE:DATE)")
            first = found
        reviews = review_due_dates(first, count=review_count, params=parameters)
        reports = annual_report_due_dates(first, count=report_count, params=parameters)
    value = {"first_entry_into_force": first, "reviews": reviews.value, "annual_reports": reports.value}
    ctx.emit(
        f"Reviews and reports after a first entry into force on {first}",
        value,
        reviews.reasons + reports.reasons,
        rule=f"{reviews.rule} + {reports.rule}",
        params=parameters,
    )


@check_command.command(
    "fund",
    short_help="One quarter's transfer to the Trust Fund and its 60/20/20 split (sec. 6).",
)
@click.option(
    "--critical-mineral-duties",
    required=True,
    metavar="DOLLARS",
    help="Duties collected in the quarter on mined and processed critical minerals.",
)
@click.option(
    "--other-duties", default="0", metavar="DOLLARS", help="Other duties collected (not transferred)."
)
@click.option(
    "--adjustment",
    default="0",
    metavar="DOLLARS",
    help="Correction for earlier estimates: positive if they fell short, negative if too large.",
)
@_common
def fund_command(
    critical_mineral_duties: str,
    other_duties: str,
    adjustment: str,
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """One quarter's transfer to the Trust Fund (sec. 6(b)) and its 60/20/20 split in cents (sec. 6(c))."""
    ctx = _Context(as_json, params, bill)
    with _input_errors():
        parameters = ctx.parameters()
        answer = trust_fund_quarter(
            parse_money(critical_mineral_duties, field="--critical-mineral-duties"),
            other_duties=parse_money(other_duties, field="--other-duties"),
            adjustment=parse_money(adjustment, field="--adjustment", signed=True),
            params=parameters,
        )
    ctx.emit_determination(
        "Transfer to the Critical Mineral Mining and Processing Trust Fund", answer, parameters
    )


@check_command.command(
    "coverage-objective",
    short_help="Shares of the minerals list and select derivative products covered (sec. 4(d)).",
)
@click.argument("path", metavar="[FILE.toml]", required=False)
@click.option("--mineral", "minerals", multiple=True, metavar="NAME", help="A mineral the agreements cover.")
@click.option(
    "--product",
    "products",
    multiple=True,
    metavar="KIND",
    help="A kind of select derivative product "
    "covered: permanent-magnet, li-ion-battery-ev, li-ion-battery-other, battery-part (or li-ion-battery).",
)
@_common
def coverage_command(
    path: str | None,
    minerals: tuple[str, ...],
    products: tuple[str, ...],
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """Shares of the critical minerals list (objective 90%) and select derivative products (100%), sec. 4(d).

    The file, if given, has ``minerals = [...]`` and ``products = [...]``; options add to it.
    """
    ctx = _Context(as_json, params, bill)
    with _input_errors(where=path):
        parameters = ctx.parameters()
        listed_minerals, listed_products = list(minerals), list(products)
        if path is not None:
            document = _read_toml(path)
            for key, target in (("minerals", listed_minerals), ("products", listed_products)):
                entries = document.get(key, [])
                if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                    raise InputError(key, "should be a list of names")
                target.extend(entries)
        answer = coverage_objective(listed_minerals, listed_products)
    ctx.emit_determination(
        "Coverage of the Alliance's agreements against the negotiating objectives", answer, parameters
    )


@check_command.command(
    "dfc-support",
    short_help="Whether the DFC may support a project in an Alliance country (sec. 6(d)).",
)
@click.option("--country", required=True, metavar="CODE", help="Country of the project.")
@click.option("--on", "on", required=True, metavar="DATE", help="Day of the decision.")
@click.option("--member", "members", multiple=True, metavar="CODE:DATE", help="Alliance members; repeatable.")
@click.option(
    "--presidential-certification", is_flag=True, help="The President has certified (sec. 6(d)(1)(A))."
)
@click.option("--us-private-participation", is_flag=True, help="A U.S. private-sector person takes part.")
@click.option("--dod-offtake", is_flag=True, help="The Department of Defense committed to buy the output.")
@click.option(
    "--income-group",
    type=click.Choice(INCOME_GROUPS),
    default=None,
    help="The World Bank income group, if the committed data lacks it for that day.",
)
@_common
def dfc_command(
    country: str,
    on: str,
    members: tuple[str, ...],
    presidential_certification: bool,
    us_private_participation: bool,
    dod_offtake: bool,
    income_group: str | None,
    as_json: bool,
    params: tuple[str, ...],
    bill: str | None,
) -> None:
    """Whether the Development Finance Corporation may fund a project from the Trust Fund (sec. 6(d))."""
    ctx = _Context(as_json, params, bill)
    with _input_errors():
        parameters = ctx.parameters()
        answer = dfc_may_support(
            parse_country(country, field="--country"),
            parse_date(on, field="--on"),
            Alliance.of(parse_member(m) for m in members),
            presidential_certification=presidential_certification,
            us_private_participation=us_private_participation,
            dod_offtake=dod_offtake,
            income_group_override=income_group,
        )
    ctx.emit_determination(
        f"Development Finance Corporation support for a project in {answer.value.country}", answer, parameters
    )


def _required(value: str | None, option: str) -> str:
    if value is None:
        raise InputError(option, "missing (give --hts, --origin and --entry-date, or --ledger FILE.csv)")
    return value


@functools.cache
def _parse_bill(path: str) -> Bill:
    return parse_file(path)


@contextmanager
def _input_errors(*, where: str | None = None) -> Iterator[None]:
    try:
        yield
    except InputError as error:
        _fail(str(error.located(where=where) if where and not error.where else error))


def _read_toml(path: str) -> dict[str, Any]:
    return read_toml(path)


def _read_csv_rows(path: str) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return [
                {(k or "").strip().lower(): (v or "") for k, v in row.items()}
                for row in csv.DictReader(handle)
            ]
    except OSError as error:
        raise InputError("", f"cannot read the file: {error.strerror}", where=path) from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise InputError("", f"not a readable CSV file: {error}", where=path) from None


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)
