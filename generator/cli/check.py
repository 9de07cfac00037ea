"""``billtrace check``: the rules package's questions, each a command built from its declaration.

The questions come from the project's rules package (``RULES.questions``): the group lists and
builds them only when asked, so nothing here names a bill.  Each command reads the files its
question takes (TOML, CSV, a ledger stream), hands the values to the question, and prints the
answer and its reasons for a person, or one JSON object with ``--json``.  After the answer,
standard error has a warning for each bound value whose words the text no longer holds, for
each cited provision whose words changed since review, and for each whose entry recorded other
words for a provision it rests on (``rests_on``); a rules package that contradicts itself
(``check_declarations``) or a malformed reviewed-text file gets one line and no answer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any

import click

from generator.cli.context import workspace_of
from generator.project.bill_labels import BillFacts, bill_facts
from generator.project.rules import check_declarations, load_rules
from generator.project.workspace import Workspace
from generator.reports.answers import Labels, answer_json, answer_text, reasons_json, reasons_text
from provisions.kit import Answer, InputError, Option, Question, Reason, RulesPackage, Writer
from provisions.kit.inputs import read_csv_rows, read_toml

if TYPE_CHECKING:
    from generator.project.reviewed_words import Moved  # imported when there is a reviewed text to read

__all__ = ["check_command"]


class _CheckGroup(click.Group):
    """The questions of the project's rules package, as subcommands."""

    def _package(self) -> RulesPackage:
        return load_rules(workspace_of())

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [question.name for question in self._package().questions]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        package = self._package()
        if not package.questions:
            with formatter.section("Commands"):
                formatter.write_text(f"{package.name} declares no questions yet: give its RulesPackage "
                                     f"questions=(Question(...), ...) (see provisions.kit.package).")
            return
        super().format_commands(ctx, formatter)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        package = self._package()
        for question in package.questions:
            if question.name == cmd_name:
                return _command(question, package)
        return None


@click.group("check", cls=_CheckGroup, context_settings={"help_option_names": ["-h", "--help"]},
             short_help="Ask the rules a question; get the answer and the provisions it rests on.")
def check_command() -> None:
    """Answer a question under the project's rules, with the provisions the answer rests on."""


def _command(question: Question, package: RulesPackage) -> click.Command:
    params: list[click.Parameter] = [_parameter(option) for option in question.options]
    params += [
        click.Option(["--json", "as_json"], is_flag=True, help="Print one JSON object."),
        click.Option(["--param", "param_texts"], multiple=True, metavar="NAME=VALUE",
                     help="Set a parameter of the rules (see the parameters page); repeatable."),
        click.Option(["--bill"], default=None, metavar="FILE", envvar="BILLTRACE_BILL",
                     help="The bill whose labels cite the provisions [default: the project's bill]."),
    ]

    def run(**values: Any) -> None:
        _answer(question, package, values)

    return click.Command(question.name, callback=run, params=params, help=question.help,
                         short_help=question.short_help, context_settings={"help_option_names": ["-h", "--help"]})


def _parameter(option: Option) -> click.Parameter:
    flags = list(option.flags or (f"--{option.name.replace('_', '-')}",))
    if option.argument:
        return click.Argument([option.name], metavar=option.metavar, required=option.required)
    kind: Any = None
    if option.kind == "count":
        kind = click.IntRange(option.low, option.high)
    elif option.kind == "choice":
        kind = click.Choice(option.choices)
    flag = option.kind == "flag"
    return click.Option([*flags, option.name], is_flag=flag, multiple=option.multiple,
                        required=option.required, default=bool(option.default) if flag else option.default,
                        metavar=option.metavar,
                        type=kind, help=option.help, show_default=option.kind == "count")


def _answer(question: Question, package: RulesPackage, values: dict[str, Any]) -> None:
    texts: Sequence[str] = values.pop("param_texts")
    bill_path: str | None = values.pop("bill")
    as_json: bool = values["as_json"]

    named = _param_values(texts)  # before anything is read: a bad --param is one message, no answer

    def parameters(**overrides: str) -> Any:
        return package.parameters_from_strings({**overrides, **named})

    workspace = workspace_of()
    check_declarations(package)  # a contradicting package answers nothing, as coverage and review refuse it
    # fail on the bill before reading any file; the labels and words are parsed once per text (bill_facts)
    facts = bill_facts(bill_path or workspace.bill, workspace.state)
    labels = Labels(facts.labels)
    stale_values = package.value_mismatches(facts.words, facts.labels)  # an answer may rest on lost words
    changed = _changed_since_review(workspace, facts)  # read now: a malformed file is one message, no answer
    cited: Sequence[str] = ()
    with ExitStack() as stack:
        for option in question.options:
            if values.get(option.name) is not None and option.kind in ("toml", "csv", "lines"):
                values[option.name] = _read(option, values[option.name], stack)
        where = next((v for o in question.options if o.kind == "toml" and (v := values.get(o.name)) is not None
                      and isinstance(v, _Document)), None)
        try:
            answer = question.answer(values, parameters)
        except InputError as error:
            error = _as_spelled(error, question)
            raise (error.located(where=where.name) if where is not None and not error.where else error) from None
        if isinstance(answer, Answer):
            if as_json:
                text = answer_json(answer.value, answer.reasons, labels, rule=answer.rule, params=answer.parameters)
            else:
                text = answer_text(answer.title, answer.value, answer.reasons, labels, params=answer.parameters,
                                   percent=package.percent_fields, field_labels=answer.field_labels)
            click.echo(text)
            cited = [reason.provision for reason in answer.reasons]
        else:
            writer = _TerminalWriter(labels)
            answer.run(writer, click.echo)
            cited = list(writer.cited)
    for mismatch in stale_values:  # after the answer, so that a bad input is still one message
        click.echo(f"warning: {mismatch.message}; an answer that uses it rests on words the text no longer "
                   f"has (billtrace review)", err=True)
    for moved in changed(cited):
        if moved.rests_on:
            basis = (f"{labels(moved.rests_on)} ({moved.rests_on})" if moved.rests_on in facts.labels
                     else f"{moved.rests_on} (gone from the text)")
            click.echo(f"warning: {labels(moved.id)} ({moved.id}), which this answer cites, rests on {basis}, whose "
                       f"words changed since review: the rules that answered were reviewed against what those words "
                       f"said then (`billtrace review` shows the change)", err=True)
            continue
        words = {True: "the words of", False: "words below", None: "the words at or below"}[moved.own_words]
        click.echo(f"warning: {words} {labels(moved.id)} ({moved.id}), which this answer cites, changed since "
                   f"review: the rules that answered were reviewed against other words (`billtrace review` shows "
                   f"the change)", err=True)


