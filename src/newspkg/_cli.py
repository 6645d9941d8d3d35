"""The ``newspkg`` command: convert, read, check and time articles from the shell.

Every subcommand reads files or ``-`` (stdin), writes results to stdout and problems to
stderr as ``newspkg: <file>: <message>``, and exits with

* 0 when every input was handled and, for ``check``, no error (or no finding at
  ``--fail-on``) was found;
* 1 when some input held no usable article, or ``check`` found one;
* 2 on a usage error, or when some input could not be read at all (missing, a directory,
  unreadable, larger than the limit); the other inputs are still processed.

Inputs are recognised by content: text starting with ``<`` is an HTML page, anything else
JSON; a JSON object with a ``format_version`` key is newspkg's native JSON, any other JSON
is JSON-LD. Many inputs are processed one at a time, so memory stays constant.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Final

import attrs
import click

from newspkg._checks.findings import Finding, Severity
from newspkg._checks.run import check
from newspkg._checks.select import Selection, severity_rank
from newspkg._html.meta_tags import to_meta_tags
from newspkg._html.page import MAX_HTML_SIZE, decode_html, from_html
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.reader import from_jsonld
from newspkg._jsonld.script import to_script_tag
from newspkg._jsonld.writer import to_jsonld
from newspkg._models import Article
from newspkg._native import VERSION_KEY, from_dict, to_json
from newspkg._readtime.estimate import SpeedPreset, reading_time
from newspkg._validation import language_problem
from newspkg.errors import NewspkgError, ParseError, ValidationError

__all__ = ["cli", "main"]

PROGRESS_THRESHOLD: Final = 20
"""Runs over at least this many files show a progress bar (when stderr is a terminal)."""

_SEVERITY_COLOURS: Final = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}


class InputKind(enum.Enum):
    """What an input holds, told by its content."""

    HTML = "html"
    JSONLD = "jsonld"
    NATIVE = "native"


@attrs.frozen
class Input:
    """One input document: a file, stdin, or one line of a JSON Lines stream."""

    name: str
    data: bytes

    @property
    def looks_like_html(self) -> bool:
        """Whether the text starts with ``<`` (a CDATA-wrapped JSON block does not count)."""
        head = self.data[:64].lstrip(b"\xef\xbb\xbf \t\r\n\f")
        return head.startswith(b"<") and not head.startswith(b"<![CDATA[")


@attrs.define
class Tally:
    """What a run did, for the summary line and the exit status."""

    inputs: int = 0
    unreadable: int = 0
    failed: int = 0
    severities: dict[Severity, int] = attrs.Factory(lambda: dict.fromkeys(Severity, 0))
    fail_on: Severity | None = Severity.ERROR  # None: findings never fail the run

    @property
    def exit_code(self) -> int:
        """2 when some input could not be read, 1 on failures or failing findings, else 0."""
        if self.unreadable:
            return 2
        return 1 if self.failed or self._failing_findings else 0

    @property
    def _failing_findings(self) -> bool:
        if self.fail_on is None:
            return False
        least = severity_rank(self.fail_on)
        return any(n for s, n in self.severities.items() if severity_rank(s) >= least)


# --- the command group -----------------------------------------------------------------------


@click.group(name="newspkg", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newspkg", prog_name="newspkg")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: only on a terminal).",
)
@click.pass_context
def cli(ctx: click.Context, color: bool | None) -> None:
    """Structured news-article metadata: convert, read, check and time articles.

    FILE may be an HTML page, a JSON-LD document or newspkg's native JSON (told apart by
    content); '-' reads stdin. Exit status: 0 ok, 1 no article or errors found, 2 usage
    error or unreadable input.
    """
    ctx.color = color


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--script", is_flag=True, help='Write a <script type="application/ld+json"> tag.')
@click.option("--compact", is_flag=True, help="Write the script tag's JSON on one line.")
def jsonld(file: str, script: bool, compact: bool) -> None:
    """Write the article in FILE as schema.org JSON-LD."""
    article = _single_article(file)
    if script:
        click.echo(to_script_tag(article, compact=compact))
    else:
        click.echo(json.dumps(to_jsonld(article), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
def meta(file: str) -> None:
    """Write the <meta> and <link> tags for the page head of the article in FILE."""
    click.echo(to_meta_tags(_single_article(file)))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--jsonl", is_flag=True, help="Read JSON Lines: one document per line (stdin by default)."
)
@click.option("--url", help="The address the page was fetched from (resolves relative URLs).")
@click.pass_context
def read(ctx: click.Context, files: tuple[str, ...], jsonl: bool, url: str | None) -> None:
    """Read the article in each FILE and write it as native JSON.

    One file gives indented JSON; several files, or --jsonl, give JSON Lines (one article
    per line). Inputs without an article are reported on stderr and skipped.
    """
    tally = Tally()
    many = jsonl or len(files) > 1
    for item in _progress(_inputs(_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally), files):
        try:
            article = load_article(item, url=url)
        except NewspkgError as error:
            tally.failed += 1
            _report(item.name, error)
            continue
        click.echo(to_json(article, indent=None if many else 2))
    if many:
        click.echo(_read_summary(tally), err=True)
    ctx.exit(tally.exit_code)


@cli.command(name="check")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--jsonl", is_flag=True, help="Read JSON Lines: one document per line (stdin by default)."
)
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
) -> None:
    """Check each FILE's article markup and list what is wrong or missing.

    Exits 1 when a reported finding is an error (see --fail-on). Text output ends with a
    summary line; with --format json the summary goes to stderr. Codes and families
    (input, vocabulary, google, consistency) are listed in the checks documentation.
    """
    options = CheckOptions.of(select, ignore, min_severity)
    tally = Tally(fail_on=None if fail_on == "never" else Severity(fail_on))
    as_json = output_format == "json"
    for item in _progress(_inputs(_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally), files):
        try:
            findings = check_input(item, options)
        except NewspkgError as error:
            tally.failed += 1
            _report(item.name, error)
            if as_json:
                click.echo(json.dumps({"file": item.name, "error": _messages(error)}))
            continue
        for found in findings:
            tally.severities[found.severity] += 1
        if as_json:
            record = {"file": item.name, "findings": [_finding_json(f) for f in findings]}
            click.echo(json.dumps(record, ensure_ascii=False))
        elif findings:
            _echo_findings(item.name, findings)
    click.echo(_check_summary(tally, unit="document" if jsonl else "file"), err=as_json)
    ctx.exit(tally.exit_code)


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--lang``: a BCP 47 language tag."""
    problem = None if value is None else language_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


