"""The ``newspkg`` command: convert, read, check and time articles from the shell.

Every subcommand reads files or ``-`` (stdin), writes results to stdout and problems to
stderr as ``newspkg: <file>: <message>``, and exits with

* 0 when every input was handled and, for ``check``, no error (or no finding at
  ``--fail-on``) was found;
* 1 when some input held no usable article, or ``check`` found one;
* 2 on a usage error, or when some input could not be read at all (missing, a directory,
  unreadable, larger than the limit); the other inputs are still processed.
* 70 on an internal error: a bug in newspkg, reported in one line (never a traceback),
  with a request to report it.

Output that cannot be encoded for the terminal is written with backslash escapes.

Inputs are recognised by content: text starting with ``<`` is an HTML page, anything else
JSON; a JSON object with a ``format_version`` key is newspkg's native JSON, any other JSON
is JSON-LD. Many inputs are processed one at a time, so memory stays constant.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Final

import attrs
import click

from newspkg._batch.outputs import BatchTally, result_line
from newspkg._batch.process import UNREADABLE
from newspkg._batch.read import read_batch
from newspkg._batch.runner import ordered_map
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
from newspkg._native import from_dict, is_native_document, to_json
from newspkg._readtime.estimate import MAX_SPEED, MIN_SPEED, SpeedPreset, reading_time
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


def _jobs(_ctx: click.Context, _param: click.Parameter, value: int) -> int:
    """``--jobs``: worker processes; 0 means one per CPU."""
    return value or os.cpu_count() or 1


_JOBS_OPTION: Final = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    callback=_jobs,
    help="Worker processes (0: one per CPU); output keeps the input order.",
)


# --- the command group -----------------------------------------------------------------------


INTERNAL_ERROR: Final = 70
"""Exit status for a bug in newspkg (``EX_SOFTWARE`` in BSD's sysexits.h)."""


class _Group(click.Group):
    """The command group, turning any unexpected exception into one line and status 70."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: say so briefly, never with a traceback
            click.echo(
                f"newspkg: internal error ({type(error).__name__}: {error}); "
                "please report it at https://github.com/newspkg/newspkg/issues",
                err=True,
            )
            ctx.exit(INTERNAL_ERROR)


@click.group(name="newspkg", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--script", is_flag=True, help='Write a <script type="application/ld+json"> tag.')
@click.option("--compact", is_flag=True, help="Write the script tag's JSON on one line.")
@_JOBS_OPTION
@click.pass_context
def jsonld(
    ctx: click.Context, files: tuple[str, ...], script: bool, compact: bool, jobs: int
) -> None:
    """Write the article in each FILE as schema.org JSON-LD.

    One file gives indented JSON; several give JSON Lines (one document per line).
    """
    work = functools.partial(_jsonld_text, script=script, compact=compact, many=len(files) > 1)
    ctx.exit(_each_file(files, work, jobs=jobs))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@_JOBS_OPTION
@click.pass_context
def meta(ctx: click.Context, files: tuple[str, ...], jobs: int) -> None:
    """Write the <meta> and <link> tags for the page head of the article in each FILE.

    With several files, each file's tags follow an HTML comment naming the file.
    """
    ctx.exit(_each_file(files, functools.partial(_meta_text, many=len(files) > 1), jobs=jobs))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--jsonl", is_flag=True, help="Read JSON Lines: one document per line (stdin by default)."
)
@click.option("--url", help="The address the page was fetched from (resolves relative URLs).")
@_JOBS_OPTION
@click.pass_context
def read(
    ctx: click.Context, *, files: tuple[str, ...], jsonl: bool, url: str | None, jobs: int
) -> None:
    """Read the article in each FILE and write it as native JSON.

    One file gives indented JSON; several files, or --jsonl, give JSON Lines (one article
    per line). Inputs without an article are reported on stderr and skipped.
    """
    tally = Tally()
    many = jsonl or len(files) > 1
    items = _progress(_inputs(_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally), files)
    work = functools.partial(_native_text, url=url, many=many)
    _echo_outcomes(ordered_map(work, items, jobs=jobs), tally)
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
@_JOBS_OPTION
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
    items = _progress(_inputs(_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally), files)
    work = functools.partial(_checked, options=options)
    for name, findings, problems in ordered_map(work, items, jobs=jobs):
        if findings is None:
            tally.failed += 1
            for problem in problems:
                _report(name, problem)
            if as_json:
                click.echo(json.dumps({"file": name, "error": list(problems)}))
            continue
        for found in findings:
            tally.severities[found.severity] += 1
        if as_json:
            record = {"file": name, "findings": [_finding_json(f) for f in findings]}
            click.echo(json.dumps(record, ensure_ascii=False))
        elif findings:
            _echo_findings(name, findings)
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
        if MIN_SPEED <= number <= MAX_SPEED:
            return number
        raise click.BadParameter(
            f"words per minute must be from {MIN_SPEED} to {MAX_SPEED:,}, got {value!r}"
        )
    try:
        return SpeedPreset(text)
    except ValueError:
        names = ", ".join(preset.value for preset in SpeedPreset)
        raise click.BadParameter(
            f"{value!r} is neither words per minute nor a preset ({names})"
        ) from None


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
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
@_JOBS_OPTION
@click.pass_context
def readtime(
    ctx: click.Context,
    *,
    files: tuple[str, ...],
    lang: str | None,
    speed: float | SpeedPreset | None,
    output_format: str,
    jobs: int,
) -> None:
    """Estimate the reading time of the article in each FILE ("7 min read").

    The article's body (or word count) is timed; for an HTML page whose article has
    neither, the page's visible text is timed instead, and stderr says so. With several
    files, each line names its file ("FILE: 7 min read"; a "file" key in JSON).
    """
    work = functools.partial(
        _readtime_text,
        lang=lang,
        speed=speed,
        as_json=output_format == "json",
        many=len(files) > 1,
    )
    ctx.exit(_each_file(files, work, jobs=jobs))


def main() -> None:
    """Run the ``newspkg`` command (the console script and ``python -m newspkg``)."""
    for stream in (sys.stdout, sys.stderr):
        # A file name (or text) the terminal's encoding cannot show is escaped, not a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
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
    """Tell native JSON from JSON-LD (see `is_native_document`)."""
    return InputKind.NATIVE if is_native_document(document) else InputKind.JSONLD


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
    return [p.message if p.path in {"$", ""} else f"{p.path}: {p.message}" for p in error.problems]


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


# --- many files on N processes: jsonld, meta, readtime ---------------------------------------


@attrs.frozen
class _Outcome:
    """What one file gave a per-file command: text for stdout, notes for stderr."""

    name: str
    text: str | None
    notes: tuple[str, ...] = ()
    failed: bool = False


def _each_file(files: tuple[str, ...], work: Callable[[Input], _Outcome], *, jobs: int) -> int:
    """Run ``work`` over each file on ``jobs`` processes, in order; return the exit status."""
    tally = Tally()
    items = _progress(_inputs(files, jsonl=False, tally=tally), files)
    _echo_outcomes(ordered_map(work, items, jobs=jobs), tally)
    return tally.exit_code


def _echo_outcomes(outcomes: Iterable[_Outcome], tally: Tally) -> None:
    for outcome in outcomes:
        for note in outcome.notes:
            _report(outcome.name, note)
        if outcome.text is not None:
            click.echo(outcome.text)
        tally.failed += outcome.failed


def _native_text(item: Input, *, url: str | None, many: bool) -> _Outcome:
    try:
        article = load_article(item, url=url)
    except NewspkgError as error:
        return _failure(item, error)
    return _Outcome(item.name, to_json(article, indent=None if many else 2))


def _checked(
    item: Input, *, options: CheckOptions
) -> tuple[str, list[Finding] | None, tuple[str, ...]]:
    """The input's name, and its findings or the problems that kept it from being checked."""
    try:
        return item.name, check_input(item, options), ()
    except NewspkgError as error:
        return item.name, None, tuple(_messages(error))


def _failure(item: Input, error: NewspkgError) -> _Outcome:
    return _Outcome(item.name, None, tuple(_messages(error)), failed=True)


def _jsonld_text(item: Input, *, script: bool, compact: bool, many: bool) -> _Outcome:
    try:
        article = load_article(item)
    except NewspkgError as error:
        return _failure(item, error)
    if script:
        return _Outcome(item.name, to_script_tag(article, compact=compact))
    document = to_jsonld(article)
    return _Outcome(item.name, json.dumps(document, ensure_ascii=False, indent=None if many else 2))


def _meta_text(item: Input, *, many: bool) -> _Outcome:
    try:
        tags = to_meta_tags(load_article(item))
    except NewspkgError as error:
        return _failure(item, error)
    # "--" cannot appear in a comment; a file name is shown with it replaced.
    name = item.name.replace("--", "-\u2010")
    return _Outcome(item.name, f"<!-- {name} -->\n{tags}" if many else tags)


def _readtime_text(
    item: Input,
    *,
    lang: str | None,
    speed: float | SpeedPreset | None,
    as_json: bool,
    many: bool,
) -> _Outcome:
    try:
        article = load_article(item)
    except NewspkgError as error:
        return _failure(item, error)
    source: str | Article = article
    notes: tuple[str, ...] = ()
    if article.body is None and article.word_count is None:
        if not item.looks_like_html:
            return _Outcome(
                item.name, None, ("the article has no body or word count to time",), True
            )
        notes = ("the article has no body or word count; timing the page's text",)
        source = decode_html(item.data)
    estimate = reading_time(source, lang=lang, speed=speed)
    if as_json:
        fields: dict[str, object] = {"file": item.name} if many else {}
        fields |= {
            "minutes": estimate.minutes,
            "label": estimate.label,
            "iso8601": estimate.iso8601,
            "words": estimate.words,
        }
        return _Outcome(item.name, json.dumps(fields, ensure_ascii=False), notes)
    return _Outcome(item.name, f"{item.name}: {estimate.label}" if many else estimate.label, notes)


# --- batch: archives to JSON Lines -----------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--articles/--no-articles",
    default=True,
    show_default=True,
    help="Read each record's article.",
)
@click.option(
    "--findings/--no-findings",
    default=False,
    show_default=True,
    help="Check each record's markup (as `newspkg check` does).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8", lazy=True),
    default="-",
    help="Where the JSON Lines go (default: stdout).",
)
@_JOBS_OPTION
@click.pass_context
def batch(
    ctx: click.Context,
    *,
    paths: tuple[str, ...],
    articles: bool,
    findings: bool,
    output: IO[str],
    jobs: int,
) -> None:
    """Read every page in WARC archives, JSON Lines files and folders, as JSON Lines.

    PATHS are WARC/ARC archives (.warc, .warc.gz, .arc, .arc.gz), JSON Lines of native or
    JSON-LD documents (.jsonl, .ndjson), folders, or single files. Each record gives one
    line with its id (WARC record id, FILE:LINE, or the file) and its article, findings,
    error or the reason it was skipped (not HTML, not a 200 response). A summary line goes
    to stderr. Exit status: 0 ok, 1 when a record had no article or an error finding, 2 when
    an input could not be read.
    """
    if not (articles or findings):
        raise click.UsageError("nothing to do: --no-articles needs --findings")
    tally = BatchTally()
    progress = _BatchProgress.when_wanted(to_terminal=output.isatty())
    results = read_batch(paths, articles=articles, findings=findings, jobs=jobs)
    for result in results:
        tally.add(result)
        output.write(result_line(result) + "\n")
        if result.error is not None and result.error.type == UNREADABLE:
            # Records without an article are in the output; only lost inputs are shouted.
            _report(result.id, "; ".join(result.error.messages))
        if progress is not None:
            progress.update(tally.records)
    if progress is not None:
        progress.finish()
    output.flush()
    click.echo(f"newspkg: {tally.summary()}", err=True)
    ctx.exit(tally.exit_code)


@attrs.define
class _BatchProgress:
    """A record count and rate on stderr, redrawn a few times a second."""

    started: float
    shown: float = 0.0

    @classmethod
    def when_wanted(cls, *, to_terminal: bool) -> _BatchProgress | None:
        """A progress line when stderr is a terminal and the results go elsewhere."""
        if to_terminal or not sys.stderr.isatty():
            return None
        return cls(started=time.monotonic())

    def update(self, records: int) -> None:
        """Redraw, at most every quarter second."""
        now = time.monotonic()
        if now - self.shown >= 0.25:
            self.shown = now
            rate = records / max(now - self.started, 1e-9)
            click.echo(f"\rnewspkg: {records:,} records, {rate:,.0f}/s ", err=True, nl=False)

    def finish(self) -> None:
        """Leave the line for the summary."""
        if self.shown:
            click.echo("", err=True)