def _param_values(texts: Sequence[str]) -> dict[str, str]:
    """Parameter name -> value, from each ``--param NAME=VALUE`` (a dash in the name read as ``_``).

    Raises:
        InputError: a text is not NAME=VALUE, or a parameter is given twice (the second would
            silently win over the first).
    """
    named: dict[str, str] = {}
    for text in texts:
        name, sep, value = text.partition("=")
        if not sep:
            raise InputError("--param", f"{text!r} should be NAME=VALUE")
        key = name.strip().replace("-", "_")
        if key in named:
            raise InputError("--param", f"{key} is given twice ({named[key]!r}, then {value.strip()!r}); "
                                        f"give each parameter once")
        named[key] = value.strip()
    return named


def _changed_since_review(workspace: Workspace, facts: BillFacts) -> Callable[[Sequence[str]], Sequence[Moved]]:
    """Which of the provisions an answer cites have words other than those reviewed.

    Raises:
        ReviewedTextError: the reviewed-text file is present but malformed (as ``billtrace review``).
    """
    if not workspace.reviewed.exists():  # nothing reviewed: nothing to have changed, and no import
        return lambda _cited: ()
    from generator.project.reviewed_words import changed_since_review
    from generator.trace.review import read_reviewed

    reviewed = read_reviewed(workspace.reviewed, name=workspace.relative(workspace.reviewed))
    return lambda cited: changed_since_review(cited, facts, reviewed)


def _as_spelled(error: InputError, question: Question) -> InputError:
    """The error naming the option as the command line spells it: a rule that says ``disapproved_on``
    or ``member`` means ``--disapproved-on`` or ``--member``."""
    for option in question.options:
        if option.argument:
            continue
        flag = (option.flags or (f"--{option.name.replace('_', '-')}",))[0]
        if error.field in (option.name, option.name.removesuffix("s"), flag.removeprefix("--")):
            return InputError(flag, error.message, row=error.row, line=error.line, where=error.where)
    return error


class _Document(dict[str, Any]):
    """A TOML document read for a question, remembering the file it came from."""

    name: str = ""


def _read(option: Option, path: str, stack: ExitStack) -> Any:
    if option.kind == "toml":
        document = _Document(read_toml(path))
        document.name = path
        return document
    if option.kind == "csv":
        return read_csv_rows(path), path
    if path == "-":
        return sys.stdin, "-", None
    try:
        source: IO[str] = stack.enter_context(open(path, newline="", encoding="utf-8-sig"))  # noqa: SIM115
        size = os.path.getsize(path)
    except OSError as error:
        raise InputError("", f"cannot read the file: {error.strerror}", where=path) from None
    return source, path, size


class _TerminalWriter(Writer):
    """How a streamed answer cites provisions (remembering which, for the warnings after it) and shows
    progress: a bar on a terminal, nothing elsewhere."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.cited: dict[str, None] = {}  # the provisions the answer cited, in order, once each

    def cite(self, provision_id: str) -> str:
        self.cited[provision_id] = None
        return self.labels(provision_id)

    def reasons_text(self, reasons: Sequence[Reason]) -> str:
        self.cited.update(dict.fromkeys(r.provision for r in reasons))
        return reasons_text(reasons, self.labels)

    def reasons_json(self, reasons: Sequence[Reason]) -> list[dict[str, Any]]:
        self.cited.update(dict.fromkeys(r.provision for r in reasons))
        return reasons_json(reasons, self.labels)

    def progress(self, label: str, size: int | None) -> Callable[[int], None]:
        if size is None or not sys.stderr.isatty():
            return lambda _done: None
        bar = click.progressbar(length=size, label=label, file=sys.stderr)
        bar.render_progress()

        def advance(done: int) -> None:
            bar.update(min(done, size) - bar.pos)
            if done >= size:
                bar.render_finish()

        return advance