def _speed(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> float | SpeedPreset | None:
    """``--speed``: words per minute (a positive number) or a preset name."""
    if value is None:
        return None
    text = value.strip().lower()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if 0 < number < float("inf"):
            return number
        raise click.BadParameter(f"words per minute must be a positive number, got {value!r}")
    try:
        return SpeedPreset(text)
    except ValueError:
        names = ", ".join(preset.value for preset in SpeedPreset)
        raise click.BadParameter(
            f"{value!r} is neither words per minute nor a preset ({names})"
        ) from None


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "--lang",
    callback=_language,
    help="The text's language (BCP 47, e.g. de, ja); default: the article's.",
)
@click.option(
    "--speed",
    metavar="WPM|PRESET",
    callback=_speed,
    help="Words per minute, or a preset: "
    + ", ".join(preset.value for preset in SpeedPreset)
    + " (default: research).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='text: "7 min read"; json: minutes, label, ISO 8601 duration and word count.',
)
def readtime(
    file: str, lang: str | None, speed: float | SpeedPreset | None, output_format: str
) -> None:
    """Estimate the reading time of the article in FILE ("7 min read").

    The article's body (or word count) is timed; for an HTML page whose article has
    neither, the page's visible text is timed instead, and stderr says so.
    """
    item = _single_input(file)
    article = _article_or_exit(item)
    source: str | Article = article
    if article.body is None and article.word_count is None:
        if not item.looks_like_html:
            _report(item.name, "the article has no body or word count to time")
            raise click.exceptions.Exit(1)
        _report(item.name, "the article has no body or word count; timing the page's text")
        source = decode_html(item.data)
    estimate = reading_time(source, lang=lang, speed=speed)
    if output_format == "json":
        fields = {
            "minutes": estimate.minutes,
            "label": estimate.label,
            "iso8601": estimate.iso8601,
            "words": estimate.words,
        }
        click.echo(json.dumps(fields))
    else:
        click.echo(estimate.label)


def main() -> None:
    """Run the ``newspkg`` command (the console script and ``python -m newspkg``)."""
    try:
        cli.main(prog_name="newspkg")
    except BrokenPipeError:
        # The reader went away (``newspkg read *.html | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


# --- inputs ----------------------------------------------------------------------------------


def load_article(item: Input, *, url: str | None = None) -> Article:
    """Read the article in one input, whatever its kind.

    Raises:
        NewspkgError: the input is not well-formed, or holds no valid article.
    """
    if item.looks_like_html:
        return from_html(item.data, url=url)
    document = load_json(item.data)
    if _kind_of(document) is InputKind.NATIVE:
        assert isinstance(document, dict)
        return from_dict(document)
    return from_jsonld(document, base_url=url)


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
    if _kind_of(document) is InputKind.NATIVE:
        assert isinstance(document, dict)
        return options.run(from_dict(document))
    # Anything else is checked as text, which the text-level checks (raw tabs) need.
    return options.run(item.data)


