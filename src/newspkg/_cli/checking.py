"""The ``check`` subcommand: findings per input, as text or JSON Lines."""

from __future__ import annotations

import functools
import json
from typing import Final

import attrs
import click

from newspkg._batch.runner import ordered_map
from newspkg._checks.findings import Finding, Severity, finding_dict
from newspkg._checks.run import check
from newspkg._checks.select import Selection
from newspkg._cli.inputs import (
    JOBS_OPTION,
    JSONL_OPTION,
    HeldReports,
    Input,
    InputKind,
    Tally,
    input_files,
    kind_of,
    messages,
    plural,
    read_inputs,
    report,
    trouble,
    with_progress,
)
from newspkg._html.page import decode_html
from newspkg._jsonld.processing import load_json
from newspkg._models import Article
from newspkg._native import from_dict
from newspkg.errors import NewspkgError, ParseError, ValidationError

__all__ = ["CheckOptions", "check_command", "check_input"]

_SEVERITY_COLOURS: Final = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}


@click.command(name="check")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@JSONL_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: findings grouped by file; json: one JSON object per input (JSON Lines).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Report only these codes or families (comma-separated; repeatable).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Never report these codes or families (comma-separated; repeatable).",
)
@click.option(
    "--min-severity",
    type=click.Choice([severity.value for severity in Severity]),
    default=Severity.INFO.value,
    show_default=True,
    help="The lowest severity reported.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*(severity.value for severity in Severity), "never"]),
    default=Severity.ERROR.value,
    show_default=True,
    help="Exit 1 when a reported finding has this severity or a higher one.",
)
@JOBS_OPTION
@click.pass_context
def check_command(
    ctx: click.Context,
    *,
    files: tuple[str, ...],
    jsonl: bool,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str,
    fail_on: str,
    jobs: int,
) -> None:
    """Check each FILE's article markup and list what is wrong or missing.

    Exits 1 when a reported finding is an error (see --fail-on). Text output ends with a
    summary line; with --format json the summary goes to stderr. Codes and families
    (input, vocabulary, google, consistency) are listed in the checks documentation.
    """
    options = CheckOptions.of(select, ignore, min_severity)
    tally = Tally(fail_on=None if fail_on == "never" else Severity(fail_on))
    as_json = output_format == "json"
    held = HeldReports()
    inputs = read_inputs(input_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally, held=held)
    items = with_progress(inputs, files)
    work = functools.partial(_checked, options=options)
    for name, findings, problems in held.in_order(ordered_map(work, items, jobs=jobs)):
        if findings is None:
            tally.failed += 1
            for problem in problems:
                report(name, problem)
            if as_json:
                click.echo(json.dumps({"file": name, "error": list(problems)}))
            continue
        for found in findings:
            tally.severities[found.severity] += 1
        if as_json:
            record = {"file": name, "findings": [finding_dict(f) for f in findings]}
            click.echo(json.dumps(record, ensure_ascii=False))
        elif findings:
            _echo_findings(name, findings)
    click.echo(_check_summary(tally, unit="document" if jsonl else "file"), err=as_json)
    ctx.exit(tally.exit_code)


@attrs.frozen
class CheckOptions:
    """``check``'s keyword options, as given on the command line."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    min_severity: Severity

    @classmethod
    def of(
        cls, select: tuple[str, ...], ignore: tuple[str, ...], min_severity: str
    ) -> CheckOptions:
        """Split comma lists and validate the codes before any input is read."""
        options = cls(
            select=_code_list(select) if select else None,
            ignore=_code_list(ignore),
            min_severity=Severity(min_severity),
        )
        try:
            Selection.of(select=options.select, ignore=options.ignore, min_severity=min_severity)
        except ValidationError as error:
            options_named = (
                f"--{problem.path.split('[')[0].replace('_', '-')}: {problem.message}"
                for problem in error.problems
            )
            raise click.UsageError("; ".join(options_named)) from None
        return options

    def run(self, obj: Article | str | bytes) -> list[Finding]:
        return check(obj, select=self.select, ignore=self.ignore, min_severity=self.min_severity)


def _code_list(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def check_input(item: Input, options: CheckOptions) -> list[Finding]:
    """The findings for one input; input that is not JSON or too large is a finding.

    Raises:
        NewspkgError: a native JSON article that is not valid.
    """
    if item.looks_like_html:
        return options.run(decode_html(item.data))
    try:
        document = load_json(item.data)
    except ParseError:
        document = None  # not native; check() reports why the text cannot be read
    if kind_of(document) is InputKind.NATIVE:
        assert isinstance(document, dict)
        return options.run(from_dict(document))
    # Anything else is checked as text, which the text-level checks (raw tabs) need.
    return options.run(item.data)


def _echo_findings(name: str, findings: list[Finding]) -> None:
    click.secho(name, bold=True)
    for found in findings:
        severity = click.style(f"{found.severity.value:<7}", fg=_SEVERITY_COLOURS[found.severity])
        code = click.style(f"[{found.code}]", dim=True)
        click.echo(f"  {severity} {found.path}: {found.message} {code}")


def _check_summary(tally: Tally, *, unit: str) -> str:
    counts = ", ".join(plural(tally.severities[severity], severity.value) for severity in Severity)
    problems = trouble(tally, failed="could not be checked")
    return f"checked {plural(tally.inputs, unit)}: {counts}{problems}"


def _checked(
    item: Input, *, options: CheckOptions
) -> tuple[str, list[Finding] | None, tuple[str, ...]]:
    """The input's name, and its findings or the problems that kept it from being checked."""
    try:
        return item.name, check_input(item, options), ()
    except NewspkgError as error:
        return item.name, None, tuple(messages(error))
