"""The questions ``billtrace check`` asks of S. 2839's rules: their inputs, and the rules that answer.

Each question declares its options as data (``provisions.kit.Option``) and answers with a
function of the values given, checked here at the one input boundary: text is parsed with
the parsers of ``provisions.inputs``, files arrive already read by the command line (a TOML
document, CSV rows, or a text stream for a ledger).  Bad input raises ``InputError`` naming
the option, key, row or column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from provisions.candidate import candidate_from_document, candidate_parameters
from provisions.datasets import committed_adjournments
from provisions.inputs import (
    Alliance,
    Import,
    InputError,
    OtherDuties,
    Sourcing,
    parse_country,
    parse_date,
    parse_hts,
    parse_member,
    parse_money,
    parse_rate,
)
from provisions.kit import Answer, Option, Question, StreamAnswer
from provisions.kit.periods import read_adjournments
from provisions.ledger_output import run_ledger
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

__all__ = ["QUESTIONS"]

Values = Mapping[str, Any]
MakeParameters = Callable[..., Any]

_MEMBERS = Option("members", "An Alliance member and the date its agreement entered into force; repeatable.",
                  metavar="CODE:DATE", multiple=True, flags=("--member",))


def _duty(values: Values, parameters: MakeParameters) -> Answer | StreamAnswer:
    params = parameters()
    alliance = Alliance.of(parse_member(m) for m in values["members"])
    ledger = values["ledger"]
    if ledger is not None:
        given = [f"--{name.replace('_', '-')}" for name in ("hts", "origin", "entry_date", "value")
                 if values[name] is not None]
        given += [f"--{name.replace('_', '-')}" for name in _SOURCING_AND_LAYERS if values[name]]
        if given or values["producer_feoc"]:
            raise InputError(given[0] if given else "--producer-feoc",
                             "not with --ledger (the ledger has a column for it)")
        source, name, size = ledger
        return StreamAnswer(lambda writer, _out: run_ledger(
            source, name, size, alliance, params, writer=writer, as_json=values["as_json"],
            summary_only=values["summary_only"]))
    imp = Import(
        parse_hts(_required(values["hts"], "--hts"), field="--hts"),
        parse_country(_required(values["origin"], "--origin"), field="--origin"),
        parse_date(_required(values["entry_date"], "--entry-date"), field="--entry-date"),
        values["producer_feoc"],
        parse_money(values["value"], field="--value") if values["value"] is not None else None,
        _sourcing(values),
        _other_duties(values),
    )
    answer = duty_treatment(imp, alliance, params=params)
    return Answer.of(f"Duty treatment of {imp.hts} from {imp.origin} entered {imp.entry_date}", answer, params,
                     field_labels=_DUTY_LABELS.get(answer.value.treatment, _BILL_SETS_NONE))


# ``rate`` and ``duty`` are the layer the bill sets, not the total: a person sees which provision sets them.
_DUTY_LABELS = {
    "concern-rate": {"rate": ("s5_a", "rate"), "duty": ("s5_a", "duty")},
    "alliance-duty-free": {"rate": ("s4_g_1", "rate"), "duty": ("s4_g_1", "duty")},
}
_BILL_SETS_NONE = {"rate": ("", "rate set by the bill"), "duty": ("", "duty set by the bill")}


_SOURCING_AND_LAYERS = (
    "mined_in", "processed_in", "manufactured_in", "mined_by_feoc", "processed_by_feoc", "manufactured_by_feoc",
    "ordinary_rate", "section232_rate", "section232_since", "adcvd_rate",
)


def _sourcing(values: Values) -> Sourcing:
    def country(name: str) -> str | None:
        text = values[name]
        return parse_country(text, field=f"--{name.replace('_', '-')}") if text is not None else None

    return Sourcing(
        country("mined_in"), country("processed_in"), country("manufactured_in"),
        bool(values["mined_by_feoc"]), bool(values["processed_by_feoc"]), bool(values["manufactured_by_feoc"]),
    )


def _other_duties(values: Values) -> OtherDuties:
    def rate(name: str) -> Any:
        text = values[name]
        return parse_rate(text, field=f"--{name.replace('_', '-')}") if text is not None else None

    since = values["section232_since"]
    if since is not None and values["section232_rate"] is None:
        raise InputError("--section232-since", "needs --section232-rate")
    return OtherDuties(
        rate("ordinary_rate"), rate("section232_rate"),
        parse_date(since, field="--section232-since") if since is not None else None, rate("adcvd_rate"),
    )


def _eligibility(values: Values, parameters: MakeParameters) -> Answer:
    document = values["path"]
    params = parameters(**candidate_parameters(document))
    candidate = candidate_from_document(document)
    answer = eligibility(candidate, params=params)
    return Answer.of(f"Eligibility of {candidate.country} for the Critical Minerals Security Alliance", answer, params)


def _timeline(values: Values, parameters: MakeParameters) -> Answer:
    day = parse_date(values["certified"], field="--certified")
    calendar = None
    overrides: dict[str, str] = {}
    if values["adjournments"] is not None:
        rows, name = values["adjournments"]
        try:
            calendar = read_adjournments(rows, source=f"{name}, as given")
        except InputError as error:
            raise error.located(where=name) from None
        overrides["review_period_counting"] = "days-of-session"
    params = parameters(**overrides)
    if calendar is None and params.review_period_counting == "days-of-session":
        calendar = committed_adjournments()  # the committed calendar, whose reason gives its source
    disapproval = None
    if values["disapproved_on"] is not None:
        introduced = values["disapproval_introduced_on"]
        disapproval = Disapproval(
            parse_date(values["disapproved_on"], field="--disapproved-on"),
            parse_date(introduced, field="--disapproval-introduced-on") if introduced is not None else None,
        )
    elif values["disapproval_introduced_on"] is not None:
        raise InputError("--disapproval-introduced-on", "needs --disapproved-on (the day it was enacted)")
    answer = admission_timeline(day, disapproval=disapproval, calendar=calendar,
                                modification=values["modification"], params=params)
    return Answer.of(f"Admission timeline for a certification on {day}", answer, params)


def _reviews(values: Values, parameters: MakeParameters) -> Answer:
    params = parameters()
    if values["first_entry_into_force"] is not None:
        first = parse_date(values["first_entry_into_force"], field="--first-entry-into-force")
    else:
        found = Alliance.of(parse_member(m) for m in values["members"]).first_entry_into_force
        if found is None:
            raise InputError("--first-entry-into-force", "missing (or give --member CODE:DATE)")
        first = found
    reviews = review_due_dates(first, count=values["review_count"], params=params)
    reports = annual_report_due_dates(first, count=values["report_count"], params=params)
    value = {"first_entry_into_force": first, "reviews": reviews.value, "annual_reports": reports.value}
    return Answer(f"Reviews and reports after a first entry into force on {first}", value,
                  reviews.reasons + reports.reasons, f"{reviews.rule} + {reports.rule}", params)


def _fund(values: Values, parameters: MakeParameters) -> Answer:
    params = parameters()
    answer = trust_fund_quarter(
        parse_money(values["critical_mineral_duties"], field="--critical-mineral-duties"),
        other_duties=parse_money(values["other_duties"], field="--other-duties"),
        adjustment=parse_money(values["adjustment"], field="--adjustment", signed=True),
        params=params,
    )
    return Answer.of("Transfer to the Critical Mineral Mining and Processing Trust Fund", answer, params)


def _coverage(values: Values, parameters: MakeParameters) -> Answer:
    params = parameters()
    minerals, products = list(values["minerals"]), list(values["products"])
    document = values["path"]
    if document is not None:
        for key, target in (("minerals", minerals), ("products", products)):
            entries = document.get(key, [])
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise InputError(key, "should be a list of names")
            target.extend(entries)
    answer = coverage_objective(minerals, products)
    return Answer.of("Coverage of the Alliance's agreements against the negotiating objectives", answer, params)


def _dfc(values: Values, parameters: MakeParameters) -> Answer:
    params = parameters()
    answer = dfc_may_support(
        parse_country(values["country"], field="--country"),
        parse_date(values["on"], field="--on"),
        Alliance.of(parse_member(m) for m in values["members"]),
        presidential_certification=values["presidential_certification"],
        us_private_participation=values["us_private_participation"],
        dod_offtake=values["dod_offtake"],
        income_group_override=values["income_group"],
        params=params,
    )
    return Answer.of(f"Development Finance Corporation support for a project in {answer.value.country}",
                     answer, params)


def _required(value: str | None, option: str) -> str:
    if value is None:
        raise InputError(option, "missing (give --hts, --origin and --entry-date, or --ledger FILE.csv)")
    return value


QUESTIONS: tuple[Question, ...] = (
    Question(
        "duty", "How an import is treated under secs. 4(g) and 5, and its duty.",
        """How secs. 4(g) and 5 treat an import: alliance-duty-free, concern-rate, unaffected or out-of-scope.

        The answer shows each duty layer (ordinary, section 301, section 232, antidumping and
        countervailing) and what the bill does to it. With --ledger, the CSV has columns hts,
        origin, entry_date, value and, optionally, producer_feoc, the sourcing columns
        (mined_in ... manufactured_by_feoc), other_duties, deposit_date, liquidation_date and id
        (see provisions/ledger.py). It is read as a stream:
        per-row treatments and duties, totals, and the Trust Fund transfer for each federal
        fiscal quarter (the fiscal year begins October 1) and each recipient.""",
        (
            Option("hts", "HTS subheading, e.g. 8505.11.00.", metavar="NUMBER"),
            Option("origin", "Country of origin, ISO 3166-1 alpha-2 (CN).", metavar="CODE"),
            Option("entry_date", "Date of entry, YYYY-MM-DD.", metavar="DATE"),
            _MEMBERS,
            Option("producer_feoc", "A foreign entity of concern mined, processed or made the good.", kind="flag"),
            Option("mined_in", "Country where the good (or its mineral) was mined.", metavar="CODE"),
            Option("processed_in", "Country where it was processed.", metavar="CODE"),
            Option("manufactured_in", "Country where it was manufactured.", metavar="CODE"),
            Option("mined_by_feoc", "A foreign entity of concern mined it (sec. 5(b)).", kind="flag"),
            Option("processed_by_feoc", "A foreign entity of concern processed it (sec. 5(b)).", kind="flag"),
            Option("manufactured_by_feoc", "A foreign entity of concern manufactured it (sec. 5(b)).",
                   kind="flag"),
            Option("value", "Customs value, to compute the duty.", metavar="DOLLARS"),
            Option("ordinary_rate", "The ordinary (column 1) rate in percent, for the duty layers.",
                   metavar="PERCENT"),
            Option("section232_rate", "A section 232 rate on the good, in percent.", metavar="PERCENT"),
            Option("section232_since", "Day the section 232 action took effect (sec. 4(g)(2)).", metavar="DATE"),
            Option("adcvd_rate", "Antidumping and countervailing duty rate, in percent (never waived).",
                   metavar="PERCENT"),
            Option("ledger", "Treat every row of an import ledger ('-' for standard input) instead of one import.",
                   kind="lines", metavar="FILE.csv"),
            Option("summary_only", "With --ledger: print the totals, not every row.", kind="flag"),
        ),
        _duty,
    ),
    Question(
        "eligibility", "Whether a candidate country is eligible for the Alliance (sec. 4(b), (c)).",
        """Whether a candidate country is eligible for the Alliance (sec. 4(b), (c)); every unmet criterion cited.

        The file gives the country, its duty commitments per HTS subheading (or a default),
        comparable measures, a phase-in end date and the commitments of sec. 4(b)(2) to (5);
        see provisions/candidate.py for the keys.""",
        (Option("path", "The candidate's commitments.", kind="toml", metavar="FILE.toml", argument=True,
                required=True),),
        _eligibility,
    ),
    Question(
        "timeline", "From certification to the earliest entry into force (sec. 4(e), (f)).",
        "Certification -> the 90-day review -> the earliest entry into force (sec. 4(e), (f)).",
        (
            Option("certified", "Day the Trade Representative certified the country.", metavar="DATE",
                   required=True),
            Option("disapproved_on", "Day a joint resolution of disapproval was enacted.", metavar="DATE"),
            Option("disapproval_introduced_on", "Day that resolution was introduced.", metavar="DATE"),
            Option("adjournments", "Adjournment calendar (chamber, first_day, last_day, kind): count days of "
                   "session under 19 U.S.C. 2194(b) instead of calendar days.", kind="csv", metavar="FILE.csv"),
            Option("modification", "The agreement is a modification of an agreement (sec. 4(e)(3)).", kind="flag"),
        ),
        _timeline,
    ),
    Question(
        "reviews", "Due dates of the five-yearly reviews and annual reports (sec. 4(h), (i)).",
        "Due dates of the five-yearly reviews (sec. 4(h)(1)) and the annual reports (sec. 4(i)).",
        (
            Option("first_entry_into_force", "Day the first Alliance agreement entered into force.",
                   metavar="DATE"),
            Option("members", "Alliance members instead: the earliest date is the first entry into force; "
                   "repeatable.", metavar="CODE:DATE", multiple=True, flags=("--member",)),
            Option("review_count", "How many five-yearly reviews to list.", kind="count", default=4, low=1,
                   high=100, flags=("--reviews",)),
            Option("report_count", "How many annual reports to list.", kind="count", default=5, low=1, high=100,
                   flags=("--reports",)),
        ),
        _reviews,
    ),
    Question(
        "fund", "One quarter's transfer to the Trust Fund and its 60/20/20 split (sec. 6).",
        "One quarter's transfer to the Trust Fund (sec. 6(b)) and its 60/20/20 split in cents (sec. 6(c)).",
        (
            Option("critical_mineral_duties", "Duties collected in the quarter on mined and processed critical "
                   "minerals.", metavar="DOLLARS", required=True),
            Option("other_duties", "Other duties collected (not transferred).", metavar="DOLLARS", default="0"),
            Option("adjustment", "Correction for earlier estimates: positive if they fell short, negative if "
                   "too large.", metavar="DOLLARS", default="0"),
        ),
        _fund,
    ),
    Question(
        "coverage-objective", "Shares of the minerals list and select derivative products covered (sec. 4(d)).",
        """Shares of the critical minerals list (objective 90%) and select derivative products (100%), sec. 4(d).

        The file, if given, has ``minerals = [...]`` and ``products = [...]``; options add to it.""",
        (
            Option("path", "Minerals and products covered.", kind="toml", metavar="[FILE.toml]", argument=True),
            Option("minerals", "A mineral the agreements cover.", metavar="NAME", multiple=True,
                   flags=("--mineral",)),
            Option("products", "A kind of select derivative product covered: permanent-magnet, li-ion-battery-ev, "
                   "li-ion-battery-other, battery-part (or li-ion-battery).", metavar="KIND", multiple=True,
                   flags=("--product",)),
        ),
        _coverage,
    ),
    Question(
        "dfc-support", "Whether the DFC may support a project in an Alliance country (sec. 6(d)).",
        "Whether the Development Finance Corporation may fund a project from the Trust Fund (sec. 6(d)).",
        (
            Option("country", "Country of the project.", metavar="CODE", required=True),
            Option("on", "Day of the decision.", metavar="DATE", required=True),
            Option("members", "Alliance members; repeatable.", metavar="CODE:DATE", multiple=True,
                   flags=("--member",)),
            Option("presidential_certification", "The President has certified (sec. 6(d)(1)(A)).", kind="flag"),
            Option("us_private_participation", "A U.S. private-sector person takes part.", kind="flag"),
            Option("dod_offtake", "The Department of Defense committed to buy the output.", kind="flag"),
            Option("income_group", "The World Bank income group, if the committed data lacks it for that day.",
                   kind="choice", choices=tuple(INCOME_GROUPS)),
        ),
        _dfc,
    ),
)