def _kind_of(document: JsonValue) -> InputKind:
    """Tell native JSON from JSON-LD.

    Native JSON carries ``format_version``; hand-written native JSON may omit it, but
    JSON-LD always has a keyword (``@context``, ``@type``, ``@graph``) and native never does.
    """
    if isinstance(document, dict) and (
        VERSION_KEY in document or not any(key.startswith("@") for key in document)
    ):
        return InputKind.NATIVE
    return InputKind.JSONLD


def _single_article(file: str) -> Article:
    """The article in one FILE, or exit: 2 when it cannot be read, 1 when it holds none."""
    return _article_or_exit(_single_input(file))


def _single_input(file: str) -> Input:
    for item in _inputs([file], jsonl=False, tally=Tally()):
        return item
    raise click.exceptions.Exit(2)


def _article_or_exit(item: Input) -> Article:
    try:
        return load_article(item)
    except NewspkgError as error:
        _report(item.name, error)
        raise click.exceptions.Exit(1) from None


def _files(files: tuple[str, ...], *, jsonl: bool) -> tuple[str, ...]:
    if files:
        return files
    if jsonl:
        return ("-",)
    raise click.UsageError("Missing argument 'FILES...' (use '-' for stdin).")


def _inputs(files: Iterable[str], *, jsonl: bool, tally: Tally) -> Iterator[Input]:
    """Yield each input in turn, reporting (and counting) those that cannot be read."""
    for file in files:
        name = "<stdin>" if file == "-" else file
        try:
            with _open(file) as stream:
                if jsonl:
                    for number, line in enumerate(stream, start=1):
                        if line.strip():
                            tally.inputs += 1
                            yield Input(f"{name}:{number}", line)
                    continue
                data = stream.read(MAX_HTML_SIZE + 1)
        except OSError as error:
            tally.unreadable += 1
            _report(name, error.strerror or str(error))
            continue
        if len(data) > MAX_HTML_SIZE:
            tally.unreadable += 1
            _report(name, f"larger than {MAX_HTML_SIZE:,} bytes; not read")
            continue
        tally.inputs += 1
        yield Input(name, data)


def _open(file: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if file == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return Path(file).open("rb")


def _progress(items: Iterator[Input], files: tuple[str, ...]) -> Iterator[Input]:
    """``items``, behind a progress bar on stderr for long runs when only stderr is a terminal.

    When stdout is the same terminal, the results themselves show progress, and a bar
    would be torn by them.
    """
    if len(files) < PROGRESS_THRESHOLD or not sys.stderr.isatty() or sys.stdout.isatty():
        yield from items
        return
    with click.progressbar(items, length=len(files), label="newspkg", file=sys.stderr) as bar:
        yield from bar


# --- output ----------------------------------------------------------------------------------


def _report(name: str, error: NewspkgError | str) -> None:
    if isinstance(error, str):
        click.echo(f"newspkg: {name}: {error}", err=True)
        return
    for line in _messages(error):
        click.echo(f"newspkg: {name}: {line}", err=True)


def _messages(error: NewspkgError) -> list[str]:
    return [p.message if p.path == "$" else f"{p.path}: {p.message}" for p in error.problems]


def _finding_json(found: Finding) -> dict[str, str]:
    return {
        "severity": found.severity.value,
        "code": found.code,
        "path": found.path,
        "message": found.message,
    }


def _echo_findings(name: str, findings: list[Finding]) -> None:
    click.secho(name, bold=True)
    for found in findings:
        severity = click.style(f"{found.severity.value:<7}", fg=_SEVERITY_COLOURS[found.severity])
        code = click.style(f"[{found.code}]", dim=True)
        click.echo(f"  {severity} {found.path}: {found.message} {code}")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def _check_summary(tally: Tally, *, unit: str) -> str:
    counts = ", ".join(_plural(tally.severities[severity], severity.value) for severity in Severity)
    trouble = _trouble(tally, failed="could not be checked")
    return f"checked {_plural(tally.inputs, unit)}: {counts}{trouble}"


def _read_summary(tally: Tally) -> str:
    done = f"read {_plural(tally.inputs - tally.failed, 'article')}"
    trouble = _trouble(tally, failed="had no article")
    return f"{done} from {_plural(tally.inputs, 'input')}{trouble}"


def _trouble(tally: Tally, *, failed: str) -> str:
    parts = []
    if tally.failed:
        parts.append(f"{_plural(tally.failed, 'input')} {failed}")
    if tally.unreadable:
        parts.append(f"{_plural(tally.unreadable, 'file')} could not be read")
    return "; " + "; ".join(parts) if parts else ""
